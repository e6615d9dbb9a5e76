"""``python -m geo deck``: the example deck writes every file; a bad entry is reported by name
and the others are still written (exit 2); file names are made safe; bad deck files give
one line and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.jobs import deck as snapshot
from geo.render import browser as browser_snapshot
from tests.cli_helpers import run_main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "deck.toml"


def write_deck(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "deck.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.browser
def test_example_deck_writes_every_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "slides" / "nested"  # created when missing
    code, out, err = run_main(["deck", str(EXAMPLE), "--out", str(out_dir)], capsys)
    assert code == 0, err
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == [
        "corridor-lane-data.geojson",
        "corridor-lane.png",
        "shanghai-long-beach.svg",
        "shanghai-rotterdam-no-suez.pdf",
    ]
    assert all((out_dir / n).stat().st_size > 1000 for n in names)
    png = (out_dir / "corridor-lane.png").read_bytes()
    assert browser_snapshot.png_size(png) == (1920, 1080)
    assert b"<svg" in (out_dir / "shanghai-long-beach.svg").read_bytes()[:500]
    assert (out_dir / "shanghai-rotterdam-no-suez.pdf").read_bytes().startswith(b"%PDF")
    data = json.loads((out_dir / "corridor-lane-data.geojson").read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    assert out.strip() == f"wrote 4 of 4 files to {out_dir}"
    progress = err.strip().splitlines()
    assert len(progress) == 4
    assert progress[0].startswith("[#####...............] 1/4 corridor-lane: ok corridor-lane.png")
    assert "(png, browser, " in progress[0]
    assert progress[-1].startswith("[####################] 4/4 corridor-lane-data: ok")


BAD_DECK = """
[defaults]
format = "csv"
speed = 16

[[snapshot]]
name = "good-one"
origin = "Shanghai"
destination = "Long Beach"

[[snapshot]]
name = "unknown-port"
origin = "Atlantis"
destination = "Long Beach"

[[snapshot]]
name = "bad-size"
origin = "Shanghai"
destination = "Los Angeles"
format = "svg"
size = "10x10"

[[snapshot]]
name = "bad-speed"
origin = "Shanghai"
destination = "Los Angeles"
speed = 400

[[snapshot]]
name = "speed-as-text"
origin = "Shanghai"
destination = "Los Angeles"
speed = "fast"

[[snapshot]]
name = "missing-destination"
origin = "Shanghai"

[[snapshot]]
name = "typo-field"
origin = "Shanghai"
destinaton = "Los Angeles"

[[snapshot]]
name = "bad-extension"
origin = "Shanghai"
destination = "Los Angeles"
out = "lane.docx"

[[snapshot]]
name = "../../escape/../attempt"
origin = "Shanghai"
destination = "Los Angeles"
format = "geojson"

[[snapshot]]
name = "sneaky-out"
origin = "CNSHA"
destination = "USLAX"
out = "../../../tmp/evil.csv"

[[snapshot]]
name = "good-one-again"
origin = "Shanghai"
destination = "Long Beach"
out = "good-one.csv"
"""


def test_a_deck_with_bad_entries_writes_the_others_names_each_bad_one_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = write_deck(tmp_path, BAD_DECK)
    out_dir = tmp_path / "out"
    code, out, err = run_main(["deck", str(deck), "--out", str(out_dir)], capsys)
    assert code == 2
    written = sorted(p.name for p in out_dir.iterdir())
    assert written == ["escape_attempt.geojson", "good-one.csv", "tmp_evil.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.toml", "out"]  # no escape
    assert (out_dir / "good-one.csv").read_text(encoding="utf-8").startswith("\ufeff# title,")
    lines = err.strip().splitlines()
    failures = {
        "unknown-port": "Atlantis",
        "bad-size": "10x10",
        "bad-speed": "400",
        "speed-as-text": "'fast'",
        "missing-destination": "missing field 'destination'",
        "typo-field": "unknown field 'destinaton'",
        "bad-extension": "'.docx'",
        "good-one-again": "as entry 'good-one' already does",
    }
    for name, reason in failures.items():
        matching = [ln for ln in lines if f" {name}: FAILED: " in ln]
        assert len(matching) == 1, (name, err)
        assert reason in matching[0], matching[0]
    assert sum(": ok " in ln for ln in lines) == 3
    assert lines[-1].startswith("python -m geo deck: error: 8 of 11 entries failed: ")
    assert "unknown-port" in lines[-1] and "Traceback" not in err
    assert out.strip() == f"wrote 3 of 11 files to {out_dir}"


def test_deck_entries_are_read_with_defaults_and_safe_names(tmp_path: Path) -> None:
    deck = write_deck(
        tmp_path,
        """
[defaults]
size = "4:3"
avoid = ["suez"]
format = "pdf"

[[snapshot]]
name = "Shanghai → Rotterdam (board pack)"
origin = "Shanghai"
destination = "Rotterdam"

[[snapshot]]
origin = "Shanghai"
destination = "Long Beach"
size = [1280, 720]
avoid = "panama"
out = "CON.png"
""",
    )
    first, second = snapshot.load_deck(deck)
    assert first.error == "" and second.error == ""
    assert first.filename == "Shanghai_Rotterdam_board_pack.pdf"
    assert first.size == (1600, 1200) and first.avoid == ("suez",) and first.speed_kn == 18
    assert second.name == "entry 2" and second.filename == "CON_.png"
    assert second.size == (1280, 720) and second.avoid == "panama"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("this is = not toml [", "not valid TOML"),
        ("[defaults]\nspeed = 18\n", "no [[snapshot]] entries"),
        ("[defaults]\nsize = 'tiny'\n[[snapshot]]\norigin='a'\ndestination='b'\n", "'tiny'"),
        ("[defaults]\ncolour = 'red'\n[[snapshot]]\norigin='a'\ndestination='b'\n", "'colour'"),
        ("[slides]\nx = 1\n", "'slides'"),
    ],
)
def test_a_bad_deck_file_is_one_line_and_exit_2(
    text: str, needle: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = write_deck(tmp_path, text)
    code, out, err = run_main(["deck", str(deck), "--out", str(tmp_path / "out")], capsys)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], err
    assert not (tmp_path / "out").exists()


def test_missing_deck_file_in_a_real_process_is_one_line(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "geo", "deck", str(tmp_path / "nope.toml"), "--out", "x"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and "does not exist" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_deck_help_states_the_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_main(["deck", "--help"], capsys)
    assert code == 0
    flat = " ".join(out.split())
    assert "0 if every entry was written, 2 if any entry failed" in flat
    assert "[[snapshot]]" in flat and "[defaults]" in flat


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"\xff\xfe[\x00d\x00e\x00", "not UTF-8 text"),  # UTF-16 with a byte-order mark
        (bytes(range(256)), "not UTF-8 text"),  # binary
        (b"a = " + b"[" * 50_000 + b"]" * 50_000, "nested too deeply"),
        (b'[[snapshot]]\nname = "x\x00"\n', "NUL"),
    ],
    ids=["utf-16", "binary", "deep", "nul"],
)
def test_a_deck_that_is_not_utf8_toml_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, needle: str
) -> None:
    deck = tmp_path / "bad.toml"
    deck.write_bytes(content)
    code, out, err = run_main(["deck", str(deck), "--out", str(tmp_path / "out")], capsys)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and needle in err
    assert "Traceback" not in err


def test_entry_names_reach_the_terminal_without_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "deck.toml"
    deck.write_text(
        '[[snapshot]]\nname = "evil\\u001b[2J\\u0007 entry"\norigin = "Nowhere-zz"\n'
        'destination = "Long Beach"\nformat = "csv"\n',
        encoding="utf-8",
    )
    code, _, err = run_main(["deck", str(deck), "--out", str(tmp_path / "out")], capsys)
    assert code == 2
    assert "\x1b" not in err and "\x07" not in err
    assert "evil[2J entry: FAILED" in err


CHINESE_NAMES = """
[defaults]
lang = "zh"
format = "csv"

[[snapshot]]
name = "走廊航线"
origin = "上海"
destination = "圣佩德罗湾"

[[snapshot]]
name = "釜山航线"
origin = "釜山"
destination = "鹿特丹"

[[snapshot]]
name = "走廊航线慢速"
origin = "上海"
destination = "圣佩德罗湾"
speed = 16

[[snapshot]]
name = "无名港"
origin = "上海"
destination = "不存在的港口"
"""


def test_chinese_entry_names_keep_their_chinese_in_the_file_name(tmp_path: Path) -> None:
    entries = snapshot.load_deck(write_deck(tmp_path, CHINESE_NAMES))
    assert [e.error for e in entries] == [""] * 4
    assert [e.filename for e in entries] == [
        "走廊航线.csv",
        "釜山航线.csv",
        "走廊航线慢速.csv",
        "无名港.csv",
    ]


MIXED_NAMES = """
[defaults]
format = "svg"

[[snapshot]]
name = "航线A"
origin = "上海"
destination = "长滩"

[[snapshot]]
name = "走廊A"
origin = "上海"
destination = "洛杉矶"

[[snapshot]]
name = "A"
origin = "上海"
destination = "洛杉矶"

[[snapshot]]
name = "航线/A"
origin = "上海"
destination = "洛杉矶"

[[snapshot]]
name = "航线:A"
origin = "上海"
destination = "洛杉矶"

[[snapshot]]
name = "航线_A-2"
origin = "上海"
destination = "洛杉矶"

[[snapshot]]
name = "→"
origin = "釜山"
destination = "上海"

[[snapshot]]
name = "⇒"
origin = "釜山"
destination = "上海"
"""


def test_mixed_chinese_and_latin_names_give_distinct_readable_files(tmp_path: Path) -> None:
    """The old rule kept only ASCII: 航线A and 走廊A both became A.svg, and the second was
    refused (or numbered by its place in the deck)."""
    entries = snapshot.load_deck(write_deck(tmp_path, MIXED_NAMES))
    assert [e.error for e in entries] == [""] * 8
    assert [e.filename for e in entries] == [
        "航线A.svg",
        "走廊A.svg",
        "A.svg",
        "航线_A.svg",
        "航线_A-3.svg",  # a genuine collision: -2 is a file another entry is named for
        "航线_A-2.svg",
        "Busan-Shanghai.svg",  # nothing to keep in the name: the lane, by its current names
        "Busan-Shanghai-2.svg",
    ]
    assert len({e.filename.casefold() for e in entries}) == len(entries)
    again = snapshot.load_deck(write_deck(tmp_path, MIXED_NAMES))
    assert [e.filename for e in again] == [e.filename for e in entries]  # deterministic


def test_a_named_entry_that_repeats_a_file_is_still_an_error(tmp_path: Path) -> None:
    text = '[[snapshot]]\nname="a"\norigin="上海"\ndestination="长滩"\nformat="csv"\n' * 2
    first, second = snapshot.load_deck(write_deck(tmp_path, text))
    assert first.error == "" and "already does" in second.error


def test_the_decks_default_lang_words_the_status_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = '[defaults]\nlang = "zh"\n\n[[snapshot]]\nname = "坏"\norigin = "上海"\n'
    deck = write_deck(tmp_path, text)
    code, _, err = run_main(["deck", str(deck), "--out", str(tmp_path / "o")], capsys)
    assert code == 2
    assert "坏：失败：缺少字段“destination”（" in err and "FAILED" not in err
    assert "missing field" not in err
    code, _, err = run_main(
        ["deck", str(deck), "--out", str(tmp_path / "o"), "--lang", "en"], capsys
    )
    assert "坏: FAILED: missing field 'destination'" in err  # --lang wins
    empty = write_deck(tmp_path, '[defaults]\nlang = "zh"\n')
    code, _, err = run_main(["deck", str(empty), "--out", str(tmp_path / "o")], capsys)
    assert code == 2 and "no [[snapshot]] entries" not in err and "[[snapshot]]" in err
    assert snapshot.status_lang(empty, None) == "zh"
    assert snapshot.status_lang(empty, "en") == "en"
    assert snapshot.status_lang(write_deck(tmp_path, "not = toml ["), None) == "en"
