"""The one RFC 7946 serialiser: geometries of any longitude window cut at the antimeridian.

Inside ``geo`` a route is continuous (its longitudes unwrapped past 180°, e.g. 122 → 241.7)
and zones live in the Pacific display window (0…360). RFC 7946 §3.1.9 wants every longitude
in [-180, 180] and a geometry that crosses 180° cut into a Multi* geometry. The cut is done
by the ``antimeridian`` package (MIT): coordinates are wrapped to [-180, 180) and the package
splits each line or ring where consecutive vertices jump by more than 180°. Long edges are
first densified (:data:`MAX_EDGE_DEG`) so that no edge spans 180° by itself. The parts end
and start exactly at ±180; rings follow the right-hand rule (exterior counter-clockwise).

Every coordinate pair is ``(lon, lat)``. The command line's GeoJSON and the data exports
both go through :func:`rfc7946_geometry` / :func:`geometry_json`.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any, Final

import antimeridian
import shapely
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon, mapping
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from geo.errors import ExportError
from geo.routing.antimeridian import wrap_lon

COORD_DECIMALS: Final[int] = 6
#: Edges longer than this (degrees) are densified before wrapping, so that a wrapped edge
#: never spans 180° and hides a crossing.
MAX_EDGE_DEG: Final[float] = 10.0


def _wrap_line(coords: Sequence[Sequence[float]]) -> LineString:
    return LineString([(wrap_lon(float(c[0])), float(c[1])) for c in coords])


def _distinct(coords: Sequence[Sequence[float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for c in coords:
        point = (float(c[0]), float(c[1]))
        if not out or point != out[-1]:
            out.append(point)
    return out


def rfc7946_line(geom: BaseGeometry) -> MultiLineString:
    """A (Multi)LineString of any window as a MultiLineString cut at ±180°, longitudes in
    [-180, 180]. Always a MultiLineString, so GeoPackage layers keep one geometry type."""
    lines = [geom] if isinstance(geom, LineString) else list(getattr(geom, "geoms", []))
    parts: list[LineString] = []
    for line in lines:
        if line.is_empty or len(line.coords) < 2:
            continue
        wrapped = _wrap_line(line.coords)
        if len(_distinct(line.coords)) < 2:  # a line of one repeated point stays one
            parts.append(LineString(wrapped.coords[:2]))
            continue
        dense = shapely.segmentize(line, MAX_EDGE_DEG)
        fixed = antimeridian.fix_line_string(_wrap_line(dense.coords), great_circle=False)
        pieces = [fixed] if isinstance(fixed, LineString) else list(fixed.geoms)
        kept = [_distinct(piece.coords) for piece in pieces]
        kept = [coords for coords in kept if len(coords) >= 2]
        # a line shorter than float precision loses its points in the cut: keep it as is
        if kept:
            parts.extend(LineString(c) for c in kept)
        else:
            parts.append(wrapped)
    return MultiLineString(parts)


def _wrap_polygon(polygon: Polygon) -> Polygon:
    # counter-clockwise exterior first: the package reads a clockwise ring as the rest of
    # the world (a polygon around a pole)
    dense = shapely.segmentize(orient(polygon, 1.0), MAX_EDGE_DEG)
    return Polygon(
        [(wrap_lon(x), y) for x, y in dense.exterior.coords],
        [[(wrap_lon(x), y) for x, y in ring.coords] for ring in dense.interiors],
    )


def rfc7946_polygon(geom: BaseGeometry) -> MultiPolygon:
    """A (Multi)Polygon of any window cut at ±180° into [-180, 180], rings right-handed."""
    polygons = [geom] if isinstance(geom, Polygon) else list(getattr(geom, "geoms", []))
    out: list[Polygon] = []
    for polygon in polygons:
        if polygon.is_empty:
            continue
        with warnings.catch_warnings():
            # the package warns when it re-orients a ring; orientation is set below anyway
            warnings.simplefilter("ignore", antimeridian.FixWindingWarning)
            fixed = antimeridian.fix_polygon(
                _wrap_polygon(polygon), great_circle=False, fix_winding=False
            )
        pieces = [fixed] if isinstance(fixed, Polygon) else list(fixed.geoms)
        out.extend(p for p in pieces if not p.is_empty)
    # a zone kept in the Pacific window (0…360) arrives cut at 0°/360°: once wrapped, its
    # pieces meet along 0° and must be one polygon again (pieces at ±180 stay apart)
    merged = shapely.union_all(out) if len(out) > 1 else (out[0] if out else Polygon())
    parts = [merged] if isinstance(merged, Polygon) else list(getattr(merged, "geoms", []))
    return MultiPolygon([orient(p, 1.0) for p in parts if isinstance(p, Polygon) and p.area > 0])


def rfc7946_point(geom: Point) -> Point:
    """A point with its longitude in [-180, 180)."""
    return Point(wrap_lon(geom.x), geom.y)


def rfc7946_geometry(geom: BaseGeometry) -> BaseGeometry:
    """Any point, line or polygon geometry in the RFC 7946 window (see the module doc).
    Raises :class:`~geo.errors.ExportError` for other geometry types."""
    if isinstance(geom, Point):
        return rfc7946_point(geom)
    if isinstance(geom, (LineString, MultiLineString)):
        return rfc7946_line(geom)
    if isinstance(geom, (Polygon, MultiPolygon)):
        return rfc7946_polygon(geom)
    raise ExportError(
        f"cannot export a {geom.geom_type} geometry; accepted: points, lines, polygons"
    )


def round_coords(obj: Any) -> Any:
    """Nested coordinate lists rounded to :data:`COORD_DECIMALS` (≈0.1 m)."""
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), COORD_DECIMALS) for v in obj]
        return [round_coords(v) for v in obj]
    return obj


def geometry_json(geom: BaseGeometry) -> dict[str, Any]:
    """The RFC 7946 GeoJSON geometry object of ``geom`` (cut, wrapped, rounded). A line that
    does not cross 180° is written as a LineString, one that does as a MultiLineString."""
    fixed = rfc7946_geometry(geom)
    if isinstance(fixed, MultiLineString) and len(fixed.geoms) == 1:
        fixed = fixed.geoms[0]
    raw = mapping(fixed)
    return {"type": raw["type"], "coordinates": round_coords(raw["coordinates"])}
