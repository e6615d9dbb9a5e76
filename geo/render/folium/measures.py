"""What is in place at the lane's ports (shore power, green-methanol bunkering, the At-Berth
Regulation), drawn on the folium map as one small badge per port.

Reads :attr:`geo.present.model.LanePresentation.measures` (assembled in
:mod:`geo.present.progress` from ``data/corridor_measures.csv``): each badge sits beside its
port's marker on the same world copy as the ports layer, its tooltip gives each measure with
its date, its popup the description and the linked source. Every string goes through
:func:`geo.present.text.esc` (the popup through the autoescaped template, whose values are
escaped with the same helper). Shown with the ``ports`` layer. Coordinates are ``(lon, lat)``
until :func:`geo.render.folium.coords.latlon` turns them into folium's ``[lat, lon]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import folium

from geo.i18n import ENGLISH, N_, Translator
from geo.present.localnames import data_text, when_words
from geo.present.model import LanePresentation
from geo.present.progress import MeasureItem
from geo.present.text import esc, safe_url
from geo.render.folium.coords import latlon
from geo.render.templating import render

LAYER_NAME: Final[str] = N_("In place at the ports")
BADGE_PX: Final[int] = 16
BADGE_PANE: Final[str] = "corridor-measures"
#: Where a port's badge sits against its marker (Leaflet icon anchor, px), clear of its label.
BADGE_ANCHOR: Final[dict[str, tuple[int, int]]] = {
    "USLAX": (8, -7),  # below (the label is on the left)
    "USLGB": (8, 23),  # above (the label is on the right)
    "CNSHA": (26, 8),  # left (the label is on top)
}
_DEFAULT_ANCHOR: Final[tuple[int, int]] = (8, 23)


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
        esc(f"{_label(m, tr)} · {_when(m, tr)}") + esc(tr(" ({source})", source=m.source_short))
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
                "source": m.source,
                "url": m.source_url.strip() if safe_url(m.source_url) else "",
                "year": m.year,
                "source_word": tr("Source ({year}):", year=m.year),
            }
            for m in items
        ],
    )


def add_measures(m: folium.Map, pres: LanePresentation) -> None:
    """One badge per port with measures in ``pres.measures`` (nothing when there are none or
    the ``ports`` layer is off)."""
    if not pres.measures or not pres.shows("ports"):
        return
    by_port: dict[str, list[MeasureItem]] = {}
    for item in pres.measures:
        by_port.setdefault(item.port, []).append(item)
    # below the vector layer (z 400) where the port circles are drawn: a badge never takes a
    # click meant for a port, however close the markers are spread
    folium.map.CustomPane(BADGE_PANE, z_index=390, pointer_events=True).add_to(m)
    group = folium.FeatureGroup(name=pres.tr(LAYER_NAME), show=True)
    colour = esc(pres.palette.lane)
    for port, items in by_port.items():
        lon, lat = _position(pres, port, items[0].lon, items[0].lat)
        name = pres.port_name(port, items[0].port_name)
        badge = (
            f'<div class="corridor-measure" style="width:{BADGE_PX - 4}px;'
            f"height:{BADGE_PX - 4}px;border-radius:3px;background:{colour};color:#ffffff;"
            "font:bold 10px/12px sans-serif;text-align:center;border:2px solid #ffffff;"
            'box-shadow:0 0 0 1px rgba(0,0,0,.3)">&#x2713;</div>'
        )
        folium.Marker(
            latlon(lon, lat),
            icon=folium.DivIcon(
                html=badge,
                icon_size=(BADGE_PX, BADGE_PX),
                icon_anchor=BADGE_ANCHOR.get(port, _DEFAULT_ANCHOR),
                class_name="corridor-measure-icon",
            ),
            tooltip=folium.Tooltip(tooltip_html(items, pres.tr, name)),
            popup=folium.Popup(popup_html(items, pres.tr, name), max_width=300),
            pane=BADGE_PANE,
        ).add_to(group)
    group.add_to(m)
