"""Trade-value, volume and milestone facts for the corridor, each with its source and year.

Every figure comes from a small CSV in ``data/`` (see ``data/README.md``); nothing here is
computed except the labels. Files are read once per directory (``functools.lru_cache``) and
validated on load: a row without a source, a year/date or a value raises
:class:`geo.errors.DataError` naming the file, the row and the missing field.

Each public function takes an optional keyword ``data_dir``; when it is ``None`` the module
reads ``geo.settings.DATA_DIR`` at call time, so tests can pass a directory or monkeypatch
that setting. This module holds no coordinates.

Codes: ports are UN/LOCODEs (``CNSHA``, ``USLAX``, ``USLGB``, ``CNNGB``) plus
``SAN-PEDRO-BAY`` for Los Angeles and Long Beach together. A corridor-port id such as
``CNSHA-YANGSHAN`` is read as its UN/LOCODE (``CNSHA``).
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Final

from geo import settings
from geo.errors import DataError

PORT_VOLUMES_FILE: Final[str] = "port_volumes.csv"
TRADE_VALUES_FILE: Final[str] = "trade_values.csv"
LANE_FACTS_FILE: Final[str] = "lane_facts.csv"
MILESTONES_FILE: Final[str] = "milestones.csv"
CORRIDOR_PORTS_FILE: Final[str] = "corridor_ports.csv"

SAN_PEDRO_BAY: Final[str] = "SAN-PEDRO-BAY"
CORRIDOR_ORIGIN: Final[str] = "CNSHA"
CORRIDOR_DESTINATIONS: Final[frozenset[str]] = frozenset({"USLAX", "USLGB", SAN_PEDRO_BAY})
CORRIDOR_LANE_NAME: Final[str] = "LA–Long Beach–Shanghai"
LANE_HEADLINE_METRIC: Final[str] = "trade value"

QUALIFIERS: Final[frozenset[str]] = frozenset({"", "≈", ">"})
DATE_PRECISIONS: Final[tuple[str, ...]] = ("day", "month", "year", "approx", "target", "proposed")
_FORWARD_PRECISIONS: Final[frozenset[str]] = frozenset({"target", "proposed"})
_BOOLEANS: Final[dict[str, bool]] = {"true": True, "false": False}

_FIGURE_COLUMNS: Final[tuple[str, ...]] = (
    "subject",
    "subject_type",
    "metric",
    "value",
    "unit",
    "year",
    "qualifier",
    "derived",
    "source",
    "source_url",
    "note",
)
_VOLUME_COLUMNS: Final[tuple[str, ...]] = (
    "locode",
    "port",
    "year",
    "teu",
    "qualifier",
    "source",
    "source_url",
    "note",
)
_MILESTONE_COLUMNS: Final[tuple[str, ...]] = (
    "date",
    "date_precision",
    "event",
    "source",
    "source_url",
)

_LOCODE_ID_RE: Final[re.Pattern[str]] = re.compile(r"^([A-Z]{2}[A-Z0-9]{3})-[A-Z0-9-]+$")
_DATE_RE: Final[re.Pattern[str]] = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_YEAR_RE: Final[re.Pattern[str]] = re.compile(r"(\d{4})")
_MONTHS: Final[tuple[str, ...]] = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


# --------------------------------------------------------------------------------------------
# Value objects
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One sourced number: a port's container volume, a trade value, a lane fact.

    ``unit`` is one of ``USD``, ``USD/year``, ``TEU``, ``%`` or a plain-words count unit such
    as ``weekly direct services``. ``qualifier`` is ``""`` (exact as published), ``"≈"``
    (rounded or approximate) or ``">"`` (a lower bound). ``derived`` marks a figure computed
    from other rows (e.g. a sum), not published as such.
    """

    subject: str
    metric: str
    value: float
    unit: str
    year: str
    qualifier: str
    derived: bool
    source: str
    source_url: str
    note: str

    def label(self) -> str:
        """The figure in plain words with unit and year, e.g. ``"≈10.2 M TEU (2025)"``.

        Thousands separators, no spurious decimals, qualifier kept:
        ``"US$333 B (2024)"``, ``"9,881,595 TEU (2025)"``, ``"> US$300 B a year (2026)"``,
        ``"≈40 % (2025)"``, ``"9 weekly direct services (2022)"``.
        """
        return f"{self.amount()} ({self.year})"

    def amount(self) -> str:
        """The label without the year, e.g. ``"> US$300 B a year"``."""
        prefix = {"": "", "≈": "≈", ">": "> "}.get(self.qualifier, f"{self.qualifier} ")
        return f"{prefix}{_format_quantity(self.value, self.unit)}"

    def citation(self) -> str:
        """``"source, year"``, e.g. ``"Port of Los Angeles annual address, ... (2026), 2024"``."""
        return f"{self.source}, {self.year}"


@dataclass(frozen=True)
class Milestone:
    """One dated event of the Green Shipping Corridor.

    ``date`` is ISO-like: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``date_precision`` says how
    to read it (``day``, ``month``, ``year``, ``approx``, ``target`` or ``proposed``).
    """

    date: str
    date_precision: str
    event: str
    source: str
    source_url: str

    @property
    def is_forward_looking(self) -> bool:
        """True for targets and proposals (not yet happened)."""
        return self.date_precision in _FORWARD_PRECISIONS

    def when(self) -> str:
        """The date in plain words: ``"Jan 2022"``, ``"9 Jun 2022"``, ``"≈22 Sep 2023"``,
        ``"2030 target"``, ``"proposed (2026)"``."""
        year, month, day = _date_parts(self.date)
        if self.date_precision == "target":
            return f"{year} target"
        if self.date_precision == "proposed":
            return f"proposed ({year})"
        text = str(year)
        if month:
            text = f"{_MONTHS[month - 1]} {text}"
        if day:
            text = f"{day} {text}"
        return f"≈{text}" if self.date_precision == "approx" else text


@dataclass(frozen=True)
class LaneAnnotation:
    """What the app may say about the trade on one origin → destination lane.

    ``sourced`` is False (and ``figures`` empty, ``headline`` None) for any lane that is not
    the corridor; ``message`` then says so in plain words.
    """

    figures: list[Figure]
    headline: Figure | None
    sourced: bool
    message: str


# --------------------------------------------------------------------------------------------
# Formatting helpers
# --------------------------------------------------------------------------------------------


def _plain_number(value: float) -> str:
    """``1234567 -> "1,234,567"``, ``40.5 -> "40.5"``; never a trailing ``.0``."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return format(Decimal(repr(float(value))).normalize(), ",f")


def _compact(value: float) -> str:
    """Scale to ``B`` or ``M`` when that loses nothing (at most two decimals), else in full."""
    if float(value).is_integer():
        whole = int(value)
        for scale, suffix in ((1_000_000_000, "B"), (1_000_000, "M")):
            if abs(whole) >= scale and whole % (scale // 100) == 0:
                scaled = (Decimal(whole) / Decimal(scale)).normalize()
                return f"{format(scaled, ',f')} {suffix}"
    return _plain_number(value)


def _format_quantity(value: float, unit: str) -> str:
    if unit == "USD":
        return f"US${_compact(value)}"
    if unit == "USD/year":
        return f"US${_compact(value)} a year"
    if unit == "TEU":
        return f"{_compact(value)} TEU"
    if unit == "%":
        return f"{_plain_number(value)} %"
    return f"{_plain_number(value)} {unit}".rstrip()


def _year_key(year: str) -> int:
    """The last four-digit year in ``year`` ("2023–24" counts as 2023); 0 when none."""
    years = _YEAR_RE.findall(year)
    return int(years[-1]) if years else 0


def _date_parts(date: str) -> tuple[int, int, int]:
    match = _DATE_RE.match(date.strip())
    if match is None:
        return (_year_key(date), 0, 0)
    year, month, day = match.groups()
    return (int(year), int(month or 0), int(day or 0))


def normalise_code(code: str) -> str:
    """Upper-case a port code; ``"cnsha-yangshan" -> "CNSHA"``, ``"San Pedro Bay" ->
    "SAN-PEDRO-BAY"``."""
    text = re.sub(r"[\s_]+", "-", code.strip().upper())
    if text == SAN_PEDRO_BAY:
        return text
    match = _LOCODE_ID_RE.match(text)
    return match.group(1) if match else text


# --------------------------------------------------------------------------------------------
# Loading and validation
# --------------------------------------------------------------------------------------------


def _data_dir(data_dir: Path | None) -> Path:
    return Path(settings.DATA_DIR if data_dir is None else data_dir)


@functools.lru_cache(maxsize=32)
def _read_rows(path: Path, columns: tuple[str, ...]) -> tuple[tuple[int, dict[str, str]], ...]:
    """Read a UTF-8 CSV; return ``(row number, row)`` pairs, row 1 being the first data row."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [name for name in columns if name not in header]
            if missing:
                raise DataError(
                    f"{path.name}: missing column(s) {', '.join(missing)}; "
                    f"expected {', '.join(columns)}"
                )
            rows = []
            for number, row in enumerate(reader, start=1):
                if None in row:
                    raise DataError(
                        f"{path.name}, row {number} (line {reader.line_num}): "
                        "more fields than the header has columns"
                    )
                rows.append((number, {key: (val or "").strip() for key, val in row.items()}))
    except FileNotFoundError as exc:
        raise DataError(f"{path.name}: data file not found at {path}") from exc
    except UnicodeDecodeError as exc:
        raise DataError(f"{path.name}: not valid UTF-8 ({exc.reason})") from exc
    return tuple(rows)


def _require(path: Path, number: int, row: dict[str, str], fields: Iterable[str]) -> None:
    for name in fields:
        if not row.get(name, ""):
            raise DataError(
                f"{path.name}, row {number}: missing {name!r}; every row needs a source, "
                "a year (or date) and a value"
            )


def _number(path: Path, number: int, name: str, text: str) -> float:
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        raise DataError(f"{path.name}, row {number}: {name} {text!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise DataError(f"{path.name}, row {number}: {name} {text!r} is not a finite number")
    return value


def _check_qualifier(path: Path, number: int, qualifier: str) -> None:
    if qualifier not in QUALIFIERS:
        raise DataError(
            f"{path.name}, row {number}: qualifier {qualifier!r} is not one of "
            '"" (exact), "≈" (rounded) or ">" (lower bound)'
        )


def _check_url(path: Path, number: int, url: str) -> None:
    if url and not url.startswith("https://"):
        raise DataError(f"{path.name}, row {number}: source_url {url!r} must start with https://")


@functools.lru_cache(maxsize=32)
def _load_figures(path: Path) -> tuple[Figure, ...]:
    figures = []
    for number, row in _read_rows(path, _FIGURE_COLUMNS):
        _require(path, number, row, ("source", "year", "value", "subject", "metric", "unit"))
        _check_qualifier(path, number, row["qualifier"])
        _check_url(path, number, row["source_url"])
        derived_text = row["derived"].lower() or "false"
        if derived_text not in _BOOLEANS:
            raise DataError(
                f"{path.name}, row {number}: derived {row['derived']!r} is not true or false"
            )
        figures.append(
            Figure(
                subject=row["subject"],
                metric=row["metric"],
                value=_number(path, number, "value", row["value"]),
                unit=row["unit"],
                year=row["year"],
                qualifier=row["qualifier"],
                derived=_BOOLEANS[derived_text],
                source=row["source"],
                source_url=row["source_url"],
                note=row["note"],
            )
        )
    return tuple(figures)


@functools.lru_cache(maxsize=32)
def _load_volumes(path: Path) -> tuple[Figure, ...]:
    figures = []
    for number, row in _read_rows(path, _VOLUME_COLUMNS):
        _require(path, number, row, ("source", "year", "teu", "locode"))
        _check_qualifier(path, number, row["qualifier"])
        _check_url(path, number, row["source_url"])
        figures.append(
            Figure(
                subject=normalise_code(row["locode"]),
                metric="container volume",
                value=_number(path, number, "teu", row["teu"]),
                unit="TEU",
                year=row["year"],
                qualifier=row["qualifier"],
                derived=False,
                source=row["source"],
                source_url=row["source_url"],
                note=row["note"],
            )
        )
    return tuple(figures)


@functools.lru_cache(maxsize=32)
def _load_milestones(path: Path) -> tuple[Milestone, ...]:
    milestones = []
    for number, row in _read_rows(path, _MILESTONE_COLUMNS):
        _require(path, number, row, ("source", "date", "event"))
        _check_url(path, number, row["source_url"])
        if row["date_precision"] not in DATE_PRECISIONS:
            raise DataError(
                f"{path.name}, row {number}: date_precision {row['date_precision']!r} is not "
                f"one of {', '.join(DATE_PRECISIONS)}"
            )
        if _DATE_RE.match(row["date"]) is None:
            raise DataError(
                f"{path.name}, row {number}: date {row['date']!r} is not YYYY, YYYY-MM or "
                "YYYY-MM-DD"
            )
        milestones.append(
            Milestone(
                date=row["date"],
                date_precision=row["date_precision"],
                event=row["event"],
                source=row["source"],
                source_url=row["source_url"],
            )
        )
    return tuple(milestones)


def clear_cache() -> None:
    """Forget every file read so far (for tests that rewrite data files)."""
    for cached in (_read_rows, _load_figures, _load_volumes, _load_milestones):
        cached.cache_clear()


def load_all(*, data_dir: Path | None = None) -> None:
    """Read and validate every data file this module uses; raise DataError on the first fault."""
    directory = _data_dir(data_dir)
    _load_volumes(directory / PORT_VOLUMES_FILE)
    _load_figures(directory / TRADE_VALUES_FILE)
    _load_figures(directory / LANE_FACTS_FILE)
    _load_milestones(directory / MILESTONES_FILE)


# --------------------------------------------------------------------------------------------
# Public look-ups
# --------------------------------------------------------------------------------------------


def _newest_first(figures: Iterable[Figure]) -> list[Figure]:
    return sorted(figures, key=lambda figure: _year_key(figure.year), reverse=True)


def port_volumes(locode: str, *, data_dir: Path | None = None) -> list[Figure]:
    """Container volumes (TEU) of one port, newest first; ``[]`` for a port with none.

    ``locode`` is a UN/LOCODE (``USLAX``) or ``SAN-PEDRO-BAY`` (LA + LB combined).
    """
    code = normalise_code(locode)
    rows = _load_volumes(_data_dir(data_dir) / PORT_VOLUMES_FILE)
    return _newest_first(figure for figure in rows if figure.subject == code)


def latest_volume(locode: str, *, data_dir: Path | None = None) -> Figure | None:
    """The newest container-volume figure of a port, or None when there is none."""
    volumes = port_volumes(locode, data_dir=data_dir)
    return volumes[0] if volumes else None


def port_trade(locode: str, *, data_dir: Path | None = None) -> list[Figure]:
    """Trade figures about one port (two-way trade, China's share ...), newest first."""
    code = normalise_code(locode)
    rows = _load_figures(_data_dir(data_dir) / TRADE_VALUES_FILE)
    return _newest_first(figure for figure in rows if figure.subject == code)


def country_pair_trade(pair: str = "US-CN", *, data_dir: Path | None = None) -> list[Figure]:
    """Goods-trade figures of a country pair (default US–China), in file order."""
    rows = _load_figures(_data_dir(data_dir) / TRADE_VALUES_FILE)
    return [figure for figure in rows if figure.subject == pair.strip().upper()]


def is_corridor_lane(origin_locode: str | None, destination_locode: str | None) -> bool:
    """True for Shanghai ↔ Los Angeles / Long Beach / San Pedro Bay, in either direction."""
    if not origin_locode or not destination_locode:
        return False
    origin, destination = normalise_code(origin_locode), normalise_code(destination_locode)
    return (origin == CORRIDOR_ORIGIN and destination in CORRIDOR_DESTINATIONS) or (
        destination == CORRIDOR_ORIGIN and origin in CORRIDOR_DESTINATIONS
    )


def lane_figures(
    origin_locode: str | None,
    destination_locode: str | None,
    *,
    data_dir: Path | None = None,
) -> LaneAnnotation:
    """The sourced trade figures for an origin → destination lane.

    Only the corridor lane (``CNSHA`` to or from ``USLAX``, ``USLGB`` or ``SAN-PEDRO-BAY``)
    has sourced figures; its headline is the lane's trade value. Any other pair, or a missing
    code, gives ``sourced=False`` and a message naming both codes.
    """
    origin = normalise_code(origin_locode) if origin_locode else "(none)"
    destination = normalise_code(destination_locode) if destination_locode else "(none)"
    if not is_corridor_lane(origin_locode, destination_locode):
        return LaneAnnotation(
            figures=[],
            headline=None,
            sourced=False,
            message=(
                f"No sourced trade figure exists for the lane {origin} → {destination}. "
                f"Trade values are shown only for the {CORRIDOR_LANE_NAME} corridor "
                f"({CORRIDOR_ORIGIN} ↔ USLAX, USLGB or {SAN_PEDRO_BAY})."
            ),
        )
    figures = list(_load_figures(_data_dir(data_dir) / LANE_FACTS_FILE))
    headline = next((figure for figure in figures if figure.metric == LANE_HEADLINE_METRIC), None)
    if headline is None:
        message = (
            f"The {CORRIDOR_LANE_NAME} lane ({origin} → {destination}) has no sourced "
            "trade value in lane_facts.csv."
        )
    else:
        message = (
            f"{CORRIDOR_LANE_NAME} lane ({origin} → {destination}): trade worth "
            f"{headline.label()} — {headline.source}."
        )
    return LaneAnnotation(
        figures=figures, headline=headline, sourced=headline is not None, message=message
    )


def milestones(*, data_dir: Path | None = None) -> list[Milestone]:
    """Corridor milestones in chronological order; targets and proposals last."""
    rows = _load_milestones(_data_dir(data_dir) / MILESTONES_FILE)
    order = {precision: index for index, precision in enumerate(DATE_PRECISIONS)}

    def key(item: tuple[int, Milestone]) -> tuple[bool, int, tuple[int, int, int], int]:
        position, milestone = item
        forward = milestone.is_forward_looking
        # events sort by date; targets by date, then proposals
        group = order[milestone.date_precision] if forward else 0
        return (forward, group, _date_parts(milestone.date), position)

    return [milestone for _, milestone in sorted(enumerate(rows), key=key)]


def _unique(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], None] = {}
    for pair in pairs:
        if pair[0]:
            seen.setdefault(pair, None)
    return list(seen)


def _corridor_port_sources(path: Path) -> list[tuple[str, str]]:
    """Citation columns (``*_source``) of corridor_ports.csv; no coordinates are read."""
    if not path.exists():
        return []
    rows = _read_rows(path, ())
    names: Sequence[str] = [name for name in rows[0][1] if name.endswith("source")] if rows else []
    return [(row[name], "") for _, row in rows for name in names if row[name]]


def all_sources(*, data_dir: Path | None = None) -> list[tuple[str, str]]:
    """Unique ``(source, url)`` pairs across every data file, in order of first use.

    ``url`` is ``""`` where the source has no web address (e.g. the China Daily report of the
    Port of Los Angeles annual address).
    """
    directory = _data_dir(data_dir)
    figures: list[Figure] = [
        *_load_volumes(directory / PORT_VOLUMES_FILE),
        *_load_figures(directory / TRADE_VALUES_FILE),
        *_load_figures(directory / LANE_FACTS_FILE),
    ]
    pairs = [(figure.source, figure.source_url) for figure in figures]
    pairs += [(m.source, m.source_url) for m in _load_milestones(directory / MILESTONES_FILE)]
    pairs += _corridor_port_sources(directory / CORRIDOR_PORTS_FILE)
    return _unique(pairs)
