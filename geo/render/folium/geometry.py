"""Shapes the map needs beyond the view's layers: the land outline, the lane label's place, and
one world for lanes that together go round it.

Coordinates are ``(lon, lat)`` degrees in the view's display window.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

import numpy as np
import shapely
from shapely.geometry import LineString, box, mapping

from geo.catalogue import land
from geo.present.view import LaneView

#: How far past a route's end the next world copy of the land is drawn (degrees of
#: longitude): enough for any frame the map or a slide puts around the route.
COPY_MARGIN_DEG = 180.0


def _chaikin(coords: list[tuple[float, float]], rounds: int) -> list[tuple[float, float]]:
    """Corner-cutting smoothing of a ``(lon, lat)`` polyline (ends kept)."""
    pts = coords
    for _ in range(rounds):
        if len(pts) < 3:
            return pts
        out = [pts[0]]
        for (lon0, lat0), (lon1, lat1) in itertools.pairwise(pts):
            out.append((0.75 * lon0 + 0.25 * lon1, 0.75 * lat0 + 0.25 * lat1))
            out.append((0.25 * lon0 + 0.75 * lon1, 0.25 * lat0 + 0.75 * lat1))
        out.append(pts[-1])
        pts = out
    return pts


def _mercator_y(lat: float) -> float:
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def label_anchor(coords: Sequence[Sequence[float]]) -> tuple[float, float, float]:
    """Where the lane label sits and how it turns: ``(lon, lat, css_degrees)``.

    ``coords`` is the lane as ``(lon, lat)`` degrees. The anchor is the point halfway along a
    smoothed copy of the line (so the label follows the lane's overall curve, not its last
    kink); the angle is the line's direction there on the Mercator map as a CSS rotation
    (clockwise, within ±90° so the text never reads upside down). Mercator is conformal and
    every zoom scales it evenly, so one angle fits every zoom.
    """
    smooth = _chaikin(list(shapely.simplify(LineString(coords), 3.0).coords), rounds=4)
    pts = [(lon, _mercator_y(lat)) for lon, lat in smooth]
    steps = [math.dist(a, b) for a, b in itertools.pairwise(pts)]
    half = sum(steps) / 2
    walked = 0.0
    for (a, b), step in zip(itertools.pairwise(pts), steps):
        if walked + step >= half and step > 0:
            t = (half - walked) / step
            lon, merc_y = a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
            angle = -math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
            if angle > 90:
                angle -= 180
            elif angle < -90:
                angle += 180
            lat = math.degrees(2 * math.atan(math.exp(math.radians(merc_y))) - math.pi / 2)
            return lon, lat, round(angle, 1)
        walked += step
    return float(coords[0][0]), float(coords[0][1]), 0.0


def beyond_window(view: LaneView) -> tuple[float, float] | None:
    """``(west, east)`` longitudes of the routes when they run past the display window's
    edges (``window_west_deg`` … ``+360``), else ``None``."""
    lo, hi = view.display_lon_range()
    west = view.window_west_deg
    if lo < west or hi > west + 360.0:
        return (round(lo, 1), round(hi, 1))
    return None


@lru_cache(maxsize=16)
def land_geojson(
    west_deg: float, tolerance_deg: float, lon_range: tuple[float, float] | None = None
) -> dict[str, Any]:
    """Land in the window ``[west_deg, west_deg + 360)`` as one GeoJSON Feature (lon, lat),
    simplified by ``tolerance_deg``. Where a route runs past the window's edge
    (``lon_range``: its west and east longitudes), the next world copy of the land is added
    beside it, so the route never ends over blank sea."""
    union = land.land_union(pacific=west_deg == 0.0)
    if west_deg != 0.0:
        union = land.to_window(union, west_deg)
    if lon_range is not None:
        lo, hi = lon_range
        extra = []
        if hi > west_deg + 360.0:
            part = union.intersection(
                box(west_deg, -90, min(west_deg + 360, hi - 360 + COPY_MARGIN_DEG), 90)
            )
            extra.append(shapely.transform(part, lambda xy: xy + np.array([360.0, 0.0])))
        if lo < west_deg:
            part = union.intersection(
                box(max(west_deg, lo + 360 - COPY_MARGIN_DEG), -90, west_deg + 360, 90)
            )
            extra.append(shapely.transform(part, lambda xy: xy - np.array([360.0, 0.0])))
        if extra:
            union = shapely.union_all([union, *extra])
    simple = shapely.simplify(union, tolerance_deg, preserve_topology=True)
    simple = shapely.set_precision(simple, 0.01)
    return {"type": "Feature", "properties": {}, "geometry": mapping(simple)}


LonLat = tuple[float, float]
#: Where a map that must cut a lane prefers its edge: mid-Atlantic, the edge of a
#: Pacific-centred world map (degrees of longitude).
PREFERRED_EDGE_DEG = -30.0
#: A map edge closer than this to a port (degrees of longitude) would put it at the map's side.
EDGE_CLEAR_OF_PORTS_DEG = 15.0


def _crossings(lines: Sequence[Sequence[LonLat]], edge_deg: float) -> int:
    """How many times the lines cross the meridian ``edge_deg`` (in any world copy)."""
    count = 0
    for line in lines:
        for (lon0, _), (lon1, _) in itertools.pairwise(line):
            lo, hi = min(lon0, lon1), max(lon0, lon1)
            count += math.floor((hi - edge_deg) / 360.0) - math.floor((lo - edge_deg) / 360.0)
    return count


def _from_port(edge_deg: float, port_lons: Sequence[float]) -> float:
    """Degrees of longitude between the meridian ``edge_deg`` and the nearest port."""
    return min((abs((lon - edge_deg + 180.0) % 360.0 - 180.0) for lon in port_lons), default=180.0)


def world_edge(lines: Sequence[Sequence[LonLat]], port_lons: Sequence[float]) -> float:
    """The west edge (degrees, in ``[-180, 180)``) of a one-world window for lines that
    together span more than 360° of longitude: where the fewest lines cross, not beside a
    port, as near :data:`PREFERRED_EDGE_DEG` as that allows."""

    def cost(edge: float) -> tuple[int, bool, float]:
        near_port = _from_port(edge, port_lons) < EDGE_CLEAR_OF_PORTS_DEG
        return (_crossings(lines, edge), near_port, abs(_from_port(edge, [PREFERRED_EDGE_DEG])))

    return float(min(range(-180, 180), key=lambda edge: cost(float(edge))))


def cut_to_window(line: Sequence[LonLat], west_deg: float) -> list[list[LonLat]]:
    """A continuous ``(lon, lat)`` line as parts inside ``[west_deg, west_deg + 360]``: cut
    where it crosses the window's edge (in any world copy), each part moved by whole turns.
    The cut point's latitude is interpolated along the segment."""
    parts: list[list[LonLat]] = []
    current: list[LonLat] = []
    for lon, lat in line:
        if current:
            lon0, lat0 = current[-1]
            turn0 = math.floor((lon0 - west_deg) / 360.0)
            turn1 = math.floor((lon - west_deg) / 360.0)
            step = 1 if turn1 > turn0 else -1
            for turn in range(turn0, turn1, step):
                edge = west_deg + 360.0 * (turn + (1 if step > 0 else 0))
                t = (edge - lon0) / (lon - lon0)
                cut = (edge, lat0 + t * (lat - lat0))
                current.append(cut)
                parts.append(current)
                current = [cut]
        current.append((lon, lat))
    if current:
        parts.append(current)
    out = []
    for part in parts:
        if len(part) < 2:
            continue
        mid = (min(p[0] for p in part) + max(p[0] for p in part)) / 2
        shift = 360.0 * math.floor((mid - west_deg) / 360.0)
        out.append([(lon - shift, lat) for lon, lat in part])
    return out


def one_world(
    lines: Sequence[Sequence[LonLat]], port_lons: Sequence[float]
) -> tuple[float, list[list[list[LonLat]]]] | None:
    """``(west edge, each line's parts)`` for lines (``(lon, lat)``, each continuous) that
    together span more than 360° of longitude (Shanghai → Rotterdam by Suez and by Panama),
    so that every place is shown once: the lines are cut at the window's edge that
    :func:`world_edge` chooses. ``None`` when they fit in one world as they are."""
    lons = [lon for line in lines for lon, _ in line]
    if not lons or max(lons) - min(lons) <= 360.0:
        return None
    edge = world_edge(lines, port_lons)
    return edge, [cut_to_window(line, edge) for line in lines]


#: How far back along a cut lane its heading at the cut is measured (degrees).
HEADING_BACK_DEG: Final[float] = 2.0


@dataclass(frozen=True)
class CutEnd:
    """A lane's end on the one-world map's edge: its row, the cut ``(lon, lat)`` and the
    lane's heading there, towards the edge (degrees clockwise from east, on the screen)."""

    number: int
    at: LonLat
    heading_deg: float


def _mercator_deg(lat: float) -> float:
    """Web Mercator's y of a latitude, in degrees of longitude at the equator."""
    lat = max(-85.0, min(85.0, lat))
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def _heading(at: LonLat, back: Sequence[LonLat]) -> float:
    """The screen heading (degrees clockwise from east) from the first point of ``back`` at
    least :data:`HEADING_BACK_DEG` away from ``at`` (else the last one) to ``at``."""
    origin = back[-1]
    for point in back:
        if math.hypot(point[0] - at[0], point[1] - at[1]) >= HEADING_BACK_DEG:
            origin = point
            break
    east = at[0] - origin[0]
    south = _mercator_deg(origin[1]) - _mercator_deg(at[1])
    return round(math.degrees(math.atan2(south, east)), 1)


def cut_ends(parts: dict[int, list[list[LonLat]]]) -> tuple[CutEnd, ...]:
    """Each end of a part that is a cut at the window's edge (not a port), with the lane's
    heading there towards the edge."""
    out = []
    for number, row_parts in parts.items():
        for i, part in enumerate(row_parts):
            if i > 0:
                out.append(CutEnd(number, part[0], _heading(part[0], part[1:])))
            if i < len(row_parts) - 1:
                out.append(CutEnd(number, part[-1], _heading(part[-1], part[-2::-1])))
    return tuple(out)
