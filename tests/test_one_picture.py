"""One lane, one picture: every output states the same figures and cites the same sources.

For a few lanes, each output is rendered and its text read back: the page (AppTest), the
browser slide page, the static SVG, the standalone HTML map, the GeoJSON metadata, the
GeoPackage metadata table, the CSV header and the command line's text and JSON. Each must
show the presentation model's distance, days and trade figure, and cite its sources.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pyogrio
import pytest
from streamlit.testing.v1 import AppTest

from geo.export import writers as export
from geo.present.model import LanePresentation, present
from geo.present.view import build_view
from geo.render import static as static_render
from geo.render.browser import snapshot_page_html
from geo.render.folium import mapping
from tests.cli_helpers import run_main

APP = str(Path(__file__).resolve().parents[1] / "app.py")
AS_OF = "2026-11-26"

LANES = [
    pytest.param(("CNSHA", "SAN-PEDRO-BAY", ""), id="shanghai-san-pedro-bay"),
    pytest.param(("CNSHA", "NLRTM", "suez"), id="shanghai-rotterdam-no-suez"),
    pytest.param(("KRPUS", "USSEA", ""), id="busan-seattle"),
]


def _norm(text: str) -> str:
    """Whitespace (incl. no-break spaces) collapsed, HTML entities decoded."""
    return " ".join(html.unescape(text).replace("\u00a0", " ").split())


def _strings(obj: object) -> list[str]:
    """Every string inside a JSON-like object."""
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in _strings(v)]
    return []


def _figures(pres: LanePresentation) -> list[str]:
    return [pres.metric(key).value for key in ("distance", "time", "trade", "co2")]


def _assert_shows(text: str, pres: LanePresentation, what: str, *, full_sources: bool) -> None:
    flat = _norm(text)
    for value in _figures(pres):
        assert _norm(value) in flat, f"{what} lacks {value!r}"
    for source in pres.sources:
        name = source.title if full_sources else source.short
        assert _norm(name) in flat, f"{what} does not cite {name!r}"


@pytest.fixture(scope="module", params=LANES)
def pres(request: pytest.FixtureRequest) -> LanePresentation:
    origin, dest, avoid = request.param
    return present(build_view(origin, dest, avoid=avoid, as_of=AS_OF))


def test_the_browser_slide_page_shows_the_figures_and_sources(pres: LanePresentation) -> None:
    page = snapshot_page_html(pres, width_px=1920, height_px=1080, scale=1.0)
    body = re.sub(r"<script\b.*?</script>", " ", page, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", body)
    _assert_shows(text, pres, "browser slide", full_sources=False)
    assert _norm(pres.passages_text()) in _norm(text)


def test_the_static_svg_shows_the_figures_and_sources_as_text(pres: LanePresentation) -> None:
    svg = static_render.render_static_bytes(pres, "svg", width_px=1920, height_px=1080)
    root = ET.fromstring(svg)
    text = " ".join(t for t in root.itertext())
    _assert_shows(text, pres, "static SVG", full_sources=False)
    assert _norm(pres.passages_text()) in _norm(text)


def test_the_standalone_map_shows_the_figures_and_sources(pres: LanePresentation) -> None:
    page = mapping.standalone_html(pres)
    # the figures box is HTML inside a JavaScript string: undo the JSON \\u escapes first
    page = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), page)
    _assert_shows(re.sub(r"<[^>]+>", " ", page), pres, "standalone HTML", full_sources=False)


def test_the_data_exports_carry_the_same_metadata(pres: LanePresentation, tmp_path: Path) -> None:
    meta = export.geojson_dict(pres)["metadata"]
    _assert_shows(" ".join(_strings(meta)), pres, "GeoJSON", full_sources=True)
    assert [s["source"] for s in meta["sources"]] == [s.title for s in pres.sources]

    gpkg = export.export_gpkg(pres, tmp_path / "lane.gpkg")
    table = pyogrio.read_dataframe(gpkg, layer="lane_metadata")
    _assert_shows(" ".join(table["value"]), pres, "GeoPackage", full_sources=True)

    path = export.export_segments_csv(pres, tmp_path / "lane.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with a byte-order mark
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header = " ".join(row[1] for row in rows if row and row[0].startswith("#"))
    _assert_shows(header, pres, "CSV", full_sources=True)


def test_the_command_line_states_the_same_figures(
    pres: LanePresentation, capsys: pytest.CaptureFixture[str]
) -> None:
    view = pres.view
    args = ["route", view.origin.locode or view.origin.id, view.destination.locode or "SPB"]
    if view.destination.members:
        args[2] = "San Pedro Bay"
    if view.avoid:
        args += ["--avoid", ",".join(view.avoid)]
    code, out, err = run_main([*args, "--format", "json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["figures"] == {m.key: m.text() for m in pres.metrics}
    assert data["distance_nm"] == pytest.approx(view.main.distance_nm, abs=0.05)
    assert [s["source"] for s in data["sources"]] == [s.title for s in pres.sources]
    code, out, err = run_main(args, capsys)
    assert code == 0, err
    _assert_shows(out, pres, "CLI text", full_sources=False)


def test_the_page_shows_the_same_metric_cards(pres: LanePresentation) -> None:
    view = pres.view
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["origin"] = view.origin.id
    at.query_params["dest"] = view.destination.id
    if view.avoid:
        at.query_params["avoid"] = ",".join(view.avoid)
    at.run()
    assert not at.exception, at.exception
    shown = {m.label: m.value for m in at.metric}
    assert shown == {m.label: m.value for m in pres.metrics}
