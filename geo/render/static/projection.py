"""Map units for the static slide: ``x`` = longitude in the display window (degrees, may run
past 180° or 360°), ``y`` = the Mercator ordinate of the latitude, in degrees.

Every input coordinate is ``(lon, lat)``; every output is ``(x, y)`` in map units.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geo.routing.antimeridian import wrap_lon

#: Latitudes are clipped here before projection (Mercator diverges at the poles).
MAX_LAT_DEG: Final[float] = 84.0


def mercator_y(lat: Any) -> Any:
    """Mercator ordinate (degrees; equal to the latitude near the equator) of ``lat`` (degrees,
    scalar or array; clipped to ±84°). Returns a float or an array of the input's shape."""
    phi = np.radians(np.clip(np.asarray(lat, dtype=float), -MAX_LAT_DEG, MAX_LAT_DEG))
    return np.degrees(np.log(np.tan(np.pi / 4.0 + phi / 2.0)))


def inverse_mercator_y(y: Any) -> Any:
    """Latitude (degrees) of a Mercator ordinate ``y`` given in degrees (scalar or array)."""
    return np.degrees(2.0 * np.arctan(np.exp(np.radians(np.asarray(y, dtype=float)))) - np.pi / 2)


def project(geom: BaseGeometry) -> BaseGeometry:
    """``geom`` with ``(lon, lat)`` coordinates turned into map units ``(lon, mercator_y)``."""
    return shapely.transform(geom, lambda xy: np.column_stack([xy[:, 0], mercator_y(xy[:, 1])]))


def project_coords(coords: Sequence[Sequence[float]] | np.ndarray) -> np.ndarray:
    """An ``(n, 2)`` array of ``(lon, lat)`` points as an ``(n, 2)`` array in map units."""
    arr = np.asarray(coords, dtype=float).reshape(-1, 2)
    return np.column_stack([arr[:, 0], mercator_y(arr[:, 1])])


def lon_label(lon: float) -> str:
    """A longitude of any window as a map label: ``150°E``, ``180°``, ``150°W``, ``0°``
    (``210`` reads ``150°W``, ``364`` reads ``4°E``)."""
    wrapped = wrap_lon(lon)
    value = round(abs(wrapped), 6)
    text = f"{value:g}°"
    if value in (0.0, 180.0):
        return text
    return f"{text}E" if wrapped > 0 else f"{text}W"


def lat_label(lat: float) -> str:
    """``20°N``, ``0°``, ``20°S``."""
    value = round(abs(lat), 6)
    if value == 0:
        return "0°"
    return f"{value:g}°{'N' if lat > 0 else 'S'}"


def nice_step(span: float, target: int) -> float:
    """A graticule step (degrees) giving at most ``target`` lines over ``span`` degrees; down
    to 0.1° on a short hop's frame, where the graticule is the map's only bearing."""
    for step in (0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 15, 20, 30, 45, 60, 90):
        if span / step <= target:
            return float(step)
    return 90.0
