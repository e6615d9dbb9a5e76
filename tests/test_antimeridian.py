"""Antimeridian helpers: examples and Hypothesis round-trips across 180°."""

from __future__ import annotations

import itertools
import math

from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, MultiLineString

from geo.routing.antimeridian import (
    choose_window,
    crosses_antimeridian,
    join_antimeridian,
    shift_coords,
    shift_lon,
    split_at_antimeridian,
    unwrap_coords,
    wrap_lon,
)


def test_wrap_and_shift() -> None:
    assert wrap_lon(241.75) == -118.25
    assert wrap_lon(-190) == 170
    assert wrap_lon(180) == -180
    assert shift_lon(-118.25, 0) == 241.75
    assert shift_lon(122.0, 0) == 122.0


def test_unwrap_removes_jumps() -> None:
    assert unwrap_coords([(170, 0), (-170, 1), (-160, 2)]) == [(170, 0), (190, 1), (200, 2)]


def test_split_pacific_crossing_line() -> None:
    geom = split_at_antimeridian([(170.0, 40.0), (190.0, 50.0)])
    assert isinstance(geom, MultiLineString)
    west, east = (list(p.coords) for p in geom.geoms)
    assert west == [(170.0, 40.0), (180.0, 45.0)]
    assert east == [(-180.0, 45.0), (-170.0, 50.0)]


def test_split_line_that_does_not_cross_stays_one_line() -> None:
    geom = split_at_antimeridian([(4.0, 52.0), (-74.0, 40.0)])
    assert isinstance(geom, LineString)


def test_window_is_pacific_only_when_a_line_crosses() -> None:
    pacific = [(122.0, 31.0), (241.7, 33.7)]
    atlantic = [(4.0, 52.0), (-74.0, 40.0)]
    assert crosses_antimeridian(pacific)
    assert not crosses_antimeridian(atlantic)
    assert choose_window([pacific, atlantic]) == 0.0
    assert choose_window([atlantic]) == -180.0
    assert shift_coords([(-118.25, 33.7), (122.0, 31.0)], 0.0)[0] == (241.75, 33.7)


lon = st.floats(min_value=-179.0, max_value=179.0, allow_nan=False)
lat = st.floats(min_value=-80.0, max_value=80.0, allow_nan=False)
step = st.floats(min_value=-120.0, max_value=120.0, allow_nan=False)


@st.composite
def continuous_lines(draw: st.DrawFn) -> list[tuple[float, float]]:
    """A continuous line (unwrapped longitudes) of 2–12 points that may cross 180° often."""
    start = draw(lon)
    n = draw(st.integers(min_value=1, max_value=11))
    coords = [(start, draw(lat))]
    for _ in range(n):
        coords.append((coords[-1][0] + draw(step), draw(lat)))
    return coords


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, abs_tol=1e-9)


@settings(max_examples=300, deadline=None)
@given(continuous_lines())
def test_split_keeps_every_longitude_in_range_and_round_trips(coords: list) -> None:
    geom = split_at_antimeridian(coords)
    parts = [geom] if isinstance(geom, LineString) else list(geom.geoms)
    for part in parts:
        assert all(-180.0 <= x <= 180.0 for x, _ in part.coords)
        # inside a part no step is longer than 180° (no line across the whole map)
        xs = [x for x, _ in part.coords]
        assert all(abs(b - a) <= 180.0 for a, b in itertools.pairwise(xs))
    back = join_antimeridian(geom)
    # the round trip gives the original points back, shifted by the same whole turns
    original = unwrap_coords(coords)
    offset = back.coords[0][0] - original[0][0]
    assert _close(offset % 360.0, 0.0) or _close(offset % 360.0, 360.0)
    kept = [(x - offset, y) for x, y in back.coords]
    assert len(kept) == len(original)
    for (x1, y1), (x2, y2) in zip(kept, original):
        assert _close(x1, x2) and _close(y1, y2)


@settings(max_examples=200, deadline=None)
@given(continuous_lines(), st.integers(min_value=-2, max_value=2))
def test_shifting_by_whole_turns_changes_nothing_but_the_window(coords: list, turns: int) -> None:
    moved = [(x + 360.0 * turns, y) for x, y in coords]
    a = split_at_antimeridian(coords)
    b = split_at_antimeridian(moved)
    assert a.equals_exact(b, tolerance=1e-6)
    assert [wrap_lon(x) for x, _ in unwrap_coords(moved)] == [
        wrap_lon(x) for x, _ in unwrap_coords(coords)
    ] or all(
        _close(wrap_lon(x1), wrap_lon(x2)) or _close(abs(wrap_lon(x1) - wrap_lon(x2)), 360.0)
        for (x1, _), (x2, _) in zip(unwrap_coords(moved), unwrap_coords(coords))
    )


def test_a_line_starting_on_the_seam_stays_on_its_side() -> None:
    geom = split_at_antimeridian([(180.0, 10.0), (170.0, 12.0)])
    assert list(geom.coords) == [(180.0, 10.0), (170.0, 12.0)]
    geom = split_at_antimeridian([(-180.0, 10.0), (-170.0, 12.0)])
    assert list(geom.coords) == [(-180.0, 10.0), (-170.0, 12.0)]
