"""The lane's figures and texts in plain words: metrics, titles, assumptions, sources.

Numbers have thousands separators, units and no spurious decimals ("5,739 nm", "13.3 days",
"4.3 nm"). Every function takes a :class:`~geo.present.view.LaneView`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Final

from geo.catalogue.land import LAND_SOURCE
from geo.present.items import Metric, Source
from geo.present.text import format_date
from geo.present.view import LaneView
from geo.routing import engine as routing
from geo.voyage.factors import fuels, references

NOT_FOR_NAVIGATION: Final[str] = "Not for navigation."
SEAROUTE_SOURCE: Final[tuple[str, str]] = (
    "searoute (maritime network and port list, Apache-2.0)",
    "https://github.com/genthalili/searoute-py",
)
NATURAL_EARTH_URL: Final[str] = "https://www.naturalearthdata.com/"


def nm_words(distance_nm: float) -> str:
    """``"5,739 nm"``; below 10 nm one decimal (``"4.3 nm"``)."""
    return f"{distance_nm:,.0f} nm" if distance_nm >= 10 else f"{distance_nm:.1f} nm"


def duration_words(hours: float) -> str:
    """``"13.3 days"``; under two days in hours (``"5.2 h"``, ``"31 h"``)."""
    if hours >= 48:
        return f"{hours / 24:,.1f} days"
    return f"{hours:,.0f} h" if hours >= 10 else f"{hours:.1f} h"


def metrics(view: LaneView) -> tuple[Metric, ...]:
    r = view.main
    km = f"{r.distance_km:,.0f} km" if r.distance_km >= 10 else f"{r.distance_km:.1f} km"
    to = f" · to {r.destination.name}" if len(view.routes) > 1 else ""
    out = [
        Metric("distance", "Sea distance", nm_words(r.distance_nm), km + to, r.distance_nm, "nm"),
        Metric(
            "time",
            "Time at sea",
            duration_words(r.duration_h),
            f"at {r.speed_kn:g} kn, no port time",
            r.duration_h / 24,
            "days",
        ),
        Metric(
            "great_circle",
            "Against the great circle",
            f"{r.great_circle_ratio:.2f}×",
            f"{nm_words(r.great_circle_nm)} direct",
            r.great_circle_ratio,
            "ratio",
        ),
    ]
    out.append(co2_metric(view))
    fig = view.lane.headline
    if fig is None:
        out.append(
            Metric("trade", "Lane trade value", "—", "no sourced figure for this lane", None, "")
        )
    else:
        amount = fig.amount()
        per_year = amount.endswith(" a year")
        value = amount.removesuffix(" a year")
        note = f"{'a year · ' if per_year else ''}{fig.year}"
        out.append(
            Metric(
                "trade",
                "Lane trade value",
                value,
                note,
                float(fig.value),
                fig.unit,
                fig.source,
                fig.source_url,
            )
        )
    return tuple(out)


def lane_weight_px(view: LaneView) -> float:
    """Line width by the lane's trade value: 3 px with no sourced figure, up to 9 px."""
    fig = view.lane.headline
    if fig is None or fig.unit.upper().startswith("%"):
        return 3.0
    billions = fig.value / 1e9
    return round(min(9.0, 3.0 + 1.2 * math.log10(max(billions, 1.0)) * 1.7), 1)


def lane_label(view: LaneView) -> str:
    if view.lane.headline is not None:
        return f"{view.lane.headline.label()} · lane trade"
    return nm_words(view.main.distance_nm)


def default_title(view: LaneView) -> str:
    """``"Shanghai → San Pedro Bay"``."""
    return f"{view.origin.name} → {view.destination.name}"


def subtitle(view: LaneView, title: str) -> str:
    """The subtitle adds what the title does not say: the route (when the title does not name
    both ends), the member ports of an alias, the speed and the data date."""
    parts: list[str] = []
    route_words = default_title(view)
    if view.origin.name not in title or view.destination.name not in title:
        parts.append(route_words)
    dests = list(dict.fromkeys(r.destination.name for r in view.routes))
    origins = list(dict.fromkeys(r.origin.name for r in view.routes))
    if view.destination.members:
        parts.append(f"to {' and '.join(dests)}")
    if view.origin.members:
        parts.append(f"from {' and '.join(origins)}")
    parts.append(f"sea route at {view.speed_kn:g} kn")
    parts.append(f"data as of {format_date(view.as_of)}")
    text = " · ".join(parts)
    return text[:1].upper() + text[1:]


def ship_words(view: LaneView) -> str:
    """``"8,000 TEU ship at 70 % load, VLSFO (0.50 % S); MGO in ECAs"``."""
    table = fuels()
    fuel = table[view.fuel]
    eca = table[fuel.eca_fuel]
    switch = f"; {eca.label} in ECAs" if eca.fuel != fuel.fuel else ""
    return (
        f"{view.ship_teu:,} TEU ship at {view.load_factor * 100:.0f} % load, {fuel.label}{switch}"
    )


def co2_metric(view: LaneView) -> Metric:
    """CO2 per voyage, tank-to-wake, with intensity and (where sourced) well-to-wake."""
    em = view.emissions()
    fuel = fuels()[view.fuel]
    if em.co2e_wtw_t is None:
        wtw = "tank-to-wake only"
    else:
        wtw = f"{em.co2e_wtw_t:,.0f} t CO₂e well-to-wake"
    return Metric(
        "co2",
        "CO₂ per voyage",
        f"{em.co2_ttw_t:,.0f} t",
        f"{em.g_co2_per_teu_km:,.1f} g/TEU-km · {wtw}",
        em.co2_ttw_t,
        "t CO2 (tank-to-wake)",
        fuel.source,
        fuel.source_url,
    )


def assumptions(view: LaneView) -> str:
    return (
        f"Speed {view.speed_kn:g} kn, no port time; {ship_words(view)}; CO₂ from the "
        f"project's voyage model (cube law from a sourced reference point); distances "
        f"geodesic (WGS 84) along the searoute network; zones approximate; data as of "
        f"{format_date(view.as_of)}. {NOT_FOR_NAVIGATION}"
    )


def passage_labels(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(routing.PASSAGE_LABELS.get(n, n) for n in names)


def sources(view: LaneView) -> tuple[Source, ...]:
    """Every source behind what the view shows: lane figures, port figures and coordinates,
    the rules of each zone the routes enter, the network and the land layer."""
    seen: dict[str, str] = {}
    for fig in view.lane.figures:
        seen.setdefault(fig.source, fig.source_url)
    ports = view.ports_gdf()
    for col, url_col in (("teu_source", "teu_source_url"), ("trade_source", "trade_source_url")):
        for src, url in zip(ports[col], ports[url_col]):
            if src:
                seen.setdefault(str(src), str(url))
    for src in ports["coord_source"]:
        if src:
            seen.setdefault(str(src), "")
    segs = view.segments_gdf()
    if "source" in segs.columns:
        for value in segs["source"]:
            for part in str(value or "").split(";"):
                if part.strip():
                    seen.setdefault(part.strip(), "")
    for title, url in view.emissions().sources:
        seen.setdefault(title, url)
    for ref in references():
        seen.setdefault(ref.source, ref.source_url)
    seen.setdefault(*SEAROUTE_SOURCE)
    seen.setdefault(LAND_SOURCE, NATURAL_EARTH_URL)
    return tuple(Source(t, u) for t, u in seen.items())
