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

ROOT = Path(__file__).resolve().parents[1]

# --- 1. a name several ports answer to -----------------------------------------------


def test_san_pedro_is_refused_with_both_san_pedros_and_how_to_pick() -> None:
    with pytest.raises(AmbiguousPortError) as info:
        ports.resolve("San Pedro")
    text = str(info.value)
    assert "San Pedro, Ivory Coast (CISPY)" in text
    assert "San Pedro Bay, United States" in text  # no UN/LOCODE: name and country pick it
    assert "SAN-PEDRO-BAY" not in text  # the internal id is for URLs, never for a reader
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
    assert "CISPY" in err and "San Pedro Bay, United States" in err and "SAN-PEDRO-BAY" not in err


def test_url_origin_san_pedro_falls_back_with_the_candidates() -> None:
    from geo.present.urlstate import DEFAULT_STATE, parse_state

    state, warnings = parse_state({"origin": "San Pedro"})
    assert state.origin == DEFAULT_STATE.origin
    assert any("CISPY" in w and "San Pedro Bay, United States" in w for w in warnings)


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


@pytest.mark.parametrize("speed", [0.1, 0.49, 40.5])
def test_every_command_and_the_library_refuse_the_same_speeds(
    speed: float, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from geo.errors import InvalidSpeedError
    from geo.routing import engine

    with pytest.raises(InvalidSpeedError, match=r"0\.5 to 40"):
        engine.validate_speed(speed)
    code, _, err = run_main(["tradeoff", "CNSHA", "USLGB", "--speeds", f"{speed},18"], capsys)
    assert code == 2 and "0.5 to 40" in err
    deck = tmp_path / "deck.toml"
    deck.write_text(f'[[snapshot]]\norigin = "CNSHA"\ndestination = "USLGB"\nspeed = {speed}\n')
    code, _, err = run_main(["deck", str(deck), "--out", str(tmp_path / "out")], capsys)
    assert code == 2 and "0.5" in err and "40" in err, err


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
    assert any("航速30节" in w and "10～25节" in w for w in pres.warnings)


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


# --- 6. a short hop is framed so its lane and both ports show ------------------------------


@pytest.fixture(scope="module")
def hop_pres():  # type: ignore[no-untyped-def]
    from geo.present.model import present
    from geo.present.view import build_view

    return present(build_view("USLAX", "USLGB", as_of="2026-11-26"))


def test_the_least_frame_spans_40_nm_each_way_around_the_hop(hop_pres) -> None:  # type: ignore[no-untyped-def]
    import math

    from geo.present.frame import MIN_FRAME_NM, lane_bounds, lane_frame

    west, south, east, north = lane_frame(hop_pres.view)
    lat = (south + north) / 2
    assert (north - south) * 60 >= MIN_FRAME_NM - 1e-9
    assert (east - west) * 60 * math.cos(math.radians(lat)) >= MIN_FRAME_NM - 1e-9
    lw, ls, le, ln = lane_bounds(hop_pres.view)
    assert west <= lw and south <= ls and le <= east and ln <= north
    for port in (ports.get("USLAX"), ports.get("USLGB")):
        assert west < port.lon < east and south < port.lat < north


def test_static_slide_shows_both_ports_apart_and_the_lane(hop_pres) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    from geo.render.static.figure import build_figure
    from geo.render.static.projection import mercator_y

    fig = build_figure(hop_pres, width_px=1920, height_px=1080)
    ax = fig.axes[0]
    x0, x1 = ax.get_xlim()
    assert (x1 - x0) * 60 * np.cos(np.radians(33.7)) < 110  # the old frame was ≈ 125 nm wide
    pts = []
    for code in ("USLAX", "USLGB"):
        port = ports.get(code)
        px, py = ax.transData.transform((port.lon, float(mercator_y(port.lat))))
        bbox = ax.get_window_extent()
        assert bbox.x0 < px < bbox.x1 and bbox.y0 < py < bbox.y1
        pts.append((px, py))
    assert np.hypot(pts[0][0] - pts[1][0], pts[0][1] - pts[1][1]) >= 30  # apart, not one dot
    lane_px = ax.transData.transform(
        [(x, float(mercator_y(y))) for x, y in hop_pres.view.main.line.coords]
    )
    assert np.ptp(lane_px[:, 0]) + np.ptp(lane_px[:, 1]) >= 40  # the lane is drawn, not a dot


def test_the_maps_frame_a_short_hop_close_enough(hop_pres) -> None:  # type: ignore[no-untyped-def]
    from geo.present.frame import fit_zoom
    from geo.present.model import present
    from geo.present.view import build_view
    from geo.render.browser.page import snapshot_page_html
    from geo.render.folium.mapping import OFFLINE_MAX_ZOOM, map_bounds

    (south, _), (north, _) = map_bounds(hop_pres)
    assert (north - south) * 60 >= 40 - 1e-9
    assert fit_zoom(hop_pres.view) >= 9.5  # deeper than the offline limit, for this hop only
    wide = present(build_view("Shanghai", "Los Angeles", as_of="2026-11-26"))
    assert fit_zoom(wide.view) < OFFLINE_MAX_ZOOM
    html = snapshot_page_html(hop_pres)
    assert "framed.extend(L.latLngBounds(least))" in html


# --- 7. the compare title counts the lanes it compares ---------------------------------------


def test_a_left_out_pair_is_not_counted_and_is_named() -> None:
    from geo.present import compare

    cmp = compare.compare_pairs(["Shanghai", "Long Beach"], ["Long Beach", "Rotterdam"])
    assert len(cmp.rows) == 3
    assert cmp.title == "Compare lanes: 3 lanes from 2 origins to 2 destinations"
    assert cmp.notes() == ("Left out: Long Beach → Long Beach (the same port at both ends).",)
    full = compare.compare_pairs(["Shanghai"], ["Long Beach", "Rotterdam"])
    assert full.title == "Compare lanes: 1 origin × 2 destinations" and full.notes() == ()
    zh = compare.compare_pairs(["Shanghai", "Long Beach"], ["Long Beach", "Rotterdam"], lang="zh")
    assert zh.title == "航线比较：2个起运港至2个目的港，共3条航线"
    assert zh.notes() == ("未列入：长滩 → 长滩（起讫港相同）。",)


def test_a_lane_with_no_route_is_not_counted_and_is_named() -> None:
    from geo.present import compare

    blocked = "cape_horn,magellan,panama,south_africa,suez"
    cmp = compare.compare_avoidance("CNSHA", "NLRTM", ["", blocked])
    assert cmp.title == "Compare lanes: Shanghai → Rotterdam, 1 avoidance set"
    (note,) = cmp.notes()
    assert note.startswith("Not compared: Avoid ") and "no sea route" in note


def test_the_compare_page_title_matches_the_lanes_shown() -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app_pages" / "compare_lanes.py"), default_timeout=180)
    at.query_params["origins"] = "CNSHA,USLGB"
    at.query_params["dests"] = "USLGB,NLRTM"
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Compare lanes: 3 lanes from 2 origins to 2 destinations"
    assert len(at.table[0].value) == 3
    assert any("Long Beach → Long Beach" in i.value for i in at.info)
