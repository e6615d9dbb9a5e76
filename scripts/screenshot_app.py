"""Screenshot of the running app for the README, made with the project's own tooling.

Starts ``streamlit run app.py`` on a free port, opens it in headless Chromium with every request
outside localhost blocked, waits for the lane to draw and saves ``docs/app.png``.

    .venv/bin/python scripts/screenshot_app.py [--out docs/app.png] [--width 1280 --height 900]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from geo.render.browser import CHROMIUM_ARGS, chromium_path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from app_pages.map_component import FRAME_TITLE
from scripts.appserver import running_app

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "app.png"))
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()
    with running_app() as base:
        chromium = chromium_path() or "/usr/bin/chromium"
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
            try:
                page = browser.new_page(viewport={"width": args.width, "height": args.height})
                page.route(
                    "**/*",
                    lambda r: (
                        r.continue_()
                        if r.request.url.startswith((base, "data:", "blob:"))
                        else r.abort()
                    ),
                )
                page.goto(base)
                frame = page.frame_locator(f'iframe[title="{FRAME_TITLE}"]')
                frame.locator("#map_div path.lane-route").first.wait_for(timeout=60_000)
                page.wait_for_timeout(2500)  # let the map settle its fit
                Path(args.out).parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=args.out, full_page=True)
            finally:
                browser.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
