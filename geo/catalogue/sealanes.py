"""Nearness to searoute's sea-lane network and the land layer, across ±180°.

Every point is ``(lon, lat)`` in degrees; distances are geodesic nautical miles (WGS 84).

* :func:`limits` — the thresholds of ``data/routing_limits.csv`` (each with its source).
* :class:`NodeIndex` — nearest network nodes by great-circle distance. Points are turned into
  unit vectors on the sphere, so a point at 179.95° finds a node at -179.9° and the poles are
  ordinary points; the candidates are then ranked by their WGS 84 geodesic distance.
* :func:`sea_lane_distance_nm` / :func:`far_from_sea_lanes` — how far a catalogue port lies
  from the network (for the port picker), computed for the whole catalogue at once and cached.
* :func:`inland_nm`, :func:`on_land`, :func:`geodesic_at_sea` — tests against the offline land
  layer (:mod:`geo.catalogue.land`), with the tolerance of its 1:110m scale.

This module reads searoute's packaged network *data* (its node list); it never searches it.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shapely
from pyproj import Geod
from scipy.spatial import cKDTree
from shapely.geometry import Point

from geo.catalogue import land as _land_layer
from geo.catalogue.ports import Port, catalogue
from geo.errors import DataError
from geo.settings import DATA_DIR, NM_PER_KM

LIMITS_PATH = DATA_DIR / "routing_limits.csv"
_GEOD = Geod(ellps="WGS84")
LonLat = tuple[float, float]
#: Points this close to 180° (in degrees) are tested on both sides of the seam (≈ 0.2 m).
_SEAM_DEG = 1e-6


@dataclass(frozen=True)
class Limits:
    """Thresholds in nautical miles, from ``data/routing_limits.csv`` (source and year there)."""

    far_from_network_nm: float
    land_tolerance_nm: float
    densify_step_nm: float
    at_sea_sample_nm: float


@lru_cache(maxsize=1)
def limits() -> Limits:
    """The routing thresholds; :class:`~geo.errors.DataError` if the file lacks one."""
    values: dict[str, float] = {}
    with LIMITS_PATH.open(encoding="utf-8", newline="") as fh:
        for row_no, row in enumerate(csv.DictReader(fh), start=2):
            try:
                if not row["source"].strip() or not row["year"].strip():
                    raise KeyError("source/year")
                values[row["name"]] = float(row["value"])
            except (KeyError, ValueError) as exc:
                raise DataError(f"{LIMITS_PATH.name} row {row_no}: bad field ({exc})") from exc
    try:
        return Limits(**{name: values[name] for name in Limits.__dataclass_fields__})
    except KeyError as exc:
        raise DataError(f"{LIMITS_PATH.name} lacks the row {exc}") from None


def distance_nm(start: LonLat, end: LonLat) -> float:
    """Geodesic distance in nm between two ``(lon, lat)`` points (longitudes may be unwrapped)."""
    _, _, metres = _GEOD.inv(start[0], start[1], end[0], end[1])
    return float(metres) / 1000.0 * NM_PER_KM


def unit_vectors(points: Sequence[LonLat] | np.ndarray) -> np.ndarray:
    """``(n, 3)`` unit vectors of ``(lon, lat)`` points on a sphere (any longitude window)."""
    arr = np.asarray(points, dtype=float).reshape(-1, 2)
    lon, lat = np.radians(arr[:, 0]), np.radians(arr[:, 1])
    return np.column_stack((np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)))


class NodeIndex:
    """Nearest-node search over ``(lon, lat)`` nodes, seamless across ±180° and at the poles."""

    def __init__(self, nodes: Iterable[LonLat]) -> None:
        self.nodes: list[LonLat] = [(float(n[0]), float(n[1])) for n in nodes]
        if not self.nodes:
            raise DataError("a node index needs at least one node")
        self._tree = cKDTree(unit_vectors(self.nodes))

    def nearest(self, point: LonLat, k: int = 1) -> list[tuple[LonLat, float]]:
        """Up to ``k`` nearest nodes to ``point`` as ``(node, geodesic nm)``, nearest first."""
        k = max(1, min(k, len(self.nodes)))
        _, idx = self._tree.query(unit_vectors([point])[0], k=k)
        found = [self.nodes[int(i)] for i in np.atleast_1d(idx)]
        ranked = [(node, distance_nm(point, node)) for node in found]
        return sorted(ranked, key=lambda t: t[1])

    def nearest_nm(self, points: Sequence[LonLat]) -> np.ndarray:
        """Geodesic nm from each point to its nearest node (vectorised; sphere-ranked)."""
        _, idx = self._tree.query(unit_vectors(points), k=1)
        nodes = np.asarray(self.nodes)[np.atleast_1d(idx)]
        arr = np.asarray(points, dtype=float).reshape(-1, 2)
        _, _, metres = _GEOD.inv(arr[:, 0], arr[:, 1], nodes[:, 0], nodes[:, 1])
        return np.asarray(metres) / 1000.0 * NM_PER_KM


@lru_cache(maxsize=1)
def network_nodes() -> tuple[LonLat, ...]:
    """The nodes of searoute's sea-lane network that have at least one edge, ``(lon, lat)``."""
    from searoute.data.marnet_dict import edge_list  # packaged data: {node: {node: attrs}}

    return tuple(node for node, nbrs in edge_list.items() if nbrs)


@lru_cache(maxsize=1)
def _catalogue_distances() -> dict[str, float]:
    ports = catalogue()
    index = NodeIndex(network_nodes())
    nm = index.nearest_nm([p.route_coord for p in ports])
    return {p.id: float(d) for p, d in zip(ports, nm, strict=True)}


def sea_lane_distance_nm(port: Port) -> float:
    """Geodesic nm from a port's route point to the nearest node of the sea-lane network.

    Catalogue ports are computed all at once (a few milliseconds) and cached; other ports
    (coordinates) are computed on demand.
    """
    cached = _catalogue_distances().get(port.id)
    if cached is not None and port.kind != "coordinates":
        return cached
    return float(NodeIndex(network_nodes()).nearest(port.route_coord)[0][1])


def far_from_sea_lanes(port: Port) -> bool:
    """True if the port lies farther than ``far_from_network_nm`` (data file) from the lanes."""
    return sea_lane_distance_nm(port) > limits().far_from_network_nm


def _wrap(lon: float) -> float:
    return ((lon + 180.0) % 360.0) - 180.0


@lru_cache(maxsize=1)
def _land() -> shapely.Geometry:
    geom = _land_layer.land_union(False)
    shapely.prepare(geom)
    return geom


def _inland_mask(lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
    """Which points lie inside the land layer; a point on 180° is tested on both sides."""
    wrapped = ((np.asarray(lons, dtype=float) + 180.0) % 360.0) - 180.0
    inland = shapely.contains_xy(_land(), wrapped, lats)
    seam = np.abs(np.abs(wrapped) - 180.0) < _SEAM_DEG
    if seam.any():  # a polygon's edge on the seam does not contain its own boundary
        for side in (-1.0, 1.0):
            inland[seam] |= shapely.contains_xy(_land(), side * (180.0 - _SEAM_DEG), lats[seam])
    return np.asarray(inland, dtype=bool)


def inland_nm(lon: float, lat: float) -> float:
    """How far inside the land layer a ``(lon, lat)`` point lies, in nm (0 at sea)."""
    point = Point(_wrap(lon), lat)
    land = _land()
    if not land.contains(point):
        return 0.0
    coast = shapely.shortest_line(land.boundary, point)
    (c_lon, c_lat), _ = coast.coords
    return distance_nm((c_lon, c_lat), (_wrap(lon), lat))


def on_land(lon: float, lat: float) -> bool:
    """True if ``(lon, lat)`` is inland by more than the land layer's tolerance (data file)."""
    return inland_nm(lon, lat) > limits().land_tolerance_nm


def _samples(start: LonLat, end: LonLat, n: int) -> np.ndarray:
    """``n`` points on the geodesic from ``start`` to ``end`` (both included), ``(n, 2)``."""
    if n <= 2:
        return np.array([start, end], dtype=float)
    line = _GEOD.inv_intermediate(
        start[0], start[1], end[0], end[1], npts=n, initial_idx=0, terminus_idx=0,
        return_back_azimuth=True,
    )  # fmt: skip
    return np.column_stack((np.asarray(line.lons), np.asarray(line.lats)))


def geodesic_at_sea(start: LonLat, end: LonLat, *, exempt_ends: bool = True) -> bool:
    """True if the geodesic from ``start`` to ``end`` stays off the land layer.

    Samples every ``at_sea_sample_nm`` (data file). With ``exempt_ends``, a stretch of land that
    begins at an end and is no longer than ``land_tolerance_nm`` is allowed: an end on the coast
    of the coarse 1:110m layer may sit inside its polygon (a line wholly inside the layer passes
    only if it is no longer than that tolerance: Angels Gate to Queen's Gate in San Pedro Bay,
    not Hamburg to Bremerhaven). Any other land fails the test.
    """
    lim = limits()
    total = distance_nm(start, end)
    # a coarse pass can only reject: land far from both ends (most long geodesics between
    # ports cross a continent); the fine pass decides
    coarse_nm = max(lim.land_tolerance_nm, lim.at_sea_sample_nm)
    coarse = _samples(start, end, max(2, math.ceil(total / coarse_nm) + 1))
    along = np.linspace(0.0, total, len(coarse))
    far = (along > lim.land_tolerance_nm) & (along < total - lim.land_tolerance_nm)
    if (_inland_mask(coarse[far, 0], coarse[far, 1])).any():
        return False
    pts = _samples(start, end, max(2, math.ceil(total / lim.at_sea_sample_nm) + 1))
    inland = _inland_mask(pts[:, 0], pts[:, 1])
    if not inland.any():
        return True
    if not exempt_ends:
        return False
    if inland.all():  # the layer cannot resolve the water here: only a hop within its accuracy
        return total <= lim.land_tolerance_nm
    head = int(np.argmin(inland))
    tail = int(np.argmin(inland[::-1]))
    step = total / (len(pts) - 1)
    if max(head, tail) * step > lim.land_tolerance_nm:
        return False
    return not inland[head : len(inland) - tail].any()


def geodesics_may_stay_at_sea(
    start: LonLat, ends: Sequence[LonLat] | np.ndarray, per_line: int = 8
) -> np.ndarray:
    """A cheap vectorised pre-filter for :func:`geodesic_at_sea` (ends exempt) from one
    ``start`` to many ``ends`` (``(lon, lat)``), shape ``(n,)`` of bool.

    False only where :func:`geodesic_at_sea` is certainly False: one of up to ``per_line`` of
    its own coarse samples (land farther than ``land_tolerance_nm`` from both ends) lies inside
    the land layer. True means "may stay at sea: ask :func:`geodesic_at_sea`". A sea-distance
    matrix uses it to avoid n² full tests.
    """
    lim = limits()
    pts = np.asarray(ends, dtype=float).reshape(-1, 2)
    n = len(pts)
    az, _, metres = _GEOD.inv(np.full(n, start[0]), np.full(n, start[1]), pts[:, 0], pts[:, 1])
    total = np.asarray(metres, dtype=float) / 1000.0 * NM_PER_KM
    coarse_nm = max(lim.land_tolerance_nm, lim.at_sea_sample_nm)
    gaps = np.maximum(1.0, np.ceil(total / coarse_nm))  # as geodesic_at_sea's coarse pass
    step = np.where(total > 0, total / gaps, 1.0)
    tol = lim.land_tolerance_nm
    first = np.floor(tol / step) + 2  # one sample of margin on each side of the far stretch
    last = np.ceil((total - tol) / step) - 2
    frac = np.linspace(0.0, 1.0, per_line)
    k = np.round(first[:, None] + frac[None, :] * (last - first)[:, None])
    valid = (last >= first)[:, None] & np.ones_like(k, dtype=bool)
    along_m = np.where(valid, k / gaps[:, None], 0.0) * np.asarray(metres, dtype=float)[:, None]
    lons, lats, _ = _GEOD.fwd(
        np.repeat(np.full(n, start[0]), per_line),
        np.repeat(np.full(n, start[1]), per_line),
        np.repeat(np.asarray(az, dtype=float), per_line),
        along_m.ravel(),
    )
    inland = _inland_mask(np.asarray(lons), np.asarray(lats)).reshape(n, per_line)
    return np.asarray(~(inland & valid).any(axis=1), dtype=bool)
