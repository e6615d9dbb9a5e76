"""The HTML inside the map: legend, custom label, lane label, tooltips and port popups.

Each is a ``templates/*.html`` file, autoescaped, with every value also passed through
:func:`geo.present.text.esc` (folium puts popups and tooltips inside JavaScript template
literals, where backtick, ``$`` and backslash matter too). Links are kept only when they are
http(s).
"""

from __future__ import annotations

from typing import Any

from geo.facts import trade
from geo.present.model import LanePresentation
from geo.present.text import safe_url
from geo.render.templating import render

_PACKAGE = "geo.render.folium"
LEGEND_FOOTNOTE = "Zones approximate · not for navigation"


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
        footnote=LEGEND_FOOTNOTE,
    )


def figures_html(pres: LanePresentation) -> str:
    """The standalone map's figures box: every metric, the passages, the assumptions and the
    sources of :class:`LanePresentation`, as on the slides."""
    return _html(
        "figures.html",
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


def route_tooltip(row: Any) -> str:
    """``Origin → Destination`` and the route's length (a row of ``view.display_routes()``)."""
    return _html(
        "route_tooltip.html",
        origin=row["origin"],
        destination=row["destination"],
        distance=f"{row['distance_nm']:,.0f} nm · {row['distance_km']:,.0f} km",
    )


def _hours(hours: float) -> str:
    return f"{hours:,.0f} h ({hours / 24:,.1f} days)" if hours >= 24 else f"{hours:,.1f} h"


def segment_tooltip(row: Any, speed_kn: float) -> str:
    """Name, nm, hours at ``speed_kn`` knots, share and rules of a segment row."""
    figures = (
        f"{row['distance_nm']:,.0f} nm · {_hours(float(row['duration_h']))} at {speed_kn:g} kn"
        f" · {row['share'] * 100:.0f} % of the voyage"
    )
    return _html(
        "segment_tooltip.html",
        name=row["name"],
        figures=figures,
        rules=row["rules"],
        measures=str(row.get("corridor_measures", "") or ""),
    )


def zone_tooltip(row: Any) -> str:
    """Name, rules and source of a zone row."""
    return _html(
        "zone_tooltip.html",
        name=row["zone_name"],
        approximate=bool(row.get("approximate", False)),
        rules=row["rules"],
        source=row["source"],
        year=row["year"],
    )


def port_popup(row: Any) -> str:
    """A port row's popup: code, country, container volumes by year and trade, each with its
    source. A terminal (Yangshan inside CNSHA) points to its port instead of repeating its
    figures. (Port-level figures are not in the lane's presentation model yet; they come
    from :mod:`geo.facts.trade`, the same place the ports layer takes them from.)"""
    locode = str(row["locode"] or "")
    code = locode or str(row["id"])
    terminal = bool(locode) and row["id"] != locode
    counted = row["role"] != "coordinates" and not terminal
    volumes = [
        {"label": f.label(), "source": f.source, "url": _link(f.source_url)}
        for f in (trade.port_volumes(code) if counted else [])
    ]
    trades = [
        {
            "metric": f.metric.capitalize(),
            "label": f.label(),
            "source": f.source,
            "url": _link(f.source_url),
        }
        for f in ([] if terminal else trade.port_trade(code)[:2])
    ]
    return _html(
        "port_popup.html",
        name=row["name"],
        locode=locode,
        country=row["country"],
        terminal=terminal,
        volumes=volumes,
        trade=trades,
        position=row["coord_source"],
    )
