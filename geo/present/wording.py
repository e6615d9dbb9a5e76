"""The lane's figures and texts in plain words: metrics, titles, assumptions, sources.

Numbers have thousands separators, units and no spurious decimals ("5,739 nm", "13.3 days",
"4.3 nm"). Every function takes a :class:`~geo.present.view.LaneView` and a
:class:`~geo.i18n.Translator` (English by default; ``tr("...")`` marks a message for
``pybabel extract -k tr``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Final

from geo.catalogue.land import LAND_SOURCE
from geo.facts.figures import Figure
from geo.i18n import ENGLISH, N_, Translator
from geo.present.items import Metric, Source
from geo.present.localnames import place_name, port_name, source_title
from geo.present.text import short_source
from geo.present.view import LaneView
from geo.routing import engine as routing
from geo.voyage.factors import fuels, model_speed_range, references, sourced_speeds

NOT_FOR_NAVIGATION: Final[str] = N_("Not for navigation.")
SEAROUTE_SOURCE: Final[tuple[str, str]] = (
    "searoute (maritime network and port list, Apache-2.0)",
    "https://github.com/genthalili/searoute-py",
)
NATURAL_EARTH_URL: Final[str] = "https://www.naturalearthdata.com/"


def nm_words(distance_nm: float, tr: Translator = ENGLISH) -> str:
    """``"5,739 nm"``; below 10 nm one decimal (``"4.3 nm"``); Chinese ``"5,739 海里"``."""
    value = tr.number(distance_nm, 0 if distance_nm >= 10 else 1)
    return tr("{value} nm", value=value)


def duration_words(hours: float, tr: Translator = ENGLISH) -> str:
    """``"13.3 days"``; under two days in hours (``"5.2 h"``, ``"31 h"``)."""
    if hours >= 48:
        return tr("{value} days", value=tr.number(hours / 24, 1))
    return tr("{value} h", value=tr.number(hours, 0 if hours >= 10 else 1))


def year_words(year: str, tr: Translator = ENGLISH) -> str:
    """A figure's year: ``"2026"`` / ``"2026年"``."""
    return f"{year}年" if tr.chinese and year[-1:].isdigit() else year


def _figure_amount(fig: Figure, tr: Translator) -> tuple[str, bool]:
    """A sourced figure's amount without its year, and whether it is a yearly amount:
    ``("> US$300 B", True)`` / ``("逾3000亿美元", True)``."""
    per_year = fig.unit == "USD/year" or fig.amount().endswith(" a year")
    if not tr.chinese:
        return fig.amount().removesuffix(" a year"), per_year
    qualifier = {"": "", "≈": "约", ">": "逾"}.get(fig.qualifier, fig.qualifier)
    if fig.unit in ("USD", "USD/year"):
        amount = f"{tr.count(fig.value)}美元"
    elif fig.unit == "TEU":
        amount = f"{tr.count(fig.value)}标准箱"
    elif fig.unit == "%":
        amount = f"{tr.count(fig.value)}%"
    else:
        amount = f"{tr.count(fig.value)} {fig.unit}".rstrip()
    return qualifier + amount, per_year


def teu_words(teu: float, tr: Translator = ENGLISH) -> str:
    """A legend's reference volume: ``"10 M TEU"`` / ``"1000万标准箱"``."""
    if not tr.chinese:
        return f"{teu / 1e6:g} M TEU"
    return tr("{value} TEU", value=tr.count(teu))


#: port volumes of a million TEU or more read to the nearest 10,000 TEU in both languages
#: ("9.88 M TEU" / "988万标准箱"), never finer than their source ("≈10.2 M TEU" / "约1020万标准箱")
VOLUME_STEP_TEU: Final[int] = 10_000


def volume_amount(teu: float, tr: Translator = ENGLISH) -> str:
    """A port's yearly volume with one precision in both languages: to the nearest
    :data:`VOLUME_STEP_TEU` from a million TEU up (``"9.88 M TEU"`` / ``"988万标准箱"``, and
    ``"10.2 M TEU"`` / ``"1020万标准箱"``: no trailing zeros), in full below
    (``"853,000 TEU"`` / ``"85.3万标准箱"``)."""
    if abs(teu) >= 1_000_000:
        steps = round(teu / VOLUME_STEP_TEU)
        if tr.chinese:
            return tr("{value} TEU", value=f"{steps}万")
        millions = f"{steps / 100:,.2f}".rstrip("0").rstrip(".")
        return f"{millions} M TEU"
    if tr.chinese:
        return tr("{value} TEU", value=tr.count(teu))
    return f"{teu:,.0f} TEU"


def port_volume_words(teu: float, year: str, label: str, tr: Translator = ENGLISH) -> str:
    """A port's container volume beside its name, its qualifier kept from the sourced
    ``label``, its amount by :func:`volume_amount`: ``"≈10.2 M TEU (2025)"`` and
    ``"9.88 M TEU (2025)"``; ``"约1020万标准箱（2025年）"`` and ``"988万标准箱（2025年）"`` in
    Chinese. No ``label`` (no sourced figure): ``""``."""
    if not label:
        return label
    qualifier = re.match(r"[^\d]*", label.strip())
    prefix = qualifier.group() if qualifier else ""
    if not tr.chinese:
        return f"{prefix}{volume_amount(teu, tr)} ({year})"
    about = "约" if prefix.strip().startswith("≈") else ""
    return about + volume_amount(teu, tr) + f"（{year_words(str(year), tr)}）"


def figure_words(fig: Figure, tr: Translator = ENGLISH) -> str:
    """A sourced figure with its year: ``fig.label()`` in English (``"US$333 B (2024)"``),
    ``"3330亿美元（2024年）"`` in Chinese."""
    if not tr.chinese:
        return fig.label()
    value, per_year = _figure_amount(fig, tr)
    amount = tr("{amount} a year", amount=value) if per_year else value
    return f"{amount}（{year_words(fig.year, tr)}）"


def metrics(view: LaneView, tr: Translator = ENGLISH) -> tuple[Metric, ...]:
    r = view.main
    km = tr("{value} km", value=tr.number(r.distance_km, 0 if r.distance_km >= 10 else 1))
    dest = port_name(r.destination, tr.lang)
    to = tr(" · to {name}", name=dest) if len(view.routes) > 1 else ""
    out = [
        Metric(
            "distance",
            tr("Sea distance"),
            nm_words(r.distance_nm, tr),
            km + to,
            r.distance_nm,
            "nm",
        ),
        Metric(
            "time",
            tr("Time at sea"),
            duration_words(r.duration_h, tr),
            tr("at {speed} kn, no port time", speed=f"{r.speed_kn:g}"),
            r.duration_h / 24,
            "days",
        ),
        Metric(
            "great_circle",
            tr("Against the great circle"),
            tr("{ratio}×", ratio=f"{r.great_circle_ratio:.2f}"),
            tr("{distance} direct", distance=nm_words(r.great_circle_nm, tr)),
            r.great_circle_ratio,
            "ratio",
        ),
    ]
    out.append(co2_metric(view, tr))
    fig = view.lane.headline
    if fig is None:
        out.append(
            Metric(
                "trade",
                tr("Lane trade value"),
                "—",
                tr("no sourced figure for this lane"),
                None,
                "",
            )
        )
    else:
        value, per_year = _figure_amount(fig, tr)
        year = year_words(fig.year, tr)
        note = tr("a year · {year}", year=year) if per_year else year
        out.append(
            Metric(
                "trade",
                tr("Lane trade value"),
                value,
                note,
                float(fig.value),
                fig.unit,
                source_title(fig.source, tr.lang),
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


def lane_label(view: LaneView, tr: Translator = ENGLISH) -> str:
    fig = view.lane.headline
    if fig is None:
        return nm_words(view.main.distance_nm, tr)
    if not tr.chinese:
        return f"{fig.label()} · lane trade"
    value, per_year = _figure_amount(fig, tr)
    amount = tr("{amount} a year", amount=value) if per_year else value
    return tr("{amount} ({year}) · lane trade", amount=amount, year=year_words(fig.year, tr))


def default_title(view: LaneView, tr: Translator = ENGLISH) -> str:
    """``"Shanghai → San Pedro Bay"`` / ``"上海 → 洛杉矶／长滩"``."""
    return f"{port_name(view.origin, tr.lang)} → {port_name(view.destination, tr.lang)}"


def subtitle(view: LaneView, title: str, tr: Translator = ENGLISH) -> str:
    """The subtitle adds what the title does not say: the route (when the title does not name
    both ends), the member ports of an alias, the speed and the data date."""
    parts: list[str] = []
    route_words = default_title(view, tr)
    origin, destination = port_name(view.origin, tr.lang), port_name(view.destination, tr.lang)
    if origin not in title or destination not in title:
        parts.append(route_words)
    dests = list(dict.fromkeys(port_name(r.destination, tr.lang) for r in view.routes))
    origins = list(dict.fromkeys(port_name(r.origin, tr.lang) for r in view.routes))
    and_ = tr(" and ")
    if view.destination.members:
        parts.append(tr("to {ports}", ports=and_.join(dests)))
    if view.origin.members:
        parts.append(tr("from {ports}", ports=and_.join(origins)))
    parts.append(tr("sea route at {speed} kn", speed=f"{view.speed_kn:g}"))
    parts.append(tr("data as of {date}", date=tr.date(view.as_of)))
    text = " · ".join(parts)
    return text[:1].upper() + text[1:]


def ship_words(view: LaneView, tr: Translator = ENGLISH) -> str:
    """``"8,000 TEU ship at 70 % load, VLSFO (0.50 % S); MGO in ECAs"``."""
    table = fuels()
    fuel = table[view.fuel]
    eca = table[fuel.eca_fuel]
    switch = tr("; {fuel} in ECAs", fuel=tr(eca.label)) if eca.fuel != fuel.fuel else ""
    return tr(
        "{teu} TEU ship at {load} % load, {fuel}{switch}",
        teu=tr.number(view.ship_teu),
        load=f"{view.load_factor * 100:.0f}",
        fuel=tr(fuel.label),
        switch=switch,
    )


def co2_metric(view: LaneView, tr: Translator = ENGLISH) -> Metric:
    """CO2 per voyage, tank-to-wake, with intensity and (where sourced) well-to-wake."""
    em = view.emissions()
    fuel = fuels()[view.fuel]
    if em.co2e_wtw_t is None:
        wtw = tr("tank-to-wake only")
    else:
        wtw = tr("{value} t CO₂e well-to-wake", value=tr.number(em.co2e_wtw_t))
    return Metric(
        "co2",
        tr("CO₂ per voyage"),
        tr("{value} t", value=tr.number(em.co2_ttw_t)),
        tr(
            "{intensity} g/TEU-km · {wtw}",
            intensity=tr.number(em.g_co2_per_teu_km, 1),
            wtw=wtw,
        ),
        em.co2_ttw_t,
        "t CO2 (tank-to-wake)",
        source_title(fuel.source, tr.lang),
        fuel.source_url,
    )


def assumptions(view: LaneView, tr: Translator = ENGLISH) -> str:
    return tr(
        "Speed {speed} kn, no port time; {ship}; CO₂ from the project's voyage model (cube "
        "law from a sourced reference point); distances geodesic (WGS 84) along the searoute "
        "network; zones approximate; data as of {date}. {notice}",
        speed=f"{view.speed_kn:g}",
        ship=ship_words(view, tr),
        date=tr.date(view.as_of),
        notice=tr(NOT_FOR_NAVIGATION),
    )


def speed_warning(view: LaneView, tr: Translator = ENGLISH) -> str:
    """A warning when the view's speed is outside the fuel model's range (empty inside it):
    the fuel burn is sourced at two speeds and extended by the cube law over a labelled range
    (:func:`geo.voyage.factors.model_speed_range`); beyond it fuel and CO₂ are not sourced."""
    low, high = model_speed_range()
    if low <= view.speed_kn <= high:
        return ""
    sourced = sourced_speeds()
    return tr(
        "At {speed} kn, fuel and CO₂ are outside the voyage model's range: the fuel burn is "
        "sourced at {first} and {last} kn (Notteboom & Carriou 2009) and extended by the cube "
        "law from {low} to {high} kn only (project assumption); beyond that they are not "
        "sourced.",
        speed=f"{view.speed_kn:g}",
        first=f"{sourced[0]:g}",
        last=f"{sourced[-1]:g}",
        low=f"{low:g}",
        high=f"{high:g}",
    )


def passage_labels(names: Iterable[str], tr: Translator = ENGLISH) -> tuple[str, ...]:
    return tuple(place_name("passage", n, tr.lang, routing.PASSAGE_LABELS.get(n, n)) for n in names)


def sources(view: LaneView, tr: Translator = ENGLISH) -> tuple[Source, ...]:
    """Every source behind what the view shows: lane figures, port figures and coordinates,
    the rules of each zone the routes enter, the network and the land layer. Titles as
    published; the project's own labels (``project assumption``) in ``tr``'s language."""
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
    return tuple(
        Source(source_title(t, tr.lang), u, source_title(short_source(t), tr.lang))
        for t, u in seen.items()
    )
