"""The map's layers, drawn from a presentation: land, zones, route, segments, ports.

Geometry comes from ``pres.view`` in its one display window (Pacific-centred when the lane
crosses 180°); colours from ``pres.palette``; every ``(lon, lat)`` becomes ``[lat, lon]``
through :mod:`geo.render.folium.coords` only.
"""

from __future__ import annotations

import functools
import math
from typing import Any

import folium
from shapely.geometry import mapping

from geo.i18n import N_
from geo.present.model import LanePresentation, Palette
from geo.render.folium import popups
from geo.render.folium.coords import latlon, latlon_lines
from geo.render.folium.elements import KeepOnTop, PortMark
from geo.render.folium.geometry import beyond_window, label_anchor, land_geojson

#: Which side of its marker a port's name sits (the default is the right).
LABEL_SIDE: dict[str, str] = {
    "USLAX": "left",
    "USLGB": "right",
    "CNSHA": "top",
    "CNSHA-YANGSHAN": "bottom",
}


#: The layer switcher's names (translated with the presentation's language).
ZONES_LAYER = N_("Regulatory zones")
ROUTE_LAYER = N_("Route")
SEGMENTS_LAYER = N_("Segments by zone")
PORTS_LAYER = N_("Ports")
LABELS_LAYER = N_("Port labels")

#: Widest port popup (px). In the browser, LaneFrame narrows it, caps its height (it scrolls
#: beyond) and pans it open inside the part of the map that the controls leave free.
POPUP_MAX_WIDTH_PX = 300


def add_land(m: folium.Map, pres: LanePresentation, *, show: bool = True) -> folium.FeatureGroup:
    """The offline basemap: Natural Earth land in the view's window (and beside a route that
    runs past the window's edge). With ``show=False`` it is in the page but not on the map
    (the fallback of online tiles)."""
    view = pres.view
    group = folium.FeatureGroup(name="Land (Natural Earth)", show=show, control=False)
    land_layer(view.window_west_deg, beyond_window(view), pres.palette).add_to(group)
    group.add_to(m)
    return group


def fixed_style(style: dict[str, Any], _feature: object) -> dict[str, Any]:
    """A GeoJSON style function giving every feature ``style`` (used through
    :func:`functools.partial`, which, unlike a lambda, lets the map be pickled: the page copies
    its cached map that way)."""
    return style


def zone_style(colour: str) -> dict[str, Any]:
    """A zone's outline and light tint in ``colour``."""
    return {
        "color": colour,
        "weight": 0.8,
        "opacity": 0.5,
        "fillColor": colour,
        "fillOpacity": 0.12,
    }


def land_layer(
    window_west_deg: float, beyond: tuple[float, float] | None, palette: Palette
) -> folium.GeoJson:
    """Natural Earth land in the display window ``window_west_deg … +360`` (and over
    ``beyond``, a (west, east) longitude range a route reaches past the window), drawn in the
    palette's land colours, not interactive."""
    return folium.GeoJson(
        land_geojson(window_west_deg, 0.05, beyond),
        name="Land (Natural Earth)",
        style_function=functools.partial(
            fixed_style,
            {
                "color": palette.land_edge,
                "weight": 0.6,
                "fillColor": palette.land,
                "fillOpacity": 1.0,
            },
        ),
        interactive=False,
        control=False,
    )


def add_zones(m: folium.Map, pres: LanePresentation) -> None:
    """The regulatory zones, lightly tinted, with their rules and sources as tooltips."""
    group = folium.FeatureGroup(name=pres.tr(ZONES_LAYER), show=True)
    for _, z in pres.view.display_zones().iterrows():
        colour = pres.palette.zone(str(z["zone_id"]))
        folium.GeoJson(
            {"type": "Feature", "properties": {}, "geometry": mapping(z.geometry)},
            style_function=functools.partial(fixed_style, zone_style(colour)),
            tooltip=folium.Tooltip(popups.zone_tooltip(z, pres.tr), sticky=True),
        ).add_to(group)
    group.add_to(m)


def add_route(m: folium.Map, pres: LanePresentation) -> folium.Marker | None:
    """Each route as one continuous line of ``pres.lane_weight_px + 4`` px in the lane colour;
    the headline route carries ``pres.lane_label`` halfway along, turned with the line.
    Returns the lane label's marker (``None`` without a label)."""
    group = folium.FeatureGroup(name=pres.tr(ROUTE_LAYER), show=True)
    label_marker = None
    weight = pres.lane_weight_px
    for n, (_, r) in enumerate(pres.view.display_routes().iterrows()):
        folium.PolyLine(
            latlon_lines(r.geometry)[0],
            color=pres.palette.lane,
            weight=weight + 4,
            opacity=0.9,
            tooltip=folium.Tooltip(
                popups.route_tooltip(
                    r,
                    pres.tr,
                    pres.port_name(str(r["route_id"]).split(">")[0], str(r["origin"])),
                    pres.port_name(str(r["route_id"]).split(">")[-1], str(r["destination"])),
                ),
                sticky=True,
            ),
            class_name="lane-route",
        ).add_to(group)
        if n == 0 and pres.lane_label:
            lon, lat, angle = label_anchor(list(r.geometry.coords))
            label_marker = folium.Marker(
                latlon(lon, lat),
                icon=folium.DivIcon(
                    html=popups.lane_label_html(pres, angle),
                    icon_size=(0, 0),
                    icon_anchor=(0, 0),
                    class_name="lane-label-icon",
                ),
                interactive=False,
            )
            label_marker.add_to(group)
    group.add_to(m)
    return label_marker


def segments_group(pres: LanePresentation) -> folium.FeatureGroup:
    """The routes' segments coloured by zone; tooltips give name, nm, hours at the view's
    speed and the rules. Depends on the speed (the base map does not)."""
    group = folium.FeatureGroup(name=pres.tr(SEGMENTS_LAYER), show=True)
    weight = max(2.0, pres.lane_weight_px - 1)
    for _, s in pres.view.display_segments().iterrows():
        tip = popups.segment_tooltip(s, pres.view.speed_kn, pres.tr)
        for part in latlon_lines(s.geometry):
            folium.PolyLine(
                part,
                color=pres.palette.zone(str(s["zone_id"])),
                weight=weight,
                opacity=1.0,
                tooltip=folium.Tooltip(tip, sticky=True),
                class_name="lane-segment",
            ).add_to(group)
    return group


def _radius_px(teu: object) -> float:
    """Circle radius by container volume: area grows with TEU; 4 px with no figure."""
    if teu is None or teu != teu:  # None or NaN
        return 4.0
    return round(4.0 + math.sqrt(float(teu) / 1e6) * 1.6, 1)  # type: ignore[arg-type]


#: Where a name sits against its marker, by side: ``(x, y)`` pixel direction of the offset.
_SIDE_OFFSET: dict[str, tuple[int, int]] = {
    "right": (1, 0),
    "left": (-1, 0),
    "top": (0, -1),
    "bottom": (0, 1),
}


def add_ports(m: folium.Map, pres: LanePresentation) -> list[PortMark]:
    """Port markers (layer ``ports``: sized by volume, with popups) and port names (layer
    ``labels``: permanent tooltips just clear of the marker's edge). Returns each port's
    marker and label, for the browser to spread ports that would stack."""
    show_ports, show_labels = pres.shows("ports"), pres.shows("labels")
    if not (show_ports or show_labels):
        return []
    marker_group = folium.FeatureGroup(name=pres.tr(PORTS_LAYER), show=True)
    label_group = folium.FeatureGroup(name=pres.tr(LABELS_LAYER), show=True)
    marks = []
    for _, p in pres.view.display_ports().iterrows():
        where = latlon(p.geometry.x, p.geometry.y)
        radius = _radius_px(p["teu"])
        name = pres.port_name(str(p["id"]), str(p["name"]))
        marker = label = None
        if show_ports:
            marker = folium.CircleMarker(
                where,
                radius=radius,
                color="#ffffff",
                weight=1.5,
                fill=True,
                fill_color=pres.palette.port,
                fill_opacity=0.9,
                popup=folium.Popup(
                    popups.port_popup(p, pres.tr, name),
                    max_width=POPUP_MAX_WIDTH_PX,
                ),
                tooltip=folium.Tooltip(popups.text_html(name)),
                class_name="port-marker",
            )
            marker.add_to(marker_group)
        if show_labels:
            side = LABEL_SIDE.get(str(p["id"]), "right")
            dx, dy = _SIDE_OFFSET[side]
            clear_px = round(radius if show_ports else 2.0)
            label = folium.CircleMarker(
                where,
                radius=0,
                opacity=0,
                fill=False,
                interactive=False,
                tooltip=folium.Tooltip(
                    popups.text_html(name),
                    permanent=True,
                    direction=side,
                    class_name="port-label",
                    offset=(dx * clear_px, dy * clear_px),
                ),
            )
            label.add_to(label_group)
        marks.append(
            PortMark(
                marker=marker,
                label=label,
                radius_px=radius if show_ports else 2.0,
                port=str(p["id"]),
            )
        )
    if show_ports:
        marker_group.add_to(m)
        KeepOnTop(marker_group).add_to(m)
    if show_labels:
        label_group.add_to(m)
    return marks
