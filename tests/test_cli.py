"""Command line: output formats, help, and one-line errors with exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.cli import main
from tests.cli_helpers import run_main

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
    assert "days (at 18 kn, no port time)" in text
    assert "Not for navigation" in text


def test_ports_lists_matches(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ports", "long beach"]) == 0
    header, columns, first, *_ = capsys.readouterr().out.splitlines()
    assert header == "1 of 1 ports matching 'long beach'"
    assert columns.split() == ["CODE", "NAME", "ZH", "COUNTRY", "LON", "LAT"]
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


def test_json_distance_is_the_route_distance(capsys: pytest.CaptureFixture[str]) -> None:
    from geo.routing import engine as routing

    code, out, err = run_main(
        ["route", "NLRTM", "SGSIN", "--avoid", "suez,south_africa", "--format", "json"], capsys
    )
    assert code == 0, err
    data = json.loads(out)
    r = routing.route("NLRTM", "SGSIN", avoid="suez,south_africa")
    assert data["distance_nm"] == round(r.distance_nm, 1)
    assert data["passages"] == ["panama"]
    assert data["warnings"] == []
    assert data["origin_snap_nm"] == round(r.origin_snap_nm, 2)
    assert data["destination_snap_nm"] == round(r.destination_snap_nm, 2)


def test_west_longitudes_are_plain_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_main(["route", "-118.3,33.6", "USLGB", "--format", "json"], capsys)
    assert code == 0, err
    assert json.loads(out)["origin"]["lon"] == -118.3
    # Anchorage → Utqiaġvik: parsed as a place; no lane reaches the Arctic coast (Northwest tags)
    code, out, err = run_main(["route", "USANC", "-156.8,71.4"], capsys)
    assert code == 2 and out == ""
    assert "no sea route from Anchorage (USANC) to 71.400°N 156.800°W" in err


def test_warnings_go_to_stderr_and_json_and_strict_refuses(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run_main(["route", "0,25", "Rotterdam", "--format", "json"], capsys)
    assert code == 0
    warnings = json.loads(out)["warnings"]
    assert len(warnings) == 2 and any("on land" in w for w in warnings)
    assert err.count("warning: ") == 2
    code, out, err = run_main(["route", "0,25", "Rotterdam", "--strict"], capsys)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "strict" in err


def test_ports_header_counts_matches_and_limit_applies(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_main(["ports", "beach", "--limit", "3"], capsys)
    assert code == 0
    header, _columns, *rows = out.splitlines()
    shown, _, total = header.partition(" of ")
    assert shown == "3" and int(total.split()[0]) > 3
    assert len(rows) == 3
    code, out, _ = run_main(["ports", "busan"], capsys)
    assert out.splitlines()[2].startswith("KRPUS")


def test_snapshot_strict_refuses_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "lane.geojson"
    code, stdout, err = run_main(
        ["snapshot", "0,25", "Rotterdam", "--out", str(out), "--strict"], capsys
    )
    assert code == 2 and stdout == ""
    assert "on land" in err and "strict" in err
    assert not out.exists()


@pytest.mark.parametrize("query", ["中国", "China", "china", "中國"])
def test_ports_by_country_in_either_language(
    query: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_main(["ports", query, "--limit", "5"], capsys)
    assert code == 0
    header, _columns, *rows = out.splitlines()
    assert header.startswith("5 of ") and int(header.split()[2]) > 100
    assert rows[0].startswith("CNSHA ") and all(r.split()[0][:2] == "CN" for r in rows)
    assert all(" China " in r for r in rows)


def test_ports_lang_zh_prints_chinese_headings_and_country_names(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_main(["ports", "long beach", "--lang", "zh"], capsys)
    assert code == 0
    header, columns, first = out.splitlines()
    assert header == "与“long beach”匹配的港口共1个，显示1个"
    assert columns.split() == ["代码", "名称", "中文名", "国家/地区", "经度", "纬度"]
    assert first.split()[:4] == ["USLGB", "Long", "Beach", "长滩"] and " 美国 " in first
    code, out, _ = run_main(["ports", "韩国", "--lang", "zh", "--limit", "1"], capsys)
    assert out.splitlines()[2].startswith("KRPUS") and "釜山" in out and "韩国" in out
    code, out, _ = run_main(["ports", "long beach", "--lang", "en"], capsys)
    assert " United States " in out and "美国" not in out


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["ports", "beach", "--lang", "fr"], "'fr'"),
        (["ports", "beach", "--limit", "0"], "limit '0'"),
        (["ports", "beach", "--limit", "many"], "limit 'many'"),
        (["route", "Portland", "Shanghai"], "USPDX"),
    ],
)
def test_ports_and_names_bad_input_is_one_line(
    args: list[str], needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_main(args, capsys)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and needle in err and "Traceback" not in err


def test_errors_follow_the_command_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_main(["ports", "zzzzqqq", "--lang", "zh"], capsys)
    assert code == 2 and "没有与“zzzzqqq”匹配的港口" in err
    code, _, err = run_main(["route", "Portland", "上海", "--lang", "zh"], capsys)
    assert code == 2 and "对应多个港口" in err and "USPDX" in err and "USPWM" in err
    assert "或按“名称，国家”的格式输入" in err and "逗号" not in err
    assert "奥克兰" not in err  # no example naming another port


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["route", "上海", "波特兰（俄勒冈州），美国", "--lang", "zh"], "USPDX"),
        (["route", "上海", "波特兰（缅因州），美国（USPWM）", "--lang", "zh"], "USPWM"),
        (["route", "Shanghai", "Portland (Or), United States"], "USPDX"),
    ],
)
def test_a_candidate_copied_from_the_ambiguity_error_routes(
    args: list[str], needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_main(args, capsys)
    assert code == 0, err
    assert needle in out.splitlines()[0]
