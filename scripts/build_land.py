"""Build ``data/land.geojson``: the offline land layer, one row per country.

Source: Natural Earth 1:110m Admin 0 countries (public domain), as shipped in pyogrio's wheel
(``pyogrio/tests/fixtures/naturalearth_lowres``). Nothing is downloaded.

Run from the project root::

    .venv/bin/python scripts/build_land.py

What it does, in order (the output is byte-identical on every run with the same inputs):

* keeps ``name``, ``iso_a3`` and ``continent``; Natural Earth's ``-99`` ISO codes become the
  real codes for France and Norway and are left empty for the others;
* clips longitudes to [-180, 180], rounds coordinates to :data:`COORDINATE_PRECISION` decimals,
  cleans the countries as a coverage (``shapely.coverage_clean``: borders that no longer match
  exactly after rounding are snapped together) and simplifies them as a coverage
  (``shapely.coverage_simplify``, :data:`SIMPLIFY_DEG`): a border shared by two countries is
  simplified once, so no slivers open between neighbours;
* sorts rows by name and writes RFC 7946 GeoJSON (WGS 84, ``(lon, lat)``, coordinates rounded
  to :data:`COORDINATE_PRECISION` decimals; polygons that reach the antimeridian stay split at
  ±180 as in the source);
* reads the file back and checks every geometry is valid and the countries still form a valid
  coverage (no gaps or overlaps along borders).

Per-country polygons are kept (``geo.zones.corridor`` needs the United States, Canada and China
separately); dissolve them for a plain land mask (``geo.catalogue.land.land_union``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pyogrio
import shapely
from numpy.typing import NDArray
from shapely.geometry import box

from geo.catalogue.land import polygonal

PROJECT_DIR = Path(__file__).resolve().parents[1]
OUTPUT_PATH = PROJECT_DIR / "data" / "land.geojson"
SOURCE_PATH = (
    Path(pyogrio.__file__).resolve().parent
    / "tests"
    / "fixtures"
    / "naturalearth_lowres"
    / "naturalearth_lowres.shp"
)

#: Coverage simplification tolerance in degrees (about 1 km): the 1:110m data is already coarse.
SIMPLIFY_DEG = 0.01
#: Decimals written to the GeoJSON (4 ≈ 11 m).
COORDINATE_PRECISION = 4
#: Borders closer than this after rounding are snapped together (degrees).
SNAP_DEG = 2e-4
#: Natural Earth writes -99 where the ISO code is disputed or missing.
ISO_A3_FIXES = {"France": "FRA", "Norway": "NOR"}


def _round(geoms: NDArray[Any]) -> NDArray[Any]:
    """Every vertex rounded to :data:`COORDINATE_PRECISION` decimals, as the file will hold it."""
    return shapely.transform(geoms, lambda xy: np.round(xy, COORDINATE_PRECISION))


def _check(gdf: gpd.GeoDataFrame, what: str) -> None:
    invalid = gdf[~gdf.geometry.is_valid]
    if len(invalid):
        raise SystemExit(f"{what}: invalid geometries: {', '.join(invalid['name'])}")
    if not shapely.coverage_is_valid(gdf.geometry.values):
        raise SystemExit(f"{what}: the countries do not form a valid coverage")


def build(source: Path = SOURCE_PATH) -> gpd.GeoDataFrame:
    """The cleaned land layer as a GeoDataFrame (EPSG:4326, ``(lon, lat)``)."""
    raw = gpd.read_file(source)
    clipped = shapely.intersection(raw.geometry.values, box(-180.0, -90.0, 180.0, 90.0))
    cleaned = shapely.coverage_clean(_round(clipped), snapping_distance=SNAP_DEG)
    simplified = _round(shapely.coverage_simplify(cleaned, SIMPLIFY_DEG, simplify_boundary=True))
    iso = [
        ISO_A3_FIXES.get(name, code if code and code != "-99" else None)
        for name, code in zip(raw["name"], raw["iso_a3"], strict=True)
    ]
    gdf = gpd.GeoDataFrame(
        {
            "name": raw["name"].astype(str),
            "iso_a3": iso,
            "continent": raw["continent"].astype(str),
        },
        geometry=[polygonal(shapely.normalize(g)) for g in simplified],
        crs="EPSG:4326",
    )
    gdf = gdf[~gdf.geometry.is_empty]
    gdf = gdf.sort_values("name", kind="stable").reset_index(drop=True)
    _check(gdf, "after simplification")
    return gdf


def main(output: Path = OUTPUT_PATH) -> int:
    gdf = build()
    output.parent.mkdir(parents=True, exist_ok=True)
    if output.exists():
        output.unlink()
    pyogrio.write_dataframe(
        gdf,
        output,
        driver="GeoJSON",
        layer_options={
            "RFC7946": "YES",
            "COORDINATE_PRECISION": str(COORDINATE_PRECISION),
            "WRITE_BBOX": "NO",
            "WRITE_NAME": "NO",
        },
    )
    _check(gpd.read_file(output), f"{output.name} as written")
    size_kb = output.stat().st_size / 1024
    print(f"wrote {output}: {len(gdf)} countries, {size_kb:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
