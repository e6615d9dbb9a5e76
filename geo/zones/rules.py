"""Zone ids, their order and priorities, and the rules of ``data/zone_rules.csv``.

Every zone the route can be cut into has one row in ``data/zone_rules.csv`` with its sulphur
limit, rules in words, corridor measures, ``source``, ``source_url``, ``year`` (of the newest
fact in the row) and ``approximate`` (``true`` where this project draws the outline). Loading
raises :class:`~geo.errors.DataError` naming the file, the line and the missing field.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from geo.errors import DataError
from geo.settings import DATA_DIR

ZONE_RULES_PATH: Final = DATA_DIR / "zone_rules.csv"

# --- zone ids ----------------------------------------------------------------------------------
SHANGHAI_APPROACH: Final[str] = "shanghai_approach"
SAN_PEDRO_BAY_APPROACH: Final[str] = "san_pedro_bay_approach"
NORTH_AMERICAN_ECA: Final[str] = "north_american_eca"
US_CARIBBEAN_ECA: Final[str] = "us_caribbean_eca"
NORTH_SEA_ECA: Final[str] = "north_sea_eca"
BALTIC_ECA: Final[str] = "baltic_eca"
MEDITERRANEAN_ECA: Final[str] = "mediterranean_eca"
CHINA_INLAND_ECA: Final[str] = "china_inland_eca"
HAINAN_ECA: Final[str] = "hainan_eca"
CHINA_COASTAL_ECA: Final[str] = "china_coastal_eca"
OPEN_OCEAN: Final[str] = "open_ocean"

#: Order of the rows of :func:`geo.zones.corridor.zones`: where areas overlap, the earlier zone
#: wins (port approaches first; a stricter Chinese limit before the 0.50 % coastal one).
ZONE_ORDER: Final[tuple[str, ...]] = (
    SHANGHAI_APPROACH,
    SAN_PEDRO_BAY_APPROACH,
    NORTH_AMERICAN_ECA,
    US_CARIBBEAN_ECA,
    NORTH_SEA_ECA,
    BALTIC_ECA,
    MEDITERRANEAN_ECA,
    CHINA_INLAND_ECA,
    HAINAN_ECA,
    CHINA_COASTAL_ECA,
)
#: Display priority (3 port approach, 2 emission control area, 1 open sea).
PRIORITY: Final[dict[str, int]] = {
    **{zone_id: 2 for zone_id in ZONE_ORDER},
    SHANGHAI_APPROACH: 3,
    SAN_PEDRO_BAY_APPROACH: 3,
    OPEN_OCEAN: 1,
}

ZONE_COLUMNS: Final[tuple[str, ...]] = (
    "zone_id",
    "zone_name",
    "kind",
    "priority",
    "sulphur_limit_pct",
    "rules",
    "corridor_measures",
    "source",
    "year",
    "approximate",
)
_RULE_FIELDS: Final[tuple[str, ...]] = (
    "zone_id",
    "zone_name",
    "kind",
    "sulphur_limit_pct",
    "rules",
    "corridor_measures",
    "source",
    "source_url",
    "year",
    "approximate",
)


@dataclass(frozen=True)
class ZoneRule:
    """One row of ``data/zone_rules.csv``. ``sulphur_limit_pct`` is % m/m of fuel sulphur."""

    zone_id: str
    zone_name: str
    kind: str
    sulphur_limit_pct: float
    rules: str
    corridor_measures: str
    source: str
    source_url: str
    year: int
    approximate: bool

    @property
    def priority(self) -> int:
        return PRIORITY[self.zone_id]


def _parse_row(row: dict[str, str], where: str) -> ZoneRule:
    zone_id = row["zone_id"].strip()
    if zone_id not in PRIORITY:
        raise DataError(f"{where}: unknown zone_id; accepted: {', '.join(PRIORITY)}")
    if not row["source"].strip() or not row["year"].strip():
        raise DataError(f"{where}: every zone needs a source and a year")
    try:
        sulphur = float(row["sulphur_limit_pct"])
        year = int(row["year"])
    except ValueError as exc:
        raise DataError(f"{where}: {exc}") from None
    approximate = row["approximate"].strip().lower()
    if approximate not in ("true", "false"):
        raise DataError(f"{where}: approximate must be true or false")
    return ZoneRule(
        zone_id=zone_id,
        zone_name=row["zone_name"].strip(),
        kind=row["kind"].strip(),
        sulphur_limit_pct=sulphur,
        rules=row["rules"].strip(),
        corridor_measures=row["corridor_measures"].strip(),
        source=row["source"].strip(),
        source_url=row["source_url"].strip(),
        year=year,
        approximate=approximate == "true",
    )


@lru_cache(maxsize=1)
def _rules() -> dict[str, ZoneRule]:
    path = ZONE_RULES_PATH
    if not path.exists():
        raise DataError(f"{path} is missing")
    out: dict[str, ZoneRule] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [f for f in _RULE_FIELDS if f not in (reader.fieldnames or [])]
        if missing:
            raise DataError(f"{path.name} lacks column(s): {', '.join(missing)}")
        for line_no, row in enumerate(reader, start=2):
            where = f"{path.name} line {line_no} ({row['zone_id'].strip() or 'no zone_id'})"
            rule = _parse_row(row, where)
            out[rule.zone_id] = rule
    absent = [z for z in PRIORITY if z not in out]
    if absent:
        raise DataError(f"{path.name} has no row for: {', '.join(absent)}")
    return out


def zone_rules() -> dict[str, ZoneRule]:
    """Rules of every zone, including ``open_ocean``, by ``zone_id`` (a fresh dict).

    Raises :class:`~geo.errors.DataError` if ``data/zone_rules.csv`` is missing, lacks a column,
    has an unknown ``zone_id``, a row without source or year, or no row for a known zone.
    """
    return dict(_rules())
