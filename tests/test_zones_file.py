"""The prebuilt zone layer ``data/zones.geojson`` matches a fresh build, and seas name segments."""

from __future__ import annotations

import shapely
from shapely.geometry import LineString

from geo.zones import build, store
from geo.zones.corridor import ZONE_ORDER, segment_route
from geo.zones.seas import sea_name, seas

#: Allowed difference between the file and a rebuild, in degrees (coordinates are rounded to
#: 1e-4° ≈ 11 m; the symmetric difference is measured as area over perimeter).
TOLERANCE_DEG = 0.001


def test_file_matches_a_rebuild() -> None:
    fresh = build.build_extents()
    stored = store.read_extents()
    assert list(stored) == list(fresh) == list(ZONE_ORDER)
    for zone_id in ZONE_ORDER:
        a, b = stored[zone_id], fresh[zone_id]
        assert a.is_valid and not a.is_empty, zone_id
        mismatch = shapely.symmetric_difference(a, b).area
        assert mismatch / max(b.length, 1e-9) < TOLERANCE_DEG, (zone_id, mismatch)
        assert shapely.hausdorff_distance(a, b) < 0.01, zone_id


def test_file_text_is_deterministic() -> None:
    fresh = store.extents_to_geojson(build.build_extents())
    assert fresh == store.ZONES_PATH.read_text(encoding="utf-8")


def test_every_sea_row_has_a_source_and_a_year() -> None:
    rows = seas()
    assert len(rows) > 20
    for sea in rows:
        assert sea.source and sea.year >= 1953 and sea.approximate


def test_sea_names_at_known_points() -> None:
    assert sea_name(115.0, 15.0) == "South China Sea"
    assert sea_name(125.0, 29.0) == "East China Sea"
    assert sea_name(135.0, 20.0) == "Philippine Sea"
    assert sea_name(-150.0, 40.0) == "North Pacific"
    assert sea_name(210.0, 40.0) == "North Pacific"  # any window
    assert sea_name(38.0, 21.0) == "Red Sea"
    assert sea_name(65.0, 15.0) == "Arabian Sea"
    assert sea_name(-30.0, 40.0) == "North Atlantic"
    assert sea_name(80.0, -30.0) == "Indian Ocean"


def test_suez_route_is_named_by_sea_and_crosses_the_med_eca() -> None:
    # Singapore Strait → Bab-el-Mandeb → Suez → Gibraltar → Channel (a coarse Asia–Europe lane)
    line = LineString(
        [
            (104.5, 1.5), (100.0, 4.0), (96.0, 6.0), (80.0, 5.5), (60.0, 13.0),
            (45.0, 12.5), (43.4, 12.6), (39.0, 20.0), (34.0, 27.5), (32.55, 29.9),
            (32.35, 31.4), (20.0, 34.0), (10.0, 37.5), (-5.6, 35.95), (-10.0, 37.0),
            (-10.0, 44.0), (-5.5, 48.8), (1.5, 50.5), (3.8, 51.9),
        ]
    )  # fmt: skip
    segs = segment_route(line, speed_kn=18.0)
    open_ocean = segs[segs["name"] == "Open ocean"]["share"].sum()
    assert open_ocean < 0.02
    names = set(segs["name"])
    assert {"Red Sea", "Suez Canal", "Arabian Sea", "Mediterranean Sea ECA"} <= names
    assert {"North Sea ECA", "Gulf of Aden"} <= names
