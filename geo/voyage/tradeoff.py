"""The speed trade-off: days at sea, fuel and CO2 of one route at a range of speeds."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from geo.routing.engine import Route, validate_speed
from geo.voyage.emissions import DEFAULT_FUEL, DEFAULT_SHIP_TEU, voyage_emissions
from geo.zones.corridor import segment_route

COLUMNS: Final[tuple[str, ...]] = ("speed_kn", "days", "fuel_t", "co2_ttw_t", "co2e_wtw_t")


def table(
    route: Route,
    speeds: Iterable[float] = range(10, 25),
    *,
    ship_teu: object = DEFAULT_SHIP_TEU,
    load_factor: object = None,
    fuel: object = DEFAULT_FUEL,
    aux_t_per_day: float | None = None,
) -> list[dict[str, Any]]:
    """One row per speed: ``speed_kn``, ``days`` (at sea), ``fuel_t`` (t), ``co2_ttw_t`` (t),
    ``co2e_wtw_t`` (t, or None where the fuel has no sourced well-to-wake factor).

    ``route`` from :func:`geo.routing.engine.route` (coordinates ``(lon, lat)``); it is cut into
    zone segments once (distances do not depend on speed). Other arguments as
    :func:`geo.voyage.emissions.voyage_emissions`; raises its errors, and
    :class:`~geo.errors.InvalidSpeedError` naming a bad speed or an empty ``speeds``.
    """
    checked = [validate_speed(s) for s in speeds]
    if not checked:
        validate_speed("no speeds")
    segments = segment_route(route.line, speed_kn=checked[0])
    rows = []
    for speed in checked:
        result = voyage_emissions(
            segments,
            ship_teu=ship_teu,
            load_factor=load_factor,
            fuel=fuel,
            speed_kn=speed,
            aux_t_per_day=aux_t_per_day,
        )
        rows.append(
            {
                "speed_kn": speed,
                "days": round(result.days, 2),
                "fuel_t": round(result.fuel_t, 1),
                "co2_ttw_t": round(result.co2_ttw_t, 1),
                "co2e_wtw_t": None if result.co2e_wtw_t is None else round(result.co2e_wtw_t, 1),
            }
        )
    return rows
