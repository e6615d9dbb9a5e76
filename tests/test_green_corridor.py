"""The speed trade-off and the corridor's progress on the presentation model: the trade-off
model and chart, the two optional slides, the snapshot ``slide`` option and ``--slide``, the
measures in place on the map, and their data file."""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from geo.errors import DataError, ExportError, InvalidSpeedError
from geo.facts import measures as measures_mod
from geo.i18n import translator
from geo.jobs import snapshot
from geo.present.model import LanePresentation, present
from geo.present.progress import markdown_line, timeline
from geo.present.text import esc
from geo.present.tradeoff import TTW_ONLY, markdown_caption, speed_tradeoff
from geo.present.view import LaneView, build_view
from geo.render.charts import tradeoff_chart
from geo.render.folium import mapping
from geo.render.folium.measures import popup_html, tooltip_html
from geo.render.static.timeline import render_timeline_static
from geo.render.static.tradeoff import render_tradeoff_static
from tests.cli_helpers import run_main

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def view() -> LaneView:
    return build_view("Shanghai", "San Pedro Bay", speed_kn=18.5)


@pytest.fixture(scope="module")
def pres(view: LaneView) -> LanePresentation:
    return present(view)


@pytest.fixture(scope="module")
def lng_pres() -> LanePresentation:
    return present(build_view("Shanghai", "Los Angeles", fuel="lng", speed_kn=14))


# ----------------------------------------------------------------------------- trade-off model


def test_tradeoff_rows_days_fall_and_co2_rises_with_speed(pres: LanePresentation) -> None:
    t = speed_tradeoff(pres.view)
    speeds = [r.speed_kn for r in t.rows]
    assert speeds == sorted(speeds) and speeds[0] == 10 and speeds[-1] == 24
    assert 18.5 in speeds and len(speeds) == 16  # 10…24 plus the chosen speed
    for slow, fast in zip(t.rows, t.rows[1:]):
        assert fast.days < slow.days
        assert fast.co2_ttw_t > slow.co2_ttw_t
        assert fast.fuel_t > slow.fuel_t
        assert fast.co2e_wtw_t is not None and slow.co2e_wtw_t is not None
        assert fast.co2e_wtw_t > slow.co2e_wtw_t
    assert t.units["co2_ttw_t"] == "t CO₂" and t.units["days"] == "days"


def test_tradeoff_marks_the_chosen_speed_with_the_pages_figure(pres: LanePresentation) -> None:
    t = speed_tradeoff(pres.view)
    assert [r.speed_kn for r in t.rows if r.current] == [18.5]
    assert t.current().co2_ttw_t == pytest.approx(pres.view.emissions().co2_ttw_t, abs=0.1)
    assert "18.5 kn (chosen)" in [row["Speed"] for row in t.table_rows()]
    assert t.wtw_available and TTW_ONLY not in t.scope_note
    names = [s.title for s in t.sources]
    assert any("Notteboom" in n for n in names) and any("MEPC.364" in n for n in names)


def test_tradeoff_without_wtw_says_tank_to_wake_only(lng_pres: LanePresentation) -> None:
    t = speed_tradeoff(lng_pres.view)
    assert not t.wtw_available
    assert all(r.co2e_wtw_t is None for r in t.rows)
    assert TTW_ONLY in t.scope_note and TTW_ONLY in t.assumptions
    assert {row["CO₂e well-to-wake"] for row in t.table_rows()} == {"—"}
    spec = str(tradeoff_chart(t).to_dict())
    assert TTW_ONLY in spec and "well-to-wake (t)" not in spec


@pytest.mark.parametrize(
    ("origin", "dest", "lang", "title", "measured"),
    [
        ("CNSHA", "SAN-PEDRO-BAY", "en", "Shanghai → San Pedro Bay", "Shanghai → Los Angeles"),
        ("CNSHA", "SAN-PEDRO-BAY", "zh", "上海 → 洛杉矶／长滩", "上海 → 洛杉矶"),
        ("CNSHA", "USLGB", "zh", "上海 → 长滩", None),
        ("CNSHA", "USOAK", "en", "Shanghai → Oakland", None),
    ],
)
def test_tradeoff_title_names_the_lane_asked_for(
    origin: str, dest: str, lang: str, title: str, measured: str | None
) -> None:
    """A San Pedro Bay lane is titled as asked (not by its headline route's port), and the
    subtitle names the route its figures are for; a lane to one port needs no such note."""
    t = speed_tradeoff(build_view(origin, dest), lang=lang)
    assert t.title.endswith(title)
    if measured is None:
        assert "→" not in t.subtitle
    else:
        assert measured in t.subtitle
        assert measured in t.slide_subtitle


def test_tradeoff_rejects_a_bad_speed(view: LaneView) -> None:
    with pytest.raises(InvalidSpeedError, match="-3"):
        speed_tradeoff(view, speeds=[10, -3])


def test_tradeoff_chart_is_offline_vega_lite(pres: LanePresentation) -> None:
    t = speed_tradeoff(pres.view)
    spec = tradeoff_chart(t).to_dict()
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    assert len(spec["hconcat"]) == 2
    text = str(spec)
    assert "'url':" not in text  # data inline: nothing fetched
    assert "Speed trade-off: Shanghai → San Pedro Bay" in text  # the lane asked for
    assert "figures for Shanghai → Los Angeles" in text  # and the route measured
    chosen = [v for v in spec["hconcat"][0]["layer"][0]["data"]["values"]]
    assert chosen == [{"speed_kn": 18.5}]
    caption = markdown_caption(t)
    assert "Not for navigation" in caption and "](https://" in caption
    assert caption.count("project assumption") <= 1
    # a speed reads as typed (18.5, 18), not d3's default 6 digits (18.0000)
    assert "'format': '~g'" in text and "'format': 'g'" not in text


def test_the_chinese_tradeoff_caption_lists_sources_with_one_separator(
    pres: LanePresentation,
) -> None:
    caption = markdown_caption(speed_tradeoff(pres.view, lang="zh"))
    cited = caption.split("资料来源：", 1)[1]
    assert "；" in cited and "; " not in cited, cited


# ----------------------------------------------------------------------------- slides


def _svg_texts(data: bytes) -> str:
    root = ET.fromstring(data)
    return " ".join("".join(el.itertext()) for el in root.iter(f"{SVG}text"))


def _no_glyph_warnings(make: object) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)  # "Glyph … missing from font(s)"
        return make()  # type: ignore[operator,no-any-return]


def test_tradeoff_slide_svg_keeps_its_text(pres: LanePresentation) -> None:
    data = _no_glyph_warnings(lambda: render_tradeoff_static(pres, "svg"))
    assert isinstance(data, bytes)
    texts = _svg_texts(data)
    assert "Speed trade-off: Shanghai → San Pedro Bay" in texts
    assert "Days at sea" in texts and "CO₂ per voyage (t)" in texts
    assert "18.5 kn · 12.9 days" in texts
    assert "Not for navigation." in texts and "Sources:" in texts
    assert "CO₂e well-to-wake" in texts


def test_tradeoff_slide_without_wtw_says_so(lng_pres: LanePresentation) -> None:
    texts = _svg_texts(render_tradeoff_static(lng_pres, ".svg"))  # type: ignore[arg-type]
    assert f"CO₂ per voyage (t), {TTW_ONLY}" in texts


def test_timeline_slide_svg_has_every_milestone_with_its_source(
    pres: LanePresentation,
) -> None:
    data = _no_glyph_warnings(lambda: render_timeline_static(pres, "svg"))
    root = ET.fromstring(data)
    texts = _svg_texts(data)
    entries = timeline()
    assert "The corridor's progress" in texts and "Not for navigation." in texts
    assert "Jan 2022 → 2025 → 2030 target" in texts
    for e in entries:
        assert e.when in texts and e.source_short in texts
    assert sum(1 for e in entries if not e.done) >= 2
    groups = {g.get("id") for g in root.iter(f"{SVG}g")}
    assert {"timeline-when", "timeline-event", "timeline-source"} <= groups


def test_slides_write_files_and_reject_bad_formats(pres: LanePresentation, tmp_path: Path) -> None:
    out = render_timeline_static(pres, tmp_path / "t.png", width_px=1280, height_px=720)
    assert out == tmp_path / "t.png" and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(ExportError, match="docx"):
        render_tradeoff_static(pres, tmp_path / "t.docx")
    with pytest.raises(ExportError, match="width"):
        render_tradeoff_static(pres, "png", width_px=10)


# ----------------------------------------------------------------------------- snapshot, CLI


@pytest.mark.parametrize("slide", ["tradeoff", "timeline"])
def test_snapshot_slide_option(pres: LanePresentation, slide: str) -> None:
    result = snapshot.render_bytes(pres, "svg", size=(1280, 720), slide=slide)
    assert result.renderer == "static" and result.filename.endswith(f"-{slide}.svg")
    texts = _svg_texts(result.data or b"")
    assert ("Speed trade-off" in texts) == (slide == "tradeoff")
    assert ("The corridor's progress" in texts) == (slide == "timeline")


def test_snapshot_slide_option_defaults_to_the_lane_and_checks_values(
    pres: LanePresentation, tmp_path: Path
) -> None:
    lane = snapshot.render_bytes(pres, "svg", size=(1280, 720))
    assert "Speed trade-off" not in _svg_texts(lane.data or b"")
    assert not lane.filename.endswith(("-tradeoff.svg", "-timeline.svg"))
    with pytest.raises(ExportError, match=r"'slides'.*lane, tradeoff, timeline"):
        snapshot.render(pres, tmp_path / "x.svg", slide="slides")
    with pytest.raises(ExportError, match="HTML"):
        snapshot.render(pres, tmp_path / "x.html", slide="timeline")
    assert not list(tmp_path.iterdir())


def test_cli_slide(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "progress.svg"
    code, stdout, _ = run_main(
        ["snapshot", "Shanghai", "Los Angeles", "--out", str(out), "--slide", "timeline"], capsys
    )
    assert code == 0 and "static" in stdout
    assert "The corridor's progress" in _svg_texts(out.read_bytes())
    code, _, err = run_main(
        ["snapshot", "Shanghai", "Los Angeles", "--out", str(out), "--slide", "bogus"], capsys
    )
    assert code == 2 and len(err.strip().splitlines()) == 1 and "'bogus'" in err


# ----------------------------------------------------------------------------- measures


def test_measures_on_the_model_only_at_the_views_ports(pres: LanePresentation) -> None:
    ports = {m.port for m in pres.measures}
    assert ports == {"CNSHA", "USLAX", "USLGB"}
    labels = {(m.port, m.label) for m in pres.measures}
    assert ("CNSHA", "Green-methanol bunkering") in labels
    assert all(m.source and m.year and m.when for m in pres.measures)
    other = present(build_view("Singapore", "Rotterdam"))
    assert other.measures == ()


def test_measures_on_the_map_are_escaped(pres: LanePresentation) -> None:
    html = mapping.full_map(pres).get_root().render()
    assert html.count('class=\\"corridor-measure\\"') == 3  # one badge per port
    assert "blueeconomynews.earth" in html and "1 Jan 2023" in html
    hostile = [
        m.__class__(**{**m.__dict__, "port_name": "<b>`${x}`</b>", "description": "a<script>"})
        for m in pres.measures[:1]
    ]
    tip, pop = tooltip_html(hostile), popup_html(hostile)
    for out in (tip, pop):
        assert "<b>`" not in out and "${" not in out and "<script>" not in out
    assert esc("<b>`${x}`</b>") in tip
    assert markdown_line(hostile[0]).count("\\<b\\>") == 1


def test_measures_loader_rejects_a_row_without_source(tmp_path: Path) -> None:
    header = "measure,port,lon,lat,date,date_precision,description,source,source_url,year"
    row = "shore_power,USLAX,-118.2625,33.730,2025,year,Shore power,,,2025"
    (tmp_path / measures_mod.MEASURES_FILE).write_text(f"{header}\n{row}\n", encoding="utf-8")
    with pytest.raises(DataError, match="row 1: missing 'source'"):
        measures_mod.measures(data_dir=tmp_path)
    bad = row.replace(",,,", ",CARB,,").replace("shore_power", "wind_sails")
    (tmp_path / measures_mod.MEASURES_FILE).write_text(f"{header}\n{bad}\n", encoding="utf-8")
    measures_mod.clear_cache()
    with pytest.raises(DataError, match="'wind_sails' is not one of shore_power"):
        measures_mod.measures(data_dir=tmp_path)
    measures_mod.clear_cache()


def test_a_timeline_line_has_one_bullet_and_the_languages_dash() -> None:
    for tr, dash in ((translator("en"), " — "), (translator("zh"), "——")):
        for entry in timeline():
            line = markdown_line(entry, tr)
            assert line[0] in "●○" and not line.startswith("- "), line  # ● is the bullet
            assert dash in line, line
    zh = markdown_line(timeline()[0], translator("zh"))
    assert " — " not in zh  # not the English spaced dash
