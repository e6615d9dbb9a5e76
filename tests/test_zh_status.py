"""Issue 11 on the command line: route warnings, the ``--strict`` refusal, passage names and
status lines in Chinese under ``--lang zh`` (English unchanged), and warnings as data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from geo.export.writers import metadata_rows
from geo.i18n import translator
from geo.present.model import present
from geo.present.routewarn import warning_text
from geo.present.view import build_view
from geo.routing import engine as routing
from tests.cli_helpers import run_main

#: A run of Latin letters that a Chinese line may not contain: two or more letters, not all
#: capitals (UN/LOCODEs, PNG, KB are codes and acronyms).
_WORD = re.compile(r"[A-Za-z]{2,}")
#: Names a Chinese text keeps in Latin letters: the land layer, the renderers.
NAMES = {"Natural", "Earth", "matplotlib", "Chromium", "GeoPandas", "GDAL", "python", "geo"}


def english_words(text: str) -> list[str]:
    """The Latin words of ``text`` that are neither codes, acronyms nor :data:`NAMES`."""
    return [w for w in _WORD.findall(text) if not w.isupper() and w not in NAMES]


# (origin, destination, the ends warned about): inland points and far-off coordinates
INLAND = [
    ("117,32", "Long Beach", "origin"),
    ("Shanghai", "117,32", "destination"),
    ("0,25", "Rotterdam", "origin"),
    ("Busan", "105,40", "destination"),
]


@pytest.mark.parametrize(("origin", "dest", "end"), INLAND)
def test_route_text_words_each_warning_in_chinese(
    origin: str, dest: str, end: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_main(["route", origin, dest, "--lang", "zh"], capsys)
    assert code == 0 and err == ""
    lines = [ln.strip() for ln in out.splitlines() if ln.strip().startswith("警告：")]
    route = routing.route(origin, dest)
    assert len(lines) == len(route.warnings) == 2
    zh = translator("zh")
    start = "起点" if end == "origin" else "终点"
    for line, w in zip(lines, route.warnings, strict=True):
        assert line.startswith(f"警告：{start}北纬") or line.startswith(f"警告：{start}釜山")
        assert "°N" not in line and "°E" not in line  # a point reads 北纬…、东经…
        assert f"{zh.number(w.distance_nm)}海里" in line  # Babel's number, the Chinese unit
        assert english_words(line) == [], line
    assert "陆地" in lines[0] and "最近的海上航线" in lines[1] and "超过50海里" in lines[1]


@pytest.mark.parametrize(("origin", "dest", "end"), INLAND[:2])
def test_english_warnings_keep_their_words(
    origin: str, dest: str, end: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_main(["route", origin, dest], capsys)
    assert code == 0
    route = routing.route(origin, dest)
    for w in route.warnings:
        assert f"  warning: {w.message()}" in out.splitlines()
        assert warning_text(w) == w.message() == str(w)
    assert f"{end} 32.000°N 117.000°E is on land (205 nm inland on the Natural Earth" in out
    assert "the route " + ("starts" if end == "origin" else "ends") + " with a straight leg" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["route", "0,25", "Rotterdam"],
        ["route", "Shanghai", "117,32", "--format", "json"],
        ["snapshot", "117,32", "Long Beach", "--out", "{tmp}/lane.csv"],
    ],
)
def test_strict_refusal_is_one_chinese_line(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, out, err = run_main([*args, "--strict", "--lang", "zh"], capsys)
    assert code == 2 and out == ""
    (line,) = err.strip().splitlines()
    prog = f"python -m geo {args[0]}"  # the command's name, as argparse's errors give it
    assert line.startswith(f"{prog}：错误：")
    assert "严格模式" in line and "位于陆地上" in line and "50海里" in line
    assert english_words(line.removeprefix(prog)) == [], line
    assert not (tmp_path / "lane.csv").exists()
    code, _, err = run_main([*args, "--strict"], capsys)  # English as before
    assert code == 2 and f"{prog}: error: " in err and "(strict: an end must be" in err


def test_json_keeps_english_and_carries_the_warnings_as_data(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run_main(
        ["route", "Shanghai", "117,32", "--format", "json", "--lang", "zh"], capsys
    )
    assert code == 0
    data = json.loads(out)
    route = routing.route("Shanghai", "117,32")
    assert data["warnings"] == [w.message() for w in route.warnings]
    kinds = [(w["kind"], w["end"], w["port_id"]) for w in data["route_warnings"]]
    assert kinds == [
        ("on_land", "destination", "117,32"),
        ("far_from_network", "destination", "117,32"),
    ]
    assert data["route_warnings"][1]["limit_nm"] == 50
    assert data["route_warnings"][1]["distance_nm"] == round(route.destination_snap_nm, 1)
    assert data["route_warnings"][0]["message"].startswith("destination 32.000°N 117.000°E is on")
    lines = err.strip().splitlines()  # for the person at the terminal: in --lang
    assert len(lines) == 2 and all(ln.startswith("警告：终点北纬32°、东经117°") for ln in lines)


def test_presentation_and_exports_word_the_warnings_in_their_language() -> None:
    view = build_view("117,32", "Long Beach")
    zh = present(view, lang="zh")
    assert len(zh.warnings) == 2 and all(w.startswith("起点北纬32°、东经117°") for w in zh.warnings)
    assert zh.as_dict()["warnings"] == list(zh.warnings)
    data = zh.as_dict()["route_warnings"]  # the same data in either language
    assert data == present(view).as_dict()["route_warnings"]
    assert [w["kind"] for w in data] == ["on_land", "far_from_network"]
    rows = metadata_rows(zh)  # the GeoPackage table and the CSV header
    assert [text for key, text in rows if key == "warning"] == list(zh.warnings)
    en = present(view)
    assert en.warnings == tuple(w.message() for w in view.main.warnings)


PASSAGES = [
    ("苏伊士", ("suez",)),
    ("苏伊士运河", ("suez",)),
    ("蘇伊士運河", ("suez",)),
    ("巴拿马运河", ("panama",)),
    ("巴拿馬", ("panama",)),
    ("马六甲海峡", ("malacca",)),
    ("馬六甲海峽", ("malacca",)),
    ("好望角", ("south_africa",)),
    ("德雷克海峡", ("cape_horn",)),
    ("合恩角（德雷克海峡）", ("cape_horn",)),
    ("霍尔木兹", ("ormuz",)),
    ("Suez Canal", ("suez",)),
    ("Strait of Malacca", ("malacca",)),
    ("苏伊士，巴拿马、马六甲", ("malacca", "panama", "suez")),
    ("suez, 好望角", ("south_africa", "suez")),
]


@pytest.mark.parametrize(("typed", "keys"), PASSAGES)
def test_passages_typed_in_chinese_or_by_their_names(typed: str, keys: tuple[str, ...]) -> None:
    assert routing.normalise_avoid(typed) == keys


@pytest.mark.parametrize(
    ("chinese", "english"), [("苏伊士", "suez"), ("巴拿马运河", "panama"), ("馬六甲", "malacca")]
)
def test_cli_avoid_in_chinese_is_the_same_route(
    chinese: str, english: str, capsys: pytest.CaptureFixture[str]
) -> None:
    runs = []
    for avoid in (chinese, english):
        code, out, err = run_main(
            ["route", "Shanghai", "Rotterdam", "--avoid", avoid, "--format", "json"], capsys
        )
        assert code == 0, err
        runs.append(json.loads(out))
    assert runs[0]["avoid"] == runs[1]["avoid"] == [english]
    assert runs[0]["distance_nm"] == runs[1]["distance_nm"]
    assert english not in runs[0]["passages"]


@pytest.mark.parametrize("typed", ["苏伊土", "Atlantis", "panama,巴拿"])
def test_an_unknown_passage_lists_the_accepted_names_in_the_users_language(
    typed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["route", "Shanghai", "Long Beach", "--avoid", typed]
    code, _, err = run_main([*argv, "--lang", "zh"], capsys)
    assert code == 2
    (line,) = err.strip().splitlines()
    assert "未知通道" in line and "可用：" in line
    assert "苏伊士运河" in line and "巴拿马运河、好望角" in line and "south_africa" not in line
    code, _, err = run_main(argv, capsys)
    assert code == 2 and "unknown passage" in err and "south_africa, suez" in err


def test_snapshot_status_lines_in_chinese_with_ascii_file_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for suffix, fmt in ((".csv", "CSV"), (".geojson", "GEOJSON")):
        path = tmp_path / f"lane{suffix}"
        code, out, err = run_main(
            ["snapshot", "117,32", "长滩", "--out", str(path), "--lang", "zh"], capsys
        )
        assert code == 0 and path.exists()
        assert out.strip().startswith(f"已写入 {path}（{fmt}，GeoPandas / GDAL，")
        assert out.strip().endswith(" KB）")
        assert all(ln.startswith("警告：起点北纬32°、东经117°") for ln in err.strip().splitlines())
        assert english_words(out.replace(str(path), "")) == []
    code, out, _ = run_main(["snapshot", "Shanghai", "Long Beach", "--out", str(path)], capsys)
    assert re.fullmatch(rf"wrote {re.escape(str(path))} \(geojson, data, [\d,]+ KB\)\n", out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lane.csv", "lane.geojson"]


DECK = """
[[snapshot]]
name = "上海-长滩"
origin = "上海"
destination = "长滩"
format = "csv"

[[snapshot]]
name = "unknown-port"
origin = "Atlantis"
destination = "Long Beach"
format = "csv"

[[snapshot]]
name = "evil\\u001b[2J\\u0007 entry"
origin = "Nowhere-zz"
destination = "Long Beach"
format = "csv"

[[snapshot]]
name = "avoid-zh"
origin = "上海"
destination = "鹿特丹"
avoid = "苏伊士"
format = "geojson"
"""


def test_deck_progress_and_summary_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "deck.toml"
    deck.write_text(DECK, encoding="utf-8")
    out_dir = tmp_path / "out"
    code, out, err = run_main(["deck", str(deck), "--out", str(out_dir), "--lang", "zh"], capsys)
    assert code == 2
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == ["avoid-zh.geojson", "上海-长滩.csv"]  # the Chinese name is the file name
    lines = err.strip().splitlines()
    ok = [ln for ln in lines if "：已完成 " in ln]
    assert len(ok) == 2 and all(re.search(r"（(CSV|GEOJSON)，GeoPandas / GDAL，", ln) for ln in ok)
    assert all(re.search(r"，[\d.]+秒）$", ln) for ln in ok)
    failed = [ln for ln in lines if "：失败：" in ln]
    assert len(failed) == 2 and any("未知港口“Atlantis”" in ln for ln in failed)
    assert "\x1b" not in err and "\x07" not in err and "evil[2J entry：失败：" in err
    summary = "python -m geo deck：错误：4个条目中有2个失败：unknown-port、evil"
    assert lines[-1].startswith(summary)
    assert out.strip() == f"已将4个文件中的2个写入 {out_dir}"
    data = json.loads((out_dir / "avoid-zh.geojson").read_text(encoding="utf-8"))
    assert data["metadata"]["avoid"] == ["suez"]  # the deck's 苏伊士
    assert "苏伊士运河" in data["metadata"]["passages_text"]


def test_matrix_and_atlas_status_lines_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    matrix = tmp_path / "m.csv"
    code, out, err = run_main(
        ["matrix", "CNSHA", "USLGB", "Pusann", "--out", str(matrix), "--lang", "zh"], capsys
    )
    assert code == 2
    assert out.strip() == f"已写入 {matrix}（2×2个港口，单位：海里）"
    assert err.startswith("python -m geo matrix：错误：")
    lanes = tmp_path / "lanes.csv"
    lanes.write_text("origin,destination\nCNSHA,USLGB\n", encoding="utf-8")
    atlas = tmp_path / "lanes.gpkg"
    code, out, err = run_main(
        ["atlas", str(lanes), "--out", str(atlas), "--avoid", "巴拿马", "--lang", "zh"], capsys
    )
    assert code == 0, err
    assert out.strip() == f"已写入 {atlas}（1条航线）"
    code, out, _ = run_main(["atlas", str(lanes), "--out", str(atlas)], capsys)
    assert out.strip() == f"wrote {atlas} (1 lanes)"


@pytest.mark.parametrize(
    ("options", "zh", "en"),
    [
        (["--out", "{tmp}/missing/lane.svg"], "文件夹 ", "the folder "),
        (["--out", "{tmp}/lane.svg", "--renderer", "browser"], "仅适用于 .png", "applies to .png"),
        (["--out", "{tmp}/lane.csv", "--slide", "tradeoff"], "只能输出 .png", "writes .png"),
    ],
)
def test_snapshot_option_errors_in_chinese(
    options: list[str], zh: str, en: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["snapshot", "上海", "长滩", *(o.replace("{tmp}", str(tmp_path)) for o in options)]
    code, out, err = run_main([*argv, "--lang", "zh"], capsys)
    assert code == 2 and out == ""
    assert err.startswith("python -m geo snapshot：错误：") and zh in err, err
    code, _, err = run_main(argv, capsys)
    assert code == 2 and err.startswith("python -m geo snapshot: error: ") and en in err


UNNAMED_DECK = """
[[snapshot]]
origin = "上海"
destination = "长滩"
format = "csv"

[[snapshot]]
origin = "Atlantis"
destination = "Long Beach"

[[snapshot]]
name = "named"
origin = "Nowhere-zz"
destination = "Long Beach"

[[snapshot]]
destination = "Long Beach"
"""


@pytest.mark.parametrize(
    ("lang", "first", "second", "fourth", "summary"),
    [
        (
            "zh",
            "1/4 第1项：已完成 entry_1.csv",
            "2/4 第2项：失败：",
            "4/4 第4项：失败：",
            "4个条目中有3个失败：第2项、named、第4项",
        ),
        (
            "en",
            "1/4 entry 1: ok entry_1.csv",
            "2/4 entry 2: FAILED: ",
            "4/4 entry 4: FAILED: ",
            "3 of 4 entries failed: entry 2, named, entry 4",
        ),
    ],
)
def test_an_unnamed_deck_entry_is_numbered_in_the_status_language(
    lang: str,
    first: str,
    second: str,
    fourth: str,
    summary: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    deck = tmp_path / "deck.toml"
    deck.write_text(UNNAMED_DECK, encoding="utf-8")
    out_dir = tmp_path / "out"
    code, _, err = run_main(["deck", str(deck), "--out", str(out_dir), "--lang", lang], capsys)
    assert code == 2
    lines = err.strip().splitlines()
    assert any(second in ln for ln in lines) and any(fourth in ln for ln in lines), err
    assert summary in lines[-1]
    assert first in err
    if lang == "zh":
        assert "entry 2" not in err and "entry 4" not in err
    assert sorted(p.name for p in out_dir.iterdir()) == ["entry_1.csv"]  # files keep ASCII
