"""The prebuilt zone layer: ``data/zones.geojson`` written by ``scripts/build_zones.py``.

The file holds one feature per zone of :data:`~geo.zones.rules.ZONE_ORDER` with its ``zone_id``
and its area **land included** (what routes are cut with), as a MultiPolygon in WGS 84
``(lon, lat)`` degrees, longitudes in [-180, 180] (RFC 7946 storage window), coordinates rounded
to :data:`COORD_DECIMALS` decimals (≈ 11 m). :func:`zone_extents` moves them into the Pacific
window ``[0, 360)``; :func:`zones` removes the land for display and adds the rules.
Written deterministically: same extents → byte-identical file.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Final

import geopandas as gpd
import shapely
from shapely.geometry import MultiPolygon, mapping, shape
from shapely.geometry.base import BaseGeometry

from geo.catalogue.land import land_union, polygonal, to_window
from geo.errors import DataError
from geo.settings import DATA_DIR, PACIFIC_WINDOW_WEST_DEG
from geo.zones.rules import CHINA_INLAND_ECA, ZONE_COLUMNS, ZONE_ORDER, _rules

ZONES_PATH: Final = DATA_DIR / "zones.geojson"
COORD_DECIMALS: Final[int] = 4
#: Display pieces smaller than this (square degrees) are dropped after removing land.
_MIN_PIECE_AREA: Final[float] = 1e-6
#: Zones drawn over land on purpose (rivers): the land is not removed for display.
_KEEP_LAND: Final[frozenset[str]] = frozenset({CHINA_INLAND_ECA})


def extents_to_geojson(extents: dict[str, BaseGeometry]) -> str:
    """The text of ``data/zones.geojson`` for ``extents`` (zone id → area in any window)."""
    features = []
    for zone_id in ZONE_ORDER:
        geom = to_window(extents[zone_id], -180.0)
        geom = shapely.set_precision(polygonal(shapely.make_valid(geom)), 10.0**-COORD_DECIMALS)
        features.append(
            {
                "type": "Feature",
                "properties": {"zone_id": zone_id},
                "geometry": mapping(polygonal(geom)),
            }
        )
    lines = ",\n".join(json.dumps(f, separators=(",", ":"), sort_keys=True) for f in features)
    return f'{{"type":"FeatureCollection","features":[\n{lines}\n]}}\n'


def read_extents(path: Any = None) -> dict[str, BaseGeometry]:
    """Zone areas from ``path`` (default ``data/zones.geojson``), in ``[0, 360)``, ZONE_ORDER.

    Raises :class:`~geo.errors.DataError` if the file is missing, unreadable, or lacks a zone
    (run ``python scripts/build_zones.py``).
    """
    path = ZONES_PATH if path is None else path
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        by_id = {f["properties"]["zone_id"]: shape(f["geometry"]) for f in data["features"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataError(
            f"{path}: cannot read the zone layer ({exc}); run scripts/build_zones.py"
        ) from None
    absent = [z for z in ZONE_ORDER if z not in by_id]
    if absent:
        raise DataError(f"{path.name} has no zone {', '.join(absent)}; run scripts/build_zones.py")
    out: dict[str, BaseGeometry] = {}
    taken: BaseGeometry = MultiPolygon()
    for zone_id in ZONE_ORDER:  # rounding may have made neighbours overlap a little: resolve
        geom = to_window(shapely.make_valid(by_id[zone_id]), PACIFIC_WINDOW_WEST_DEG)
        geom = polygonal(shapely.make_valid(shapely.make_valid(geom).difference(taken)))
        out[zone_id] = geom
        taken = shapely.union(taken, geom)
    return out


@lru_cache(maxsize=1)
def zone_extents() -> dict[str, BaseGeometry]:
    """Zone areas with land, ``[0, 360)``, from ``data/zones.geojson`` (cached; prepared)."""
    extents = read_extents()
    for geom in extents.values():
        shapely.prepare(geom)  # once, here: point-in-polygon tests reuse it from any thread
    return extents


@lru_cache(maxsize=1)
def _zones() -> gpd.GeoDataFrame:
    rules = _rules()
    land_pacific = land_union(pacific=True)
    rows: list[dict[str, Any]] = []
    geoms: list[BaseGeometry] = []
    for zone_id, extent in zone_extents().items():
        rule = rules[zone_id]
        if zone_id in _KEEP_LAND:
            sea = polygonal(extent)
        else:
            sea = polygonal(shapely.make_valid(extent.difference(land_pacific)))
        sea = MultiPolygon([p for p in sea.geoms if p.area > _MIN_PIECE_AREA])
        rows.append(
            {
                "zone_id": zone_id,
                "zone_name": rule.zone_name,
                "kind": rule.kind,
                "priority": rule.priority,
                "sulphur_limit_pct": rule.sulphur_limit_pct,
                "rules": rule.rules,
                "corridor_measures": rule.corridor_measures,
                "source": rule.source,
                "year": rule.year,
                "approximate": rule.approximate,
            }
        )
        geoms.append(sea)
    return gpd.GeoDataFrame(rows, columns=list(ZONE_COLUMNS), geometry=geoms, crs="EPSG:4326")


def zones() -> gpd.GeoDataFrame:
    """The regulatory zones as sea areas, in the Pacific window ``[0, 360)``.

    Coordinates are ``(lon, lat)``; North America is at longitudes 190-320, Europe at 350-360
    and 0-45 (a zone that crosses 0° is in two parts). One row per zone in ZONE_ORDER (open sea
    has no row); columns ``zone_id``, ``zone_name``, ``kind`` (``port_approach`` | ``eca``),
    ``priority``, ``sulphur_limit_pct``, ``rules``, ``corridor_measures``, ``source``, ``year``,
    ``approximate``, ``geometry`` (valid MultiPolygon, EPSG:4326 degrees). Rows never overlap;
    land is removed, except for the inland-river zone (rivers run over the 1:110m land).
    Read from ``data/zones.geojson`` once per process; each call returns a fresh copy.
    Raises :class:`~geo.errors.DataError` if a data file is missing or incomplete.
    """
    return _zones().copy()


def zones_for_display() -> gpd.GeoDataFrame:
    """:func:`zones`, which are already in the map's Pacific window ``[0, 360)``."""
    return zones()
