"""The map, its web font and the extra slides in Chinese: real names, no English legend, every
glyph in the font, no missing glyph on a slide, SVG keeps the Chinese as text."""

from __future__ import annotations

import io
import re
import warnings

import pytest

from geo.i18n import ENGLISH
from geo.present import compare
from geo.present.localnames import data_text, when_words
from geo.present.model import LanePresentation, present
from geo.present.view import build_view
from geo.render.cjkfont import candidate_files
from geo.render.folium import mapping, popups, webfont
from geo.render.folium.compare import compare_map

AS_OF = "2026-01-15"


@pytest.fixture(scope="module")
def zh() -> LanePresentation:
    return present(build_view("Shanghai", "San Pedro Bay", as_of=AS_OF), lang="zh")


def _unescaped(html: str) -> str:
    # the legend and the figures box sit JSON-encoded in scripts: read their \\uXXXX as text
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), html)


@pytest.fixture(scope="module")
def zh_html(zh: LanePresentation) -> str:
    return _unescaped(mapping.standalone_html(zh))


def test_the_chinese_map_names_ports_legend_and_layers_in_chinese(zh_html: str) -> None:
    for word in ("上海", "洋山深水港", "洛杉矶", "长滩", "远洋水域", "北美排放控制区", "海里"):
        assert word in zh_html, word
    for word in ("监管水域", "港口名称", "分区航段", "港口已实施的措施", "关键数据与来源"):
        assert word in zh_html, word
    for english in (
        "Open ocean",
        "North American ECA",
        "Zones approximate",
        "Port labels",
        "Regulatory zones",
        "Key figures and sources",
        "Container volume",
        "In place at",
        ">Shanghai<",
        ">Long Beach<",
    ):
        assert english not in zh_html, english


def test_the_chinese_map_embeds_its_font_and_the_english_map_has_none(zh_html: str) -> None:
    if not candidate_files("Regular"):
        pytest.fail("no Noto Sans CJK on this machine: `make test` installs it (make fonts)")
    assert re.search(
        r'@font-face \{ font-family: "Lane CJK SC".*?data:font/woff;base64,', zh_html, re.S
    )
    english = mapping.full_map(present(build_view("Shanghai", "San Pedro Bay", as_of=AS_OF)))
    assert "Lane CJK SC" not in english.get_root().render()


def test_english_popups_keep_their_words() -> None:
    assert data_text("rules", "Global fuel sulphur cap", "en") == "Global fuel sulphur cap"
    assert popups.country_name("USLAX", "United States", ENGLISH) == "United States"


def test_the_web_font_has_every_glyph_of_the_catalogue_and_names() -> None:
    font = webfont.subset_font("Regular")
    if font is None:
        pytest.fail("no Noto Sans CJK on this machine: `make test` installs it (make fonts)")
    from fontTools.ttLib import TTFont

    cmap = TTFont(io.BytesIO(font.data)).getBestCmap()
    wanted = [ch for ch in webfont.catalogue_chars() if webfont.drawn_by_subset(ch)]
    missing = [ch for ch in wanted if ord(ch) not in cmap and ch != "\u3000"]
    assert len(wanted) > 300
    assert missing == []
    assert len(font.data) < 400_000  # a subset, not the 19 MB font
    for ch in "上海洛杉矶长滩釜山宁波舟山纽约鹿特丹":
        assert ord(ch) in cmap
    # every country a port's popup may name (CLDR's Chinese names): 厄瓜多尔 lost 厄瓜
    from geo.catalogue.countries import territories

    countries = "".join(territories("zh").values())
    assert [ch for ch in countries if webfont.drawn_by_subset(ch) and ord(ch) not in cmap] == []


def test_dates_of_milestones_in_chinese() -> None:
    assert when_words("9 Jun 2022", "zh") == "2022年6月9日"
    assert when_words("≈22 Sep 2023", "zh") == "2023年9月"  # exact or coarser, never 约…日
    assert when_words("2030 target", "zh") == "2030年目标"
    assert when_words("proposed (2026)", "zh") == "提议（2026年）"
    assert when_words("Jan 2022", "en") == "Jan 2022"


@pytest.mark.parametrize("slide", ["tradeoff", "timeline"])
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_chinese_extra_slides_draw_every_glyph(zh: LanePresentation, slide: str, fmt: str) -> None:
    from geo.render.static.fonts import cjk_font_available
    from geo.render.static.timeline import render_timeline_static
    from geo.render.static.tradeoff import render_tradeoff_static

    if not cjk_font_available():
        pytest.fail("no Noto Sans CJK on this machine: `make test` installs it (make fonts)")
    draw = render_tradeoff_static if slide == "tradeoff" else render_timeline_static
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = draw(zh, fmt)
    assert isinstance(data, bytes) and data
    glyph = [
        str(w.message) for w in caught if "Glyph" in str(w.message) or "findfont" in str(w.message)
    ]
    assert glyph == []
    if fmt == "svg":
        text = data.decode("utf-8")
        word = "航速（节）" if slide == "tradeoff" else "绿色航运走廊进展"
        assert word in text


# --------------------------------------------------------------------------- the map's controls

#: What the Chinese map configures for each of Leaflet's and the plugins' controls.
ZH_CONTROLS = (
    'zoomInTitle: "放大", zoomOutTitle: "缩小"',  # L.control.zoom
    '"imperial": false',  # the scale bar: metric only …
    '{"km": "公里", "m": "米"}',  # … its units in Chinese
    'layersTitle = "图层"',  # the layers control's toggle
    '"hideText": "隐藏小地图", "showText": "显示小地图"',  # leaflet-minimap's strings
    'localization: "cn"',  # leaflet-measure's own Chinese locale
    'display: "海里"',
    'display: "平方公里"',
)
EN_CONTROLS = (
    'zoomInTitle: "Zoom in", zoomOutTitle: "Zoom out"',
    '"imperial": true',
    '"hideText": "Hide MiniMap", "showText": "Show MiniMap"',
    'localization: "en"',
    'display: "nm"',
    'display: "km²"',
)


def _controls(html: str) -> str:
    """``html`` with folium's multi-line JSON options on one line and the templates' bare
    ``imperial:`` key quoted, so that both compare the same way."""
    html = re.sub(r"\{\s+", "{", re.sub(r",\n\s*", ", ", html))
    return html.replace("imperial: false", '"imperial": false').replace(
        "imperial: true", '"imperial": true'
    )


def test_the_chinese_map_configures_every_control_in_chinese(zh_html: str) -> None:
    html = _controls(zh_html)
    for option in ZH_CONTROLS:
        assert option in html, option
    assert '"title": "全屏", "titleCancel": "退出全屏"' in html
    for english in ('zoomInTitle: "Zoom', '"Hide MiniMap"', '"title": "Full', 'display: "nm"'):
        assert english not in html, english
    # Leaflet's own zoom control and scale bar (English only) are off
    assert '"zoomControl": false' in html
    assert "L.control.scale()" not in html


def test_the_english_map_keeps_its_english_controls() -> None:
    pres = present(build_view("Shanghai", "San Pedro Bay", as_of=AS_OF))
    html = _controls(_unescaped(mapping.standalone_html(pres)))
    for option in EN_CONTROLS:
        assert option in html, option
    assert '"title": "Full Screen", "titleCancel": "Exit Full Screen"' in html
    assert 'layersTitle = "Layers"' in html  # Leaflet's own title: the hook is not added
    assert '"km": ' not in html


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_compare_map_controls_follow_its_language(lang: str) -> None:
    cmp = compare.compare_pairs(["CNSHA"], ["USLAX", "USNYC"], lang=lang)
    html = _controls(_unescaped(compare_map(cmp).get_root().render()))
    if lang == "zh":
        assert '"title": "全屏", "titleCancel": "退出全屏"' in html
        for option in ZH_CONTROLS[:4]:
            assert option in html, option
    else:
        assert '"title": "Full Screen", "titleCancel": "Exit Full Screen"' in html
        assert 'zoomInTitle: "Zoom in", zoomOutTitle: "Zoom out"' in html
        assert '"imperial": true' in html


def test_a_terminal_popup_names_its_port_not_its_code(zh_html: str) -> None:
    assert "属于上海港，吞吐量计入该港。" in zh_html
    assert "属于 CNSHA 港" not in zh_html and "属于CNSHA港" not in zh_html
    english = mapping.full_map(present(build_view("Shanghai", "San Pedro Bay", as_of=AS_OF)))
    assert "Part of the port of Shanghai: its volumes are counted there." in (
        english.get_root().render()
    )


def test_passages_avoided_together_are_joined_in_words_in_chinese() -> None:
    from geo.i18n import translator
    from geo.present.avoidance import avoid_label

    zh = translator("zh")
    assert avoid_label(("panama", "suez"), zh) == "规避巴拿马运河和苏伊士运河"
    three = avoid_label(("panama", "suez", "gibraltar"), zh)
    assert three.count("、") == 1 and three.count("和") == 1 and " + " not in three
    assert avoid_label(("suez",), zh) == "规避苏伊士运河"
    assert avoid_label(("panama", "suez"), ENGLISH) == "Avoid Panama Canal + Suez Canal"
