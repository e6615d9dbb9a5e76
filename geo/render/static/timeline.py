"""The optional corridor-progress slide: the milestones as a timeline.

Lays out :func:`geo.present.progress.timeline` in the lane slide's house style: the corridor
tag, title and subtitle top-left; one row per milestone down a vertical line (launch 2022 at
the top, the 2030 target and proposals at the bottom) with the date in words on the left, the
event and its short source on the right; past events a filled dot on a solid line, targets
and proposals a hollow dot on a dashed line; a footer with the note on dates, "Not for
navigation." and the sources. Every entry has a source (the loader rejects one without).
Computes nothing. SVG text stays text.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from matplotlib.lines import Line2D

from geo.present.progress import TimelineEntry, TimelineRowText, timeline, timeline_texts
from geo.render.static.layout import (
    DEFAULT_HEIGHT_PX,
    DEFAULT_WIDTH_PX,
    Layout,
    add_text,
    text_height,
    wrap_text,
)
from geo.render.static.panel import draw_header
from geo.render.static.slides import bytes_or_file, draw_footer_lines, figure_bytes, new_page

if TYPE_CHECKING:
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import Figure

    from geo.present.model import LanePresentation


def _line(
    fig: Figure, lay: Layout, x: float, ys: tuple[float, float], colour: str, dashed: bool
) -> None:
    fig.add_artist(
        Line2D(
            [x / lay.width_px] * 2,
            [ys[0] / lay.height_px, ys[1] / lay.height_px],
            transform=fig.transFigure,
            color=colour,
            linewidth=lay.pt(2.5),
            linestyle=(0, (4, 3)) if dashed else "-",
            zorder=1,
        )
    )


def _dot(fig: Figure, lay: Layout, x: float, y: float, colour: str, filled: bool) -> None:
    fig.add_artist(
        Line2D(
            [x / lay.width_px],
            [y / lay.height_px],
            transform=fig.transFigure,
            linestyle="none",
            marker="o",
            markersize=lay.pt(15),
            markerfacecolor=colour if filled else "white",
            markeredgecolor=colour,
            markeredgewidth=lay.pt(2.5),
            zorder=3,
        )
    )


def _draw_rows(
    fig: Figure,
    lay: Layout,
    renderer: RendererBase,
    pres: LanePresentation,
    entries: tuple[TimelineEntry, ...],
    texts: tuple[TimelineRowText, ...],
    top: float,
    bottom: float,
) -> None:
    pal = pres.palette
    x_line = lay.margin + lay.px(250)
    x_text = x_line + lay.px(34)
    text_w = lay.width_px - lay.margin - x_text
    top, bottom = top - lay.px(56), bottom + lay.px(44)
    step = (top - bottom) / max(len(entries) - 1, 1)
    ys = [top - i * step for i in range(len(entries))]
    for i in range(len(entries) - 1):
        _line(fig, lay, x_line, (ys[i], ys[i + 1]), pal.lane, dashed=not entries[i + 1].done)
    for entry, text, y in zip(entries, texts, ys):
        _dot(fig, lay, x_line, y, pal.lane, filled=entry.done)
        when = add_text(
            fig, lay, x_line - lay.px(26), y, text.when, 16, color=pal.ink,
            fontweight="bold", ha="right", va="center", gid="timeline-when",
        )  # fmt: skip
        wrap_text(when, renderer, x_line - lay.margin - lay.px(30), 2, lay.pt(12))
        event = add_text(
            fig, lay, x_text, y + lay.px(4), text.event, 15, color=pal.ink, ha="left",
            va="bottom", linespacing=1.15, gid="timeline-event",
        )  # fmt: skip
        wrap_text(event, renderer, text_w, 2, lay.pt(11.5))
        source = add_text(
            fig, lay, x_text, y - lay.px(2), text.cited, 11.5,
            color=pal.muted, ha="left", va="top", gid="timeline-source",
        )  # fmt: skip
        wrap_text(source, renderer, text_w, 1, lay.pt(10))
        if text_height(event, renderer) > step * 0.9:  # crowded (small pages): one line only
            wrap_text(event, renderer, text_w, 1, lay.pt(10))


def build_timeline_figure(
    pres: LanePresentation,
    *,
    width_px: int = DEFAULT_WIDTH_PX,
    height_px: int = DEFAULT_HEIGHT_PX,
) -> Figure:
    """The corridor-progress slide as a figure (Agg canvas); ``pres`` gives the palette and
    the corridor tag."""
    fig, lay, renderer = new_page(width_px, height_px)
    entries = timeline()
    texts = timeline_texts(entries, pres.tr)
    head = replace(pres, title=texts.title, subtitle=texts.subtitle)
    top = draw_header(fig, lay, renderer, head)
    pal = pres.palette
    bottom = draw_footer_lines(
        fig,
        lay,
        renderer,
        pal,
        [
            (texts.sources, 10.5, pal.muted, 3, "footer-sources"),
            (texts.note, 11, pal.ink, 2, "footer-assumptions"),
        ],
    )
    _draw_rows(fig, lay, renderer, pres, entries, texts.rows, top, bottom)
    return fig


def render_timeline_static(
    pres: LanePresentation,
    path_or_fmt: str | Path,
    *,
    width_px: int = DEFAULT_WIDTH_PX,
    height_px: int = DEFAULT_HEIGHT_PX,
) -> bytes | Path:
    """The corridor-progress slide: bytes when ``path_or_fmt`` is a format (``"png"``,
    ``"svg"``, ``"pdf"``), else written atomically to that path (``Path`` returned). Sizes in
    px (320–8192). Raises :class:`~geo.errors.ExportError` naming a bad format or size."""

    def make(fmt: str) -> bytes:
        fig = build_timeline_figure(pres, width_px=width_px, height_px=height_px)
        texts = timeline_texts(timeline(), pres.tr)
        return figure_bytes(fig, fmt, texts.title, texts.subtitle)

    return bytes_or_file(path_or_fmt, make)
