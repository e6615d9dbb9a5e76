"""The map's layers, drawn from a presentation: land, zones, route, segments, ports.

Geometry comes from ``pres.view`` in its one display window (Pacific-centred when the lane
crosses 180°); colours from ``pres.palette``; every ``(lon, lat)`` becomes ``[lat, lon]``
through :mod:`geo.render.folium.coords` only.
"""

from __future__ import annotations

import math

import folium
from shapely.geometry import mapping

from geo.present.model import LanePresentation
from geo.render.folium import popups
from geo.render.folium.coords import latlon, latlon_lines
from geo.render.folium.elements import KeepOnTop
from geo.render.folium.geometry import beyond_window, label_anchor, land_geojson

#: Which side of its marker a port's name sits (the default is the right).
LABEL_SIDE: dict[str, str] = {
    "USLAX": "left",
    "USLGB": "right",
    "CNSHA": "top",
    "CNSHA-YANGSHAN": "bottom",
}


def add_land(m: folium.Map, pres: LanePresentation) -> None:
    """The offline basemap: Natural Earth land in the view's window (and beside a route that
    runs past the window's edge)."""
    view, pal = pres.view, pres.palette
    folium.GeoJson(
        land_geojson(view.window_west_deg, 0.05, beyond_window(view)),
        name="Land (Natural Earth)",
        style_function=lambda _f: {
            "color": pal.land_edge,
            "weight": 0.6,
            "fillColor": pal.land,
            "fillOpacity": 1.0,
        },
        interactive=False,
        control=False,
    ).add_to(m)


def add_zones(m: folium.Map, pres: LanePresentation) -> None:
    """The regulatory zones, lightly tinted, with their rules and sources as tooltips."""
    group = folium.FeatureGroup(name="Regulatory zones", show=True)
    for _, z in pres.view.display_zones().iterrows():
        colour = pres.palette.zone(str(z["zone_id"]))
        folium.GeoJson(
            {"type": "Feature", "properties": {}, "geometry": mapping(z.geometry)},
            style_function=lambda _f, c=colour: {
                "color": c,
                "weight": 0.8,
                "opacity": 0.5,
                "fillColor": c,
                "fillOpacity": 0.12,
            },
            tooltip=folium.Tooltip(popups.zone_tooltip(z), sticky=True),
        ).add_to(group)
    group.add_to(m)


def add_route(m: folium.Map, pres: LanePresentation) -> None:
    """Each route as one continuous line of ``pres.lane_weight_px + 4`` px in the lane colour;
    the headline route carries ``pres.lane_label`` halfway along, turned with the line."""
    group = folium.FeatureGroup(name="Route", show=True)
    weight = pres.lane_weight_px
    for n, (_, r) in enumerate(pres.view.display_routes().iterrows()):
        folium.PolyLine(
            latlon_lines(r.geometry)[0],
            color=pres.palette.lane,
            weight=weight + 4,
            opacity=0.9,
            tooltip=folium.Tooltip(popups.route_tooltip(r), sticky=True),
            class_name="lane-route",
        ).add_to(group)
        if n == 0 and pres.lane_label:
            lon, lat, angle = label_anchor(list(r.geometry.coords))
            folium.Marker(
                latlon(lon, lat),
                icon=folium.DivIcon(
                    html=popups.lane_label_html(pres, angle),
                    icon_size=(0, 0),
                    icon_anchor=(0, 0),
                    class_name="lane-label-icon",
                ),
                interactive=False,
            ).add_to(group)
    group.add_to(m)


def segments_group(pres: LanePresentation) -> folium.FeatureGroup:
    """The routes' segments coloured by zone; tooltips give name, nm, hours at the view's
    speed and the rules. Depends on the speed (the base map does not)."""
    group = folium.FeatureGroup(name="Segments by zone", show=True)
    weight = max(2.0, pres.lane_weight_px - 1)
    for _, s in pres.view.display_segments().iterrows():
        tip = popups.segment_tooltip(s, pres.view.speed_kn)
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


def add_ports(m: folium.Map, pres: LanePresentation) -> None:
    """Port markers (layer ``ports``: sized by volume, with popups) and port names (layer
    ``labels``: permanent tooltips beside the markers)."""
    show_ports, show_labels = pres.shows("ports"), pres.shows("labels")
    if not (show_ports or show_labels):
        return
    marker_group = folium.FeatureGroup(name="Ports", show=True)
    label_group = folium.FeatureGroup(name="Port labels", show=True)
    for _, p in pres.view.display_ports().iterrows():
        where = latlon(p.geometry.x, p.geometry.y)
        if show_ports:
            folium.CircleMarker(
                where,
                radius=_radius_px(p["teu"]),
                color="#ffffff",
                weight=1.5,
                fill=True,
                fill_color=pres.palette.port,
                fill_opacity=0.9,
                popup=folium.Popup(popups.port_popup(p), max_width=340),
                tooltip=folium.Tooltip(popups.text_html(p["name"])),
                class_name="port-marker",
            ).add_to(marker_group)
        if show_labels:
            folium.CircleMarker(
                where,
                radius=0,
                opacity=0,
                fill=False,
                interactive=False,
                tooltip=folium.Tooltip(
                    popups.text_html(p["name"]),
                    permanent=True,
                    direction=LABEL_SIDE.get(str(p["id"]), "right"),
                    class_name="port-label",
                    offset=(0, 0),
                ),
            ).add_to(label_group)
    if show_ports:
        marker_group.add_to(m)
        KeepOnTop(marker_group).add_to(m)
    if show_labels:
        label_group.add_to(m)
