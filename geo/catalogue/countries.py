"""Country names of ports in English and Chinese (CLDR, via Babel).

A port's country is the ISO 3166 code that starts its UN/LOCODE (``CNSHA`` → ``CN``; an alias
such as San Pedro Bay takes its first member's). Its names are CLDR's in each language
(``CN`` → ``China`` / ``中国``, ``KR`` → ``South Korea`` / ``韩国``) besides the English name
searoute's list gives (``Korea, Republic Of``), so a search by country works in either
language (``ports 中国``, ``ports China``).

Hong Kong, Macao and Taiwan in Chinese: CLDR's ``zh_Hans_CN`` names are
``中国香港特别行政区``, ``中国澳门特别行政区`` and ``台湾``. A port audience in Shanghai reads
and writes ``中国香港``, ``中国澳门`` and ``中国台湾`` (the forms of mainland port and customs
statistics and of the Chinese top-port lists this project cites), so those are shown
(:data:`ZH_SHORT_NAMES`); CLDR's names stay search keys (``ports 台湾`` still finds Kaohsiung).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from babel import Locale

from geo.catalogue import names as _names
from geo.catalogue.portlist import Port
from geo.i18n import BABEL_LOCALES, LANGUAGES

#: The Chinese names shown for Hong Kong, Macao and Taiwan instead of CLDR's (see above).
ZH_SHORT_NAMES: Final[dict[str, str]] = {"HK": "中国香港", "MO": "中国澳门", "TW": "中国台湾"}


@lru_cache(maxsize=len(LANGUAGES))
def _cldr(lang: str) -> dict[str, str]:
    return dict(Locale.parse(BABEL_LOCALES[lang]).territories)


@lru_cache(maxsize=len(LANGUAGES))
def territories(lang: str) -> dict[str, str]:
    """Country and territory names by ISO 3166 code in ``lang`` (CLDR; in Chinese with
    :data:`ZH_SHORT_NAMES` for Hong Kong, Macao and Taiwan)."""
    names = _cldr(lang)
    return {**names, **ZH_SHORT_NAMES} if lang == "zh" else names


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
    names = {
        english,
        *(t.get(code, "") for lang in LANGUAGES for t in (territories(lang), _cldr(lang))),
    }
    return tuple(sorted({_names.fold(n) for n in names if n}))


def country_keys(port: Port) -> tuple[str, ...]:
    """The folded names of ``port``'s country in every language: the catalogue's English,
    CLDR's English and CLDR's Chinese (``("china", "中国")``), and the short Chinese form
    shown for Hong Kong, Macao and Taiwan (``中国台湾`` beside ``台湾``)."""
    return _keys(country_code(port), port.country)
