"""AppTest smoke tests of the Streamlit page: default view, URL-given view, bad URL values."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.mdtables import markdown_tables

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def run(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.fixture(scope="module")
def default_app() -> AppTest:
    return run()


def test_default_view_shows_the_lane_figures(default_app: AppTest) -> None:
    shown = metrics(default_app)
    assert shown["Sea distance"].endswith(" nm")
    assert 5_600 < int(shown["Sea distance"].split()[0].replace(",", "")) < 6_000
    assert shown["Time at sea"] == "13.3 days"
    assert shown["Lane trade value"] == "> US$300 B"
    captions = " ".join(c.value for c in default_app.caption)
    assert "China Daily" in captions  # the trade value's source is shown beside it
    assert not default_app.warning
    assert "San Pedro Bay" in default_app.title[0].value


def test_default_view_lists_segments_milestones_and_sources(default_app: AppTest) -> None:
    # one narrow table per route (LA, Long Beach), each with a total row; the rules of each
    # zone once, as a list, not as two prose columns repeated per route
    tables = markdown_tables(default_app)
    assert len(tables) == 2 and not default_app.table  # one Markdown element per table
    table = tables[0]
    assert "North American ECA" in set(table.index) and "Total" in set(table.index)
    assert list(table.columns) == ["Distance (nm)", "Hours at speed", "Share of voyage (%)"]
    rules = " ".join(m.value for m in default_app.markdown)
    assert rules.count("**North American ECA**:") == 1
    assert "\n  - Corridor measures: " in rules  # a sub-item, not run on after the rules
    at = run()
    at.session_state["details-tab"] = "Corridor progress"
    at.run()
    assert not at.exception, at.exception
    assert not markdown_tables(at)  # lazy tabs: only the open one is built
    progress = " ".join(m.value for m in at.markdown)
    assert "Port of Long Beach joins the corridor" in progress
    assert "○ **2030 target**" in progress  # targets hollow, with the date words
    assert "](https://blueeconomynews.earth/?p=6833)" in progress  # linked source
    assert "Shore power" in progress and "Green\\-methanol bunkering" in progress
    at.session_state["details-tab"] = "Speed trade-off"
    at.run()
    assert not at.exception, at.exception
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1
    assert "Speed trade-off" in str(charts[0].proto.spec)
    assert "Not for navigation" in " ".join(c.value for c in at.caption)
    rows = at.dataframe[0].value
    assert "18 kn (chosen)" in set(rows["Speed"]) and len(rows) == 15
    at.session_state["details-tab"] = "Sources"
    at.run()
    assert "China Daily" in " ".join(m.value for m in at.markdown)
    assert "Not for navigation" in " ".join(c.value for c in at.caption)


def test_url_given_view_is_reproduced() -> None:
    at = run(origin="CNSHA", dest="USLGB", speed="12", avoid="bering")
    shown = metrics(at)
    assert shown["Time at sea"] == "19.9 days"
    assert at.sidebar.slider[0].value == 12.0
    assert at.sidebar.multiselect[0].value == ["bering"]
    assert at.query_params["dest"] == "USLGB"


def test_changing_the_speed_changes_the_days(default_app: AppTest) -> None:
    default_app.sidebar.slider[0].set_value(24.0).run()
    assert not default_app.exception
    assert metrics(default_app)["Time at sea"] == "9.9 days"  # 5,729 nm at 24 kn


def test_invalid_url_values_fall_back_with_a_visible_warning() -> None:
    at = run(speed="warp9", origin="Shanghia")
    warnings = " ".join(w.value for w in at.warning)
    assert "speed='warp9'" in warnings and "Shanghia" in warnings
    assert metrics(at)["Time at sea"] == "13.3 days"


def test_a_lane_without_trade_figures_says_so() -> None:
    at = run(origin="NLRTM", dest="USNYC")
    assert metrics(at)["Lane trade value"] == "—"  # with the note "no sourced figure for this lane"
    assert any("No sourced trade figure" in c.value for c in at.caption)
    assert not at.info  # a line under the figures, not a box that pushes the map down
    # the ports by name, not by code; never the catalogue's internal id
    at = run(origin="CLVAP", dest="SAN-PEDRO-BAY")
    said = " ".join(c.value for c in at.caption)
    assert "Valparaiso → San Pedro Bay" in said and "SAN\\-PEDRO" not in said, said
    assert "USLAX" not in said and "CLVAP" not in said


def test_blocked_route_shows_an_error_not_a_traceback() -> None:
    # chosen in the sidebar: the error stays, with the lane chosen (a lane from the URL falls
    # back to the default lane instead)
    at = run(origin="ROCND", dest="GRPIR")
    at.sidebar.multiselect(key="avoid").set_value(["bosporus"]).run()
    assert not at.exception, at.exception
    assert at.sidebar.selectbox(key="origin").value == "ROCND"
    assert any("no sea route" in e.value for e in at.error)


def test_snapshot_panel_renders_a_download() -> None:
    at = run()
    assert not at.button  # the panel is built only when opened
    at.session_state["snapshot-panel"] = True
    at.run()
    fmt = next(s for s in at.selectbox if s.label == "Format")
    fmt.set_value("svg")
    at.button(key="render-snapshot").click().run()
    assert not at.exception, at.exception
    assert any("Rendered by" in c.value for c in at.caption)


def test_a_url_speed_outside_the_usual_range_stays_as_given() -> None:
    at = run(speed="35")
    assert at.sidebar.slider[0].value == 35.0
    at.run()  # the next run reads the widget: the figures must not jump
    assert at.sidebar.slider[0].value == 35.0
    assert metrics(at)["Time at sea"] == "6.8 days"


def test_the_port_picker_marks_ports_far_from_the_sea_lanes(default_app: AppTest) -> None:
    options = default_app.sidebar.selectbox[0].options
    marked = [o for o in options if "far from the sea lanes" in o]
    assert marked and all(o.endswith(" nm)") for o in marked)
    assert not any(o.startswith("Shanghai, China (CNSHA)") for o in marked)


def test_a_speed_change_keeps_the_layer_choices() -> None:
    at = run(layers="route,ports,labels")
    assert at.sidebar.multiselect(key="layers").value == ["route", "ports", "labels"]
    at.sidebar.multiselect(key="layers").set_value(["route", "ports"]).run()
    at.sidebar.slider(key="speed").set_value(12.0).run()
    assert not at.exception, at.exception
    assert at.sidebar.multiselect(key="layers").value == ["route", "ports"]
    assert at.query_params["layers"] in ("route,ports", ["route,ports"])
    assert at.query_params["speed"] in ("12", ["12"])


def open_lane_map(at: AppTest) -> AppTest:
    """Open the lane page by the navigation, as its menu entry does: no query. (The page is a
    function, which AppTest.switch_page cannot name.)"""
    at._page_hash = next(h for h, p in at._registered_pages.items() if not p.get("script_path"))
    at.query_params.clear()
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_lane_is_kept_across_the_compare_page() -> None:
    at = run(origin="KRPUS", dest="USLAX", speed="15", layers="route,ports", ship="14000")
    at.sidebar.selectbox(key="fuel").set_value("lng").run()
    at.switch_page("app_pages/compare_lanes.py")
    at.query_params.clear()
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value.startswith("Compare lanes")
    open_lane_map(at)
    assert at.title[0].value.startswith("Busan → Los Angeles"), at.title[0].value
    assert at.sidebar.selectbox(key="origin").value == "KRPUS"
    assert at.sidebar.slider(key="speed").value == 15.0
    assert at.sidebar.multiselect(key="layers").value == ["route", "ports"]
    assert at.sidebar.selectbox(key="ship").value == 14000
    assert at.sidebar.selectbox(key="fuel").value == "lng"
    assert at.query_params["origin"] in ("KRPUS", ["KRPUS"])
    assert at.query_params["speed"] in ("15", ["15"])


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"dest": "0,-90", "speed": "12"}, "dest=0,-90"),
        ({"origin": "180,0", "dest": "-180,0", "speed": "12"}, "origin=180,0, dest=-180,0"),
        (
            {
                "origin": "CNSHA",
                "dest": "NLRTM",
                "speed": "12",
                "avoid": "suez,panama,south_africa,cape_horn,magellan",
            },
            "avoid=cape_horn,magellan,panama,south_africa,suez",
        ),
    ],
)
def test_a_url_lane_that_cannot_be_computed_falls_back_to_the_default(
    params: dict[str, str], named: str
) -> None:
    at = run(**params)
    assert not at.error
    warnings = " ".join(w.value for w in at.warning).replace("\\", "")  # markdown escapes
    assert named in warnings and "Showing the default lane instead" in warnings, warnings
    assert "San Pedro Bay" in at.title[0].value and "Shanghai" in at.title[0].value
    assert metrics(at)["Time at sea"] == "19.9 days"  # at the URL's 12 kn
    assert at.sidebar.selectbox(key="origin").value == "CNSHA"
    assert at.sidebar.selectbox(key="dest").value == "SAN-PEDRO-BAY"
    assert at.query_params["dest"] in ("SAN-PEDRO-BAY", ["SAN-PEDRO-BAY"])
    assert at.query_params["speed"] in ("12", ["12"])
    at.run()  # the map's report of its bounds reruns the page: the warning stays
    assert any("Showing the default lane instead" in w.value for w in at.warning)
    at.sidebar.selectbox(key="dest").set_value("USLGB").run()  # a lane chosen: it goes
    assert not any("Showing the default lane instead" in w.value for w in at.warning)


def test_the_port_picker_finds_a_port_by_its_current_name(default_app: AppTest) -> None:
    origin = default_app.sidebar.selectbox(key="origin")
    assert origin.format_func("KRPUS").startswith("Busan · Pusan, South Korea (KRPUS)")
    assert origin.format_func("INBOM") == "Mumbai · Bombay, India (INBOM)"  # Bombay finds it


def _map_frame(at: AppTest) -> tuple[bool, list[list[float]]]:
    """Whether the map frames a given extent exactly, and the bounds it frames."""
    script = json.loads(at.get("component_instance")[0].proto.json_args)["script"]
    exact = re.search(r"exact: (true|false)", script)
    bounds = re.search(r"bounds: (\[\[[^\]]*\], \[[^\]]*\]\])", script)
    assert exact and bounds, "the map's frame script is missing"
    return exact.group(1) == "true", json.loads(bounds.group(1))


def test_a_shared_extent_frames_only_the_lane_that_was_shared() -> None:
    at = run(extent="120,10,250,45")
    assert _map_frame(at) == (True, [[10.0, 120.0], [45.0, 250.0]])
    at.sidebar.selectbox(key="dest").set_value("NLRTM").run()  # another lane: framed whole
    assert not at.exception, at.exception
    exact, ((south, west), (north, east)) = _map_frame(at)
    assert not exact
    assert west < 4.4 < east and south < 51.9 < north  # Rotterdam (4.4°E, 51.9°N) in frame


def test_a_port_name_the_picker_cuts_is_written_in_full(default_app: AppTest) -> None:
    captions = [c.value for c in default_app.sidebar.caption]
    # the default destination's label is longer than the box shows
    # San Pedro Bay has no UN/LOCODE: none is shown, not the catalogue's internal id
    assert any("Los Angeles \\+ Long Beach" in c and "San Pedro Bay" in c for c in captions)
    assert not any("SAN\\-PEDRO" in c for c in captions)
    assert not any("CNSHA" in c for c in captions)  # "Shanghai, China (CNSHA)" fits


def test_the_port_pickers_list_the_named_ports_and_take_any_other_typed(
    default_app: AppTest,
) -> None:
    origin = default_app.sidebar.selectbox(key="origin")
    listed = " | ".join(origin.options)  # the labels shown
    # the corridor, the ports with a Chinese name or an alias; not all 3,963
    for code in ("CNSHA", "USLAX", "USLGB", "KRPUS", "NLRTM"):
        assert f"({code})" in listed, code
    assert "San Pedro Bay, United States — Los Angeles + Long Beach" in listed
    assert 100 < len(origin.options) < 400 and "(CLANF)" not in listed
    from geo.catalogue import ports

    total = len({p.id for p in ports.catalogue()})  # the help says how to reach the others
    assert f"catalogue's {total:,}, type its name" in (origin.help or "")
    # what the user typed (the widget's value) is settled to the port it names
    for typed, port_id in (("Antofagasta", "CLANF"), ("釜山", "KRPUS"), ("nlrtm", "NLRTM")):
        at = AppTest.from_file(APP, default_timeout=180)
        at.session_state["origin"] = typed
        at.run()
        assert not at.exception, at.exception
        picker = at.sidebar.selectbox(key="origin")
        assert picker.value == port_id, typed
        assert at.query_params["origin"] in (port_id, [port_id])
        assert f"({port_id})" in picker.format_func(picker.value)
    # text that names no port, or several, is refused by name: the picker goes back to the
    # lane's port and the page keeps the lane (it does not empty itself)
    for typed, said in (("Atlantis", "Unknown port 'Atlantis'"), ("Portland", "ambiguous")):
        at = AppTest.from_file(APP, default_timeout=180)
        at.query_params["origin"] = "KRPUS"
        at.session_state["origin"] = typed
        at.run()
        assert not at.exception, at.exception
        assert at.sidebar.selectbox(key="origin").value == "KRPUS"
        assert "Busan → San Pedro Bay" in at.title[0].value and not at.error
        warned = " ".join(w.value for w in at.warning).replace("\\", "")
        assert warned.startswith("Origin: ") and said in warned, warned
        assert "The lane shown is unchanged." in warned
        assert metrics(at)["Sea distance"].endswith(" nm")
