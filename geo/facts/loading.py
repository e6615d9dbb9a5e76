"""Reading and validating the facts' CSV files (``data/``), each read once per path.

A row without a source, a year/date or a value raises :class:`geo.errors.DataError` naming
the file, the row and the missing field.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from geo import settings
from geo.errors import DataError
from geo.facts.figures import _DATE_RE, Figure, Milestone, normalise_code

PORT_VOLUMES_FILE: Final[str] = "port_volumes.csv"
TRADE_VALUES_FILE: Final[str] = "trade_values.csv"
LANE_FACTS_FILE: Final[str] = "lane_facts.csv"
MILESTONES_FILE: Final[str] = "milestones.csv"
CORRIDOR_PORTS_FILE: Final[str] = "corridor_ports.csv"

QUALIFIERS: Final[frozenset[str]] = frozenset({"", "≈", ">"})
DATE_PRECISIONS: Final[tuple[str, ...]] = ("day", "month", "year", "approx", "target", "proposed")
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
