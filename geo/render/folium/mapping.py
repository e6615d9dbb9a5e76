"""The interactive folium map of a lane presentation. No streamlit here.

Everything shown comes from a :class:`~geo.present.model.LanePresentation`: the layers
switched on (``pres.layers``), the legend (``pres.legend``), the lane's label and width
(``pres.lane_label``, ``pres.lane_weight_px``), the custom label (``pres.label``), the
colours (``pres.palette``) and the frame (``pres.extent``, else the lane). Geometry comes
from ``pres.view`` in its one display window. Coordinates in ``geo`` are ``(lon, lat)``;
:mod:`geo.render.folium.coords` is the only place they become folium's ``[lat, lon]``.

* :func:`build_map` — the base map (land, zones, route, ports, labels, legend, controls);
  it does not depend on the speed, so changing the speed need not rebuild it.
* :func:`segments_layer_for_app` — the speed-dependent segments, for
  ``st_folium(feature_group_to_add=...)``; :func:`layer_control` — the layer switcher.
* :func:`full_map` — all of it on one map; :func:`standalone_html` — one offline HTML file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import folium
import shapely
from branca.element import Figure
from folium import plugins

from geo.errors import GeoError
from geo.i18n import N_
from geo.present.frame import fit_zoom, lane_frame
from geo.present.model import LanePresentation
from geo.present.options import BASEMAPS
from geo.present.style import LAND_MIN_SPAN_NM
from geo.present.text import esc
from geo.render.folium import assets, layers, popups, standalone, webfont
from geo.render.folium.coords import latlon_bounds, latlon_lines
from geo.render.folium.elements import (
    CjkFontFace,
    HtmlControl,
    LandMiniMap,
    LandScale,
    LaneFrame,
    MapControls,
    MapNote,
    NauticalMeasure,
    PageStyle,
    TileFallback,
)
from geo.render.folium.geometry import land_geojson
from geo.render.folium.measures import add_measures

ONLINE_TILES_NAME: Final[str] = "Esri.WorldGrayCanvas"
#: Deepest zoom on the offline land layer (Natural Earth 1:110m is coarse beyond this).
OFFLINE_MAX_ZOOM: Final[int] = 7
#: Deepest zoom with online tiles (the land layer takes over, at its own limit, if they fail).
ONLINE_MAX_ZOOM: Final[int] = 12
#: What the map says while it leaves the land out (:class:`~geo.render.folium.elements.LandScale`).
NO_LAND_NOTE: Final[str] = N_(
    "Coast not drawn: the offline coastline (Natural Earth 1:110m) is too coarse at this scale"
)
TILE_FALLBACK_MESSAGE: Final[str] = N_(
    "Online tiles are unavailable (no network?): showing the offline land layer."
)
#: Simplification of the lane for the points the frame keeps clear of controls (degrees).
KEEP_CLEAR_TOLERANCE_DEG: Final[float] = 0.5


@dataclass(frozen=True)
class MapOptions:
    """How the map is drawn (what it shows comes from the presentation).

    ``basemap``: one of :data:`~geo.present.options.BASEMAPS` (``offline``: bundled Natural
    Earth land; ``online``: web tiles, needs a network). ``minimap``: an overview map.
    """

    basemap: str = "offline"
    minimap: bool = True

    def __post_init__(self) -> None:
        if self.basemap not in BASEMAPS:
            raise GeoError(
                f"basemap {self.basemap!r} is not known; accepted: {', '.join(BASEMAPS)}"
            )


def map_bounds(pres: LanePresentation) -> list[list[float]]:
    """What the map frames, as Leaflet's ``[[south, west], [north, east]]``:
    ``pres.extent`` when given (``(west, south, east, north)`` in the display window),
    else the routes, at least :data:`~geo.present.frame.MIN_FRAME_NM` each way."""
    if pres.extent is not None:
        return latlon_bounds(*pres.extent)
    return latlon_bounds(*lane_frame(pres.view))  # a short hop: at least 40 nm each way


def keep_clear(pres: LanePresentation) -> list[list[list[float]]]:
    """The lane's lines (``[lat, lon]`` paths, simplified) that must stay clear of the map's
    controls when it is framed (unless it shows a given extent: that is framed exactly),
    and that notes must not hide; none when neither the route nor its segments are drawn."""
    if not (pres.shows("route") or pres.shows("segments")):
        return []
    lines: list[list[list[float]]] = []
    for geom in pres.view.display_routes().geometry:
        lines.extend(latlon_lines(shapely.simplify(geom, KEEP_CLEAR_TOLERANCE_DEG)))
    return lines


def _seed(pres: LanePresentation, options: MapOptions, *extra: object) -> str:
    return "|".join(
        str(part)
        for part in (
            pres.title,
            pres.view.avoid,
            pres.layers,
            pres.label,
            pres.extent,
            options,
            *extra,
        )
    )


def build_map(pres: LanePresentation, options: MapOptions = MapOptions()) -> folium.Map:
    """The base map of ``pres`` (everything but the speed-dependent segments).

    The same presentation and options give byte-identical HTML/JS (stable element ids).
    Raises :class:`~geo.errors.GeoError` for an unknown basemap (at ``MapOptions``).
    """
    bounds = map_bounds(pres)
    online = options.basemap == "online"
    # offline: the land layer's limit, unless a short hop needs closer to show its lane (and
    # the same when online tiles fail and the land layer takes over)
    offline_max_zoom = max(OFFLINE_MAX_ZOOM, fit_zoom(pres.view))
    max_zoom = ONLINE_MAX_ZOOM if online else offline_max_zoom
    m = folium.Map(
        location=[
            round((bounds[0][0] + bounds[1][0]) / 2, 3),
            round((bounds[0][1] + bounds[1][1]) / 2, 3),
        ],
        zoom_start=2,
        zoom_snap=0.25,
        tiles=None,
        zoom_control=False,  # MapControls: the zoom buttons and scale bar in pres's language
        control_scale=False,
        world_copy_jump=False,
        prefer_canvas=False,
        scroll_wheel_zoom=False,  # LaneFrame turns it on once the user clicks into the map
    )
    MapControls(pres.tr).add_to(m)
    PageStyle(pres.palette).add_to(m)
    if pres.tr.chinese:  # the Chinese web font, served or embedded (webfont.py)
        CjkFontFace(webfont.WEB_FAMILY).add_to(m)
    land = layers.add_land(m, pres, show=not online)
    if online:
        tiles = folium.TileLayer(
            ONLINE_TILES_NAME,
            name="Online basemap (Esri World Light Gray)",
            control=False,
            max_zoom=ONLINE_MAX_ZOOM,
        )
        tiles.add_to(m)
        fallback = TileFallback(
            tiles, land, max_zoom=offline_max_zoom, message=pres.tr(TILE_FALLBACK_MESSAGE)
        )
        fallback.add_to(m)
    else:  # closer in than the 1:110m coast can be drawn: no land, and a note
        LandScale(land, min_span_nm=LAND_MIN_SPAN_NM, message=pres.tr(NO_LAND_NOTE)).add_to(m)
    if pres.shows("zones"):
        layers.add_zones(m, pres)
    lane_label = layers.add_route(m, pres) if pres.shows("route") else None
    ports = layers.add_ports(m, pres)
    add_measures(m, pres, ports)  # what is in place at the ports, beside their markers
    HtmlControl(popups.legend_html(pres), position="bottomleft", css_class="lane-legend").add_to(m)
    if pres.label:  # a note: never in the fit, put where it hides nothing
        MapNote(popups.custom_label_html(pres), css_class="custom-label").add_to(m)
    plugins.Fullscreen(
        position="topleft", title=pres.tr("Full Screen"), title_cancel=pres.tr("Exit Full Screen")
    ).add_to(m)
    NauticalMeasure(position="topleft", tr=pres.tr).add_to(m)
    if options.minimap:
        LandMiniMap(land_geojson(pres.view.window_west_deg, 1.0), pres.palette, pres.tr).add_to(m)
    LaneFrame(
        bounds,
        exact=pres.extent is not None,
        keep_clear=keep_clear(pres),
        keep_tolerance_deg=KEEP_CLEAR_TOLERANCE_DEG,
        ports=ports,
        lane_label=lane_label,
        lane_weight_px=pres.lane_weight_px + 4,
        max_zoom=max_zoom,
        wait_fonts=pres.tr.chinese,
    ).add_to(m)
    assets.stable_ids(m, seed=_seed(pres, options))
    return m


def segments_layer_for_app(pres: LanePresentation) -> folium.FeatureGroup:
    """The segments with ids stable for the view and speed (``st_folium``'s
    ``feature_group_to_add``)."""
    group = layers.segments_group(pres)
    assets.stable_ids(group, seed=f"seg|{pres.title}|{pres.view.speed_kn}|{pres.view.avoid}")
    return group


def layer_control() -> folium.LayerControl:
    """The layer switcher, top right, collapsed."""
    return folium.LayerControl(position="topright", collapsed=True)


def full_map(pres: LanePresentation, options: MapOptions = MapOptions()) -> folium.Map:
    """Base map plus segments (when ``segments`` is shown) and the layer control."""
    m = build_map(pres, options)
    if pres.shows("segments"):
        layers.segments_group(pres).add_to(m)
    layer_control().add_to(m)
    assets.stable_ids(m, seed=_seed(pres, options, "full", pres.view.speed_kn))
    return m


def standalone_html(pres: LanePresentation, options: MapOptions = MapOptions()) -> str:
    """One self-contained HTML document of the map, titled ``pres.title``: every script and
    stylesheet inlined, so it opens with no internet (except online tiles if chosen).
    Raises :class:`~geo.render.folium.assets.UnknownAssetError` for an asset with no local
    copy."""
    m = full_map(pres, options)
    HtmlControl(popups.figures_html(pres), position="topright", css_class="lane-figures").add_to(m)
    root = m.get_root()
    if not isinstance(root, Figure):  # pragma: no cover - folium always makes a Figure
        raise GeoError(f"the map has no page to title: {root!r}")
    root.title = esc(pres.title)
    return standalone.render_standalone_html(m)


__all__ = [
    "MapOptions",
    "build_map",
    "full_map",
    "keep_clear",
    "layer_control",
    "map_bounds",
    "segments_layer_for_app",
    "standalone_html",
]
