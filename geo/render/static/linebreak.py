"""Where a slide's text may break into lines (:func:`wrap_lines`).

English breaks at spaces (:mod:`textwrap`). Chinese has no spaces between words, so it may
break between two Chinese characters, except:

* never inside a number with its unit or a unit itself (``"约 150 吨/天"``, ``"8,000 TEU"``,
  ``"5,731 海里"``, ``"g/TEU·km"``), in either language;
* never inside a Chinese proper name (``"洛杉矶／长滩"``, ``"北美排放控制区"``:
  :func:`geo.present.localnames.chinese_words`);
* never before a closing mark (``，。）…``) nor after an opening one (``（《“``);
* never inside a short bracketed aside (``"2025年目标（期限已过）"`` breaks before ``（``, not
  inside ``期限已过``): up to :data:`MAX_ASIDE` characters, brackets included.

A piece longer than a whole line is cut by characters only when ``force`` is set.
"""

from __future__ import annotations

import functools
import re
import textwrap
from typing import Final

from geo.present.localnames import chinese_words
from geo.render.static.fonts import needs_cjk

NO_LINE_START: Final[str] = "，。；：、！？）」』》〉】”’%％…·,.;:!?)]"
NO_LINE_END: Final[str] = "（「『《〈【“‘([$"
#: an opening bracket and its closing one: an aside this short is one piece
BRACKETS: Final[dict[str, str]] = {"（": "）", "(": ")", "【": "】", "《": "》", "“": "”"}
MAX_ASIDE: Final[int] = 10
_IDEOGRAPHS: Final[str] = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Chinese (and Japanese) characters and their punctuation: each may stand on its own
_CJK: Final[str] = "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\uff00-\uffef" + _IDEOGRAPHS
#: units that stay with their number (longest first within each alternative)
UNITS: Final[tuple[str, ...]] = (
    "吨二氧化碳当量",  # "4,527吨二氧化碳当量": no "量" alone on a line
    "吨二氧化碳",
    "万标准箱",
    "亿美元",
    "标准箱",
    "吨/天",
    "海里",
    "公里",
    "千米",
    "小时",
    "美元",
    "节",
    "天",
    "倍",
    "吨",
    "米",
    "年",
    "%",
    "％",
    "t/day",
    "TEU",
    "nm",
    "km",
    "kn",
    "t",
    "h",
    "B",
    "M",
)
_NUMBER: Final[str] = r"(?:[≈~<>≤≥约逾]\s?)?(?:US\$|\$)?\d[\d,.]*(?:\s?[万亿])?"
_UNIT: Final[str] = "(?:" + "|".join(re.escape(u) for u in UNITS) + r")(?![A-Za-z])"
#: a word of a unit: one or two 汉字 (``吨``, ``公里``) or Latin letters (``TEU``), never a
#: longer run of 汉字 (``前往洛杉矶／长滩`` is a name and words, not a unit)
_WORD: Final[str] = "(?:[" + _IDEOGRAPHS + "]{1,2}|[A-Za-z]+)"
#: a compound unit: ``吨/天``, ``g/TEU·km``, ``克/TEU·公里``
_COMPOUND: Final[str] = _WORD + "/" + _WORD + "(?:·" + _WORD + ")?"
_GLUE_EN: Final[re.Pattern[str]] = re.compile(r"(\d)\s(?=" + _UNIT + r")|(≈|~|<|>)\s(?=\d)")


@functools.cache
def _pieces() -> re.Pattern[str]:
    """One unbreakable piece of Chinese text: a name, a scale (``1:110m``), a number with its
    unit, a unit, a run of Latin letters and digits, one Chinese character or a run of
    spaces."""
    names = "|".join(re.escape(w) for w in chinese_words())
    parts = [
        *([names] if names else []),
        r"\d+:\d[\d.]*[A-Za-z]*",  # a scale or ratio: Natural Earth 1:110m
        _NUMBER + r"(?:\s?(?:" + _COMPOUND + "|" + _UNIT + "))?",
        _COMPOUND,
        r"[^\s" + _CJK + r"]+",
        r"[" + _CJK + r"]",
        r"\s+",
    ]
    return re.compile("|".join(f"(?:{p})" for p in parts))


def pieces(content: str) -> list[str]:
    """``content`` cut into the pieces no line break may fall inside, the closing marks
    joined to the piece before them and the opening marks to the piece after."""
    out: list[str] = []
    for m in _pieces().finditer(content):
        piece = m.group()
        while piece and piece[0] in NO_LINE_START and out and not out[-1].isspace():
            out[-1] += piece[0]
            piece = piece[1:]
        if piece:
            out.append(piece)
    joined: list[str] = []
    for piece in out:
        if joined and joined[-1][-1] in NO_LINE_END and not piece.isspace():
            joined[-1] += piece
        else:
            joined.append(piece)
    return _asides(joined)


def _asides(parts: list[str]) -> list[str]:
    """``parts`` with each short bracketed aside (an opening bracket … its closing one, at most
    :data:`MAX_ASIDE` characters) made one piece, so a line breaks before it, not inside."""
    out: list[str] = []
    i = 0
    while i < len(parts):
        close = BRACKETS.get(parts[i][0])
        if close is not None:
            text, j = parts[i], i
            while close not in text[1:] and j + 1 < len(parts) and len(text) <= MAX_ASIDE:
                j += 1
                text += parts[j]
            if close in text[1:] and text.index(close, 1) < MAX_ASIDE:
                out.append(text)
                i = j + 1
                continue
        out.append(parts[i])
        i += 1
    return out


def _wrap_chinese(content: str, width: int, force: bool) -> list[str]:
    lines: list[str] = []
    line = ""
    for piece in pieces(content):
        if piece.isspace():
            if line:
                line += " "
            continue
        fits = len(line) + len(piece) <= width
        if fits or not line.strip() or piece[0] in NO_LINE_START:  # "… · …": never "·" first
            line += piece
        else:
            lines.append(line.rstrip())
            line = piece
        while force and len(line) > width:
            lines.append(line[:width])
            line = line[width:]
    if line.strip():
        lines.append(line.rstrip())
    return lines


def wrap_lines(content: str, width: int, force: bool) -> list[str]:
    """``content`` in lines of about ``width`` characters, broken only where the rules above
    allow (a piece longer than ``width`` gets a line of its own, cut only with ``force``)."""
    if needs_cjk(content):
        return _wrap_chinese(content, width, force)
    glued = _GLUE_EN.sub(lambda m: (m.group(1) or m.group(2)) + "\u00a0", content)
    lines = textwrap.wrap(glued, width=width, break_long_words=force, break_on_hyphens=False)
    return [line.replace("\u00a0", " ") for line in lines]
