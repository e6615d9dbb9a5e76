"""Time from page load to the lane drawn in the running app (headless Chromium, offline).

Run: ``.venv/bin/python benchmarks/bench_app.py``. First visitor: starts the app on a free
port six times, alternately as ``make run`` does (``serve.py``, which warms the default lane
before it answers) and with a bare ``streamlit run app.py``, and times the first load after
each start. Warm page: loads the default view 5 more times in fresh browser contexts.
Returning visitor: 5 more loads of each in one browser context (its HTTP and code caches
kept, as when a stakeholder reopens the page or a link). Medians, with a bare Leaflet page (the
standalone HTML export of the same map, from a file) as the baseline in the same run, loaded
the same way.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
FRAME = 'iframe[title="app_pages.map_component.lane_map"]'  # map_component.FRAME_TITLE
sys.path.insert(0, str(ROOT))


def main() -> None:
    from geo.present.model import present
    from geo.present.view import build_view
    from geo.render.browser import CHROMIUM_ARGS, chromium_path
    from geo.render.folium import mapping
    from scripts.appserver import running_app

    html = Path(tempfile.mkdtemp()) / "lane.html"
    html.write_text(mapping.standalone_html(present(build_view())), encoding="utf-8")
    first_s: dict[bool, list[float]] = {True: [], False: []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium_path() or "/usr/bin/chromium", args=list(CHROMIUM_ARGS)
        )
        try:
            # a new server each time: the first visitor after `make run` (serve.py, warmed)
            # and after a bare `streamlit run app.py`, in alternation
            for warm in (True, False) * 3:
                with running_app(warm=warm) as base:
                    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
                    page = ctx.new_page()
                    t0 = time.perf_counter()
                    page.goto(base)
                    frame = page.frame_locator(FRAME)
                    frame.locator("#map_div path.lane-route").first.wait_for(timeout=60_000)
                    first_s[warm].append(time.perf_counter() - t0)
                    ctx.close()
        finally:
            browser.close()
    with running_app() as base:
        app_s, app_load_s, bare_s = [], [], []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=chromium_path() or "/usr/bin/chromium", args=list(CHROMIUM_ARGS)
            )
            try:
                for n in range(6):
                    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
                    page = ctx.new_page()
                    t0 = time.perf_counter()
                    page.goto(base)  # returns at the page's load event
                    t_load = time.perf_counter()
                    frame = page.frame_locator(FRAME)
                    frame.locator("#map_div path.lane-route").first.wait_for(timeout=60_000)
                    if n:  # the first load warms the server's caches
                        app_s.append(time.perf_counter() - t0)
                        app_load_s.append(time.perf_counter() - t_load)
                    ctx.close()
                    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
                    page = ctx.new_page()
                    t0 = time.perf_counter()
                    page.goto(html.as_uri())
                    page.locator("path.lane-route").first.wait_for(timeout=60_000)
                    if n:
                        bare_s.append(time.perf_counter() - t0)
                    ctx.close()
                again_app, again_bare = _returning(browser, base, html.as_uri())
            finally:
                browser.close()
    app, bare = statistics.median(app_s), statistics.median(bare_s)
    app_load = statistics.median(app_load_s)
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print("Command: .venv/bin/python benchmarks/bench_app.py")
    print()
    print("| page load → lane drawn (default view, 1280×800, offline) | median of 5 | ratio |")
    print("|---|---:|---:|")
    print(f"| standalone HTML export from a file (baseline) | {bare:.2f} s | 1.00 |")
    for warm, how in ((False, "`streamlit run app.py`"), (True, "`make run` (serve.py)")):
        first = statistics.median(first_s[warm])
        print(
            f"| first visitor after {how} is healthy (median of 3 starts) "
            f"| {first:.2f} s | {first / bare:.1f} |"
        )
    print(
        "| the Streamlit app (warm server), from navigation start "
        f"| {app:.2f} s | {app / bare:.1f} |"
    )
    print(f"| the Streamlit app (warm server), from the load event | {app_load:.2f} s | |")
    print()
    print("| returning visitor (one browser context, caches kept) | median of 5 | ratio |")
    print("|---|---:|---:|")
    print(f"| standalone HTML export from a file (baseline) | {again_bare:.2f} s | 1.00 |")
    print(f"| the Streamlit app (warm server) | {again_app:.2f} s | {again_app / again_bare:.1f} |")


def _returning(browser: Any, base: str, bare_url: str) -> tuple[float, float]:
    """Median navigation → lane drawn over 5 loads of the app and of the bare page, each in
    its own context kept open (the first load of each fills its caches and is not counted)."""
    times: dict[str, list[float]] = {base: [], bare_url: []}
    contexts = {url: browser.new_context(viewport={"width": 1280, "height": 800}) for url in times}
    try:
        for n in range(6):
            for url, ctx in contexts.items():
                page = ctx.new_page()
                t0 = time.perf_counter()
                page.goto(url)
                if url == base:
                    frame = page.frame_locator(FRAME)
                    frame.locator("#map_div path.lane-route").first.wait_for(timeout=60_000)
                else:
                    page.locator("path.lane-route").first.wait_for(timeout=60_000)
                if n:
                    times[url].append(time.perf_counter() - t0)
                page.close()
    finally:
        for ctx in contexts.values():
            ctx.close()
    return statistics.median(times[base]), statistics.median(times[bare_url])


if __name__ == "__main__":
    main()
