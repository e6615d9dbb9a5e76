"""One escaping helper per sink: markdown, plain text."""

from __future__ import annotations

import re

import pytest

from geo.present.text import md, plain


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
