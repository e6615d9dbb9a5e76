"""A bad URL value's warning lists what is accepted: in English the codes, as before; in
Chinese each choice's Chinese name with the code the URL takes in brackets, never a bare list
of English codes. Fuels are accepted by their Chinese names too (URL and ``--fuel``)."""

from __future__ import annotations

import re

import pytest

from geo.cli.main import main
from geo.i18n import Translator, translator
from geo.present import choices, compare_url, urlstate
from geo.voyage.validate import UnknownFuelError

ZH = translator("zh")
EN = translator("en")
#: a run of ASCII letters (a code or an English word)
LATIN = re.compile(r"[A-Za-z][A-Za-z_\-]*")
#: bad values for each lane-page parameter whose warning lists the accepted values
BAD = {
    "layers": ["foo", "route,roads", "航线x", "ZONES,ports,x"],
    "basemap": ["bar", "satellite", "离线", "offline-ish"],
    "fuel": ["coal", "water", "煤", "methanol-x"],
    "extent": ["1,2,3", "a,b,c,d", "10,30,20,5", ""],
    "lang": ["fr", "中文", "zh-TW", "english"],
    "ship": ["9", "xyz", "1e9"],
    "speed": ["99", "fast", "-1"],
    "load": ["7", "70%", "half"],
}


def _outside_brackets(text: str) -> str:
    """``text`` without its quoted echoes (“foo”) and the bracketed codes (``（route）``)."""
    assert not re.search(r"'[^']*'", text), text  # Chinese quotes a value as “foo”
    text = re.sub(r"“[^”]*”", "", text)
    return re.sub(r"（[^（）]*）", "", text)


def _warning(params: dict[str, str], tr: Translator = ZH) -> str:
    _, warnings = urlstate.parse_state(params, tr)
    (warning,) = warnings
    return warning


@pytest.mark.parametrize(("key", "value"), [(k, v) for k, vs in BAD.items() for v in vs])
def test_a_bad_lane_value_lists_no_bare_english_in_chinese(key: str, value: str) -> None:
    warning = _warning({key: value})
    assert warning.startswith(f"网址参数 {key}="), warning
    rest = _outside_brackets(warning.split("已忽略", 1)[1])
    assert LATIN.findall(rest) == [], warning


@pytest.mark.parametrize(
    ("params", "words"),
    [
        (
            {"layers": "foo"},
            "航线（route）、航段（segments）、监管水域（zones）、港口（ports）、标注（labels）",
        ),
        ({"basemap": "bar"}, "离线陆地底图（offline）、在线底图（online）"),
        (
            {"fuel": "coal"},
            "超低硫燃料油（vlsfo）、重油（hfo）、船用轻柴油（mgo）、液化天然气（lng）",
        ),
        ({"fuel": "coal"}, "甲醇（methanol）、电制甲醇（e-methanol）、氨（ammonia）"),
        ({"extent": "1,2,3"}, "请按西、南、东、北（west,south,east,north）的顺序"),
        ({"lang": "fr"}, "可选英文（en）、中文（zh）；现显示英文（en）"),
    ],
)
def test_chinese_names_each_choice_with_its_code(params: dict[str, str], words: str) -> None:
    assert words in _warning(params)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"layers": "foo"},
            "URL layers='foo' ignored: unknown 'foo'; accepted: route, segments, "
            "zones, ports, labels",
        ),
        ({"basemap": "bar"}, "URL basemap='bar' ignored: accepted offline, online"),
        (
            {"fuel": "coal"},
            "URL fuel='coal' ignored: unknown fuel 'coal'; accepted: vlsfo, hfo, "
            "mgo, lng, methanol, e-methanol, ammonia",
        ),
        ({"extent": "1,2,3"}, "URL extent='1,2,3' ignored: give west,south,east,north in degrees"),
        ({"lang": "fr"}, "URL lang='fr' ignored: accepted en, zh; showing en"),
    ],
)
def test_english_warnings_are_unchanged(params: dict[str, str], expected: str) -> None:
    assert _warning(params, EN) == expected


@pytest.mark.parametrize("mode", ["x", "pair", "对比"])
def test_a_bad_compare_mode_names_the_modes_in_chinese(mode: str) -> None:
    _, warnings = compare_url.parse_compare_state({"mode": mode}, ZH)
    (warning,) = warnings
    assert "多起运港 × 多目的港（pairs）、同一港口对，多种规避方案（avoid）" in warning, warning
    _, (english,) = compare_url.parse_compare_state({"mode": mode}, EN)
    assert english.endswith("ignored: accepted pairs, avoid")


@pytest.mark.parametrize("lang", ["de", "ZH-cn", "汉语"])
def test_a_bad_compare_lang_names_the_languages_in_chinese(lang: str) -> None:
    _, (warning,) = compare_url.parse_compare_state({"lang": lang}, ZH)
    assert "可选英文（en）、中文（zh）" in warning and "en, zh" not in warning


@pytest.mark.parametrize("sets", ["foo", "none;xx", "suez;苏伊土"])
def test_a_bad_compare_set_names_the_passages_in_chinese(sets: str) -> None:
    _, warnings = compare_url.parse_compare_state({"mode": "avoid", "sets": sets}, ZH)
    assert warnings and all("苏伊士运河" in w for w in warnings[:1]), warnings
    assert not any("south_africa" in w for w in warnings), warnings


@pytest.mark.parametrize(
    ("name", "fuel"),
    [
        ("甲醇", "methanol"),
        ("液化天然气", "lng"),
        ("电制甲醇", "e-methanol"),
        ("氨", "ammonia"),
        ("超低硫燃料油", "vlsfo"),
        ("甲醇（化石来源）", "methanol"),
        ("LNG", "lng"),
        ("Methanol (fossil)", "methanol"),
        ("E_Methanol", "e-methanol"),
        ("HFO", "hfo"),
    ],
)
def test_fuels_are_accepted_by_their_names(name: str, fuel: str) -> None:
    assert choices.fuel_id(name) == fuel
    state, warnings = urlstate.parse_state({"fuel": name}, ZH)
    assert state.fuel == fuel and warnings == []


@pytest.mark.parametrize("bad", ["煤", "coal", "", "甲"])
def test_an_unknown_fuel_is_still_refused(bad: str) -> None:
    with pytest.raises(UnknownFuelError):
        choices.fuel_id(bad)


def test_short_drops_only_a_trailing_note() -> None:
    assert choices.short("离线陆地底图（Natural Earth）") == "离线陆地底图"
    assert choices.short("Methanol (fossil)") == "Methanol"
    assert choices.short("氨") == "氨" and choices.short("（x）") == "（x）"


def test_the_cli_fuel_error_names_the_fuels_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["route", "CNSHA", "USLAX", "--fuel", "coal", "--lang", "zh"])
    err = capsys.readouterr().err
    assert code == 2
    assert "超低硫燃料油（vlsfo）、重油（hfo）" in err and "vlsfo, hfo" not in err, err
    code = main(["route", "CNSHA", "USLAX", "--fuel", "coal"])
    err = capsys.readouterr().err
    assert code == 2 and "accepted: vlsfo, hfo, mgo" in err, err


def test_the_cli_accepts_a_chinese_fuel_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["route", "CNSHA", "USLAX", "--fuel", "甲醇", "--format", "json"]) == 0
    assert '"fuel": "methanol"' in capsys.readouterr().out
