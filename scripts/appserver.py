"""Run the project's Streamlit app on a free local port for tooling (screenshots, benchmarks)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def running_app(timeout_s: float = 120.0, *, warm: bool = True, root: Path = ROOT) -> Iterator[str]:
    """Start the app on 127.0.0.1 as ``make run`` does (``serve.py``: warm-up, then
    ``streamlit run``), or with a bare ``streamlit run app.py`` when ``warm`` is false; wait
    until it is healthy, yield its base URL, and stop it (the whole process group) afterwards.
    ``root``: the checkout to run (another worktree, for an A/B), with its own code first on
    the import path."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = subprocess.Popen(
        [sys.executable, *(["serve.py"] if warm else ["-m", "streamlit", "run", "app.py"]),
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true"],
        cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                urllib.request.urlopen(f"{base}/_stcore/health", timeout=1)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the app did not start on {base}") from None
                time.sleep(0.5)
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
