"""``python -m geo atlas``: lanes in, one feature per lane out (GeoPackage, GeoParquet, CSV)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from geo.cli import main
from geo.jobs import atlas
from geo.jobs.dask_runner import parse_scheduler
from geo.routing import engine

LANES = """origin,destination,speed_kn,fuel,ship_teu
CNSHA,USLAX,18,VLSFO,14000
CNSHA,NLRTM,16,LNG,
KRPUS,USSEA,,,
"""


def run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(argv, out=io.StringIO())
    return code, err.getvalue()


@pytest.fixture(scope="module")
def lanes_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lanes") / "lanes.csv"
    path.write_text(LANES, encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".gpkg", ".parquet", ".csv"])
def test_atlas_formats_are_readable_with_geopandas(
    lanes_file: Path, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"lanes{suffix}"
    code, err = run(["atlas", str(lanes_file), "--out", str(out)])
    assert code == 0, err
    gdf = gpd.read_parquet(out) if suffix == ".parquet" else gpd.read_file(out)
    assert len(gdf) == 3
    assert list(gdf["destination"]) == ["USLAX", "NLRTM", "USSEA"]
    assert gdf.geometry.geom_type.isin(["MultiLineString"]).all()
    bounds = gdf.total_bounds
    assert bounds[0] >= -180 and bounds[2] <= 180  # RFC 7946: cut at 180°
    for (_, row), speed in zip(gdf.iterrows(), [18, 16, 18], strict=True):
        r = engine.route(row["origin"], row["destination"], speed_kn=speed)
        assert float(row["distance_nm"]) == pytest.approx(r.distance_nm, abs=0.05)
        assert float(row["days"]) == pytest.approx(r.duration_days, abs=0.005)
    assert "Suez Canal" in gdf.loc[1, "passages"]
    assert "North American ECA" in gdf.loc[0, "segments"]
    assert (
        gdf.loc[0, "fuel"] == "vlsfo"
    )  # the fuel as the voyage model names it and float(gdf.loc[0, "ship_teu"]) == 14000


def test_bad_rows_exit_2_and_the_others_are_written(tmp_path: Path) -> None:
    lanes = tmp_path / "lanes.csv"
    lanes.write_text(
        "CNSHA,USLAX\nCNSHA,Pusann\nCNSHA,USLGB,99\nUSLAX,USLAX\nKRPUS,USOAK\n", encoding="utf-8"
    )
    out = tmp_path / "out.gpkg"
    code, err = run(["atlas", str(lanes), "--out", str(out)])
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert "line 2" in lines[0] and "Pusann" in lines[0] and "KRPUS" in lines[0]
    assert "line 3" in lines[1] and "99" in lines[1]
    assert "line 4" in lines[2] and "same place" in lines[2]
    assert list(gpd.read_file(out)["lane"]) == [1, 5]


def test_avoid_blocking_every_path_is_reported(tmp_path: Path) -> None:
    lanes = tmp_path / "lanes.csv"
    lanes.write_text("CNSHA,ROCND\nCNSHA,USLAX\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    with pytest.raises(engine.NoRouteError):  # route() agrees: the Black Sea is closed
        engine.route("CNSHA", "ROCND", avoid="bosporus")
    code, err = run(["atlas", str(lanes), "--avoid", "bosporus", "--out", str(out)])
    assert code == 2 and "line 1" in err and "no sea route" in err
    assert len(gpd.read_file(out)) == 1


def test_two_worker_cluster_gives_identical_lanes(lanes_file: Path) -> None:
    lanes, errors = atlas.read_lanes(lanes_file)
    assert not errors
    here, _ = atlas.atlas_job(lanes)
    there, _ = atlas.atlas_job(lanes, scheduler=parse_scheduler("local:2"))
    assert here.drop(columns="geometry").equals(there.drop(columns="geometry"))
    assert list(here.geometry.to_wkb()) == list(there.geometry.to_wkb())


def test_each_lane_carries_the_co2_the_page_shows(tmp_path: Path) -> None:
    from geo.present.model import present
    from geo.present.view import build_view

    lanes = tmp_path / "lanes.csv"
    lanes.write_text(
        "origin,destination,speed_kn,fuel,ship_teu\n"
        "CNSHA,USLGB,14,e-methanol,14000\nKRPUS,USSEA,,LNG,\nCNSHA,USLAX,18,kerosene,8000\n",
        encoding="utf-8",
    )
    frame, errors = atlas.atlas_job(atlas.read_lanes(lanes)[0])
    assert len(errors) == 1 and "line 4" in errors[0] and "kerosene" in errors[0]
    first = frame.iloc[0]
    view = build_view("CNSHA", "USLGB", speed_kn=14, ship_teu=14000, fuel="e-methanol")
    assert first["co2_ttw_t"] == pytest.approx(view.emissions().co2_ttw_t, rel=1e-3)
    assert present(view).metric("co2").value == f"{first['co2_ttw_t']:,.0f} t"
    lng = frame.iloc[1]
    assert lng["fuel"] == "lng" and lng["ship_teu"] == 8000
    assert pd.isna(lng["co2e_wtw_t"])  # LNG has no sourced well-to-wake factor
