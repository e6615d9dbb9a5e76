"""The map's layers as GeoDataFrames: routes, segments, zones and ports.

Columns (all layers are EPSG:4326, ``(lon, lat)``):

* :func:`routes_layer` — ``route_id, origin, origin_locode, destination, destination_locode,
  distance_nm, distance_km, duration_h, speed_kn, great_circle_nm, great_circle_ratio,
  passages, avoid, geometry``. Geometry is the continuous route line (longitudes may run past
  180°, as searoute gives them); cut it with :func:`geo.routing.antimeridian.split_at_antimeridian`
  before writing RFC 7946 files.
* :func:`segments_layer` — :func:`geo.zones.corridor.segment_route`'s columns plus ``route_id``.
* :func:`zones_layer` — :func:`geo.zones.corridor.zones` (Pacific window).
* :func:`ports_layer` — ``id, locode, name, country, role, lon, lat, teu, teu_year,
  teu_label, teu_source, teu_source_url, trade_label, trade_source, trade_source_url,
  coord_source, geometry`` with ``lon`` in [-180, 180).

:func:`to_display_window` moves any of them into the one window a map uses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import LineString, MultiLineString, Point
from shapely.geometry.base import BaseGeometry

from geo.catalogue import ports as _ports
from geo.catalogue.land import to_window
from geo.facts import trade
from geo.routing.antimeridian import choose_window, shift_coords, shift_lon, wrap_lon
from geo.routing.engine import PASSAGE_LABELS, Route
from geo.zones import corridor

CRS = "EPSG:4326"


def route_id(r: Route) -> str:
    """A stable id for a route: ``ORIGIN>DESTINATION``."""
    return f"{r.origin.id}>{r.destination.id}"


def routes_layer(routes: Sequence[Route]) -> gpd.GeoDataFrame:
    """One row per route; see the module docstring for the columns."""
    rows = [
        {
            "route_id": route_id(r),
            "origin": r.origin.name,
            "origin_locode": r.origin.locode or "",
            "destination": r.destination.name,
            "destination_locode": r.destination.locode or "",
            "distance_nm": r.distance_nm,
            "distance_km": r.distance_km,
            "duration_h": r.duration_h,
            "speed_kn": r.speed_kn,
            "great_circle_nm": r.great_circle_nm,
            "great_circle_ratio": r.great_circle_ratio,
            "passages": ", ".join(PASSAGE_LABELS.get(p, p) for p in r.passages),
            "avoid": ", ".join(PASSAGE_LABELS.get(p, p) for p in r.avoid),
            "geometry": r.line,
        }
        for r in routes
    ]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=CRS)


def segments_layer(routes: Sequence[Route]) -> gpd.GeoDataFrame:
    """The routes cut into named zone segments, ordered from origin to destination."""
    frames = []
    for r in routes:
        seg = corridor.segment_route(r.line, speed_kn=r.speed_kn)
        seg.insert(0, "route_id", route_id(r))
        frames.append(seg)
    if not frames:
        return gpd.GeoDataFrame({"route_id": []}, geometry=[], crs=CRS)
    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry", crs=CRS)


def zones_layer() -> gpd.GeoDataFrame:
    """The regulatory zones (Pacific-centred window, longitudes in [0, 360))."""
    return corridor.zones()


def _port_row(port: _ports.Port, role: str) -> dict[str, object]:
    code = port.locode or port.id
    # a terminal of a port (Yangshan, part of CNSHA) must not repeat the whole port's figures
    has_figures = port.kind != "coordinates" and (port.kind != "corridor" or port.id == code)
    latest = trade.latest_volume(code) if has_figures else None
    trade_figs = trade.port_trade(code) if has_figures else []
    top_trade = trade_figs[0] if trade_figs else None
    lon = wrap_lon(port.lon)
    return {
        "id": port.id,
        "locode": port.locode or "",
        "name": port.name,
        "country": port.country,
        "role": role,
        "lon": lon,
        "lat": port.lat,
        "teu": latest.value if latest else None,
        "teu_year": latest.year if latest else "",
        "teu_label": latest.label() if latest else "",
        "teu_source": latest.source if latest else "",
        "teu_source_url": latest.source_url if latest else "",
        "trade_label": top_trade.label() if top_trade else "",
        "trade_source": top_trade.source if top_trade else "",
        "trade_source_url": top_trade.source_url if top_trade else "",
        "coord_source": port.source,
        "geometry": Point(lon, port.lat),
    }


def ports_layer(routes: Sequence[Route] = (), *, corridor: bool = True) -> gpd.GeoDataFrame:
    """Every route end (aliases expanded to their member ports), and the corridor's ports
    when ``corridor`` is true (on the corridor lane; elsewhere they would be noise)."""
    rows: dict[str, dict[str, object]] = {}
    for port in _ports.corridor_ports() if corridor else ():
        rows[port.id] = _port_row(port, "corridor port")
    for r in routes:
        for port, role in ((r.origin, "origin"), (r.destination, "destination")):
            for member in _ports.members(port):
                if member.id in rows:
                    continue
                rows[member.id] = _port_row(member, role)
    return gpd.GeoDataFrame(list(rows.values()), geometry="geometry", crs=CRS)


def display_window(routes: Iterable[Route]) -> float:
    """West edge of the map window: 0 (Pacific-centred) when a route crosses 180°, else -180."""
    lines = [r.coords for r in routes]
    return choose_window(lines) if lines else 0.0


def _place(geom: BaseGeometry, west_deg: float) -> BaseGeometry:
    if geom is None or geom.is_empty:
        return geom
    if isinstance(geom, Point):
        return Point(shift_lon(geom.x, west_deg), geom.y)
    if isinstance(geom, LineString):
        return LineString(shift_coords(list(geom.coords), west_deg))
    if isinstance(geom, MultiLineString):
        # keep each part continuous; move all parts by the first part's offset
        first = geom.geoms[0].coords[0][0]
        offset = shift_lon(first, west_deg) - first
        return shapely.transform(geom, lambda xy: xy + np.array([offset, 0.0]))
    return to_window(geom, west_deg)


def to_display_window(gdf: gpd.GeoDataFrame, west_deg: float) -> gpd.GeoDataFrame:
    """A copy of ``gdf`` moved into ``[west_deg, west_deg + 360)``: points shifted, lines kept
    continuous (moved whole), polygons cut at the window edge and moved."""
    out = gdf.copy()
    out["geometry"] = [_place(g, west_deg) for g in gdf.geometry]
    return out


def _translate(geom: BaseGeometry, offset: float) -> BaseGeometry:
    if offset == 0.0 or geom is None or geom.is_empty:
        return geom
    return shapely.transform(geom, lambda xy: xy + np.array([offset, 0.0]))


def route_offsets(routes: gpd.GeoDataFrame, west_deg: float) -> dict[str, float]:
    """Per ``route_id``, the whole-turn shift that puts the route's start in the window."""
    out: dict[str, float] = {}
    for rid, geom in zip(routes["route_id"], routes.geometry):
        first = geom.coords[0][0]
        out[str(rid)] = shift_lon(first, west_deg) - first
    return out


def segments_to_window(segments: gpd.GeoDataFrame, offsets: dict[str, float]) -> gpd.GeoDataFrame:
    """Segments moved by their own route's shift, so they lie exactly on the drawn route
    (a segment past 360° must not jump back to the other side of the map)."""
    out = segments.copy()
    out["geometry"] = [
        _translate(g, offsets.get(str(rid), 0.0))
        for rid, g in zip(segments["route_id"], segments.geometry)
    ]
    return out


def points_near_lines(
    points: gpd.GeoDataFrame, lines: gpd.GeoDataFrame, west_deg: float
) -> gpd.GeoDataFrame:
    """Points moved into the window, then onto the world copy nearest to the drawn lines
    (a route that runs on past the window's edge keeps its end port beside it)."""
    out = to_display_window(points, west_deg)
    vertices = (
        np.vstack([shapely.get_coordinates(g) for g in lines.geometry]) if len(lines) else None
    )
    if vertices is None or not len(vertices):
        return out
    moved = []
    for geom in out.geometry:
        best = geom
        best_d = float("inf")
        for turn in (-1, 0, 1):
            cand = Point(geom.x + 360.0 * turn, geom.y)
            d = float(np.min(np.hypot(vertices[:, 0] - cand.x, vertices[:, 1] - cand.y)))
            if d < best_d - 1e-9:
                best, best_d = cand, d
        moved.append(best)
    out["geometry"] = moved
    return out
