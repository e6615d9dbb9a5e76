"""The project installs as a wheel that routes and renders outside the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (found,) = out.glob("pacific_lane-*.whl")
    return found


@pytest.mark.slow
def test_the_wheel_carries_the_data_files_and_templates(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    data = {Path(n).name for n in names if n.startswith("geo/data/")}
    shipped = {p.name for p in (ROOT / "data").iterdir() if p.is_file()}
    assert shipped <= data, shipped - data
    assert "geo/py.typed" in names


@pytest.mark.slow
def test_a_wheel_installed_into_an_empty_folder_routes_outside_the_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target"]
    subprocess.run(
        [*pip, str(site), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    code = (
        "import json, geo, geo.settings as s; from geo.cli import main; "
        "print(json.dumps({'geo': geo.__file__, 'data': str(s.DATA_DIR)})); "
        "raise SystemExit(main(['route', 'CNSHA', 'USLAX', '--format', 'json']))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=work, env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    where, route = proc.stdout.splitlines()[:2]
    paths = json.loads(where)
    assert paths["geo"].startswith(str(site)) and paths["data"].startswith(str(site))
    data = json.loads(route)
    assert data["origin"]["locode"] == "CNSHA" and data["destination"]["locode"] == "USLAX"
    assert 5_000 < data["distance_nm"] < 6_500
