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


def densify(coords: Sequence[Sequence[float]], step_nm: float) -> list[LonLat]:
    """The polyline drawn as geodesics: points added on each leg's geodesic every ``step_nm``.

    ``coords``: ``(lon, lat)`` pairs, possibly unwrapped; the result is continuous (unwrapped
    like the input: its first point keeps its longitude) and keeps every input vertex. Its
    geodesic length equals the input's (the new points lie on the legs' geodesics).
    """
    out: list[LonLat] = []
    for i, c in enumerate(coords):
        lon, lat = float(c[0]), float(c[1])
        if i > 0:
            p_lon, p_lat = out[-1]
            lon = p_lon + ((lon - p_lon + 180.0) % 360.0) - 180.0
            n = int(distance_nm((p_lon, p_lat), (lon, lat)) // step_nm)
            if n > 0:
                for m_lon, m_lat in GEOD.npts(p_lon, p_lat, lon, lat, n):
                    prev = out[-1][0]
                    out.append((prev + ((m_lon - prev + 180.0) % 360.0) - 180.0, float(m_lat)))
                # the last step back to the vertex keeps the vertex's own unwrapped longitude
                lon = out[-1][0] + ((lon - out[-1][0] + 180.0) % 360.0) - 180.0
        out.append((lon, lat))
    return out
