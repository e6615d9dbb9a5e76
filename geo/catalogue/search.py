"""Searching the port catalogue: what ``python -m geo ports`` and the port picker list.

A query matches a port's code, its name, an alias, its Chinese name or Chinese alias
(``data/port_names_zh.csv``), or its country in English or Chinese
(:func:`geo.catalogue.countries.country_keys`: ``China``, ``中国``). Matching is on folded text
(:func:`geo.catalogue.names.fold`: no accents, case or qualifiers, Chinese in Simplified
characters); a query's words may come in any order (``beach long``).
"""

from __future__ import annotations

from functools import lru_cache

from geo.catalogue import names as _names
from geo.catalogue.countries import country_keys
from geo.catalogue.portlist import Port, catalogue


@lru_cache(maxsize=1)
def _fields() -> tuple[tuple[Port, str, tuple[str, ...], tuple[str, ...]], ...]:
    """Every port with its code, its folded names and its folded country names."""
    alias_names: dict[str, list[str]] = {}
    for alias, code in _names.aliases().items():
        alias_names.setdefault(code, []).append(alias)
    chinese = _names.chinese_names()
    out = []
    for port in catalogue():
        zh = chinese.get(port.id)
        names = (
            _names.fold(port.name),
            *(_names.fold(a) for a in port.aliases),
            *alias_names.get(port.locode or "", []),
            *((_names.fold(z) for z in (zh.name, *zh.aliases)) if zh else ()),
        )
        out.append((port, (port.locode or port.id).lower(), names, country_keys(port)))
    return tuple(out)


def _score(
    q: str, words: list[str], code: str, names: tuple[str, ...], land: tuple[str, ...]
) -> int | None:
    """0 exact, 1 the country named exactly, 2 prefix, 3 word prefixes, 4 substring, 5 a
    substring of the country's name; None for no match."""
    if q == code or q in names:
        return 0
    if q in land:
        return 1
    if any(f.startswith(q) for f in names) or code.startswith(q):
        return 2
    if any(all(any(w.startswith(x) for w in f.split()) for x in words) for f in names):
        return 3
    if any(q in f for f in names):
        return 4
    if any(q in f for f in land):
        return 5
    return None


def search(query: str, limit: int = 20) -> list[Port]:
    """Ports matching ``query``, best first: exact code or name; the ports of a country named
    exactly (``China``, ``中国``: the ports this project names first, then by the number of
    countries their liner services reach); a name's prefix; every word a prefix of a word of
    the name; a substring of the name; a substring of the country's name."""
    q = _names.fold(query)
    if not q:
        return []
    words = q.split()
    scored: list[tuple[int, int, int, Port]] = []
    named = set(_names.chinese_names())
    for n, (port, code, names, land) in enumerate(_fields()):
        score = _score(q, words, code, names, land)
        if score is None:
            continue
        # within a country, the ports a reader knows come first, not the alphabet: the
        # corridor's, the ones this project names, then by the countries their lines reach
        known = 2 * (port.kind != "catalogue") + (port.id in named)
        rank = -(1000 * known + port.liner_countries) if score in (1, 5) else 0
        scored.append((score, rank, n, port))
    scored.sort(key=lambda t: t[:3])
    return [t[3] for t in scored[:limit]]


def count(query: str) -> int:
    """How many ports :func:`search` finds for ``query`` with no limit."""
    return len(search(query, limit=len(catalogue())))
