"""English and 中文: catalogues, names, numbers, the model, the CLI and the static slide."""

from __future__ import annotations

import csv
import re
import warnings
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from geo.catalogue import names
from geo.catalogue import ports as _ports
from geo.errors import UnknownLanguageError
from geo.i18n import LOCALE_DIR, check_lang, po_path, translator
from geo.present.localnames import place_names
from geo.present.model import present
from geo.present.view import build_view
from geo.render.static import render_static
from geo.render.static.layout import _wrap
from geo.routing import engine as routing
from geo.settings import DATA_DIR
from tests.cli_helpers import run_main

AS_OF = "2026-11-26"


@pytest.fixture(scope="module")
def zh_pres():  # type: ignore[no-untyped-def]
    return present(build_view("上海", "圣佩德罗湾", as_of=AS_OF), lang="zh")


def test_every_message_of_the_template_has_a_chinese_translation() -> None:
    with (LOCALE_DIR / "geo.pot").open("rb") as fh:
        template = {m.id for m in read_po(fh) if m.id}
    with po_path("zh").open("rb") as fh:
        zh = {m.id: m.string for m in read_po(fh) if m.id}
    assert template, "the .pot is empty"
    assert set(zh) == template
    assert [mid for mid, text in zh.items() if not text] == []


def test_every_zh_name_key_has_both_languages_and_matches_the_english_data() -> None:
    for code, zh in names.chinese_names().items():
        assert _ports.get(code).name == zh.name_en and zh.name and zh.source and zh.year
    with (DATA_DIR / "zone_rules.csv").open(encoding="utf-8") as fh:
        zones = list(csv.DictReader(fh))
    with (DATA_DIR / "seas.csv").open(encoding="utf-8") as fh:
        seas = {row["name"] for row in csv.DictReader(fh)}
    table = place_names()
    english = {
        **{("zone", z["zone_id"]): z["zone_name"] for z in zones},
        **{("passage", k): v for k, v in routing.PASSAGE_LABELS.items()},
        **{("sea", s): s for s in seas},
    }
    for key, name_en in english.items():
        assert key in table, f"no Chinese name for {key}"
        assert table[key][0] == name_en
    assert {("regime", z["kind"]) for z in zones} <= set(table)
    assert all(zh for _, zh in table.values())


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("上海", "CNSHA"),
        ("长滩", "USLGB"),
        ("洛杉矶港", "USLAX"),
        ("洋山", "CNSHA-YANGSHAN"),
        ("圣佩德罗湾", "SAN-PEDRO-BAY"),
        ("宁波舟山", "CNNGB"),
        ("釜山", "KRPUS"),
    ],
)
def test_chinese_names_resolve(typed: str, code: str) -> None:
    assert _ports.resolve(typed).id == code


def test_numbers_money_and_dates_in_chinese() -> None:
    zh, en = translator("zh"), translator("en")
    assert zh.number(5730.8) == "5,731" == en.number(5730.8)
    assert zh.count(300_000_000_000) == "3000亿"
    assert zh.count(1_300_000) == "130万"
    assert zh.date("2026-11-26") == "2026年11月26日"
    assert en.date("2026-11-26") == "26 Nov 2026"
    assert zh("Not for navigation.") == "不可用于航海。"
    assert check_lang("zh-CN") == "zh"
    with pytest.raises(UnknownLanguageError, match=r"'fr'.*en, zh"):
        translator("fr")


def test_the_model_speaks_chinese_and_keeps_source_titles(zh_pres) -> None:  # type: ignore[no-untyped-def]
    en_pres = present(zh_pres.view)
    assert zh_pres.title == "上海 → 洛杉矶／长滩"
    assert en_pres.title == "Shanghai → San Pedro Bay"
    assert "数据截至2026年11月26日" in zh_pres.subtitle
    labels = [m.label for m in zh_pres.metrics]
    assert labels == ["海上距离", "航行时间", "与大圆航线之比", "每航次二氧化碳排放", "航线贸易额"]
    assert zh_pres.metric("distance").value.endswith("海里")
    assert zh_pres.metric("trade").value == "逾3000亿美元"
    assert zh_pres.assumptions.endswith("不可用于航海。")
    assert zh_pres.footer_sources().startswith("资料来源：")
    published = [(z.title, e.title) for z, e in zip(zh_pres.sources, en_pres.sources)]
    assert len(zh_pres.sources) == len(en_pres.sources)
    # published titles stay; only the project's own words ("project assumption", the
    # searoute and Natural Earth data it bundles, "as reported by") are worded in Chinese
    own = ("project assumption", "searoute (maritime network", "Natural Earth 1:110m Admin 0")
    latin = re.compile(r"[A-Za-z]+")
    assert all(set(latin.findall(z)) <= set(latin.findall(e)) for z, e in published)
    assert all(z != e for z, e in published if e.startswith(own) or "as reported by" in e)
    seed = "Port of Los Angeles annual address, as reported by China Daily (2026)"
    assert ("洛杉矶港年度港务报告，转引自China Daily（2026年）", seed) in published
    assert "北美排放控制区" in [item.label for item in zh_pres.legend]


def test_route_text_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_main(["route", "上海", "长滩"], capsys)
    assert code == 0 and out.startswith("Shanghai (CNSHA) → Long Beach (USLGB)")
    code, out, _ = run_main(["route", "上海", "长滩", "--lang", "zh"], capsys)
    assert code == 0 and out.startswith("上海（CNSHA） → 长滩（USLGB）")
    assert "海里" in out and "航行时间" in out and "不可用于航海。" in out
    assert "海里（" in out  # a Chinese note in full-width brackets
    assert not re.search(r"[\u4e00-\u9fff] ?\(", out), out  # no half-width bracket after 汉字
    code, _, err = run_main(["route", "上海", "长滩", "--lang", "fr"], capsys)
    assert code == 2 and "'fr'" in err


def test_chinese_wraps_by_characters_never_before_a_comma() -> None:
    text = (
        "航速18节，不含在港时间；二氧化碳排放按本项目航次模型估算，"
        "距离为大地线距离，区域范围为近似。"
    )
    lines = _wrap(text, 12, force=False)
    assert len(lines) > 2 and "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert not any(line[0] in "，。；" for line in lines)


def test_chinese_slide_draws_every_glyph_and_svg_keeps_text(zh_pres, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for ext in ("png", "svg", "pdf"):
            render_static(zh_pres, tmp_path / f"slide.{ext}")
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert missing == []
    svg = (tmp_path / "slide.svg").read_text(encoding="utf-8")
    assert "上海 → 洛杉矶／长滩" in svg and "Noto Sans CJK SC" in svg
    assert (tmp_path / "slide.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "slide.pdf").stat().st_size > 10_000


def test_the_chinese_trade_off_and_progress_slides_have_chinese_footers(zh_pres) -> None:  # type: ignore[no-untyped-def]
    from geo.render.static.timeline import build_timeline_figure
    from geo.render.static.tradeoff import build_tradeoff_figure

    fig, t = build_tradeoff_figure(zh_pres, width_px=1280, height_px=720)
    texts = {str(x.get_gid()): x.get_text() for x in fig.texts if x.get_gid()}
    footer = texts["footer-assumptions"]
    assert "日耗油量以有据可查的参考点为基准、按航速三次方关系换算" in footer
    assert footer.endswith("不可用于航海。")
    assert "Fuel per day" not in footer and "Not for navigation" not in footer
    assert texts["footer-sources"].startswith("资料来源：")
    assert t.title.startswith("航速与排放权衡：上海") and "海上航程" in t.slide_subtitle
    fig = build_timeline_figure(zh_pres, width_px=1280, height_px=720)
    shown = " ".join(x.get_text() for x in fig.texts)
    assert "长滩港加入走廊" in shown and "Port of Long Beach joins" not in shown
    assert "Target" not in shown and "Source:" not in shown


def test_errors_are_worded_in_chinese_at_the_edge_and_english_is_unchanged() -> None:
    from geo.errors import SameEndpointsError, UnknownPortError
    from geo.present.errtext import error_text

    zh = translator("zh")
    exc = UnknownPortError("Atlantis", ["Atlanta"])
    assert error_text(exc) == str(exc)
    assert error_text(exc, zh).startswith("未知港口“Atlantis”：") and "Atlanta" in error_text(
        exc, zh
    )
    same = SameEndpointsError("origin and destination are the same place (CNSHA)")
    assert "同一地点" in error_text(same, zh)


def test_the_ship_reads_as_chinese_without_stray_spaces(zh_pres) -> None:  # type: ignore[no-untyped-def]
    import re

    text = zh_pres.assumptions
    assert "燃料为超低硫燃料油（VLSFO，硫含量0.50%）；排放控制区内使用船用轻柴油（MGO" in text
    assert re.findall(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", text) == []
