"""Browser end-to-end harness: Debian's Chromium driven by Playwright, network sealed off.

Fixtures
--------
``chromium_path`` (session)   path of the system Chromium; fails (never skips) when missing.
``browser`` (session)         a headless Playwright ``Browser`` on that Chromium.
``page`` (function)           a fresh 1280x800 page whose every request outside localhost is
                              aborted and recorded. Tests assert on ``page.blocked_urls``
                              (aborted URLs), ``page.page_errors`` (uncaught JS errors, in
                              the page and its iframes) and ``page.http_errors`` ("<status>
                              <url>" for each response >= 400); ``page.console_errors`` is
                              there for diagnosis. A failing test leaves a full-page
                              screenshot in ``artifacts/screenshots/<test>.png``.
``streamlit_server`` (session) a factory: ``streamlit_server(app_path) -> base_url`` starts
                              ``streamlit run`` once per app for the session and stops it at
                              the end.
``app_server`` (session)      base URL of the project's own ``app.py``.

Example::

    @pytest.mark.browser
    def test_map(page, app_server):
        page.goto(app_server)
        ...
        assert page.blocked_urls == []
        assert page.page_errors == []
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from geo.render import browser as browser_snapshot

PROJECT_DIR = Path(__file__).resolve().parents[2]
APP_PATH = PROJECT_DIR / "app.py"
SCREENSHOT_DIR = PROJECT_DIR / "artifacts" / "screenshots"
LOG_DIR = PROJECT_DIR / "artifacts" / "logs"

CHROMIUM_ARGS = list(browser_snapshot.CHROMIUM_ARGS)
VIEWPORT = {"width": 1280, "height": 800}
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
LOCAL_SCHEMES = frozenset({"data", "blob", "about"})
SERVER_START_TIMEOUT_S = 120.0  # includes serve.py's warm-up of the default lane

StreamlitServerFactory = Callable[[Path], str]


def _python() -> str:
    """The project's virtualenv Python (the one running pytest when it is the venv's)."""
    venv_python = PROJECT_DIR / ".venv" / "bin" / "python"
    return str(venv_python) if venv_python.exists() else sys.executable


# --------------------------------------------------------------------------- reporting


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Keep each phase's report on the item (``item.rep_setup``, ``item.rep_call`` ...)."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def _failed(item: pytest.Item) -> bool:
    return any(
        getattr(getattr(item, f"rep_{when}", None), "failed", False) for when in ("setup", "call")
    )


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def chromium_path() -> str:
    found = browser_snapshot.chromium_path()
    if found is None:
        pytest.fail(
            "Chromium not found on PATH. Browser tests use Debian's Chromium, never a "
            "downloaded one: run `make test` (it installs it), or `apt-get install chromium`.",
            pytrace=False,
        )
    return found


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


def _is_local_request(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.scheme in {"http", "https", "ws", "wss"} and (parts.hostname or "") in LOCAL_HOSTS


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    blocked_urls: list[str] = []
    page_errors: list[str] = []
    console_errors: list[str] = []
    http_errors: list[str] = []

    def guard(route: Any) -> None:
        url = route.request.url
        if _is_local_request(url):
            route.continue_()
        else:
            blocked_urls.append(url)
            route.abort("blockedbyclient")

    context.route("**/*", guard)
    new_page = context.new_page()
    new_page.on("pageerror", lambda error: page_errors.append(str(error)))
    new_page.on(
        "console",
        lambda message: console_errors.append(message.text) if message.type == "error" else None,
    )
    new_page.on(
        "response",
        lambda response: (
            http_errors.append(f"{response.status} {response.url}")
            if response.status >= 400
            else None
        ),
    )
    new_page.blocked_urls = blocked_urls
    new_page.page_errors = page_errors
    new_page.console_errors = console_errors
    new_page.http_errors = http_errors
    try:
        yield new_page
    finally:
        if _failed(request.node):
            SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
            try:
                new_page.screenshot(path=str(SCREENSHOT_DIR / f"{name}.png"), full_page=True)
            except Exception as exc:  # a crashed page must not hide the real failure
                print(f"could not save a screenshot: {exc}", file=sys.stderr)
        context.close()


# --------------------------------------------------------------------------- streamlit


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(process: subprocess.Popen[bytes], base_url: str, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"streamlit exited with code {process.returncode} before it was healthy:\n"
                + log_path.read_text(errors="replace")[-4000:],
                pytrace=False,
            )
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    pytest.fail(
        f"streamlit was not healthy at {base_url} within {SERVER_START_TIMEOUT_S:.0f} s:\n"
        + log_path.read_text(errors="replace")[-4000:],
        pytrace=False,
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


@pytest.fixture(scope="session")
def streamlit_server() -> Iterator[StreamlitServerFactory]:
    """``streamlit_server(app_path) -> "http://127.0.0.1:<port>"``, one server per app."""
    servers: dict[Path, str] = {}
    processes: list[subprocess.Popen[bytes]] = []
    logs: list[Any] = []

    def start(app_path: Path) -> str:
        app_path = Path(app_path).resolve()
        if app_path in servers:
            return servers[app_path]
        if not app_path.is_file():
            pytest.fail(f"no Streamlit app at {app_path}", pytrace=False)
        port = _free_port()
        base_url = f"http://127.0.0.1:{port}"
        LOG_DIR.mkdir(parents=True, exist_ok=True)
        log_path = LOG_DIR / f"streamlit-{app_path.stem}.log"
        log_file = log_path.open("wb")
        logs.append(log_file)
        env = dict(os.environ)
        # Streamlit puts the script's folder on sys.path, not the cwd: make `geo` importable.
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(PROJECT_DIR), env.get("PYTHONPATH", "")) if p
        )
        env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
        # the project's page starts as `make run` starts it (serve.py: warm-up, then
        # `streamlit run`); other test apps with a bare `streamlit run`
        launcher = (
            [str(PROJECT_DIR / "serve.py")]
            if app_path.resolve() == (PROJECT_DIR / "app.py").resolve()
            else ["-m", "streamlit", "run", str(app_path)]
        )
        command = [
            _python(),
            *launcher,
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--server.enableStaticServing",
            "true",
            "--server.fileWatcherType",
            "none",
            "--browser.gatherUsageStats",
            "false",
        ]
        process = subprocess.Popen(
            command,
            cwd=PROJECT_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so teardown kills it whole
        )
        processes.append(process)
        _wait_healthy(process, base_url, log_path)
        servers[app_path] = base_url
        return base_url

    try:
        yield start
    finally:
        for process in processes:
            _stop(process)
        for log_file in logs:
            log_file.close()


@pytest.fixture(scope="session")
def app_server(streamlit_server: StreamlitServerFactory) -> str:
    """Base URL of the project's ``app.py``, started once for the whole session."""
    if not APP_PATH.is_file():
        pytest.fail(f"{APP_PATH} does not exist yet", pytrace=False)
    return streamlit_server(APP_PATH)
