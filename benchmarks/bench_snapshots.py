"""Snapshot timings for each renderer and format at 1920×1080, measured in one process.

Run: ``.venv/bin/python benchmarks/bench_snapshots.py`` (or ``make bench``). Prints a Markdown
table for BENCHMARKS.md: the median of 3 runs of :func:`geo.jobs.snapshot.render` per renderer and
format, for the default lane (Shanghai → San Pedro Bay, 18 kn). The view is built once
beforehand (the route is not part of the timings); each browser PNG launches and closes its
own Chromium, as ``python -m geo snapshot`` does. The machine is shared and noisy: compare
rows, not runs.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

REPEAT = 3
SIZE = (1920, 1080)

# (label, file extension, renderer)
CASES: tuple[tuple[str, str, str], ...] = (
    ("PNG", ".png", "browser"),
    ("PNG", ".png", "static"),
    ("SVG", ".svg", "static"),
    ("PDF", ".pdf", "static"),
    ("HTML (standalone map)", ".html", "auto"),
    ("GeoJSON", ".geojson", "auto"),
    ("GeoPackage", ".gpkg", "auto"),
    ("CSV (segments)", ".csv", "auto"),
)


def main() -> None:
    from geo.jobs import snapshot
    from geo.present.model import present
    from geo.present.view import build_view
    from geo.render import browser

    view = build_view("Shanghai", "San Pedro Bay", speed_kn=18)
    pres = present(view)
    view.segments_gdf(), view.zones_gdf(), view.ports_gdf(), view.routes_gdf()  # warm layers
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-snapshots-") as tmp:
        for label, ext, renderer in CASES:
            if renderer == "browser" and not browser.browser_available():
                rows.append((label, "browser", "Chromium not found", "", "", ""))
                continue
            path = Path(tmp) / f"lane-{renderer}{ext}"
            t0 = time.perf_counter()  # the first call warms imports, caches and Chromium
            snapshot.render(pres, path, size=SIZE, renderer=renderer)
            first = time.perf_counter() - t0
            samples = []
            for _ in range(REPEAT):
                t0 = time.perf_counter()
                result = snapshot.render(pres, path, size=SIZE, renderer=renderer)
                samples.append(time.perf_counter() - t0)
            size_kb = path.stat().st_size / 1024
            rows.append(
                (
                    label,
                    result.renderer,
                    f"{statistics.median(samples) * 1000:,.0f} ms",
                    f"{min(samples) * 1000:,.0f}–{max(samples) * 1000:,.0f} ms",
                    f"{first * 1000:,.0f} ms",
                    f"{size_kb:,.0f} KB",
                )
            )

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )
    print("Command: .venv/bin/python benchmarks/bench_snapshots.py")
    print(f"Lane: {pres.title}, {SIZE[0]}×{SIZE[1]} px, median of {REPEAT} runs in one process")
    print()
    print("| format | renderer | median | range | first call in the process | file size |")
    print("|---|---|---:|---:|---:|---:|")
    for label, renderer, median, spread, first_call, size in rows:
        print(f"| {label} | {renderer} | {median} | {spread} | {first_call} | {size} |")


if __name__ == "__main__":
    main()
