"""A/B of the page between two checkouts: the browser's work and the time to the lane drawn.

Run: ``.venv/bin/python benchmarks/bench_page_ab.py DIR_A DIR_B [N] [QUERY]``, with two
checkouts of the project (``git worktree add /tmp/before <commit>``). Both apps run at once, as
``make run`` starts them; each round loads the page once from each, in alternating order, in a
fresh browser context at 1280×800 with nothing outside localhost. Reported: medians over N
rounds (default 8; the first round is a warm-up and not counted) of the browser's main-thread
work (CDP ``Performance.getMetrics`` ``TaskDuration``, read 1 s after the lane is drawn) and of
navigation → lane drawn. Two servers measured in alternation share the machine's load, so their
ratio holds up on a busy machine where single timings do not.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from contextlib import ExitStack
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LANE = "#map_div path.lane-route"
# either frame (the project's own since 2026-11-30, streamlit-folium's before): A/B across it
FRAME = (
    'iframe[title="app_pages.map_component.lane_map"], iframe[title="streamlit_folium.st_folium"]'
)


def main(argv: list[str]) -> int:
    from geo.render.browser import CHROMIUM_ARGS, chromium_path
    from scripts.appserver import running_app

    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    dirs = [Path(a).resolve() for a in argv[:2]]
    rounds = int(argv[2]) if len(argv) > 2 else 8
    query = argv[3] if len(argv) > 3 else ""
    work: dict[Path, list[float]] = {d: [] for d in dirs}
    lane: dict[Path, list[float]] = {d: [] for d in dirs}
    with ExitStack() as stack, sync_playwright() as pw:
        bases = {d: stack.enter_context(running_app(root=d)) for d in dirs}
        browser = pw.chromium.launch(
            executable_path=chromium_path() or "/usr/bin/chromium", args=list(CHROMIUM_ARGS)
        )
        try:
            for n in range(rounds + 1):
                for d in dirs if n % 2 else dirs[::-1]:
                    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
                    ctx.route("**/*", _localhost_only)
                    page = ctx.new_page()
                    cdp = ctx.new_cdp_session(page)
                    cdp.send("Performance.enable")
                    t0 = time.perf_counter()
                    page.goto(bases[d] + query)
                    page.frame_locator(FRAME).locator(LANE).first.wait_for(timeout=120_000)
                    drawn = time.perf_counter() - t0
                    time.sleep(1.0)
                    metrics = cdp.send("Performance.getMetrics")["metrics"]
                    if n:
                        lane[d].append(drawn)
                        work[d].append(
                            next(m["value"] for m in metrics if m["name"] == "TaskDuration")
                        )
                    ctx.close()
        finally:
            browser.close()
    print(f"Command: .venv/bin/python benchmarks/bench_page_ab.py {' '.join(argv)}")
    print(f"Load average at the end: {os.getloadavg()[0]:.1f}")
    print()
    print(f"| checkout | browser work (median of {rounds}) | navigation → lane drawn |")
    print("|---|---:|---:|")
    first = statistics.median(work[dirs[0]]), statistics.median(lane[dirs[0]])
    for d in dirs:
        w, t = statistics.median(work[d]), statistics.median(lane[d])
        print(f"| {d} | {w:.2f} s ({w / first[0]:.2f}) | {t:.2f} s ({t / first[1]:.2f}) |")
    return 0


def _localhost_only(route: object) -> None:
    url = route.request.url  # type: ignore[attr-defined]
    if url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:")):
        route.continue_()  # type: ignore[attr-defined]
    else:
        route.abort()  # type: ignore[attr-defined]


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
