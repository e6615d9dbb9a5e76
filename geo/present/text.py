"""Text for each sink, and the wording shared by every output.

One helper per sink (guide rule 9): :func:`esc` for HTML and the JavaScript template literals
folium wraps popups in, :func:`md` for Streamlit markdown, :func:`plain` for anything else a
user typed (control characters removed, length capped). :func:`short_source` and
:func:`format_date` give the footer and subtitle wording every renderer shares.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Container, Iterable, Sequence
from typing import Final

_HTML_ESCAPES: Final[dict[int, str]] = {
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
    ord('"'): "&quot;",
    ord("'"): "&#x27;",
    ord("`"): "&#x60;",
    ord("$"): "&#x24;",
    ord("\\"): "&#x5C;",
}


def esc(text: object) -> str:
    """Text made safe for HTML *and* for the JavaScript template literals folium wraps popups
    and tooltips in: escapes ``& < > " '`` and also backtick, ``$`` and backslash."""
    return str(text).translate(_HTML_ESCAPES)


def safe_url(url: str) -> str | None:
    """``url`` escaped for an ``href`` if it is http(s); ``None`` otherwise."""
    u = url.strip()
    if u.lower().startswith(("https://", "http://")):
        return esc(u)
    return None


_MD_SPECIAL: Final[str] = "\\`*_{}[]()#+-.!|<>$~"


#: Bare URLs and ``www.`` names that GitHub-flavoured markdown turns into live links.
_AUTOLINK: Final[re.Pattern[str]] = re.compile(r"(?i)\b(https?|ftp|mailto|www)([:.])")
#: WORD JOINER: invisible, keeps the text on one line, breaks the autolink pattern.
_WORD_JOINER: Final[str] = "\u2060"
#: A colon before a letter: Streamlit's own markdown reads ``:red[…]``, ``:material/icon:``
#: and ``:emoji_name:`` there, even with the brackets escaped.
_DIRECTIVE: Final[re.Pattern[str]] = re.compile(r":(?=[A-Za-z])")


def md(text: object) -> str:
    """Text made literal for Streamlit markdown: escapes markdown syntax, ``$`` (which would
    start LaTeX) and ``<``/``>``, defuses bare URLs (``http://…``, ``www.…``), which
    GitHub-flavoured markdown would otherwise turn into live links, and Streamlit's colour,
    icon and emoji codes (``:red[…]``, ``:material/warning:``, ``:smile:``), by an invisible
    word joiner after a colon that precedes a letter."""
    defused = _AUTOLINK.sub(lambda m: m.group(1) + _WORD_JOINER + m.group(2), str(text))
    defused = _DIRECTIVE.sub(":" + _WORD_JOINER, defused)
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in defused)


#: units that stay on the line of their number in a page's text
_UNIT_WORDS: Final[str] = "吨/天|标准箱|海里|公里|小时|节|天|倍|吨|t/day|TEU|nm|km|kn|t|h|%"
_NUMBER_UNIT: Final[re.Pattern[str]] = re.compile(
    r"(\d) (?=(?:万|亿)?(?:" + _UNIT_WORDS + r")(?![A-Za-z]))"
)
_ABOUT_NUMBER: Final[re.Pattern[str]] = re.compile(r"(约|≈|~|>|<) (?=\d)")
#: Chinese style sets no space: "150吨/天", "5,731海里", "13.3天" (a word joiner holds them)
_ZH_UNIT_WORDS: Final[str] = "吨/天|标准箱|海里|公里|小时|节|天|倍|吨"
_NUMBER_ZH_UNIT: Final[re.Pattern[str]] = re.compile(
    r"(?<=\d)(?=(?:万|亿)?(?:" + _ZH_UNIT_WORDS + r"))"
)
_UNIT_SLASH: Final[re.Pattern[str]] = re.compile(
    r"(?<=[A-Za-z\u4e00-\u9fff])[/／](?=[A-Za-z\u4e00-\u9fff])"
)


def keep_units(text: str) -> str:
    """``text`` for a web page, where the browser must not break a line between a number and
    its unit or inside a unit (``"≈ 150 t/day"``, Chinese ``"约150吨/天"``): a no-break space
    where a space parts them (after the number, after ``约``/``≈``), a word joiner between a
    number and a Chinese unit set close (Chinese style: ``"13.3天"``) and after a slash
    inside a unit or a name (``吨/天``, ``洛杉矶／长滩``, whose full-width slash is Chinese
    punctuation)."""
    text = _ABOUT_NUMBER.sub("\\1\u00a0", _NUMBER_UNIT.sub("\\1\u00a0", text))
    text = _NUMBER_ZH_UNIT.sub(_WORD_JOINER, text)
    # a full-width slash is Chinese punctuation a line may break before: held on both sides
    return _UNIT_SLASH.sub(
        lambda m: (_WORD_JOINER if m.group(0) == "／" else "") + m.group(0) + _WORD_JOINER, text
    )


def plain(text: object, max_chars: int = 200) -> str:
    """User text made safe as plain text: control characters (C0, C1, DEL, bidi overrides)
    dropped, whitespace runs collapsed, cut to ``max_chars`` with an ellipsis."""
    kept = "".join(
        " " if ch in "\t\n\r" else ch
        for ch in str(text)
        if ch in "\t\n\r" or unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co"}
    )
    out = " ".join(kept.split())
    return out if len(out) <= max_chars else out[: max_chars - 1].rstrip() + "…"


def markdown_table(
    header: Sequence[object],
    rows: Iterable[Sequence[object]],
    *,
    right: Container[int] = (),
    bold_rows: Container[int] = (),
) -> str:
    """A GitHub-flavoured Markdown table: ``header`` and each row of ``rows`` as cells, every
    cell made literal by :func:`md` (so ``|`` is ``\\|``) and put on one line; the columns
    whose index is in ``right`` right-aligned (figures), the rows whose index is in
    ``bold_rows`` in bold (a total). One Markdown element draws the whole table: the page's
    ``st.table`` drew every cell as a Markdown element of its own."""

    def cell(value: object, bold: bool = False) -> str:
        text = md(" ".join(str(value).split()))
        return f"**{text}**" if bold and text else text

    lines = [
        "| " + " | ".join(cell(h) for h in header) + " |",
        "|" + "|".join("---:" if i in right else ":---" for i in range(len(header))) + "|",
    ]
    for n, row in enumerate(rows):
        lines.append("| " + " | ".join(cell(v, n in bold_rows) for v in row) + " |")
    return "\n".join(lines)


_QUOTED_RE: Final[re.Pattern[str]] = re.compile(r"\s*(“[^”]*”|\"[^\"]*\")")
#: A bracketed aside, in ASCII or full-width brackets (``本项目假设（航速三次方外推范围）``).
_PAREN_RE: Final[re.Pattern[str]] = re.compile(r"\s*[(（]([^()（）]*)[)）]")


def short_source(source: str) -> str:
    """A source name short enough for a footer: the publisher, without article titles.

    ``"freightwaves.com, “Port of Los Angeles tops 10M ...”"`` → ``"freightwaves.com"``;
    ``"MARPOL Annex VI (reported by marinelink.com)"`` → ``"MARPOL Annex VI"``; acronyms and
    years in brackets stay (``"... (SIPG)"``); a source *as reported by* a publisher is kept
    whole, as the project cites it.
    """
    text = " ".join(str(source).split())
    if ", as reported by " in text:
        head, _, tail = text.partition(", as reported by ")
        return f"{head}, as reported by {tail.split(';')[0].strip()}"
    text = _QUOTED_RE.sub("", text)
    text = _PAREN_RE.sub(
        lambda m: m.group(0) if re.fullmatch(r"[A-Z0-9&.\- ]+", m.group(1)) else "", text
    )
    depth = 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            text = text[:i]
            break
    return text.strip(" ;,")


def format_date(iso_date: str) -> str:
    """``"2026-11-26"`` → ``"26 Nov 2026"``; ``"2026"`` stays ``"2026"``; anything else as is."""
    try:
        day = dt.date.fromisoformat(iso_date)
    except ValueError:
        return iso_date
    return f"{day.day} {day.strftime('%b')} {day.year}"
