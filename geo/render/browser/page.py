"""The slide page the browser photographs: the standalone folium map inside the slide design
the static renderer shares (title band, map, side panel with metrics and legend, footer).

Everything shown comes from the :class:`~geo.present.model.LanePresentation`. The page is
one self-contained HTML document (every asset inlined): it loads nothing from the network.
"""

from __future__ import annotations

import re
from typing import Final

from markupsafe import Markup

from geo.errors import ExportError
from geo.present.frame import lane_frame
from geo.present.model import LanePresentation
from geo.render.folium import mapping
from geo.render.folium.coords import latlon_bounds
from geo.render.templating import render

_PACKAGE: Final[str] = "geo.render.browser"
#: The fit never zooms in further than this; a short hop is framed on the model's least frame
#: (:func:`geo.present.frame.lane_frame`, ≥ 40 nm each way), which stays above it.
MAX_FIT_ZOOM: Final[float] = 12.0
#: Width / height below which the panel goes under the map (as on the static slide).
TALL_RATIO: Final[float] = 1.25

_MAP_ID_RE: Final[re.Pattern[str]] = re.compile(r'<div class="folium-map" id="(map_[0-9a-f]+)"')
_PARTS_RE: Final[re.Pattern[str]] = re.compile(
    r"<head>(?P<head>.*)</head>\s*<body>(?P<body>.*)</body>(?P<script>.*)</html>", re.S
)


def layout(css_w: float, css_h: float) -> tuple[bool, float]:
    """``(tall, unit)`` for a CSS viewport: tall pages put the panel under the map; ``unit``
    scales every length (1.0 on 1920×1080, as the static slide: ``min(h/1080, w/1440)``
    when wide, ``min(w/1080, h/1350)`` when tall)."""
    tall = css_w / css_h < TALL_RATIO
    unit = min(css_w / 1080.0, css_h / 1350.0) if tall else min(css_h / 1080.0, css_w / 1440.0)
    return tall, round(max(0.3, unit), 4)


def _map_parts(html: str) -> tuple[str, str, str, str]:
    """folium's page split into ``(map variable, head, body, trailing script)``."""
    found = _MAP_ID_RE.search(html)
    parts = _PARTS_RE.search(html)
    if found is None or parts is None:  # pragma: no cover - folium changed its markup
        raise ExportError("the map page has no folium map element; cannot build the snapshot")
    head = re.sub(r"<title>.*?</title>", "", parts["head"], count=1, flags=re.S)
    return found.group(1), head, parts["body"], parts["script"]


def snapshot_page_html(
    pres: LanePresentation, *, width_px: int = 1920, height_px: int = 1080, scale: float = 1.0
) -> str:
    """The slide page of ``pres`` for a ``width_px/scale × height_px/scale`` CSS viewport.

    Shows ``pres.title``, ``pres.subtitle``, ``pres.corridor_tag``, the map (the layers in
    ``pres.layers``; framed on ``pres.extent`` when given, else on the lane), ``pres.label``,
    every row of ``pres.metrics``, ``pres.legend`` and ``pres.footer_lines()``. Every text is
    escaped. Raises :class:`~geo.errors.ExportError` if the map page cannot be built.
    """
    css_w, css_h = width_px / scale, height_px / scale
    tall, unit = layout(css_w, css_h)
    map_name, head, body, script = _map_parts(
        mapping.standalone_html(pres, mapping.MapOptions(minimap=False))
    )
    css = render(_PACKAGE, "slide.css", u=unit, pal=pres.palette)
    extent = latlon_bounds(*pres.extent) if pres.extent is not None else None
    least = latlon_bounds(*lane_frame(pres.view)) if extent is None else None
    fit_js = render(
        _PACKAGE,
        "fit.js",
        map_name=map_name,
        extent=extent,
        least=least,
        max_zoom=MAX_FIT_ZOOM,
        unit=unit,
    )
    return render(
        _PACKAGE,
        "slide.html",
        pres=pres,
        tall=tall,
        footer=pres.footer_lines(),
        css=Markup(css),
        fit_js=Markup(fit_js),
        map_head=Markup(head),
        map_body=Markup(body),
        map_script=Markup(script),
    )
