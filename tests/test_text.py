"""One escaping helper per sink: markdown, plain text."""

from __future__ import annotations

import re

import pytest

from geo.present.text import markdown_table, md, plain
from tests.mdtables import _cells


@pytest.mark.parametrize(
    "hostile",
    [
        "[Session expired, log in](http://evil.example)",
        "see https://evil.example/login now",
        "www.evil.example",
        "mailto:someone@evil.example",
    ],
)
def test_markdown_never_gets_a_live_link(hostile: str) -> None:
    out = md(hostile)
    # no bare scheme or www. left for GitHub-flavoured autolinking, no unescaped brackets
    assert not re.search(r"(?i)\b(https?|mailto|www)[:.]", out)
    assert not re.search(r"(?<!\\)[\[\]()]", out)
    # the reader still sees the same characters (word joiners are invisible)
    assert out.replace("\u2060", "").replace("\\", "") == hostile


def test_markdown_never_starts_math_or_html() -> None:
    out = md("$x^2$ <img src=x onerror=alert(1)>")
    assert "\\$x^2\\$" in out and "\\<img" in out


def test_plain_drops_control_characters_and_cuts() -> None:
    assert plain("a\x1b[2Jb\x07c\u202e") == "a[2Jbc"
    assert plain("x" * 300, 10) == "x" * 9 + "…"


@pytest.mark.parametrize(
    "hostile", [":red[alert]", ":material/warning:", ":smile:", "a:blue-background[x]"]
)
def test_markdown_never_starts_a_streamlit_colour_icon_or_emoji(hostile: str) -> None:
    out = md(hostile)
    assert not re.search(r":[A-Za-z]", out), out  # no colon directly before a letter
    assert out.replace("\u2060", "").replace("\\", "") == hostile
    assert md("Trade value: 13:20") == "Trade value: 13:20"  # ordinary colons untouched


def test_a_markdown_table_keeps_every_cell_literal_and_in_its_column() -> None:
    table = markdown_table(
        ["Segment", "Distance (nm)"],
        [["A | B [x](http://evil.example)", "1,234"], ["line\nbreak $x^2$", "5"], ["Total", "9"]],
        right={1},
        bold_rows={2},
    )
    lines = table.splitlines()
    assert lines[1] == "|:---|---:|"  # the figures right-aligned
    assert len(lines) == 5  # a newline in a cell does not start a row
    # the pipe is escaped, so the row keeps its two cells, and nothing in it is live
    cells = _cells(lines[2])
    assert cells[0].replace("\u2060", "") == "A | B [x](http://evil.example)"  # URL defused
    assert cells[1] == "1,234"
    assert "\\|" in lines[2] and "\\[x\\]\\(" in lines[2] and "\\$x^2\\$" in lines[3]
    assert lines[4] == "| **Total** | **9** |"
