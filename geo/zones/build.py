"""Building the zone geometries from their definitions (used by ``scripts/build_zones.py``).

Every coordinate is ``(lon, lat)`` (WGS 84 degrees). :func:`build_extents` returns each zone's
area **with the land it surrounds** (the 1:110m coast is coarse and real routes cross its
"land" near ports), priority-resolved in :data:`~geo.zones.rules.ZONE_ORDER` (an earlier zone
wins where two overlap), in the Pacific-centred window ``[0, 360)``. It takes ≈ 2 s, so the app
does not call it: ``scripts/build_zones.py`` writes the result to ``data/zones.geojson`` and
:mod:`geo.zones.store` reads that file; ``tests/test_zones_file.py`` rebuilds and compares.

Definitions (sources in ``data/zone_rules.csv``; "approximate" marks what this project draws):

* ``shanghai_approach`` — within 30 nm of the triangle Shanghai port reference (121.467, 31.233),
  North Channel No. 1 pilot station (122.425, 31.122), Yangshan (122.067, 30.617). Project
  definition.
* ``san_pedro_bay_approach`` — within 25 nm of the geodesic midpoint of Angels Gate
  (-118.251, 33.708) and Queen's Gate (-118.187, 33.723). Project definition.
* ``north_american_eca`` — 200 nm (geodesic) from the US and Canadian coasts (Pacific, Atlantic,
  Gulf, main Hawaiian Islands), clipped at MARPOL Annex VI Appendix VII end points (Mexican
  border, Gulf of Alaska 153°15'W, 60°N off Labrador) and at approximate boundaries with Mexico,
  Cuba and the Bahamas. Approximate.
* ``us_caribbean_eca`` — waters around Puerto Rico and the US Virgin Islands: 50 nm from Puerto
  Rico (the proposal described ≈ 50 nm north and ≈ 40 nm south of the main island), between
  67°33'W (about halfway to Mona Island) and 64°18'W (east of the Virgin Islands). Approximate.
* ``north_sea_eca`` — MARPOL's North Sea area (MEPC.201(62)): the North Sea south of 62°N and
  east of 4°W, the Skagerrak north of the Skaw's parallel 57°44.8'N, the English Channel and its
  approaches east of 5°W and north of 48°30'N; the coastal side is drawn over land. Approximate.
* ``baltic_eca`` — the Baltic Sea with the Gulfs of Bothnia and Finland and the entrance south
  of 57°44.8'N (the Kattegat). Approximate.
* ``mediterranean_eca`` — MEPC.361(79): the Mediterranean east of the line Cape Trafalgar
  (-6.033, 36.183) – Cape Spartel (-5.917, 35.8), west of the Dardanelles line (26.18, 40.05) –
  (26.2, 40.02), north of the Suez Canal's northern entrance (≈ 31.2°N). Approximate.
* ``china_inland_eca`` — China's inland-river control area (0.10 % S from 2020): the Yangtze
  trunk from Shuifu to Liuhekou and the Xijiang trunk from Nanning to Zhaoqing, drawn as a
  10 nm corridor around a river line through the cities on them (project drawing). Approximate.
* ``hainan_eca`` — 12 nm from Hainan Island (0.10 % S from 2022). Approximate.
* ``china_coastal_eca`` — 12 nm from the mainland coast (0.50 % S from 2019). Approximate.

Not drawn, with reasons: the Canadian Arctic and Norwegian Sea ECAs (MEPC.392(82), in force
1 March 2026, but their 0.10 % sulphur limit takes effect 1 March 2027) and the North-East
Atlantic ECA (approved at MEPC 83, 2025; not in force) — none applies on 2026-11-29.
"""

from __future__ import annotations

from typing import Final

import shapely
from shapely.geometry import LineString, Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from geo.catalogue.land import land, polygonal, to_window
from geo.errors import DataError
from geo.settings import PACIFIC_WINDOW_WEST_DEG
from geo.zones import rules as r
from geo.zones.buffers import geodesic_buffer, geodesic_disc_around, geodesic_midpoint

NA_ECA_DISTANCE_NM: Final[float] = 200.0  # MARPOL Annex VI Appendix VII (as reported)
CHINA_ECA_DISTANCE_NM: Final[float] = 12.0  # China MoT JHF [2018] No. 168
US_CARIBBEAN_DISTANCE_NM: Final[float] = 50.0  # EPA/IMO proposal (2010), "roughly 50 nm"
RIVER_CORRIDOR_NM: Final[float] = 10.0  # project drawing of the inland-river control area
SAN_PEDRO_BAY_RADIUS_NM: Final[float] = 25.0  # project definition
SHANGHAI_APPROACH_RADIUS_NM: Final[float] = 30.0  # project definition

ANGELS_GATE: Final[tuple[float, float]] = (-118.251, 33.708)  # USCG Light List 6-0135
QUEENS_GATE: Final[tuple[float, float]] = (-118.187, 33.723)  # Long Beach Light
SHANGHAI_PORT_REFERENCE: Final[tuple[float, float]] = (121.467, 31.233)  # China MSA
NORTH_CHANNEL_PILOT: Final[tuple[float, float]] = (122.425, 31.122)  # Shanghai pilot sheet
YANGSHAN: Final[tuple[float, float]] = (122.067, 30.617)  # Wikipedia infobox
#: San Pedro Bay entrance: geodesic midpoint of Angels Gate and Queen's Gate (≈ -118.219, 33.716).
SAN_PEDRO_BAY_ENTRANCE: Final[tuple[float, float]] = geodesic_midpoint(ANGELS_GATE, QUEENS_GATE)

#: North American ECA, Pacific part: vertices 1-4 are Appendix VII Pacific points 1, 7, 8 and 9
#: (Mexican border); then open sea; then points 46 and 47 (153°15'W); the rest runs over land.
NA_PACIFIC_CLIP: Final = Polygon(
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
#: Atlantic and Gulf part: approximate boundaries with Mexico, Cuba and the Bahamas (project
#: approximation); Appendix VII point 1 (60°N 64°09.6'W) to the north.
NA_ATLANTIC_CLIP: Final = Polygon(
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
_US_CARIBBEAN_CLIP: Final = Polygon(
    [(-67.55, 17.2), (-65.3, 17.2), (-65.3, 16.9), (-64.3, 16.9), (-64.3, 19.6), (-67.55, 19.6)]
)
_US_VIRGIN_ISLANDS: Final = box(-65.1, 17.65, -64.55, 18.45)  # St Thomas, St John, St Croix

#: Sea-side limits from the MARPOL definitions; the landward vertices run over land.
NORTH_SEA_AREA: Final = Polygon(
    [
        (-5.0, 48.5), (-5.0, 50.1), (-4.5, 50.5), (-3.0, 50.9), (-1.0, 51.5), (-1.0, 53.0),
        (-2.5, 54.5), (-4.0, 56.5), (-4.0, 62.0), (9.0, 62.0), (11.5, 60.0), (12.2, 58.8),
        (12.5, 57.7467), (10.55, 57.7467), (9.5, 57.0), (9.0, 55.5), (9.2, 54.0), (10.2, 53.5),
        (7.0, 51.8), (2.0, 50.0), (-1.0, 48.5),
    ]
)  # fmt: skip
BALTIC_AREA: Final = Polygon(
    [
        (10.55, 57.7467), (12.5, 57.7467), (14.0, 60.0), (18.0, 65.0), (21.0, 66.5),
        (26.0, 66.5), (30.0, 63.0), (31.5, 60.5), (29.0, 58.5), (26.0, 57.0), (22.5, 55.0),
        (19.0, 53.8), (14.8, 53.2), (12.0, 53.8), (10.5, 53.6), (9.8, 54.3), (9.3, 55.0),
        (9.4, 55.7), (9.8, 56.5), (10.2, 57.3), (10.4, 57.6),
    ]
)  # fmt: skip
MEDITERRANEAN_AREA: Final = Polygon(
    [
        (-6.033, 36.183), (-5.0, 37.5), (-4.0, 38.5), (0.5, 41.5), (3.0, 43.5), (7.0, 44.5),
        (9.5, 44.8), (12.0, 45.8), (14.0, 45.9), (15.5, 44.5), (19.0, 42.5), (20.0, 41.0),
        (22.5, 41.0), (24.5, 41.3), (26.6, 40.85), (26.5, 40.4), (26.18, 40.05), (26.2, 40.02),
        (27.5, 39.5), (28.0, 37.5), (30.0, 37.5), (36.5, 37.0), (36.3, 35.5), (36.0, 34.0),
        (35.5, 33.0), (35.2, 32.0), (34.6, 31.2), (32.4, 31.2), (31.0, 30.8), (25.0, 31.2),
        (19.0, 30.0), (15.0, 31.0), (10.5, 33.0), (8.0, 36.0), (0.0, 35.3), (-5.0, 35.2),
        (-5.917, 35.8),
    ]
)  # fmt: skip
#: River lines through cities on the Yangtze (Shuifu → Liuhekou) and the Xijiang (Nanning →
#: Zhaoqing); approximate city positions, a project drawing.
YANGTZE_TRUNK: Final = LineString(
    [
        (104.42, 28.63), (104.63, 28.77), (105.44, 28.87), (106.55, 29.57), (108.4, 30.8),
        (111.3, 30.7), (112.2, 30.3), (113.15, 29.45), (114.3, 30.58), (116.0, 29.73),
        (117.05, 30.5), (118.37, 31.35), (118.75, 32.08), (119.45, 32.22), (120.27, 31.95),
        (120.9, 32.0), (121.3, 31.52),
    ]
)  # fmt: skip
XIJIANG_TRUNK: Final = LineString([(108.32, 22.8), (109.6, 23.1), (111.3, 23.48), (112.47, 23.05)])
#: Simplify the dissolved outlines (degrees, ≈ 500 m).
ZONE_SIMPLIFY_DEG: Final[float] = 0.005


def _country(iso: list[str]) -> BaseGeometry:
    return shapely.union_all(land(iso).geometry.values)


def _china_parts() -> tuple[Polygon, Polygon]:
    """(mainland, Hainan): the largest part of China and the part holding (109.7, 19.2)."""
    parts = list(polygonal(_country(["CHN"])).geoms)
    if not parts:
        raise DataError("land.geojson has no polygon for China")
    mainland = max(parts, key=lambda p: p.area)
    hainan = [p for p in parts if p.contains(Point(109.7, 19.2))]
    if not hainan:
        raise DataError("land.geojson has no polygon for Hainan Island (109.7, 19.2)")
    return mainland, hainan[0]


def _raw_areas() -> dict[str, BaseGeometry]:
    na_land = _country(["USA", "CAN"])
    pacific = geodesic_buffer(na_land.intersection(_NA_PACIFIC_SOURCE), NA_ECA_DISTANCE_NM)
    atlantic = geodesic_buffer(na_land.intersection(_NA_ATLANTIC_SOURCE), NA_ECA_DISTANCE_NM)
    hawaii = geodesic_buffer(na_land.intersection(_NA_HAWAII_SOURCE), NA_ECA_DISTANCE_NM)
    na_eca = shapely.union_all(
        [pacific.intersection(NA_PACIFIC_CLIP), atlantic.intersection(NA_ATLANTIC_CLIP), hawaii]
    )
    puerto_rico = geodesic_buffer(_country(["PRI"]), US_CARIBBEAN_DISTANCE_NM)
    caribbean = shapely.union(puerto_rico, _US_VIRGIN_ISLANDS.buffer(0.5)).intersection(
        _US_CARIBBEAN_CLIP
    )
    mainland, hainan = _china_parts()
    rivers = shapely.union_all(
        [
            geodesic_disc_around(line, RIVER_CORRIDOR_NM, (line.centroid.x, line.centroid.y))
            for line in _river_pieces()
        ]
    )
    triangle = Polygon([SHANGHAI_PORT_REFERENCE, NORTH_CHANNEL_PILOT, YANGSHAN])
    return {
        r.SHANGHAI_APPROACH: geodesic_disc_around(
            triangle, SHANGHAI_APPROACH_RADIUS_NM, (triangle.centroid.x, triangle.centroid.y)
        ),
        r.SAN_PEDRO_BAY_APPROACH: geodesic_disc_around(
            Point(SAN_PEDRO_BAY_ENTRANCE), SAN_PEDRO_BAY_RADIUS_NM, SAN_PEDRO_BAY_ENTRANCE
        ),
        r.NORTH_AMERICAN_ECA: na_eca,
        r.US_CARIBBEAN_ECA: caribbean,
        r.NORTH_SEA_ECA: NORTH_SEA_AREA,
        r.BALTIC_ECA: BALTIC_AREA,
        r.MEDITERRANEAN_ECA: MEDITERRANEAN_AREA,
        r.CHINA_INLAND_ECA: rivers,
        r.HAINAN_ECA: geodesic_buffer(hainan, CHINA_ECA_DISTANCE_NM),
        r.CHINA_COASTAL_ECA: geodesic_buffer(mainland, CHINA_ECA_DISTANCE_NM),
    }


def _river_pieces() -> list[LineString]:
    """River lines cut into ≈ 2° pieces so each is buffered near its own projection centre."""
    pieces: list[LineString] = []
    for line in (YANGTZE_TRUNK, XIJIANG_TRUNK):
        coords = list(line.coords)
        for i in range(0, len(coords) - 1, 2):
            pieces.append(LineString(coords[i : i + 3]))
    return pieces


def build_extents() -> dict[str, BaseGeometry]:
    """Priority-resolved zone areas, land included, in ``[0, 360)``, keyed in ZONE_ORDER.

    Each value is a valid MultiPolygon in ``(lon, lat)`` degrees, simplified to
    :data:`ZONE_SIMPLIFY_DEG`; no two overlap. Deterministic for a given ``data/land.geojson``.
    Raises :class:`~geo.errors.DataError` if the land layer lacks China or Hainan.
    """
    raw = _raw_areas()
    extents: dict[str, BaseGeometry] = {}
    taken: BaseGeometry = Polygon()
    for zone_id in r.ZONE_ORDER:
        geom = shapely.make_valid(raw[zone_id]).simplify(ZONE_SIMPLIFY_DEG, preserve_topology=True)
        geom = to_window(shapely.make_valid(geom), PACIFIC_WINDOW_WEST_DEG)
        geom = polygonal(shapely.make_valid(geom.difference(taken)))
        extents[zone_id] = geom
        taken = shapely.union(taken, geom)
    return extents
