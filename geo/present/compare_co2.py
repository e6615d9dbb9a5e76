"""CO2 per voyage for the lanes of a comparison, by the lane page's voyage model.

Each lane is cut into zone segments once (:func:`geo.zones.corridor.segment_route`, memoised
per line) and :func:`geo.voyage.emissions.voyage_emissions` gives tank-to-wake CO2 in tonnes
for the default ship, load and fuel (ECA fuel inside emission control areas), the same
defaults as the lane page.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Final

from shapely.geometry import LineString

from geo.i18n import ENGLISH, Translator
from geo.routing.engine import Route
from geo.voyage.emissions import DEFAULT_FUEL, DEFAULT_SHIP_TEU, voyage_emissions
from geo.voyage.factors import fuels, reference
from geo.zones import corridor

LonLat = tuple[float, float]
_ANY_SPEED_KN: Final[float] = 18.0  # segment lengths do not depend on the speed


@lru_cache(maxsize=256)
def _segments(coords: tuple[LonLat, ...]) -> Any:
    return corridor.segment_route(LineString(coords), speed_kn=_ANY_SPEED_KN)


def co2_t(route: Route, speed_kn: float) -> float:
    """Tank-to-wake CO2 of one voyage of ``route`` at ``speed_kn`` knots, in tonnes."""
    return voyage_emissions(_segments(route.coords), speed_kn=speed_kn).co2_ttw_t


def co2_note(tr: Translator = ENGLISH) -> str:
    """The assumptions, e.g. ``8,000 TEU ship at 70 % load, VLSFO; MGO in ECAs`` (in ``tr``'s
    language, with the lane page's words)."""
    fuel = fuels()[DEFAULT_FUEL]
    eca = fuels()[fuel.eca_fuel]
    switch = tr("; {fuel} in ECAs", fuel=tr(eca.label)) if eca.fuel != fuel.fuel else ""
    load = reference("load_factor").value
    return tr(
        "{teu} TEU ship at {load} % load, {fuel}{switch}",
        teu=tr.number(DEFAULT_SHIP_TEU),
        load=f"{load * 100:.0f}",
        fuel=tr(fuel.label),
        switch=switch,
    )
