"""Route-engine timings, measured in one process as ratios against a bare searoute call.

Run: ``.venv/bin/python benchmarks/bench_routing.py`` (or ``make bench``). Prints a Markdown
table for BENCHMARKS.md. Timings are medians; the machine is noisy, so compare the ratios.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ORIGIN = (122.425, 31.122)  # Shanghai, North Channel pilot station
DESTINATION = (-118.251, 33.708)  # Los Angeles, Angels Gate


def median_ms(
    fn: Callable[[], object], repeat: int, before: Callable[[], None] | None = None
) -> float:
    samples = []
    for _ in range(repeat):
        if before:
            before()
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def first_route_in_new_process() -> float:
    code = (
        "import time; t=time.perf_counter(); from geo.routing.engine import route; "
        "route('Shanghai','Los Angeles'); print((time.perf_counter()-t)*1000)"
    )
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
        )
        runs.append(float(out.stdout.strip()))
    return statistics.median(runs)


def main() -> None:
    from searoute import searoute

    from geo.routing import engine as routing

    first_ms = first_route_in_new_process()
    routing.route("Shanghai", "Los Angeles")  # warm the graph in this process

    def bare() -> object:
        return searoute(
            list(ORIGIN), list(DESTINATION), append_orig_dest=True, return_passages=True
        )

    def ours() -> object:
        return routing.route("Shanghai", "Los Angeles")

    bare_ms = median_ms(bare, 30)
    uncached_ms = median_ms(ours, 30, before=routing.clear_caches)
    cached_ms = median_ms(ours, 2000)

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print("Command: .venv/bin/python benchmarks/bench_routing.py")
    print()
    print("| measurement (Shanghai → Los Angeles) | median | ratio to bare searoute | target |")
    print("|---|---:|---:|---|")
    print(f"| first route in a new process (import + graph load) | {first_ms:,.0f} ms | | |")
    print(f"| bare `searoute()` call | {bare_ms:.2f} ms | 1.00 | |")
    print(
        f"| `geo.routing.engine.route()` uncached | {uncached_ms:.2f} ms "
        f"| {uncached_ms / bare_ms:.2f} | ≤ 1.2 |"
    )
    print(
        f"| `geo.routing.engine.route()` cached | {cached_ms * 1000:.1f} µs "
        f"| {cached_ms / bare_ms:.4f} | ≤ 0.05 ms |"
    )


if __name__ == "__main__":
    main()
