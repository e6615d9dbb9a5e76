"""The slide's page: pixel sizes, the boxes of map and panel, and literal text.

Pixels have their origin at the bottom-left (as matplotlib's figure coordinates). Sizes are
given for a 1920×1080 page and multiplied by :attr:`Layout.scale` for other pages. Every text
is drawn through :func:`add_text`, which takes it literally: control characters dropped
(:func:`geo.present.text.plain`), ``$`` never starts math (``parse_math=False``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import numpy as np

from geo.errors import ExportError
from geo.present.text import plain
from geo.render.static.fonts import LATIN_FAMILY, family_for
from geo.render.static.linebreak import wrap_lines

if TYPE_CHECKING:
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import Figure
    from matplotlib.text import Text

DPI: Final[float] = 100.0
FONT_FAMILY: Final[str] = LATIN_FAMILY
PAGE: Final[str] = "#ffffff"
DEFAULT_WIDTH_PX: Final[int] = 1920
DEFAULT_HEIGHT_PX: Final[int] = 1080
MIN_SIDE_PX: Final[int] = 320
MAX_SIDE_PX: Final[int] = 8192
_MAX_TEXT_CHARS: Final[int] = 4000

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in px


def check_size(width_px: object, height_px: object) -> tuple[int, int]:
    """``(width_px, height_px)`` as ints, or :class:`~geo.errors.ExportError` naming the value
    when one is not a whole number from :data:`MIN_SIDE_PX` to :data:`MAX_SIDE_PX`."""
    out = []
    for name, value in (("width", width_px), ("height", height_px)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise ExportError(
                f"snapshot {name} {value!r} is not a whole number of pixels; accepted: "
                f"{MIN_SIDE_PX} to {MAX_SIDE_PX}"
            )
        if not MIN_SIDE_PX <= int(value) <= MAX_SIDE_PX:
            raise ExportError(
                f"snapshot {name} {value} px is out of range; accepted: {MIN_SIDE_PX} to "
                f"{MAX_SIDE_PX} px"
            )
        out.append(int(value))
    return out[0], out[1]


@dataclass(frozen=True)
class Layout:
    """A page of ``width_px × height_px``; ``tall`` pages put the panel under the map."""

    width_px: int
    height_px: int
    scale: float  # 1.0 at 1920×1080; font sizes and line widths are multiplied by it
    tall: bool

    @property
    def margin(self) -> float:
        return 36 * self.scale

    def px(self, value: float) -> float:
        """A length in px (given for 1920×1080) scaled to this page."""
        return value * self.scale

    pt = px  # point sizes scale the same way

    def fig_rect(self, bx: Box) -> tuple[float, float, float, float]:
        """A pixel box as matplotlib's ``(left, bottom, width, height)`` figure fractions."""
        x0, y0, x1, y1 = bx
        w, h = float(self.width_px), float(self.height_px)
        return (x0 / w, y0 / h, (x1 - x0) / w, (y1 - y0) / h)

    def body(self, top: float, bottom: float) -> tuple[Box, Box]:
        """``(map_box, panel_box)`` between the header's bottom ``top`` and the footer's top
        ``bottom`` (px). The map box leaves room for tick labels left and below."""
        s, m, w = self.scale, self.margin, float(self.width_px)
        tick_left, tick_bottom = 56 * s, 30 * s
        top -= 14 * s
        bottom += 14 * s
        if self.tall:
            panel_h = min(380 * s, 0.42 * (top - bottom))
            panel = (m, bottom, w - m, bottom + panel_h)
            map_box = (m + tick_left, panel[3] + 24 * s + tick_bottom, w - m, top)
        else:
            panel = (w - m - 430 * s, bottom, w - m, top)
            map_box = (m + tick_left, bottom + tick_bottom, panel[0] - 30 * s, top)
        return map_box, panel


def make_layout(width_px: int, height_px: int) -> Layout:
    """The layout of a ``width_px × height_px`` page (sizes already checked)."""
    w, h = float(width_px), float(height_px)
    tall = w / h < 1.25
    scale = min(w / 1080.0, h / 1350.0) if tall else min(h / 1080.0, w / 1440.0)
    return Layout(width_px=width_px, height_px=height_px, scale=scale, tall=tall)


def literal(text: object) -> str:
    """``text`` as it is drawn: each line through :func:`geo.present.text.plain`."""
    return "\n".join(plain(line, _MAX_TEXT_CHARS) for line in str(text).split("\n"))


def add_text(
    fig: Figure, lay: Layout, x_px: float, y_px: float, content: str, size: float, **kw: Any
) -> Text:
    """A literal figure text at ``(x_px, y_px)`` with font ``size`` (pt at 1920×1080); Chinese
    text falls back to the CJK font glyph by glyph (:func:`~geo.render.static.fonts.family_for`)."""
    text = literal(content)
    kw.setdefault("fontfamily", family_for(text))
    return fig.text(
        x_px / lay.width_px,
        y_px / lay.height_px,
        text,
        fontsize=lay.pt(size),
        parse_math=False,
        **kw,
    )


def text_height(text: Text, renderer: RendererBase) -> float:
    return float(text.get_window_extent(renderer).height)


def _width(text: Text, renderer: RendererBase) -> float:
    return float(text.get_window_extent(renderer).width)


def fit_text(text: Text, renderer: RendererBase, max_width_px: float, min_size: float) -> None:
    """Shrink the font of ``text`` down to ``min_size``, then cut it with an ellipsis."""
    while _width(text, renderer) > max_width_px and float(text.get_fontsize()) > min_size:
        text.set_fontsize(max(min_size, float(text.get_fontsize()) * 0.94))
    original = text.get_text()
    if _width(text, renderer) <= max_width_px:
        return
    lo, hi = 1, len(original)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        text.set_text(original[:mid].rstrip() + "…")
        if _width(text, renderer) <= max_width_px:
            lo = mid
        else:
            hi = mid - 1
    text.set_text(original[:lo].rstrip() + "…")


def _wrap(content: str, width: int, force: bool) -> list[str]:
    """``content`` in lines of about ``width`` characters, broken only between words, never
    inside a number with its unit or a Chinese name (:mod:`geo.render.static.linebreak`)."""
    return wrap_lines(content, width, force)


def wrap_text(
    text: Text, renderer: RendererBase, max_width_px: float, max_lines: int, min_size: float
) -> None:
    """Wrap the content of ``text`` into at most ``max_lines`` lines of ``max_width_px``,
    shrinking the font towards ``min_size`` before anything is cut."""
    content = text.get_text()
    while True:
        if _width(text, renderer) <= max_width_px:
            return
        chars_per_px = len(content) / max(_width(text, renderer), 1.0)
        width = max(12, int(max_width_px * chars_per_px * 1.05))
        while width >= 12:
            lines = _wrap(content, width, force=False)
            text.set_text("\n".join(lines))
            if len(lines) > max_lines:
                break
            if _width(text, renderer) <= max_width_px:
                return
            width -= 2
        size = float(text.get_fontsize())
        if size <= min_size:
            break
        text.set_fontsize(max(min_size, size * 0.94))
        text.set_text(content)
    lines = _wrap(content, max(width, 12), force=True)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1].rstrip(" ;,") + " …"]
    text.set_text("\n".join(lines))
    if _width(text, renderer) > max_width_px:
        fit_text(text, renderer, max_width_px, min_size)
