"""Geodesic measures on the WGS 84 ellipsoid. Every point is ``(lon, lat)``.

Longitudes may be unwrapped (beyond ±180): the inverse problem only uses their difference.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from pyproj import Geod

from geo.settings import NM_PER_KM

GEOD: Final[Geod] = Geod(ellps="WGS84")

LonLat = tuple[float, float]


def distance_nm(start: LonLat, end: LonLat) -> float:
    """Geodesic distance in nautical miles between two ``(lon, lat)`` points."""
    _, _, metres = GEOD.inv(start[0], start[1], end[0], end[1])
    return float(metres) / 1000.0 * NM_PER_KM


def line_length_nm(coords: Sequence[Sequence[float]]) -> float:
    """Geodesic length in nautical miles of a polyline given as ``(lon, lat)`` pairs."""
    if len(coords) < 2:
        return 0.0
    lons = [float(c[0]) for c in coords]
    lats = [float(c[1]) for c in coords]
    return float(GEOD.line_length(lons, lats)) / 1000.0 * NM_PER_KM
