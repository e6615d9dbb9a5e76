"""Named seas and oceans, for naming open-sea segments (``data/seas.csv``).

Each row of ``data/seas.csv`` is one polygon: ``name``, ``polygon`` (``"lon lat; lon lat; ..."``,
WGS 84 degrees, longitude first; a ring may run beyond 180° to stay continuous), ``source``,
``source_url``, ``year`` and ``approximate``. Rows are in priority order: a point belongs to the
first polygon that contains it, so small seas (Red Sea, South China Sea ...) come before the
ocean boxes (North Pacific, Indian Ocean ...). The outlines are simplified after IHO S-23
"Limits of Oceans and Seas" (3rd ed., 1953) or, for the ocean boxes and the two canals, drawn by
this project; every row is marked ``approximate``. The seaward limits matter; landward vertices
run over land. Polygons are used in the Pacific window ``[0, 360)``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from geo.catalogue.land import to_window
from geo.errors import DataError
from geo.settings import DATA_DIR, PACIFIC_WINDOW_WEST_DEG

SEAS_PATH: Final = DATA_DIR / "seas.csv"
_FIELDS: Final[tuple[str, ...]] = ("name", "polygon", "source", "source_url", "year", "approximate")


@dataclass(frozen=True)
class Sea:
    """One polygon of ``data/seas.csv``; ``geometry`` is in the window ``[0, 360)``."""

    name: str
    geometry: BaseGeometry
    source: str
    source_url: str
    year: int
    approximate: bool


def _polygon(text: str, where: str) -> Polygon:
    try:
        coords = [tuple(float(v) for v in pair.split()) for pair in text.split(";")]
    except ValueError as exc:
        raise DataError(f"{where}: polygon {text[:40]!r}...: {exc}") from None
    if len(coords) < 3 or any(len(c) != 2 for c in coords):
        raise DataError(f"{where}: a polygon needs at least three 'lon lat' pairs")
    polygon = Polygon(coords)
    if not polygon.is_valid:
        raise DataError(f"{where}: polygon is not valid ({shapely.is_valid_reason(polygon)})")
    return polygon


@lru_cache(maxsize=1)
def seas() -> tuple[Sea, ...]:
    """Every row of ``data/seas.csv`` in priority order (a cached tuple).

    Raises :class:`~geo.errors.DataError` naming the line for a missing column, an invalid
    polygon, or a row without source or year.
    """
    out: list[Sea] = []
    with SEAS_PATH.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [f for f in _FIELDS if f not in (reader.fieldnames or [])]
        if missing:
            raise DataError(f"{SEAS_PATH.name} lacks column(s): {', '.join(missing)}")
        for line_no, row in enumerate(reader, start=2):
            where = f"{SEAS_PATH.name} line {line_no} ({row['name'] or 'no name'})"
            if not row["source"].strip() or not row["year"].strip().isdigit():
                raise DataError(f"{where}: every sea needs a source and a year")
            geom = to_window(_polygon(row["polygon"], where), PACIFIC_WINDOW_WEST_DEG)
            shapely.prepare(geom)
            out.append(
                Sea(
                    name=row["name"].strip(),
                    geometry=geom,
                    source=row["source"].strip(),
                    source_url=row["source_url"].strip(),
                    year=int(row["year"]),
                    approximate=row["approximate"].strip().lower() == "true",
                )
            )
    return tuple(out)


@lru_cache(maxsize=1)
def sea_names() -> tuple[str, ...]:
    """The distinct sea and ocean names of :func:`seas`, in order of first appearance."""
    return tuple(dict.fromkeys(sea.name for sea in seas()))


def sea_name_ids(lon: NDArray[np.float64], lat: NDArray[np.float64]) -> NDArray[np.int_]:
    """Index into :func:`sea_names` of the sea holding each ``(lon, lat)``, or -1 (none).

    Polygons sharing a name (an ocean drawn as several boxes, or cut at 180°) give one id.
    """
    names = sea_names()
    lookup = np.array([names.index(sea.name) for sea in seas()] + [-1], dtype=int)
    return lookup[sea_index(lon, lat)]


def sea_index(lon: NDArray[np.float64], lat: NDArray[np.float64]) -> NDArray[np.int_]:
    """Index into :func:`seas` of the first polygon holding or touching each point, or -1.

    Points are ``(lon, lat)`` arrays of equal length; ``lon`` may be in any window (it is
    moved into ``[0, 360)``).
    """
    west = PACIFIC_WINDOW_WEST_DEG
    lon_w = np.mod(np.asarray(lon, dtype=float) - west, 360.0) + west
    lat = np.asarray(lat, dtype=float)
    out = np.full(len(lon_w), -1, dtype=int)
    for index, sea in enumerate(seas()):
        todo = out < 0
        if not todo.any():
            break
        hit = np.zeros(len(lon_w), dtype=bool)
        hit[todo] = shapely.intersects_xy(sea.geometry, lon_w[todo], lat[todo])
        out[hit] = index
    return out


def sea_name(lon: float, lat: float) -> str | None:
    """The name of the sea or ocean at ``(lon, lat)`` degrees, or None outside every polygon."""
    index = int(sea_index(np.array([lon]), np.array([lat]))[0])
    return seas()[index].name if index >= 0 else None
