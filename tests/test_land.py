"""The offline land layer: file, lookups, and the Pacific-centred window."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon

from geo.catalogue.land import LAND_PATH, land, land_pacific, land_union, to_window
from geo.errors import GeoError

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "build_land.py"


def load_build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_land", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_land_file_is_small_valid_and_rfc7946() -> None:
    assert LAND_PATH.stat().st_size < 300 * 1024
    gdf = land()
    assert list(gdf.columns) == ["name", "iso_a3", "continent", "geometry"]
    assert len(gdf) == 177
    assert gdf.crs is not None and gdf.crs.to_epsg() == 4326
    assert gdf.geometry.is_valid.all()
    assert (gdf.geometry.geom_type == "MultiPolygon").all()
    min_lon, min_lat, max_lon, max_lat = gdf.total_bounds
    assert min_lon >= -180.0 and max_lon <= 180.0 and min_lat >= -90.0 and max_lat <= 90.0
    assert list(gdf["name"]) == sorted(gdf["name"])
    assert shapely.coverage_is_valid(gdf.geometry.values)  # no slivers between neighbours
    iso = gdf.set_index("name")["iso_a3"]
    assert iso["France"] == "FRA" and iso["Norway"] == "NOR"
    assert "-99" not in set(iso.dropna())


def test_build_script_is_deterministic(tmp_path: Path) -> None:
    module = load_build_script()
    out = tmp_path / "land.geojson"
    module.main(output=out)
    assert out.read_bytes() == LAND_PATH.read_bytes()


@pytest.mark.parametrize(
    ("query", "name"),
    [("China", "China"), ("usa", "United States of America"), ("CAN", "Canada")],
)
def test_land_lookup_by_name_or_iso(query: str, name: str) -> None:
    gdf = land([query])
    assert list(gdf["name"]) == [name]


def test_land_returns_fresh_copies() -> None:
    first = land(["China"])
    first.loc[0, "name"] = "changed"
    assert land(["China"])["name"].iloc[0] == "China"


def test_unknown_country_names_close_matches() -> None:
    with pytest.raises(GeoError, match=r"unknown country 'Chna'.*China"):
        land(["Chna"])


def test_land_pacific_window_does_not_smear() -> None:
    gdf = land_pacific()
    assert gdf.geometry.is_valid.all()
    min_lon, _, max_lon, _ = gdf.total_bounds
    assert min_lon >= 0.0 and max_lon <= 360.0
    for name, geom in zip(gdf["name"], gdf.geometry, strict=True):
        if name == "Antarctica":
            continue
        for part in geom.geoms:
            west, _, east, _ = part.bounds
            assert east - west < 180.0, name  # no polygon stretched across the map
    by_name = gdf.set_index("name").geometry
    # countries cut at 180° in the source are whole again
    russia = by_name["Russia"]
    assert russia.bounds[2] == pytest.approx(190.0, abs=1.0)
    assert russia.contains(Point(185.0, 66.0))  # Chukotka, east of 180°
    fiji = by_name["Fiji"]
    assert fiji.bounds[0] > 175 and fiji.bounds[2] < 185
    # the Americas are moved by +360°, Asia stays
    assert by_name["United States of America"].contains(Point(-100.0 + 360.0, 40.0))
    assert by_name["China"].contains(Point(116.4, 39.9))
    # a country crossing 0° is cut there, both halves kept
    france = by_name["France"]
    assert france.contains(Point(2.35, 48.85)) and france.contains(Point(-1.0 + 360.0, 47.0))


def test_land_union_areas_match() -> None:
    plain, pacific = land_union(), land_union(pacific=True)
    assert plain.is_valid and pacific.is_valid
    assert pacific.area == pytest.approx(plain.area, rel=1e-6)


def test_to_window_moves_and_cuts() -> None:
    square = Polygon([(-10, 0), (10, 0), (10, 5), (-10, 5)])
    moved = to_window(square, 0.0)
    assert isinstance(moved, MultiPolygon)
    assert moved.area == pytest.approx(square.area)
    assert sorted(round(p.bounds[0]) for p in moved.geoms) == [0, 350]
    far = Polygon([(500, 0), (510, 0), (510, 5), (500, 5)])
    assert to_window(far, 0.0).bounds == (140.0, 0.0, 150.0, 5.0)
    assert to_window(Polygon(), 0.0).is_empty
