"""The "Compare lanes" map: every lane of a :class:`~geo.present.compare.Comparison` on one
folium map. No streamlit here.

Each lane is one continuous line in the comparison's display window (Pacific-centred when a
lane crosses 180°, like the lane page's map), in its :class:`~geo.present.compare.LaneStyle`
(colour-blind-safe colour, dash pattern), numbered as in the table, with a tooltip; the
shortest lane is drawn last, on top. Every lane end is a labelled port. A legend lists the
lanes. The basemap is the bundled Natural Earth land layer, so nothing comes from the internet
once :func:`geo.render.folium.assets.localise_for_streamlit` (or
:func:`geo.render.folium.standalone.render_standalone_html`) has placed the scripts.

``(lon, lat)`` becomes folium's ``[lat, lon]`` only through :mod:`geo.render.folium.coords`.
"""

from __future__ import annotations

import re
from typing import Final

import folium
from branca.element import MacroElement
from folium import plugins

from geo.errors import GeoError
from geo.i18n import N_
from geo.present.compare import CompareRow, Comparison, avoid_label
from geo.present.model import Palette
from geo.render.folium import assets, popups, webfont
from geo.render.folium.coords import latlon, latlon_bounds, latlon_path
from geo.render.folium.elements import (
    CjkFontFace,
    FitOnLoad,
    HtmlControl,
    KeepOnTop,
    MapControls,
    PageStyle,
)
from geo.render.folium.layers import LABEL_SIDE, land_layer
from geo.render.templating import render, template

_PACKAGE = "geo.render.folium"
_DASH: Final[re.Pattern[str]] = re.compile(r"(\d+(\.\d+)?( \d+(\.\d+)?)*)?")
LANE_WEIGHT_PX: Final[float] = 3.5
#: Where a port's name sits beside its marker on this map (default: the right).
COMPARE_LABEL_SIDE: Final[dict[str, str]] = {**LABEL_SIDE, "CNNGB": "left", "USOAK": "left"}
LEGEND_FOOTNOTE: Final[str] = N_("Figures in the table below · not for navigation")


class CompareStyle(MacroElement):
    """The compare legend's extra CSS (:file:`templates/compare_style.css`)."""

    _template = template(_PACKAGE, "compare_style.css")

    def __init__(self, rows_max_px: int) -> None:
        super().__init__()
        self._name = "CompareStyle"
        self.rows_max_px = int(rows_max_px)


def _checked_dash(dash: str) -> str:
    """A dash pattern, checked to be numbers separated by spaces ("" for a solid line)."""
    if not _DASH.fullmatch(dash):
        raise GeoError(f"dash pattern {dash!r} is not numbers separated by spaces")
    return dash


def legend_html(cmp: Comparison) -> str:
    """The legend: :meth:`~geo.present.compare.Comparison.legend`'s groups, each row a line
    drawn in its colour and pattern beside its label."""
    groups = [
        {
            "heading": g.heading,
            "rows": [
                {"label": label, "colour": st.colour, "dash": _checked_dash(st.dash)}
                for label, st in g.items
            ],
        }
        for g in cmp.legend()
    ]
    tr = cmp.tr
    return render(
        _PACKAGE,
        "compare_legend.html",
        title=tr("Lanes"),
        groups=groups,
        footnote=tr(LEGEND_FOOTNOTE),
    )


def lane_tooltip(cmp: Comparison, row: CompareRow) -> str:
    """``3 · Shanghai → Los Angeles: 5,739 nm, +1,038 nm vs shortest`` as HTML text."""
    tr = cmp.tr
    text = f"{row.number} · {cmp.label(row)}"
    if row.route is not None:
        text += tr(
            ": {distance}", distance=tr("{value} nm", value=tr.number(row.route.distance_nm))
        )
        if row.number == 1:
            text += tr(", the shortest")
        elif row.delta_nm is not None:
            text += tr(", {delta} nm vs shortest", delta=f"{row.delta_nm:+,.0f}")
    if cmp.mode == "pairs" and row.avoid:
        text += f" · {avoid_label(row.avoid, tr)}"
    return popups.text_html(text)


def map_bounds(cmp: Comparison) -> list[list[float]]:
    """Leaflet's ``[[south, west], [north, east]]`` around every lane and port."""
    points = [xy for row in cmp.rows for xy in cmp.display_coords(row)]
    points += [xy for _, xy in cmp.display_ports()]
    lons = [lon for lon, _ in points]
    lats = [lat for _, lat in points]
    return latlon_bounds(min(lons), min(lats), max(lons), max(lats))


def _beyond(cmp: Comparison) -> tuple[float, float] | None:
    """West and east longitude of the lanes when they run past the window's edges."""
    lons = [lon for row in cmp.rows for lon, _ in cmp.display_coords(row)]
    if not lons:
        return None
    lo, hi, west = min(lons), max(lons), cmp.window_west_deg
    return (round(lo, 1), round(hi, 1)) if lo < west or hi > west + 360.0 else None


def _add_land(m: folium.Map, cmp: Comparison, palette: Palette) -> None:
    land_layer(cmp.window_west_deg, _beyond(cmp), palette).add_to(m)


def _add_lanes(m: folium.Map, cmp: Comparison) -> None:
    group = folium.FeatureGroup(name=cmp.tr("Lanes"), show=True)
    for row in reversed(cmp.routed):  # the shortest last, on top
        folium.PolyLine(
            latlon_path(cmp.display_coords(row)),
            color=row.style.colour,
            weight=LANE_WEIGHT_PX,
            opacity=0.95,
            dash_array=_checked_dash(row.style.dash) or None,
            tooltip=folium.Tooltip(lane_tooltip(cmp, row), sticky=True),
            class_name="compare-lane",
        ).add_to(group)
    group.add_to(m)


def _label_side(port_id: str, lon: float, east_deg: float, span_deg: float) -> str:
    """Right of the marker, unless the table says otherwise or the port ends the map on the
    east (its name would run off the edge)."""
    if port_id in COMPARE_LABEL_SIDE:
        return COMPARE_LABEL_SIDE[port_id]
    return "left" if lon > east_deg - 0.02 * span_deg else "right"


def _add_ports(m: folium.Map, cmp: Comparison, palette: Palette) -> None:
    (_, west), (_, east) = map_bounds(cmp)
    markers = folium.FeatureGroup(name="Ports", show=True)
    labels = folium.FeatureGroup(name="Port labels", show=True)
    for port, (lon, lat) in cmp.display_ports():
        where = latlon(lon, lat)
        local = cmp.name(port)
        name = popups.text_html(f"{local} ({port.locode or port.id})")
        folium.CircleMarker(
            where,
            radius=4.5,
            color="#ffffff",
            weight=1.5,
            fill=True,
            fill_color=palette.port,
            fill_opacity=0.9,
            tooltip=folium.Tooltip(name),
            class_name="port-marker",
        ).add_to(markers)
        folium.CircleMarker(
            where,
            radius=0,
            opacity=0,
            fill=False,
            interactive=False,
            tooltip=folium.Tooltip(
                popups.text_html(local),
                permanent=True,
                direction=_label_side(port.id, lon, east, east - west),
                class_name="port-label",
                offset=(0, 0),
            ),
        ).add_to(labels)
    markers.add_to(m)
    KeepOnTop(markers).add_to(m)
    labels.add_to(m)


def compare_map(cmp: Comparison, *, palette: Palette | None = None) -> folium.Map:
    """Every lane of ``cmp`` on one offline map (land, lanes, ports, legend, controls).

    The same comparison gives byte-identical HTML/JS (stable element ids). It does not depend
    on the speed: the map shows nautical miles, the page's table the days.
    """
    pal = palette or Palette()
    bounds = map_bounds(cmp)
    m = folium.Map(
        location=[
            round((bounds[0][0] + bounds[1][0]) / 2, 3),
            round((bounds[0][1] + bounds[1][1]) / 2, 3),
        ],
        zoom_start=2,
        zoom_snap=0.25,
        tiles=None,
        zoom_control=False,  # MapControls: the zoom buttons and scale bar in cmp's language
        control_scale=False,
        world_copy_jump=False,
        min_zoom=1,
        max_zoom=12,
    )
    MapControls(cmp.tr).add_to(m)
    PageStyle(pal).add_to(m)
    if cmp.tr.chinese:  # the Chinese web font, served or embedded, as on the lane map
        CjkFontFace(webfont.WEB_FAMILY).add_to(m)
    CompareStyle(rows_max_px=200).add_to(m)
    _add_land(m, cmp, pal)
    _add_lanes(m, cmp)
    _add_ports(m, cmp, pal)
    HtmlControl(
        legend_html(cmp), position="bottomleft", css_class="lane-legend compare-legend"
    ).add_to(m)
    plugins.Fullscreen(
        position="topleft", title=cmp.tr("Full Screen"), title_cancel=cmp.tr("Exit Full Screen")
    ).add_to(m)
    FitOnLoad(bounds).add_to(m)
    seed = "|".join(
        f"{r.origin.id}>{r.destination.id}:{','.join(r.avoid)}:{r.style}" for r in cmp.rows
    )
    assets.stable_ids(m, seed=f"compare|{cmp.mode}|{seed}")
    return m


__all__ = ["compare_map", "lane_tooltip", "legend_html", "map_bounds"]
