"""The one place where ``(lon, lat)`` becomes folium's ``[lat, lon]``.

Everything in ``geo`` is ``(lon, lat)`` in degrees; Leaflet and folium take ``[lat, lon]``.
Every layer, marker, bound and extent of the map goes through these helpers, so the order
flips here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from shapely.geometry import LineString, MultiLineString
from shapely.geometry.base import BaseGeometry


def latlon(lon: float, lat: float, digits: int = 5) -> list[float]:
    """``(lon, lat)`` degrees → ``[lat, lon]`` rounded to ``digits`` decimals."""
    return [round(float(lat), digits), round(float(lon), digits)]


def latlon_path(coords: Iterable[Sequence[float]]) -> list[list[float]]:
    """A ``(lon, lat)`` sequence → a ``[[lat, lon], ...]`` path."""
    return [latlon(c[0], c[1]) for c in coords]


def latlon_lines(geom: BaseGeometry) -> list[list[list[float]]]:
    """The parts of a (Multi)LineString as ``[lat, lon]`` paths; ``[]`` for anything else."""
    if isinstance(geom, LineString):
        return [latlon_path(geom.coords)]
    if isinstance(geom, MultiLineString):
        return [latlon_path(g.coords) for g in geom.geoms]
    return []


def latlon_bounds(west: float, south: float, east: float, north: float) -> list[list[float]]:
    """An extent ``(west, south, east, north)`` in degrees → Leaflet's
    ``[[south, west], [north, east]]`` (rounded to 0.001°)."""
    return [latlon(west, south, 3), latlon(east, north, 3)]
