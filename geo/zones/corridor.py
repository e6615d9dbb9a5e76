"""Regulatory zones along the lane and a route cut into named segments.

Every coordinate is ``(lon, lat)`` (WGS 84 degrees).

Zones (:func:`zones`) are returned in the map's **Pacific-centred window** ``[0, 360)``
(``PACIFIC_WINDOW_WEST_DEG``): Asia keeps its longitudes, the Americas are moved by +360°
(San Pedro Bay is at ≈241.8). No zone crosses the window edge. Rules, sources and years come
from ``data/zone_rules.csv``; ``year`` is the year of the newest fact in the row.

Zone definitions (higher ``priority`` wins where areas overlap; the geometries returned are
already resolved, so they do not overlap):

=========================== ========================================================= ========
zone_id                     area                                                      priority
=========================== ========================================================= ========
``shanghai_approach``       within 30 nm of the triangle Shanghai port reference       3
                            (121.467, 31.233) – North Channel No. 1 pilot station
                            (122.425, 31.122) – Yangshan (122.067, 30.617): the
                            Yangtze estuary and the Yangshan approach
``san_pedro_bay_approach``  within 25 nm of the San Pedro Bay entrance, the geodesic   3
                            midpoint of Angels Gate (-118.251, 33.708) and Queen's
                            Gate (-118.187, 33.723)
``north_american_eca``      within 200 nm of the US and Canadian coasts (Pacific,      2
                            Atlantic and Gulf coasts, main Hawaiian Islands), without
                            the Aleutians, western Alaska, the Arctic, Hudson Bay and
                            waters of Mexico, Cuba and the Bahamas
``china_coastal_eca``       within 12 nm of the mainland China coast (Hainan is not    2
                            drawn)
``open_ocean``              everything else (no polygon; not a row of :func:`zones`)   1
=========================== ========================================================= ========

The two port-approach radii are this project's own definitions, not legal limits. The ECAs are
drawn from Natural Earth 1:110m coastlines (``data/land.geojson``), so both are approximations:
the North American ECA is an *approximation of the MARPOL Appendix VII boundary* (its end
points at the Mexican border, in the Gulf of Alaska and at 60°N off Labrador are taken from the
Appendix VII coordinate list; in between, the outer limit is the 200 nm distance). Displayed
zones have land removed.

How distances are made geodesic: the coast is cut into 5° × 5° tiles; each tile's land is
projected to an azimuthal equidistant projection centred on that tile, buffered there, densified
and projected back, and the pieces are dissolved. Distances from the centre of an azimuthal
equidistant projection are exact and other distances are stretched by at most
``c / sin c - 1`` (``c`` the angular distance from the centre, here at most ≈ 0.12 rad), so the
200 nm limit is off by at most ≈ 0.25 % (≈ 0.5 nm) before the outline is simplified (0.005°).
``tests/test_corridor.py`` measures points of the seaward limit with ``pyproj.Geod`` against
the coast (≥ 100 points, all within 200 ± 1.5 nm; 199.5-200.2 nm when last run) and checks
sample points 150 nm (inside) and 260 nm (outside) off California.

Routes (:func:`segment_route`): the line is densified along its geodesics, cut where it crosses a
zone boundary (the zones are intersected in copies shifted by whole turns so any continuous
line works: [-180, 180], unwrapped beyond 180°, or shifted by -360°), and each piece is
classified by the zone it lies in. For the cut, zones include the land they surround: the
1:110m coastline is coarse, and a real sea route often runs over its "land" near ports.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

import geopandas as gpd
import numpy as np
import shapely
from numpy.typing import NDArray
from pyproj import Transformer
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from geo.catalogue.land import land, land_union, polygonal, to_window
from geo.errors import DataError, InvalidCoordinateError
from geo.routing.antimeridian import join_antimeridian, unwrap_coords
from geo.routing.engine import validate_speed
from geo.routing.geodesy import GEOD
from geo.settings import DATA_DIR, KM_PER_NM, PACIFIC_WINDOW_WEST_DEG

ZONE_RULES_PATH: Final = DATA_DIR / "zone_rules.csv"
METRES_PER_NM: Final[float] = KM_PER_NM * 1000.0

# --- zone ids ----------------------------------------------------------------------------------
SHANGHAI_APPROACH: Final[str] = "shanghai_approach"
SAN_PEDRO_BAY_APPROACH: Final[str] = "san_pedro_bay_approach"
NORTH_AMERICAN_ECA: Final[str] = "north_american_eca"
CHINA_COASTAL_ECA: Final[str] = "china_coastal_eca"
OPEN_OCEAN: Final[str] = "open_ocean"

#: Order of the rows of :func:`zones` (highest priority first).
ZONE_ORDER: Final[tuple[str, ...]] = (
    SHANGHAI_APPROACH,
    SAN_PEDRO_BAY_APPROACH,
    NORTH_AMERICAN_ECA,
    CHINA_COASTAL_ECA,
)
PRIORITY: Final[dict[str, int]] = {
    SHANGHAI_APPROACH: 3,
    SAN_PEDRO_BAY_APPROACH: 3,
    NORTH_AMERICAN_ECA: 2,
    CHINA_COASTAL_ECA: 2,
    OPEN_OCEAN: 1,
}

# --- definitions (lon, lat); sources in reference/facts.md ------------------------------------
NA_ECA_DISTANCE_NM: Final[float] = 200.0
CHINA_ECA_DISTANCE_NM: Final[float] = 12.0
SAN_PEDRO_BAY_RADIUS_NM: Final[float] = 25.0  # project definition
SHANGHAI_APPROACH_RADIUS_NM: Final[float] = 30.0  # project definition

ANGELS_GATE: Final[tuple[float, float]] = (-118.251, 33.708)  # USCG Light List 6-0135
QUEENS_GATE: Final[tuple[float, float]] = (-118.187, 33.723)  # Long Beach Light
SHANGHAI_PORT_REFERENCE: Final[tuple[float, float]] = (121.467, 31.233)  # China MSA
NORTH_CHANNEL_PILOT: Final[tuple[float, float]] = (122.425, 31.122)  # Shanghai pilot sheet
YANGSHAN: Final[tuple[float, float]] = (122.067, 30.617)  # Wikipedia infobox


def _geodesic_midpoint(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    azimuth, _, metres = GEOD.inv(a[0], a[1], b[0], b[1])
    lon, lat, _ = GEOD.fwd(a[0], a[1], azimuth, metres / 2.0)
    return (float(lon), float(lat))


#: San Pedro Bay entrance: geodesic midpoint of Angels Gate and Queen's Gate (≈ -118.219, 33.716).
SAN_PEDRO_BAY_ENTRANCE: Final[tuple[float, float]] = _geodesic_midpoint(ANGELS_GATE, QUEENS_GATE)

#: North American ECA, Pacific part: the 200 nm buffer is kept inside this polygon. Vertices 1-4
#: are Appendix VII Pacific points 1, 7, 8 and 9 (Mexican border); then open sea; then points 46
#: and 47 (the limit meets the Alaska coast at 153°15'W); the rest runs over land.
_NA_PACIFIC_CLIP: Final = Polygon(
    [
        (-117.103, 32.536),
        (-117.826, 32.627),
        (-118.606, 31.133),
        (-121.791, 30.557),
        (-135.0, 28.0),
        (-142.816, 56.622),
        (-153.251, 58.851),
        (-153.251, 62.0),
        (-110.0, 62.0),
        (-110.0, 32.536),
    ]
)
#: Atlantic and Gulf part: approximate maritime boundaries with Mexico, Cuba and the Bahamas
#: (project approximation); Appendix VII point 1 (60°N 64°09.6'W) to the north; Hudson Bay,
#: James Bay and the Arctic are outside.
_NA_ATLANTIC_CLIP: Final = Polygon(
    [
        (-97.14, 25.97),
        (-93.0, 25.8),
        (-88.0, 25.2),
        (-85.5, 24.2),
        (-83.0, 24.0),
        (-81.0, 23.8),
        (-79.8, 24.4),
        (-79.6, 26.0),
        (-79.3, 27.3),
        (-77.5, 28.3),
        (-75.5, 29.0),
        (-60.0, 30.0),
        (-40.0, 40.0),
        (-40.0, 60.0),
        (-64.16, 60.0),
        (-66.0, 55.0),
        (-75.0, 50.0),
        (-85.0, 47.0),
        (-100.0, 40.0),
        (-100.0, 28.0),
    ]
)
_NA_PACIFIC_SOURCE: Final = box(-160.0, 28.0, -105.0, 64.0)
_NA_ATLANTIC_SOURCE: Final = box(-105.0, 20.0, -50.0, 62.0)
_NA_HAWAII_SOURCE: Final = box(-161.0, 18.0, -154.0, 23.0)

#: Tile size for the piecewise azimuthal-equidistant buffers.
BUFFER_TILE_DEG: Final[float] = 5.0
#: Densify buffer outlines to this spacing before projecting back, metres.
_BUFFER_SEGMENT_M: Final[float] = 5_000.0
#: Simplify the dissolved ECA outline (degrees, ≈ 500 m).
_ZONE_SIMPLIFY_DEG: Final[float] = 0.005

#: Routes are densified along their geodesics to this spacing before they are cut, metres.
DENSIFY_STEP_M: Final[float] = 10.0 * METRES_PER_NM
#: Pieces shorter than this (grazing a zone corner) are merged into a neighbour.
MIN_SEGMENT_NM: Final[float] = 0.5
#: An open-ocean segment is named after an ocean if at least this share of it lies in that ocean.
OCEAN_NAME_MIN_SHARE: Final[float] = 0.9

#: Rough ocean boxes (min_lon, min_lat, max_lon, max_lat) in [-180, 180], for segment names only.
_OCEAN_BOXES: Final[tuple[tuple[str, tuple[tuple[float, float, float, float], ...]], ...]] = (
    ("Southern Ocean", ((-180.0, -90.0, 180.0, -60.0),)),
    ("Arctic Ocean", ((-180.0, 66.0, 180.0, 90.0),)),
    (
        "Pacific",
        (
            (117.0, -10.0, 180.0, 66.0),
            (147.0, -60.0, 180.0, -10.0),
            (105.0, -8.0, 117.0, 25.0),
            (-180.0, -60.0, -100.0, 66.0),
            (-100.0, -60.0, -77.0, 8.0),
        ),
    ),
    (
        "Atlantic",
        (
            (-70.0, -60.0, -6.0, 66.0),
            (-82.0, 31.0, -70.0, 50.0),
            (-98.0, 17.0, -70.0, 31.0),
            (-83.0, 9.6, -70.0, 17.0),
            (-6.0, -60.0, 20.0, 5.0),
        ),
    ),
    ("Indian Ocean", ((20.0, -60.0, 100.0, 25.0), (100.0, -60.0, 147.0, -10.0))),
)

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
ZONE_COLUMNS: Final[tuple[str, ...]] = (
    "zone_id",
    "zone_name",
    "kind",
    "priority",
    "sulphur_limit_pct",
    "rules",
    "corridor_measures",
    "source",
    "year",
    "approximate",
)
_RULE_FIELDS: Final[tuple[str, ...]] = (
    "zone_id",
    "zone_name",
    "kind",
    "sulphur_limit_pct",
    "rules",
    "corridor_measures",
    "source",
    "source_url",
    "year",
    "approximate",
)


# --- rules -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ZoneRule:
    """One row of ``data/zone_rules.csv``."""

    zone_id: str
    zone_name: str
    kind: str
    sulphur_limit_pct: float
    rules: str
    corridor_measures: str
    source: str
    source_url: str
    year: int
    approximate: bool

    @property
    def priority(self) -> int:
        return PRIORITY[self.zone_id]


@lru_cache(maxsize=1)
def _rules() -> dict[str, ZoneRule]:
    if not ZONE_RULES_PATH.exists():
        raise DataError(f"{ZONE_RULES_PATH} is missing")
    out: dict[str, ZoneRule] = {}
    with ZONE_RULES_PATH.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [f for f in _RULE_FIELDS if f not in (reader.fieldnames or [])]
        if missing:
            raise DataError(f"{ZONE_RULES_PATH.name} lacks column(s): {', '.join(missing)}")
        for line_no, row in enumerate(reader, start=2):
            zone_id = row["zone_id"].strip()
            where = f"{ZONE_RULES_PATH.name} line {line_no} ({zone_id or 'no zone_id'})"
            if zone_id not in PRIORITY:
                raise DataError(f"{where}: unknown zone_id; accepted: {', '.join(PRIORITY)}")
            if not row["source"].strip() or not row["year"].strip():
                raise DataError(f"{where}: every zone needs a source and a year")
            try:
                sulphur = float(row["sulphur_limit_pct"])
                year = int(row["year"])
            except ValueError as exc:
                raise DataError(f"{where}: {exc}") from None
            approximate = row["approximate"].strip().lower()
            if approximate not in ("true", "false"):
                raise DataError(f"{where}: approximate must be true or false")
            out[zone_id] = ZoneRule(
                zone_id=zone_id,
                zone_name=row["zone_name"].strip(),
                kind=row["kind"].strip(),
                sulphur_limit_pct=sulphur,
                rules=row["rules"].strip(),
                corridor_measures=row["corridor_measures"].strip(),
                source=row["source"].strip(),
                source_url=row["source_url"].strip(),
                year=year,
                approximate=approximate == "true",
            )
    absent = [z for z in PRIORITY if z not in out]
    if absent:
        raise DataError(f"{ZONE_RULES_PATH.name} has no row for: {', '.join(absent)}")
    return out


def zone_rules() -> dict[str, ZoneRule]:
    """Rules of every zone, including ``open_ocean``, by ``zone_id`` (a fresh dict)."""
    return dict(_rules())


# --- geodesic buffers --------------------------------------------------------------------------
def _aeqd(lon: float, lat: float) -> Transformer:
    """(lon, lat) degrees → metres in an azimuthal equidistant projection centred on the point."""
    return Transformer.from_pipeline(
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
        f"+step +proj=aeqd +lat_0={lat!r} +lon_0={lon!r} +ellps=WGS84"
    )


def _project(geom: BaseGeometry, transformer: Transformer, *, inverse: bool) -> BaseGeometry:
    direction = "INVERSE" if inverse else "FORWARD"

    def move(xy: NDArray[np.float64]) -> NDArray[np.float64]:
        x, y = transformer.transform(xy[:, 0], xy[:, 1], direction=direction)
        return np.column_stack([x, y])

    return shapely.transform(geom, move)


def _buffer_around(
    geom: BaseGeometry, distance_m: float, centre: tuple[float, float]
) -> BaseGeometry:
    """``geom`` buffered by ``distance_m`` in an azimuthal equidistant projection at ``centre``."""
    transformer = _aeqd(*centre)
    projected = _project(geom, transformer, inverse=False)
    buffered = projected.buffer(distance_m, quad_segs=32)
    buffered = shapely.segmentize(buffered, _BUFFER_SEGMENT_M)
    return shapely.make_valid(_project(buffered, transformer, inverse=True))


def geodesic_buffer(
    geom: BaseGeometry, distance_nm: float, *, tile_deg: float = BUFFER_TILE_DEG
) -> BaseGeometry:
    """The area within ``distance_nm`` (geodesic, WGS 84) of a polygonal ``geom``.

    ``geom`` is in ``(lon, lat)`` in one window and must not come within ``distance_nm`` of
    that window's edges. The polygon is cut into ``tile_deg`` tiles; each tile is buffered in an
    azimuthal equidistant projection centred on it (so no distance is measured far from a
    projection centre) and the pieces are dissolved. Tiles wholly inside ``geom`` are skipped:
    any point within the distance of an inland point is within it of the coast too.
    """
    distance_m = distance_nm * METRES_PER_NM
    min_lon, min_lat, max_lon, max_lat = geom.bounds
    shapely.prepare(geom)
    pieces: list[BaseGeometry] = [geom]
    lon0 = math.floor(min_lon / tile_deg) * tile_deg
    while lon0 < max_lon:
        lat0 = math.floor(min_lat / tile_deg) * tile_deg
        while lat0 < max_lat:
            tile = box(lon0, lat0, lon0 + tile_deg, lat0 + tile_deg)
            if geom.intersects(tile) and not geom.contains(tile):
                part = polygonal(geom.intersection(tile))
                if not part.is_empty:
                    centre_lat = max(-89.0, min(89.0, lat0 + tile_deg / 2))
                    pieces.append(
                        _buffer_around(part, distance_m, (lon0 + tile_deg / 2, centre_lat))
                    )
            lat0 += tile_deg
        lon0 += tile_deg
    return shapely.make_valid(shapely.union_all(pieces))


def _geodesic_disc_around(
    geom: BaseGeometry, distance_nm: float, centre: tuple[float, float]
) -> BaseGeometry:
    return _buffer_around(geom, distance_nm * METRES_PER_NM, centre)


# --- zone geometries ---------------------------------------------------------------------------
def _mainland(geom: BaseGeometry) -> Polygon:
    parts = list(polygonal(geom).geoms)
    if not parts:
        raise DataError("land.geojson has no polygon for China")
    return max(parts, key=lambda p: p.area)


@lru_cache(maxsize=1)
def _zone_extents() -> dict[str, BaseGeometry]:
    """Priority-resolved zone areas in ``[0, 360)``, land included (used to cut routes)."""
    na_land = shapely.union_all(land(["USA", "CAN"]).geometry.values)
    pacific = geodesic_buffer(na_land.intersection(_NA_PACIFIC_SOURCE), NA_ECA_DISTANCE_NM)
    atlantic = geodesic_buffer(na_land.intersection(_NA_ATLANTIC_SOURCE), NA_ECA_DISTANCE_NM)
    hawaii = geodesic_buffer(na_land.intersection(_NA_HAWAII_SOURCE), NA_ECA_DISTANCE_NM)
    na_eca = shapely.union_all(
        [pacific.intersection(_NA_PACIFIC_CLIP), atlantic.intersection(_NA_ATLANTIC_CLIP), hawaii]
    )
    na_eca = na_eca.simplify(_ZONE_SIMPLIFY_DEG, preserve_topology=True)

    china = _mainland(shapely.union_all(land(["CHN"]).geometry.values))
    china_eca = geodesic_buffer(china, CHINA_ECA_DISTANCE_NM)

    triangle = Polygon([SHANGHAI_PORT_REFERENCE, NORTH_CHANNEL_PILOT, YANGSHAN])
    shanghai = _geodesic_disc_around(
        triangle, SHANGHAI_APPROACH_RADIUS_NM, (triangle.centroid.x, triangle.centroid.y)
    )
    san_pedro = _geodesic_disc_around(
        Point(SAN_PEDRO_BAY_ENTRANCE), SAN_PEDRO_BAY_RADIUS_NM, SAN_PEDRO_BAY_ENTRANCE
    )

    raw = {
        SHANGHAI_APPROACH: shanghai,
        SAN_PEDRO_BAY_APPROACH: san_pedro,
        NORTH_AMERICAN_ECA: na_eca,
        CHINA_COASTAL_ECA: china_eca,
    }
    extents: dict[str, BaseGeometry] = {}
    taken: BaseGeometry = Polygon()
    for zone_id in sorted(ZONE_ORDER, key=lambda z: -PRIORITY[z]):
        geom = to_window(shapely.make_valid(raw[zone_id]), PACIFIC_WINDOW_WEST_DEG)
        geom = polygonal(shapely.make_valid(geom.difference(taken)))
        extents[zone_id] = geom
        taken = shapely.union(taken, geom)
    for geom in extents.values():
        shapely.prepare(geom)  # once, here: point-in-polygon tests reuse it from any thread
    return {z: extents[z] for z in ZONE_ORDER}


@lru_cache(maxsize=1)
def _zones() -> gpd.GeoDataFrame:
    rules = _rules()
    land_pacific = land_union(pacific=True)
    rows: list[dict[str, Any]] = []
    geoms: list[BaseGeometry] = []
    for zone_id, extent in _zone_extents().items():
        rule = rules[zone_id]
        sea = polygonal(shapely.make_valid(extent.difference(land_pacific)))
        sea = MultiPolygon([p for p in sea.geoms if p.area > 1e-6])
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
    """The corridor's regulatory zones as sea areas, in the Pacific window ``[0, 360)``.

    Coordinates are ``(lon, lat)``; North America is at longitudes 190-320. One row per zone in
    :data:`ZONE_ORDER` (open ocean is everything else and has no row); columns ``zone_id``,
    ``zone_name``, ``kind`` (``port_approach`` | ``eca``), ``priority``, ``sulphur_limit_pct``,
    ``rules``, ``corridor_measures``, ``source``, ``year``, ``approximate``, ``geometry``
    (valid MultiPolygon, EPSG:4326 degrees). Priorities are already resolved: a port approach is
    cut out of the ECA around it, so rows never overlap. Land is removed. Computed once per
    process (≈ 1 s); each call returns a fresh copy. See the module docstring for definitions.
    """
    return _zones().copy()


def zones_for_display() -> gpd.GeoDataFrame:
    """:func:`zones`, which are already in the map's Pacific window ``[0, 360)``."""
    return zones()


# --- cutting routes ----------------------------------------------------------------------------
@lru_cache(maxsize=16)
def _boundary_tree(first_turn: int, last_turn: int) -> tuple[STRtree, NDArray[Any]]:
    """STRtree of every zone-boundary edge, in copies shifted by ``turn * 360`` degrees."""
    edges: list[NDArray[np.float64]] = []
    for extent in _zone_extents().values():
        for ring in shapely.get_rings(shapely.get_parts(extent)):
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
        t = np.einsum("ij,ij->i", pts - start[e], vec) / np.einsum("ij,ij->i", vec, vec)
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
    """Index into :data:`ZONE_ORDER` of the zone holding each point, or -1 (open ocean)."""
    west = PACIFIC_WINDOW_WEST_DEG
    lon_w = np.mod(lon - west, 360.0) + west
    out = np.full(len(lon), -1, dtype=int)
    for index, extent in enumerate(_zone_extents().values()):
        hit = (out < 0) & shapely.contains_xy(extent, lon_w, lat)
        out[hit] = index
    return out


def _ocean_name(lon: NDArray[np.float64], lat: NDArray[np.float64], weight: NDArray[Any]) -> str:
    """``Open <ocean>`` if most of the weighted points lie in one ocean box, else ``Open ocean``."""
    lon_w = np.mod(lon + 180.0, 360.0) - 180.0
    total = float(weight.sum())
    assigned = np.zeros(len(lon), dtype=bool)
    for ocean, boxes in _OCEAN_BOXES:
        hit = np.zeros(len(lon), dtype=bool)
        for min_lon, min_lat, max_lon, max_lat in boxes:
            hit |= (lon_w >= min_lon) & (lon_w <= max_lon) & (lat >= min_lat) & (lat <= max_lat)
        hit &= ~assigned
        assigned |= hit
        if total > 0 and float(weight[hit].sum()) >= OCEAN_NAME_MIN_SHARE * total:
            return f"Open {ocean}"
    return _rules()[OPEN_OCEAN].zone_name


@dataclass
class _Run:
    zone: int  # index into ZONE_ORDER, -1 for open ocean
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
    ``name`` (the zone's name, e.g. "North American ECA"; open sea is "Open Pacific" /
    "Open Atlantic" / "Open Indian Ocean" when at least 90 % of it lies in that ocean, else
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
    total_m = float(sub_m.sum())
    names: list[str] = []
    records: list[dict[str, Any]] = []
    geoms: list[LineString] = []
    position_m = 0.0
    for run in runs:
        zone_id = ZONE_ORDER[run.zone] if run.zone >= 0 else OPEN_OCEAN
        rule = rules[zone_id]
        seg_m = float(sub_m[run.first : run.last + 1].sum())
        if zone_id == OPEN_OCEAN:
            sl = slice(run.first, run.last + 1)
            names.append(_ocean_name(mid[sl, 0], mid[sl, 1], sub_m[sl]))
        else:
            names.append(rule.zone_name)
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
