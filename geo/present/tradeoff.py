"""The speed trade-off of a lane view as chart data, assembled once for every output.

:func:`speed_tradeoff` runs the voyage model (:func:`geo.voyage.emissions.voyage_emissions`)
over the view's headline route at 10, 11 … 24 kn (and at the view's own speed, when it is not
one of them) with the view's ship, load factor and fuel: days at sea, fuel (t), CO₂
tank-to-wake (t) and CO₂e well-to-wake (t, or None where the fuel has no sourced factor). The
row at the view's speed is marked ``current`` and equals the page's CO₂ figure. Texts (title,
subtitle, the scope note "tank-to-wake only" when there is no well-to-wake figure), units and
sources (from the voyage factors in ``data/``) come with it, so the page's chart, its table and
the static slide say the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

from geo.i18n import N_, translator
from geo.present.items import Source
from geo.present.layers import route_id
from geo.present.localnames import port_name, source_title
from geo.present.text import keep_units, md, safe_url
from geo.present.view import LaneView
from geo.present.wording import NOT_FOR_NAVIGATION, nm_words, ship_words
from geo.routing.engine import validate_speed
from geo.voyage.emissions import voyage_emissions
from geo.voyage.factors import fuels

#: The speeds of the chart, knots.
SPEEDS_KN: Final[tuple[int, ...]] = tuple(range(10, 25))
#: Unit of each column.
UNITS: Final[dict[str, str]] = {
    "speed_kn": "kn",
    "days": "days",
    "fuel_t": "t",
    "co2_ttw_t": "t CO₂",
    "co2e_wtw_t": "t CO₂e",
}
TTW_ONLY: Final[str] = N_("tank-to-wake only")


@dataclass(frozen=True)
class TradeoffRow:
    """One speed: ``speed_kn``, ``days`` at sea, ``fuel_t``, ``co2_ttw_t`` (t CO₂ tank-to-wake),
    ``co2e_wtw_t`` (t CO₂e well-to-wake, or None), ``current`` (the view's own speed)."""

    speed_kn: float
    days: float
    fuel_t: float
    co2_ttw_t: float
    co2e_wtw_t: float | None
    current: bool


@dataclass(frozen=True)
class SpeedTradeoff:
    """The chart data and its words. ``rows`` by speed, ascending; exactly one is
    ``current``. ``scope_note`` says what the CO₂ covers ("… tank-to-wake only …" when
    ``wtw_available`` is False)."""

    title: str
    subtitle: str
    rows: tuple[TradeoffRow, ...]
    current_speed_kn: float
    ship_teu: int
    load_factor: float
    fuel: str
    fuel_label: str
    wtw_available: bool
    scope_note: str
    assumptions: str
    notice: str
    sources: tuple[Source, ...]
    units: dict[str, str]
    lang: str = "en"
    #: The slide's subtitle (Chinese adds the distance at sea; English is ``subtitle``).
    slide_subtitle: str = ""

    @property
    def footer_note(self) -> str:
        """The slide's footer line: the assumptions and the notice."""
        space = "" if self.lang == "zh" else " "
        return f"{self.assumptions}{space}{self.notice}"

    def current(self) -> TradeoffRow:
        """The row at the view's speed."""
        return next(r for r in self.rows if r.current)

    def records(self) -> list[dict[str, Any]]:
        """Rows as plain dicts (the columns of :data:`UNITS` plus ``current``) for a chart."""
        return [
            {
                "speed_kn": r.speed_kn,
                "days": r.days,
                "fuel_t": r.fuel_t,
                "co2_ttw_t": r.co2_ttw_t,
                "co2e_wtw_t": r.co2e_wtw_t,
                "current": r.current,
            }
            for r in self.rows
        ]

    def table_rows(self) -> list[dict[str, str]]:
        """Rows formatted for a short table: ``Speed``, ``Days at sea``, ``Fuel``,
        ``CO₂ tank-to-wake``, ``CO₂e well-to-wake`` (``"—"`` when not sourced), headers and
        numbers in the trade-off's language."""
        tr = translator(self.lang)

        def tonnes(value: float) -> str:
            return tr("{value} t", value=tr.number(value))

        return [
            {
                tr("Speed"): tr("{value} kn", value=f"{r.speed_kn:g}")
                + (tr(" (chosen)") if r.current else ""),
                tr("Days at sea"): tr.number(r.days, 1),
                tr("Fuel burn"): tonnes(r.fuel_t),
                tr("CO₂ tank-to-wake"): tonnes(r.co2_ttw_t),
                tr("CO₂e well-to-wake"): "—" if r.co2e_wtw_t is None else tonnes(r.co2e_wtw_t),
            }
            for r in self.rows
        ]

    def footer_sources(self) -> str:
        """``"Sources: Notteboom, T. and Carriou, P. (2009); IMO MEPC.364(79) …."``."""
        names = list(dict.fromkeys(s.short for s in self.sources if s.short))
        tr = translator(self.lang)
        return tr("Sources: {sources}.", sources=tr.join_clauses(names))


def speed_tradeoff(
    view: LaneView, speeds: Iterable[float] = SPEEDS_KN, lang: str = "en"
) -> SpeedTradeoff:
    """The speed trade-off of ``view``'s headline route at ``speeds`` (knots; the view's speed
    is added when missing), its words in ``lang``. Raises
    :class:`~geo.errors.InvalidSpeedError` naming a speed that is not in (0, 40] kn, and the
    voyage model's errors."""
    tr = translator(lang)
    wanted = {validate_speed(s) for s in speeds} | {float(view.speed_kn)}
    segs = view.segments_gdf()
    mine = segs[segs["route_id"] == route_id(view.main)]
    rows = []
    wtw_all = True
    sources: dict[str, str] = {}
    for speed in sorted(wanted):
        em = voyage_emissions(
            mine,
            ship_teu=view.ship_teu,
            load_factor=view.load_factor,
            fuel=view.fuel,
            speed_kn=speed,
        )
        for title, url in em.sources:
            sources.setdefault(source_title(title, lang), url)
        wtw_all = wtw_all and em.co2e_wtw_t is not None
        rows.append(
            TradeoffRow(
                speed_kn=float(speed),
                days=round(em.days, 2),
                fuel_t=round(em.fuel_t, 1),
                co2_ttw_t=round(em.co2_ttw_t, 1),
                co2e_wtw_t=None if em.co2e_wtw_t is None else round(em.co2e_wtw_t, 1),
                current=speed == float(view.speed_kn),
            )
        )
    fuel = fuels()[view.fuel]
    if wtw_all:
        scope = tr("CO₂ tank-to-wake (IMO MEPC.364(79)) and CO₂e well-to-wake per voyage.")
    else:
        scope = tr(
            "CO₂ per voyage, {scope}: {fuel} has no sourced well-to-wake factor "
            "(or burns one in ECAs that has none).",
            scope=tr(TTW_ONLY),
            fuel=fuel.label,
        )
    route = view.main
    subtitle = tr(
        "Days at sea and CO₂ per voyage from {low} to {high} kn · {ship} · chosen speed {speed} kn",
        low=f"{min(wanted):g}",
        high=f"{max(wanted):g}",
        ship=ship_words(view, tr),
        speed=f"{view.speed_kn:g}",
    )
    if (route.origin.id, route.destination.id) != (view.origin.id, view.destination.id):
        # San Pedro Bay: the lane asked for, its headline route named (as on the lane page)
        subtitle += tr(
            " · figures for {origin} → {destination}",
            origin=port_name(route.origin, tr.lang),
            destination=port_name(route.destination, tr.lang),
        )
    slide_subtitle = subtitle
    if tr.chinese:
        slide_subtitle += tr(" · {distance} at sea", distance=nm_words(route.distance_nm, tr))
    return SpeedTradeoff(
        title=tr(
            "Speed trade-off: {origin} → {destination}",
            origin=port_name(view.origin, tr.lang),
            destination=port_name(view.destination, tr.lang),
        ),
        subtitle=subtitle,
        rows=tuple(rows),
        current_speed_kn=float(view.speed_kn),
        ship_teu=view.ship_teu,
        load_factor=view.load_factor,
        fuel=view.fuel,
        fuel_label=fuel.label,
        wtw_available=wtw_all,
        scope_note=scope,
        assumptions=tr(
            "{scope} Fuel per day by the cube law through a sourced reference point "
            "(8,000 TEU: ≈ 225 t/day at 24 kn, ≈ 150 t/day at 21 kn), an extrapolation far "
            "below those speeds; other ship sizes scaled by a labelled assumption. "
            "{distance} nm at sea, no port time; data as of {date}.",
            scope=scope,
            distance=tr.number(route.distance_nm),
            date=tr.date(view.as_of),
        ),
        notice=tr(NOT_FOR_NAVIGATION),
        sources=tuple(Source(t, u) for t, u in sources.items()),
        units=dict(UNITS),
        lang=tr.lang,
        slide_subtitle=slide_subtitle,
    )


def markdown_caption(t: SpeedTradeoff) -> str:
    """The chart's caption for Streamlit markdown: assumptions, the linked short sources and
    the notice, every text through :func:`geo.present.text.md` (numbers kept with their
    units by :func:`geo.present.text.keep_units`)."""
    links: dict[str, str] = {}
    for source in t.sources:  # one entry per short name, with the first URL given
        if source.short:
            links[source.short] = links.get(source.short) or source.url
    tr = translator(t.lang)
    cited = tr.join_clauses(
        f"[{md(short)}]({url})" if safe_url(url) else md(short) for short, url in links.items()
    )
    return tr(
        "{assumptions} Sources: {sources}. {notice}",
        assumptions=md(keep_units(t.assumptions)),  # "约 150 吨/天" on one line
        sources=cited,
        notice=md(keep_units(t.notice)),
    )
