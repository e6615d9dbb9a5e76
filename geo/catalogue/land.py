"""The offline land layer (Natural Earth 1:110m countries, public domain) and window moves.

``data/land.geojson`` is built by ``scripts/build_land.py``: one row per country (``name``,
``iso_a3``, ``continent``), simplified, valid, longitudes in [-180, 180]. Every coordinate is
``(lon, lat)``.

Two windows:

* :func:`land` — storage window, longitudes in [-180, 180] (RFC 7946).
* :func:`land_pacific` — the map's Pacific-centred window ``[W, W + 360]`` with
  ``W = PACIFIC_WINDOW_WEST_DEG`` (0): every polygon is clipped at ``W`` and the western part is
  moved by +360°, so nothing smears across the map; countries cut at 180° in the source (Russia,
  Fiji) join up again at 180°.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import lru_cache

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry

from geo.errors import DataError, GeoError
from geo.settings import DATA_DIR, PACIFIC_WINDOW_WEST_DEG

LAND_PATH = DATA_DIR / "land.geojson"
LAND_SOURCE = "Natural Earth 1:110m Admin 0 countries (public domain), via pyogrio's test data"
LAND_COLUMNS: tuple[str, ...] = ("name", "iso_a3", "continent")


def to_window(geom: BaseGeometry, west_deg: float = PACIFIC_WINDOW_WEST_DEG) -> BaseGeometry:
    """``geom`` moved into the longitude window ``[west_deg, west_deg + 360]``.

    Coordinates are ``(lon, lat)``. Parts are cut at the window edges (``west_deg`` and its
    copies every 360°) and each part is moved by whole turns into the window, so a polygon that
    straddles the edge is split rather than smeared. Works for any input longitudes; the pieces
    are re-joined with a union, so parts that meet after the move (e.g. at 180°) dissolve.
    """
    if geom.is_empty:
        return geom
    min_lon, min_lat, max_lon, max_lat = geom.bounds
    first = int((min_lon - west_deg) // 360.0)
    last = int((max_lon - west_deg) // 360.0)
    if first == last:
        return shapely.transform(geom, lambda xy: xy + np.array([-360.0 * first, 0.0]))
    pieces: list[BaseGeometry] = []
    for turn in range(first, last + 1):
        west = west_deg + 360.0 * turn
        part = geom.intersection(box(west, min_lat - 1.0, west + 360.0, max_lat + 1.0))
        if not part.is_empty:
            pieces.append(
                shapely.transform(part, lambda xy, t=turn: xy + np.array([-360.0 * t, 0.0]))
            )
    return shapely.make_valid(shapely.union_all(pieces))


def polygonal(geom: BaseGeometry) -> MultiPolygon:
    """Only the polygonal parts of ``geom`` as a MultiPolygon (drops stray lines and points)."""
    if isinstance(geom, Polygon):
        return MultiPolygon([geom]) if not geom.is_empty else MultiPolygon()
    if isinstance(geom, MultiPolygon):
        return geom
    parts: list[Polygon] = []
    for part in getattr(geom, "geoms", []):
        parts.extend(polygonal(part).geoms)
    return MultiPolygon(parts)


@lru_cache(maxsize=1)
def _land_all() -> gpd.GeoDataFrame:
    if not LAND_PATH.exists():
        raise DataError(f"{LAND_PATH} is missing; build it with: python scripts/build_land.py")
    gdf = gpd.read_file(LAND_PATH)
    missing = [c for c in LAND_COLUMNS if c not in gdf.columns]
    if missing:
        raise DataError(f"{LAND_PATH} lacks column(s) {', '.join(missing)}")
    gdf = gdf[[*LAND_COLUMNS, "geometry"]].set_crs("EPSG:4326", allow_override=True)
    return gdf


def _country_keys(gdf: gpd.GeoDataFrame) -> dict[str, str]:
    """Lower-case name and ISO A3 → canonical country name."""
    keys: dict[str, str] = {}
    for name, iso in zip(gdf["name"], gdf["iso_a3"], strict=True):
        keys[str(name).lower()] = str(name)
        if isinstance(iso, str) and iso:
            keys[iso.lower()] = str(name)
    return keys


@lru_cache(maxsize=64)
def _land_subset(names: tuple[str, ...] | None) -> gpd.GeoDataFrame:
    gdf = _land_all()
    if names is None:
        return gdf
    return gdf[gdf["name"].isin(names)].reset_index(drop=True)


def _resolve(countries: Iterable[str] | None) -> tuple[str, ...] | None:
    if countries is None:
        return None
    if isinstance(countries, str):
        countries = [countries]
    keys = _country_keys(_land_all())
    names: list[str] = []
    for query in countries:
        key = str(query).strip().lower()
        if key not in keys:
            close = difflib.get_close_matches(key, list(keys), n=5, cutoff=0.6)
            names_close = list(dict.fromkeys(keys[c] for c in close))[:3]
            hint = f" Did you mean: {', '.join(names_close)}?" if names_close else ""
            raise GeoError(
                f"unknown country {query!r}: give a Natural Earth name (e.g. 'Canada', "
                f"'United States of America') or an ISO 3166 alpha-3 code (e.g. 'USA').{hint}"
            )
        names.append(keys[key])
    return tuple(sorted(set(names)))


def land(countries: Iterable[str] | None = None) -> gpd.GeoDataFrame:
    """Land polygons, one row per country; longitudes in [-180, 180], ``(lon, lat)``.

    ``countries``: Natural Earth names or ISO A3 codes, any case (``"China"``, ``"usa"``);
    ``None`` for the whole world. Columns: ``name``, ``iso_a3``, ``continent``, ``geometry``
    (MultiPolygon, EPSG:4326). Rows are sorted by name. The file is read once per process; each
    call returns a fresh copy, so callers may modify it. Unknown names raise
    :class:`~geo.errors.GeoError` with close matches.
    """
    return _land_subset(_resolve(countries)).copy()


@lru_cache(maxsize=1)
def _land_pacific_all() -> gpd.GeoDataFrame:
    gdf = _land_all()
    geoms = [polygonal(to_window(g, PACIFIC_WINDOW_WEST_DEG)) for g in gdf.geometry]
    return gpd.GeoDataFrame(gdf.drop(columns="geometry"), geometry=geoms, crs="EPSG:4326")


def land_pacific() -> gpd.GeoDataFrame:
    """:func:`land` for the whole world, in the map's Pacific-centred window ``[0, 360]``.

    Coordinates are ``(lon, lat)``; Asia keeps its longitudes, the Americas are moved by +360°.
    Polygons crossing the window edge (0°: the UK, France, Spain, West Africa, Antarctica) are
    clipped there and their western part moved, so nothing smears across the map; Russia and
    Fiji, split at 180° in the source, become one piece each. Returns a fresh copy.
    """
    return _land_pacific_all().copy()


@lru_cache(maxsize=2)
def land_union(pacific: bool = False) -> BaseGeometry:
    """All land dissolved into one (Multi)Polygon, in the storage or the Pacific window."""
    gdf = _land_pacific_all() if pacific else _land_all()
    return shapely.make_valid(shapely.union_all(gdf.geometry.values))
