"""What is in place at the corridor's ports: ``data/corridor_measures.csv``.

Shore power at the Ports of Los Angeles, Long Beach and Shanghai, green-methanol bunkering at
Shanghai and California's At-Berth Regulation, each row with its date, source and year (the
2nd annual progress report, blueeconomynews.earth ?p=6833, 2025; CARB). Coordinates are
``(lon, lat)``: the port's reference point of ``data/corridor_ports.csv``.

A row without a source, a year or a date, an unknown measure, a malformed UN/LOCODE or a
coordinate out of range raises :class:`geo.errors.DataError` naming the file, the row and the
problem.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from geo.errors import DataError
from geo.facts.figures import _DATE_RE, Milestone
from geo.facts.loading import _check_url, _data_dir, _number, _read_rows, _require
from geo.facts.loading import clear_cache as clear_rows_cache

MEASURES_FILE: Final[str] = "corridor_measures.csv"
#: Every accepted ``measure`` and its label.
MEASURE_LABELS: Final[dict[str, str]] = {
    "shore_power": "Shore power",
    "green_methanol_bunkering": "Green-methanol bunkering",
    "at_berth_regulation": "At-berth regulation",
}
#: Precisions of something already in place (no targets or proposals here).
MEASURE_PRECISIONS: Final[tuple[str, ...]] = ("day", "month", "year", "approx")
_COLUMNS: Final[tuple[str, ...]] = (
    "measure",
    "port",
    "lon",
    "lat",
    "date",
    "date_precision",
    "description",
    "source",
    "source_url",
    "year",
)
_LOCODE_RE: Final[re.Pattern[str]] = re.compile(r"^[A-Z]{2}[A-Z2-9]{3}$")


@dataclass(frozen=True)
class Measure:
    """One measure in place at one port: ``(lon, lat)`` in degrees (−180..180), ``date`` as
    in ``milestones.csv``, the citation ``source``/``source_url`` and its ``year``."""

    measure: str
    port: str
    lon: float
    lat: float
    date: str
    date_precision: str
    description: str
    source: str
    source_url: str
    year: int

    @property
    def label(self) -> str:
        """``"Shore power"``."""
        return MEASURE_LABELS[self.measure]

    def when(self) -> str:
        """The date in words: ``"1 Jan 2023"``, ``"2025"``."""
        return Milestone(
            self.date, self.date_precision, self.description, self.source, self.source_url
        ).when()


def _fault(path: Path, number: int, text: str) -> DataError:
    return DataError(f"{path.name}, row {number}: {text}")


@functools.lru_cache(maxsize=8)
def _load(path: Path) -> tuple[Measure, ...]:
    out = []
    for number, row in _read_rows(path, _COLUMNS):
        _require(path, number, row, ("source", "year", "date", "measure", "port", "description"))
        _check_url(path, number, row["source_url"])
        if row["measure"] not in MEASURE_LABELS:
            raise _fault(
                path,
                number,
                f"measure {row['measure']!r} is not one of {', '.join(MEASURE_LABELS)}",
            )
        if _LOCODE_RE.match(row["port"]) is None:
            raise _fault(path, number, f"port {row['port']!r} is not a UN/LOCODE like USLAX")
        if row["date_precision"] not in MEASURE_PRECISIONS:
            raise _fault(
                path,
                number,
                f"date_precision {row['date_precision']!r} is not one of "
                f"{', '.join(MEASURE_PRECISIONS)}",
            )
        if _DATE_RE.match(row["date"]) is None:
            raise _fault(path, number, f"date {row['date']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if not row["year"].isdigit():
            raise _fault(path, number, f"year {row['year']!r} is not a year like 2025")
        lon = _number(path, number, "lon", row["lon"])
        lat = _number(path, number, "lat", row["lat"])
        if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
            raise _fault(
                path, number, f"(lon, lat) ({lon}, {lat}) is out of range; lon −180..180, lat ±90"
            )
        out.append(
            Measure(
                measure=row["measure"],
                port=row["port"],
                lon=lon,
                lat=lat,
                date=row["date"],
                date_precision=row["date_precision"],
                description=row["description"],
                source=row["source"],
                source_url=row["source_url"],
                year=int(row["year"]),
            )
        )
    return tuple(out)


def measures(*, data_dir: Path | None = None) -> tuple[Measure, ...]:
    """Every row of ``data/corridor_measures.csv`` in file order (validated, read once)."""
    return _load(_data_dir(data_dir) / MEASURES_FILE)


def clear_cache() -> None:
    """Forget the file read so far (for tests that rewrite it), and the rows cache under it."""
    _load.cache_clear()
    clear_rows_cache()
