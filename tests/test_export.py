"""Data exports (GeoJSON, GeoPackage, CSV), atomic writes and safe file names."""

from __future__ import annotations

import csv
import itertools
import json
import os
import unicodedata
from pathlib import Path
from typing import Any

import geopandas as gpd
import pyogrio
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, MultiLineString, shape

from geo.errors import ExportError
from geo.export.rfc7946 import rfc7946_line
from geo.export.writers import (
    CSV_COLUMNS,
    EXPORT_FORMATS,
    GPKG_LAYERS,
    export_data,
    export_geojson,
    export_gpkg,
    export_segments_csv,
    longitudes,
)
from geo.fileio import (
    MAX_FILENAME_BYTES,
    MAX_FILENAME_CHARS,
    atomic_output,
    atomic_write_bytes,
    safe_filename,
)
from geo.present.model import LanePresentation, present
from geo.present.view import LaneView, build_view
from geo.routing.antimeridian import join_antimeridian, unwrap_coords

AS_OF = "2026-11-26"


@pytest.fixture(scope="module")
def pres() -> LanePresentation:
    return present(build_view("Shanghai", "San Pedro Bay", as_of=AS_OF))


@pytest.fixture(scope="module")
def view(pres: LanePresentation) -> LaneView:
    return pres.view


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("exports")


@pytest.fixture(scope="module")
def geojson(pres: LanePresentation, out_dir: Path) -> dict[str, Any]:
    path = export_geojson(pres, out_dir / "lane.geojson")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gpkg(pres: LanePresentation, out_dir: Path) -> Path:
    return export_gpkg(pres, out_dir / "lane.gpkg")


@pytest.fixture(scope="module")
def csv_rows(pres: LanePresentation, out_dir: Path) -> tuple[str, list[dict[str, str]]]:
    path = export_segments_csv(pres, out_dir / "segments.csv")
    text = path.read_text(encoding="utf-8-sig")
    table = [line for line in text.splitlines() if not line.startswith("#")]
    return text, list(csv.DictReader(table))


def test_export_formats() -> None:
    assert {".geojson", ".gpkg", ".csv"} == EXPORT_FORMATS


# --- GeoJSON ---------------------------------------------------------------------------------


def test_geojson_has_no_longitude_outside_180(geojson: dict[str, Any]) -> None:
    assert geojson["type"] == "FeatureCollection"
    lons = list(longitudes([f["geometry"]["coordinates"] for f in geojson["features"]]))
    assert lons
    assert all(-180.0 <= lon <= 180.0 for lon in lons)


def test_geojson_route_is_cut_at_180(view: LaneView, geojson: dict[str, Any]) -> None:
    routes = [f for f in geojson["features"] if f["properties"]["layer"] == "route"]
    assert len(routes) == len(view.routes) == 2
    by_id = {f"{r.origin.id}>{r.destination.id}": r for r in view.routes}
    for feature in routes:
        route = by_id[feature["properties"]["route_id"]]
        geom = feature["geometry"]
        assert geom["type"] == "MultiLineString"
        parts = geom["coordinates"]
        assert len(parts) == 2
        # west part ends on +180, east part starts on -180, at the same latitude
        assert parts[0][-1][0] == 180.0
        assert parts[1][0][0] == -180.0
        assert parts[0][-1][1] == parts[1][0][1]
        assert parts[0][0] == [route.coords[0][0], route.coords[0][1]]
        joined = join_antimeridian(MultiLineString(parts))
        assert joined.coords[-1][0] == pytest.approx(route.coords[-1][0], abs=1e-6)


def test_geojson_has_features_for_every_layer(view: LaneView, geojson: dict[str, Any]) -> None:
    by_layer: dict[str, list[dict[str, Any]]] = {}
    for f in geojson["features"]:
        by_layer.setdefault(f["properties"]["layer"], []).append(f)
    assert set(by_layer) == {"route", "segment", "port", "zone"}
    assert len(by_layer["segment"]) == len(view.segments_gdf())
    assert len(by_layer["port"]) == len(view.ports_gdf())
    assert len(by_layer["zone"]) == len(view.zones_gdf())
    kinds = {f["geometry"]["type"] for f in by_layer["zone"]}
    assert kinds == {"MultiPolygon"}
    assert all(shape(f["geometry"]).is_valid for f in by_layer["zone"])
    # the North Pacific segment crosses 180° and is cut like the route
    ocean = [f for f in by_layer["segment"] if f["properties"]["name"] == "North Pacific"]
    assert ocean and all(len(f["geometry"]["coordinates"]) == 2 for f in ocean)


def test_geojson_carries_the_figures(pres: LanePresentation, geojson: dict[str, Any]) -> None:
    view = pres.view
    meta = geojson["metadata"]
    assert meta["title"] == pres.title == "Shanghai → San Pedro Bay"
    assert meta["figures"] == {m.key: m.text() for m in pres.metrics}
    assert meta["figures"]["distance"].startswith(f"{view.main.distance_nm:,.0f} nm")
    assert "Not for navigation" in meta["assumptions"]
    route = next(f for f in geojson["features"] if f["properties"]["layer"] == "route")
    assert route["properties"]["distance_nm"] == pytest.approx(view.main.distance_nm)
    assert route["properties"]["origin"] == "Shanghai"


def test_geojson_zone_polygons_are_right_handed(geojson: dict[str, Any]) -> None:
    for f in geojson["features"]:
        if f["properties"]["layer"] != "zone":
            continue
        for poly in shape(f["geometry"]).geoms:
            assert poly.exterior.is_ccw


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(min_value=-50, max_value=50, allow_nan=False),
            st.floats(min_value=-80, max_value=80, allow_nan=False),
        ),
        min_size=2,
        max_size=12,
    ),
    st.floats(min_value=-540, max_value=540, allow_nan=False),
)
def test_rfc7946_line_round_trips_across_180(
    steps: list[tuple[float, float]], start: float
) -> None:
    """Any continuous line, anywhere: parts stay within ±180 and join back to the line."""
    coords = [(start, 0.0)]
    for dlon, lat in steps:
        coords.append((coords[-1][0] + dlon, lat))
    cut = rfc7946_line(LineString(coords))
    assert all(-180.0 <= lon <= 180.0 for part in cut.geoms for lon, _ in part.coords)
    parts = list(cut.geoms)
    for a, b in itertools.pairwise(parts):
        assert abs(a.coords[-1][0]) == 180.0 and abs(b.coords[0][0]) == 180.0
    joined = join_antimeridian(cut) if len(parts) > 1 else LineString(parts[0])
    original = unwrap_coords(coords)
    offset = joined.coords[0][0] - original[0][0]
    assert offset % 360.0 == pytest.approx(0.0, abs=1e-6) or offset % 360.0 == pytest.approx(
        360.0, abs=1e-6
    )
    # every original vertex is on the joined line (after the same whole-turn shift)
    kept = {(round(x - offset, 6), round(y, 6)) for x, y in joined.coords}
    assert {(round(x, 6), round(y, 6)) for x, y in original} <= kept


# --- GeoPackage ------------------------------------------------------------------------------


def test_gpkg_has_the_four_layers_and_the_metadata_table(gpkg: Path) -> None:
    layers = {name: kind for name, kind in pyogrio.list_layers(gpkg)}
    assert set(layers) == {*GPKG_LAYERS, "lane_metadata"}
    assert layers["lane_metadata"] is None
    assert layers["route"] == "MultiLineString"
    assert layers["segments"] == "MultiLineString"
    assert layers["ports"] == "Point"
    assert layers["zones"] == "MultiPolygon"


def test_gpkg_reads_back_with_the_same_features(view: LaneView, gpkg: Path) -> None:
    route = gpd.read_file(gpkg, layer="route")
    assert list(route["route_id"]) == ["CNSHA>USLAX", "CNSHA>USLGB"]
    assert list(route["distance_nm"]) == pytest.approx([r.distance_nm for r in view.routes])
    segs = gpd.read_file(gpkg, layer="segments")
    want = view.segments_gdf()
    assert len(segs) == len(want)
    assert list(segs["name"]) == list(want["name"])
    assert list(segs["distance_nm"]) == pytest.approx(list(want["distance_nm"]))
    ports = gpd.read_file(gpkg, layer="ports")
    assert list(ports["name"]) == list(view.ports_gdf()["name"])
    zones = gpd.read_file(gpkg, layer="zones")
    assert list(zones["zone_id"]) == list(view.zones_gdf()["zone_id"])
    for gdf in (route, segs, ports, zones):
        assert gdf.crs is not None and gdf.crs.to_epsg() == 4326
        minx, _, maxx, _ = gdf.total_bounds
        assert minx >= -180.0 and maxx <= 180.0


def test_gpkg_leaves_no_temporary_files(gpkg: Path) -> None:
    assert [p.name for p in gpkg.parent.iterdir() if p.name.startswith(".")] == []


# --- CSV -------------------------------------------------------------------------------------


def test_csv_metadata_comes_first_then_the_header(
    pres: LanePresentation, csv_rows: tuple[str, list[dict[str, str]]]
) -> None:
    text, rows = csv_rows
    lines = text.splitlines()
    comments = [line for line in lines if line.startswith("#")]
    assert lines[: len(comments)] == comments  # metadata first
    assert lines[len(comments)] == ",".join(CSV_COLUMNS)
    assert comments[0] == "# title,Shanghai → San Pedro Bay"
    assert any(pres.metric("distance").value in line for line in comments)
    assert rows


def test_csv_sums_to_the_route_length(
    view: LaneView, csv_rows: tuple[str, list[dict[str, str]]]
) -> None:
    _, rows = csv_rows
    for r in view.routes:
        rid = f"{r.origin.id}>{r.destination.id}"
        mine = [row for row in rows if row["route_id"] == rid]
        assert [int(row["seq"]) for row in mine] == list(range(1, len(mine) + 1))
        total = sum(float(row["distance_nm"]) for row in mine)
        assert total == pytest.approx(r.distance_nm, rel=0.005)
        assert sum(float(row["share"]) for row in mine) == pytest.approx(1.0, abs=1e-3)
        assert mine[0]["route"] == f"Shanghai → {r.destination.name}"
    assert {row["zone"] for row in rows} >= {"shanghai_approach", "north_american_eca"}
    assert all(row["source"] for row in rows)


def test_export_data_dispatches_by_extension(pres: LanePresentation, tmp_path: Path) -> None:
    for suffix in sorted(EXPORT_FORMATS):
        assert export_data(pres, tmp_path / f"lane{suffix}").stat().st_size > 0
    with pytest.raises(ExportError, match=r"\.kml"):
        export_data(pres, tmp_path / "lane.kml")


# --- atomic writes ---------------------------------------------------------------------------


def test_failing_writer_leaves_no_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.png"
    with pytest.raises(RuntimeError), atomic_output(target) as tmp:
        tmp.write_bytes(b"half a file")
        raise RuntimeError("renderer crashed")
    assert list(tmp_path.iterdir()) == []


def test_failing_writer_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    atomic_write_bytes(target, b"old")
    with pytest.raises(ValueError), atomic_output(target) as tmp:
        tmp.write_bytes(b"new but broken")
        raise ValueError("boom")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_temp_file_sits_next_to_the_target_with_its_suffix(tmp_path: Path) -> None:
    with atomic_output(tmp_path / "map.gpkg") as tmp:
        assert tmp.parent == tmp_path
        assert tmp.suffix == ".gpkg"
        assert not tmp.exists()
        tmp.write_bytes(b"x")
    assert (tmp_path / "map.gpkg").read_bytes() == b"x"


def test_writer_that_writes_nothing_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError), atomic_output(tmp_path / "empty.svg"):
        pass
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        atomic_write_bytes(tmp_path / "nope" / "a.csv", b"x")


def test_failing_gpkg_export_leaves_nothing(
    pres: LanePresentation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    real = gpd.GeoDataFrame.to_file

    def flaky(self: gpd.GeoDataFrame, *args: Any, **kwargs: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 3:  # after two layers are in the temporary file
            raise OSError("disk full")
        real(self, *args, **kwargs)

    monkeypatch.setattr(gpd.GeoDataFrame, "to_file", flaky)
    with pytest.raises(ExportError, match="disk full"):  # the project's error, not OSError
        export_gpkg(pres, tmp_path / "lane.gpkg")
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_keeps_default_permissions(tmp_path: Path) -> None:
    path = atomic_write_bytes(tmp_path / "a.csv", b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


# --- safe file names -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "etc_passwd"),
        ("a/b\\c.png", "a_b_c.png"),
        ("CON.png", "CON_.png"),
        ("nul", "nul_"),
        ("lpt1.tar.gz", "lpt1_.tar.gz"),
        ("", "snapshot"),
        ("名前.svg", "名前.svg"),  # letters of any script are kept
        ("航线A.svg", "航线A.svg"),
        ("走廊 A／B.png", "走廊_A_B.png"),  # the full-width slash is a slash
        ("→ ° 、.svg", "snapshot.svg"),  # symbols and punctuation alone leave nothing
        ("부산 항.csv", "부산_항.csv"),  # Hangul stays syllables, not jamo
        ("Shanghai → San Pedro Bay.PNG", "Shanghai_San_Pedro_Bay.png"),
        ("Café crème.pdf", "Cafe_creme.pdf"),
        (".hidden", "snapshot.hidden"),
        ("...", "snapshot"),
        ("a\x00b\nc\x1b.svg", "abc.svg"),
        ("C:\\Users\\x\\deck.pdf", "C_Users_x_deck.pdf"),
        ("report.final.csv", "report.final.csv"),
        ("\u202eevil.png", "evil.png"),
        ("name.", "name"),
        ("  spaced  name  .gpkg", "spaced_name.gpkg"),
    ],
)
def test_safe_filename(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_safe_filename_default_and_length() -> None:
    assert safe_filename("", default="lane") == "lane"
    assert safe_filename("/", default="../x") == "x"
    long = safe_filename("x" * 500 + ".geojson")
    assert len(long) <= MAX_FILENAME_CHARS
    assert long.endswith(".geojson")
    chinese = safe_filename("航线" * 200 + ".svg")  # 3 bytes a character in UTF-8
    assert len(chinese.encode("utf-8")) <= MAX_FILENAME_BYTES and chinese.endswith(".svg")


def test_names_that_differ_only_in_chinese_give_different_files() -> None:
    """The old rule kept ASCII only: 航线A and 走廊A were both A.svg."""
    names = ["航线A", "走廊A", "A", "航线 A", "釜山航线"]
    files = [safe_filename(f"{n}.svg") for n in names]
    assert files == ["航线A.svg", "走廊A.svg", "A.svg", "航线_A.svg", "釜山航线.svg"]


@given(st.text(max_size=200))
def test_safe_filename_is_always_plain(name: str) -> None:
    out = safe_filename(name)
    assert out
    assert len(out) <= MAX_FILENAME_CHARS and len(out.encode("utf-8")) <= MAX_FILENAME_BYTES
    # ASCII letters, digits and ._- only; beyond ASCII only letters, digits and their marks
    assert all(
        (c.isalnum() or c in "._-") if c.isascii() else unicodedata.category(c)[0] in "LNM"
        for c in out
    )
    assert out == unicodedata.normalize("NFC", out)
    assert not out.startswith(".")
    assert out not in {".", ".."}
    assert "/" not in out and "\\" not in out
    assert out.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}


def test_overwriting_a_file_keeps_its_permissions(pres: LanePresentation, tmp_path: Path) -> None:
    target = tmp_path / "lane.csv"
    target.write_text("old")
    target.chmod(0o640)
    export_segments_csv(pres, target)
    assert (target.stat().st_mode & 0o777) == 0o640
    assert target.read_bytes().startswith(b"\xef\xbb\xbf# title,")


def test_a_full_disk_is_the_projects_export_error(
    pres: LanePresentation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    def full(*args: Any, **kwargs: Any) -> None:
        raise pyogrio.errors.DataSourceError("sqlite3_exec failed: database or disk is full")

    monkeypatch.setattr(pyogrio, "write_dataframe", full)
    with pytest.raises(ExportError, match="disk is full"):
        export_gpkg(pres, tmp_path / "lane.gpkg")
    assert list(tmp_path.iterdir()) == []

    def no_space(self: Path, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", no_space)
    with pytest.raises(ExportError, match="No space left on device"):
        atomic_write_bytes(tmp_path / "a.csv", b"x")
    assert list(tmp_path.iterdir()) == []


def test_a_title_that_looks_like_a_formula_stays_text_in_the_csv(tmp_path: Path) -> None:
    pres = present(build_view("Shanghai", "Long Beach"), title='=HYPERLINK("http://x.example")')
    path = export_segments_csv(pres, tmp_path / "lane.csv")
    first = path.read_text(encoding="utf-8-sig").splitlines()[0]
    assert first == '# title,"\'=HYPERLINK(""http://x.example"")"'


def test_a_chinese_csv_speaks_chinese_in_its_rows_and_header(tmp_path: Path) -> None:
    from geo.export.writers import export_segments_csv
    from geo.present.model import present
    from geo.present.view import build_view

    pres = present(build_view("Shanghai", "Long Beach"), lang="zh")
    text = export_segments_csv(pres, tmp_path / "zh.csv").read_text(encoding="utf-8-sig")
    comments = [line for line in text.splitlines() if line.startswith("#")]
    import pandas as pd

    body = pd.read_csv(tmp_path / "zh.csv", comment="#", encoding="utf-8-sig")
    assert set(body["route"]) == {"上海 → 长滩"}
    assert "北美排放控制区" in set(body["name"])
    assert not any("Emission Control Area" in str(r) for r in body["rules"])
    assert any(line.startswith('# distance,"海上距离：') for line in comments), comments
    assert set(body["zone"]) >= {"north_american_eca"}  # ids stay as they are
