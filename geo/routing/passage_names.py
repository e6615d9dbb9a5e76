"""What a reader may type for a passage: its key, its English and Chinese names, aliases.

:func:`lookup` maps a typed name to the passage keys it means. Accepted, in any case, with
spaces, ``_`` or ``-`` between words:

* the key (``suez``, ``south_africa``) and a few aliases (``cape``, ``hormuz``, ``chili`` =
  Cape Horn and Magellan);
* the English label of ``data/passages.csv`` (``Suez Canal``, ``Strait of Malacca``) and each
  part of a label with a bracket (``Cape Horn``, ``Drake Passage``);
* the Chinese name of ``data/place_names_zh.csv`` (``苏伊士运河``, ``马六甲海峡``), its short
  form without ``运河`` / ``海峡`` / ``角`` (``苏伊士``, ``马六甲``, ``合恩``), each part of a name
  with a bracket (``德雷克海峡``), and a few other Chinese names in use (``伊斯坦布尔海峡``);
  Traditional characters are read as Simplified (OpenCC, as for port names: ``蘇伊士運河``).

:func:`split_items` splits a list on ``,``, ``，`` or ``、``.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from typing import Final

from geo.catalogue.names import simplified
from geo.settings import DATA_DIR

PLACE_NAMES_PATH: Final = DATA_DIR / "place_names_zh.csv"
#: English aliases (folded keys) → passage keys.
ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "cape": ("south_africa",),
    "good hope": ("south_africa",),
    "cape of good hope": ("south_africa",),
    "agulhas": ("south_africa",),
    "hormuz": ("ormuz",),
    "chili": ("cape_horn", "magellan"),
    "chile": ("cape_horn", "magellan"),
    "horn": ("cape_horn",),
    "drake": ("cape_horn",),
    "drake passage": ("cape_horn",),
    "bab el mandeb": ("babalmandab",),
    "bosphorus": ("bosporus",),
}
#: Chinese names in use beside the file's own (Simplified).
ALIASES_ZH: Final[dict[str, tuple[str, ...]]] = {
    "巴布厄尔曼德海峡": ("babalmandab",),
    "伊斯坦布尔海峡": ("bosporus",),
    "厄加勒斯角": ("south_africa",),
}
_SUFFIXES_ZH: Final[tuple[str, ...]] = ("运河", "海峡", "角")
_LIST_RE: Final = re.compile(r"[,，、]")
_BRACKET_RE: Final = re.compile(r"^(?P<outer>[^(]+)\((?P<inner>[^)]+)\)$")
_HAN_RE: Final = re.compile(r"[\u3400-\u9fff]")


def fold(text: str) -> str:
    """The comparison key of a typed passage name: full-width forms as ASCII (``（`` → ``(``),
    Traditional Chinese as Simplified, lower case, ``_`` / ``-`` as spaces, single spaces;
    Chinese without spaces or middle dots (``巴布·厄尔·曼德`` → ``巴布厄尔曼德``)."""
    text = simplified(unicodedata.normalize("NFKC", text)).lower()
    text = " ".join(text.replace("_", " ").replace("-", " ").split())
    if _HAN_RE.search(text):
        text = re.sub(r"[\s·•・]", "", text)
    return text


def split_items(text: str) -> list[str]:
    """``"suez, 巴拿马、马六甲"`` → ``["suez", "巴拿马", "马六甲"]`` (blank items kept)."""
    return _LIST_RE.split(text)


def _parts(name: str) -> list[str]:
    """``"Cape Horn (Drake Passage)"`` → the whole, ``"Cape Horn"``, ``"Drake Passage"``."""
    key = fold(name)
    match = _BRACKET_RE.match(key)
    if not match:
        return [key]
    return [key, match["outer"].strip(), match["inner"].strip()]


@lru_cache(maxsize=1)
def chinese_names() -> dict[str, str]:
    """Passage key → Chinese name (``data/place_names_zh.csv``, kind ``passage``)."""
    out: dict[str, str] = {}
    with PLACE_NAMES_PATH.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if (row.get("kind") or "").strip() == "passage" and (row.get("name_zh") or "").strip():
                out[row["id"].strip()] = row["name_zh"].strip()
    return out


@lru_cache(maxsize=1)
def _table(passages: tuple[tuple[str, str], ...]) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for key, label in passages:
        for typed in (key, *_parts(label)):
            table.setdefault(fold(typed), (key,))
    for alias, keys in ALIASES.items():
        table.setdefault(fold(alias), keys)
    zh = chinese_names()
    for key, _ in passages:
        if key not in zh:
            continue
        for part in _parts(zh[key]):
            table.setdefault(part, (key,))
            for suffix in _SUFFIXES_ZH:
                short = part.removesuffix(suffix)
                if short != part and len(short) >= 2:
                    table.setdefault(short, (key,))
    for alias, keys in ALIASES_ZH.items():
        table.setdefault(fold(alias), keys)
    return table


def lookup(typed: str, passages: tuple[tuple[str, str], ...]) -> tuple[str, ...] | None:
    """The passage keys ``typed`` names, given the passages as ``(key, English label)``;
    ``None`` when it names none (``northwest`` is returned as itself)."""
    key = fold(typed)
    if key == "northwest":
        return ("northwest",)
    return _table(passages).get(key)
