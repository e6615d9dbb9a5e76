"""The optional slides a snapshot can show instead of the lane map: the speed trade-off and
the corridor's timeline, both drawn by the static renderer as PNG, SVG or PDF."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

from geo.errors import ExportError

if TYPE_CHECKING:
    from geo.present.model import LanePresentation

#: Slides a PNG/SVG/PDF can show: the lane (map, default), the speed trade-off, the timeline.
SLIDES: Final[tuple[str, ...]] = ("lane", "tradeoff", "timeline")
SLIDE_FORMATS: Final[tuple[str, ...]] = ("png", "svg", "pdf")


def check_slide(slide: str, fmt: str, renderer: str) -> None:
    """Nothing for a known ``slide`` in a format (``png``…) and renderer that can draw it;
    else :class:`~geo.errors.ExportError` naming the value and what is accepted."""
    if slide not in SLIDES:
        raise ExportError(f"slide {slide!r} is not accepted; give one of {', '.join(SLIDES)}")
    if slide != "lane" and (fmt not in SLIDE_FORMATS or renderer == "browser"):
        raise ExportError(
            f"the {slide} slide is drawn by the static renderer as PNG, SVG or PDF, not "
            f"{fmt.upper()} by the {renderer} renderer"
        )


def write_slide(pres: LanePresentation, path: Path, slide: str, size: tuple[int, int]) -> str:
    """Draw the ``"tradeoff"`` or ``"timeline"`` slide of ``pres`` to ``path`` (its suffix
    gives the format; ``size`` is width, height in px); returns the renderer used."""
    from geo.render.static.timeline import render_timeline_static
    from geo.render.static.tradeoff import render_tradeoff_static

    draw = render_tradeoff_static if slide == "tradeoff" else render_timeline_static
    draw(pres, path, width_px=size[0], height_px=size[1])
    return "static"
