"""The smallest frame of a lane: a short hop (Los Angeles → Long Beach, 3 nm) is framed on at
least :data:`MIN_FRAME_NM` each way, so both ports, their labels and the lane show at a scale
the offline land layer (1:110m) can carry. Every map reads it: the static slide, the browser
slide and the page's map. An extent is ``(west, south, east, north)`` in degrees, longitudes
in the view's display window.
"""

from __future__ import annotations

import math
from typing import Final

import shapely

from geo.present.view import LaneView

#: The least north–south and east–west span of a lane's frame (nautical miles).
MIN_FRAME_NM: Final[float] = 40.0
_NM_PER_DEG_LAT: Final[float] = 60.0


def lane_bounds(view: LaneView) -> tuple[float, float, float, float]:
    """``(west, south, east, north)`` of the view's drawn routes (display window)."""
    west, south, east, north = shapely.GeometryCollection(
        list(view.display_routes().geometry)
    ).bounds
    return (float(west), float(south), float(east), float(north))


def extent_near_lane(
    extent: tuple[float, float, float, float], view: LaneView
) -> tuple[float, float, float, float]:
    """``extent`` ``(west, south, east, north)`` in degrees, moved by whole turns of 360° so
    that its centre is as near as it can be to the centre of the view's drawn routes (the
    display window): ``-200,40,-150,65`` on a lane drawn at 158°–193° is ``160,40,210,65``,
    the same place, where the lane is drawn (else the map shows an empty copy of the world)."""
    west, south, east, north = extent
    lane_west, _, lane_east, _ = lane_bounds(view)
    turn = 360.0 * round(((lane_west + lane_east) / 2 - (west + east) / 2) / 360.0)
    return (west + turn, south, east + turn, north)


def lane_frame(view: LaneView, min_nm: float = MIN_FRAME_NM) -> tuple[float, float, float, float]:
    """The lane's bounds widened about their centre to at least ``min_nm`` north–south and
    east–west (measured at the centre's latitude); a longer lane's bounds unchanged."""
    west, south, east, north = lane_bounds(view)
    lon_c, lat_c = (west + east) / 2, (south + north) / 2
    half_lat = min_nm / _NM_PER_DEG_LAT / 2
    half_lon = half_lat / max(math.cos(math.radians(lat_c)), 0.05)
    return (
        min(west, lon_c - half_lon),
        max(-90.0, min(south, lat_c - half_lat)),
        max(east, lon_c + half_lon),
        min(90.0, max(north, lat_c + half_lat)),
    )


def fit_zoom(view: LaneView, width_px: float = 1000.0, max_zoom: float = 12.0) -> float:
    """The web-map zoom (Leaflet/Web Mercator, 256-px tiles) at which :func:`lane_frame` fills
    ``width_px``, to a quarter step, at most ``max_zoom``: a map's zoom limit must let a short
    hop be framed (a 40 nm frame needs about zoom 10; the whole Pacific about 2)."""
    west, _, east, _ = lane_frame(view)
    span = max(east - west, 1e-6)
    zoom = math.log2(360.0 * width_px / 256.0 / span)
    return min(max_zoom, math.floor(zoom * 4) / 4)
