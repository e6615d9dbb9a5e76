"""searoute's sea-lane network, restricted per avoid set: the one module that calls searoute.

* :func:`base_network` — searoute's own graph (``searoute.setup_M()``), one per process, never
  modified here.
* :func:`restricted_network` — a copy without the edges whose geodesic crosses the gate of an
  avoided passage (:mod:`geo.routing.passages`) and without the always-avoided Northwest Passage
  (searoute's ``northwest`` tag), and without the network's seam edges that run *along* 180°
  over land (:func:`seam_edges_over_land`: over Chukotka, Wrangel Island and Fiji in
  searoute 1.6). One copy per avoid set, cached; a matrix engine can reuse it.
* :func:`nearest_nodes` — nearest nodes of that network across ±180°.
* :func:`shortest_path` — searoute's search on that network (``searoute(..., M=...)``);
  :func:`as_searoute_line` — any node path as that search draws it (for the matrix engine).

searoute is not thread-safe (it sets the restrictions on the graph it is given before each
search), so every call into it holds :data:`SEAROUTE_LOCK`. Every coordinate is ``(lon, lat)``;
network nodes lie in [-180, 191] (searoute repeats some Bering Sea nodes east of 180°).
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import networkx as nx
import searoute
from geojson import LineString as GeoJSONLine
from searoute.utils import normalize_linestring
from shapely.geometry import LineString

from geo.catalogue.sealanes import LonLat, NodeIndex, geodesic_at_sea, limits
from geo.routing import passages as _passages
from geo.routing.geodesy import densify

SEAROUTE_LOCK = threading.RLock()
#: Cached restricted networks (one per avoid set); each is a shallow copy of the graph's dicts.
RESTRICTED_CACHE_SIZE = 32

Edge = tuple[LonLat, LonLat]


def base_network() -> Any:
    """searoute's maritime network (a ``Marnet``, networkx backend); one per process."""
    with SEAROUTE_LOCK:
        return searoute.setup_M()


@lru_cache(maxsize=1)
def _edges_by_gate() -> dict[str, frozenset[Edge]]:
    """For each passage, the undirected network edges whose drawn geodesic crosses its gate."""
    graph = base_network()
    step = limits().densify_step_nm
    edges: list[Edge] = []
    lines: list[LineString] = []
    for u, v in graph.edges():
        drawn = densify([u, v], step)
        if len(drawn) < 2 or drawn[0] == drawn[-1]:
            continue
        edges.append((u, v))
        lines.append(LineString(drawn))
    hits = _passages.crossing_lines(lines, _passages.PASSAGES)
    return {name: frozenset(edges[i] for i in idx) for name, idx in hits.items()}


@lru_cache(maxsize=1)
def seam_edges_over_land() -> frozenset[Edge]:
    """Edges of searoute's network that run along 180° (both nodes on the seam) over land.

    searoute stitches the two sides of its network with edges along the meridian 180°; some
    cross land on the 1:110m layer (Chukotka, Wrangel Island, Fiji), so a lane from Anchorage
    to the Arctic coast of Alaska would sail across Siberia. They are removed from every
    restricted network. Returns one orientation per edge.
    """
    out: set[Edge] = set()
    for u, v in base_network().edges():
        on_seam = abs(u[0]) == 180 and abs(v[0]) == 180 and u[1] != v[1]
        if on_seam and not geodesic_at_sea(u, v, exempt_ends=False):
            out.add((u, v))
    return frozenset(out)


def gate_edges(passage: str) -> frozenset[Edge]:
    """The network edges ``(u, v)`` that cross ``passage``'s gate (one orientation each)."""
    return _edges_by_gate()[passage]


def restricted_network(avoid: Iterable[str] | str | None = ()) -> Any:
    """searoute's network without the edges that cross the gates of the avoided passages.

    Also without the Northwest Passage and :func:`seam_edges_over_land`, whatever ``avoid`` is.
    ``avoid``: passage names (:data:`geo.routing.passages.PASSAGES`, aliases accepted). Returns a
    searoute ``Marnet`` (a networkx Graph of ``(lon, lat)`` nodes, edge weights in km) to be used
    read-only; the Northwest Passage is always removed. Cached per avoid set. Raises
    :class:`~geo.errors.UnknownPassageError` for an unknown name.
    """
    return _restricted(_passages.normalise_avoid(avoid))


@lru_cache(maxsize=RESTRICTED_CACHE_SIZE)
def _restricted(avoid: tuple[str, ...]) -> Any:
    base = base_network()
    removed: set[Edge] = set()
    for u, v in seam_edges_over_land():
        removed.update({(u, v), (v, u)})
    for name in avoid:
        for u, v in gate_edges(name):
            removed.update({(u, v), (v, u)})
    adj: dict[LonLat, dict[LonLat, dict[str, Any]]] = {}
    for u, nbrs in base.adjacency():
        adj[u] = {
            v: data
            for v, data in nbrs.items()
            if (u, v) not in removed and data.get("passage") not in _passages.ALWAYS_AVOIDED_TAGS
        }
    with SEAROUTE_LOCK:
        graph = searoute.from_nodes_edges_set(searoute.Marnet(), dict(base.nodes(data=True)), adj)
    graph.restrictions = []
    return graph


@lru_cache(maxsize=RESTRICTED_CACHE_SIZE)
def _index(avoid: tuple[str, ...]) -> NodeIndex:
    graph = _restricted(avoid)
    return NodeIndex(n for n, nbrs in graph.adjacency() if nbrs)


def nearest_nodes(point: LonLat, avoid: tuple[str, ...], k: int) -> list[tuple[LonLat, float]]:
    """The ``k`` nearest connected nodes of the restricted network, ``(node, nm)``, nearest
    first; found on the sphere, so across ±180° (``avoid`` as :func:`normalise_avoid` returns)."""
    return _index(avoid).nearest(point, k)


def shortest_path(start: LonLat, end: LonLat, avoid: tuple[str, ...]) -> list[LonLat] | None:
    """searoute's shortest path between two nodes of the restricted network, or ``None``.

    ``start`` and ``end`` must be nodes (from :func:`nearest_nodes`). Returns the nodes'
    coordinates, continuous across 180° (searoute's normalisation), or ``None`` when the avoid
    set leaves no path (networkx raises ``NetworkXNoPath`` on the cut graph; searoute itself
    warns "No path found" and returns an empty line when weights block every path).
    """
    graph = _restricted(avoid)
    with SEAROUTE_LOCK, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            feature = searoute.searoute(
                list(start), list(end), units="km", M=graph, restrictions=[]
            )
        except nx.NetworkXNoPath:  # removed edges (not weighted-out ones) end the search here
            return None
    if isinstance(feature, list):  # only with port matrices, never asked for here
        feature = feature[0]
    coords = feature["geometry"]["coordinates"]
    if any("No path found" in str(w.message) for w in caught) or not coords:
        return None
    return [(float(c[0]), float(c[1])) for c in coords]


def as_searoute_line(nodes: Iterable[LonLat]) -> list[LonLat]:
    """A node path (``(lon, lat)`` nodes of the network, e.g. read off a shortest-path tree)
    made continuous across 180° by searoute's own normalisation, so it equals, coordinate for
    coordinate, what :func:`shortest_path` returns for the same path (searoute hands its line
    to ``geojson.LineString``, which rounds to 6 decimals; so does this)."""
    line: list[Any] = []
    prev = None
    for node in nodes:
        prev = normalize_linestring(prev, node)
        line.append(prev)
    return [(float(c[0]), float(c[1])) for c in GeoJSONLine(line)["coordinates"]]


def clear_caches() -> None:
    """Forget restricted networks and their indexes (tests, benchmarks)."""
    _restricted.cache_clear()
    _index.cache_clear()
