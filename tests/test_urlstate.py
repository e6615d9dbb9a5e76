"""URL state: parse, fall back with a warning naming the value, round-trip."""

from __future__ import annotations

import pytest

from geo.present.urlstate import DEFAULT_STATE, ViewState, parse_state, to_query


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
        "USLAX", "CNSHA-YANGSHAN", 21.0, ("bering",), ("route", "labels"), "offline", "${x}"
    )
    again, warnings = parse_state(to_query(state))
    assert warnings == []
    assert again == state


def test_defaults_are_left_out_of_the_url() -> None:
    assert set(to_query(DEFAULT_STATE)) == {"origin", "dest", "speed"}


def test_long_labels_are_cut() -> None:
    state, _ = parse_state({"label": "x" * 500})
    assert len(state.label) == 120
