"""A map extent is framed where the lane is drawn: the same box written one or more turns of
360° away (``-200,40,-150,65`` for a lane drawn at 158°–193°) is moved by whole turns to the
lane's display window, so the map does not open on an empty copy of the world."""

from __future__ import annotations

import functools

import pytest

from geo.present.frame import extent_near_lane, lane_bounds
from geo.present.model import present
from geo.present.view import LaneView, build_view


@functools.cache
def _view(origin: str, dest: str) -> LaneView:
    return build_view(origin, dest)


@pytest.mark.parametrize(
    ("lane", "given", "framed"),
    [
        (("USDUT", "RUPKC"), (-200.0, 40.0, -150.0, 65.0), (160.0, 40.0, 210.0, 65.0)),
        (("USDUT", "RUPKC"), (520.0, 40.0, 570.0, 65.0), (160.0, 40.0, 210.0, 65.0)),
        (("CNSHA", "SAN-PEDRO-BAY"), (-240.0, 10.0, -110.0, 45.0), (120.0, 10.0, 250.0, 45.0)),
        (("CNSHA", "SAN-PEDRO-BAY"), (120.0, 10.0, 250.0, 45.0), (120.0, 10.0, 250.0, 45.0)),
        (("CNSHA", "NLRTM"), (0.0, 20.0, 60.0, 60.0), (0.0, 20.0, 60.0, 60.0)),
    ],
    ids=["west-of-180", "two-turns-east", "corridor-west", "corridor-as-drawn", "europe"],
)
def test_an_extent_is_moved_by_whole_turns_to_the_lane(
    lane: tuple[str, str], given: tuple[float, ...], framed: tuple[float, ...]
) -> None:
    view = _view(*lane)
    assert extent_near_lane(given, view) == pytest.approx(framed)  # type: ignore[arg-type]
    assert present(view, extent=given).extent == pytest.approx(framed)
    west, _, east, _ = lane_bounds(view)  # the framed box overlaps the drawn lane's longitudes
    assert framed[0] < east and framed[2] > west
