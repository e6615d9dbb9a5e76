"""Country names of ports in English and Chinese (CLDR, via Babel).

A port's country is the ISO 3166 code that starts its UN/LOCODE (``CNSHA`` → ``CN``; an alias
such as San Pedro Bay takes its first member's). Its names are CLDR's in each language
(``CN`` → ``China`` / ``中国``, ``KR`` → ``South Korea`` / ``韩国``) besides the English name
searoute's list gives (``Korea, Republic Of``), so a search by country works in either
language (``ports 中国``, ``ports China``).
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale

from geo.catalogue import names as _names
from geo.catalogue.portlist import Port
from geo.i18n import BABEL_LOCALES, LANGUAGES


@lru_cache(maxsize=len(LANGUAGES))
def territories(lang: str) -> dict[str, str]:
    """Country and territory names by ISO 3166 code in ``lang`` (CLDR)."""
    return dict(Locale.parse(BABEL_LOCALES[lang]).territories)


def country_code(port: Port) -> str:
    """The ISO 3166 code of ``port``'s country (``""`` for coordinates)."""
    code = port.locode or (port.members[0] if port.members else "")
    return code[:2].upper() if len(code) >= 2 and code[:2].isalpha() else ""


def country_name(code: str, english: str, lang: str) -> str:
    """The country of ISO code ``code`` in ``lang`` (CLDR: ``US`` → ``美国``); ``english`` (as
    the catalogue has it) in English or for a code CLDR does not know."""
    if lang == "en" or len(code) < 2:
        return english
    return territories(lang).get(code[:2].upper(), english)


@lru_cache(maxsize=1024)
def _keys(code: str, english: str) -> tuple[str, ...]:
    names = {english, *(territories(lang).get(code, "") for lang in LANGUAGES)}
    return tuple(sorted({_names.fold(n) for n in names if n}))


def country_keys(port: Port) -> tuple[str, ...]:
    """The folded names of ``port``'s country in every language: the catalogue's English,
    CLDR's English and CLDR's Chinese (``("china", "中国")``)."""
    return _keys(country_code(port), port.country)
