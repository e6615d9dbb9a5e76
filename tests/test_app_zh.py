"""The pages in 中文: ``?lang=zh``, the language control, a bad ``lang``, and every page
string in the Chinese catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po
from streamlit.testing.v1 import AppTest

from geo.i18n import po_path
from geo.present import compare_url, urlstate
from tests.mdtables import markdown_tables

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
COMPARE = str(ROOT / "app_pages" / "compare_lanes.py")
HAN = re.compile(r"[\u4e00-\u9fff]")
#: Words of the English page that must not be left on the Chinese one.
ENGLISH_LABELS = (
    "Sea distance",
    "Time at sea",
    "Lane trade value",
    "Origin",
    "Destination",
    "Speed (knots)",
    "Avoid passages",
    "Ship size",
    "Load factor",
    "Layers",
    "Basemap",
    "Passages used",
    "Headline figures",
    "Trade value:",
)


def run(path: str = APP, **params: str) -> AppTest:
    at = AppTest.from_file(path, default_timeout=180)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def page_text(at: AppTest) -> str:
    """Every label and text of the main area and the sidebar."""
    parts = [e.value for e in (*at.title, *at.caption, *at.markdown, *at.warning)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    for kind in ("selectbox", "slider", "multiselect", "radio", "text_input"):
        parts += [str(w.label) for w in getattr(at.sidebar, kind)]
    parts += [str(h.value) for h in at.sidebar.header]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def zh_app() -> AppTest:
    return run(lang="zh")


def test_lang_zh_gives_the_chinese_heading_metrics_sidebar_and_ports(zh_app: AppTest) -> None:
    assert "上海" in zh_app.title[0].value
    shown = {m.label: m.value for m in zh_app.metric}
    assert shown["海上距离"].endswith("\u2060海里")  # a word joiner: the unit stays
    assert shown["航行时间"] == "13.3\u2060天"
    assert shown["航线贸易额"] == "逾3000亿美元"
    labels = [w.label for w in zh_app.sidebar.selectbox]
    assert labels[:2] == ["起运港", "目的港"]
    assert zh_app.sidebar.slider[0].label == "航速（节）"
    origin = zh_app.sidebar.selectbox(key="origin-zh")
    assert origin.format_func(origin.value) == "上海 Shanghai，中国（CNSHA）"
    dest = zh_app.sidebar.selectbox(key="dest-zh")
    assert dest.format_func(dest.value).startswith("洛杉矶／长滩 San Pedro Bay")
    assert zh_app.sidebar.radio(key="lang").value == "zh"
    assert zh_app.sidebar.radio[0].label == "Language · 语言"  # first in the sidebar
    assert zh_app.query_params["lang"] == ["zh"] or zh_app.query_params["lang"] == "zh"
    assert not zh_app.warning


def test_no_english_label_is_left_on_the_chinese_page(zh_app: AppTest) -> None:
    text = page_text(zh_app)
    assert HAN.search(text)
    left = [word for word in ENGLISH_LABELS if word in text]
    assert left == []
    table = markdown_tables(zh_app)[0]
    assert list(table.columns)[:2] == ["距离（海里）", "航行小时数"]
    assert table.index.name == "航段"
    assert "北美排放控制区" in set(table.index) and "合计" in set(table.index)


def test_the_chinese_tabs_speak_chinese() -> None:
    at = run(lang="zh")
    at.session_state["details-tab"] = "走廊进展"
    at.run()
    assert not at.exception, at.exception
    progress = " ".join(m.value for m in at.markdown)
    assert "○ **2030年目标**" in progress and "2022年1月" in progress
    assert "本航线港口已实施的措施" in progress and "岸电" in progress
    at.session_state["details-tab"] = "航速与排放权衡"
    at.run()
    assert not at.exception, at.exception
    rows = at.dataframe[0].value
    assert "18节（所选）" in set(rows["航速"])
    captions = " ".join(c.value for c in at.caption)
    assert "不可用于航海" in captions and "资料来源：" in captions
    at.session_state["details-tab"] = "资料来源"
    at.run()
    assert "China Daily" in " ".join(m.value for m in at.markdown)  # titles as published


def test_a_bad_lang_warns_naming_it_and_falls_back_to_english() -> None:
    at = run(lang="xx")
    warnings = " ".join(w.value for w in at.warning)
    assert "lang=" in warnings and "xx" in warnings and "en, zh" in warnings
    assert "Sea distance" in {m.label for m in at.metric}
    assert "lang" not in at.query_params
    assert at.sidebar.radio(key="lang").value == "en"


def test_switching_the_control_changes_the_page_and_the_url() -> None:
    at = run()
    assert "Sea distance" in {m.label for m in at.metric}
    at.sidebar.radio(key="lang").set_value("zh").run()
    assert not at.exception, at.exception
    assert "海上距离" in {m.label for m in at.metric}
    assert at.sidebar.selectbox[0].label == "起运港"
    assert at.query_params["lang"] in ("zh", ["zh"])
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception, at.exception
    assert "Sea distance" in {m.label for m in at.metric}
    assert "lang" not in at.query_params


def test_the_compare_page_in_chinese() -> None:
    at = run(COMPARE, lang="zh")
    assert at.sidebar.radio(key="lang").value == "zh"
    assert at.sidebar.header[0].value == "比较"
    assert [w.label for w in at.sidebar.multiselect][:2] == ["起运港", "目的港"]
    picker = at.sidebar.multiselect(key="cmp-origins")
    assert picker.format_func("CNSHA").startswith("上海 ")
    assert "不可用于航海" in " ".join(c.value for c in at.caption)
    assert at.query_params["lang"] in ("zh", ["zh"])
    bad = run(COMPARE, lang="fr")
    assert any("lang=" in w.value and "'fr'" in w.value for w in bad.warning)


def test_url_states_carry_the_language() -> None:
    state, warnings = urlstate.parse_state({"lang": "ZH"})
    assert state.lang == "zh" and warnings == []
    assert urlstate.to_query(state)["lang"] == "zh"
    assert "lang" not in urlstate.to_query(urlstate.DEFAULT_STATE)
    state, warnings = urlstate.parse_state({"lang": "xx"})
    assert state.lang == "en"
    assert warnings == ["URL lang='xx' ignored: accepted en, zh; showing en"]
    cmp, warnings = compare_url.parse_compare_state({"lang": "zh", "mode": "avoid"})
    assert cmp.lang == "zh" and warnings == []
    assert compare_url.to_query(cmp)["lang"] == "zh"
    assert "lang" not in compare_url.to_query(compare_url.DEFAULT_STATE)


def _page_messages() -> set[str]:
    """Every message the pages and geo mark with ``tr(...)`` or ``N_(...)``, extracted as
    ``make i18n`` extracts them."""
    keywords: dict[str, None] = {"tr": None, "N_": None}
    ids: set[str] = set()
    for found in extract_from_dir(
        str(ROOT / "geo"), method_map=[("**.py", "python")], keywords=keywords
    ):
        ids.add(found[2] if isinstance(found[2], str) else found[2][0])
    for path in (ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py"))):
        for found in extract_from_file("python", str(path), keywords=keywords):
            ids.add(found[1] if isinstance(found[1], str) else found[1][0])
    return ids


def test_every_message_of_the_pages_has_a_chinese_translation() -> None:
    with po_path("zh").open("rb") as fh:
        zh = {m.id: m.string for m in read_po(fh) if m.id}
    used = _page_messages()
    assert "Share this view" in used and "Compare lanes" in used
    assert sorted(used - set(zh)) == []
    assert sorted(mid for mid in used if not zh[mid]) == []
    # Chinese text is written with full-width punctuation; what a reader types ("经度,纬度",
    # "起:止[:步长]") is quoted, in its own ASCII punctuation
    typed = re.compile(r"“[^”]*”")
    assert [
        mid for mid in used if re.search(r"[\u4e00-\u9fff][,:;(]", typed.sub("", str(zh[mid])))
    ] == []


def test_the_compare_page_table_map_and_summary_in_chinese() -> None:
    at = run(COMPARE, lang="zh")
    assert at.title[0].value == "航线比较：3个起运港 × 4个目的港"
    table = at.table[0].value
    assert list(table.columns)[:3] == ["起运港", "目的港", "距离（海里）"]
    assert "每航次二氧化碳排放（吨）" in table.columns and "途经通道" in table.columns
    assert "上海" in set(table["起运港"]) and "洛杉矶" in set(table["目的港"])
    assert "最短" in set(table["差值（海里）"])
    summary = " ".join(m.value for m in at.markdown)
    assert "最短：" in summary and "Shortest" not in summary
    html = compare_map_html("zh")
    assert "航线" in html and "数据见下表" in html and "上海" in html and "洛杉矶" in html
    assert "Noto Sans CJK SC" in html  # the Chinese web font, as on the lane map
    assert "Figures in the table below" not in html and "nm vs shortest" not in html


def compare_map_html(lang: str) -> str:
    from geo.present import compare
    from geo.render.folium.compare import compare_map

    cmp = compare.compare_pairs(["CNSHA"], ["USLAX", "USLGB"], lang=lang)
    html = compare_map(cmp).get_root().render()
    # the legend sits JSON-encoded in a script: read its \\uXXXX as text
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), html)


def test_the_compare_page_warns_in_chinese() -> None:
    at = run(COMPARE, lang="zh", speed="999", origins="CNSHA,Atlantis")
    warnings = " ".join(w.value for w in at.warning)
    assert "网址参数 speed=" in warnings and "999" in warnings
    assert "Atlantis" in warnings and "未知港口" in warnings
    assert "ignored" not in warnings


def test_progress_tab_and_segment_rules_in_chinese() -> None:
    at = run(lang="zh")
    rules = " ".join(m.value for m in at.markdown)  # listed once per zone under the tables
    assert "**适用规定**" in rules and "**北美排放控制区**：" in rules
    assert HAN.search(rules) and "Emission Control Area" not in rules
    assert "走廊措施：第一阶段已完成" in rules and "Corridor Phase 1" not in rules
    at.session_state["details-tab"] = "走廊进展"
    at.run()
    assert not at.exception, at.exception
    progress = " ".join(m.value for m in at.markdown)
    assert "长滩港加入走廊" in progress and "Port of Long Beach joins" not in progress
    assert "集装箱船岸电供应能力达100%" in progress


def test_a_url_warning_and_an_error_in_chinese() -> None:
    at = run(lang="zh", speed="999")
    warnings = " ".join(w.value for w in at.warning)
    assert (
        "网址参数 speed=" in warnings
        and "speed=“999”已忽略" in warnings
        and "现显示18节" in warnings
    )
    assert "ignored" not in warnings
    at = run(lang="zh", origin="ROCND", dest="GRPIR", avoid="bosporus")  # from the URL
    warnings = " ".join(w.value for w in at.warning)
    assert "没有海上航线" in warnings and "现改为显示默认航线" in warnings, warnings
    assert "no sea route" not in warnings and "Showing" not in warnings
    at = run(lang="zh", origin="ROCND", dest="GRPIR")
    at.sidebar.multiselect(key="avoid-zh").set_value(["bosporus"]).run()  # in the sidebar
    errors = " ".join(e.value for e in at.error)
    assert "没有海上航线" in errors and "no sea route" not in errors


def test_the_port_pickers_name_countries_in_chinese(zh_app: AppTest) -> None:
    origin = zh_app.sidebar.selectbox(key="origin-zh")
    assert origin.format_func("USLGB").startswith("长滩 Long Beach，美国（USLGB）")
    assert "San Pedro Bay，美国" in origin.format_func("SAN-PEDRO-BAY")


def test_the_trade_off_chart_speaks_chinese() -> None:
    from geo.present.tradeoff import speed_tradeoff
    from geo.present.view import build_view
    from geo.render.charts import tradeoff_chart

    view = build_view("CNSHA", "USLAX", fuel="lng")
    spec = str(tradeoff_chart(speed_tradeoff(view, lang="zh")).to_dict())
    assert "航速（节）" in spec and "航行天数" in spec and "二氧化碳（油箱到航迹，吨）" in spec
    assert "每航次二氧化碳排放（吨，仅计油箱到航迹）" in spec
    for english in ("Speed (kn)", "Days at sea", "CO₂ per voyage", "tank-to-wake", "chosen"):
        assert english not in spec, english
    english_spec = str(tradeoff_chart(speed_tradeoff(view)).to_dict())
    assert "Speed (kn)" in english_spec and "CO₂ per voyage (t, tank-to-wake only)" in english_spec


def test_the_language_switch_rewords_the_widgets_and_keeps_their_values() -> None:
    # Streamlit's frontend keeps a keyed widget's shown labels when only its format_func
    # changes: the worded widgets take the language into their keys, so a switch builds them
    # anew, with the values of the English ones
    at = run(origin="KRPUS", dest="USLAX", speed="15", layers="route,ports,labels")
    at.sidebar.selectbox(key="ship").set_value(14000).run()
    english = at.sidebar.selectbox(key="origin")
    assert english.format_func(english.value) == "Busan · Pusan, South Korea (KRPUS)"
    at.sidebar.radio(key="lang").set_value("zh").run()
    assert not at.exception, at.exception
    assert "釜山" in at.title[0].value
    origin = at.sidebar.selectbox(key="origin-zh")
    assert origin.value == "KRPUS" and origin.format_func(origin.value).startswith("釜山")
    assert origin.id != english.id
    assert at.sidebar.selectbox(key="dest-zh").value == "USLAX"
    layers = at.sidebar.multiselect(key="layers-zh")
    assert layers.value == ["route", "ports", "labels"]
    assert [layers.format_func(x) for x in layers.value] == ["航线", "港口", "标注"]
    ship = at.sidebar.selectbox(key="ship-zh")
    assert ship.value == 14000 and "标准箱" in ship.format_func(ship.value)
    assert at.sidebar.slider(key="speed").value == 15.0
    at.sidebar.radio(key="lang").set_value("en").run()  # and back
    assert at.sidebar.selectbox(key="origin").value == "KRPUS"
    assert at.sidebar.selectbox(key="ship").value == 14000
    assert at.query_params["origin"] in ("KRPUS", ["KRPUS"])


@pytest.mark.parametrize(
    ("params", "passages"),
    [
        ({"avoid": "suez,panama,south_africa,cape_horn,magellan"}, ("苏伊士运河", "巴拿马运河")),
        ({"avoid": "苏伊士,好望角,巴拿马,麦哲伦,合恩角"}, ("好望角", "麦哲伦海峡")),
    ],
)
def test_a_url_lane_that_falls_back_is_named_in_chinese_with_one_full_stop(
    params: dict[str, str], passages: tuple[str, ...]
) -> None:
    at = run(lang="zh", origin="CNSHA", dest="NLRTM", **params)
    warning = " ".join(w.value for w in at.warning).replace("\\", "")
    assert "现改为显示默认航线" in warning, warning
    assert all(p in warning for p in passages), warning
    assert "suez" not in warning and "cape_horn" not in warning, warning
    assert "。。" not in warning and "..」" not in warning, warning


def test_bad_url_choices_are_listed_by_their_chinese_names() -> None:
    at = run(lang="zh", layers="foo", basemap="bar", fuel="coal", extent="1,2,3")
    warnings = "\n".join(w.value for w in at.warning)
    assert "航线（route）、航段（segments）" in warnings, warnings
    assert "离线陆地底图（offline）、在线底图（online）" in warnings
    assert "超低硫燃料油（vlsfo）" in warnings and "甲醇（methanol）" in warnings
    assert "西、南、东、北（west,south,east,north）" in warnings
    outside = re.sub(r"（[^（）]*）|'[^']*'", "", warnings)
    assert not re.search(r"[a-z]+, [a-z]+", outside), warnings  # no bare list of codes
    at = run(layers="foo", basemap="bar", fuel="coal")  # English as before
    warnings = "\n".join(w.value for w in at.warning)
    assert "accepted: route, segments, zones, ports, labels" in warnings
    assert "accepted offline, online" in warnings and "vlsfo, hfo, mgo" in warnings


def test_a_chinese_fuel_name_in_the_url_is_taken() -> None:
    at = run(lang="zh", fuel="甲醇")
    assert not at.warning, [w.value for w in at.warning]
    assert at.sidebar.selectbox(key="fuel-zh").value == "methanol"


def test_a_bad_compare_mode_is_listed_in_chinese() -> None:
    at = run(COMPARE, lang="zh", mode="x")
    warnings = "\n".join(w.value for w in at.warning)
    assert "多起运港 × 多目的港（pairs）" in warnings and "pairs, avoid" not in warnings
