"""Issue 11 on the command line, the faults a fresh user found: under ``--lang zh`` argparse's
own words (usage errors, ``--help``), the errors of snapshot, deck, matrix and atlas, and the
``tradeoff`` command are Chinese; English stays as it was, byte for byte."""

from __future__ import annotations

import argparse
import json
import pickle
import re
from pathlib import Path

import pytest

from geo.cli.parsing import columns, lang_in_argv, wrap_columns
from geo.errors import ExportError
from geo.i18n import N_, Text, translator
from geo.jobs.atlas import RowError
from geo.present.errtext import error_text
from geo.present.options import ALL_LAYERS
from tests.cli_helpers import run_main
from tests.test_zh_status import english_words

ZH = translator("zh")


def chinese_line(err: str, *keep: str) -> str:
    """The one line of ``err``, checked to be Chinese: ``：错误：`` after the command and no
    English word once options (``--speed``), quoted values (``'x.docx'``) and the ``keep``
    words (names the message gives as they are) are left out. A quoted value is quoted as
    Chinese quotes it (“x.docx”), never in ASCII quotes."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    line = lines[0]
    assert line.startswith("python -m geo") and "：错误：" in line, line
    rest = line.split("：错误：", 1)[1]
    assert not re.search(r"'[^']*'", rest), line  # a value in Chinese quotes, not ASCII ones
    for value in keep:  # whole words only ("en" is not taken out of "segments")
        rest = re.sub(rf"(?<![A-Za-z]){re.escape(value)}(?![A-Za-z])", "", rest)
    rest = re.sub(r"--[\w-]+|“[^”]*”|\.\w+", "", rest)  # options, values, extensions
    assert english_words(rest) == [], line
    return line


# --- argparse's own words --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "needles"),
    [
        (["route", "上海", "长滩", "--speed", "快"], ["航速“快”无效", "0.5～40节"]),
        (["route", "上海"], ["缺少必需的参数：destination"]),
        (["route", "上海", "长滩", "--format", "x"], ["无效选项“x”；可选：json、geojson、text"]),
        (["route", "上海", "长滩", "--bogus"], ["无法识别的参数：--bogus"]),
        (
            ["snapshot", "上海", "长滩", "--out", "a.png", "--size", "10x10"],
            ["尺寸“10x10”超出范围"],
        ),
        (["snapshot", "上海", "长滩", "--out", "a.png", "--layers", "x"], ["图层“x”无效"]),
        (["ports", "beach", "--limit", "0"], ["数量“0”无效"]),
        (["route", "上海", "长滩", "--lang", "fr"], ["不支持语言“fr”；可用：en、zh"]),
        (
            ["nosuch"],
            ["python -m geo：错误：参数 command：无效选项“nosuch”；可选：route、ports、snapshot"],
        ),
    ],
)
@pytest.mark.parametrize("spelling", [["--lang", "zh"], ["--lang=zh"]])
def test_usage_errors_are_chinese_name_the_value_and_exit_2(
    argv: list[str], needles: list[str], spelling: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_main([*argv, *spelling], capsys)  # the last --lang is the language
    assert code == 2 and out == ""
    choices = ("json", "geojson", "text", "route", "ports", "snapshot", "deck", "tradeoff")
    choices += ("matrix", "atlas")
    line = chinese_line(err, "destination", "command", "en", "zh", *ALL_LAYERS, *choices)
    for needle in needles:
        assert needle in line, line
    assert line.endswith("（参见 --help）")


def test_english_usage_errors_are_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_main(["route", "上海", "长滩", "--speed", "快"], capsys)
    assert code == 2
    assert err == (
        "python -m geo route: error: argument --speed: speed '快' is not accepted; give knots "
        "from 0.5 to 40 (see --help)\n"
    )
    code, _, err = run_main(["route", "上海"], capsys)
    assert err == (
        "python -m geo route: error: the following arguments are required: destination "
        "(see --help)\n"
    )


def test_argparse_is_english_again_after_a_chinese_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run_main(["route", "上海", "--lang", "zh"], capsys)
    assert vars(argparse)["_"]("usage: ") == "usage: "
    parser = argparse.ArgumentParser(prog="x")
    assert parser.format_usage() == "usage: x [-h]\n"


@pytest.mark.parametrize("command", ["", "route", "snapshot", "deck", "tradeoff", "atlas"])
def test_help_in_chinese(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run_main([*([command] if command else []), "--help", "--lang", "zh"], capsys)
    assert code == 0
    assert out.startswith("用法：python -m geo")
    assert "\n选项：\n" in out and "显示本帮助信息并退出" in out
    assert "usage:" not in out and "options:" not in out and "show this help" not in out
    assert all(columns(line) <= 80 for line in out.splitlines()), out  # wrapped by columns
    if command:
        assert "\n位置参数：\n" in out
        usage = out.split("\n\n")[0].splitlines()
        start = columns(usage[0].split("[-h]")[0])  # continuation lines under the first option
        assert all(len(line) - len(line.lstrip()) == start for line in usage[1:]), usage


def test_route_help_words_our_options_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    # the help's words whatever the terminal's width: compared with the spaces taken out
    _, out, _ = run_main(["route", "--help", "--lang", "zh"], capsys)
    flat = "".join(out.split())
    assert "航速（节），0.5～40（默认18）" in flat
    assert "文本摘要（--formattext）的语言：en或zh（默认en）" in flat


def test_english_help_is_unchanged(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    _, out, _ = run_main(["route", "--help"], capsys)
    assert out.startswith("usage: python -m geo route [-h] [--speed KN]")
    assert "\noptions:\n  -h, --help            show this help message and exit\n" in out
    assert "  --speed KN            speed in knots, 0.5 to 40 (default 18); outside the\n" in out
    assert "  --lang en|zh          language of the text summary (--format text): en or zh\n" in out


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        (["route", "a", "--lang", "zh"], "zh"),
        (["route", "--lang=zh", "a"], "zh"),
        (["route", "--lan", "zh"], "zh"),
        (["route", "--lang", "zh", "--lang", "en"], "en"),
        (["route", "--lang", "fr"], "en"),
        (["route", "--", "--lang", "zh"], "en"),
        (["route", "--lang"], "en"),
        (["route", "--label", "zh"], "en"),
    ],
)
def test_the_language_is_read_before_parsing(argv: list[str], lang: str) -> None:
    assert lang_in_argv(argv) == lang


def test_wrapping_by_columns_keeps_words_and_punctuation() -> None:
    lines = wrap_columns(
        "航速（节），0.5～40（默认 18）；超出油耗模型适用范围时，数据会附带警告", 20
    )
    assert all(columns(line) <= 20 for line in lines[:-1])
    assert not any(line[0] in "，；）" for line in lines)
    assert (
        "".join(lines).replace(" ", "")
        == "航速（节），0.5～40（默认18）；超出油耗模型适用范围时，数据会附带警告"
    )
    assert wrap_columns("one two three", 7) == ["one two", "three"]


# --- the errors of snapshot, deck, matrix and atlas ------------------------------------------


def test_snapshot_extension_error_is_one_chinese_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["snapshot", "上海", "长滩", "--out", str(tmp_path / "x.docx")]
    code, _, err = run_main([*argv, "--lang", "zh"], capsys)
    assert code == 2
    line = chinese_line(err, str(tmp_path))
    assert "无法写入“x.docx”：不支持扩展名“.docx”；可用的扩展名：.png、.svg、.pdf" in line
    code, _, err = run_main(argv, capsys)
    assert err == (
        "python -m geo snapshot: error: cannot write 'x.docx' ('.docx'): accepted extensions are "
        ".png, .svg, .pdf, .html, .geojson, .gpkg, .csv\n"
    )


DECKS = [
    (b"\xff\xfe[\x00d\x00e\x00", "不是 UTF-8文本", "not UTF-8 text"),
    (bytes(range(256)), "不是 UTF-8文本", "not UTF-8 text"),
    (b"a = " + b"[" * 50_000 + b"]" * 50_000, "嵌套层级过深", "nested too deeply"),
    (b'[[snapshot]]\nname = "x\x00"\n', "NUL 字符", "NUL characters"),
    (
        b"[defaults]\ncolour = 'red'\n[[snapshot]]\norigin='a'\ndestination='b'\n",
        "未知的键“colour”",
        "unknown key(s) 'colour'",
    ),
    (
        b"[defaults]\nsize = 'tiny'\n[[snapshot]]\norigin='a'\ndestination='b'\n",
        "[defaults]：size 的值“tiny”无效",
        "[defaults]: size 'tiny' is not accepted",
    ),
    (b"[slides]\nx = 1\n", "未知的表“slides”", "unknown table(s) 'slides'"),
    (b"[defaults]\nspeed = 18\n", "没有 [[snapshot]] 条目", "no [[snapshot]] entries"),
]


@pytest.mark.parametrize(
    ("content", "zh", "en"),
    DECKS,
    ids=["utf-16", "binary", "deep", "nul", "key", "size", "table", "empty"],
)
def test_a_bad_deck_file_is_one_chinese_line(
    content: bytes, zh: str, en: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "bad.toml"
    deck.write_bytes(content)
    argv = ["deck", str(deck), "--out", str(tmp_path / "out")]
    code, out, err = run_main([*argv, "--lang", "zh"], capsys)
    assert code == 2 and out == ""
    line = chinese_line(
        err,
        str(deck),
        "defaults",
        "snapshot",
        "size",
        "speed",
        "avoid",
        "format",
        "renderer",
        "lang",
    )
    assert zh in line
    # named where English names it, in Chinese quotes
    assert (f"“{deck}”" in line) == (f"'{deck}'" in err_en(argv, capsys))
    code, _, err = run_main(argv, capsys)
    assert code == 2 and en in err and "：" not in err


def err_en(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    return run_main(argv, capsys)[2]


BAD_ENTRIES = """
[[snapshot]]
name = "a"
origin = "上海"
destination = "长滩"
format = "csv"

[[snapshot]]
name = "b"
origin = "上海"
destination = "长滩"
out = "a.csv"

[[snapshot]]
name = "c"
origin = "上海"
destination = "长滩"
colour = "red"

[[snapshot]]
name = "d"
origin = "上海"
"""


def test_deck_entry_reasons_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deck = tmp_path / "deck.toml"
    deck.write_text(BAD_ENTRIES, encoding="utf-8")
    code, _, err = run_main(
        ["deck", str(deck), "--out", str(tmp_path / "o"), "--lang", "zh"], capsys
    )
    assert code == 2
    assert "b：失败：写出的 a.csv 与条目“a”重名" in err
    assert "c：失败：未知字段“colour”；可用：name、origin" in err
    assert "d：失败：缺少字段“destination”（港口名、UN/LOCODE 或“经度,纬度”）" in err
    assert "already does" not in err and "unknown field" not in err and "missing field" not in err
    code, _, err = run_main(["deck", str(deck), "--out", str(tmp_path / "e")], capsys)
    assert "b: FAILED: writes a.csv, as entry 'a' already does" in err
    assert "c: FAILED: unknown field 'colour'; accepted: name, origin" in err


def test_matrix_errors_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_main(
        ["matrix", "CNSHA", "USLGB", "--out", str(tmp_path / "m.txt"), "--lang", "zh"], capsys
    )
    assert code == 2
    assert "无法写入“m.txt”：不支持扩展名“.txt”；请使用 .csv、.parquet" in chinese_line(err)
    code, _, err = run_main(
        ["matrix", "CNSHA", "--out", str(tmp_path / "m.csv"), "--scheduler", "x", "--lang", "zh"],
        capsys,
    )
    assert "调度器“x”无效" in chinese_line(err, "local", "tcp", "Dask", "scheduler")


LANES = """origin,destination,speed_kn,fuel,ship_teu
CNSHA,USLGB
CNSHA,USLGB,fast
CNSHA,Atlantis
CNSHA,CNSHA
CNSHA,USLGB,,,abc
,USLGB
"""


def test_atlas_row_reasons_in_chinese_in_line_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lanes = tmp_path / "lanes.csv"
    lanes.write_text(LANES, encoding="utf-8")
    argv = ["atlas", str(lanes), "--out", str(tmp_path / "lanes.csv.gpkg")]
    code, out, err = run_main([*argv, "--lang", "zh"], capsys)
    assert code == 2 and "（1条航线）" in out
    lines = err.strip().splitlines()
    assert [re.search(r"：错误：第(\d+)行：", ln).group(1) for ln in lines] == [  # type: ignore[union-attr]
        "3",
        "4",
        "5",
        "6",
        "7",
    ], err
    assert "第3行：航速“fast”不是数值；可用范围：0.5～40节" in lines[0]
    assert "第4行：未知港口“Atlantis”" in lines[1]
    assert "第5行：起运港与目的港为同一地点" in lines[2]
    assert "第6行：ship_teu 的值“abc”必须是大于0的数" in lines[3]
    assert "第7行：起运港和目的港都必须填写" in lines[4]
    for line in lines[:1] + lines[2:]:  # [1] suggests ports by their names (Atlanta, Lanxi)
        chinese_line(line, "ship_teu")
    code, _, err = run_main(argv, capsys)
    lines = err.strip().splitlines()
    assert [ln.split(": error: ")[1].split(":")[0] for ln in lines] == [
        "line 3",
        "line 4",
        "line 5",
        "line 6",
        "line 7",
    ]
    assert "line 6: ship_teu 'abc' must be a number above 0" in lines[3]


def test_row_errors_and_texts_survive_pickling() -> None:
    row = pickle.loads(pickle.dumps(RowError(4, "第4行：x")))
    assert isinstance(row, RowError) and row.line == 4 and row == "第4行：x"
    text = pickle.loads(pickle.dumps(N_("deck file {name!r} does not exist", name="a.toml")))
    assert isinstance(text, Text) and text == "deck file 'a.toml' does not exist"
    assert text.values == {"name": "a.toml"}


def test_an_error_raised_as_text_is_worded_again_with_nested_reasons() -> None:
    inner = ExportError(N_("deck file {name!r} does not exist", name="d.toml"))
    outer = ExportError(N_("{defaults}: {reason}", defaults="[defaults]", reason=inner))
    assert str(outer) == "[defaults]: deck file 'd.toml' does not exist"
    assert error_text(outer, ZH) == "[defaults]：幻灯片清单文件“d.toml”不存在"
    assert error_text(outer) == str(outer)
    assert N_("plain") == "plain" and type(N_("plain")) is str


# --- tradeoff --------------------------------------------------------------------------------


def test_tradeoff_takes_lang_and_writes_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["tradeoff", "上海", "长滩", "--speeds", "12,16"]
    code, zh, _ = run_main([*argv, "--lang", "zh"], capsys)
    assert code == 0
    head, *rows = zh.strip().splitlines()
    assert head.split() == [
        "航速（节）",
        "航行天数",
        "燃油（吨）",
        "CO₂",
        "油箱到航迹（吨）",
        "CO₂e",
        "油井到航迹（吨）",
    ]
    code, en, _ = run_main(argv, capsys)
    en_head, *en_rows = en.splitlines()
    assert en_head == "   kn   days    fuel t  CO2 TtW t  CO2e WtW t"
    assert [r.split() for r in rows] == [r.split() for r in en_rows]  # the same figures
    for fmt in ("csv", "json"):  # machine-readable: English keys whatever the language
        _, a, _ = run_main([*argv, "--format", fmt, "--lang", "zh"], capsys)
        _, b, _ = run_main([*argv, "--format", fmt], capsys)
        assert a == b
    assert json.loads(a)["rows"][0]["speed_kn"] == 12


def test_tradeoff_errors_in_chinese_name_the_value(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_main(
        ["tradeoff", "上海", "长滩", "--speeds", "10:x", "--lang", "zh"], capsys
    )
    assert code == 2
    line = chinese_line(err, "START", "STOP", "STEP")
    assert "航速“10:x”无效" in line and "10:24:1" in line
    code, _, err = run_main(["tradeoff", "上海", "长滩", "--speeds", "10:x"], capsys)
    assert "speeds '10:x' are not accepted" in err
