"""Corrections to searoute's port list, from ``data/port_corrections.csv``.

searoute's ``ports.geojson`` gives a few ports another port's UN/LOCODE: it lists Portland,
Oregon under ``USPWM``, the code of Portland, Maine, which it also lists. Each row of the file
names the searoute entry (its code, its name and its point, ``(lon, lat)``) and the code and name
it gets in the catalogue, with the source and year that say so.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from geo.errors import DataError
from geo.settings import DATA_DIR

CORRECTIONS_PATH: Final = DATA_DIR / "port_corrections.csv"
_COLUMNS: Final[tuple[str, ...]] = (
    "searoute_locode",
    "searoute_name",
    "lon",
    "lat",
    "locode",
    "name",
    "source",
    "year",
)


@dataclass(frozen=True)
class Correction:
    """The code and name a searoute entry gets, with the point that identifies it
    (``lon``, ``lat``), the ``source`` and ``year``."""

    searoute_locode: str
    searoute_name: str
    lon: float
    lat: float
    locode: str
    name: str
    source: str
    year: str


@lru_cache(maxsize=1)
def corrections() -> dict[tuple[str, str], Correction]:
    """``(searoute code, searoute name)`` → its :class:`Correction`; :class:`DataError` on a
    row without every field or with a code that is not five letters or digits."""
    out: dict[tuple[str, str], Correction] = {}
    with CORRECTIONS_PATH.open(encoding="utf-8", newline="") as fh:
        for row_no, row in enumerate(csv.DictReader(fh), start=2):
            cells = {k: (row.get(k) or "").strip() for k in _COLUMNS}
            codes = (cells["searoute_locode"], cells["locode"])
            try:
                if not all(cells.values()) or any(len(c) != 5 for c in codes):
                    raise ValueError("a field is empty or a code is not 5 characters")
                fix = Correction(
                    codes[0].upper(),
                    cells["searoute_name"],
                    float(cells["lon"]),
                    float(cells["lat"]),
                    codes[1].upper(),
                    cells["name"],
                    cells["source"],
                    cells["year"],
                )
            except ValueError as exc:
                raise DataError(
                    f"{CORRECTIONS_PATH.name} row {row_no}: needs {', '.join(_COLUMNS)} ({exc})"
                ) from None
            out[(fix.searoute_locode, fix.searoute_name)] = fix
    return out
