"""A Chinese message reads as if written in Chinese (a fresh-user trial): a value the user gave
is quoted “…” with no space around the quotes (English keeps ``'…'``), every refusal names the
bad value and what is accepted, an unknown Chinese port name says which ports have one, and
every error line starts with the command's name (``python -m geo route：错误：``)."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from geo.i18n import Quoted, po_path, quoted_fields, translator
from geo.present.errtext import error_text
from geo.voyage.validate import InvalidShipSizeError, UnknownFuelError
from tests.cli_helpers import run_main

ZH = translator("zh")
EN = translator("en")
#: a field the English message quotes: ``{value!r}``, ``%(value)r``, ``%r``
_REPR = re.compile(r"\{(\w+)!r\}|%\((\w+)\)r|%r")


def _catalog():  # type: ignore[no-untyped-def]
    with po_path("zh").open("rb") as fh:
        return read_po(fh)


def test_every_value_english_quotes_is_in_chinese_quotes_in_the_catalogue() -> None:
    checked = 0
    for m in _catalog():
        if not m.id or not isinstance(m.id, str):
            continue
        text = str(m.string)
        assert not _REPR.search(text), (m.id, text)  # never repr's ASCII quotes
        assert not re.search(r"'[{%]|[}s]'", text), (m.id, text)  # nor quotes typed around one
        for brace, percent in re.findall(r"\{(\w+)!r\}|%\((\w+)\)r", m.id):
            field = "{" + brace + "}" if brace else f"%({percent})s"
            assert f"“{field}”" in text, (m.id, text)
            checked += 1
        # no space between 汉字 and a quote
        assert not re.search(r"[\u4e00-\u9fff]\s+“|”\s+[\u4e00-\u9fff]", text), (m.id, text)
    assert checked > 30


def test_a_quoted_value_is_shown_in_chinese_quotes_and_safely() -> None:
    message = "speed {value!r} is not a number of knots"
    assert EN(message, value="快") == "speed '快' is not a number of knots"
    assert ZH(message, value="快") == "航速“快”不是以节为单位的数值"
    shown = ZH(message, value="a\x1b[31m\u202eb")
    assert "\x1b" not in shown and "\u202e" not in shown and "“a\\x1b[31m\\u202eb”" in shown
    assert quoted_fields("cannot write {name!r} ({shown})") == {"name"}
    keys = Quoted(["colour", "size"])
    assert keys == "'colour', 'size'"
    message = "{defaults} has unknown key(s) {keys}; accepted: {accepted}"
    text = ZH(message, defaults="[d]", keys=keys, accepted="a")
    assert "未知的键“colour”、“size”；" in text, text


@pytest.mark.parametrize(
    ("argv", "zh", "en"),
    [
        (
            ["route", "安托法加斯塔", "上海"],
            "未知港口“安托法加斯塔”：",
            "Unknown port '安托法加斯塔':",
        ),
        (["route", "上海", "长滩", "--fuel", "氢"], "未知燃料“氢”；可用：", "unknown fuel '氢'"),
        (["route", "上海", "长滩", "--ship", "氢"], "船型“氢”无效：", "ship size '氢' TEU"),
        (["route", "上海", "长滩", "--load", "7"], "装载率“7”无效：", "load factor '7'"),
        (
            ["route", "上海", "长滩", "--avoid", "xx"],
            "未知通道“xx”；可用：",
            "unknown passage 'xx'",
        ),
        (["route", "上海", "长滩", "--speed", "快"], "航速“快”无效；", "speed '快' is not"),
        (
            ["route", "上海", "长滩", "--format", "xx"],
            "无效选项“xx”；可选：json、geojson、text",
            "invalid choice: 'xx'",
        ),
        (["ports", "zzqqxx"], "没有与“zzqqxx”匹配的港口", "no port matches 'zzqqxx'"),
        (["nosuch"], "无效选项“nosuch”；可选：route、ports", "invalid choice: 'nosuch'"),
    ],
)
def test_a_refusal_names_the_value_in_quotes_and_starts_with_the_command(
    argv: list[str], zh: str, en: str, capsys: pytest.CaptureFixture[str]
) -> None:
    prog = "python -m geo" + ("" if argv[0] == "nosuch" else f" {argv[0]}")
    code, out, err = run_main([*argv, "--lang", "zh"], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert err.startswith(f"{prog}：错误：") and zh in err, err
    assert "'" not in err and " “" not in err and not re.search(r"”\s", err), err
    code, _, err = run_main(argv, capsys)
    assert code == 2 and err.startswith(f"{prog}: error: ") and en in err, err


def test_an_unknown_chinese_port_name_says_which_ports_have_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, _, err = run_main(["route", "安托法加斯塔", "上海", "--lang", "zh"], capsys)
    assert "中文港名仅收录本项目列出的港口" in err and "CLANF" in err, err
    assert "英文名称" in err and err.count("\n") == 1
    _, _, err = run_main(["route", "安托法加斯塔", "上海"], capsys)
    assert "Chinese names are on file only for the ports this project names" in err, err
    assert "CLANF" in err and err.count("\n") == 1
    _, _, err = run_main(["route", "Atlantis", "上海", "--lang", "zh"], capsys)
    assert "中文港名" not in err and "未知港口“Atlantis”：" in err, err


def test_a_control_character_in_a_value_never_reaches_the_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, _, err = run_main(["route", "a\x1b[2Jb", "上海", "--lang", "zh"], capsys)
    assert "\x1b" not in err and "未知港口“a\\x1b[2Jb”：" in err, err


def test_voyage_refusals_name_the_value_in_chinese() -> None:
    assert error_text(UnknownFuelError("x", "煤"), ZH).startswith("未知燃料“煤”；可用：")
    assert error_text(InvalidShipSizeError("x", "9"), ZH).startswith("船型“9”无效：")
    assert error_text(UnknownFuelError("x"), ZH).startswith("未知燃料；可用：")  # no value kept


def test_a_coordinate_out_of_range_is_worded_in_chinese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, _, err = run_main(["route", "200,100", "上海", "--lang", "zh"], capsys)
    assert err.startswith("python -m geo route：错误：坐标“200,100”：经度200°超出范围；"), err
    assert "-180°～180°" in err and "“经度,纬度”" in err and "'" not in err
    _, _, err = run_main(["route", "200,100", "上海"], capsys)  # English as before
    assert err == (
        "python -m geo route: error: coordinates '200,100': longitude 200 is out of range; "
        "accepted: -180 to 180 degrees (give 'lon,lat', longitude first)\n"
    )
