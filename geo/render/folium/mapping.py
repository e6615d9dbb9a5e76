"""The interactive folium map of a lane view. No streamlit here.

Coordinates inside ``geo`` are ``(lon, lat)``; folium wants ``(lat, lon)``. The conversion
happens in exactly one place: :func:`_latlon`. Every layer is moved into the view's one
display window first (Pacific-centred when the lane crosses 180°), so the route is continuous
and markers sit on the same world copy. Every string that reaches HTML goes through
:func:`geo.present.text.esc`.

* :func:`build_map` — the base map (land, zones, route, ports, labels, legend, controls);
  it does not depend on the speed, so changing the speed need not rebuild it.
* :func:`segments_group` — the speed-dependent segment layer (tooltips carry hours), given
  to ``st_folium(feature_group_to_add=...)`` or added to the map for exports.
* :func:`standalone_html` — one self-contained HTML file (assets inlined).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import folium
import numpy as np
import shapely
from branca.element import MacroElement
from folium import plugins
from folium.elements import JSCSSMixin
from jinja2 import Template
from shapely.geometry import LineString, MultiLineString, box, mapping
from shapely.geometry.base import BaseGeometry

from geo.catalogue import land
from geo.facts import trade
from geo.present import layers
from geo.present.options import ALL_LAYERS, BASEMAPS
from geo.present.style import (
    LAND_COLOUR,
    LAND_EDGE_COLOUR,
    LANE_COLOUR,
    PORT_COLOUR,
    SEA_COLOUR,
    zone_colour,
)
from geo.present.text import esc, safe_url
from geo.present.view import LaneView
from geo.render.folium import assets

ONLINE_TILES_NAME = "Esri.WorldGrayCanvas"


@dataclass(frozen=True)
class MapOptions:
    """What the map shows. ``layers`` ⊆ :data:`ALL_LAYERS`; ``basemap`` in :data:`BASEMAPS`;
    ``label`` an optional custom annotation shown on the map (escaped)."""

    layers: tuple[str, ...] = ALL_LAYERS
    basemap: str = "offline"
    label: str = ""
    minimap: bool = True


def _latlon(coords: Iterable[Sequence[float]]) -> list[list[float]]:
    """(lon, lat) → folium's [lat, lon]; the only place the order flips."""
    return [[round(float(c[1]), 5), round(float(c[0]), 5)] for c in coords]


def _lines(geom: BaseGeometry) -> list[list[list[float]]]:
    if isinstance(geom, LineString):
        return [_latlon(geom.coords)]
    if isinstance(geom, MultiLineString):
        return [_latlon(g.coords) for g in geom.geoms]
    return []


def _chaikin(coords: list[tuple[float, float]], rounds: int) -> list[tuple[float, float]]:
    """Corner-cutting smoothing of a ``(lon, lat)`` polyline (ends kept)."""
    pts = coords
    for _ in range(rounds):
        if len(pts) < 3:
            return pts
        out = [pts[0]]
        for (x0, y0), (x1, y1) in itertools.pairwise(pts):
            out.append((0.75 * x0 + 0.25 * x1, 0.75 * y0 + 0.25 * y1))
            out.append((0.25 * x0 + 0.75 * x1, 0.25 * y0 + 0.75 * y1))
        out.append(pts[-1])
        pts = out
    return pts


def _mercator_y(lat: float) -> float:
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def label_anchor(coords: Sequence[Sequence[float]]) -> tuple[float, float, float]:
    """Where the lane label sits and how it turns: ``(lon, lat, css_degrees)``.

    The point halfway along a smoothed copy of the line (so the label follows the lane's
    overall curve, not its last kink), and the line's direction there on the Mercator map,
    as a CSS rotation (clockwise, kept within ±90° so the text never reads upside down).
    Mercator is conformal and every zoom scales it evenly, so one angle fits every zoom.
    """
    smooth = _chaikin(list(shapely.simplify(LineString(coords), 3.0).coords), rounds=4)
    pts = [(lon, _mercator_y(lat)) for lon, lat in smooth]
    steps = [math.dist(a, b) for a, b in itertools.pairwise(pts)]
    half = sum(steps) / 2
    walked = 0.0
    for (a, b), step in zip(itertools.pairwise(pts), steps):
        if walked + step >= half and step > 0:
            t = (half - walked) / step
            x, y = a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
            angle = -math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
            if angle > 90:
                angle -= 180
            elif angle < -90:
                angle += 180
            lat = math.degrees(2 * math.atan(math.exp(math.radians(y))) - math.pi / 2)
            return x, lat, round(angle, 1)
        walked += step
    lon, lat = coords[0][0], coords[0][1]
    return float(lon), float(lat), 0.0


def _fmt_hours(hours: float) -> str:
    return f"{hours:,.0f} h ({hours / 24:,.1f} days)" if hours >= 24 else f"{hours:,.1f} h"


def lane_weight(view: LaneView) -> float:
    """Line width by the lane's trade value: 3 px with no sourced figure, up to 9 px."""
    fig = view.lane.headline
    if fig is None or fig.unit.upper().startswith("%"):
        return 3.0
    billions = fig.value / 1e9
    return round(min(9.0, 3.0 + 1.2 * math.log10(max(billions, 1.0)) * 1.7), 1)


def lane_label(view: LaneView) -> str:
    """The text along the lane: its trade value, or the distance where there is none."""
    if view.lane.headline is not None:
        return f"{view.lane.headline.label()} · lane trade"
    return f"{view.main.distance_nm:,.0f} nm"


# ----------------------------------------------------------------------------- elements


class _PageStyle(MacroElement):
    """Calm look: pale sea, readable labels, legend box."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
          .leaflet-container { background: {{ this.sea }}; font: 13px/1.35 system-ui, sans-serif; }
          .lane-legend { background: rgba(255,255,255,.94); padding: 8px 10px; border-radius: 6px;
                         box-shadow: 0 1px 4px rgba(0,0,0,.25); color: #1f2d3d; max-width: 240px; }
          .lane-legend summary { cursor: pointer; margin-bottom: 4px; }
          .lane-legend .sw { display: inline-block; width: 18px; height: 4px; margin-right: 6px;
                             vertical-align: middle; border-radius: 2px; }
          .lane-legend .dot { display: inline-block; width: 10px; height: 10px;
                              margin: 0 10px 0 4px; border-radius: 50%;
                              background: {{ this.port }}; vertical-align: middle; }
          .lane-legend small { color: #555; }
          .port-label { background: transparent; border: 0; box-shadow: none; font-weight: 600;
                        color: #1f2d3d; text-shadow: 0 0 3px #fff, 0 0 3px #fff; padding: 0; }
          .port-label::before { display: none; }
          .lane-label-icon { background: none; border: 0; }
          .lane-trade-label { position: absolute; left: 0; top: 0; transform-origin: 0 0;
                              white-space: nowrap; font-weight: 700; font-size: 15px;
                              color: {{ this.lane }};
                              text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 2px #fff; }
          .custom-label { background: rgba(255,255,255,.92); padding: 4px 8px; border-radius: 4px;
                          font-weight: 600; color: #1f2d3d; }
          @media (max-width: 600px) {
            /* a phone: the figures are in the page's cards; keep the map for the lane */
            .lane-legend { max-width: 150px; font-size: 11px; }
            .leaflet-control-minimap, .lane-trade-label { display: none; }
            .port-label { font-size: 10px; }
          }
        </style>
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "PageStyle"
        self.sea = SEA_COLOUR
        self.port = PORT_COLOUR
        self.lane = LANE_COLOUR


class _HtmlControl(MacroElement):
    """A Leaflet control holding fixed, already-escaped HTML (legend, custom label)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: {{ this.position|tojson }}});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create('div', {{ this.css_class|tojson }});
            div.innerHTML = {{ this.html|tojson }};
            var folded = div.querySelector("details");
            if (folded && window.innerWidth < 600) { folded.removeAttribute("open"); }
            L.DomEvent.disableClickPropagation(div);
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str, *, position: str, css_class: str) -> None:
        super().__init__()
        self._name = "HtmlControl"
        self.html = html
        self.position = position
        self.css_class = css_class


class LandMiniMap(JSCSSMixin):
    """leaflet-minimap over a coarse land outline (no tiles, so it works offline)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }}_land = L.geoJSON({{ this.land|tojson }}, {
            style: {color: {{ this.edge|tojson }}, weight: 0.5, fillColor: {{ this.fill|tojson }},
                    fillOpacity: 1}, interactive: false});
        var {{ this.get_name() }} = new L.Control.MiniMap({{ this.get_name() }}_land, {
            position: "bottomright", width: 180, height: 110, zoomLevelFixed: 0,
            toggleDisplay: true, minimized: false,
            aimingRectOptions: {color: {{ this.lane|tojson }}, weight: 1.5, fillOpacity: 0.06},
            shadowRectOptions: {color: "#000", weight: 1, opacity: 0, fillOpacity: 0}});
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )
    default_js = plugins.MiniMap.default_js
    default_css = plugins.MiniMap.default_css

    def __init__(self, land_geojson: dict[str, Any]) -> None:
        super().__init__()
        self._name = "LandMiniMap"
        self.land = land_geojson
        self.edge = LAND_EDGE_COLOUR
        self.fill = LAND_COLOUR
        self.lane = LANE_COLOUR


class _FitOnLoad(MacroElement):
    """Fit the lane once the map has its real size (st_folium sizes its iframe late)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map, bounds) {
            // refit while the iframe settles to its final size, then leave the view to the user
            var started = Date.now();
            function fit() {
                map.invalidateSize();
                var small = map.getSize().x < 600;
                map.fitBounds(bounds, {paddingTopLeft: [small ? 60 : 110, 28],
                                       paddingBottomRight: [small ? 60 : 110, small ? 60 : 200]});
            }
            setTimeout(fit, 60);
            window.addEventListener("resize", function () {
                if (Date.now() - started < 5000) { fit(); }
            });
        })({{ this._parent.get_name() }}, {{ this.bounds|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, bounds: list[list[float]]) -> None:
        super().__init__()
        self._name = "FitOnLoad"
        self.bounds = bounds


class _KeepOnTop(MacroElement):
    """Keep a group's vectors above layers added later (st_folium adds the segments last), so
    a click on a port opens its popup instead of hitting the lane."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.on("layeradd", function (e) {
            // only when another vector arrives: never during a popup or tooltip opening
            if (!(e.layer instanceof L.Path) || {{ this.group.get_name() }}.hasLayer(e.layer)) {
                return;
            }
            {{ this.group.get_name() }}.eachLayer(function (layer) {
                if (layer.bringToFront && layer._map) { layer.bringToFront(); }
            });
        });
        {% endmacro %}
        """
    )

    def __init__(self, group: folium.FeatureGroup) -> None:
        super().__init__()
        self._name = "KeepOnTop"
        self.group = group


@lru_cache(maxsize=16)
def _land_geojson(
    west_deg: float, tolerance_deg: float, lon_range: tuple[float, float] | None = None
) -> dict[str, Any]:
    """Land in the window; where a route runs past the window's edge (``lon_range``), the next
    world copy of the land is added beside it, so the route never ends over blank sea."""
    union = land.land_union(pacific=west_deg == 0.0)
    if west_deg != 0.0:
        union = land.to_window(union, west_deg)
    if lon_range is not None:
        lo, hi = lon_range
        extra = []
        if hi > west_deg + 360.0:
            part = union.intersection(box(west_deg, -90, min(west_deg + 360, hi - 360 + 40), 90))
            extra.append(shapely.transform(part, lambda xy: xy + np.array([360.0, 0.0])))
        if lo < west_deg:
            part = union.intersection(box(max(west_deg, lo + 360 - 40), -90, west_deg + 360, 90))
            extra.append(shapely.transform(part, lambda xy: xy - np.array([360.0, 0.0])))
        if extra:
            union = shapely.union_all([union, *extra])
    simple = shapely.simplify(union, tolerance_deg, preserve_topology=True)
    simple = shapely.set_precision(simple, 0.01)
    return {"type": "Feature", "properties": {}, "geometry": mapping(simple)}


# ----------------------------------------------------------------------------- layers


def _beyond_window(view: LaneView) -> tuple[float, float] | None:
    lo, hi = view.display_lon_range()
    west = view.window_west_deg
    if lo < west or hi > west + 360.0:
        return (round(lo, 1), round(hi, 1))
    return None


def _add_land(m: folium.Map, view: LaneView) -> None:
    folium.GeoJson(
        _land_geojson(view.window_west_deg, 0.05, _beyond_window(view)),
        name="Land (Natural Earth)",
        style_function=lambda _f: {
            "color": LAND_EDGE_COLOUR,
            "weight": 0.6,
            "fillColor": LAND_COLOUR,
            "fillOpacity": 1.0,
        },
        interactive=False,
        control=False,
    ).add_to(m)


def _add_zones(m: folium.Map, view: LaneView) -> None:
    group = folium.FeatureGroup(name="Regulatory zones", show=True)
    zones = view.display_zones()
    for _, z in zones.iterrows():
        colour = zone_colour(str(z["zone_id"]))
        approx = " (approximate)" if bool(z.get("approximate", False)) else ""
        tip = (
            f"<b>{esc(z['zone_name'])}</b>{esc(approx)}<br>{esc(z['rules'])}"
            f"<br><small>Source: {esc(z['source'])} ({esc(z['year'])})</small>"
        )
        folium.GeoJson(
            {"type": "Feature", "properties": {}, "geometry": mapping(z.geometry)},
            style_function=lambda _f, c=colour: {
                "color": c,
                "weight": 0.8,
                "opacity": 0.5,
                "fillColor": c,
                "fillOpacity": 0.12,
            },
            tooltip=folium.Tooltip(tip, sticky=True),
        ).add_to(group)
    group.add_to(m)


def _add_route(m: folium.Map, view: LaneView) -> None:
    group = folium.FeatureGroup(name="Route", show=True)
    weight = lane_weight(view)
    routes = view.display_routes()
    for n, (_, r) in enumerate(routes.iterrows()):
        tip = (
            f"<b>{esc(r['origin'])} → {esc(r['destination'])}</b><br>"
            f"{r['distance_nm']:,.0f} nm · {r['distance_km']:,.0f} km"
        )
        line = folium.PolyLine(
            _lines(r.geometry)[0],
            color=LANE_COLOUR,
            weight=weight + 4,
            opacity=0.9,
            tooltip=folium.Tooltip(tip, sticky=True),
            class_name="lane-route",
        )
        line.add_to(group)
        if n == 0:
            lon, lat, angle = label_anchor(list(r.geometry.coords))
            folium.Marker(
                [round(lat, 5), round(lon, 5)],
                icon=folium.DivIcon(
                    html=(
                        f'<div class="lane-trade-label" style="transform: rotate({angle}deg) '
                        f'translate(-50%, -{weight / 2 + 20:.0f}px) translateY(-100%)">'
                        f"{esc(lane_label(view))}</div>"
                    ),
                    icon_size=(0, 0),
                    icon_anchor=(0, 0),
                    class_name="lane-label-icon",
                ),
                interactive=False,
            ).add_to(group)
    group.add_to(m)


def segments_group(view: LaneView) -> folium.FeatureGroup:
    """The segments coloured by zone, tooltips with name, nm, hours and rules."""
    group = folium.FeatureGroup(name="Segments by zone", show=True)
    weight = max(2.0, lane_weight(view) - 1)
    segs = view.display_segments()
    for _, s in segs.iterrows():
        tip = (
            f"<b>{esc(s['name'])}</b><br>{s['distance_nm']:,.0f} nm · "
            f"{esc(_fmt_hours(float(s['duration_h'])))} at {view.speed_kn:g} kn · "
            f"{s['share'] * 100:.0f} % of the voyage<br>{esc(s['rules'])}"
        )
        if str(s.get("corridor_measures", "") or ""):
            tip += f"<br><i>Corridor: {esc(s['corridor_measures'])}</i>"
        for part in _lines(s.geometry):
            folium.PolyLine(
                part,
                color=zone_colour(str(s["zone_id"])),
                weight=weight,
                opacity=1.0,
                tooltip=folium.Tooltip(tip, sticky=True),
                class_name="lane-segment",
            ).add_to(group)
    return group


def _port_popup(p: Any) -> str:
    parts = [f"<b>{esc(p['name'])}</b>"]
    if p["locode"]:
        parts.append(f"UN/LOCODE {esc(p['locode'])} · {esc(p['country'])}")
    code = p["locode"] or p["id"]
    terminal = bool(p["locode"]) and p["id"] != p["locode"]
    if terminal:
        parts.append(f"Part of the port {esc(p['locode'])}: its volumes are counted there.")
    vols = trade.port_volumes(code) if p["role"] != "coordinates" and not terminal else []
    if vols:
        items = "".join(
            f"<li>{esc(f.label())} — {_source_link(f.source, f.source_url)}</li>" for f in vols
        )
        parts.append(
            f"<b>Container volume</b><ul style='margin:2px 0 4px 16px;padding:0'>{items}</ul>"
        )
    for f in [] if terminal else trade.port_trade(code)[:2]:
        parts.append(
            f"<b>{esc(f.metric.capitalize())}</b>: {esc(f.label())} — "
            f"{_source_link(f.source, f.source_url)}"
        )
    parts.append(f"<small>Position: {esc(p['coord_source'])}</small>")
    return "<br>".join(parts)


def _source_link(source: str, url: str) -> str:
    href = safe_url(url)
    if href:
        return f'<a href="{href}" target="_blank" rel="noopener">{esc(source)}</a>'
    return f"<i>{esc(source)}</i>"


_LABEL_SIDE: dict[str, str] = {
    "USLAX": "left",
    "USLGB": "right",
    "CNSHA": "top",
    "CNSHA-YANGSHAN": "bottom",
}


def _add_ports(m: folium.Map, view: LaneView, *, show_labels: bool, show_ports: bool) -> None:
    ports = view.display_ports()
    marker_group = folium.FeatureGroup(name="Ports", show=True)
    label_group = folium.FeatureGroup(name="Port labels", show=True)
    for _, p in ports.iterrows():
        lat, lon = float(p.geometry.y), float(p.geometry.x)
        teu = p["teu"]
        radius = 4.0 if teu is None or teu != teu else 4.0 + math.sqrt(float(teu) / 1e6) * 1.6
        if show_ports:
            folium.CircleMarker(
                [lat, lon],
                radius=round(radius, 1),
                color="#ffffff",
                weight=1.5,
                fill=True,
                fill_color=PORT_COLOUR,
                fill_opacity=0.9,
                popup=folium.Popup(_port_popup(p), max_width=340),
                tooltip=folium.Tooltip(esc(p["name"])),
                class_name="port-marker",
            ).add_to(marker_group)
        if show_labels:
            side = _LABEL_SIDE.get(str(p["id"]), "right")
            folium.CircleMarker(
                [lat, lon],
                radius=0,
                opacity=0,
                fill=False,
                interactive=False,
                tooltip=folium.Tooltip(
                    esc(p["name"]),
                    permanent=True,
                    direction=side,
                    class_name="port-label",
                    offset=(0, 0),
                ),
            ).add_to(label_group)
    if show_ports:
        marker_group.add_to(m)
        _KeepOnTop(marker_group).add_to(m)
    if show_labels:
        label_group.add_to(m)


def _legend_html(view: LaneView, shown: Sequence[str]) -> str:
    rows = [f"<details open><summary><b>{esc(view.title)}</b></summary>"]
    if "route" in shown:
        rows.append(
            f"<div><span class='sw' style='background:{LANE_COLOUR};height:7px'></span>"
            f"Sea route · {esc(lane_label(view))}</div>"
        )
    if "segments" in shown or "zones" in shown:
        seen: dict[str, str] = {}
        segs = view.segments_gdf()
        for zid, name in zip(segs["zone_id"], segs["name"]):
            seen.setdefault(str(zid), str(name))
        zones = view.zones_gdf()
        for zid, name in zip(zones["zone_id"], zones["zone_name"]):
            seen.setdefault(str(zid), str(name))
        for zid, name in seen.items():
            rows.append(
                f"<div><span class='sw' style='background:{zone_colour(zid)}'></span>"
                f"{esc(_zone_legend_name(zid, name))}</div>"
            )
    if "ports" in shown:
        rows.append("<div><span class='dot'></span>Port, sized by TEU</div>")
    rows.append("<small>Zones approximate · not for navigation</small></details>")
    return "".join(rows)


def _zone_legend_name(zone_id: str, name: str) -> str:
    zones = layers.zones_layer()
    match = zones[zones["zone_id"] == zone_id]
    return str(match.iloc[0]["zone_name"]) if len(match) else name


def _bounds(view: LaneView) -> list[list[float]]:
    routes = view.display_routes()
    ports = view.display_ports()
    geoms = [*routes.geometry, *ports.geometry]
    min_lon, min_lat, max_lon, max_lat = shapely.GeometryCollection(geoms).bounds
    return [[round(min_lat, 3), round(min_lon, 3)], [round(max_lat, 3), round(max_lon, 3)]]


def build_map(view: LaneView, options: MapOptions = MapOptions()) -> folium.Map:
    """The base map for a view (everything but the speed-dependent segments)."""
    shown = tuple(layer for layer in ALL_LAYERS if layer in options.layers)
    bounds = _bounds(view)
    centre = [
        round((bounds[0][0] + bounds[1][0]) / 2, 3),
        round((bounds[0][1] + bounds[1][1]) / 2, 3),
    ]
    m = folium.Map(
        location=centre,
        zoom_start=2,
        zoom_snap=0.25,
        tiles=None,
        control_scale=True,
        world_copy_jump=False,
        prefer_canvas=False,
        min_zoom=1,
        max_zoom=12,
    )
    _PageStyle().add_to(m)
    if options.basemap == "online":
        folium.TileLayer(
            ONLINE_TILES_NAME, name="Online basemap (Esri World Light Gray)", control=False
        ).add_to(m)
    else:
        _add_land(m, view)
    if "zones" in shown:
        _add_zones(m, view)
    if "route" in shown:
        _add_route(m, view)
    _add_ports(m, view, show_labels="labels" in shown, show_ports="ports" in shown)
    _HtmlControl(_legend_html(view, shown), position="bottomleft", css_class="lane-legend").add_to(
        m
    )
    if options.label.strip():
        _HtmlControl(
            esc(options.label.strip()), position="topright", css_class="custom-label"
        ).add_to(m)
    plugins.Fullscreen(position="topleft").add_to(m)
    plugins.MeasureControl(
        position="topleft", primary_length_unit="kilometers", secondary_length_unit="miles"
    ).add_to(m)
    if options.minimap:
        LandMiniMap(_land_geojson(view.window_west_deg, 1.0)).add_to(m)
    _FitOnLoad(bounds).add_to(m)
    assets.stable_ids(m, seed=f"{view.title}|{view.avoid}|{options}")
    return m


def layer_control() -> folium.LayerControl:
    return folium.LayerControl(position="topright", collapsed=True)


def full_map(view: LaneView, options: MapOptions = MapOptions()) -> folium.Map:
    """Base map plus segments and layer control, all in one (for exports and tests)."""
    m = build_map(view, options)
    if "segments" in options.layers:
        segments_group(view).add_to(m)
    layer_control().add_to(m)
    assets.stable_ids(m, seed=f"full|{view.title}|{view.speed_kn}|{options}")
    return m


def standalone_html(view: LaneView, options: MapOptions = MapOptions()) -> str:
    """One self-contained HTML document of the map; opens with no internet."""
    m = full_map(view, options)
    return assets.render_standalone_html(m)


def segments_layer_for_app(view: LaneView) -> folium.FeatureGroup:
    """Segments with ids stable for the view and speed (st_folium's ``feature_group_to_add``)."""
    group = segments_group(view)
    assets.stable_ids(group, seed=f"seg|{view.title}|{view.speed_kn}|{view.avoid}")
    return group


__all__ = [
    "ALL_LAYERS",
    "BASEMAPS",
    "MapOptions",
    "build_map",
    "full_map",
    "lane_label",
    "lane_weight",
    "layer_control",
    "segments_group",
    "segments_layer_for_app",
    "standalone_html",
]
