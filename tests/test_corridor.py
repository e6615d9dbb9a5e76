"""Corridor zones and route segments: geometry, geodesic checks, windows, golden file.

Regenerate the golden file (see tests/golden/NOTE.md)::

    .venv/bin/python tests/test_corridor.py --write-golden
"""

from __future__ import annotations

import itertools
import json
import math
import sys
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pytest
import shapely
import shapely.ops
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pyproj import Geod
from shapely.geometry import LineString, MultiLineString, Point, shape

if __name__ == "__main__":  # run as a script to regenerate the golden file
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo.catalogue.land import land
from geo.errors import DataError, InvalidCoordinateError, InvalidSpeedError
from geo.routing.antimeridian import split_at_antimeridian
from geo.routing.engine import route
from geo.zones import build, corridor, rules, store
from geo.zones.corridor import (
    CHINA_COASTAL_ECA,
    NORTH_AMERICAN_ECA,
    OPEN_OCEAN,
    SAN_PEDRO_BAY_APPROACH,
    SHANGHAI_APPROACH,
    ZONE_ORDER,
    segment_route,
    segments_as_records,
    zone_rules,
    zones,
    zones_for_display,
)

GEOD = Geod(ellps="WGS84")
GOLDEN = Path(__file__).resolve().parent / "golden" / "shanghai_los_angeles_segments.geojson"
GOLDEN_TOLERANCE = 0.02  # relative, per segment length


# --- builders -----------------------------------------------------------------------------------
def geodesic_nm(line: LineString) -> float:
    xy = np.asarray(line.coords)
    return float(GEOD.line_length(xy[:, 0], xy[:, 1])) / 1852.0


def coast_distance_nm(lon: float, lat: float, countries: list[str]) -> float:
    """Geodesic distance from (lon, lat) to the nearest coast vertex (coast densified ~2 km)."""
    coast = shapely.union_all(land(countries).geometry.values).boundary
    xy = shapely.get_coordinates(shapely.segmentize(coast, 0.02))
    near = xy[(np.abs(xy[:, 0] - lon) < 20) & (np.abs(xy[:, 1] - lat) < 10)]
    _, _, metres = GEOD.inv(
        np.full(len(near), lon), np.full(len(near), lat), near[:, 0], near[:, 1]
    )
    return float(np.min(metres)) / 1852.0


def shanghai_la_line() -> LineString:
    """The lead's route Shanghai → Los Angeles (continuous, longitudes 122 … 241.7)."""
    return route("Shanghai", "Los Angeles").line


def assert_well_formed(segs: gpd.GeoDataFrame, line: LineString) -> None:
    total = geodesic_nm(line)
    assert list(segs["seq"]) == list(range(1, len(segs) + 1))
    assert segs["distance_nm"].sum() == pytest.approx(total, rel=0.005)
    assert segs["share"].sum() == pytest.approx(1.0, abs=1e-9)
    assert (segs["distance_nm"] > 0).all()
    assert segs["start_nm"].iloc[0] == 0.0
    assert np.allclose(segs["start_nm"].iloc[1:].to_numpy(), segs["end_nm"].iloc[:-1].to_numpy())
    assert np.all(np.diff(segs["start_nm"].to_numpy()) > 0)
    geoms = list(segs.geometry)
    for before, after in itertools.pairwise(geoms):
        assert before.coords[-1] == after.coords[0]  # contiguous, no jump
    assert geoms[0].coords[0] == pytest.approx(line.coords[0])
    assert geoms[-1].coords[-1] == pytest.approx(line.coords[-1])
    for geom, nm in zip(geoms, segs["distance_nm"], strict=True):
        assert geodesic_nm(geom) == pytest.approx(nm, rel=1e-6, abs=1e-6)


# --- rules and zones ----------------------------------------------------------------------------
def test_zone_rules_have_sources_and_years() -> None:
    by_id = zone_rules()
    assert set(by_id) == {*ZONE_ORDER, OPEN_OCEAN}
    for rule in by_id.values():
        assert rule.source and rule.year >= 2015
    assert by_id[NORTH_AMERICAN_ECA].sulphur_limit_pct == 0.10
    assert "MARPOL Annex VI" in by_id[NORTH_AMERICAN_ECA].source
    assert "Tier III" in by_id[NORTH_AMERICAN_ECA].rules
    assert by_id[CHINA_COASTAL_ECA].sulphur_limit_pct == 0.50
    assert by_id[CHINA_COASTAL_ECA].approximate
    assert by_id[OPEN_OCEAN].source == "IMO 2020"
    assert "CARB" in by_id[SAN_PEDRO_BAY_APPROACH].source
    assert "At-Berth" in by_id[SAN_PEDRO_BAY_APPROACH].rules
    assert "47,000 t" in by_id[SHANGHAI_APPROACH].corridor_measures
    assert "100 % shore-power" in by_id[SAN_PEDRO_BAY_APPROACH].corridor_measures


def test_zone_rules_reject_a_row_without_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = rules.ZONE_RULES_PATH.read_text(encoding="utf-8")
    bad = text.replace(",IMO 2020,", ",,")
    path = tmp_path / "zone_rules.csv"
    path.write_text(bad, encoding="utf-8")
    monkeypatch.setattr(rules, "ZONE_RULES_PATH", path)
    rules._rules.cache_clear()
    try:
        with pytest.raises(DataError, match="source and a year"):
            rules._rules()
    finally:
        monkeypatch.undo()
        rules._rules.cache_clear()


def test_zones_are_valid_non_overlapping_and_in_the_pacific_window() -> None:
    gdf = zones()
    assert list(gdf["zone_id"]) == list(ZONE_ORDER)
    assert list(gdf.columns) == [*corridor.ZONE_COLUMNS, "geometry"]
    assert gdf.geometry.is_valid.all()
    assert not gdf.geometry.is_empty.any()
    assert (gdf.geometry.geom_type == "MultiPolygon").all()
    min_lon, min_lat, max_lon, max_lat = gdf.total_bounds
    assert min_lon >= 0.0 and max_lon <= 360.0 and min_lat >= -90.0 and max_lat <= 90.0
    assert gdf["source"].str.len().gt(0).all() and gdf["year"].gt(0).all()
    assert (gdf.set_index("zone_id")["priority"] > 1).all()
    geoms = list(gdf.geometry)
    for i, a in enumerate(geoms):
        for b in geoms[i + 1 :]:
            assert a.intersection(b).area < 1e-9
    # North America is on the Pacific copy (≈ 190 … 320), China keeps its longitudes
    na = gdf.set_index("zone_id").geometry[NORTH_AMERICAN_ECA]
    assert na.bounds[0] > 190 and na.bounds[2] < 320
    cn = gdf.set_index("zone_id").geometry[CHINA_COASTAL_ECA]
    assert cn.bounds[0] > 105 and cn.bounds[2] < 135
    # European ECAs straddle 0°: in the window they sit at 354-360 and 0-45
    med = gdf.set_index("zone_id").geometry["mediterranean_eca"]
    assert med.bounds[0] == 0.0 and med.bounds[2] == 360.0
    assert med.contains(Point(18.0, 34.0)) and med.contains(Point(360.0 - 2.0, 36.5))
    assert zones_for_display().equals(gdf)


def test_zones_have_land_removed() -> None:
    gdf = zones().set_index("zone_id")
    assert not gdf.geometry[NORTH_AMERICAN_ECA].contains(Point(-100.0 + 360, 40.0))  # Kansas
    assert not gdf.geometry[CHINA_COASTAL_ECA].contains(Point(116.4, 39.9))  # Beijing
    assert not gdf.geometry[SAN_PEDRO_BAY_APPROACH].contains(Point(-118.15 + 360, 34.05))


def test_port_approaches_cover_their_gates() -> None:
    gdf = zones().set_index("zone_id")
    spb = gdf.geometry[SAN_PEDRO_BAY_APPROACH]
    sha = gdf.geometry[SHANGHAI_APPROACH]
    assert spb.contains(Point(-118.30 + 360, 33.62))  # just off Angels Gate
    assert sha.contains(Point(122.425, 31.122))  # North Channel pilot station
    assert sha.contains(Point(122.10, 30.55))  # off Yangshan
    # the 25 nm radius, measured geodesically from the bay entrance
    lon0, lat0 = build.SAN_PEDRO_BAY_ENTRANCE
    for azimuth in (180.0, 200.0, 230.0):
        inside = GEOD.fwd(lon0, lat0, azimuth, 24.0 * 1852)
        outside = GEOD.fwd(lon0, lat0, azimuth, 26.0 * 1852)
        assert spb.contains(Point(inside[0] + 360, inside[1]))
        assert not spb.contains(Point(outside[0] + 360, outside[1]))


@pytest.mark.parametrize(
    ("start", "azimuth"),
    [((-121.9, 36.3), 235.0), ((-120.6, 34.6), 225.0), ((-124.1, 41.0), 265.0)],
    ids=["off Big Sur", "off Point Conception", "off northern California"],
)
def test_na_eca_sample_points_measured_with_geod(
    start: tuple[float, float], azimuth: float
) -> None:
    eca = zones().set_index("zone_id").geometry[NORTH_AMERICAN_ECA]
    for run_nm, inside in ((150.0, True), (260.0, False)):
        lon, lat, _ = GEOD.fwd(start[0], start[1], azimuth, run_nm * 1852)
        off = coast_distance_nm(lon, lat, ["USA", "CAN"])
        if inside:
            assert 120 < off < 190, off
        else:
            assert 210 < off < 300, off
        assert eca.contains(Point(lon + 360, lat)) is inside, (run_nm, off)


def test_na_eca_outer_limit_is_200_nm_geodesic() -> None:
    """Sample the seaward edge of the ECA; Geod distance to the US/Canada coast ≈ 200 nm."""
    extent = store.zone_extents()[NORTH_AMERICAN_ECA]
    clip_edges = shapely.union_all(
        [
            shapely.transform(
                build.NA_PACIFIC_CLIP.boundary, lambda xy: xy + np.array([360.0, 0.0])
            ),
            shapely.transform(
                build.NA_ATLANTIC_CLIP.boundary, lambda xy: xy + np.array([360.0, 0.0])
            ),
            store.zone_extents()[SAN_PEDRO_BAY_APPROACH],
        ]
    )
    coast = shapely.union_all(land(["USA", "CAN"]).geometry.values).boundary
    coast_xy = shapely.get_coordinates(shapely.segmentize(coast, 0.02))
    checked = 0
    for polygon in extent.geoms:
        ring = polygon.exterior
        for fraction in np.linspace(0.0, 1.0, 150, endpoint=False):
            point = ring.interpolate(fraction, normalized=True)
            if point.distance(clip_edges) < 0.05:
                continue
            lon, lat = point.x - 360.0, point.y
            near = coast_xy[
                (np.abs(coast_xy[:, 0] - lon) < 15) & (np.abs(coast_xy[:, 1] - lat) < 7)
            ]
            _, _, metres = GEOD.inv(
                np.full(len(near), lon), np.full(len(near), lat), near[:, 0], near[:, 1]
            )
            assert float(np.min(metres)) / 1852 == pytest.approx(200.0, abs=1.5), (lon, lat)
            checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    "offshore",
    [(123.5, 28.0), (124.0, 36.0), (116.0, 21.0)],
    ids=["Zhejiang", "Shandong", "Guangdong"],
)
def test_china_eca_is_12_nm_from_the_mainland_coast(offshore: tuple[float, float]) -> None:
    eca = zones().set_index("zone_id").geometry[CHINA_COASTAL_ECA]
    china = land(["CHN"]).geometry.iloc[0]
    coast_point = shapely.ops.nearest_points(china.boundary, Point(offshore))[0]
    azimuth, _, _ = GEOD.inv(coast_point.x, coast_point.y, *offshore)
    for run_nm, inside in ((6.0, True), (25.0, False)):
        lon, lat, _ = GEOD.fwd(coast_point.x, coast_point.y, azimuth, run_nm * 1852)
        assert not china.contains(Point(lon, lat))
        off = coast_distance_nm(lon, lat, ["CHN"])
        assert (off < 12.0) is inside, off
        assert eca.contains(Point(lon, lat)) is inside, (offshore, run_nm, off)


# --- segments -----------------------------------------------------------------------------------
def test_shanghai_los_angeles_segments() -> None:
    line = shanghai_la_line()
    segs = segment_route(line, speed_kn=18.0)
    assert_well_formed(segs, line)
    assert list(segs.columns) == [*corridor.SEGMENT_COLUMNS, "geometry"]
    assert segs["zone_id"].iloc[0] == SHANGHAI_APPROACH
    assert segs["name"].iloc[0] == "Yangtze estuary & Yangshan approach"
    assert segs["zone_id"].iloc[-1] == SAN_PEDRO_BAY_APPROACH
    assert segs["zone_id"].iloc[-2] == NORTH_AMERICAN_ECA
    assert {"East China Sea", "North Pacific"} <= set(segs["name"])
    assert segs["distance_nm"].sum() == pytest.approx(
        route("Shanghai", "Los Angeles").distance_nm, rel=0.005
    )
    assert segs["duration_h"].to_numpy() == pytest.approx(segs["distance_nm"].to_numpy() / 18.0)
    eca = segs.set_index("zone_id").loc[NORTH_AMERICAN_ECA]
    assert 150 < eca["distance_nm"] < 900
    assert eca["sulphur_limit_pct"] == 0.10
    # geometry stays in the input's window (unwrapped: Los Angeles at ≈ 241.7)
    assert segs.geometry.iloc[-1].coords[-1][0] == pytest.approx(line.coords[-1][0])
    assert segs.geometry.iloc[-1].bounds[0] > 180


def test_shifted_and_split_copies_give_the_same_segments() -> None:
    line = shanghai_la_line()
    base = segment_route(line, speed_kn=18.0)
    shifted = LineString([(lon - 360.0, lat) for lon, lat in line.coords])
    split = split_at_antimeridian(list(line.coords))
    assert isinstance(split, MultiLineString)
    wrapped = LineString([(((lon + 180) % 360) - 180, lat) for lon, lat in line.coords])
    for other in (shifted, split, wrapped):
        segs = segment_route(other, speed_kn=18.0)
        assert list(segs["name"]) == list(base["name"])
        assert segs["distance_nm"].to_numpy() == pytest.approx(
            base["distance_nm"].to_numpy(), rel=1e-6
        )
    assert segment_route(shifted, speed_kn=18.0).geometry.iloc[-1].coords[-1][0] == pytest.approx(
        -118.251
    )


def test_reversed_route_reverses_segments() -> None:
    line = shanghai_la_line()
    forward = segment_route(line, speed_kn=18.0)
    backward = segment_route(LineString(list(line.coords)[::-1]), speed_kn=18.0)
    assert list(backward["zone_id"]) == list(forward["zone_id"])[::-1]
    assert backward["distance_nm"].to_numpy() == pytest.approx(
        forward["distance_nm"].to_numpy()[::-1], rel=1e-3, abs=0.2
    )


@pytest.mark.parametrize(
    ("coords", "name"),
    [
        ([(-40.0, 10.0), (-30.0, 20.0), (-20.0, 35.0)], "North Atlantic"),
        ([(60.0, -10.0), (75.0, -20.0), (90.0, -25.0)], "Indian Ocean"),
        ([(170.0, -20.0), (200.0, -10.0)], "South Pacific"),  # across 180°: one ocean
        ([(135.0, 24.0), (140.0, 20.0)], "Philippine Sea"),
    ],
)
def test_line_touching_no_zone_is_one_open_ocean_segment(
    coords: list[tuple[float, float]], name: str
) -> None:
    line = LineString(coords)
    segs = segment_route(line, speed_kn=15.0)
    assert len(segs) == 1
    assert segs["zone_id"].iloc[0] == OPEN_OCEAN
    assert segs["name"].iloc[0] == name
    assert segs["share"].iloc[0] == 1.0
    assert segs["sulphur_limit_pct"].iloc[0] == 0.50
    assert_well_formed(segs, line)


def test_repeated_zones_get_numbered_names() -> None:
    # out and back across the ECA limit off central California, then in again
    line = LineString([(-130.0, 35.0), (-122.0, 35.0), (-130.0, 35.1), (-122.0, 35.2)])
    segs = segment_route(line, speed_kn=18.0)
    assert list(segs["name"]) == [
        "North Pacific (1)",
        "North American ECA (1)",
        "North Pacific (2)",
        "North American ECA (2)",
    ]
    assert_well_formed(segs, line)


def test_segments_as_records() -> None:
    records = segments_as_records(segment_route(shanghai_la_line(), speed_kn=18.0))
    assert [set(r) for r in records] == [
        {"name", "zone", "distance_nm", "duration_h", "share"}
    ] * len(records)
    assert records[0]["zone"] == SHANGHAI_APPROACH
    json.dumps(records)  # plain JSON types


def test_bad_input_raises_specific_errors() -> None:
    line = LineString([(0.0, 0.0), (1.0, 1.0)])
    with pytest.raises(InvalidSpeedError, match="0"):
        segment_route(line, speed_kn=0.0)
    with pytest.raises(InvalidCoordinateError, match="two distinct"):
        segment_route(LineString([(1.0, 1.0), (1.0, 1.0)]), speed_kn=10.0)
    with pytest.raises(InvalidCoordinateError, match="latitude 95"):
        segment_route(LineString([(1.0, 1.0), (2.0, 95.0)]), speed_kn=10.0)
    with pytest.raises(InvalidCoordinateError, match="LineString"):
        segment_route(Point(1, 1), speed_kn=10.0)  # type: ignore[arg-type]


# --- property -----------------------------------------------------------------------------------
_steps = st.lists(st.tuples(st.floats(-70.0, 70.0), st.floats(-25.0, 25.0)), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    start_lon=st.floats(-540.0, 360.0),
    start_lat=st.floats(-75.0, 75.0),
    steps=_steps,
)
def test_random_lines_are_cut_without_loss(
    start_lon: float, start_lat: float, steps: list[tuple[float, float]]
) -> None:
    coords = [(start_lon, start_lat)]
    for d_lon, d_lat in steps:
        lon, lat = coords[-1]
        coords.append((lon + d_lon, max(-80.0, min(80.0, lat + d_lat))))
    line = LineString(coords)
    assume(geodesic_nm(line) > 1.0)
    segs = segment_route(line, speed_kn=12.0)
    assert_well_formed(segs, line)
    # the same line one turn east is cut identically
    moved = segment_route(LineString([(lon + 360.0, lat) for lon, lat in coords]), speed_kn=12.0)
    assert list(moved["zone_id"]) == list(segs["zone_id"])
    assert moved["distance_nm"].to_numpy() == pytest.approx(
        segs["distance_nm"].to_numpy(), rel=1e-6, abs=1e-6
    )


@settings(max_examples=30, deadline=None)
@given(lat=st.floats(20.0, 55.0), lon=st.floats(150.0, 210.0), span=st.floats(5.0, 60.0))
def test_lines_across_180_degrees(lat: float, lon: float, span: float) -> None:
    line = LineString([(lon - span / 2, lat), (lon + span / 2, lat + 1.0)])
    segs = segment_route(line, speed_kn=18.0)
    assert_well_formed(segs, line)


@settings(max_examples=30, deadline=None)
@given(
    start=st.tuples(st.floats(-165.0, -128.0), st.floats(20.0, 56.0)),
    end=st.tuples(st.floats(-122.5, -117.5), st.floats(33.0, 38.0)),
    turn=st.integers(-1, 1),
)
def test_random_lines_into_north_america(
    start: tuple[float, float], end: tuple[float, float], turn: int
) -> None:
    """Lines from the open Pacific to the California coast, in three longitude windows."""
    shift = 360.0 * turn
    line = LineString([(start[0] + shift, start[1]), (end[0] + shift, end[1])])
    segs = segment_route(line, speed_kn=18.0)
    assert_well_formed(segs, line)
    assert NORTH_AMERICAN_ECA in set(segs["zone_id"])


# --- golden -------------------------------------------------------------------------------------
def golden_features() -> dict[str, Any]:
    """The Shanghai → Los Angeles segments as RFC 7946 GeoJSON (what the golden file holds)."""
    segs = segment_route(shanghai_la_line(), speed_kn=18.0)
    features = []
    for _, row in segs.iterrows():
        simple = row.geometry.simplify(0.02)
        geom = shapely.transform(split_at_antimeridian(list(simple.coords)), lambda xy: xy.round(3))
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "seq": int(row["seq"]),
                    "name": str(row["name"]),
                    "zone_id": str(row["zone_id"]),
                    "distance_nm": round(float(row["distance_nm"])),
                },
                "geometry": shapely.geometry.mapping(geom),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def write_golden() -> None:
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    data = golden_features()
    lines = ",\n".join(json.dumps(f, ensure_ascii=False) for f in data["features"])
    GOLDEN.write_text(
        f'{{"type": "FeatureCollection", "features": [\n{lines}\n]}}\n', encoding="utf-8"
    )
    for feature in data["features"]:
        props = feature["properties"]
        print(f"{props['seq']:>2}  {props['name']:<40} {props['distance_nm']:>6} nm")


def test_golden_shanghai_los_angeles_segments() -> None:
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))["features"]
    actual = golden_features()["features"]
    assert [f["properties"]["name"] for f in actual] == [f["properties"]["name"] for f in expected]
    assert [f["properties"]["zone_id"] for f in actual] == [
        f["properties"]["zone_id"] for f in expected
    ]
    for got, want in zip(actual, expected, strict=True):
        # the geometry too: each segment within 0.05° of the golden one (simplified 0.02°)
        assert shape(got["geometry"]).hausdorff_distance(shape(want["geometry"])) < 0.05, got[
            "properties"
        ]["name"]
        nm, want_nm = got["properties"]["distance_nm"], want["properties"]["distance_nm"]
        assert math.isclose(nm, want_nm, rel_tol=GOLDEN_TOLERANCE, abs_tol=1.0), (
            got["properties"]["name"],
            nm,
            want_nm,
        )


if __name__ == "__main__":
    if "--write-golden" in sys.argv:
        write_golden()
    else:
        print(__doc__)
