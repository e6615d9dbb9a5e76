"""The HTML inside the map: legend, custom label, lane label, tooltips and port popups.

Each is a ``templates/*.html`` file, autoescaped, with every value also passed through
:func:`geo.present.text.esc` (folium puts popups and tooltips inside JavaScript template
literals, where backtick, ``$`` and backslash matter too). Links are kept only when they are
http(s).
"""

from __future__ import annotations

import re
from typing import Any

from geo.catalogue import ports as _ports
from geo.errors import GeoError
from geo.facts import trade
from geo.i18n import ENGLISH, N_, Translator
from geo.present import localnames, wording
from geo.present.localnames import data_text, place_name, segment_name
from geo.present.model import LanePresentation
from geo.present.text import safe_url
from geo.render.templating import render

_PACKAGE = "geo.render.folium"
LEGEND_FOOTNOTE = N_("Zones approximate · not for navigation")


def _html(template_name: str, **values: Any) -> str:
    return render(_PACKAGE, template_name, **values)


def _link(url: str) -> str:
    """``url`` when it is http(s), else empty (the template escapes it)."""
    return url.strip() if safe_url(url) else ""


def legend_html(pres: LanePresentation) -> str:
    """The map legend: a row per :attr:`LanePresentation.legend` item, under the title."""
    return _html(
        "legend.html",
        title=pres.title,
        items=pres.legend,
        lane_label=pres.lane_label,
        footnote=pres.tr(LEGEND_FOOTNOTE),
    )


def figures_html(pres: LanePresentation) -> str:
    """The standalone map's figures box: every metric, the passages, the assumptions and the
    sources of :class:`LanePresentation`, as on the slides."""
    return _html(
        "figures.html",
        heading=pres.tr("Key figures and sources"),
        subtitle=pres.subtitle,
        metrics=pres.metrics,
        passages=pres.passages_text(),
        assumptions=pres.assumptions,
        sources=pres.footer_sources(),
    )


def text_html(text: object) -> str:
    """Any text (a port name, the user's label) as HTML text."""
    return _html("text.html", text=text)


def custom_label_html(pres: LanePresentation) -> str:
    """The user's label (:attr:`LanePresentation.label`) as text."""
    return text_html(pres.label)


def lane_label_html(pres: LanePresentation, angle_deg: float) -> str:
    """The text along the lane (:attr:`LanePresentation.lane_label`), turned ``angle_deg``
    clockwise and lifted clear of the line."""
    lift = round(pres.lane_weight_px / 2 + 20)
    return _html(
        "lane_label.html", angle_deg=float(angle_deg), lift_px=int(lift), text=pres.lane_label
    )


def route_tooltip(
    row: Any, tr: Translator = ENGLISH, origin: str | None = None, destination: str | None = None
) -> str:
    """``Origin → Destination`` and the route's length (a row of ``view.display_routes()``);
    ``origin``/``destination``: the names in ``tr``'s language (default: the row's)."""
    return _html(
        "route_tooltip.html",
        origin=origin or row["origin"],
        destination=destination or row["destination"],
        distance=tr("{value} nm", value=tr.number(row["distance_nm"]))
        + " · "
        + tr("{value} km", value=tr.number(row["distance_km"])),
    )


def _hours(hours: float, tr: Translator = ENGLISH) -> str:
    if hours >= 24:
        return tr("{hours} h ({days} days)", hours=tr.number(hours), days=tr.number(hours / 24, 1))
    return tr("{value} h", value=tr.number(hours, 1))


def segment_tooltip(row: Any, speed_kn: float, tr: Translator = ENGLISH) -> str:
    """Name, nm, hours at ``speed_kn`` knots, share and rules of a segment row."""
    figures = tr(
        "{distance} · {hours} at {speed} kn · {share} % of the voyage",
        distance=tr("{value} nm", value=tr.number(row["distance_nm"])),
        hours=_hours(float(row["duration_h"]), tr),
        speed=f"{speed_kn:g}",
        share=f"{row['share'] * 100:.0f}",
    )
    measures = str(row.get("corridor_measures", "") or "")
    return _html(
        "segment_tooltip.html",
        name=segment_name(str(row["zone_id"]), str(row["kind"]), str(row["name"]), tr.lang),
        figures=figures,
        rules=data_text("rules", str(row["rules"]), tr.lang),
        measures=data_text("corridor", measures, tr.lang) if measures else "",
        corridor=tr("Corridor:"),
    )


def _source_line(source: str, year: object, tr: Translator) -> str:
    """``"Source: IMO 2020 (2020)"``; without the year where the source already ends with
    one (``"…和斯洛文尼亚政府（2025年）"``, not ``…（2025年）（2025年）``)."""
    title = localnames.source_title(source, tr.lang)
    if re.search(r"[(（][^()（）]*\d{4}年?[^()（）]*[)）]$", title):
        return tr("Source: {source}", source=title)
    return tr("Source: {source} ({year})", source=title, year=year)


def zone_tooltip(row: Any, tr: Translator = ENGLISH) -> str:
    """Name, rules and source of a zone row (the source's title as published, the project's
    own words around it in ``tr``'s language: :func:`~geo.present.localnames.source_title`)."""
    return _html(
        "zone_tooltip.html",
        name=place_name("zone", str(row["zone_id"]), tr.lang, str(row["zone_name"])),
        approximate=bool(row.get("approximate", False)),
        approximate_word=tr(" (approximate)"),
        rules=data_text("rules", str(row["rules"]), tr.lang),
        source_line=_source_line(str(row["source"]), row["year"], tr),
    )


def country_name(locode: str, english: str, tr: Translator = ENGLISH) -> str:
    """The country of a UN/LOCODE in ``tr``'s language (CLDR: ``US`` → ``美国``); English as
    the catalogue has it (:func:`geo.present.localnames.country_name`)."""
    return localnames.country_name(locode, english, tr.lang)


def _port_of(locode: str, tr: Translator) -> str:
    """The name of the port ``locode`` in ``tr``'s language (``上海``), the code if unknown."""
    try:
        english = _ports.get(locode).name
    except GeoError:
        english = locode
    return localnames.port_id_name(locode, english, tr.lang)


def port_popup(row: Any, tr: Translator = ENGLISH, name: str | None = None) -> str:
    """A port row's popup: code, country, container volumes by year and trade, each with its
    source. A terminal (Yangshan inside CNSHA) points to its port instead of repeating its
    figures. (Port-level figures are not in the lane's presentation model yet; they come
    from :mod:`geo.facts.trade`, the same place the ports layer takes them from.)"""
    locode = str(row["locode"] or "")
    code = locode or str(row["id"])
    terminal = bool(locode) and row["id"] != locode
    counted = row["role"] != "coordinates" and not terminal
    volumes = [
        {
            "label": wording.port_volume_words(f.value, f.year, f.label(), tr),
            "source": localnames.source_title(f.source, tr.lang),
            "url": _link(f.source_url),
        }
        for f in (trade.port_volumes(code) if counted else [])
    ]
    trades = [
        {
            "metric": data_text("trade_metric", f.metric, tr.lang).capitalize(),
            "label": wording.figure_words(f, tr),
            "source": localnames.source_title(f.source, tr.lang),
            "url": _link(f.source_url),
        }
        for f in ([] if terminal else trade.port_trade(code)[:2])
    ]
    return _html(
        "port_popup.html",
        name=name or row["name"],
        locode=locode,
        country=country_name(locode, str(row["country"]), tr),
        terminal=terminal,
        volumes=volumes,
        trade=trades,
        position=row["coord_source"],
        words={
            "part_of": tr(
                "Part of the port of {port}: its volumes are counted there.",
                port=_port_of(locode, tr),
            ),
            "volume": tr("Container volume"),
            "position": tr(
                "Position: {source}",
                source=localnames.source_title(str(row["coord_source"]), tr.lang),
            ),
            "sep": tr(": "),
        },
    )
