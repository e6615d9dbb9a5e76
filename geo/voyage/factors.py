"""Sourced factors of the voyage model, read from ``data/``: fuels, ship classes, reference
points and canal limits. Every row carries ``source`` and ``year``; loading raises
:class:`~geo.errors.DataError` naming the file, the line and the problem.

* ``data/fuels.csv`` — per fuel: lower calorific value (MJ/kg, IMO MEPC.364(79)), Cf (t CO2 per
  t fuel, MEPC.364(79)), well-to-tank (gCO2e/MJ, FuelEU Maritime Annex II) or a whole
  well-to-wake value (gCO2e/MJ), and the fuel burned in a 0.10 % S emission control area.
* ``data/ship_classes.csv`` — container-ship classes (TEU) and whether they fit the Panama Canal.
* ``data/voyage_reference.csv`` — the fuel-burn reference points (8,000 TEU: ≈ 225 t/day at
  24 kn, ≈ 150 t/day at 21 kn; Notteboom & Carriou 2009), the 70 % load factor (Clean Cargo),
  the lane intensity used as a sanity frame, and two labelled assumptions (size exponent 2/3,
  auxiliary load 0 t/day).
* ``data/canal_limits.csv`` — the largest ship (TEU) each canal takes, by searoute passage.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

from geo.errors import DataError
from geo.settings import DATA_DIR

FUELS_PATH: Final = DATA_DIR / "fuels.csv"
SHIP_CLASSES_PATH: Final = DATA_DIR / "ship_classes.csv"
REFERENCE_PATH: Final = DATA_DIR / "voyage_reference.csv"
CANALS_PATH: Final = DATA_DIR / "canal_limits.csv"


@dataclass(frozen=True)
class Fuel:
    """One fuel. ``wtw_gco2e_per_mj`` is the well-to-wake intensity or None (not sourced)."""

    fuel: str
    label: str
    lcv_mj_per_kg: float
    cf_t_co2_per_t: float
    wtw_gco2e_per_mj: float | None
    eca_fuel: str
    note: str
    source: str
    source_url: str
    year: int


@dataclass(frozen=True)
class ShipClass:
    """A container-ship class: ``teu`` capacity, and whether it fits the Panama Canal."""

    class_id: str
    name: str
    teu: int
    panama_canal: bool
    source: str
    year: int


@dataclass(frozen=True)
class Reference:
    """A row of ``data/voyage_reference.csv`` (``ship_teu``/``speed_kn`` None when not used)."""

    quantity: str
    ship_teu: int | None
    speed_kn: float | None
    value: float
    unit: str
    note: str
    source: str
    source_url: str
    year: int


@dataclass(frozen=True)
class CanalLimit:
    """The largest container ship a canal takes (``max_teu`` None: no limit applied)."""

    canal: str
    passage: str
    max_teu: int | None
    note: str
    source: str
    source_url: str
    year: int


def _rows(path: Path, required: tuple[str, ...]) -> list[tuple[str, dict[str, str]]]:
    """(where, row) for every row; checks columns, source and year."""
    if not path.exists():
        raise DataError(f"{path} is missing")
    out = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [f for f in (*required, "source", "year") if f not in (reader.fieldnames or [])]
        if missing:
            raise DataError(f"{path.name} lacks column(s): {', '.join(missing)}")
        for line_no, row in enumerate(reader, start=2):
            where = f"{path.name} line {line_no}"
            if not row["source"].strip() or not row["year"].strip().isdigit():
                raise DataError(f"{where}: every row needs a source and a year")
            out.append((where, row))
    return out


def _float(text: str, where: str, field: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise DataError(f"{where}: {field} {text!r} is not a number") from None


def _optional(text: str, where: str, field: str) -> float | None:
    return None if not text.strip() else _float(text, where, field)


@lru_cache(maxsize=1)
def fuels() -> dict[str, Fuel]:
    """Every fuel of ``data/fuels.csv`` by id (``vlsfo``, ``hfo``, ``mgo`` ...), in file order."""
    out: dict[str, Fuel] = {}
    fields = ("fuel", "label", "lcv_mj_per_kg", "cf_t_co2_per_t", "wtt_gco2e_per_mj")
    for where, row in _rows(FUELS_PATH, (*fields, "wtw_gco2e_per_mj", "eca_fuel")):
        lcv = _float(row["lcv_mj_per_kg"], where, "lcv_mj_per_kg")
        cf = _float(row["cf_t_co2_per_t"], where, "cf_t_co2_per_t")
        wtt = _optional(row["wtt_gco2e_per_mj"], where, "wtt_gco2e_per_mj")
        wtw = _optional(row["wtw_gco2e_per_mj"], where, "wtw_gco2e_per_mj")
        if wtw is None and wtt is not None:  # well-to-tank + tank-to-wake CO2 (g per MJ)
            wtw = wtt + 1000.0 * cf / lcv
        out[row["fuel"].strip()] = Fuel(
            fuel=row["fuel"].strip(),
            label=row["label"].strip(),
            lcv_mj_per_kg=lcv,
            cf_t_co2_per_t=cf,
            wtw_gco2e_per_mj=wtw,
            eca_fuel=row["eca_fuel"].strip(),
            note=row.get("note", "").strip(),
            source=row["source"].strip(),
            source_url=row.get("source_url", "").strip(),
            year=int(row["year"]),
        )
    bad = [f.fuel for f in out.values() if f.eca_fuel not in out]
    if bad:
        raise DataError(f"{FUELS_PATH.name}: eca_fuel of {', '.join(bad)} is not a listed fuel")
    return out


@lru_cache(maxsize=1)
def ship_classes() -> tuple[ShipClass, ...]:
    """The ship classes of ``data/ship_classes.csv``, smallest first."""
    out = []
    for where, row in _rows(SHIP_CLASSES_PATH, ("class_id", "name", "teu", "panama_canal")):
        out.append(
            ShipClass(
                class_id=row["class_id"].strip(),
                name=row["name"].strip(),
                teu=int(_float(row["teu"], where, "teu")),
                panama_canal=row["panama_canal"].strip().lower() == "true",
                source=row["source"].strip(),
                year=int(row["year"]),
            )
        )
    return tuple(sorted(out, key=lambda c: c.teu))


@lru_cache(maxsize=1)
def references() -> tuple[Reference, ...]:
    """Every row of ``data/voyage_reference.csv``, in file order."""
    out = []
    for where, row in _rows(REFERENCE_PATH, ("quantity", "ship_teu", "speed_kn", "value", "unit")):
        teu = _optional(row["ship_teu"], where, "ship_teu")
        out.append(
            Reference(
                quantity=row["quantity"].strip(),
                ship_teu=None if teu is None else int(teu),
                speed_kn=_optional(row["speed_kn"], where, "speed_kn"),
                value=_float(row["value"], where, "value"),
                unit=row["unit"].strip(),
                note=row.get("note", "").strip(),
                source=row["source"].strip(),
                source_url=row.get("source_url", "").strip(),
                year=int(row["year"]),
            )
        )
    return tuple(out)


def reference(quantity: str) -> Reference:
    """The first reference row for ``quantity``; DataError naming it when absent."""
    for row in references():
        if row.quantity == quantity:
            return row
    raise DataError(f"{REFERENCE_PATH.name} has no row for {quantity!r}")


def model_speed_range() -> tuple[float, float]:
    """``(slowest, fastest)`` knots within which the fuel model's figures stand without a
    warning: the cube law extended from the sourced reference points (a labelled assumption,
    ``model_speed_min``/``model_speed_max`` in ``data/voyage_reference.csv``)."""
    return reference("model_speed_min").value, reference("model_speed_max").value


def sourced_speeds() -> tuple[float, ...]:
    """The speeds (knots) of the sourced fuel-burn reference points, slowest first."""
    return tuple(
        sorted(r.speed_kn for r in references() if r.quantity == "fuel_burn" and r.speed_kn)
    )


@lru_cache(maxsize=1)
def canal_limits() -> tuple[CanalLimit, ...]:
    """The canals of ``data/canal_limits.csv`` with their TEU limits."""
    out = []
    for where, row in _rows(CANALS_PATH, ("canal", "passage", "max_teu")):
        limit = _optional(row["max_teu"], where, "max_teu")
        out.append(
            CanalLimit(
                canal=row["canal"].strip(),
                passage=row["passage"].strip(),
                max_teu=None if limit is None else int(limit),
                note=row.get("note", "").strip(),
                source=row["source"].strip(),
                source_url=row.get("source_url", "").strip(),
                year=int(row["year"]),
            )
        )
    return tuple(out)
