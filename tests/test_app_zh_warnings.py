"""Issue 11 on the page: the routing engine's warnings in Chinese with ``?lang=zh`` (English
unchanged), and passages given in Chinese in the URL."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from geo.i18n import translator
from geo.present import compare, compare_url, urlstate
from geo.routing import engine as routing
from tests.test_app_zh import run  # the page run from its URL, no exception
from tests.test_zh_status import english_words


def warnings_of(at: AppTest) -> list[str]:
    return [w.value.replace("\\", "") for w in at.warning]  # markdown escapes


def route_warnings_of(at: AppTest) -> tuple[str, list[str]]:
    """Two or more route warnings: the line above the map that counts them, and the list
    under the map (one box, a ``- `` line each)."""
    pointer, listed = warnings_of(at)
    return pointer, [line.removeprefix("- ") for line in listed.splitlines()]


@pytest.mark.parametrize(
    ("params", "start"),
    [
        ({"dest": "117,32"}, "终点北纬32°、东经117°"),
        ({"origin": "0,25", "dest": "Rotterdam"}, "起点北纬25°、东经0°"),
        ({"origin": "釜山", "dest": "105,40"}, "终点北纬40°、东经105°"),
    ],
)
def test_an_inland_end_is_warned_about_in_chinese(params: dict[str, str], start: str) -> None:
    at = run(lang="zh", **params)
    pointer, shown = route_warnings_of(at)
    assert pointer == "本航线有2条警示，列于地图下方。"
    assert len(shown) == 2, shown
    assert all(w.startswith(start) for w in shown)
    assert "位于陆地上" in shown[0] and "海里" in shown[0]
    assert "距最近的海上航线" in shown[1] and "超过50海里" in shown[1]
    for w in shown:
        assert english_words(w) == [], w


def test_the_english_page_keeps_the_engines_sentences() -> None:
    at = run(dest="117,32")
    route = routing.route("Shanghai", "117,32")
    pointer, shown = route_warnings_of(at)
    assert pointer == "2 warnings about this route, listed under the map."
    assert shown == [w.message() for w in route.warnings]


@pytest.mark.parametrize(
    ("avoid", "keys", "shown"),
    [
        ("蘇伊士、馬六甲", ("malacca", "suez"), "规避：马六甲海峡、苏伊士运河"),
        ("巴拿马运河", ("panama",), "规避：巴拿马运河"),
    ],
)
def test_passages_in_chinese_in_the_url(avoid: str, keys: tuple[str, ...], shown: str) -> None:
    at = run(lang="zh", avoid=avoid)
    assert not at.warning, warnings_of(at)  # accepted, not ignored
    (picker,) = [m for m in at.sidebar.multiselect if set(m.value) == set(keys)]
    assert picker.value
    assert any(shown in c.value for c in at.caption), [c.value for c in at.caption]


@pytest.mark.parametrize(
    ("avoid", "keys"),
    [
        ("苏伊士运河,巴拿马", ("panama", "suez")),
        ("好望角", ("south_africa",)),
        ("Suez Canal", ("suez",)),
    ],
)
def test_url_state_reads_passage_names(avoid: str, keys: tuple[str, ...]) -> None:
    state, warnings = urlstate.parse_state({"avoid": avoid})
    assert state.avoid == keys and warnings == []


def test_compare_sets_read_chinese_names_and_a_bad_one_is_named_in_chinese() -> None:
    state, warnings = compare_url.parse_compare_state(
        {"mode": "avoid", "sets": "none;苏伊士;苏伊士,好望角"}
    )
    assert state.sets == ((), ("suez",), ("south_africa", "suez")) and warnings == []
    _, warnings = compare_url.parse_compare_state(
        {"mode": "avoid", "sets": "苏伊土;suez", "lang": "zh"}, translator("zh")
    )
    (warning,) = warnings
    assert "未知通道" in warning and "苏伊士运河" in warning and "suez," not in warning


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_compare_page_words_each_lanes_warnings(lang: str) -> None:
    cmp = compare.compare_pairs(["117,32", "CNSHA"], ["USLGB"], lang=lang)
    inland = routing.route("117,32", "USLGB")
    shown = cmp.warnings()
    assert len(shown) == 2
    if lang == "en":
        assert [w.split(": ", 1)[1] for w in shown] == [w.message() for w in inland.warnings]
        return
    assert all(re.match(r"第\d条航线：起点北纬32°、东经117°", w) for w in shown), shown
    for w in shown:
        assert english_words(w) == [], w
