"""Fuel and CO2 of one voyage, segment by segment.

Model (every constant from ``data/``, see :mod:`geo.voyage.factors`):

* **Energy per day.** Main-engine fuel per day follows the cube law through the reference
  points of an 8,000 TEU ship (≈ 225 t/day at 24 kn, ≈ 150 t/day at 21 kn; Notteboom & Carriou
  2009): ``k = mean(fuel / speed³)``, the burn taken as HFO (LCV 40.2 MJ/kg) and turned into
  energy. Another ship size scales it by ``(TEU / 8,000) ** (2/3)`` — a **labelled assumption**
  (Admiralty relation, displacement ∝ TEU; no source found). An optional fixed auxiliary burn
  (t/day of the voyage fuel) is added; by default 0 (labelled assumption). The cube law holds
  near design speed; far below it (10-14 kn) the figures are an extrapolation.
* **Fuel by energy.** Each segment needs ``energy/day × hours / 24``; the tonnes burned are that
  energy over the fuel's LCV (IMO MEPC.364(79)), so methanol (19.9 MJ/kg) burns ≈ 2.1 × the
  tonnes of VLSFO (41.2 MJ/kg).
* **ECA switch.** In a segment whose sulphur limit is 0.10 % or less (an ECA, the Hainan and
  inland-river parts of China's ECA, the San Pedro Bay approach), VLSFO is replaced by MGO; HFO
  (with scrubber), MGO, LNG, methanol, e-methanol and ammonia are kept (``eca_fuel``).
* **CO2.** Tank-to-wake = tonnes × Cf (MEPC.364(79)); well-to-wake CO2e = energy × the fuel's
  well-to-wake intensity (FuelEU Maritime Annex II WtT + TtW CO2; e-methanol: the RFNBO upper
  bound), or None for the voyage if any segment's fuel has none (the page says "tank-to-wake
  only").
* **Per TEU.** TEU carried = ``ship_teu × load_factor``; ``g_co2_per_teu_km`` = tank-to-wake
  grams / (TEU carried × km sailed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

import geopandas as gpd

from geo.errors import InvalidCoordinateError
from geo.routing.engine import validate_speed
from geo.settings import HOURS_PER_DAY, KM_PER_NM
from geo.voyage.factors import Fuel, fuels, reference, references
from geo.voyage.validate import validate_fuel, validate_load_factor, validate_ship_teu
from geo.zones.corridor import zone_rules

#: Fuel whose tonnes the reference burn is given in (the 2009 reference predates VLSFO).
REFERENCE_FUEL: Final[str] = "hfo"
#: A segment with a sulphur limit at or below this (% m/m) needs 0.10 % S fuel.
ECA_SULPHUR_PCT: Final[float] = 0.10
DEFAULT_SHIP_TEU: Final[int] = 8000
DEFAULT_FUEL: Final[str] = "vlsfo"


@dataclass(frozen=True)
class SegmentEmissions:
    """One segment: ``fuel`` actually burned there, tonnes, CO2 in tonnes."""

    name: str
    zone: str
    is_eca: bool
    distance_nm: float
    duration_h: float
    fuel: str
    fuel_t: float
    co2_ttw_t: float
    co2e_wtw_t: float | None


@dataclass(frozen=True)
class VoyageEmissions:
    """Fuel and CO2 of a voyage; totals are sums of ``segments``. ``sources`` are (title, url)."""

    ship_teu: int
    load_factor: float
    fuel: str
    speed_kn: float
    aux_t_per_day: float
    segments: tuple[SegmentEmissions, ...]
    distance_nm: float
    days: float
    fuel_t: float
    co2_ttw_t: float
    co2e_wtw_t: float | None
    teu_carried: float
    co2_ttw_per_teu_t: float
    g_co2_per_teu_km: float
    sources: tuple[tuple[str, str], ...]
    assumptions: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """The route JSON's ``emissions`` object (plain JSON types; rounded for display)."""
        wtw = self.co2e_wtw_t
        return {
            "ship_teu": self.ship_teu,
            "load_factor": self.load_factor,
            "fuel": self.fuel,
            "speed_kn": self.speed_kn,
            "fuel_t": round(self.fuel_t, 1),
            "co2_ttw_t": round(self.co2_ttw_t, 1),
            "co2e_wtw_t": None if wtw is None else round(wtw, 1),
            "co2_ttw_per_teu_t": round(self.co2_ttw_per_teu_t, 4),
            "g_co2_per_teu_km": round(self.g_co2_per_teu_km, 2),
            "segments": [
                {
                    "name": s.name,
                    "zone": s.zone,
                    "fuel": s.fuel,
                    "fuel_t": round(s.fuel_t, 1),
                    "co2_ttw_t": round(s.co2_ttw_t, 1),
                    "co2e_wtw_t": None if s.co2e_wtw_t is None else round(s.co2e_wtw_t, 1),
                }
                for s in self.segments
            ],
            "sources": [{"title": t, "url": u} for t, u in self.sources],
            "assumptions": list(self.assumptions),
        }


def fuel_per_day_t(
    speed_kn: float, *, ship_teu: int = DEFAULT_SHIP_TEU, fuel: str = "hfo"
) -> float:
    """Main-engine fuel (t/day of ``fuel``) at ``speed_kn`` for a ``ship_teu`` ship.

    Cube law through the sourced reference points (t/day of HFO), scaled by size with the
    labelled assumption exponent, converted by energy to ``fuel``. Raises the validation errors.
    """
    speed = validate_speed(speed_kn)
    return _energy_per_day_mj(speed, validate_ship_teu(ship_teu)) / (
        fuels()[validate_fuel(fuel)].lcv_mj_per_kg * 1000.0
    )


def _energy_per_day_mj(speed_kn: float, ship_teu: int) -> float:
    points = [r for r in references() if r.quantity == "fuel_burn"]
    ref_teu = points[0].ship_teu or DEFAULT_SHIP_TEU
    k = sum(r.value / float(r.speed_kn or 1.0) ** 3 for r in points) / len(points)
    exponent = reference("size_exponent").value
    tonnes = k * speed_kn**3 * (ship_teu / ref_teu) ** exponent
    return tonnes * 1000.0 * fuels()[REFERENCE_FUEL].lcv_mj_per_kg


def _segment_rows(segments: Any) -> list[dict[str, Any]]:
    """``name``, ``zone``, ``distance_nm``, ``sulphur`` from a GeoDataFrame or records."""
    rules = zone_rules()
    records: Iterable[Mapping[str, Any]]
    if isinstance(segments, gpd.GeoDataFrame):
        records = segments.to_dict("records")
    else:
        records = list(segments)
    out: list[dict[str, Any]] = []
    for rec in records:
        zone = str(rec.get("zone_id", rec.get("zone", "")))
        if zone not in rules:
            raise InvalidCoordinateError(
                f"segment zone {zone!r} is unknown; accepted: {', '.join(rules)}"
            )
        sulphur = rec.get("sulphur_limit_pct", rules[zone].sulphur_limit_pct)
        out.append(
            {
                "name": str(rec.get("name", rules[zone].zone_name)),
                "zone": zone,
                "distance_nm": float(rec["distance_nm"]),
                "sulphur": float(sulphur),
            }
        )
    if not out or sum(r["distance_nm"] for r in out) <= 0.0:
        raise InvalidCoordinateError("a voyage needs at least one segment with a distance > 0 nm")
    return out


def _sources(used: Iterable[Fuel]) -> tuple[tuple[str, str], ...]:
    seen: dict[str, str] = {}
    for ref in references():
        if ref.quantity in ("fuel_burn", "load_factor", "size_exponent", "aux_t_per_day"):
            seen.setdefault(ref.source, ref.source_url)
    for fuel in used:
        seen.setdefault(fuel.source, fuel.source_url)
    return tuple(seen.items())


def voyage_emissions(
    segments: Any,
    *,
    ship_teu: object = DEFAULT_SHIP_TEU,
    load_factor: object = None,
    fuel: object = DEFAULT_FUEL,
    speed_kn: object = 18.0,
    aux_t_per_day: float | None = None,
) -> VoyageEmissions:
    """Fuel and CO2 by segment for a voyage at one speed.

    ``segments``: :func:`geo.zones.corridor.segment_route` output (GeoDataFrame) or records with
    ``zone`` (or ``zone_id``), ``distance_nm`` and optionally ``name`` and
    ``sulphur_limit_pct`` (else the zone's rule). ``ship_teu`` within the classes of
    ``data/ship_classes.csv``; ``load_factor`` in (0, 1] (default 0.70, Clean Cargo/GLEC);
    ``fuel`` one of ``data/fuels.csv``; ``speed_kn`` in (0, 40]; ``aux_t_per_day`` auxiliary
    burn in t/day of the voyage fuel (default from ``data/voyage_reference.csv``: 0).

    Raises :class:`~geo.voyage.validate.UnknownFuelError`,
    :class:`~geo.voyage.validate.InvalidLoadFactorError`,
    :class:`~geo.voyage.validate.InvalidShipSizeError`, :class:`~geo.errors.InvalidSpeedError`
    or :class:`~geo.errors.InvalidCoordinateError` (no segment, unknown zone), each naming
    the value.
    """
    teu = validate_ship_teu(ship_teu)
    lf = validate_load_factor(
        reference("load_factor").value if load_factor is None else load_factor
    )
    fuel_id = validate_fuel(fuel)
    speed = validate_speed(speed_kn)
    aux = reference("aux_t_per_day").value if aux_t_per_day is None else float(aux_t_per_day)
    table = fuels()
    energy_day = _energy_per_day_mj(speed, teu) + aux * 1000.0 * table[fuel_id].lcv_mj_per_kg

    rows: list[SegmentEmissions] = []
    for seg in _segment_rows(segments):
        is_eca = seg["sulphur"] <= ECA_SULPHUR_PCT
        burned = table[table[fuel_id].eca_fuel] if is_eca else table[fuel_id]
        hours = seg["distance_nm"] / speed
        energy = energy_day * hours / HOURS_PER_DAY  # MJ
        tonnes = energy / (burned.lcv_mj_per_kg * 1000.0)
        wtw = burned.wtw_gco2e_per_mj
        rows.append(
            SegmentEmissions(
                name=seg["name"],
                zone=seg["zone"],
                is_eca=is_eca,
                distance_nm=seg["distance_nm"],
                duration_h=hours,
                fuel=burned.fuel,
                fuel_t=tonnes,
                co2_ttw_t=tonnes * burned.cf_t_co2_per_t,
                co2e_wtw_t=None if wtw is None else energy * wtw / 1e6,
            )
        )
    distance = sum(r.distance_nm for r in rows)
    co2 = sum(r.co2_ttw_t for r in rows)
    wtws = [r.co2e_wtw_t for r in rows]
    carried = teu * lf
    return VoyageEmissions(
        ship_teu=teu,
        load_factor=lf,
        fuel=fuel_id,
        speed_kn=speed,
        aux_t_per_day=aux,
        segments=tuple(rows),
        distance_nm=distance,
        days=distance / speed / HOURS_PER_DAY,
        fuel_t=sum(r.fuel_t for r in rows),
        co2_ttw_t=co2,
        co2e_wtw_t=None if any(w is None for w in wtws) else sum(w or 0.0 for w in wtws),
        teu_carried=carried,
        co2_ttw_per_teu_t=co2 / carried,
        g_co2_per_teu_km=co2 * 1e6 / (carried * distance * KM_PER_NM),
        sources=_sources({table[r.fuel] for r in rows} | {table[fuel_id]}),
        assumptions=tuple(
            ref.note for ref in references() if ref.quantity in ("size_exponent", "aux_t_per_day")
        ),
    )
