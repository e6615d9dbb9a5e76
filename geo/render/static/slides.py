"""Shared pieces of the optional slides (speed trade-off, corridor timeline): the page, the
footer, and writing PNG/SVG/PDF bytes or files in the lane slide's house style.

Pixels have their origin at the bottom-left; sizes are given for 1920×1080 and scaled by
:class:`~geo.render.static.layout.Layout`. Text is literal (:func:`layout.add_text`) and SVG
text stays text (the rcParams set by :mod:`geo.render.static.figure`).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from geo.errors import ExportError
from geo.fileio import atomic_output
from geo.present.items import Palette
from geo.render.static.figure import STATIC_FORMATS, _ensure_svg_rc
from geo.render.static.fonts import savefig
from geo.render.static.layout import DPI, PAGE, Layout, add_text, check_size, make_layout
from geo.render.static.layout import text_height as _text_height
from geo.render.static.layout import wrap_text as _wrap_text

#: A footer line: (text, font size pt at 1920×1080, colour, max lines, SVG id).
FooterLine = tuple[str, float, str, int, str]


def new_page(width_px: object, height_px: object) -> tuple[Figure, Layout, RendererBase]:
    """A blank ``width_px × height_px`` page (Agg canvas) and its layout; raises
    :class:`~geo.errors.ExportError` naming a bad size."""
    width, height = check_size(width_px, height_px)
    lay = make_layout(width, height)
    fig = Figure(figsize=(width / DPI, height / DPI), dpi=DPI, facecolor=PAGE)
    return fig, lay, FigureCanvasAgg(fig).get_renderer()


def draw_footer_lines(
    fig: Figure, lay: Layout, renderer: RendererBase, pal: Palette, lines: Sequence[FooterLine]
) -> float:
    """``lines`` stacked upwards from the page bottom (the last one on top), each wrapped,
    under a hairline; returns the hairline's y (px)."""
    x0, x1 = lay.margin, lay.width_px - lay.margin
    y = lay.px(12)
    for content, size, colour, max_lines, gid in lines:
        t = add_text(
            fig, lay, x0, y, content, size, color=colour, ha="left", va="bottom",
            linespacing=1.2, gid=gid,
        )  # fmt: skip
        _wrap_text(t, renderer, x1 - x0, max_lines, lay.pt(10.2))
        y += _text_height(t, renderer) + lay.px(5)
    y += lay.px(4)
    fig.add_artist(
        Line2D(
            [x0 / lay.width_px, x1 / lay.width_px],
            [y / lay.height_px] * 2,
            transform=fig.transFigure,
            color=pal.rule,
            linewidth=lay.pt(0.8),
        )
    )
    return y


def _format(fmt: str) -> str:
    key = str(fmt).lower().lstrip(".")
    if f".{key}" not in STATIC_FORMATS:
        raise ExportError(
            f"slide format {fmt!r} is not supported; accepted: {', '.join(sorted(STATIC_FORMATS))}"
        )
    return key


def figure_bytes(fig: Figure, fmt: str, title: str, description: str) -> bytes:
    """``fig`` as ``png``/``svg``/``pdf`` bytes with deterministic metadata."""
    key = _format(fmt)
    creator = "pacific-lane (matplotlib)"
    meta: dict[str, Any]
    if key == "png":
        meta = {"Title": title, "Description": description, "Software": creator}
    elif key == "svg":
        _ensure_svg_rc()
        meta = {"Title": title, "Description": description, "Date": None, "Creator": creator}
    else:
        meta = {
            "Title": title, "Subject": description, "Creator": creator, "Producer": creator,
            "CreationDate": None, "ModDate": None,
        }  # fmt: skip
    buf = io.BytesIO()
    savefig(fig, buf, key, dpi=DPI, facecolor=PAGE, metadata=meta)
    return buf.getvalue()


def bytes_or_file(path_or_fmt: str | Path, make: Callable[[str], bytes]) -> bytes | Path:
    """``make(fmt)`` as bytes when ``path_or_fmt`` is a format (``"svg"``, ``".png"``);
    written atomically to the file when it is a path (format from its suffix), returning the
    :class:`Path`. Raises :class:`~geo.errors.ExportError` for another format or suffix."""
    text = str(path_or_fmt)
    if not isinstance(path_or_fmt, Path) and f".{text.lower().lstrip('.')}" in STATIC_FORMATS:
        return make(text)
    path = Path(path_or_fmt)
    if path.suffix.lower() not in STATIC_FORMATS:
        raise ExportError(
            f"cannot render {path.name!r}: slides are written as "
            f"{', '.join(sorted(STATIC_FORMATS))}"
        )
    data = make(path.suffix)
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)
    return path
