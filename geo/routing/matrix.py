"""Sea-distance matrices: one shortest-path tree per origin over searoute's own network.

:func:`geo.routing.engine.route` asks searoute for one pair at a time (about 10 ms each). A
matrix of *n* ports needs *n²* pairs, so this module runs one Dijkstra per origin instead
(``scipy.sparse.csgraph``, in C) over the very network searoute searches, and answers a whole
row at once. To agree with ``route()`` it copies every step of it:

* **snapping**: an end that is not a network node starts/ends at the node searoute's own
  k-d tree picks (:func:`_snap_node`), joined to the port by a straight geodesic leg;
* **restrictions**: edges tagged with an avoided passage (and always the Northwest Passage)
  are left out (:func:`_restricted_graph`);
* **path choice**: the search minimises searoute's own edge weights (haversine km), so it
  picks the path searoute picks (up to exact ties);
* **length**: the chosen path is re-measured geodesically (WGS 84, ``pyproj.Geod``), edge by
  edge, in nautical miles, as ``route()`` measures its line.

The two private functions above are the only places that know how searoute snaps and
restricts; when the routing engine exposes its own versions (``geo.routing.network``), they
are switched there. ``tests/test_matrix.py`` compares every pair with ``route()``.

Everything is ``(lon, lat)``. The network is loaded once per process (a module-level cache),
which is what a Dask worker process reuses between tasks. Nothing here mutates searoute's
graph, so the functions are safe to call from several threads.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import searoute
from numpy.typing import NDArray
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra
from searoute.classes.passages import Passage

from geo.catalogue import ports as _ports
from geo.errors import NoRouteError, SameEndpointsError
from geo.routing.antimeridian import unwrap_coords
from geo.routing.engine import (
    ALWAYS_AVOIDED,
    PASSAGE_LABELS,
    Route,
    normalise_avoid,
    validate_speed,
)
from geo.routing.geodesy import GEOD, distance_nm, line_length_nm
from geo.settings import DEFAULT_SPEED_KN, NM_PER_KM

LonLat = tuple[float, float]

#: A few searoute weights are 0 (the 180° junctions); csgraph treats an explicit 0 as an edge,
#: but a tiny positive weight keeps that independent of scipy's sparse-matrix housekeeping.
_ZERO_WEIGHT_KM = 1e-12
#: Geodesic nm per weight unit in the low-order part of an edge weight (see _restricted_graph):
#: paths up to 50,000 nm stay below half a unit; float64 keeps ~1e-5 nm over a whole path.
_GEO_SCALE = 1e-5
_NO_NODE = -9999  # scipy's predecessor value for "none"
_VALID_PASSAGES = frozenset(p for p in Passage.valid_passages() if isinstance(p, str))


@dataclass(frozen=True)
class _Network:
    """searoute's maritime network as arrays. Node ``i`` is at ``coords[i]`` = ``(lon, lat)``
    (searoute's own longitudes, a few beyond 180). Edge arrays are directed (both ways)."""

    coords: NDArray[np.float64]  # (N, 2)
    index: dict[LonLat, int]
    src: NDArray[np.int64]  # (E,)
    dst: NDArray[np.int64]  # (E,)
    weight_km: NDArray[np.float64]  # (E,) searoute's edge weight
    geodesic_nm: NDArray[np.float64]  # (E,) WGS 84 length
    passage: tuple[str | None, ...]  # (E,) searoute's passage tag
    edge_key: NDArray[np.int64]  # (E,) sorted src * N + dst, to find an edge by its ends
    edge_order: NDArray[np.int64]  # (E,) positions of the sorted keys in the edge arrays


@dataclass(frozen=True)
class _Graph:
    """The network with some passages removed, ready for csgraph."""

    net: _Network
    avoid: tuple[str, ...]
    matrix: csr_matrix
    kept: NDArray[np.bool_]  # (E,) edge kept after the restrictions


@lru_cache(maxsize=1)
def _network() -> _Network:
    """searoute's network, read once per process through its public ``setup_M()``."""
    marnet = searoute.setup_M()
    nodes: list[LonLat] = [(float(n[0]), float(n[1])) for n in marnet.nodes]
    index = {n: i for i, n in enumerate(nodes)}
    src: list[int] = []
    dst: list[int] = []
    weight: list[float] = []
    passage: list[str | None] = []
    for u, v, data in marnet.edges(data=True):
        iu, iv = index[(float(u[0]), float(u[1]))], index[(float(v[0]), float(v[1]))]
        for a, b in ((iu, iv), (iv, iu)):
            src.append(a)
            dst.append(b)
            weight.append(float(data.get("weight", 0.0)))
            passage.append(data.get("passage"))
    coords = np.asarray(nodes, dtype=np.float64)
    s, d = np.asarray(src, dtype=np.int64), np.asarray(dst, dtype=np.int64)
    _, _, metres = GEOD.inv(coords[s, 0], coords[s, 1], coords[d, 0], coords[d, 1])
    key = s * len(nodes) + d
    order = np.argsort(key, kind="stable")
    return _Network(
        coords=coords,
        index=index,
        src=s,
        dst=d,
        weight_km=np.asarray(weight, dtype=np.float64),
        geodesic_nm=np.asarray(metres, dtype=np.float64) / 1000.0 * NM_PER_KM,
        passage=tuple(passage),
        edge_key=key[order],
        edge_order=order,
    )


@lru_cache(maxsize=16)
def _restricted_graph(avoid: tuple[str, ...]) -> _Graph:
    """The network without the edges of the avoided passages (``avoid`` already normalised).

    The one place restrictions are applied: switch it to
    ``geo.routing.network.restricted_network(avoid)`` when that exists.
    """
    net = _network()
    blocked = {*ALWAYS_AVOIDED, *avoid}
    kept = np.fromiter((p not in blocked for p in net.passage), dtype=bool, count=len(net.passage))
    n = len(net.coords)
    # searoute's weights are whole multiples of 0.1 km: as integers they order paths exactly
    # as searoute does, and the geodesic nm scaled by _GEO_SCALE (a path's total stays below
    # 0.5) only breaks exact ties; the sum's fractional part is the path's geodesic length.
    tenths = np.round(net.weight_km[kept] * 10.0)
    weights = np.maximum(tenths + net.geodesic_nm[kept] * _GEO_SCALE, _ZERO_WEIGHT_KM)
    matrix = csr_matrix((weights, (net.src[kept], net.dst[kept])), shape=(n, n))
    return _Graph(net=net, avoid=avoid, matrix=matrix, kept=kept)


@lru_cache(maxsize=65536)
def _snap_node(coord: LonLat) -> int:
    """The network node searoute starts from for ``coord`` (``(lon, lat)``): its own k-d tree.

    The one place snapping is decided: switch it with the routing engine's. Memoised (a
    k-d tree query in Python costs ~0.1 ms; a matrix asks for every port once per block).
    """
    node = searoute.setup_M().kdtree.query(list(coord))
    return _network().index[(float(node[0]), float(node[1]))]


def _edge_positions(
    net: _Network, src: NDArray[np.int64], dst: NDArray[np.int64]
) -> NDArray[np.int64]:
    """Positions in the edge arrays of the directed edges ``src[k] → dst[k]`` (all exist)."""
    keys = src * len(net.coords) + dst
    return net.edge_order[np.searchsorted(net.edge_key, keys)]


def _trees(
    graph: _Graph, sources: NDArray[np.int64]
) -> tuple[NDArray[np.float64], NDArray[np.int32]]:
    """Shortest-path trees from ``sources`` (node indices), shape ``(k, N)`` each.

    Returns (geodesic nm from the source node to every node along searoute's shortest path,
    ``inf`` where unreachable; predecessor of every node, ``-9999`` at the source and where
    unreachable). One Dijkstra per source gives both numbers: see :func:`_restricted_graph`
    for how the geodesic length rides in the low-order part of each weight.
    """
    weight, pred = dijkstra(graph.matrix, directed=True, indices=sources, return_predecessors=True)
    weight = np.atleast_2d(weight)
    finite = np.isfinite(weight)
    acc = np.full(weight.shape, np.inf)
    # minus the path's length in searoute's whole 0.1 km units
    acc[finite] = (weight[finite] - np.round(weight[finite])) / _GEO_SCALE
    return acc, np.atleast_2d(pred).astype(np.int32)


@dataclass(frozen=True)
class Tree:
    """Shortest sea paths from one origin to every node of the network (one Dijkstra).

    Build it with :func:`tree`; ask it for distances (:meth:`distance_nm`) or whole routes
    (:meth:`route`) to any destination.
    """

    origin: _ports.Port
    avoid: tuple[str, ...]
    _graph: _Graph
    _node: int
    _snap_nm: float
    _acc_nm: NDArray[np.float64]  # (N,)
    _pred: NDArray[np.int32]  # (N,)

    def distance_nm(self, destination: _ports.Port) -> float:
        """Geodesic sea distance in nm to ``destination`` (``inf`` when the avoided passages
        leave no path; 0 for the origin's own point), exactly as ``route()`` measures it."""
        if destination.route_coord == self.origin.route_coord:
            return 0.0
        node = _snap_node(destination.route_coord)
        tail = distance_nm(tuple(self._graph.net.coords[node]), destination.route_coord)
        return self._snap_nm + float(self._acc_nm[node]) + tail

    def route(self, destination: _ports.Port, *, speed_kn: float = DEFAULT_SPEED_KN) -> Route:
        """The whole :class:`~geo.routing.engine.Route` to ``destination``, built like
        ``route()`` builds it (coordinates ``(lon, lat)``, continuous across 180°).

        Raises :class:`~geo.errors.SameEndpointsError`, :class:`~geo.errors.NoRouteError` or
        :class:`~geo.errors.InvalidSpeedError` naming the bad value.
        """
        speed = validate_speed(speed_kn)
        o, d = self.origin, destination
        if o.route_coord == d.route_coord:
            raise SameEndpointsError(
                f"origin and destination are the same place ({o.label}); choose two different ports"
            )
        end = _snap_node(d.route_coord)
        if end != self._node and self._pred[end] == _NO_NODE:
            blocked = ", ".join(PASSAGE_LABELS.get(a, a) for a in self.avoid) or "none"
            raise NoRouteError(
                f"no sea route from {o.label} to {d.label} while avoiding: {blocked}; "
                "allow one of those passages"
            )
        nodes = [end]
        while nodes[-1] != self._node:
            nodes.append(int(self._pred[nodes[-1]]))
        nodes.reverse()
        net = self._graph.net
        steps = np.asarray(nodes, dtype=np.int64)
        passages: set[str] = set()
        if len(nodes) > 1:
            for k in _edge_positions(net, steps[:-1], steps[1:]):
                tag = net.passage[int(k)]
                if tag in _VALID_PASSAGES:
                    passages.add(tag)
        path = [o.route_coord, *(tuple(map(float, net.coords[i])) for i in nodes), d.route_coord]
        unwrapped = unwrap_coords(path)
        coords = tuple(c for i, c in enumerate(unwrapped) if i == 0 or c != unwrapped[i - 1])
        return Route(
            origin=o,
            destination=d,
            coords=coords,
            distance_nm=line_length_nm(coords),
            speed_kn=speed,
            avoid=self.avoid,
            passages=tuple(sorted(passages)),
            origin_snap_nm=self._snap_nm,
            destination_snap_nm=distance_nm(tuple(net.coords[end]), d.route_coord),
            great_circle_nm=distance_nm(o.route_coord, d.route_coord),
        )


def tree(origin: _ports.Port, *, avoid: Iterable[str] | str | None = ()) -> Tree:
    """One shortest-path tree from ``origin`` (a :class:`~geo.catalogue.ports.Port`).

    ``avoid``: passage names as :func:`geo.routing.engine.route` takes them. Raises
    :class:`~geo.errors.UnknownPassageError` naming a bad passage.
    """
    avoid_key = normalise_avoid(avoid)
    graph = _restricted_graph(avoid_key)
    node = _snap_node(origin.route_coord)
    acc, pred = _trees(graph, np.asarray([node], dtype=np.int64))
    snap = distance_nm(origin.route_coord, tuple(graph.net.coords[node]))
    return Tree(origin, avoid_key, graph, node, snap, acc[0], pred[0])


def sea_route(
    origin: _ports.Port,
    destination: _ports.Port,
    *,
    speed_kn: float = DEFAULT_SPEED_KN,
    avoid: Iterable[str] | str | None = (),
) -> Route:
    """The path for one pair on demand, by the matrix engine (agrees with ``route()``)."""
    return tree(origin, avoid=avoid).route(destination, speed_kn=speed_kn)


def distance_rows(
    origins: Sequence[LonLat],
    destinations: Sequence[LonLat],
    *,
    avoid: Iterable[str] | str | None = (),
) -> NDArray[np.float64]:
    """Sea distances in nm, shape ``(len(origins), len(destinations))``.

    ``origins`` / ``destinations``: ``(lon, lat)`` route points (``Port.route_coord``).
    A pair of identical points is 0; a pair the avoided passages disconnect is ``inf``. One
    Dijkstra per origin, all origins in one call. The result for an origin does not depend on
    which other origins are in the call, so any partition of the rows gives identical numbers.
    Raises :class:`~geo.errors.UnknownPassageError` naming a bad passage.
    """
    graph = _restricted_graph(normalise_avoid(avoid))
    net = graph.net
    out = np.zeros((len(origins), len(destinations)), dtype=np.float64)
    if not len(origins) or not len(destinations):
        return out
    o_nodes = np.asarray([_snap_node(c) for c in origins], dtype=np.int64)
    d_nodes = np.asarray([_snap_node(c) for c in destinations], dtype=np.int64)
    o_xy, d_xy = np.asarray(origins, dtype=float), np.asarray(destinations, dtype=float)
    _, _, o_m = GEOD.inv(o_xy[:, 0], o_xy[:, 1], net.coords[o_nodes, 0], net.coords[o_nodes, 1])
    _, _, d_m = GEOD.inv(net.coords[d_nodes, 0], net.coords[d_nodes, 1], d_xy[:, 0], d_xy[:, 1])
    o_snap = np.atleast_1d(np.asarray(o_m, dtype=float)) / 1000.0 * NM_PER_KM
    d_snap = np.atleast_1d(np.asarray(d_m, dtype=float)) / 1000.0 * NM_PER_KM
    acc, _ = _trees(graph, o_nodes)
    out = o_snap[:, None] + acc[:, d_nodes] + d_snap[None, :]
    same = (o_xy[:, None, 0] == d_xy[None, :, 0]) & (o_xy[:, None, 1] == d_xy[None, :, 1])
    out[same] = 0.0
    return out


def distance_matrix(
    ports: Sequence[_ports.Port], *, avoid: Iterable[str] | str | None = ()
) -> NDArray[np.float64]:
    """The square sea-distance matrix in nm of ``ports`` (row: origin, column: destination),
    0 on the diagonal, ``inf`` where the avoided passages leave no path."""
    coords = [p.route_coord for p in ports]
    return distance_rows(coords, coords, avoid=avoid)
