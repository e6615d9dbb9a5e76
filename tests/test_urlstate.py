"""URL state: parse, fall back with a warning naming the value, round-trip."""

from __future__ import annotations

import pytest

from geo.present.urlstate import (
    DEFAULT_STATE,
    ViewState,
    parse_state,
    shows_extent,
    to_query,
)


def test_no_parameters_give_the_default_lane() -> None:
    state, warnings = parse_state({})
    assert state == DEFAULT_STATE
    assert (state.origin, state.dest) == ("CNSHA", "SAN-PEDRO-BAY")
    assert warnings == []


def test_valid_parameters_are_read() -> None:
    state, warnings = parse_state(
        {
            "origin": "cnsha",
            "dest": "Long Beach",
            "speed": "14.5",
            "avoid": "suez, panama",
            "layers": "route,ports",
            "basemap": "online",
            "label": "Board pack",
        }
    )
    assert warnings == []
    assert state == ViewState(
        "CNSHA", "USLGB", 14.5, ("panama", "suez"), ("route", "ports"), "online", "Board pack"
    )


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"speed": "fast"}, "speed='fast'"),
        ({"speed": "0"}, "speed='0'"),
        ({"speed": "99"}, "speed='99'"),
        ({"origin": "Atlantis"}, "origin='Atlantis'"),
        ({"dest": "200,10"}, "longitude 200"),
        ({"avoid": "suezz"}, "suezz"),
        ({"layers": "route,clouds"}, "clouds"),
        ({"basemap": "satellite"}, "satellite"),
        ({"origin": "USLGB", "dest": "Long Beach"}, "same"),
    ],
)
def test_bad_values_fall_back_with_a_warning(params: dict[str, str], needle: str) -> None:
    state, warnings = parse_state(params)
    assert len(warnings) == 1
    assert needle in warnings[0]
    for key in ("speed", "avoid", "layers", "basemap"):
        if key in params:
            assert getattr(state, key) == getattr(DEFAULT_STATE, key)


def test_round_trip_through_the_query_string() -> None:
    state = ViewState(
        "USLAX",
        "CNSHA-YANGSHAN",
        21.0,
        ("bering",),
        ("route", "labels"),
        "offline",
        "${x}",
        (100.5, -10.0, 250.0, 60.0),
    )
    again, warnings = parse_state(to_query(state))
    assert warnings == []
    assert again == state


def test_defaults_are_left_out_of_the_url() -> None:
    assert set(to_query(DEFAULT_STATE)) == {"origin", "dest", "speed"}


def test_long_labels_are_cut() -> None:
    state, _ = parse_state({"label": "x" * 500})
    assert len(state.label) == 120 and state.label.endswith("…")


@pytest.mark.parametrize("speed", ["1e-320", "0.1", "40.5", "inf", "nan"])
def test_speeds_outside_the_slider_fall_back(speed: str) -> None:
    state, warnings = parse_state({"speed": speed})
    assert state.speed == DEFAULT_STATE.speed
    assert len(warnings) == 1 and "from 0.5 to 40" in warnings[0]


def test_echoed_values_are_short_and_free_of_control_characters() -> None:
    hostile = "[Session expired, log in](http://evil.example)\x1b[2J" + "y" * 200
    _, warnings = parse_state({"origin": hostile})
    (warning,) = warnings
    assert "\x1b" not in warning
    assert "y" * 80 not in warning  # the value is cut short before it is echoed
    assert "[Session expired, log in](http://evil.example)" in warning  # the page escapes it


def test_coordinates_and_speeds_keep_their_precision_in_the_url() -> None:
    state, warnings = parse_state({"speed": "13.25", "extent": "100.123456,-10.5,250.25,60"})
    assert warnings == []
    query = to_query(state)
    assert query["speed"] == "13.25"
    assert query["extent"] == "100.1235,-10.5,250.25,60"
    again, _ = parse_state(query)
    assert again.extent == pytest.approx((100.1235, -10.5, 250.25, 60.0))


@pytest.mark.parametrize(
    ("given", "read"),
    [
        ("170,-10,-170,10", (170.0, -10.0, 190.0, 10.0)),  # RFC 7946 §5.2: west > east
        ("121.5,20,-117,50", (121.5, 20.0, 243.0, 50.0)),  # Shanghai to San Pedro Bay
        ("179.9,0,-179.9,1", (179.9, 0.0, 180.1, 1.0)),
        ("111.27,-0.53,255.41,69.47", (111.27, -0.53, 255.41, 69.47)),  # as the page writes it
    ],
)
def test_an_extent_across_the_antimeridian_is_read_either_way(
    given: str, read: tuple[float, ...]
) -> None:
    state, warnings = parse_state({"extent": given})
    assert warnings == []
    assert state.extent == pytest.approx(read)


@pytest.mark.parametrize(
    "extent", ["1,2,3", "200,0,190,5", "10,5,20,0", "0,-95,10,10", "a,b,c,d", "0,0,800,10"]
)
def test_a_bad_extent_falls_back(extent: str) -> None:
    state, warnings = parse_state({"extent": extent})
    assert state.extent is None
    assert len(warnings) == 1 and "extent=" in warnings[0]


def test_coordinates_in_the_url_keep_their_precision() -> None:
    state, warnings = parse_state({"origin": "-118.21234,33.70001", "dest": "CNSHA"})
    assert warnings == []
    assert to_query(state)["origin"] == "-118.21234,33.70001"


LINK = (120.0, 10.0, 250.0, 45.0)


@pytest.mark.parametrize(
    ("reported", "kept"),
    [
        ((120.0, -13.9, 250.0, 59.6), True),  # widened to the map's shape, tight along lon
        ((112.0, 10.0, 258.0, 45.0), True),  # widened along lon, tight along lat
        ((120.5864, -13.29, 250.5868, 59.95), True),  # the few pixels a reopening shifts
        ((0.0, -90.0, 360.0, 83.65), False),  # the map before it is framed
        ((102.0, -30.0, 268.0, 70.0), False),  # zoomed out a step
        ((150.0, 20.0, 220.0, 40.0), False),  # zoomed in
        ((140.0, -13.9, 270.0, 59.6), False),  # panned east
    ],
)
def test_a_map_showing_the_links_extent_keeps_it(
    reported: tuple[float, float, float, float], kept: bool
) -> None:
    assert shows_extent(reported, LINK) is kept


#: The lane's own box (Shanghai to Long Beach), shared as a link: both end markers on its edge.
LANE_BOX = (121.8, 22.0, 241.8, 50.0)


@pytest.mark.parametrize(
    ("reported", "zoom", "kept"),
    [
        # widened ≈ 23 px a side at 390 px so that Shanghai's and Long Beach's markers are whole
        ((112.8892, -55.7955, 250.4933, 81.3169), 1.8713, True),
        ((118.2175, -3.2068, 245.3165, 63.8243), 3.1815, True),  # ≈ 20 px at 1280 px
        ((112.8892, -55.7955, 250.4933, 81.3169), None, False),  # no zoom: no room allowed
        ((61.8, -20.0, 301.8, 75.0), 1.8713, False),  # a step out: 60° a side is ≈ 155 px
        ((130.0, 10.0, 250.0, 60.0), 3.1815, False),  # panned: the link's west is not shown
    ],
)
def test_a_link_widened_to_keep_port_markers_whole_is_still_the_link(
    reported: tuple[float, float, float, float], zoom: float | None, kept: bool
) -> None:
    assert shows_extent(reported, LANE_BOX, zoom=zoom) is kept
