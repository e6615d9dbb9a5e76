"""Names of ports, zones, regimes, passages and seas in the language of a presentation.

English names are the catalogue's and the data files' own. Chinese names come from
``data/port_names_zh.csv`` (ports, via :func:`geo.catalogue.names.chinese_names`) and
``data/place_names_zh.csv`` (zones, regimes, passages and seas, keyed by their id), each row
with its source and year; a place without a Chinese name keeps its English name.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from typing import Final

from geo.catalogue import countries as _countries
from geo.catalogue import names as _names
from geo.catalogue.ports import Port
from geo.errors import DataError
from geo.settings import DATA_DIR

PLACE_NAMES_PATH: Final = DATA_DIR / "place_names_zh.csv"
PLACE_KINDS: Final[tuple[str, ...]] = ("zone", "regime", "passage", "sea")


@lru_cache(maxsize=1)
def place_names() -> dict[tuple[str, str], tuple[str, str]]:
    """``(kind, id)`` → ``(English name, Chinese name)`` from ``data/place_names_zh.csv``."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    with PLACE_NAMES_PATH.open(encoding="utf-8", newline="") as fh:
        for row_no, row in enumerate(csv.DictReader(fh), start=2):
            cells = {k: (row.get(k) or "").strip() for k in (*csv_columns(),)}
            if cells["kind"] not in PLACE_KINDS or not all(cells.values()):
                raise DataError(
                    f"{PLACE_NAMES_PATH.name} row {row_no}: needs kind (one of "
                    f"{', '.join(PLACE_KINDS)}), id, name_en, name_zh, source and year"
                )
            out[(cells["kind"], cells["id"])] = (cells["name_en"], cells["name_zh"])
    return out


def csv_columns() -> tuple[str, ...]:
    return ("kind", "id", "name_en", "name_zh", "source", "year")


def place_name(kind: str, key: str, lang: str, default: str) -> str:
    """The name of a zone / regime / passage / sea ``key`` in ``lang``; ``default`` in English
    or where the file has no Chinese name."""
    if lang != "zh":
        return default
    found = place_names().get((kind, key))
    return found[1] if found else default


def port_name(port: Port, lang: str) -> str:
    """``port.name`` in ``lang``: ``Shanghai`` / ``上海``."""
    return port_id_name(port.id, port.name, lang)


def port_id_name(port_id: str, default: str, lang: str) -> str:
    """The name of the port with catalogue id ``port_id`` in ``lang`` (``default`` otherwise)."""
    if lang != "zh":
        return default
    found = _names.chinese_names().get(str(port_id).upper())
    return found.name if found else default


TEXTS_PATH: Final = DATA_DIR / "texts_zh.csv"
TEXT_KINDS: Final[tuple[str, ...]] = (
    "rules",
    "corridor",
    "measure",
    "measure_text",
    "milestone",
    "trade_metric",
)


@lru_cache(maxsize=1)
def _texts() -> dict[tuple[str, str], str]:
    """``(kind, English text)`` → Chinese text from ``data/texts_zh.csv``."""
    out: dict[tuple[str, str], str] = {}
    with TEXTS_PATH.open(encoding="utf-8", newline="") as fh:
        for row_no, row in enumerate(csv.DictReader(fh), start=2):
            cells = {k: (row.get(k) or "").strip() for k in ("kind", "key", "en", "zh")}
            if cells["kind"] not in TEXT_KINDS or not all(cells.values()):
                raise DataError(
                    f"{TEXTS_PATH.name} row {row_no}: needs kind (one of "
                    f"{', '.join(TEXT_KINDS)}), key, en and zh"
                )
            out[(cells["kind"], cells["en"])] = cells["zh"]
    return out


def data_text(kind: str, english: str, lang: str) -> str:
    """A text of a data file written by this project (a zone's rules, a measure, a milestone)
    in ``lang``: the Chinese of ``data/texts_zh.csv`` when its English is exactly
    ``english`` (a changed English text is shown in English until it is translated again),
    else ``english``. Source titles are never translated."""
    if lang != "zh":
        return english
    return _texts().get((kind, english.strip()), english)


def country_name(locode: str, english: str, lang: str) -> str:
    """The country of a UN/LOCODE in ``lang`` (CLDR: ``US`` → ``美国``); ``english`` (as the
    catalogue has it) in English or for a code CLDR does not know
    (:func:`geo.catalogue.countries.country_name`)."""
    return _countries.country_name(locode[:2], english, lang)


def segment_name(zone_id: str, kind: str, name: str, lang: str) -> str:
    """A route segment's name in ``lang``: its zone's Chinese name inside a zone, the sea's
    in open water (a numbered repeat, ``"North Pacific (2)"``, keeps its number)."""
    if lang != "zh":
        return name
    if kind != "open_ocean":
        return place_name("zone", zone_id, lang, name)
    base, sep, rest = name.partition(" (")
    local = place_name("sea", base, lang, base)
    return f"{local}（{rest.rstrip(')')}）" if sep and rest.rstrip(")").isdigit() else local


def when_words(when: str, lang: str) -> str:
    """A date in words (``"9 Jun 2022"``, ``"Jan 2022"``, ``"≈22 Sep 2023"``, ``"2030 target"``,
    ``"proposed (2026)"``) in ``lang``: ``"2022年6月9日"``, ``"2022年1月"``, ``"约2023年9月22日"``,
    ``"2030年目标"``, ``"提议（2026年）"``; anything else as it is."""
    import datetime as dt

    if lang != "zh":
        return when
    text = when.strip()
    about = ""
    if text.startswith("≈"):
        about, text = "约", text[1:].strip()
    if text.startswith("proposed (") and text.endswith(")"):
        return f"{about}提议（{when_words(text[10:-1], lang)}）"
    if text.endswith(" target"):
        return f"{about}{when_words(text[:-7], lang)}目标"
    if text.isdigit() and len(text) == 4:
        return f"{about}{text}年"
    for pattern in ("%d %b %Y", "%b %Y"):
        try:
            day = dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        if pattern.startswith("%d"):
            return f"{about}{day.year}年{day.month}月{day.day}日"
        return f"{about}{day.year}年{day.month}月"
    return when
