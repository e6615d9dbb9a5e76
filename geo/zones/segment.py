"""Cutting a route into ordered segments by regulatory zone and by sea.

Every coordinate is ``(lon, lat)`` (WGS 84 degrees). The line is densified along its geodesics,
cut where it crosses a zone boundary or a sea limit (zones and seas are intersected in copies
shifted by whole turns, so any continuous line works: [-180, 180], unwrapped beyond 180°, or
shifted by -360°), and each piece is classified by the zone it lies in
(:func:`geo.zones.store.zone_extents`, land included) and, in open sea, by the sea or ocean
(:mod:`geo.zones.seas`). Open-sea segments are named after their sea ("South China Sea",
"North Pacific" ...), or "Open ocean" outside every polygon.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

import geopandas as gpd
import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry import LineString, MultiLineString
from shapely.strtree import STRtree

from geo.errors import InvalidCoordinateError
from geo.routing.antimeridian import join_antimeridian, unwrap_coords
from geo.routing.engine import validate_speed
from geo.routing.geodesy import GEOD
from geo.settings import KM_PER_NM, PACIFIC_WINDOW_WEST_DEG
from geo.zones.rules import OPEN_OCEAN, ZONE_ORDER, _rules
from geo.zones.seas import sea_name_ids, sea_names, seas
from geo.zones.store import zone_extents

METRES_PER_NM: Final[float] = KM_PER_NM * 1000.0
#: Routes are densified along their geodesics to this spacing before they are cut, metres.
DENSIFY_STEP_M: Final[float] = 10.0 * METRES_PER_NM
#: Pieces shorter than this (grazing a zone corner) are merged into a neighbour.
MIN_SEGMENT_NM: Final[float] = 0.5

SEGMENT_COLUMNS: Final[tuple[str, ...]] = (
    "seq",
    "name",
    "zone_id",
    "kind",
    "distance_nm",
    "duration_h",
    "share",
    "start_nm",
    "end_nm",
    "sulphur_limit_pct",
    "rules",
    "corridor_measures",
    "source",
    "year",
    "approximate",
)


@lru_cache(maxsize=16)
def _boundary_tree(first_turn: int, last_turn: int) -> tuple[STRtree, NDArray[Any]]:
    """STRtree of every zone-boundary edge, in copies shifted by ``turn * 360`` degrees."""
    edges: list[NDArray[np.float64]] = []
    outlines = [*zone_extents().values(), *(sea.geometry for sea in seas())]
    for outline in outlines:
        for ring in shapely.get_rings(shapely.get_parts(outline)):
            xy = shapely.get_coordinates(ring)
            edges.append(np.stack([xy[:-1], xy[1:]], axis=1))
    base = np.concatenate(edges)
    copies = []
    for turn in range(first_turn, last_turn + 1):
        shifted = base.copy()
        shifted[:, :, 0] += 360.0 * turn
        copies.append(shifted)
    geoms = shapely.linestrings(np.concatenate(copies))
    return STRtree(geoms), geoms


def _as_coords(line: LineString | MultiLineString) -> NDArray[np.float64]:
    """Validated, continuous ``(lon, lat)`` vertices without consecutive duplicates."""
    if isinstance(line, MultiLineString):
        line = join_antimeridian(line)
    if not isinstance(line, LineString):
        raise InvalidCoordinateError(
            f"a route must be a LineString (or an RFC 7946 MultiLineString), got "
            f"{type(line).__name__}"
        )
    xy = shapely.get_coordinates(line)
    if len(xy) < 2 or not np.isfinite(xy).all():
        raise InvalidCoordinateError(
            "a route needs at least two finite (lon, lat) points; got "
            f"{len(xy)} point(s){'' if np.isfinite(xy).all() else ' with NaN or infinity'}"
        )
    bad = np.abs(xy[:, 1]) > 90.0
    if bad.any():
        raise InvalidCoordinateError(
            f"latitude {xy[bad, 1][0]:g} is out of range; accepted: -90 to 90 degrees"
        )
    xy = np.asarray(unwrap_coords(xy.tolist()), dtype=float)
    keep = np.ones(len(xy), dtype=bool)
    keep[1:] = np.any(np.diff(xy, axis=0) != 0.0, axis=1)
    xy = xy[keep]
    if len(xy) < 2:
        raise InvalidCoordinateError("a route needs two distinct points; all points are equal")
    return xy


def _densify(xy: NDArray[np.float64], step_m: float) -> NDArray[np.float64]:
    """Vertices with points added along each geodesic so no step exceeds ``step_m``."""
    _, _, dist = GEOD.inv(xy[:-1, 0], xy[:-1, 1], xy[1:, 0], xy[1:, 1])
    out: list[NDArray[np.float64]] = []
    for i, metres in enumerate(np.atleast_1d(dist)):
        out.append(xy[i : i + 1])
        extra = math.ceil(float(metres) / step_m) - 1
        if extra > 0:
            pts = np.asarray(GEOD.npts(xy[i, 0], xy[i, 1], xy[i + 1, 0], xy[i + 1, 1], extra))
            out.append(pts)
    out.append(xy[-1:])
    dense = np.concatenate(out)
    return np.asarray(unwrap_coords(dense.tolist()), dtype=float)


def _cut_points(dense: NDArray[np.float64]) -> NDArray[np.float64]:
    """``dense`` with a point added wherever an edge crosses a zone boundary."""
    west = PACIFIC_WINDOW_WEST_DEG
    first_turn = int((dense[:, 0].min() - west) // 360.0)
    last_turn = int((dense[:, 0].max() - west) // 360.0)
    tree, boundary = _boundary_tree(first_turn, last_turn)
    start, end = dense[:-1], dense[1:]
    edges = shapely.linestrings(np.stack([start, end], axis=1))
    edge_idx, boundary_idx = tree.query(edges, predicate="intersects")
    n_edges = len(start)
    keys = [np.arange(n_edges, dtype=float)]  # every edge start: t = 0
    if len(edge_idx):
        hits = shapely.intersection(edges[edge_idx], boundary[boundary_idx])
        pts, which = shapely.get_coordinates(hits, return_index=True)
        e = edge_idx[which]
        vec = end[e] - start[e]
        denom = np.einsum("ij,ij->i", vec, vec)
        t = np.einsum("ij,ij->i", pts - start[e], vec) / np.where(denom > 0.0, denom, 1.0)
        t = np.clip(t, 0.0, 1.0)
        inside = (t > 1e-12) & (t < 1.0 - 1e-12)
        keys.append(e[inside] + t[inside])
    key = np.unique(np.concatenate(keys))
    e = np.minimum(np.floor(key).astype(int), n_edges - 1)
    t = key - e
    pts = start[e] + t[:, None] * (end[e] - start[e])
    pts = np.vstack([pts, dense[-1:]])
    keep = np.ones(len(pts), dtype=bool)
    keep[1:] = np.any(np.abs(np.diff(pts, axis=0)) > 1e-12, axis=1)
    return pts[keep]


def _classify(lon: NDArray[np.float64], lat: NDArray[np.float64]) -> NDArray[np.int_]:
    """Label of each point: index into :data:`ZONE_ORDER` of the zone holding it, or, in open
    sea, ``-2 - k`` for sea name ``k`` of :func:`geo.zones.seas.sea_names` (-1: no sea)."""
    west = PACIFIC_WINDOW_WEST_DEG
    lon_w = np.mod(lon - west, 360.0) + west
    out = np.full(len(lon), -1, dtype=int)
    for index, extent in enumerate(zone_extents().values()):
        hit = (out < 0) & shapely.intersects_xy(extent, lon_w, lat)  # edge 0° = 360° too
        out[hit] = index
    open_sea = out < 0
    if open_sea.any():
        out[open_sea] = -2 - sea_name_ids(lon_w[open_sea], lat[open_sea])
    return out


@dataclass
class _Run:
    zone: int  # label from _classify
    first: int  # first sub-edge
    last: int  # last sub-edge (inclusive)
    metres: float


def _runs(labels: NDArray[np.int_], metres: NDArray[np.float64]) -> list[_Run]:
    runs: list[_Run] = []
    for i, (label, length) in enumerate(zip(labels.tolist(), metres.tolist(), strict=True)):
        if runs and runs[-1].zone == label:
            runs[-1].last = i
            runs[-1].metres += length
        else:
            runs.append(_Run(label, i, i, length))
    return runs


def _merge_short(runs: list[_Run], min_metres: float) -> list[_Run]:
    """Fold runs shorter than ``min_metres`` into a neighbour, then join equal neighbours."""
    runs = [_Run(r.zone, r.first, r.last, r.metres) for r in runs]
    while len(runs) > 1:
        short = [i for i, r in enumerate(runs) if r.metres < min_metres]
        if not short:
            break
        i = min(short, key=lambda k: (runs[k].metres, k))
        if i == 0:
            j = 1
        elif i == len(runs) - 1:
            j = i - 1
        else:
            j = i - 1 if runs[i - 1].metres >= runs[i + 1].metres else i + 1
        lo, hi = min(i, j), max(i, j)
        runs[lo : hi + 1] = [
            _Run(runs[j].zone, runs[lo].first, runs[hi].last, runs[lo].metres + runs[hi].metres)
        ]
        merged: list[_Run] = []
        for run in runs:
            if merged and merged[-1].zone == run.zone:
                merged[-1].last = run.last
                merged[-1].metres += run.metres
            else:
                merged.append(run)
        runs = merged
    return runs


def _number_repeats(names: Sequence[str]) -> list[str]:
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    seen: dict[str, int] = {}
    out = []
    for name in names:
        if counts[name] > 1:
            seen[name] = seen.get(name, 0) + 1
            out.append(f"{name} ({seen[name]})")
        else:
            out.append(name)
    return out


def segment_route(line: LineString | MultiLineString, *, speed_kn: float) -> gpd.GeoDataFrame:
    """Cut a route into ordered segments by regulatory zone.

    ``line``: the route in ``(lon, lat)``; any continuous window works (storage [-180, 180],
    unwrapped beyond 180° like :attr:`geo.routing.engine.Route.line`, or shifted by whole turns); a
    line that jumps at 180° is unwrapped first, and an RFC 7946 MultiLineString is joined.
    Each edge is read as the geodesic between its vertices. ``speed_kn``: in (0, 40].

    Returns one row per segment, from origin to destination, with columns ``seq`` (1, 2, ...),
    ``name`` (the zone's name, e.g. "North American ECA"; open sea is named after the sea or
    ocean of ``data/seas.csv`` it lies in, e.g. "South China Sea", "North Pacific", else
    "Open ocean"; a name that occurs more than once is numbered "(1)", "(2)" ...), ``zone_id``,
    ``kind``, ``distance_nm`` (geodesic, WGS 84, on the segment's coordinates), ``duration_h``,
    ``share`` (of the whole route, sums to 1), ``start_nm``, ``end_nm``, ``sulphur_limit_pct``,
    ``rules``, ``corridor_measures``, ``source``, ``year``, ``approximate`` and ``geometry``: a
    LineString densified along the geodesic (≤ 10 nm steps), in the same longitude window as the
    input, each segment starting where the previous one ends. Pieces shorter than 0.5 nm
    (grazing a zone corner) are merged into a neighbour.

    Raises :class:`~geo.errors.InvalidSpeedError` or
    :class:`~geo.errors.InvalidCoordinateError` naming the bad value.
    """
    speed = validate_speed(speed_kn)
    xy = _as_coords(line)
    pts = _cut_points(_densify(xy, DENSIFY_STEP_M))
    mid = (pts[:-1] + pts[1:]) / 2.0
    labels = _classify(mid[:, 0], mid[:, 1])
    _, _, sub_m = GEOD.inv(pts[:-1, 0], pts[:-1, 1], pts[1:, 0], pts[1:, 1])
    sub_m = np.atleast_1d(np.asarray(sub_m, dtype=float))
    runs = _merge_short(_runs(labels, sub_m), MIN_SEGMENT_NM * METRES_PER_NM)

    rules = _rules()
    sea_list = sea_names()
    total_m = float(sub_m.sum())
    names: list[str] = []
    records: list[dict[str, Any]] = []
    geoms: list[LineString] = []
    position_m = 0.0
    for run in runs:
        zone_id = ZONE_ORDER[run.zone] if run.zone >= 0 else OPEN_OCEAN
        rule = rules[zone_id]
        seg_m = float(sub_m[run.first : run.last + 1].sum())
        if run.zone >= 0 or run.zone == -1:
            names.append(rule.zone_name)
        else:
            names.append(sea_list[-2 - run.zone])
        distance_nm = seg_m / METRES_PER_NM
        records.append(
            {
                "zone_id": zone_id,
                "kind": rule.kind,
                "distance_nm": distance_nm,
                "duration_h": distance_nm / speed,
                "share": seg_m / total_m if total_m > 0 else 1.0 / len(runs),
                "start_nm": position_m / METRES_PER_NM,
                "end_nm": (position_m + seg_m) / METRES_PER_NM,
                "sulphur_limit_pct": rule.sulphur_limit_pct,
                "rules": rule.rules,
                "corridor_measures": rule.corridor_measures,
                "source": rule.source,
                "year": rule.year,
                "approximate": rule.approximate,
            }
        )
        geoms.append(LineString(pts[run.first : run.last + 2]))
        position_m += seg_m
    for seq, (record, name) in enumerate(zip(records, _number_repeats(names), strict=True), 1):
        record["seq"] = seq
        record["name"] = name
    return gpd.GeoDataFrame(records, columns=list(SEGMENT_COLUMNS), geometry=geoms, crs="EPSG:4326")


def segments_as_records(gdf: gpd.GeoDataFrame) -> list[dict[str, Any]]:
    """Plain records of :func:`segment_route` output for JSON: ``name``, ``zone`` (zone id),
    ``distance_nm`` (0.1 nm), ``duration_h`` (0.01 h), ``share`` (4 decimals)."""
    return [
        {
            "name": str(row["name"]),
            "zone": str(row["zone_id"]),
            "distance_nm": round(float(row["distance_nm"]), 1),
            "duration_h": round(float(row["duration_h"]), 2),
            "share": round(float(row["share"]), 4),
        }
        for _, row in gdf.iterrows()
    ]
