"""The static slide of a lane view: PNG, SVG and PDF drawn with matplotlib.

Reads one :class:`~geo.present.model.LanePresentation` and nothing else. Modules by concern:
``projection`` (Mercator map units, graticule labels), ``layout`` (page boxes, literal text),
``basemap`` (frame, land, graticule, zones), ``lane`` (route, segments, ports in the frame),
``markers`` (port circles, spread apart where they would touch), ``labels`` (port names,
custom label, map note), ``panel`` (header, metrics, legend, footer), ``figure`` (the figure
and the files).
"""

from geo.render.static.figure import (
    RENDERER_NAME,
    STATIC_FORMATS,
    build_figure,
    render_static,
    render_static_bytes,
)
from geo.render.static.layout import (
    DEFAULT_HEIGHT_PX,
    DEFAULT_WIDTH_PX,
    MAX_SIDE_PX,
    MIN_SIDE_PX,
)

__all__ = [
    "DEFAULT_HEIGHT_PX",
    "DEFAULT_WIDTH_PX",
    "MAX_SIDE_PX",
    "MIN_SIDE_PX",
    "RENDERER_NAME",
    "STATIC_FORMATS",
    "build_figure",
    "render_static",
    "render_static_bytes",
]
