"""Command line: output formats, help, and one-line errors with exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "geo", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_route_json_has_the_documented_keys_and_an_rfc7946_geometry() -> None:
    proc = run_cli("route", "Shanghai", "Long Beach", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    for key in (
        "origin",
        "destination",
        "distance_nm",
        "distance_km",
        "duration_h",
        "speed_kn",
        "great_circle_nm",
        "passages",
        "geometry",
    ):
        assert key in data
    assert data["origin"]["locode"] == "CNSHA"
    assert data["destination"] == {
        **data["destination"],
        "locode": "USLGB",
        "name": "Long Beach",
    }
    assert {"lon", "lat"} <= set(data["origin"])
    geom = data["geometry"]
    assert geom["type"] == "MultiLineString"  # cut at 180°
    lons = [pt[0] for part in geom["coordinates"] for pt in part]
    assert all(-180 <= lon <= 180 for lon in lons)
    assert geom["coordinates"][0][-1][0] == 180 and geom["coordinates"][1][0][0] == -180
    assert data["distance_nm"] == pytest.approx(data["distance_km"] / 1.852, rel=1e-3)
    assert data["duration_h"] == pytest.approx(data["distance_nm"] / 18, rel=1e-3)
    segs = data["segments"]
    assert segs[0]["zone"] == "shanghai_approach"
    assert segs[-1]["zone"] == "san_pedro_bay_approach"
    assert {"name", "zone", "distance_nm", "duration_h", "share"} <= set(segs[0])
    assert sum(s["distance_nm"] for s in segs) == pytest.approx(data["distance_nm"], rel=0.005)


def test_route_geojson_is_a_feature(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["route", "CNSHA", "USLAX", "--format", "geojson", "--speed", "14"]) == 0
    feature = json.loads(capsys.readouterr().out)
    assert feature["type"] == "Feature"
    assert feature["properties"]["speed_kn"] == 14
    assert feature["geometry"]["type"] == "MultiLineString"


def test_route_text_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["route", "Shanghai", "Rotterdam", "--avoid", "suez,panama"]) == 0
    text = capsys.readouterr().out
    assert "Shanghai (CNSHA) → Rotterdam (NLRTM)" in text
    assert "Cape of Good Hope" in text
    assert "days at 18 kn" in text
    assert "Not for navigation" in text


def test_ports_lists_matches(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ports", "long beach"]) == 0
    header, columns, first, *_ = capsys.readouterr().out.splitlines()
    assert header == "1 of 1 ports matching 'long beach'"
    assert columns.split() == ["CODE", "NAME", "COUNTRY", "LON", "LAT"]
    assert first.startswith("USLGB") and "Long Beach" in first


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["route", "Shanghia", "Los Angeles"], "Shanghia"),
        (["route", "Shanghai", "Los Angeles", "--speed", "0"], "speed '0'"),
        (["route", "Shanghai", "Los Angeles", "--speed", "abc"], "speed 'abc'"),
        (["route", "Shanghai", "Los Angeles", "--avoid", "suezz"], "suezz"),
        (["route", "Shanghai", "Los Angeles", "--format", "xml"], "xml"),
        (["route", "Shanghai", "Shanghai"], "same place"),
        (["route", "200,10", "Los Angeles"], "longitude 200"),
        (["route", "ROCND", "Piraeus", "--avoid", "bosporus"], "no sea route"),
        (["ports", "zzzzqqq"], "zzzzqqq"),
        (["route", "Shanghai"], "destination"),
        ([], "required"),
    ],
)
def test_bad_input_prints_one_line_and_exits_2(args: list[str], needle: str) -> None:
    proc = run_cli(*args)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert needle in lines[0]
    assert "Traceback" not in proc.stderr


def test_help_explains_every_option() -> None:
    proc = run_cli("route", "--help")
    assert proc.returncode == 0
    for option in ("--speed", "--avoid", "--format", "json", "geojson", "text", "suez"):
        assert option in proc.stdout
