"""Which ports of a shared name a qualifier means: ``Portland, Oregon``, ``奥克兰，新西兰``.

A qualifier is what follows the name after a comma (``name, X``) or stands in brackets after it
(``name (X)``, ``名（X）``; full-width punctuation counts as ASCII). It keeps the ports of that
name whose

* **country** is ``X`` in any language the catalogue knows: searoute's English name, CLDR's
  English or Chinese name (``United States``, ``美国``, ``中国台湾``, ``台湾``) or its ISO 3166
  code (``US``); or whose
* **region** is ``X``: the bracket of the catalogue's own name (``Portland (Or)`` → ``Or``) or
  of its Chinese name (``波特兰（俄勒冈州）`` → ``俄勒冈州``), or a word of the ``qualifiers``
  column of ``data/port_names_zh.csv`` (``Oregon|OR|俄勒冈|俄勒冈州``).

Matching is on folded text (:func:`geo.catalogue.names.fold`) and exact: ``俄勒冈`` and
``俄勒冈州`` are both listed, not guessed. What is left is resolved like any name: one port is
the answer; several (``波特兰，美国``: Oregon and Maine) are refused with all of them listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from geo.catalogue import names as _names
from geo.catalogue.countries import country_code, country_keys
from geo.catalogue.portlist import Port


@lru_cache(maxsize=4096)
def _region_words(port_id: str, name: str) -> frozenset[str]:
    words = {_names.qualifier(name)}
    zh = _names.chinese_names().get(port_id)
    if zh:
        words |= {_names.qualifier(zh.name), *(_names.fold(w) for w in zh.qualifiers)}
    return frozenset(w for w in words if w)


def words(port: Port) -> frozenset[str]:
    """The folded words a qualifier may be to mean ``port``: its country's names and code, and
    its region's words."""
    land = {*country_keys(port), country_code(port).lower()}
    return frozenset({w for w in land if w} | _region_words(port.id, port.name))


def narrow(ports: Sequence[Port], qualifier: str) -> list[Port]:
    """The ``ports`` that ``qualifier`` (folded or not) names by country or region."""
    key = _names.fold(qualifier)
    return [p for p in ports if key and key in words(p)]
