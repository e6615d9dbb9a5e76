"""The folium map on the page: its arguments built once per map, drawn by the project's own
frame.

``st_folium`` renders the whole folium map to HTML and script on every run of the page
(0.25–0.6 s of server time per run on the project's machine, ≈ 190 Jinja2 templates compiled
each time), although the map only changes when the lane, the layers or the language do. Here
the same arguments are built by :func:`map_args` (the caller caches them: plain strings) and
:func:`mount` hands them to the frame, so a rerun costs one cache lookup.

The arguments are those of ``streamlit_folium.st_folium`` 0.27 (its private helpers build the
map's script, header and HTML); ``tests/test_map_component.py`` checks that they stay equal,
so an upgrade of streamlit-folium that changes them fails a test rather than the page. The
frame that draws them is ``lane_map/`` (see :data:`FRAME_TITLE`), not streamlit-folium's React
frontend: one small script that loads the map's bundle and runs the map, so a page load draws
the lane sooner (``BENCHMARKS.md``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import branca
import folium
import folium.elements
import streamlit.components.v1 as components
import streamlit_folium as sf

#: The folium map's reports the page reads: its bounds (the map's extent for the share link),
#: its zoom (how many degrees a pixel is, for :func:`geo.present.urlstate.shows_extent`) and
#: whether the user has moved it (a redrawn map keeps a view the user chose).
RETURNED = ("bounds", "zoom", "moved")


def _assets(m: folium.Map) -> tuple[list[str], list[str]]:
    """The stylesheet and script URLs of every element of ``m``, in order, without repeats
    (as ``st_folium`` collects them)."""

    def walk(element: Any) -> Iterator[Any]:
        if isinstance(element, folium.elements.JSCSSMixin):
            yield element
        for child in getattr(element, "_children", {}).values():
            yield from walk(child)

    css: list[str] = []
    js: list[str] = []
    for element in walk(m):
        if isinstance(element, branca.colormap.ColorMap):  # pragma: no cover - none drawn
            raise ValueError("a branca colormap makes st_folium load d3 from the internet")
        css.extend(href for _, href in getattr(element, "default_css", []))
        js.extend(src for _, src in getattr(element, "default_js", []))
    return list(dict.fromkeys(css)), list(dict.fromkeys(js))


def map_args(
    m: folium.Map,
    key: str,
    *,
    group: folium.FeatureGroup | None = None,
    control: folium.LayerControl | None = None,
    returned: tuple[str, ...] = RETURNED,
) -> dict[str, Any]:
    """The frontend's arguments for the folium map ``m`` under the widget ``key``: script,
    header, HTML, asset URLs, the initial report (``default``) and the frontend's key, plus the
    script of ``group`` (added after the map is drawn, as ``st_folium``'s
    ``feature_group_to_add``: it changes without a remount) and of the layer switcher
    ``control``. Plain strings, lists and dicts: cheap to cache.

    Renders (and so changes) ``m``: pass a map of its own.
    """
    m.get_root().render()
    m.render()
    html = sf._get_html(m)
    header = sf._get_header(m)
    script = sf._get_map_string(m)
    css, js = _assets(m)
    (south, west), (north, east) = m.get_bounds()
    default = {
        "bounds": {
            "_southWest": {"lat": south, "lng": west},
            "_northEast": {"lat": north, "lng": east},
        },
        "zoom": m.options.get("zoom"),
    }
    return {
        "script": script,
        "header": header,
        "html": html,
        "id": sf.get_full_id(m),
        "key": sf.generate_js_hash(script, key, False),
        "returned_objects": list(returned),
        "default": {k: v for k, v in default.items() if k in returned},
        "css_links": css,
        "js_links": js,
        "feature_group": sf._get_feature_group_string(group, map=m) if group else None,
        "layer_control": sf._get_layer_control_string(control, m) if control else None,
    }


#: The map's frame: ``lane_map/index.html`` and ``lane_map/lane_map.js``, the project's own
#: frontend for the arguments above (no framework: a page load draws the lane sooner than
#: streamlit-folium's React frontend, and the map reports its view only once it has framed
#: the lane, so a share link never carries the unframed view). The frame's title is
#: :data:`FRAME_TITLE`.
_frontend = components.declare_component("lane_map", path=str(Path(__file__).with_name("lane_map")))
FRAME_TITLE = "app_pages.map_component.lane_map"
#: The lane map's height (CSS px) where the window has room for it. The frame is shorter in a
#: shorter window, down to ``MIN_HEIGHT`` (240 px) in ``lane_map.js``: it ends at the fold.
LANE_MAP_HEIGHT_PX = 560


def mount(args: dict[str, Any], *, height: int) -> Any:
    """Mount the map of ``args`` (:func:`map_args`) at ``height`` px, the container's width,
    or shorter: the frame ends 16 px above the window's bottom edge (a laptop's window: the
    map, and the lane in it, above the fold), but is never under 240 px (the controls need
    it); a frame that starts with less than 120 px of the window below it (a phone, the
    figures stacked above the map) keeps ``height``. Again on each change of the window's
    size or of the page above the frame.

    Returns the map's last report: a dict of the ``returned_objects`` (``bounds`` as
    ``{"_southWest": {"lat", "lng"}, "_northEast": {...}}`` in degrees, ``zoom``, ``moved``:
    whether the user has pressed, dragged, zoomed or keyed in the map), or None until the
    map has framed the lane and reported it (never the unframed view, and never
    ``args["default"]``, the bounds of everything drawn, which is not a view)."""
    return _frontend(**{**args, "default": None}, height=height)
