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
import pyogrio
import pyogrio.errors

from geo.errors import ExportError
from geo.export.rfc7946 import geometry_json, rfc7946_geometry, rfc7946_line
from geo.fileio import atomic_output, atomic_write_bytes
from geo.i18n import N_
from geo.present.layers import route_id
from geo.present.localnames import data_text, port_name
from geo.present.view import segment_name

if TYPE_CHECKING:
    from geo.present.model import LanePresentation

EXPORT_FORMATS: Final[frozenset[str]] = frozenset({".geojson", ".gpkg", ".csv"})
CRS: Final[str] = "EPSG:4326"
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


def _routes_layer(pres: LanePresentation) -> gpd.GeoDataFrame:
    view = pres.view
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
    out["geometry"] = [rfc7946_geometry(g) for g in gdf.geometry]
    return gpd.GeoDataFrame(out, geometry="geometry", crs=CRS)


def export_layers(pres: LanePresentation) -> dict[str, gpd.GeoDataFrame]:
    """The layers in the RFC 7946 window, keyed by GeoPackage layer name: the route always,
    ``segments``, ``ports`` and ``zones`` when the presentation shows them."""
    view = pres.view
    out = {"route": _routes_layer(pres)}
    if pres.shows("segments"):
        out["segments"] = _wrapped(view.segments_gdf())
    if pres.shows("ports"):
        out["ports"] = _wrapped(view.ports_gdf())
    if pres.shows("zones"):
        out["zones"] = _wrapped(view.zones_gdf())
    return out


_FEATURE_LAYER: Final[dict[str, str]] = {
    "route": "route",
    "segments": "segment",
    "ports": "port",
    "zones": "zone",
}


CRS_NOTE: Final[str] = "OGC:CRS84 (RFC 7946); lines crossing 180° are cut into MultiLineStrings"


def metadata(pres: LanePresentation) -> dict[str, Any]:
    """The presentation's metadata (:meth:`LanePresentation.as_dict`) plus the CRS note."""
    return {**pres.as_dict(), "crs": CRS_NOTE}


def metadata_rows(pres: LanePresentation) -> list[tuple[str, str]]:
    """The metadata as ``(key, text)`` rows, for the GeoPackage table and the CSV header."""
    rows = [("title", pres.title), ("subtitle", pres.subtitle)]
    rows += [
        (m.key, pres.tr("{label}: {text}", label=m.label, text=m.text())) for m in pres.metrics
    ]
    rows += [("passages", pres.passages_text()), ("assumptions", pres.assumptions)]
    rows += [("warning", w) for w in pres.warnings]
    rows += [("source", f"{s.title} {s.url}".strip()) for s in pres.sources]
    rows.append(("crs", CRS_NOTE))
    return rows


def geojson_dict(pres: LanePresentation) -> dict[str, Any]:
    """The FeatureCollection written by :func:`export_geojson`, as a dict."""
    features: list[dict[str, Any]] = []
    for name, gdf in export_layers(pres).items():
        columns = [c for c in gdf.columns if c != "geometry"]
        for _, row in gdf.iterrows():
            geom = geometry_json(row.geometry)
            if geom["type"] == "LineString":  # a layer keeps one geometry type
                geom = {"type": "MultiLineString", "coordinates": [geom["coordinates"]]}
            props = {"layer": _FEATURE_LAYER[name]}
            props.update({c: _plain(row[c]) for c in columns})
            features.append({"type": "Feature", "properties": props, "geometry": geom})
    return {"type": "FeatureCollection", "metadata": metadata(pres), "features": features}


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------


def export_geojson(pres: LanePresentation, path: Path) -> Path:
    """Write the view as one RFC 7946 GeoJSON FeatureCollection (UTF-8); returns ``path``.

    Each feature has a ``layer`` property (``route``, ``segment``, ``port``, ``zone``);
    the headline figures are in the collection's ``metadata`` and on the route features.
    """
    text = json.dumps(geojson_dict(pres), ensure_ascii=False, allow_nan=False, indent=None)
    return atomic_write_bytes(Path(path), (text + "\n").encode("utf-8"))


def _gpkg_ready(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    out = gdf.copy()
    for col in out.columns:
        if col == "geometry":
            continue
        if out[col].dtype == object:
            out[col] = [_plain(v) for v in out[col]]
    return out


def export_gpkg(pres: LanePresentation, path: Path) -> Path:
    """Write a GeoPackage with layers ``route``, ``segments``, ``ports`` and ``zones`` (those
    shown; EPSG:4326, longitudes in [-180, 180], lines cut at 180°) and a table
    ``lane_metadata`` (``key``, ``value``: title, figures, passages, assumptions, sources);
    returns ``path``. Written into a temporary file next to ``path``, renamed on success.
    """
    layers = export_layers(pres)
    table = pd.DataFrame(metadata_rows(pres), columns=["key", "value"])
    try:
        with atomic_output(Path(path)) as tmp:
            for name in GPKG_LAYERS:
                if name in layers:
                    gdf = _gpkg_ready(layers[name])
                    gdf.to_file(tmp, layer=name, driver="GPKG", engine="pyogrio")
            pyogrio.write_dataframe(table, tmp, layer="lane_metadata", driver="GPKG")
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
        # GDAL reports a full disk or an unwritable folder this way, not as an OSError
        raise ExportError(N_("cannot write {path}: {reason}", path=path, reason=str(exc))) from exc
    return Path(path)


def segments_rows(pres: LanePresentation) -> list[dict[str, Any]]:
    """The CSV rows: one per segment of every route, in voyage order."""
    view = pres.view
    lang = pres.lang  # names, rules and measures in the slide's language; ids stay as they are
    names = {
        route_id(r): f"{port_name(r.origin, lang)} → {port_name(r.destination, lang)}"
        for r in view.routes
    }
    rows = []
    for _, seg in view.segments_gdf().iterrows():
        rid = str(seg["route_id"])
        sulphur = _plain(seg.get("sulphur_limit_pct"))
        rows.append(
            {
                "route": names.get(rid, rid),
                "route_id": rid,
                "seq": int(seg["seq"]),
                "name": segment_name(str(seg["zone_id"]), str(seg["name"]), lang),
                "zone": str(seg["zone_id"]),
                "distance_nm": f"{float(seg['distance_nm']):.2f}",
                "duration_h": f"{float(seg['duration_h']):.2f}",
                "share": f"{float(seg['share']):.5f}",
                "sulphur_limit_pct": "" if sulphur is None else f"{float(sulphur):.2f}",
                "rules": data_text("rules", str(_plain(seg.get("rules")) or ""), lang),
                "corridor_measures": data_text(
                    "corridor", str(_plain(seg.get("corridor_measures")) or ""), lang
                ),
                "source": str(_plain(seg.get("source")) or ""),
            }
        )
    return rows


def spreadsheet_text(value: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula (``= + - @``, tab,
    carriage return) gets a leading apostrophe (OWASP's advice for CSV injection)."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def export_segments_csv(pres: LanePresentation, path: Path) -> Path:
    """Write the segments as CSV (UTF-8 with a byte-order mark, so Excel keeps → and ≤;
    comma separated). The lane's metadata comes first as comment lines ``# key,value``
    (:func:`metadata_rows`; read with ``pandas.read_csv(path, comment="#")``), then the
    header row and one row per segment.

    Columns: :data:`CSV_COLUMNS` — ``route`` ("Shanghai → Los Angeles"), ``route_id``,
    ``seq``, ``name``, ``zone`` (zone id), ``distance_nm``, ``duration_h``, ``share`` (of the
    route, 0–1), ``sulphur_limit_pct``, ``rules``, ``corridor_measures``, ``source``.
    Each route's distances add up to its length. Returns ``path``.
    """
    buf = io.StringIO()
    comments = csv.writer(buf, lineterminator="\n")
    for key, value in metadata_rows(pres):
        comments.writerow([f"# {key}", spreadsheet_text(value)])
    writer = csv.DictWriter(buf, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(segments_rows(pres))
    return atomic_write_bytes(Path(path), buf.getvalue().encode("utf-8-sig"))


_WRITERS: Final[dict[str, Callable[[Any, Path], Path]]] = {
    ".geojson": export_geojson,
    ".gpkg": export_gpkg,
    ".csv": export_segments_csv,
}


def export_data(pres: LanePresentation, path: Path) -> Path:
    """Write ``pres`` in the format of ``path``'s extension (:data:`EXPORT_FORMATS`)."""
    path = Path(path)
    writer = _WRITERS.get(path.suffix.lower())
    if writer is None:
        raise ExportError(
            f"cannot export {path.name!r}: data exports are {', '.join(sorted(EXPORT_FORMATS))}"
        )
    return writer(pres, path)


def longitudes(obj: Any) -> Iterable[float]:
    """Every longitude in a GeoJSON geometry's ``coordinates`` (for checks and tests)."""
    if isinstance(obj, (list, tuple)) and obj and isinstance(obj[0], (int, float)):
        yield float(obj[0])
        return
    if isinstance(obj, (list, tuple)):
        for item in obj:
            yield from longitudes(item)
