"""The map's own elements (folium ``MacroElement``\\ s); their JS and CSS live in
``templates/`` and take only numbers, checked colours and JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import folium
from branca.element import MacroElement
from folium import plugins
from folium.elements import JSCSSMixin

from geo.i18n import ENGLISH, N_, Translator
from geo.present.model import Palette
from geo.render.templating import template

_PACKAGE = "geo.render.folium"


class PageStyle(MacroElement):
    """Calm look: pale sea, readable labels, legend box, in the palette's colours."""

    _template = template(_PACKAGE, "page_style.css")

    def __init__(self, palette: Palette) -> None:
        super().__init__()
        self._name = "PageStyle"
        self.sea = palette.sea
        self.port = palette.port
        self.lane = palette.lane
        self.ink = palette.ink
        self.muted = palette.muted


class MapNote(MacroElement):
    """A note floating on the map (the user's label): ``html``, which must come from an
    autoescaped template (see :mod:`geo.render.folium.popups`), in a box of class
    ``css_class`` that wraps within a bounded width. It is not a control: the map's frame
    ignores it, and :class:`LaneFrame` puts it where it hides nothing (``frame_notes.js``)."""

    _template = template(_PACKAGE, "map_note.js")

    def __init__(self, html: str, *, css_class: str) -> None:
        super().__init__()
        self._name = "MapNote"
        self.html = html
        self.css_class = css_class


class HtmlControl(MacroElement):
    """A Leaflet control at ``position`` (``topright``, ``bottomleft`` …) holding ``html``,
    which must come from an autoescaped template (see :mod:`geo.render.folium.popups`)."""

    _template = template(_PACKAGE, "html_control.js")

    def __init__(self, html: str, *, position: str, css_class: str) -> None:
        super().__init__()
        self._name = "HtmlControl"
        self.html = html
        self.position = position
        self.css_class = css_class


#: The words of the map's own controls (Leaflet and its plugins), translated with ``tr``.
ZOOM_IN: Final[str] = N_("Zoom in")
ZOOM_OUT: Final[str] = N_("Zoom out")
LAYERS: Final[str] = N_("Layers")
#: the title of the Leaflet link in the attribution (Leaflet's own English words)
LEAFLET_TITLE: Final[str] = N_("A JavaScript library for interactive maps")
HIDE_MINIMAP: Final[str] = N_("Hide MiniMap")
SHOW_MINIMAP: Final[str] = N_("Show MiniMap")
NAUTICAL_MILES: Final[str] = N_("nm")
SQUARE_KILOMETRES: Final[str] = N_("km²")
KILOMETRES: Final[str] = N_("km")
METRES: Final[str] = N_("m")
#: leaflet-measure's own locale for each of our languages (its ``localization`` option).
MEASURE_LOCALE: Final[dict[str, str]] = {"en": "en", "zh": "cn"}


class MapControls(MacroElement):
    """Leaflet's zoom buttons and scale bar, and the layers control's title, in ``tr``'s
    language (add it first, so the zoom buttons stay at the top left; build the map with
    ``zoom_control=False, control_scale=False``). In Chinese the scale bar is metric only,
    its units in Chinese; in English it is Leaflet's default (metric and imperial)."""

    _template = template(_PACKAGE, "map_controls.js")

    def __init__(self, tr: Translator = ENGLISH) -> None:
        super().__init__()
        self._name = "MapControls"
        self.zoom_in = tr(ZOOM_IN)
        self.zoom_out = tr(ZOOM_OUT)
        self.layers_title = tr(LAYERS)
        self.leaflet_title = tr(LEAFLET_TITLE)
        self.imperial = not tr.chinese
        self.units = {"km": tr(KILOMETRES), "m": tr(METRES)} if tr.chinese else {}


class LandMiniMap(JSCSSMixin):
    """leaflet-minimap over a coarse land outline (a GeoJSON Feature, ``(lon, lat)``); no
    tiles, so it works offline."""

    _template = template(_PACKAGE, "minimap.js")
    default_js = plugins.MiniMap.default_js
    default_css = plugins.MiniMap.default_css

    def __init__(
        self, land_geojson: dict[str, Any], palette: Palette, tr: Translator = ENGLISH
    ) -> None:
        super().__init__()
        self._name = "LandMiniMap"
        self.strings = {"hideText": tr(HIDE_MINIMAP), "showText": tr(SHOW_MINIMAP)}
        self.land = land_geojson
        self.edge = palette.land_edge
        self.fill = palette.land
        self.lane = palette.lane


@dataclass(frozen=True)
class PortMark:
    """One port on the map: its marker (layer ``ports``) and its name (layer ``labels``),
    either of which may be absent, the marker's radius in pixels and the port's id."""

    marker: folium.CircleMarker | None
    label: folium.CircleMarker | None
    radius_px: float
    port: str = ""


class LaneFrame(MacroElement):
    """Frame the lane and keep the map calm, in the browser (``templates/lane_frame.js``).

    * Once the page's stylesheets are in and the map has its size: re-place the port names
      (a permanent tooltip measured before Leaflet's CSS arrived sits half a map away), then
      fit ``bounds`` (Leaflet's ``[[south, west], [north, east]]``). With ``exact`` (a shared
      extent) that is all; otherwise the padding is chosen from the controls' real sizes so
      that ``keep_clear`` (the lane's lines as ``[lat, lon]`` paths, simplified within
      ``keep_tolerance_deg``), the ports, their names and the lane label stay clear of every
      control (legend, zoom, minimap …).
    * Markers closer than their radii are spread apart with a leader line to the true place,
      at every zoom, so Los Angeles and Long Beach are both visible and clickable; each name
      sits on the side of its marker where it overlaps no other name or marker and stays
      inside the map (the builder's side first).
    * Popups wrap and stay inside the map, clear of every control: their width and height are
      bounded by the largest part of the map beside the controls (they scroll beyond it),
      and they pan into that part as they open.
    * Notes (:class:`MapNote`, the tile fallback's message) are left out of the fit and put
      where they hide nothing of the lane, the ports, their names or the controls.
    * The wheel zooms only after a click into the map, and stops when the pointer leaves.
    * Fullscreen (and a resize before the user moved the map) refits, and so does a fallback
      from online tiles to the land layer (``lanefallback``, with the land layer's zoom limit).
    * Sets ``data-lane-ready`` on the page's root element after each fit (tests wait on it).
    * With ``wait_fonts`` (a Chinese map, whose web font arrives after the first fit) the
      names are measured again and the map refitted once ``document.fonts`` is ready.
    """

    _template = template(_PACKAGE, "lane_frame.js")

    def __init__(
        self,
        bounds: list[list[float]],
        *,
        exact: bool,
        keep_clear: list[list[list[float]]],
        keep_tolerance_deg: float,
        ports: list[PortMark],
        lane_label: folium.Marker | None,
        lane_weight_px: float,
        max_zoom: float,
        wait_fonts: bool = False,
    ) -> None:
        super().__init__()
        self._name = "LaneFrame"
        self.wait_fonts = wait_fonts
        self.bounds = bounds
        self.exact = exact
        self.keep_clear = keep_clear
        self.keep_tolerance_deg = keep_tolerance_deg
        self.ports = ports
        self.lane_label = lane_label
        self.lane_weight_px = lane_weight_px
        self.max_zoom = max_zoom


class NauticalMeasure(JSCSSMixin):
    """leaflet-measure reading nautical miles (then kilometres) and km², with the measured
    point's longitude shown within ±180° (the map's Pacific window runs past 180°). Its words
    come from the plugin's own locale for ``tr``'s language (``localization``), the units'
    names from ``tr``."""

    _template = template(_PACKAGE, "measure_nm.js")
    default_js = plugins.MeasureControl.default_js
    default_css = plugins.MeasureControl.default_css

    def __init__(self, *, position: str = "topleft", tr: Translator = ENGLISH) -> None:
        super().__init__()
        self._name = "NauticalMeasure"
        self.position = position
        self.localization = MEASURE_LOCALE.get(tr.lang, "en")
        self.nm = tr(NAUTICAL_MILES)
        self.km2 = tr(SQUARE_KILOMETRES)


class TileFallback(MacroElement):
    """When the online tiles fail (no network), show ``land`` (the offline layer, already in
    the page but not on the map), cap the zoom at ``max_zoom`` (the offline map's limit) and
    say so in ``message``, a note placed by :class:`LaneFrame`, which also refits as the
    offline map does."""

    _template = template(_PACKAGE, "tile_fallback.js")

    def __init__(
        self, tiles: folium.TileLayer, land: folium.FeatureGroup, *, max_zoom: float, message: str
    ) -> None:
        super().__init__()
        self._name = "TileFallback"
        self.tiles = tiles
        self.land = land
        self.max_zoom = max_zoom
        self.message = message


class LandScale(MacroElement):
    """Takes ``land`` (the offline land layer) off the map while the view's shorter side spans
    less than ``min_span_nm`` nautical miles, where its 1:110m coasts would put a short hop on
    land, and says so in ``message``, a note placed by :class:`LaneFrame`; puts it back when
    the user zooms out."""

    _template = template(_PACKAGE, "land_scale.js")

    def __init__(self, land: folium.FeatureGroup, *, min_span_nm: float, message: str) -> None:
        super().__init__()
        self._name = "LandScale"
        self.land = land
        self.min_span_nm = min_span_nm
        self.message = message


class KeepOnTop(MacroElement):
    """Keep ``group``'s vectors above layers added later (st_folium adds the segments last),
    so a click on a port opens its popup instead of hitting the lane."""

    _template = template(_PACKAGE, "keep_on_top.js")

    def __init__(self, group: folium.FeatureGroup) -> None:
        super().__init__()
        self._name = "KeepOnTop"
        self.group = group


class CjkFontFace(MacroElement):
    """The map's Chinese font: ``@font-face`` rules for the web-font subset of Noto Sans CJK
    SC (:mod:`geo.render.folium.webfont`), used for CJK characters only (``unicode-range``),
    and the map's text set to use it first. ``faces`` holds ``{"weight", "url", "local"}``;
    a face's ``url`` is filled by :func:`~geo.render.folium.assets.localise_for_streamlit`
    (a served file) or the standalone page (a ``data:`` URI); without one the browser looks
    for the installed font by name, else its own fallback draws the Chinese."""

    _template = template(_PACKAGE, "cjk_font.css")

    def __init__(self, family: str) -> None:
        super().__init__()
        self._name = "CjkFontFace"
        self.family = family
        self.faces: list[dict[str, object]] = [
            {"weight": 400, "url": "", "local": "Noto Sans CJK SC"},
            {"weight": 700, "url": "", "local": "Noto Sans CJK SC Bold"},
        ]

    def set_urls(self, urls: dict[int, str]) -> None:
        """Point each face (by CSS weight) at ``urls[weight]`` (a face not named keeps none)."""
        for face in self.faces:
            face["url"] = urls.get(int(str(face["weight"])), "")
