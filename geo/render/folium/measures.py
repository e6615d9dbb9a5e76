"""What is in place at the lane's ports (shore power, green-methanol bunkering, the At-Berth
Regulation), drawn on the folium map as one small badge per port.

Reads :attr:`geo.present.model.LanePresentation.measures` (assembled in
:mod:`geo.present.progress` from ``data/corridor_measures.csv``): each badge sits beside its
port's marker on the same world copy as the ports layer, and in the browser
(:class:`BadgeFrame`, ``templates/frame_badges.js``) it follows the marker where the map
spreads stacked ports, on the first side where it covers no port marker, name or other
badge (its port's preferred side, :data:`BADGE_SIDE`, first); its tooltip gives each measure with
its date, its popup the description and the linked source. Every string goes through
:func:`geo.present.text.esc` (the popup through the autoescaped template, whose values are
escaped with the same helper). Shown with the ``ports`` layer. Coordinates are ``(lon, lat)``
until :func:`geo.render.folium.coords.latlon` turns them into folium's ``[lat, lon]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import folium
from branca.element import MacroElement

from geo.i18n import ENGLISH, N_, Translator
from geo.present.localnames import data_text, source_title, when_words
from geo.present.model import LanePresentation
from geo.present.progress import MeasureItem
from geo.present.text import esc, safe_url
from geo.render.folium.coords import latlon
from geo.render.folium.elements import PortMark
from geo.render.templating import render, template

LAYER_NAME: Final[str] = N_("In place at the ports")
BADGE_PX: Final[int] = 16
BADGE_PANE: Final[str] = "corridor-measures"
#: The side of its marker a port's badge tries first (its name is on another side); the
#: browser takes the next side where that one would cover a marker, a name or a badge.
BADGE_SIDE: Final[dict[str, str]] = {
    "USLAX": "bottom",  # the label is on the left
    "USLGB": "top",  # the label is on the right
    "CNSHA": "left",  # the label is on top
}
_DEFAULT_SIDE: Final[str] = "top"
#: px between a badge and its marker's edge
BADGE_GAP_PX: Final[int] = 3
_PACKAGE: Final[str] = "geo.render.folium"


def badge_anchor(side: str, radius_px: float) -> tuple[int, int]:
    """The Leaflet icon anchor (px from the badge's top left) that puts a badge on ``side``
    of a marker of ``radius_px``, :data:`BADGE_GAP_PX` clear of its edge."""
    half = BADGE_PX / 2
    reach = round(radius_px + BADGE_GAP_PX + half)
    dx, dy = {"right": (1, 0), "left": (-1, 0), "top": (0, -1), "bottom": (0, 1)}[side]
    return round(half - dx * reach), round(half - dy * reach)


class BadgeFrame(MacroElement):
    """In the browser: each badge beside its port's marker where the map has put it (after
    every fit and zoom), on the first side where it covers no marker, name or other badge.
    ``badges`` pairs each badge (a ``folium.Marker``) with its port's :class:`PortMark` and
    preferred side; ``lane_classes`` are the classes of the lane's drawn lines (none when
    the lane is not shown), which a badge avoids too."""

    _template = template(_PACKAGE, "frame_badges.js")

    def __init__(
        self, badges: list[tuple[folium.Marker, PortMark, str]], *, lane_classes: list[str]
    ) -> None:
        super().__init__()
        self._name = "BadgeFrame"
        self.badges = badges
        self.lane = ", ".join(f"path.{name}" for name in lane_classes)
        self.size = BADGE_PX
        self.gap = BADGE_GAP_PX


def _position(pres: LanePresentation, port: str, lon: float, lat: float) -> tuple[float, float]:
    """``(lon, lat)`` of a port in the map's display window: where the ports layer drew it,
    else ``lon`` moved into ``window_west_deg … +360``."""
    ports = pres.view.display_ports()
    hit = ports[ports["id"] == port]
    if len(hit):
        point = hit.geometry.iloc[0]
        return float(point.x), float(point.y)
    west = pres.view.window_west_deg
    return (lon - west) % 360.0 + west, lat


def _label(m: MeasureItem, tr: Translator) -> str:
    return data_text("measure", m.label, tr.lang)


def _when(m: MeasureItem, tr: Translator) -> str:
    """The measure's date in ``tr``'s language (``"1 Jan 2023"`` / ``"2023年1月1日"``)."""
    return when_words(m.when, tr.lang)


def tooltip_html(
    items: Sequence[MeasureItem], tr: Translator = ENGLISH, port_name: str | None = None
) -> str:
    """``"Los Angeles — in place:<br>At-berth regulation · 1 Jan 2023 (CARB)<br>…"``, escaped."""
    port = port_name or items[0].port_name
    lines = [esc(tr("{port} — in place:", port=port))]
    lines += [
        esc(f"{_label(m, tr)} · {_when(m, tr)}")
        + esc(tr(" ({source})", source=source_title(m.source_short, tr.lang)))
        for m in items
    ]
    return "<br>".join(lines)


def popup_html(
    items: Sequence[MeasureItem], tr: Translator = ENGLISH, port_name: str | None = None
) -> str:
    """Each measure of one port: label, date, description and linked source (template)."""
    return render(
        "geo.render.folium",
        "measures_popup.html",
        heading=tr("In place at {port}", port=port_name or items[0].port_name),
        items=[
            {
                "label": _label(m, tr),
                "when": _when(m, tr),
                "description": data_text("measure_text", m.description, tr.lang),
                "source": source_title(m.source, tr.lang),
                "url": m.source_url.strip() if safe_url(m.source_url) else "",
                "year": m.year,
                "source_word": tr("Source ({year}):", year=m.year),
            }
            for m in items
        ],
    )


def add_measures(m: folium.Map, pres: LanePresentation, ports: Sequence[PortMark] = ()) -> None:
    """One badge per port with measures in ``pres.measures`` (nothing when there are none or
    the ``ports`` layer is off), kept clear of the markers of ``ports`` (:class:`BadgeFrame`)."""
    if not pres.measures or not pres.shows("ports"):
        return
    by_port: dict[str, list[MeasureItem]] = {}
    for item in pres.measures:
        by_port.setdefault(item.port, []).append(item)
    # above the vector layer (z 400: land, zones, lane, port circles), so that land never
    # hides a badge; the badge sits clear of every port marker (BadgeFrame), so it never
    # takes a click meant for a port; below markers (600) and tooltips (650)
    folium.map.CustomPane(BADGE_PANE, z_index=450, pointer_events=True).add_to(m)
    group = folium.FeatureGroup(name=pres.tr(LAYER_NAME), show=True)
    colour = esc(pres.palette.lane)
    marks = {mark.port: mark for mark in ports if mark.marker is not None}
    framed = []
    for port, items in by_port.items():
        lon, lat = _position(pres, port, items[0].lon, items[0].lat)
        name = pres.port_name(port, items[0].port_name)
        badge = (
            f'<div class="corridor-measure" style="width:{BADGE_PX - 4}px;'
            f"height:{BADGE_PX - 4}px;border-radius:3px;background:{colour};color:#ffffff;"
            "font:bold 10px/12px sans-serif;text-align:center;border:2px solid #ffffff;"
            'box-shadow:0 0 0 1px rgba(0,0,0,.3)">&#x2713;</div>'
        )
        side = BADGE_SIDE.get(port, _DEFAULT_SIDE)
        mark = marks.get(port)
        marker = folium.Marker(
            latlon(lon, lat),
            icon=folium.DivIcon(
                html=badge,
                icon_size=(BADGE_PX, BADGE_PX),
                icon_anchor=badge_anchor(side, mark.radius_px if mark else 4.0),
                class_name="corridor-measure-icon",
            ),
            tooltip=folium.Tooltip(tooltip_html(items, pres.tr, name)),
            popup=folium.Popup(popup_html(items, pres.tr, name), max_width=300),
            pane=BADGE_PANE,
        )
        marker.add_to(group)
        if mark is not None:
            framed.append((marker, mark, side))
    group.add_to(m)
    if framed:
        lane = [("route", "lane-route"), ("segments", "lane-segment")]
        BadgeFrame(framed, lane_classes=[css for layer, css in lane if pres.shows(layer)]).add_to(m)
