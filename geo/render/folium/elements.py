"""The map's own elements (folium ``MacroElement``\\ s); their JS and CSS live in
``templates/`` and take only numbers, checked colours and JSON."""

from __future__ import annotations

from typing import Any

import folium
from branca.element import MacroElement
from folium import plugins
from folium.elements import JSCSSMixin

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


class LandMiniMap(JSCSSMixin):
    """leaflet-minimap over a coarse land outline (a GeoJSON Feature, ``(lon, lat)``); no
    tiles, so it works offline."""

    _template = template(_PACKAGE, "minimap.js")
    default_js = plugins.MiniMap.default_js
    default_css = plugins.MiniMap.default_css

    def __init__(self, land_geojson: dict[str, Any], palette: Palette) -> None:
        super().__init__()
        self._name = "LandMiniMap"
        self.land = land_geojson
        self.edge = palette.land_edge
        self.fill = palette.land
        self.lane = palette.lane


class FitOnLoad(MacroElement):
    """Fit ``bounds`` (Leaflet's ``[[south, west], [north, east]]``) once the map has its
    real size, and again while the page settles in the first five seconds."""

    _template = template(_PACKAGE, "fit_on_load.js")

    def __init__(self, bounds: list[list[float]]) -> None:
        super().__init__()
        self._name = "FitOnLoad"
        self.bounds = bounds


class KeepOnTop(MacroElement):
    """Keep ``group``'s vectors above layers added later (st_folium adds the segments last),
    so a click on a port opens its popup instead of hitting the lane."""

    _template = template(_PACKAGE, "keep_on_top.js")

    def __init__(self, group: folium.FeatureGroup) -> None:
        super().__init__()
        self._name = "KeepOnTop"
        self.group = group
