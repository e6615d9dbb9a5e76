"""How people write port names: folding, qualifiers, aliases and fuzzy suggestions.

* :func:`fold` — the comparison key of a name: accents folded (``Malmö`` = ``Malmo``), case and
  punctuation dropped, qualifiers in brackets ignored (``Seattle (Wa)`` = ``Seattle``).
* :func:`aliases` — common English names and former spellings from ``data/port_aliases.csv``
  (``Busan`` for the catalogue's ``Pusan``, ``Saigon``, ``Canton`` …), each with its source and
  year, mapped to a UN/LOCODE of the catalogue.
* :func:`rank` — fuzzy matches with rapidfuzz on folded names; word order is ignored
  (``beach long`` finds ``Long Beach``).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz, process

from geo.errors import DataError
from geo.settings import DATA_DIR

ALIASES_PATH = DATA_DIR / "port_aliases.csv"
#: Letters that Unicode decomposition does not reduce to ASCII.
_EXTRA_FOLDS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "ı": "i", "þ": "th"}
)
_QUALIFIER_RE = re.compile(r"\([^)]*\)")
_PUNCT_RE = re.compile(r"[.'’`]")
_SEPARATOR_RE = re.compile(r"[-_/]")


def fold(text: str) -> str:
    """The comparison key of a name: no accents, lower case, no bracketed qualifier, single
    spaces. ``"Malmö"`` → ``"malmo"``, ``"Seattle (Wa)"`` → ``"seattle"``,
    ``"St. Petersburg"`` → ``"st petersburg"``. Commas are kept (``name, country``)."""
    text = _QUALIFIER_RE.sub(" ", text).lower().translate(_EXTRA_FOLDS)
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
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
