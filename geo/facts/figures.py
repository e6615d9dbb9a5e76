"""Sourced figures and milestones as value objects, and how they read in plain words.

:class:`Figure` (a number with unit, year, qualifier and source), :class:`Milestone` (a dated
corridor event) and :class:`LaneAnnotation` (what may be said about a lane's trade). No I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

SAN_PEDRO_BAY: Final[str] = "SAN-PEDRO-BAY"
_FORWARD_PRECISIONS: Final[frozenset[str]] = frozenset({"target", "proposed"})
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
        """The date in plain words: ``"Jan 2022"``, ``"9 Jun 2022"``, ``"2030 target"``,
        ``"proposed (2026)"``. A day or a month is shown only when it is exact: an approximate
        date drops its last part (``2023-09-22`` → ``"Sep 2023"``, ``2023-09`` → ``"2023"``),
        an approximate year reads ``"≈2023"`` (as the Chinese words do, ``localnames``)."""
        year, month, day = _date_parts(self.date)
        if self.date_precision == "target":
            return f"{year} target"
        if self.date_precision == "proposed":
            return f"proposed ({year})"
        approx = self.date_precision == "approx"
        if approx and day:
            day, approx = 0, False
        elif approx and month:
            month, approx = 0, False
        if self.date_precision == "month":
            day = 0
        elif self.date_precision == "year":
            month = day = 0
        text = str(year)
        if month:
            text = f"{_MONTHS[month - 1]} {text}"
        if day:
            text = f"{day} {text}"
        return f"≈{text}" if approx else text


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
