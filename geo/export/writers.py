"""Data exports of a lane view: GeoJSON (RFC 7946), GeoPackage and a CSV of the segments.

Every file is written atomically (:func:`geo.fileio.atomic_output`): a reader never sees a
half-written file, and a failed export leaves nothing behind.

Longitudes follow the storage rule of the project: **every exported coordinate is within
[-180, 180]**. Lines that cross 180° (the Shanghai → San Pedro Bay route and its open-ocean
segment) are cut there into MultiLineStrings
(:func:`geo.routing.antimeridian.split_at_antimeridian`);
the parts end and start exactly at ±180. Zone polygons are cut at ±180 too
(:func:`geo.catalogue.land.to_window`). Polygon rings follow the right-hand rule (exterior
counter-clockwise). Every coordinate pair is ``(lon, lat)``.

Layers and their ``layer`` property / GeoPackage layer name:

* ``route`` (GeoPackage ``route``) — one feature per route: ``route_id``, ``origin``,
  ``destination``, ``distance_nm``, ``distance_km``, ``duration_h``, ``duration_days``,
  ``speed_kn``, ``great_circle_nm``, ``great_circle_ratio``, ``passages``, ``avoid``.
* ``segment`` (``segments``) — :func:`geo.zones.corridor.segment_route` columns plus ``route_id``.
* ``port`` (``ports``) — :func:`geo.present.layers.ports_layer` columns.
* ``zone`` (``zones``) — :func:`geo.zones.corridor.zones` columns.

The GeoJSON also carries a ``metadata`` foreign member (RFC 7946 §6.1): title, headline
figures, assumptions, sources and the data date.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import (
    LineString,
    MultiLineString,
    MultiPolygon,
    Point,
    Polygon,
    mapping,
)
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from geo.catalogue.land import polygonal, to_window
from geo.errors import ExportError
from geo.fileio import atomic_output, atomic_write_bytes
from geo.present.layers import route_id
from geo.routing.antimeridian import split_at_antimeridian, wrap_lon

if TYPE_CHECKING:
    from geo.present.view import LaneView

EXPORT_FORMATS: Final[frozenset[str]] = frozenset({".geojson", ".gpkg", ".csv"})
CRS: Final[str] = "EPSG:4326"
COORD_DECIMALS: Final[int] = 6
GPKG_LAYERS: Final[tuple[str, ...]] = ("route", "segments", "ports", "zones")
CSV_COLUMNS: Final[tuple[str, ...]] = (
    "route",
    "route_id",
    "seq",
    "name",
    "zone",
    "distance_nm",
    "duration_h",
    "share",
    "sulphur_limit_pct",
    "rules",
    "corridor_measures",
    "source",
)
STORAGE_WEST_DEG: Final[float] = -180.0


# --------------------------------------------------------------------------------------------
# Geometry in the RFC 7946 window
# --------------------------------------------------------------------------------------------


def rfc7946_line(geom: BaseGeometry) -> MultiLineString:
    """A (Multi)LineString of any longitude window as an RFC 7946 MultiLineString.

    Each continuous part is cut at ±180° (the cut point is on both sides); longitudes end up in
    [-180, 180]. Always a MultiLineString, so GeoPackage layers have one geometry type.
    """
    parts: list[LineString] = []
    lines = [geom] if isinstance(geom, LineString) else list(getattr(geom, "geoms", []))
    for line in lines:
        coords = list(line.coords)
        if len(coords) < 2:
            continue
        cut = split_at_antimeridian(coords)
        pieces = [cut] if isinstance(cut, LineString) else list(cut.geoms)
        parts.extend(LineString(_seam_consistent(list(piece.coords))) for piece in pieces)
    return MultiLineString(parts)


def _seam_consistent(coords: list[tuple[float, ...]]) -> list[tuple[float, float]]:
    """A part's vertices that lie exactly on the seam take the sign of their neighbours.

    ``split_at_antimeridian`` writes a vertex that is exactly on 180° (say the first one) as
    -180 even when the part continues at +180; in [-180, 180] that reads as a jump across
    the whole map. Flip such seam vertices to the side of the adjacent vertex.
    """
    out = [(float(c[0]), float(c[1])) for c in coords]
    for i in range(1, len(out)):
        (lon0, lat0), (lon1, lat1) = out[i - 1], out[i]
        if abs(lon1 - lon0) > 180.0:
            if abs(lon1) == 180.0:
                out[i] = (math.copysign(180.0, lon0), lat1)
            elif abs(lon0) == 180.0:
                out[i - 1] = (math.copysign(180.0, lon1), lat0)
                # the earlier seam vertices of a run on the seam follow
                j = i - 2
                while j >= 0 and abs(out[j][0]) == 180.0:
                    out[j] = (math.copysign(180.0, lon1), out[j][1])
                    j -= 1
    return out


def rfc7946_polygon(geom: BaseGeometry) -> MultiPolygon:
    """A (Multi)Polygon of any window cut at ±180° into [-180, 180], rings right-handed."""
    cut = polygonal(to_window(geom, STORAGE_WEST_DEG))
    return MultiPolygon([orient(p, 1.0) for p in cut.geoms if not p.is_empty])


def rfc7946_point(geom: Point) -> Point:
    """A point with its longitude in [-180, 180)."""
    return Point(wrap_lon(geom.x), geom.y)


def _rfc7946(geom: BaseGeometry) -> BaseGeometry:
    if isinstance(geom, Point):
        return rfc7946_point(geom)
    if isinstance(geom, (LineString, MultiLineString)):
        return rfc7946_line(geom)
    if isinstance(geom, (Polygon, MultiPolygon)):
        return rfc7946_polygon(geom)
    raise ExportError(f"cannot export a {geom.geom_type} geometry")


def _round_coords(obj: Any) -> Any:
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), COORD_DECIMALS) for v in obj]
        return [_round_coords(v) for v in obj]
    return obj


# --------------------------------------------------------------------------------------------
# Layers (wrapped) shared by the GeoJSON and GeoPackage writers
# --------------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A JSON/GPKG-friendly scalar: numpy → Python, NaN → None."""
    if value is None:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    return value


def _routes_layer(view: LaneView) -> gpd.GeoDataFrame:
    rows = []
    for r in view.routes:
        rows.append(
            {
                "route_id": route_id(r),
                "origin": r.origin.name,
                "origin_locode": r.origin.locode or "",
                "destination": r.destination.name,
                "destination_locode": r.destination.locode or "",
                "distance_nm": float(r.distance_nm),
                "distance_km": float(r.distance_km),
                "duration_h": float(r.duration_h),
                "duration_days": float(r.duration_days),
                "speed_kn": float(r.speed_kn),
                "great_circle_nm": float(r.great_circle_nm),
                "great_circle_ratio": float(r.great_circle_ratio),
                "passages": ", ".join(r.passages),
                "avoid": ", ".join(r.avoid),
                "geometry": rfc7946_line(r.line),
            }
        )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=CRS)


def _wrapped(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    out = gdf.copy()
    out["geometry"] = [_rfc7946(g) for g in gdf.geometry]
    return gpd.GeoDataFrame(out, geometry="geometry", crs=CRS)


def export_layers(view: LaneView) -> dict[str, gpd.GeoDataFrame]:
    """The four layers in the RFC 7946 window, keyed by GeoPackage layer name."""
    return {
        "route": _routes_layer(view),
        "segments": _wrapped(view.segments_gdf()),
        "ports": _wrapped(view.ports_gdf()),
        "zones": _wrapped(view.zones_gdf()),
    }


_FEATURE_LAYER: Final[dict[str, str]] = {
    "route": "route",
    "segments": "segment",
    "ports": "port",
    "zones": "zone",
}


def _metadata(view: LaneView) -> dict[str, Any]:
    return {
        "title": view.title,
        "origin": view.origin.name,
        "destination": view.destination.name,
        "speed_kn": float(view.speed_kn),
        "avoid": list(view.avoid),
        "as_of": view.as_of,
        "figures": view.headline_figures(),
        "assumptions": view.assumptions(),
        "sources": [{"source": s, "url": u} for s, u in view.sources()],
        "crs": "OGC:CRS84 (RFC 7946); lines crossing 180° are cut into MultiLineStrings",
    }


def geojson_dict(view: LaneView) -> dict[str, Any]:
    """The FeatureCollection written by :func:`export_geojson`, as a dict."""
    features: list[dict[str, Any]] = []
    for name, gdf in export_layers(view).items():
        columns = [c for c in gdf.columns if c != "geometry"]
        for _, row in gdf.iterrows():
            geom = mapping(row.geometry)
            geom = {"type": geom["type"], "coordinates": _round_coords(geom["coordinates"])}
            props = {"layer": _FEATURE_LAYER[name]}
            props.update({c: _plain(row[c]) for c in columns})
            features.append({"type": "Feature", "properties": props, "geometry": geom})
    return {"type": "FeatureCollection", "metadata": _metadata(view), "features": features}


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------


def export_geojson(view: LaneView, path: Path) -> Path:
    """Write the view as one RFC 7946 GeoJSON FeatureCollection (UTF-8); returns ``path``.

    Each feature has a ``layer`` property (``route``, ``segment``, ``port``, ``zone``);
    the headline figures are in the collection's ``metadata`` and on the route features.
    """
    text = json.dumps(geojson_dict(view), ensure_ascii=False, allow_nan=False, indent=None)
    return atomic_write_bytes(Path(path), (text + "\n").encode("utf-8"))


def _gpkg_ready(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    out = gdf.copy()
    for col in out.columns:
        if col == "geometry":
            continue
        if out[col].dtype == object:
            out[col] = [_plain(v) for v in out[col]]
    return out


def export_gpkg(view: LaneView, path: Path) -> Path:
    """Write a GeoPackage with layers ``route``, ``segments``, ``ports`` and ``zones``
    (EPSG:4326, longitudes in [-180, 180], lines cut at 180°); returns ``path``.

    Written with pyogrio into a temporary file next to ``path``, renamed on success.
    """
    layers = export_layers(view)
    with atomic_output(Path(path)) as tmp:
        for name in GPKG_LAYERS:
            gdf = _gpkg_ready(layers[name])
            gdf.to_file(tmp, layer=name, driver="GPKG", engine="pyogrio")
    return Path(path)


def segments_rows(view: LaneView) -> list[dict[str, Any]]:
    """The CSV rows: one per segment of every route, in voyage order."""
    names = {route_id(r): f"{r.origin.name} → {r.destination.name}" for r in view.routes}
    rows = []
    for _, seg in view.segments_gdf().iterrows():
        rid = str(seg["route_id"])
        sulphur = _plain(seg.get("sulphur_limit_pct"))
        rows.append(
            {
                "route": names.get(rid, rid),
                "route_id": rid,
                "seq": int(seg["seq"]),
                "name": str(seg["name"]),
                "zone": str(seg["zone_id"]),
                "distance_nm": f"{float(seg['distance_nm']):.2f}",
                "duration_h": f"{float(seg['duration_h']):.2f}",
                "share": f"{float(seg['share']):.5f}",
                "sulphur_limit_pct": "" if sulphur is None else f"{float(sulphur):.2f}",
                "rules": str(_plain(seg.get("rules")) or ""),
                "corridor_measures": str(_plain(seg.get("corridor_measures")) or ""),
                "source": str(_plain(seg.get("source")) or ""),
            }
        )
    return rows


def export_segments_csv(view: LaneView, path: Path) -> Path:
    """Write the segments as CSV (UTF-8, comma, header on the first row, no comments).

    Columns: :data:`CSV_COLUMNS` — ``route`` ("Shanghai → Los Angeles"), ``route_id``,
    ``seq``, ``name``, ``zone`` (zone id), ``distance_nm``, ``duration_h``, ``share`` (of the
    route, 0–1), ``sulphur_limit_pct``, ``rules``, ``corridor_measures``, ``source``.
    Each route's distances add up to its length. Returns ``path``.
    """
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(segments_rows(view))
    return atomic_write_bytes(Path(path), buf.getvalue().encode("utf-8"))


_WRITERS: Final[dict[str, Callable[[Any, Path], Path]]] = {
    ".geojson": export_geojson,
    ".gpkg": export_gpkg,
    ".csv": export_segments_csv,
}


def export_data(view: LaneView, path: Path) -> Path:
    """Write ``view`` in the format of ``path``'s extension (:data:`EXPORT_FORMATS`)."""
    path = Path(path)
    writer = _WRITERS.get(path.suffix.lower())
    if writer is None:
        raise ExportError(
            f"cannot export {path.name!r}: data exports are {', '.join(sorted(EXPORT_FORMATS))}"
        )
    return writer(view, path)


def longitudes(obj: Any) -> Iterable[float]:
    """Every longitude in a GeoJSON geometry's ``coordinates`` (for checks and tests)."""
    if isinstance(obj, (list, tuple)) and obj and isinstance(obj[0], (int, float)):
        yield float(obj[0])
        return
    if isinstance(obj, (list, tuple)):
        for item in obj:
            yield from longitudes(item)
