"""Run a list of independent tasks in-process or on Dask, in order, with a progress bar.

``scheduler``: ``None`` (in this process), ``"local:N"`` (a ``dask.distributed`` LocalCluster of
N worker processes, one thread each, started and closed here) or ``"tcp://HOST:PORT"`` (an
existing Dask scheduler). Results come back in task order whichever way they ran. A task is a
module-level function and picklable arguments; every worker process imports ``geo`` once and
keeps its module-level caches (the sea network) between tasks.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from tqdm import tqdm

from geo.errors import GeoError
from geo.i18n import N_

T = TypeVar("T")

MAX_LOCAL_WORKERS = 64
_LOCAL_RE = re.compile(r"^local:(\d+)$")
_TCP_RE = re.compile(r"^tcp://[A-Za-z0-9.\-\[\]:]+:\d{1,5}$")


class SchedulerError(GeoError):
    """A ``--scheduler`` value that is neither ``local:N`` nor ``tcp://HOST:PORT``, or a
    cluster that cannot be reached."""


@dataclass(frozen=True)
class Scheduler:
    """Where tasks run: ``kind`` is ``inprocess``, ``local`` (``workers`` processes) or ``tcp``."""

    kind: str
    workers: int = 0
    address: str = ""


IN_PROCESS = Scheduler("inprocess")


def parse_scheduler(text: str | None) -> Scheduler:
    """``None``/``""`` → in-process; ``local:N`` (1 ≤ N ≤ 64); ``tcp://HOST:PORT``.

    Raises :class:`SchedulerError` naming the value and the accepted forms.
    """
    if text is None or not text.strip():
        return Scheduler("inprocess")
    value = text.strip()
    local = _LOCAL_RE.match(value)
    if local and 1 <= int(local.group(1)) <= MAX_LOCAL_WORKERS:
        return Scheduler("local", workers=int(local.group(1)))
    if _TCP_RE.match(value):
        return Scheduler("tcp", address=value)
    raise SchedulerError(
        N_(
            "scheduler {value!r} is not accepted; give local:N (N worker processes, 1 to "
            "{most}) or tcp://HOST:PORT (an existing Dask scheduler)",
            value=value[:60],
            most=MAX_LOCAL_WORKERS,
        )
    )


def _worker_env() -> dict[str, str]:
    """PYTHONPATH for worker processes so they import this very ``geo`` (a checkout too)."""
    root = str(Path(__file__).resolve().parents[2])
    current = os.environ.get("PYTHONPATH", "")
    parts = [root, *(p for p in current.split(os.pathsep) if p and p != root)]
    return {"PYTHONPATH": os.pathsep.join(parts)}


@contextmanager
def dask_client(scheduler: Scheduler) -> Iterator[Any]:
    """A ``distributed.Client`` for ``scheduler`` (``None`` for in-process), closed on exit."""
    if scheduler.kind == "inprocess":
        yield None
        return
    from distributed import Client, LocalCluster

    if scheduler.kind == "local":
        cluster = LocalCluster(
            n_workers=scheduler.workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            env=_worker_env(),
        )
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(scheduler.address, timeout="10s")
    except OSError as exc:
        raise SchedulerError(
            N_(
                "cannot reach the Dask scheduler at {address}: {reason}; "
                "start one (dask scheduler) or use local:N",
                address=scheduler.address,
                reason=exc,
            )
        ) from None
    try:
        yield client
    finally:
        client.close()


def run_tasks(
    fn: Callable[..., T],
    tasks: Sequence[tuple[Any, ...]],
    *,
    scheduler: Scheduler,
    progress: bool = False,
    weights: Sequence[int] | None = None,
    unit: str = "task",
) -> list[T]:
    """``[fn(*args) for args in tasks]``, run where ``scheduler`` says, in task order.

    ``weights``: how much of the progress bar each task is worth (e.g. its pairs); the bar
    goes to stderr and only when ``progress`` is true. An exception in a task is raised here.
    """
    sizes = list(weights) if weights is not None else [1] * len(tasks)
    bar = tqdm(total=sum(sizes), unit=unit, file=sys.stderr, disable=not progress, leave=False)
    try:
        with dask_client(scheduler) as client:
            if client is None:
                results = []
                for args, size in zip(tasks, sizes, strict=True):
                    results.append(fn(*args))
                    bar.update(size)
                return results
            from distributed import as_completed

            futures = [client.submit(fn, *args, pure=False) for args in tasks]
            position = {f.key: n for n, f in enumerate(futures)}
            for future in as_completed(futures):
                bar.update(sizes[position[future.key]])
            return list(client.gather(futures))
    finally:
        bar.close()
