"""Sea-distance matrix timings, as ratios within one run (medians). Not a test.

Run: PYTHONPATH=. .venv/bin/python benchmarks/bench_matrix.py [--quick]
"""

from __future__ import annotations

import statistics
import sys
import time
import warnings
from collections.abc import Callable

from distributed import LocalCluster
from searoute import searoute

from geo.catalogue import ports
from geo.jobs import atlas
from geo.jobs.dask_runner import Scheduler
from geo.routing import matrix


def sample(n: int) -> list[ports.Port]:
    pool = [p for p in ports.catalogue() if p.kind == "catalogue"]
    step = len(pool) // n
    return pool[::step][:n]


def median_s(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    quick = "--quick" in sys.argv
    repeat = 3
    matrix.distance_matrix(sample(10))  # load the network once
    p150 = sample(150)
    pairs = [
        (p150[i], p150[(i * 7 + 3) % 150]) for i in range(0, 150, 150 // (10 if quick else 30))
    ]
    per_pair = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for o, d in pairs:
            start = time.perf_counter()
            searoute(list(o.route_coord), list(d.route_coord), units="km", append_orig_dest=True)
            per_pair.append(time.perf_counter() - start)
    bare = statistics.median(per_pair)
    m150 = median_s(lambda: matrix.distance_matrix(p150), repeat) / 150**2
    print(f"bare searoute(): {bare * 1e3:.2f} ms/pair (median of {len(pairs)} pairs)")
    print(f"matrix, 150 ports: {m150 * 1e6:.2f} µs/pair -> {bare / m150:,.0f}x cheaper per pair")
    sizes = [50, 100, 200] if quick else [50, 100, 200, 400]
    base = None
    for n in sizes:
        t = median_s(lambda n=n: matrix.distance_matrix(sample(n)), repeat)
        base = base or t
        print(f"matrix, {n} ports: {t:.3f} s, {t / n * 1e3:.2f} ms/origin, x{t / base:.1f} vs 50")
    n = 200 if quick else 400
    big = sample(n)
    results = {}
    for workers in (1, 2):
        with LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            sched = Scheduler("tcp", address=cluster.scheduler_address)
            atlas.matrix_job(big[:16], scheduler=sched)  # warm every worker's network
            results[workers] = median_s(lambda s=sched: atlas.matrix_job(big, scheduler=s), repeat)
        print(f"Dask {workers} worker(s), {n} ports: {results[workers]:.3f} s")
    inproc = median_s(lambda: atlas.matrix_job(big), repeat)
    print(
        f"in-process, {n} ports: {inproc:.3f} s; 2 workers / 1 worker = "
        f"{results[2] / results[1]:.2f}"
    )


if __name__ == "__main__":
    main()
