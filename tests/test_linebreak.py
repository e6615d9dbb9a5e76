"""Slide text breaks into lines only where it may (issue 11): never inside a number with its
unit, inside a unit, or inside a Chinese name; never before a closing mark."""

from __future__ import annotations

import re

import pytest
from matplotlib.text import Text

from geo.present.model import present
from geo.present.text import keep_units
from geo.present.tradeoff import markdown_caption, speed_tradeoff
from geo.present.view import build_view
from geo.render.static.linebreak import NO_LINE_START, pieces, wrap_lines
from geo.render.static.tradeoff import build_tradeoff_figure

ZH = (
    "{scope}日耗油量按航速三次方规律、经有出处的参考点推算（8,000 TEU 船：24 节时约 225 吨/天，"
    "21 节时约 150 吨/天），远低于上述航速时属外推；经洛杉矶／长滩进港水域前往洛杉矶／长滩，"
    "64.8 克/TEU·公里 · 约1020万标准箱（2025年） · 5,731 海里；Natural Earth 1:110m 国家边界"
)
EN = "Fuel per day (8,000 TEU: ≈ 225 t/day at 24 kn, ≈ 150 t/day at 21 kn), 5,731 nm at sea"
WHOLE_ZH = (
    "约 150 吨/天",
    "约 225 吨/天",
    "24 节",
    "8,000 TEU",
    "洛杉矶／长滩",
    "洛杉矶／长滩进港水域",
    "64.8 克/TEU·公里",
    "约1020万标准箱",
    "5,731 海里",
    "1:110m",  # a scale: "Natural Earth 1:" and "110m" on two lines read as two things
)
WHOLE_EN = ("≈ 150 t/day", "≈ 225 t/day", "24 kn", "21 kn", "5,731 nm", "8,000 TEU:")


def test_pieces_keep_numbers_units_and_names_whole() -> None:
    got = pieces(ZH)
    assert "约 150 吨/天），" in got  # closing marks stay with the piece before them
    assert "洛杉矶／长滩进港水域" in got and "洛杉矶／长滩，" in got
    assert "64.8 克/TEU·公里" in got
    assert "".join(got) == ZH


@pytest.mark.parametrize("width", range(8, 80, 3))
@pytest.mark.parametrize(("text", "whole"), [(ZH, WHOLE_ZH), (EN, WHOLE_EN)])
def test_lines_break_only_between_pieces(text: str, whole: tuple[str, ...], width: int) -> None:
    lines = wrap_lines(text, width, force=False)
    flat = "\n".join(lines)
    for word in whole:
        assert word in flat, (width, word, lines)
    for line in lines[1:]:
        assert line[0] not in NO_LINE_START, (width, lines)
    # nothing lost but the spaces at the breaks
    assert re.sub(r"\s", "", flat) == re.sub(r"\s", "", text)


@pytest.mark.parametrize("width", range(7, 13))
def test_a_short_bracketed_aside_is_not_split(width: int) -> None:
    lines = wrap_lines("2025年目标（期限已过）", width, force=False)
    assert lines == ["2025年目标", "（期限已过）"]  # the break falls before the bracket
    assert wrap_lines("提议（2026年）", 4, force=False) == ["提议", "（2026年）"]


def test_a_long_aside_still_breaks_inside() -> None:
    text = "第一份年度进展报告（北外滩国际航运论坛与上海市交通委员会）"
    got = pieces(text)
    assert "（北" in got and "会）" in got and "".join(got) == text
    assert len(wrap_lines(text, 12, force=False)) == 3


def test_forced_wrap_may_cut_a_piece_longer_than_a_line() -> None:
    lines = wrap_lines("洛杉矶／长滩进港水域", 4, force=True)
    assert lines == ["洛杉矶／", "长滩进港", "水域"]
    assert wrap_lines("洛杉矶／长滩进港水域", 4, force=False) == ["洛杉矶／长滩进港水域"]


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720), (1080, 1350), (800, 600)])
def test_the_tradeoff_footnote_keeps_150_tonnes_a_day_together(size: tuple[int, int]) -> None:
    pres = present(build_view("Shanghai", "San Pedro Bay", as_of="2026-11-26"), lang="zh")
    fig, _ = build_tradeoff_figure(pres, width_px=size[0], height_px=size[1])
    note = next(t for t in fig.findobj(Text) if "吨/天" in t.get_text())
    lines = note.get_text().split("\n")
    assert any("约150吨/天" in line for line in lines), lines  # Chinese style: no spaces
    assert any("约225吨/天" in line for line in lines), lines


def test_page_text_keeps_numbers_with_their_units() -> None:
    """On the page the browser breaks lines: a no-break space and a word joiner keep
    "约 150 吨/天" and "≈ 150 t/day" whole (measured in Chromium: without them it broke
    "150 | 吨/天" and "吨/ | 天")."""
    got = keep_units("21 节时约 150 吨/天），≈ 150 t/day at 21 kn; 5,731 海里")
    assert "约\u00a0150\u00a0吨/\u2060天）" in got
    assert "≈\u00a0150\u00a0t/\u2060day at 21\u00a0kn" in got
    assert "5,731\u00a0海里" in got
    # Chinese style sets no space: a word joiner holds number and unit
    got = keep_units("21节时约150吨/天），5,731海里，13.3天，约1020万标准箱")
    assert "21\u2060节" in got and "约150\u2060吨/\u2060天）" in got
    assert "5,731\u2060海里" in got and "13.3\u2060天" in got and "约1020\u2060万标准箱" in got
    assert keep_units("Port of Los Angeles") == "Port of Los Angeles"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_pages_tradeoff_caption_keeps_150_tonnes_a_day_whole(lang: str) -> None:
    view = build_view("Shanghai", "San Pedro Bay", as_of="2026-11-26")
    caption = markdown_caption(speed_tradeoff(view, lang=lang))
    whole = "约150\u2060吨/\u2060天" if lang == "zh" else "≈\u00a0150\u00a0t/\u2060day"
    assert whole in caption


def test_tonnes_of_co2_equivalent_stay_with_their_number() -> None:
    """A fresh-user trial saw "…4,194吨二氧化碳当" / "量" on a 1280×720 slide."""
    got = pieces("64.8克/标准箱·公里 · 油井到航迹4,194吨二氧化碳当量")
    assert "4,194吨二氧化碳当量" in got
    assert "3,853吨二氧化碳" in pieces("每航次3,853吨二氧化碳")
    for width in range(8, 30):
        lines = wrap_lines("油井到航迹4,194吨二氧化碳当量", width, False)
        assert not any(line.strip() in ("量", "当量") for line in lines), (width, lines)
