"""Headless Chromium for snapshots: finding it, one browser per process, the limits, capture.

One Chromium is launched per process and kept alive for successive PNGs, owned by a daemon
thread that runs Playwright's asyncio API (Playwright objects belong to the thread that made
them; callers may be any thread: Streamlit sessions, a deck job). It is relaunched when it
has died and closed at exit (:func:`close_browser`). Each render gets a fresh browser
context and page, closed whatever happens; at most :data:`MAX_CONCURRENT_RENDERS` render at
once. Every request other than ``file:``, ``data:``, ``blob:``, ``about:`` and localhost is
aborted, and the context is offline.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import contextlib
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

from geo.errors import ExportError
from geo.render import cjkfont

CHROMIUM_ARGS: Final[tuple[str, ...]] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
CHROMIUM_CANDIDATES: Final[tuple[str, ...]] = ("chromium", "chromium-browser")
CHROMIUM_FALLBACK_PATH: Final[str] = "/usr/bin/chromium"
#: Renders that may run at once in the one browser; others wait (within their time limit).
MAX_CONCURRENT_RENDERS: Final[int] = 2
#: Extra seconds the caller waits after the time limit (Playwright's own time-outs and the
#: limit on the render coroutine normally end it first).
JOIN_GRACE_S: Final[float] = 20.0
LOCAL_SCHEMES: Final[frozenset[str]] = frozenset({"file", "data", "blob", "about"})
LOCAL_HOSTS: Final[frozenset[str]] = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
#: A JS predicate that is true once the map has drawn and the snapshot fit has settled.
READY_CONDITION: Final[str] = (
    "() => document.documentElement.dataset.snapshotReady === '1'"
    " && document.querySelectorAll('.leaflet-overlay-pane path').length > 0"
)


def chromium_path() -> str | None:
    """The system Chromium (``chromium`` on PATH, else ``/usr/bin/chromium``), or ``None``."""
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return CHROMIUM_FALLBACK_PATH if Path(CHROMIUM_FALLBACK_PATH).exists() else None


def browser_available() -> bool:
    """True when Playwright is installed and a system Chromium is found (nothing launched)."""
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        return False
    return chromium_path() is not None


def not_found_error() -> ExportError:
    return ExportError(
        "Chromium was not found (looked for 'chromium' on PATH and /usr/bin/chromium); "
        "install it (`apt-get install chromium` or `make chromium`) or use the static renderer"
    )


def is_local(url: str) -> bool:
    """True for ``file:``/``data:``/``blob:``/``about:`` URLs and http(s)/ws(s) to localhost."""
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.scheme in {"http", "https", "ws", "wss"} and (parts.hostname or "") in LOCAL_HOSTS


async def _launch(pw: Any, executable: str, timeout_ms: float) -> Any:
    """Launch headless Chromium at ``executable`` (the one place a browser starts). Where
    fontconfig does not know Noto Sans CJK SC but the PyPI package holds it, Chromium gets a
    fontconfig file that adds it (:func:`geo.render.cjkfont.fontconfig_file`), so a Chinese
    PNG draws every character, not only the map's web-font subset."""
    env = None
    try:
        conf = cjkfont.fontconfig_file()
    except OSError:  # an unwritable cache: Chromium keeps the system's fonts
        conf = None
    if conf is not None:
        env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    return await pw.chromium.launch(
        executable_path=executable,
        headless=True,
        args=list(CHROMIUM_ARGS),
        timeout=timeout_ms,
        env=env,
    )


class _Runner:
    """A daemon thread running an asyncio loop that owns Playwright and the one browser."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(
            target=self.loop.run_forever, name="geo-chromium", daemon=True
        )
        self.thread.start()
        self.playwright: Any = None
        self.browser: Any = None
        self.guard = asyncio.Lock()

    def submit(self, coro: Any) -> concurrent.futures.Future[Any]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    async def browser_for(self, timeout_ms: float) -> Any:
        """The live browser, launched (again) when there is none or it has died."""
        async with self.guard:
            if self.browser is not None and self.browser.is_connected():
                return self.browser
            if self.browser is not None:
                await _quietly(self.browser.close())
                self.browser = None
            path = chromium_path()
            if path is None:
                raise not_found_error()
            if self.playwright is None:
                from playwright.async_api import async_playwright

                self.playwright = await async_playwright().start()
            self.browser = await _launch(self.playwright, path, timeout_ms)
            return self.browser

    async def shutdown(self) -> None:
        async with self.guard:
            if self.browser is not None:
                await _quietly(self.browser.close())
            if self.playwright is not None:
                await _quietly(self.playwright.stop())
            self.browser = self.playwright = None


async def _quietly(awaitable: Any) -> None:
    with contextlib.suppress(Exception):
        await asyncio.wait_for(awaitable, timeout=10)


_runner_lock = threading.Lock()
_runner: _Runner | None = None
_slots = threading.BoundedSemaphore(MAX_CONCURRENT_RENDERS)


def _the_runner() -> _Runner:
    global _runner
    with _runner_lock:
        if _runner is None or not _runner.thread.is_alive():
            _runner = _Runner()
        return _runner


def running_browser() -> Any:
    """The browser kept alive for this process, or ``None`` when none is running."""
    runner = _runner
    return None if runner is None else runner.browser


def close_browser() -> None:
    """Close the process's browser and its Playwright driver (registered ``atexit``); the next
    render launches a new one."""
    global _runner
    with _runner_lock:
        runner, _runner = _runner, None
    if runner is None:
        return
    with contextlib.suppress(Exception):
        runner.submit(runner.shutdown()).result(timeout=15)
    runner.loop.call_soon_threadsafe(runner.loop.stop)
    runner.thread.join(timeout=5)


atexit.register(close_browser)


class Deadline:
    """The time left of a render's limit."""

    def __init__(self, seconds: float) -> None:
        self.seconds = float(seconds)
        self.end = time.monotonic() + self.seconds

    def left(self) -> float:
        return max(0.001, self.end - time.monotonic())

    def ms(self) -> float:
        """Milliseconds left (at least 1, so Playwright times out rather than waiting)."""
        return max(1.0, self.left() * 1000.0)


async def _capture(
    runner: _Runner, page_file: Path, css_w: int, css_h: int, scale: float, deadline: Deadline
) -> bytes:
    """Open the page in a fresh context, wait until the map has drawn and the fit has
    settled, screenshot the viewport. The context is closed whatever happens."""
    browser = await runner.browser_for(deadline.ms())
    context = await browser.new_context(
        viewport={"width": css_w, "height": css_h},
        device_scale_factor=scale,
        service_workers="block",
        offline=True,
    )
    try:

        async def guard(route: Any) -> None:
            if is_local(route.request.url):
                await route.continue_()
            else:
                await route.abort("blockedbyclient")

        await context.route("**/*", guard)
        page = await context.new_page()
        await page.goto(page_file.as_uri(), wait_until="load", timeout=deadline.ms())
        await page.wait_for_function(READY_CONDITION, timeout=deadline.ms(), polling=100)
        error = await page.evaluate("() => document.documentElement.dataset.snapshotError || ''")
        if error:
            raise ExportError(f"the map page failed while fitting the lane: {error}")
        data: bytes = await page.screenshot(type="png", full_page=False, timeout=deadline.ms())
        return data
    finally:
        await _quietly(context.close())


def capture_png(html: str, css_w: int, css_h: int, scale: float, timeout_s: float) -> bytes:
    """Screenshot the page ``html`` in a ``css_w × css_h`` CSS viewport at
    ``device_scale_factor=scale``; PNG bytes of about ``css_w·scale × css_h·scale`` pixels.

    Raises :class:`~geo.errors.ExportError` when Chromium is missing, the page fails, or the
    whole render (waiting for a free slot included) takes longer than ``timeout_s``.
    """
    if chromium_path() is None:
        raise not_found_error()
    try:
        from playwright.async_api import Error as PlaywrightError
    except ImportError as exc:  # pragma: no cover - playwright is a dependency
        raise ExportError(
            "Playwright is not installed; `pip install playwright` or use the static renderer"
        ) from exc
    too_slow = (
        f"the browser did not finish the PNG within the time limit of {timeout_s:g} s; "
        "try again, a smaller size, or the static renderer"
    )
    deadline = Deadline(timeout_s)
    if not _slots.acquire(timeout=deadline.left()):
        raise ExportError(too_slow + f" ({MAX_CONCURRENT_RENDERS} renders were already running)")
    try:
        with tempfile.TemporaryDirectory(prefix="geo-snapshot-") as tmp:
            page_file = Path(tmp) / "snapshot.html"
            page_file.write_text(html, encoding="utf-8")
            runner = _the_runner()
            work = _capture(runner, page_file, css_w, css_h, scale, deadline)
            future = runner.submit(asyncio.wait_for(work, timeout=deadline.left()))
            try:
                data: bytes = future.result(timeout=deadline.left() + JOIN_GRACE_S)
            except (concurrent.futures.TimeoutError, asyncio.TimeoutError) as exc:
                future.cancel()
                raise ExportError(too_slow) from exc
            except PlaywrightError as exc:
                if "Timeout" in type(exc).__name__:
                    raise ExportError(too_slow) from exc
                text = str(exc).strip()
                first = text.splitlines()[0] if text else type(exc).__name__
                raise ExportError(f"the browser failed to render the PNG: {first}") from exc
            return data
    finally:
        _slots.release()
