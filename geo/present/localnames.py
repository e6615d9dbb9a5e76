"""Names of ports, zones, regimes, passages and seas in the language of a presentation.

English names are the catalogue's and the data files' own. Chinese names come from
``data/port_names_zh.csv`` (ports, via :func:`geo.catalogue.names.chinese_names`) and
``data/place_names_zh.csv`` (zones, regimes, passages and seas, keyed by their id), each row
with its source and year; a place without a Chinese name keeps its English name.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from functools import lru_cache
from typing import Final

from geo.catalogue import countries as _countries
from geo.catalogue import names as _names
from geo.catalogue.coords import coord_name, parse_coordinates
from geo.catalogue.ports import Port
from geo.errors import DataError, InvalidCoordinateError
from geo.i18n import N_, Translator, translator
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


@lru_cache(maxsize=1)
def chinese_words() -> tuple[str, ...]:
    """Every Chinese proper name the texts may hold (ports, their aliases, zones, regimes,
    passages, seas), longest first: a renderer never breaks a line inside one of them."""
    words = {name for _, name in place_names().values()}
    for found in _names.chinese_names().values():
        words.add(found.name)
        words.update(found.aliases)
    return tuple(sorted((w for w in words if len(w) > 1), key=lambda w: (-len(w), w)))


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
    """``port.name`` in ``lang``: ``Shanghai`` / ``上海``; a point given by coordinates
    ``"32.000°N 117.000°E"`` / ``"北纬32°、东经117°"``."""
    if port.kind == "coordinates" and lang == "zh":
        return coord_name(port.lon, port.lat, lang)
    return port_id_name(port.id, port.name, lang)


def port_id_name(port_id: str, default: str, lang: str) -> str:
    """The name of the port with catalogue id ``port_id`` in ``lang`` (``default`` otherwise)."""
    if lang != "zh":
        return default
    found = _names.chinese_names().get(str(port_id).upper())
    if found:
        return found.name
    try:  # a point's id is its "lon,lat": 北纬…、东经…
        point = parse_coordinates(str(port_id)) if "," in str(port_id) else None
    except InvalidCoordinateError:
        point = None
    return coord_name(*point, lang) if point else default


TEXTS_PATH: Final = DATA_DIR / "texts_zh.csv"
TEXT_KINDS: Final[tuple[str, ...]] = (
    "rules",
    "corridor",
    "measure",
    "measure_text",
    "milestone",
    "trade_metric",
    "source",
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


#: The project's own words around a published title in a source column, one part of a
#: ``;``-separated list at a time: the pattern, and its wording (a catalogue message whose
#: fields are the pattern's groups). Published titles and publishers stay as published.
_CITATIONS: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(pattern), wording)
    for pattern, wording in (
        (r"(?P<work>.+?),? as reported (?:by|on) (?P<by>.+)", N_("{work}, as reported by {by}")),
        (r"(?P<work>.+?), as published by (?P<by>.+)", N_("{work}, as published by {by}")),
        (r"(?P<work>.+?) \(as reported\)(?P<rest>.*)", N_("{work} (as reported){rest}")),
        (
            r"(?P<work>.+?) \(reported by (?P<by>[^)]+)\)(?P<rest>.*)",
            N_("{work} (reported by {by}){rest}"),
        ),
        (r"(?P<work>.+?) via (?P<by>.+)", N_("{work} via {by}")),
        (r"(?P<work>.+?) as defined in (?P<doc>.+)", N_("{work} as defined in {doc}")),
        (r"extent as described by (?P<by>.+)", N_("extent as described by {by}")),
        (r"as shown in (?P<by>.+)", N_("as shown in {by}")),
    )
)
#: A publisher's date in brackets: ``(2026)``, ``(7 Aug 2012)``.
_DATED: Final = re.compile(r"\s*\((?:(\d{1,2} [A-Z][a-z]{2}) )?(\d{4})\)")


def _chinese_date(found: re.Match[str], tr: Translator) -> str:
    """A publisher's date in brackets in ``tr``'s words (:meth:`Translator.date`)."""
    day_month, year = found.groups()
    if not day_month:
        return f"（{tr.date(year)}）"
    try:
        day = dt.datetime.strptime(f"{day_month} {year}", "%d %b %Y").date()
    except ValueError:
        return found.group(0)
    return f"（{tr.date(day.isoformat())}）"


#: A ``;`` between two sources, not one inside brackets (``(… exonym; not checked …)``).
_BETWEEN_SOURCES: Final = re.compile(r";(?![^()（）]*[)）])")
#: A label of the project's own before a published title (``Wikipedia infobox, Port of …``).
_OWN_LABEL: Final = re.compile(r"(?P<label>[^,(]+?), (?P<rest>.+)")


def source_title(title: str, lang: str) -> str:
    """A source's title in ``lang``. Published titles stay as published; the project's own
    words in a source column are translated: whole labels through ``data/texts_zh.csv``
    (kind ``source``: ``"本项目假设（航速三次方外推范围）"``), a label before a title
    (``"维基百科信息框，Port of Long Beach"``) and the words of a citation
    (``"…, as reported by China Daily (2026)"`` → ``"…，转引自China Daily（2026年）"``)."""
    whole = data_text("source", title, lang)
    if lang != "zh" or whole != title:
        return whole
    return "；".join(_cited(part.strip(), lang) for part in _BETWEEN_SOURCES.split(title))


def _cited(part: str, lang: str) -> str:
    """One source of a ``;``-separated list in ``lang`` (``zh``), see :func:`source_title`."""
    whole = data_text("source", part, lang)
    if whole != part:
        return whole
    tr = translator(lang)
    for pattern, wording in _CITATIONS:
        found = pattern.fullmatch(part)
        if found:
            fields = dict(found.groupdict())
            if "work" in fields:  # "North Sea area" (ours) as defined in …
                fields["work"] = _cited(fields["work"], lang)
            if "reported by" in wording or "described by" in wording:  # a list of publishers
                fields["by"] = re.sub(r" and (?:the )?", "和", fields["by"].replace(", ", "、"))
            if "by" in fields:  # a publisher's date: China Daily（2026年）, （2012年8月7日）
                fields["by"] = _DATED.sub(lambda m: _chinese_date(m, tr), fields["by"])
            return tr(wording, **fields)
    labelled = _OWN_LABEL.fullmatch(part)
    if labelled:
        label = data_text("source", labelled["label"], lang)
        if label != labelled["label"]:
            return f"{label}，{labelled['rest']}"
    return part


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


#: A goal for a year, and one whose year is over by the data's date (neither done nor ahead).
TARGET_WORDS: Final[str] = N_("{year} target")
TARGET_PASSED_WORDS: Final[str] = N_("{year} target (deadline passed)")
PROPOSED_WORDS: Final[str] = N_("proposed ({year})")
_PASSED_SUFFIX: Final[str] = " (deadline passed)"


def deadline_passed(date: str, precision: str, as_of: str) -> bool:
    """True for a target (``precision == "target"``) whose year ended before the data's date
    ``as_of`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``): a 2025 target with data as of 2026."""
    return precision == "target" and len(as_of) >= 4 and date[:4] < as_of[:4]


def date_words(
    date: str, precision: str, lang: str, *, english: str = "", passed: bool = False
) -> str:
    """A milestone's or a measure's date (ISO ``date`` read by its ``precision``, as in
    ``data/milestones.csv``) in words, in ``lang``.

    A target reads ``"2030 target"`` / ``"2030年目标"``, one whose deadline has ``passed``
    ``"2025 target (deadline passed)"`` / ``"2025年目标（期限已过）"``; a proposal
    ``"proposed (2026)"`` / ``"提议（2026年）"``. Other dates: ``english`` as the data words it
    (``"9 Jun 2022"``), Chinese ``"2022年6月9日"``, ``"2022年1月"``, ``"2025年"``. A Chinese date
    is exact or coarser, never "about" a day: an approximate date gives its month
    (``≈22 Sep 2023`` → ``"2023年9月"``), an approximate month its year.
    """
    tr = translator(lang)
    parts = date.split("-")
    if precision == "target":
        return tr(TARGET_PASSED_WORDS if passed else TARGET_WORDS, year=parts[0])
    if precision == "proposed":
        return tr(PROPOSED_WORDS, year=parts[0])
    if not tr.chinese:
        return english or date
    coarser = precision == "approx" and len(parts) > 1
    if coarser:
        parts = parts[:-1]
    elif precision == "month":
        parts = parts[:2]
    elif precision == "year":
        parts = parts[:1]
    text = f"{parts[0]}年"
    if len(parts) > 1:
        text += f"{int(parts[1])}月"
    if len(parts) > 2:
        text += f"{int(parts[2])}日"
    return f"{text}前后" if precision == "approx" and not coarser else text  # ≈2023: 2023年前后


def when_words(when: str, lang: str) -> str:
    """A date as the data words it in English (``"9 Jun 2022"``, ``"Jan 2022"``,
    ``"≈22 Sep 2023"``, ``"2030 target"``, ``"2025 target (deadline passed)"``,
    ``"proposed (2026)"``) in ``lang`` (:func:`date_words`): ``"2022年6月9日"``, ``"2022年1月"``,
    ``"2023年9月"``, ``"2030年目标"``, ``"2025年目标（期限已过）"``, ``"提议（2026年）"``;
    anything else as it is."""
    import datetime as dt

    if lang != "zh":
        return when
    text = when.strip()
    passed = text.endswith(_PASSED_SUFFIX)
    text = text.removesuffix(_PASSED_SUFFIX)
    if text.startswith("proposed (") and text.endswith(")") and text[10:-1].isdigit():
        return date_words(text[10:-1], "proposed", lang)
    if text.endswith(" target") and text[:-7].isdigit():
        return date_words(text[:-7], "target", lang, passed=passed)
    approx = text.startswith("≈")
    text = text.lstrip("≈").strip()
    if text.isdigit() and len(text) == 4:
        return date_words(text, "approx" if approx else "year", lang)
    for pattern, iso, precision in (("%d %b %Y", "%Y-%m-%d", "day"), ("%b %Y", "%Y-%m", "month")):
        try:
            day = dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        return date_words(day.strftime(iso), "approx" if approx else precision, lang)
    return when
