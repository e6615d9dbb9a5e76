"""Sea-distance matrices: one shortest-path tree per origin over the network ``route()`` searches.

:func:`geo.routing.engine.route` asks searoute for one pair at a time (about 10 ms each). A
matrix of *n* ports needs *n²* pairs, so this module runs one Dijkstra per origin instead
(``scipy.sparse.csgraph``, in C) and answers a whole row at once. It agrees with ``route()``
because it takes every step from the engine itself:

* **network**: :func:`geo.routing.network.restricted_network` (the same nodes, edges and
  searoute weights, without the avoided gates, the Arctic lanes and the seam edges over land);
* **snapping**: :func:`geo.routing.engine.snap` (memoised per point and avoid set);
* **path choice**: the search minimises searoute's own edge weights, so it picks the path
  searoute picks (up to exact ties, broken by geodesic length); the geodesic length of the
  path rides in the low-order part of each weight, so one Dijkstra gives both;
* **seam detours**: where ``route()`` drops a node on 180°
  (:func:`geo.routing.engine.seam_shortcut`), the tree carries the saving to every node
  below it (:func:`_seam_savings`), so a trans-Pacific distance is the finished line's;
* **short hops**: where ``route()`` sails the direct geodesic
  (:func:`geo.routing.engine.direct_hop`: it stays at sea and crosses no avoided gate, at any
  length, e.g. Dutch Harbor to Petropavlovsk), so does the matrix; a vectorised pre-filter
  (:func:`geo.catalogue.sealanes.geodesics_may_stay_at_sea`) rules out the pairs whose line
  certainly crosses land, so only the few others get the engine's full test;
* **length**: geodesic (WGS 84) nautical miles, as ``route()`` measures its line.

:meth:`Tree.route` (a path on demand) hands the tree's node path to
:func:`geo.routing.engine.network_route`, so its coordinates, distance and passages (the gates
the drawn line crosses) are ``route()``'s own. ``tests/test_matrix.py`` compares pairs.

Everything is ``(lon, lat)``. Graphs are cached per avoid set in each process (what a Dask
worker reuses between tasks); nothing here mutates the network, so threads may share it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from geo.catalogue import ports as _ports
from geo.catalogue import sealanes as _sealanes
from geo.errors import NoRouteError
from geo.routing import engine as _engine
from geo.routing import network as _network
from geo.routing.antimeridian import unwrap_coords
from geo.routing.engine import Route, normalise_avoid, validate_speed
from geo.routing.geodesy import GEOD, distance_nm, line_length_nm
from geo.settings import DEFAULT_SPEED_KN, NM_PER_KM

LonLat = tuple[float, float]

#: A few searoute weights are 0 (the 180° junctions): kept as edges by a tiny positive weight.
_ZERO_WEIGHT_KM = 1e-12
#: Geodesic nm per weight unit in the low-order part of an edge weight (see _graph): paths up
#: to 50,000 nm stay below half a unit; float64 keeps ~1e-5 nm over a whole path.
_GEO_SCALE = 1e-5


@dataclass(frozen=True)
class _Graph:
    """The restricted network of one avoid set, ready for csgraph. Node ``i`` is at
    ``nodes[i]`` = ``(lon, lat)`` (searoute's own longitudes, a few beyond 180)."""

    avoid: tuple[str, ...]
    nodes: list[LonLat]
    index: dict[LonLat, int]
    matrix: csr_matrix  # (N, N) combined weights, see _graph
    neighbours: csr_matrix  # (N, N) the same edges, for their ends
    seam: frozenset[int]  # nodes on 180°


@lru_cache(maxsize=16)
def _graph(avoid: tuple[str, ...]) -> _Graph:
    """csgraph form of :func:`geo.routing.network.restricted_network` (``avoid`` normalised)."""
    net = _network.restricted_network(avoid)
    nodes: list[LonLat] = [(float(n[0]), float(n[1])) for n in net.nodes]
    index = {n: i for i, n in enumerate(nodes)}
    src: list[int] = []
    dst: list[int] = []
    weight: list[float] = []
    for u, nbrs in net.adjacency():
        iu = index[(float(u[0]), float(u[1]))]
        for v, data in nbrs.items():
            src.append(iu)
            dst.append(index[(float(v[0]), float(v[1]))])
            weight.append(float(data.get("weight", 0.0)))
    xy = np.asarray(nodes, dtype=np.float64)
    s, d = np.asarray(src, dtype=np.int64), np.asarray(dst, dtype=np.int64)
    _, _, metres = GEOD.inv(xy[s, 0], xy[s, 1], xy[d, 0], xy[d, 1])
    geodesic_nm = np.asarray(metres, dtype=np.float64) / 1000.0 * NM_PER_KM
    # searoute's weights are whole multiples of 0.1 km: as integers they order paths exactly
    # as searoute does, and the geodesic nm scaled by _GEO_SCALE (a path's total stays below
    # 0.5) only breaks exact ties; the sum's fractional part is the path's geodesic length.
    tenths = np.round(np.asarray(weight, dtype=np.float64) * 10.0)
    combined = np.maximum(tenths + geodesic_nm * _GEO_SCALE, _ZERO_WEIGHT_KM)
    n = len(nodes)
    matrix = csr_matrix((combined, (s, d)), shape=(n, n))
    neighbours = csr_matrix((np.ones(len(s)), (s, d)), shape=(n, n))
    seam = frozenset(i for i, node in enumerate(nodes) if _engine.on_seam(node[0]))
    return _Graph(avoid, nodes, index, matrix, neighbours, seam)


@lru_cache(maxsize=65536)
def _snap(point: LonLat, avoid: tuple[str, ...]) -> tuple[int, float] | None:
    """The engine's snap of ``point`` as (node index, leg nm), or ``None``; memoised."""
    found = _engine.snap(point, avoid)
    if found is None:
        return None
    return _graph(avoid).index[(float(found[0][0]), float(found[0][1]))], found[1]


@lru_cache(maxsize=65536)
def _shortcut(prev: LonLat, node: LonLat, nxt: LonLat, avoid: tuple[str, ...]) -> bool:
    return _engine.seam_shortcut(prev, node, nxt, avoid)


@lru_cache(maxsize=65536)
def _direct_nm(start: LonLat, end: LonLat, avoid: tuple[str, ...]) -> float | None:
    """Length in nm of the engine's direct hop ``start`` → ``end``, or ``None`` if it has none."""
    line = _engine.direct_hop(start, end, avoid)
    return None if line is None else line_length_nm(line)


@lru_cache(maxsize=65536)
def _same(a: LonLat, b: LonLat) -> bool:
    """True if ``route()`` merges ``b`` into ``a`` (equal after unwrapping ``[a, b]``)."""
    first, second = unwrap_coords([a, b])
    return first == second


@dataclass(frozen=True)
class _Row:
    """One origin's tree. ``length[v]``: nm of the line ``route()`` would draw from the origin's
    point to node ``v`` (``inf`` if unreachable); ``pred``: the tree (``-9999`` at the root and
    where unreachable); ``prev``: for nodes on 180°, the last point kept before them."""

    start: LonLat
    node: int
    snap_nm: float
    length: NDArray[np.float64]  # (N,)
    pred: NDArray[np.int32]  # (N,)
    prev: dict[int, LonLat | None]


def _prev_kept(graph: _Graph, row: _Row, v: int) -> LonLat | None:
    """The last point ``route()`` keeps before node ``v`` on the tree's path (``None``: ``v``
    stands for the origin's point itself), memoised in ``row.prev``."""
    if v in row.prev:
        return row.prev[v]
    nodes = graph.nodes
    if v == row.node:
        out = None if _same(row.start, nodes[v]) else row.start
    else:
        p = int(row.pred[v])
        if _same(nodes[p], nodes[v]) or (p in graph.seam and _dropped(graph, row, p, nodes[v])):
            out = _prev_kept(graph, row, p)
        else:
            out = nodes[p]
    row.prev[v] = out
    return out


def _dropped(graph: _Graph, row: _Row, s: int, nxt: LonLat) -> bool:
    """True if ``route()`` drops the seam node ``s`` when ``nxt`` follows it."""
    before = _prev_kept(graph, row, s)
    return before is not None and _shortcut(before, graph.nodes[s], nxt, graph.avoid)


def _seam_savings(graph: _Graph, row: _Row) -> dict[int, float]:
    """nm saved (negative) on the edge into each node that follows a dropped seam node."""
    nodes, nbrs = graph.nodes, graph.neighbours
    saved: dict[int, float] = {}
    for s in sorted(graph.seam):
        if not np.isfinite(row.length[s]):
            continue
        for c in (int(c) for c in nbrs.indices[nbrs.indptr[s] : nbrs.indptr[s + 1]]):
            if row.pred[c] != s or _same(nodes[s], nodes[c]):
                continue
            if not _dropped(graph, row, s, nodes[c]):
                continue
            before = _prev_kept(graph, row, s)
            assert before is not None  # a dropped node has a point before it
            saved[c] = _saving(before, nodes[s], nodes[c])
    return saved


@lru_cache(maxsize=65536)
def _saving(before: LonLat, node: LonLat, nxt: LonLat) -> float:
    """nm saved (negative) by sailing ``before`` → ``nxt`` instead of via ``node``."""
    return distance_nm(before, nxt) - distance_nm(before, node) - distance_nm(node, nxt)


def _subtree_sums(own: NDArray[np.float64], pred: NDArray[np.int32]) -> NDArray[np.float64]:
    """``own`` summed over every node's ancestors and itself (pointer jumping, (N,))."""
    total = own.copy()
    anc = pred.astype(np.int64)
    live = anc >= 0
    while live.any():
        idx = np.nonzero(live)[0]
        total[idx] = total[idx] + total[anc[idx]]
        anc[idx] = anc[anc[idx]]
        live = anc >= 0
    return total


def _rows(graph: _Graph, starts: Sequence[LonLat]) -> list[_Row | None]:
    """One :class:`_Row` per start (``None`` where the engine cannot snap it): one Dijkstra
    per snapped start, all in one csgraph call."""
    snaps = [_snap(s, graph.avoid) for s in starts]
    sources = np.asarray([s[0] for s in snaps if s is not None], dtype=np.int64)
    if len(sources):
        weight, pred = dijkstra(
            graph.matrix, directed=True, indices=sources, return_predecessors=True
        )
        weight, pred = np.atleast_2d(weight), np.atleast_2d(pred).astype(np.int32)
    out: list[_Row | None] = []
    k = 0
    for start, snapped in zip(starts, snaps, strict=True):
        if snapped is None:
            out.append(None)
            continue
        w = weight[k]
        finite = np.isfinite(w)
        acc = np.full(w.shape, np.inf)
        acc[finite] = (w[finite] - np.round(w[finite])) / _GEO_SCALE + snapped[1]
        row = _Row(start, snapped[0], snapped[1], acc, pred[k], {})
        saved = _seam_savings(graph, row)
        if saved:
            own = np.zeros(len(acc))
            own[list(saved)] = list(saved.values())
            row.length[finite] += _subtree_sums(own, row.pred)[finite]
        out.append(row)
        k += 1
    return out


def _distance(graph: _Graph, row: _Row, end: LonLat, direct: bool) -> float:
    """nm from ``row``'s origin to the point ``end`` (``(lon, lat)``) as ``route()`` measures
    it; ``inf`` when it has no route, 0 for the same point. ``direct``: test the direct hop."""
    if distance_nm(row.start, end) == 0.0:
        return 0.0
    if direct:
        hop = _direct_nm(row.start, end, graph.avoid)
        if hop is not None:
            return hop
    snapped = _snap(end, graph.avoid)
    if snapped is None or not np.isfinite(row.length[snapped[0]]):
        return float("inf")
    e, tail = snapped
    return _via_node(graph, row, e, tail, end)


def _via_node(graph: _Graph, row: _Row, e: int, tail: float, end: LonLat) -> float:
    """nm via the destination's snap node ``e`` (reached), its leg ``tail`` nm to ``end``."""
    here = float(row.length[e])
    node = graph.nodes[e]
    if e in graph.seam and not _same(node, end) and _dropped(graph, row, e, end):
        before = _prev_kept(graph, row, e)
        assert before is not None
        return here + tail + _saving(before, node, end)
    return here + tail


def _node_path(row: _Row, e: int) -> list[int]:
    nodes = [e]  # up the tree to the origin's node
    while nodes[-1] != row.node:
        nodes.append(int(row.pred[nodes[-1]]))
    nodes.reverse()
    return nodes


@dataclass(frozen=True)
class Tree:
    """Shortest sea paths from one origin to every node of the network (one Dijkstra).

    Build it with :func:`tree`; ask it for distances (:meth:`distance_nm`) or whole routes
    (:meth:`route`) to any destination."""

    origin: _ports.Port
    avoid: tuple[str, ...]
    _graph: _Graph
    _row: _Row | None  # None: the engine cannot snap the origin

    def distance_nm(self, destination: _ports.Port) -> float:
        """Geodesic sea distance in nm to ``destination``, as ``route()`` measures it (``inf``
        when the avoided passages leave no path; 0 for the origin's own point)."""
        end = destination.route_coord
        if self._row is None:
            start = self.origin.route_coord
            if distance_nm(start, end) == 0.0:
                return 0.0
            hop = _direct_nm(start, end, self.avoid)
            return float("inf") if hop is None else hop
        return _distance(self._graph, self._row, end, direct=True)

    def route(self, destination: _ports.Port, *, speed_kn: float = DEFAULT_SPEED_KN) -> Route:
        """The whole :class:`~geo.routing.engine.Route` to ``destination``: the same
        coordinates, distance and passages as ``route()`` (``(lon, lat)``, continuous).

        Raises :class:`~geo.errors.SameEndpointsError`,
        :class:`~geo.errors.InvalidCoordinateError`, :class:`~geo.errors.NoRouteError` or
        :class:`~geo.errors.InvalidSpeedError` naming the bad value.
        """
        speed = validate_speed(speed_kn)
        o, d = self.origin, destination
        _engine.check_ends(o, d)
        hop = _engine.direct_hop(o.route_coord, d.route_coord, self.avoid)
        if hop is not None:
            return _engine.finish_route(o, d, hop, speed=speed, avoid=self.avoid, snap_nm=(0, 0))
        row = self._row
        snapped = _snap(d.route_coord, self.avoid)
        if row is None or snapped is None or not np.isfinite(row.length[snapped[0]]):
            raise NoRouteError(
                f"no sea route from {o.label} to {d.label} while avoiding: "
                f"{_engine.blocked_text(self.avoid)}; allow one of those passages"
            )
        nodes = (self._graph.nodes[i] for i in _node_path(row, snapped[0]))
        path = _network.as_searoute_line(nodes)
        return _engine.network_route(
            o, d, path, speed=speed, avoid=self.avoid, snap_nm=(row.snap_nm, snapped[1])
        )


def tree(origin: _ports.Port, *, avoid: Iterable[str] | str | None = ()) -> Tree:
    """One shortest-path tree from ``origin`` (a :class:`~geo.catalogue.ports.Port`).

    ``avoid``: passage names as :func:`geo.routing.engine.route` takes them. Raises
    :class:`~geo.errors.UnknownPassageError` naming a bad passage.
    """
    avoid_key = normalise_avoid(avoid)
    graph = _graph(avoid_key)
    return Tree(origin, avoid_key, graph, _rows(graph, [origin.route_coord])[0])


def sea_route(
    origin: _ports.Port,
    destination: _ports.Port,
    *,
    speed_kn: float = DEFAULT_SPEED_KN,
    avoid: Iterable[str] | str | None = (),
) -> Route:
    """The path for one pair on demand, by the matrix engine (equals ``route()``)."""
    return tree(origin, avoid=avoid).route(destination, speed_kn=speed_kn)


def distance_rows(
    origins: Sequence[LonLat],
    destinations: Sequence[LonLat],
    *,
    avoid: Iterable[str] | str | None = (),
) -> NDArray[np.float64]:
    """Sea distances in nm, shape ``(len(origins), len(destinations))``.

    ``origins`` / ``destinations``: ``(lon, lat)`` route points (``Port.route_coord``). A pair
    of identical points is 0; a pair ``route()`` has no route for is ``inf``. One Dijkstra per
    origin, all in one call; a row does not depend on the other origins in the call, so any
    partition of the rows gives identical numbers. Raises :class:`~geo.errors.UnknownPassageError`.
    """
    graph = _graph(normalise_avoid(avoid))
    out = np.zeros((len(origins), len(destinations)), dtype=np.float64)
    if not len(origins) or not len(destinations):
        return out
    ends = [(float(c[0]), float(c[1])) for c in destinations]
    snaps = [_snap(c, graph.avoid) for c in ends]
    ok = np.asarray([s is not None for s in snaps])
    d_nodes = np.asarray([s[0] if s else 0 for s in snaps], dtype=np.int64)
    tails = np.asarray([s[1] if s else np.inf for s in snaps], dtype=np.float64)
    seam_cols = [j for j, s in enumerate(snaps) if s is not None and s[0] in graph.seam]
    d_xy = np.asarray(ends, dtype=np.float64)
    starts = [(float(c[0]), float(c[1])) for c in origins]
    for i, row in enumerate(_rows(graph, starts)):
        if row is None:
            out[i] = np.inf
        else:
            out[i] = np.where(ok, row.length[d_nodes] + tails, np.inf)
            for j in seam_cols:
                if np.isfinite(out[i, j]):
                    out[i, j] = _via_node(graph, row, int(d_nodes[j]), float(tails[j]), ends[j])
        n = len(ends)
        _, _, metres = GEOD.inv(np.full(n, starts[i][0]), np.full(n, starts[i][1]), *d_xy.T)
        gc = np.asarray(metres, dtype=np.float64) / 1000.0 * NM_PER_KM
        maybe = _sealanes.geodesics_may_stay_at_sea(starts[i], d_xy) & (gc > 0.0)
        for col in np.nonzero(maybe)[0].tolist():
            hop = _direct_nm(starts[i], ends[col], graph.avoid)
            if hop is not None:
                out[i, col] = hop
        out[i, gc == 0.0] = 0.0
    return out


def distance_matrix(
    ports: Sequence[_ports.Port], *, avoid: Iterable[str] | str | None = ()
) -> NDArray[np.float64]:
    """The square sea-distance matrix in nm of ``ports`` (row: origin, column: destination),
    0 on the diagonal, ``inf`` where the avoided passages leave no path."""
    coords = [p.route_coord for p in ports]
    return distance_rows(coords, coords, avoid=avoid)
