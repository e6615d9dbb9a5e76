"""The three longitude windows of the project, and moves between them.

* storage and user-facing numbers: ``[-180, 180)``  (:func:`wrap_lon`)
* the map: one window for every layer, Pacific-centred ``[0, 360)`` when the lane crosses 180°
  (:func:`choose_window`, :func:`shift_lon`, :func:`shift_coords`)
* exports (RFC 7946): a line that crosses 180° is cut into a MultiLineString
  (:func:`split_at_antimeridian`; :func:`join_antimeridian` is its inverse).

Every coordinate pair is ``(lon, lat)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from shapely.geometry import LineString, MultiLineString

PACIFIC_WEST_DEG: Final[float] = 0.0
ATLANTIC_WEST_DEG: Final[float] = -180.0

Coord = tuple[float, float]


def wrap_lon(lon: float) -> float:
    """Longitude in ``[-180, 180)``; 180 itself becomes -180."""
    return ((float(lon) + 180.0) % 360.0) - 180.0


def shift_lon(lon: float, west_deg: float) -> float:
    """Longitude moved by whole turns into the window ``[west_deg, west_deg + 360)``."""
    return ((float(lon) - west_deg) % 360.0) + west_deg


def unwrap_coords(coords: Iterable[Sequence[float]]) -> list[Coord]:
    """Make a ``(lon, lat)`` polyline continuous: no step longer than 180° in longitude.

    The first point keeps its longitude; each next one is moved by whole turns so the line
    never jumps across the map.
    """
    out: list[Coord] = []
    for c in coords:
        lon, lat = float(c[0]), float(c[1])
        if out:
            prev = out[-1][0]
            lon = prev + ((lon - prev + 180.0) % 360.0) - 180.0
        out.append((lon, lat))
    return out


def crosses_antimeridian(coords: Sequence[Sequence[float]]) -> bool:
    """True if the continuous polyline passes 180° (in either direction)."""
    cont = unwrap_coords(coords)
    lons = [c[0] for c in cont]
    if not lons:
        return False
    lo, hi = min(lons), max(lons)
    # a continuous line crosses an odd multiple of 180 somewhere in [lo, hi]
    k = -3
    while k <= 3:
        if lo < 180.0 * k < hi and k % 2 != 0:
            return True
        k += 1
    return False


def choose_window(lines: Iterable[Sequence[Sequence[float]]]) -> float:
    """West edge of the one display window for a map: 0 (Pacific-centred) if any line crosses
    180°, else -180."""
    for coords in lines:
        if crosses_antimeridian(coords):
            return PACIFIC_WEST_DEG
    return ATLANTIC_WEST_DEG


def shift_coords(coords: Sequence[Sequence[float]], west_deg: float) -> list[Coord]:
    """A continuous copy of the polyline placed so that its first point is in the window.

    The rest of the line follows continuously, so it may run past the window's east edge; that
    keeps it unbroken on a Leaflet map.
    """
    cont = unwrap_coords(coords)
    if not cont:
        return []
    offset = shift_lon(cont[0][0], west_deg) - cont[0][0]
    return [(lon + offset, lat) for lon, lat in cont]


def _interpolate_lat(a: Coord, b: Coord, lon: float) -> float:
    if b[0] == a[0]:
        return a[1]
    t = (lon - a[0]) / (b[0] - a[0])
    return a[1] + t * (b[1] - a[1])


def split_at_antimeridian(coords: Sequence[Sequence[float]]) -> LineString | MultiLineString:
    """RFC 7946 form of a polyline: cut at ±180° into parts whose longitudes stay in [-180, 180].

    The cut point is interpolated linearly in (lon, lat) and added to both sides (at +180 on one,
    -180 on the other).
    """
    cont = unwrap_coords(coords)
    if len(cont) < 2:
        raise ValueError(f"a line needs two points or more, got {len(cont)}")
    parts: list[list[Coord]] = []
    current: list[Coord] = []
    # turn index of a longitude: which copy of [-180, 180) it lies in
    for i, point in enumerate(cont):
        if i == 0:
            # same rule as every later point, so a start exactly on 180° stays on its side
            current.append((point[0] - 360.0 * _turn(point[0]), point[1]))
            continue
        prev = cont[i - 1]
        lo_turn = _turn(prev[0])
        hi_turn = _turn(point[0])
        step = 1 if hi_turn > lo_turn else -1
        turn = lo_turn
        while turn != hi_turn:
            seam = 180.0 + 360.0 * turn if step > 0 else -180.0 + 360.0 * turn
            lat = _interpolate_lat(prev, point, seam)
            current.append((180.0 if step > 0 else -180.0, lat))
            parts.append(current)
            current = [(-180.0 if step > 0 else 180.0, lat)]
            turn += step
        lon = point[0] - 360.0 * hi_turn
        current.append((lon, point[1]))
    parts.append(current)
    parts = [p for p in parts if len(p) >= 2]
    if len(parts) > 1:  # a vertex exactly on the seam leaves a zero-length stub: drop it
        parts = [p for p in parts if any(q != p[0] for q in p)] or parts[:1]
    if len(parts) == 1:
        return LineString(parts[0])
    return MultiLineString(parts)


def _turn(lon: float) -> int:
    """Index k of the copy ``[-180 + 360k, 180 + 360k)`` holding ``lon``; 180+360k belongs to k."""
    k = int((lon + 180.0) // 360.0)
    # a point exactly on the east seam stays in the copy it closes
    if lon == 180.0 + 360.0 * (k - 1):
        return k - 1
    return k


def join_antimeridian(geom: LineString | MultiLineString) -> LineString:
    """Inverse of :func:`split_at_antimeridian`: one continuous line, seam points dropped."""
    if isinstance(geom, LineString):
        return LineString(unwrap_coords(geom.coords))
    coords: list[Coord] = []
    for n, part in enumerate(geom.geoms):
        pts = [(float(x), float(y)) for x, y in part.coords]
        if n > 0:
            pts = pts[1:]  # the -180/180 twin of the previous part's last point
        if n < len(geom.geoms) - 1:
            pts = pts[:-1]  # the seam point itself
        coords.extend(pts)
    return LineString(unwrap_coords(coords))
