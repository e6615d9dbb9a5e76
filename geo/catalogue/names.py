"""How people write port names: folding, qualifiers, aliases and fuzzy suggestions.

* :func:`fold` — the comparison key of a name: accents folded (``Malmö`` = ``Malmo``), case and
  punctuation dropped, qualifiers in brackets ignored (``Seattle (Wa)`` = ``Seattle``),
  Traditional Chinese written in Simplified (``長灘`` = ``长滩``, by OpenCC's ``t2s``).
* :func:`aliases` — common English names and former spellings from ``data/port_aliases.csv``
  (``Busan`` for the catalogue's ``Pusan``, ``Saigon``, ``Canton`` …), each with its source and
  year, mapped to a UN/LOCODE of the catalogue; :func:`current_names` — those that are a port's
  current name (``Busan``), which the catalogue shows in place of its old spelling.
* :func:`chinese_names` — Chinese names of the corridor and the major ports from
  ``data/port_names_zh.csv`` (``上海``, ``长滩``, ``洋山`` …), each with its source and year, keyed
  by catalogue id; a Chinese name resolves like any other name, and a name several rows share
  (``奥克兰``) is ambiguous like any other. The ``qualifiers`` column lists the words of a
  port's region (``Oregon|俄勒冈``) that :mod:`geo.catalogue.qualified` narrows by.
* :func:`rank` — fuzzy matches with rapidfuzz on folded names; word order is ignored
  (``beach long`` finds ``Long Beach``).
"""

from __future__ import annotations

import csv
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import opencc
from rapidfuzz import fuzz, process

from geo.errors import DataError
from geo.settings import DATA_DIR

ALIASES_PATH = DATA_DIR / "port_aliases.csv"
CHINESE_NAMES_PATH = DATA_DIR / "port_names_zh.csv"
#: Letters that Unicode decomposition does not reduce to ASCII.
_EXTRA_FOLDS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "ı": "i", "þ": "th"}
)
_QUALIFIER_RE = re.compile(r"\([^)]*\)")
#: Full-width punctuation typed with a Chinese input method, as its ASCII form.
_FULL_WIDTH = str.maketrans({"（": "(", "）": ")", "，": ","})
_PUNCT_RE = re.compile(r"[.'’`]")
_SEPARATOR_RE = re.compile(r"[-_/]")
#: CJK ideographs (unified, extension A, compatibility): text that may be Traditional Chinese.
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_T2S_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    """OpenCC's Traditional → Simplified converter (its ``t2s`` configuration: characters and
    phrases, so ``鹽田`` → ``盐田``, ``臺灣`` → ``台湾``)."""
    return opencc.OpenCC("t2s.json")


def simplified(text: str) -> str:
    """``text`` with Traditional Chinese written in Simplified (``長灘`` → ``长滩``, ``洛杉磯`` →
    ``洛杉矶``); Simplified Chinese and text without Chinese characters unchanged."""
    if not _HAN_RE.search(text):
        return text
    with _T2S_LOCK:  # one converter shared by the page's threads
        return str(_t2s().convert(text))


def fold(text: str) -> str:
    """The comparison key of a name: no accents, lower case, no bracketed qualifier, single
    spaces, Chinese in Simplified characters. ``"Malmö"`` → ``"malmo"``, ``"Seattle (Wa)"`` →
    ``"seattle"``, ``"St. Petersburg"`` → ``"st petersburg"``, ``"長灘港"`` → ``"长滩港"``.
    Commas are kept (``name, country``); full-width brackets and commas, as Chinese is typed
    (``波特兰（俄勒冈）``, ``奥克兰，新西兰``), count as ASCII ones."""
    text = _QUALIFIER_RE.sub(" ", text.translate(_FULL_WIDTH)).lower().translate(_EXTRA_FOLDS)
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    text = simplified(text)
    text = _SEPARATOR_RE.sub(" ", _PUNCT_RE.sub("", text))
    return " ".join(text.replace(" ,", ",").split())


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Folded alias → UN/LOCODE, from ``data/port_aliases.csv``; :class:`DataError` on a bad row."""
    out: dict[str, str] = {}
    with ALIASES_PATH.open(encoding="utf-8", newline="") as fh:
        for row_no, row in enumerate(csv.DictReader(fh), start=2):
            alias, code = (row.get("alias") or "").strip(), (row.get("locode") or "").strip()
            if not alias or len(code) != 5 or not row.get("source") or not row.get("year"):
                raise DataError(
                    f"{ALIASES_PATH.name} row {row_no}: needs alias, a 5-letter locode, "
                    "source and year"
                )
            out[fold(alias)] = code.upper()
    return out


@lru_cache(maxsize=1)
def alias_names() -> dict[str, tuple[str, ...]]:
    """UN/LOCODE → the aliases of ``data/port_aliases.csv`` as written (``KRPUS`` →
    ``("Busan",)``), for showing beside a catalogue name a reader may not search by."""
    out: dict[str, list[str]] = {}
    with ALIASES_PATH.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            alias, code = (row.get("alias") or "").strip(), (row.get("locode") or "").strip()
            if alias and code:
                out.setdefault(code.upper(), []).append(alias)
    return {code: tuple(names) for code, names in out.items()}


@lru_cache(maxsize=1)
def current_names() -> dict[str, str]:
    """UN/LOCODE → the port's current English name where ``data/port_aliases.csv`` records one
    (its ``current`` column is ``yes``: ``KRPUS`` → ``Busan``, the Revised Romanization of the
    catalogue's ``Pusan``). The catalogue shows this name in place of its own
    (:func:`geo.catalogue.portlist.catalogue`); :class:`DataError` on two for one port."""
    out: dict[str, str] = {}
    with ALIASES_PATH.open(encoding="utf-8", newline="") as fh:
        for row_no, row in enumerate(csv.DictReader(fh), start=2):
            flag = (row.get("current") or "").strip().lower()
            if flag not in ("", "yes"):
                raise DataError(f"{ALIASES_PATH.name} row {row_no}: current is 'yes' or empty")
            code = (row.get("locode") or "").strip().upper()
            if flag and code in out:
                raise DataError(f"{ALIASES_PATH.name} row {row_no}: a second current name")
            if flag:
                out[code] = (row.get("alias") or "").strip()
    return out


@dataclass(frozen=True)
class ChineseName:
    """A port's Chinese name (``上海``), other Chinese forms (``上海港``), source and year, and
    the words of its region that tell it from other ports of its name (``qualifiers``:
    ``("Oregon", "OR", "俄勒冈", "俄勒冈州")`` for Portland, Oregon)."""

    port_id: str
    name_en: str
    name: str
    aliases: tuple[str, ...]
    source: str
    year: str
    qualifiers: tuple[str, ...] = ()


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(a for a in (s.strip() for s in (cell or "").split("|")) if a)


@lru_cache(maxsize=1)
def chinese_names() -> dict[str, ChineseName]:
    """Catalogue id (``CNSHA``, ``CNSHA-YANGSHAN``, ``SAN-PEDRO-BAY``) → its Chinese name, from
    ``data/port_names_zh.csv``; :class:`DataError` on a row without name, source or year."""
    out: dict[str, ChineseName] = {}
    with CHINESE_NAMES_PATH.open(encoding="utf-8", newline="") as fh:
        for row_no, row in enumerate(csv.DictReader(fh), start=2):
            values = {k: (row.get(k) or "").strip() for k in ("id", "name_en", "name_zh")}
            source, year = (row.get("source") or "").strip(), (row.get("year") or "").strip()
            if not all(values.values()) or not source or not year:
                raise DataError(
                    f"{CHINESE_NAMES_PATH.name} row {row_no}: needs id, name_en, name_zh, "
                    "source and year"
                )
            out[values["id"].upper()] = ChineseName(
                values["id"].upper(),
                values["name_en"],
                values["name_zh"],
                _split(row.get("aliases_zh")),
                source,
                year,
                _split(row.get("qualifiers")),
            )
    return out


def qualifier(text: str) -> str:
    """The folded words in the last bracket of ``text`` (``"Portland (Oregon)"`` →
    ``"oregon"``, ``"波特兰（俄勒冈州）"`` → ``"俄勒冈州"``), or ``""``."""
    found = _QUALIFIER_RE.findall(text.translate(_FULL_WIDTH))
    return fold(found[-1][1:-1]) if found else ""


def rank(query: str, choices: Iterable[str], limit: int, cutoff: float = 70.0) -> list[str]:
    """Up to ``limit`` of ``choices`` (folded keys) closest to ``query``, best first.

    Scores with rapidfuzz's ``token_sort_ratio`` (word order ignored) and ``WRatio`` (typos,
    partial words), keeping the better; ``cutoff`` is on rapidfuzz's 0–100 scale.
    """
    key = fold(query)
    if not key:
        return []
    pool = list(dict.fromkeys(choices))
    scored: dict[str, float] = {}
    for scorer in (fuzz.token_sort_ratio, fuzz.WRatio):
        for choice, score, _ in process.extract(
            key, pool, scorer=scorer, limit=limit * 2, score_cutoff=cutoff
        ):
            scored[choice] = max(score, scored.get(choice, 0.0))
    best = sorted(scored, key=lambda c: (-scored[c], len(c), c))
    return best[:limit]
