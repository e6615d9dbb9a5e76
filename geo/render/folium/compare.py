"""The "Compare lanes" map: every lane of a :class:`~geo.present.compare.Comparison` on one
folium map. No streamlit here.

Each lane is one continuous line in the comparison's display window (Pacific-centred when a
lane crosses 180°, like the lane page's map), in its :class:`~geo.present.compare.LaneStyle`
(colour-blind-safe colour, dash pattern), numbered as in the table, with a tooltip; the
shortest lane is drawn last, on top. Lanes that together go round the world (Shanghai →
Rotterdam by Suez and by Panama) are shown on one world, cut at its edge, so that every place
is on the map once; each cut end has a chevron in the lane's colour pointing on (the lane goes
on from the other edge), and the land goes on past both edges, as on a printed world map.
Every lane end is a labelled port, each port once. A legend lists the lanes. As on the lane
map, :class:`~geo.render.folium.elements.LaneFrame` frames the lanes
clear of the controls, spreads ports that would stack (Los Angeles and Long Beach) and keeps
their names apart. The basemap is the bundled Natural Earth land layer, so nothing comes
from the internet once :func:`geo.render.folium.assets.localise_for_streamlit` (or
:func:`geo.render.folium.standalone.render_standalone_html`) has placed the scripts.

``(lon, lat)`` becomes folium's ``[lat, lon]`` only through :mod:`geo.render.folium.coords`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Final

import folium
import shapely
from branca.element import MacroElement
from folium import plugins
from shapely.geometry import LineString

from geo.catalogue.ports import Port
from geo.errors import GeoError
from geo.i18n import N_
from geo.present.compare import CompareRow, Comparison, avoid_label
from geo.present.model import Palette
from geo.render.folium import assets, popups, webfont
from geo.render.folium.coords import latlon, latlon_bounds, latlon_path
from geo.render.folium.elements import (
    CjkFontFace,
    HtmlControl,
    KeepOnTop,
    LaneFrame,
    MapControls,
    PageStyle,
    PortMark,
)
from geo.render.folium.geometry import CutEnd, LonLat, cut_ends, one_world
from geo.render.folium.layers import LABEL_SIDE, land_layer
from geo.render.templating import render, template

_PACKAGE = "geo.render.folium"
_DASH: Final[re.Pattern[str]] = re.compile(r"(\d+(\.\d+)?( \d+(\.\d+)?)*)?")
LANE_WEIGHT_PX: Final[float] = 3.5
PORT_RADIUS_PX: Final[float] = 4.5
#: Deepest zoom of the compare map (its land layer is the lane map's offline one).
MAX_ZOOM: Final[int] = 12
#: Simplification of the lanes for the points the frame keeps clear of controls (degrees).
KEEP_CLEAR_TOLERANCE_DEG: Final[float] = 0.5
#: Where a port's name sits beside its marker on this map (default: the right).
COMPARE_LABEL_SIDE: Final[dict[str, str]] = {**LABEL_SIDE, "CNNGB": "left", "USOAK": "left"}
LEGEND_FOOTNOTE: Final[str] = N_("Figures in the table below · not for navigation")
#: The mark at a lane's end on the one-world map's edge (px, square).
CONTINUES_MARK_PX: Final[int] = 16


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


@dataclass(frozen=True)
class CompareLayout:
    """Where the comparison is drawn: the window's west edge (degrees), each row's line as
    parts (``(lon, lat)``; one part unless the lanes go round the world), each port once at
    its place, the lanes' west and east longitudes when they run past the window, and the
    ends where a lane is cut at the window's edge (lanes round the world)."""

    west_deg: float
    parts: dict[int, list[list[LonLat]]]
    ports: list[tuple[Port, LonLat]]
    beyond: tuple[float, float] | None
    cuts: tuple[CutEnd, ...] = ()

    def land_range(self) -> tuple[float, float] | None:
        """The longitudes the land must cover past the window (``(west, east)``): on one
        world cut at its edge, the map framed round the world shows past both edges (and,
        zoomed out, by up to a world on each side): the land goes on there, as on a printed
        world map. Otherwise where the lanes run past the window."""
        if self.cuts:
            return (self.west_deg - 360.0, self.west_deg + 720.0)
        return self.beyond


def compare_layout(cmp: Comparison) -> CompareLayout:
    """The comparison's lanes and ports in its display window; lanes that together span more
    than 360° of longitude on one world instead (cut at its edge), each place once."""
    lines = {row.number: cmp.display_coords(row) for row in cmp.rows}
    ports = cmp.display_ports()
    cut = one_world(list(lines.values()), [port.lon for port, _ in ports])
    if cut is not None:
        west, parts = cut
        once = {p.id: (p, (west + (p.lon - west) % 360.0, p.lat)) for p, _ in ports}
        by_row = dict(zip(lines, parts))
        return CompareLayout(west, by_row, list(once.values()), None, cut_ends(by_row))
    lons = [lon for line in lines.values() for lon, _ in line]
    west = cmp.window_west_deg
    past = bool(lons) and (min(lons) < west or max(lons) > west + 360.0)
    return CompareLayout(
        west,
        {n: [line] if line else [] for n, line in lines.items()},
        ports,
        (round(min(lons), 1), round(max(lons), 1)) if past else None,
    )


def map_bounds(cmp: Comparison, layout: CompareLayout | None = None) -> list[list[float]]:
    """Leaflet's ``[[south, west], [north, east]]`` around every lane and port."""
    lay = layout or compare_layout(cmp)
    points = [xy for parts in lay.parts.values() for part in parts for xy in part]
    points += [xy for _, xy in lay.ports]
    lons = [lon for lon, _ in points]
    lats = [lat for _, lat in points]
    return latlon_bounds(min(lons), min(lats), max(lons), max(lats))


def keep_clear(layout: CompareLayout) -> list[list[list[float]]]:
    """The lanes' lines (``[lat, lon]`` paths, simplified) that the frame keeps clear of
    controls and notes do not hide."""
    return [
        latlon_path(shapely.simplify(LineString(part), KEEP_CLEAR_TOLERANCE_DEG).coords)
        for parts in layout.parts.values()
        for part in parts
    ]


def _add_lanes(m: folium.Map, cmp: Comparison, layout: CompareLayout) -> None:
    group = folium.FeatureGroup(name=cmp.tr("Lanes"), show=True)
    for row in reversed(cmp.routed):  # the shortest last, on top
        parts = [latlon_path(part) for part in layout.parts[row.number]]
        folium.PolyLine(
            parts[0] if len(parts) == 1 else parts,
            color=row.style.colour,
            weight=LANE_WEIGHT_PX,
            opacity=0.95,
            dash_array=_checked_dash(row.style.dash) or None,
            tooltip=folium.Tooltip(lane_tooltip(cmp, row), sticky=True),
            class_name="compare-lane",
        ).add_to(group)
    group.add_to(m)


def _add_cut_marks(m: folium.Map, cmp: Comparison, layout: CompareLayout) -> None:
    """At each end of a lane cut at the map's edge, a chevron pointing on, its tip on the cut,
    with the lane's name in its tooltip (the lane goes on from the map's other edge)."""
    rows = {row.number: row for row in cmp.rows}
    group = folium.FeatureGroup(name="Lane cuts", show=True, control=False)
    half = CONTINUES_MARK_PX / 2
    tip = half * 6 / 8  # the chevron's tip, from its centre (viewBox 16, tip at 14)
    for cut in layout.cuts:
        row = rows[cut.number]
        turn = math.radians(cut.heading_deg)
        folium.Marker(
            latlon(*cut.at),
            icon=folium.DivIcon(
                html=render(
                    _PACKAGE,
                    "lane_continues.html",
                    size=CONTINUES_MARK_PX,
                    angle=cut.heading_deg,
                    colour=row.style.colour,
                ),
                icon_size=(CONTINUES_MARK_PX, CONTINUES_MARK_PX),
                icon_anchor=(
                    round(half + tip * math.cos(turn)),
                    round(half + tip * math.sin(turn)),
                ),
                class_name="lane-continues-icon",
            ),
            tooltip=folium.Tooltip(popups.text_html(cmp.continues(row))),
        ).add_to(group)
    group.add_to(m)


def _label_side(port_id: str, lon: float, east_deg: float, span_deg: float) -> str:
    """Right of the marker, unless the table says otherwise or the port ends the map on the
    east (its name would run off the edge)."""
    if port_id in COMPARE_LABEL_SIDE:
        return COMPARE_LABEL_SIDE[port_id]
    return "left" if lon > east_deg - 0.02 * span_deg else "right"


def _add_ports(
    m: folium.Map, cmp: Comparison, palette: Palette, layout: CompareLayout
) -> list[PortMark]:
    """Each port once: a marker named by its tooltip, and its name beside it. Returns them
    for LaneFrame, which spreads markers that would stack and keeps names apart."""
    (_, west), (_, east) = map_bounds(cmp, layout)
    markers = folium.FeatureGroup(name="Ports", show=True)
    labels = folium.FeatureGroup(name="Port labels", show=True)
    marks = []
    for port, (lon, lat) in layout.ports:
        where = latlon(lon, lat)
        local = cmp.name(port)
        name = popups.text_html(f"{local} ({port.locode or port.id})")
        marker = folium.CircleMarker(
            where,
            radius=PORT_RADIUS_PX,
            color="#ffffff",
            weight=1.5,
            fill=True,
            fill_color=palette.port,
            fill_opacity=0.9,
            tooltip=folium.Tooltip(name),
            class_name="port-marker",
        )
        marker.add_to(markers)
        label = folium.CircleMarker(
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
        )
        label.add_to(labels)
        marks.append(PortMark(marker=marker, label=label, radius_px=PORT_RADIUS_PX))
    markers.add_to(m)
    KeepOnTop(markers).add_to(m)
    labels.add_to(m)
    return marks


def compare_map(cmp: Comparison, *, palette: Palette | None = None) -> folium.Map:
    """Every lane of ``cmp`` on one offline map (land, lanes, ports, legend, controls).

    The same comparison gives byte-identical HTML/JS (stable element ids). It does not depend
    on the speed: the map shows nautical miles, the page's table the days.
    """
    pal = palette or Palette()
    layout = compare_layout(cmp)
    bounds = map_bounds(cmp, layout)
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
        max_zoom=MAX_ZOOM,
        scroll_wheel_zoom=False,  # LaneFrame turns it on once the user clicks into the map
    )
    MapControls(cmp.tr).add_to(m)
    PageStyle(pal).add_to(m)
    if cmp.tr.chinese:  # the Chinese web font, served or embedded, as on the lane map
        CjkFontFace(webfont.WEB_FAMILY).add_to(m)
    CompareStyle(rows_max_px=200).add_to(m)
    land_layer(layout.west_deg, layout.land_range(), pal).add_to(m)
    _add_lanes(m, cmp, layout)
    _add_cut_marks(m, cmp, layout)
    ports = _add_ports(m, cmp, pal, layout)
    HtmlControl(
        legend_html(cmp), position="bottomleft", css_class="lane-legend compare-legend"
    ).add_to(m)
    plugins.Fullscreen(
        position="topleft", title=cmp.tr("Full Screen"), title_cancel=cmp.tr("Exit Full Screen")
    ).add_to(m)
    LaneFrame(
        bounds,
        exact=False,
        keep_clear=keep_clear(layout),
        keep_tolerance_deg=KEEP_CLEAR_TOLERANCE_DEG,
        ports=ports,
        lane_label=None,
        lane_weight_px=LANE_WEIGHT_PX,
        max_zoom=MAX_ZOOM,
        wait_fonts=cmp.tr.chinese,
    ).add_to(m)
    seed = "|".join(
        f"{r.origin.id}>{r.destination.id}:{','.join(r.avoid)}:{r.style}" for r in cmp.rows
    )
    assets.stable_ids(m, seed=f"compare|{cmp.mode}|{seed}")
    return m


__all__ = [
    "CompareLayout",
    "compare_layout",
    "compare_map",
    "keep_clear",
    "lane_tooltip",
    "legend_html",
    "map_bounds",
]
