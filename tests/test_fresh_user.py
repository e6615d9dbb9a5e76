"""Issue 12, a fresh user's findings, each kept as a test of its kind:
ambiguous names refused with their candidates; Chinese names found by the port search;
speeds outside the model's range refused (CLI) or flagged (model); warnings printed once;
SVG sized in pixels; a short lane framed so it shows; the compare title counts what it shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.catalogue import ports
from geo.cli import main
from geo.errors import AmbiguousPortError
from tests.cli_helpers import run_main

# --- 1. a name several ports answer to -----------------------------------------------


def test_san_pedro_is_refused_with_both_san_pedros_and_how_to_pick() -> None:
    with pytest.raises(AmbiguousPortError) as info:
        ports.resolve("San Pedro")
    text = str(info.value)
    assert "San Pedro, Ivory Coast (CISPY)" in text
    assert "San Pedro Bay, United States (SAN-PEDRO-BAY)" in text
    assert "code in brackets" in text and "'name, country'" in text
    # each candidate, as listed, picks its port
    assert ports.resolve("CISPY").country == "Ivory Coast"
    assert ports.resolve("SAN-PEDRO-BAY").members == ("USLAX", "USLGB")
    assert ports.resolve("San Pedro, Ivory Coast").id == "CISPY"
    assert ports.resolve("San Pedro Bay").id == "SAN-PEDRO-BAY"


@pytest.mark.parametrize(
    ("query", "port_id"),
    [("Hamburg", "DEHAM"), ("London", "GBLON"), ("Yangshan", "CNSHA-YANGSHAN"), ("长滩", "USLGB")],
)
def test_a_name_no_curated_place_extends_still_resolves(query: str, port_id: str) -> None:
    assert ports.resolve(query).id == port_id


def test_cli_refuses_an_ambiguous_name_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_main(["route", "San Pedro", "Shanghai"], capsys)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "CISPY" in err and "SAN-PEDRO-BAY" in err


def test_url_origin_san_pedro_falls_back_with_the_candidates() -> None:
    from geo.present.urlstate import DEFAULT_STATE, parse_state

    state, warnings = parse_state({"origin": "San Pedro"})
    assert state.origin == DEFAULT_STATE.origin
    assert any("CISPY" in w and "SAN-PEDRO-BAY" in w for w in warnings)


# --- 2. Chinese names in the port search ------------------------------------------------


@pytest.mark.parametrize(
    ("query", "port_id"),
    [("上海", "CNSHA"), ("上海港", "CNSHA"), ("长滩", "USLGB"), ("洋山", "CNSHA-YANGSHAN")],
)
def test_search_finds_chinese_names_and_aliases(query: str, port_id: str) -> None:
    assert ports.search(query)[0].id == port_id


def test_ports_command_finds_and_shows_chinese_names(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_main(["ports", "上海"], capsys)
    assert code == 0
    header, columns, first, *_ = out.splitlines()
    assert header == "1 of 1 ports matching '上海'"
    assert columns.split() == ["CODE", "NAME", "ZH", "COUNTRY", "LON", "LAT"]
    assert first.split()[:3] == ["CNSHA", "Shanghai", "上海"]
    code, out, _ = run_main(["ports", "洋山"], capsys)
    assert out.splitlines()[2].startswith("CNSHA-YANGSHAN ")  # the code that selects it


def test_route_between_chinese_names(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    code, out, _ = run_main(["route", "上海", "长滩", "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert (data["origin"]["locode"], data["destination"]["locode"]) == ("CNSHA", "USLGB")
    assert main(["route", "上海", "长滩", "--format", "text", "--lang", "zh"]) == 0


# --- 3. speeds outside the model's range -----------------------------------------------


@pytest.mark.parametrize("speed", ["0.1", "0.49", "40.5", "1e-320", "nan"])
def test_cli_refuses_a_speed_outside_the_page_range(
    speed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_main(["route", "Shanghai", "Los Angeles", "--speed", speed], capsys)
    assert code == 2 and out == ""
    assert f"speed {speed!r}" in err and "from 0.5 to 40" in err


def test_cli_and_url_accept_the_same_speeds() -> None:
    from geo.cli.common import speed_arg
    from geo.present.urlstate import page_speed
    from geo.settings import MAX_SPEED_KN, MIN_SPEED_KN

    for speed in (MIN_SPEED_KN, 18.0, MAX_SPEED_KN):
        assert speed_arg(str(speed)) == speed
        assert page_speed(str(speed), []) == speed
    for bad in ("0.4", "40.01"):
        assert page_speed(bad, []) is None


@pytest.fixture(scope="module")
def slow_pres():  # type: ignore[no-untyped-def]
    from geo.present.model import present
    from geo.present.view import build_view

    return present(build_view("Shanghai", "Los Angeles", speed_kn=5.0, as_of="2026-11-26"))


def test_a_speed_outside_the_fuel_model_warns_everywhere(slow_pres) -> None:  # type: ignore[no-untyped-def]
    from geo.cli.route import route_json, route_text
    from geo.voyage.factors import model_speed_range

    low, high = model_speed_range()
    assert (low, high) == (10.0, 25.0)
    (warning,) = [w for w in slow_pres.warnings if "voyage model's range" in w]
    assert "At 5 kn" in warning and "21 and 24 kn" in warning and "10 to 25 kn" in warning
    assert warning in slow_pres.footer_lines()[1]  # every slide's footer
    assert warning in route_json(slow_pres)["warnings"]
    assert warning in route_text(slow_pres)


@pytest.mark.parametrize("speed", [10.0, 18.0, 25.0])
def test_no_model_warning_within_the_range(speed: float) -> None:
    from geo.present.model import present
    from geo.present.view import build_view

    pres = present(build_view("Shanghai", "Los Angeles", speed_kn=speed, as_of="2026-11-26"))
    assert not any("voyage model's range" in w for w in pres.warnings)
    assert pres.caveats == ()


def test_the_chinese_model_warning_is_translated() -> None:
    from geo.present.model import present
    from geo.present.view import build_view

    pres = present(build_view("上海", "长滩", speed_kn=30.0, as_of="2026-11-26"), lang="zh")
    assert any("航速 30 节" in w and "10–25 节" in w for w in pres.warnings)


# --- 4. warnings printed once ---------------------------------------------------------------


def test_text_report_prints_each_warning_once_on_stdout(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run_main(
        ["route", "Shanghai", "Los Angeles", "--speed", "5", "--format", "text"], capsys
    )
    assert code == 0
    assert out.count("voyage model's range") == 1
    assert "voyage model's range" not in err


def test_json_carries_warnings_inside_and_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    code, out, err = run_main(
        ["route", "Shanghai", "Los Angeles", "--speed", "5", "--format", "json"], capsys
    )
    assert code == 0
    data = json.loads(out)  # stdout stays machine-readable
    assert sum("voyage model's range" in w for w in data["warnings"]) == 1
    assert err.count("warning: At 5 kn") == 1


# --- 5. the SVG says the pixels it was asked for -----------------------------------------


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720)])
def test_svg_size_is_in_the_pixels_asked_for_and_keeps_its_viewbox(
    tmp_path: Path, width: int, height: int
) -> None:
    import xml.etree.ElementTree as ET

    out = tmp_path / "lane.svg"
    code = main(
        ["snapshot", "Shanghai", "Los Angeles", "--out", str(out), "--size", f"{width}x{height}"]
    )
    assert code == 0
    root = ET.parse(out).getroot()
    assert (root.get("width"), root.get("height")) == (f"{width}px", f"{height}px")
    view_w, view_h = (float(v) for v in root.get("viewBox", "").split()[2:])
    assert view_w / view_h == pytest.approx(width / height, rel=1e-3)
    assert root.find("{http://www.w3.org/2000/svg}title") is not None
