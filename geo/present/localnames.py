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
