"""Chinese as a Chinese author sets it (issue 11): one notation per range with its unit once,
coordinates as 北纬/东经, no internal id in what a reader sees, and a catalogue with no
space between 汉字 and numbers, one word per idea."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from geo.catalogue import ports
from geo.catalogue.coords import coord_name
from geo.errors import AmbiguousPortError
from geo.i18n import po_path, translator
from geo.present.choices import ship_size_labels
from geo.present.errtext import error_text
from geo.present.localnames import port_id_name, port_name
from geo.present.model import present
from geo.present.portlabels import describe_id, picker_labels, shown_label
from geo.present.urlstate import parse_state
from geo.present.view import build_view
from geo.voyage.validate import InvalidShipSizeError

ZH = translator("zh")
EN = translator("en")
#: an amount in 万/亿 notation, and one written in full
_WAN_YI = re.compile(r"\d万|\d亿")
_FULL = re.compile(r"\d,\d{3}|\b\d{4}\b")


def _one_notation(parts: list[str]) -> bool:
    wan = [bool(_WAN_YI.search(p)) for p in parts]
    return all(wan) or not any(wan)


# --- ranges ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "zh", "en"),
    [
        (5_000, 20_000, "5,000～20,000", "5,000 to 20,000"),
        (20_000, 50_000, "2万～5万", "20,000 to 50,000"),
        (3e8, 1.25e9, "3亿～12.5亿", "300,000,000 to 1,250,000,000"),
        (0, 9_999, "0～9,999", "0 to 9,999"),
    ],
)
def test_a_range_has_one_notation(low: float, high: float, zh: str, en: str) -> None:
    assert ZH.span(low, high) == zh
    assert EN.span(low, high) == en


def test_the_ship_size_refusal_gives_one_notation_and_the_unit_once() -> None:
    text = error_text(InvalidShipSizeError("ship size 3 TEU is not accepted"), ZH)
    assert "5,000～20,000标准箱" in text, text
    assert "万" not in text and "至" not in text and text.count("标准箱") == 2, text
    classes = re.search(r"常见船型：([^）]*)标准箱", text)
    assert classes and _one_notation(classes.group(1).split("、")), text
    assert error_text(InvalidShipSizeError("x"), EN) == "x"  # English: the message as raised


def test_the_ship_size_picker_lists_sizes_in_one_notation() -> None:
    zh = ship_size_labels([5_000, 8_000, 14_000, 20_000], ZH)
    assert zh[5_000].startswith("5,000标准箱") and zh[20_000].startswith("20,000标准箱")
    assert _one_notation(list(zh.values()))
    assert ship_size_labels([8_000], EN) == {8_000: "8,000 TEU"}


@pytest.mark.parametrize(
    ("params", "needle"),
    [({"speed": "999"}, "请给出0.5～40节之间的航速；现显示18节")],
)
def test_speed_ranges_in_chinese_read_low_to_high_with_the_unit_once(
    params: dict[str, str], needle: str
) -> None:
    _, warnings = parse_state(params, ZH)
    assert any(needle in w for w in warnings), warnings


def test_every_range_in_the_catalogue_uses_one_mark_and_the_unit_once() -> None:
    with po_path("zh").open("rb") as fh:
        catalog = read_po(fh)
    for m in catalog:
        text = str(m.string)
        if "{low}" in text and "{high}" in text:
            assert "{low}～{high}" in text, (m.id, text)
        assert not re.search(r"\{low\}\S*\s*(至|–|-)\s*\{high\}", text), (m.id, text)
        assert not re.search(r"\d\s*至\s*\d", text), (m.id, text)


# --- coordinates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lon", "lat", "zh"),
    [
        (117.0, 32.0, "北纬32°、东经117°"),
        (-118.2437, 33.7361, "北纬33.736°、西经118.244°"),
        (151.2, -33.85, "南纬33.85°、东经151.2°"),
        (0.0, 25.0, "北纬25°、东经0°"),
    ],
)
def test_a_point_reads_with_hemisphere_words_in_chinese(lon: float, lat: float, zh: str) -> None:
    assert coord_name(lon, lat, "zh") == zh
    assert coord_name(117.0, 32.0) == "32.000°N 117.000°E"  # English as before


def test_a_point_a_user_gave_is_named_as_a_place_everywhere() -> None:
    point = ports.resolve("117,32")
    assert port_name(point, "zh") == "北纬32°、东经117°"
    assert port_id_name("117,32", "117,32", "zh") == "北纬32°、东经117°"  # map labels, slides
    assert ports.describe(point, "zh") == "北纬32°、东经117°"
    assert shown_label("117.0,32.0", "zh") == "北纬32°、东经117°"
    assert port_name(point, "en") == "32.000°N 117.000°E"


def test_the_coordinate_format_a_reader_types_is_worded_in_chinese() -> None:
    with po_path("zh").open("rb") as fh:
        catalog = read_po(fh)
    texts = [str(m.string) for m in catalog if m.id and "lon,lat" in str(m.id)]
    assert texts and all("“经度,纬度”" in t and "lon,lat" not in t for t in texts)


# --- no internal id -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_label_shows_an_internal_id(lang: str) -> None:
    internal = {p.id for p in ports.catalogue() if p.id != (p.locode or "")}
    assert "SAN-PEDRO-BAY" in internal
    ids, labels = picker_labels(lang)
    for port_id in ids:
        for text in (labels[port_id], ports.describe(ports.get(port_id), lang)):
            assert not any(f"({i})" in text or f"（{i}）" in text for i in internal), text
    assert "SAN-PEDRO-BAY" not in describe_id("SAN-PEDRO-BAY", lang)


def test_the_picker_label_in_chinese_has_chinese_punctuation_and_the_locode() -> None:
    _, labels = picker_labels("zh")
    assert labels["CNSHA"] == "上海 Shanghai，中国（CNSHA）"
    assert labels["SAN-PEDRO-BAY"].startswith("洛杉矶／长滩 San Pedro Bay，美国")
    _, english = picker_labels("en")
    assert english["CNSHA"] == "Shanghai, China (CNSHA)"
    assert english["SAN-PEDRO-BAY"] == "San Pedro Bay, United States — Los Angeles + Long Beach"


def test_an_ambiguous_name_lists_a_place_without_locode_by_name_and_country() -> None:
    with pytest.raises(AmbiguousPortError) as info:
        ports.resolve("San Pedro")
    assert "San Pedro Bay, United States" in str(info.value)
    assert "SAN-PEDRO-BAY" not in str(info.value)
    assert ports.resolve("San Pedro Bay, United States").id == "SAN-PEDRO-BAY"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_url_with_the_same_ends_names_the_place_not_its_id(lang: str) -> None:
    _, warnings = parse_state(
        {"origin": "SAN-PEDRO-BAY", "dest": "San Pedro Bay"}, translator(lang)
    )
    (warning,) = warnings
    assert "SAN-PEDRO-BAY" not in warning
    assert ("洛杉矶／长滩" if lang == "zh" else "San Pedro Bay, United States") in warning


# --- the catalogue --------------------------------------------------------------------

#: a number, or a placeholder that is always one (``{value}`` is one only before a unit: a
#: URL's ``{value}`` is what was typed, a Latin text set apart by spaces)
_NUMBERISH = (
    r"(?:\d|\{(?:n|count|total|written|shown|speed|low|high|distance|days|hours|limit|number"
    r"|ratio|most|teu|load|share|first|last|delta|intensity|size|width|height)\})"
)
_UNITS = "天|小时|公里|节|海里|秒|吨|标准箱|倍|个|条|种|项"


def _zh_messages() -> list[tuple[str, str]]:
    with po_path("zh").open("rb") as fh:
        return [(str(m.id), str(m.string)) for m in read_po(fh) if m.id]


def test_no_space_between_chinese_and_a_number() -> None:
    spaced = re.compile(
        rf"[\u4e00-\u9fff] {_NUMBERISH}|{_NUMBERISH} [\u4e00-\u9fff]|\{{value\}} (?:{_UNITS})"
    )
    assert [(mid, text) for mid, text in _zh_messages() if spaced.search(text)] == []


def test_no_space_inside_chinese_nor_around_a_chinese_quote() -> None:
    """汉字 run on (``如甲醇``, not ``如 甲醇``); a quoted value sits between them with no space
    (``未知港口“瓦尔帕莱索”：``)."""
    spaced = re.compile(r"[\u4e00-\u9fff] +[\u4e00-\u9fff“]|” +[\u4e00-\u9fff]")
    assert [(mid, text) for mid, text in _zh_messages() if spaced.search(text)] == []


def test_punctuation_after_chinese_is_full_width_outside_quoted_literals() -> None:
    """``，；：（）`` after or before 汉字; ASCII marks only inside a quoted literal a reader types
    (``“经度,纬度”``, ``“起:止[:步长]”``)."""
    half = re.compile(r"[\u4e00-\u9fff][,;:!?()]|[,;:!?(][\u4e00-\u9fff]")
    found = [
        (mid, text) for mid, text in _zh_messages() if half.search(re.sub(r"“[^”]*”", "", text))
    ]
    assert found == []


def test_one_word_per_idea_in_the_catalogue() -> None:
    texts = "\n".join(text for _, text in _zh_messages())
    for odd in ("罐到尾", "油井到尾", "海上路线", "已落实", "管控区域", "在线瓦片", "TEU 集装箱"):
        assert odd not in texts, odd
    # the voyage model's wording, one way everywhere: 以有据可查的参考点为基准、按航速三次方关系换算
    for odd in (
        "三次方规律",
        "三次方定律",
        "以有出处的参考点",
        "经有出处的参考点",
        "由有出处的参考点",
        "零生命周期",
        "范围为近似。",
    ):
        assert odd not in texts, odd
    assert "监管水域范围为近似" not in texts and "监管水域边界为近似划定" in texts
    assert "（项目假设）" not in texts  # 本项目假设, as the sources list words it
    assert "油箱到航迹" in texts and "油井到航迹" in texts
    assert "{value}标准箱" in texts and "克/标准箱·公里" in texts


# --- sources of the Chinese port names ------------------------------------------------


def test_chinese_port_names_cite_what_was_read_or_say_that_nothing_was() -> None:
    import csv

    from geo.settings import DATA_DIR

    with (DATA_DIR / "port_names_zh.csv").open(encoding="utf-8") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    sf = rows["USSFO"]
    assert not sf["source"].startswith("project translation") and sf["year"] == "2025"
    assert "旧金山" in sf["source"] and "People's Daily" in sf["source"]
    for row in rows.values():  # a gazetteer not read is never cited as the place it is listed
        assert "as listed in" not in row["source"], row["id"]
        assert "page not checked" not in row["source"], row["id"]


def test_the_chinese_source_line_words_the_projects_own_labels_and_uses_chinese_separators() -> (
    None
):
    view = build_view("121.0,31.0", "長灘", as_of="2026-11-26")
    zh, en = present(view, lang="zh").footer_sources(), present(view, lang="en").footer_sources()
    assert "用户输入的坐标" in zh and "维基百科信息框" in zh and "本项目假设" in zh
    assert "user-given coordinates" not in zh and "Wikipedia infobox" not in zh
    assert "; " not in zh
    assert "user-given coordinates" in en and "；" not in en
