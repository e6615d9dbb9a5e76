"""Everything around the map: the header (corridor tag, title, subtitle), the panel with the
metrics box and the legend, and the footer (passages, assumptions, sources).

Every word comes from the :class:`~geo.present.model.LanePresentation`; this module only lays
it out. Positions are pixels from the page's bottom-left corner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from geo.present.items import LegendItem
from geo.present.wording import duration_words, nm_words, teu_words
from geo.render.static.badges import badge_key
from geo.render.static.lane import (
    LANE_WIDTH_PT,
    STRIPE_GAP_PT,
    STRIPE_WIDTH_PT,
    port_radius_pt,
)
from geo.render.static.layout import (
    DPI,
    PAGE,
    Box,
    Layout,
    add_text,
    fit_text,
    text_height,
    wrap_text,
)

if TYPE_CHECKING:
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import Figure
    from matplotlib.text import Text
    from matplotlib.typing import CapStyleType

    from geo.present.model import LanePresentation

#: container volumes (million TEU) of the legend's reference circles
REFERENCE_MTEU: tuple[float, ...] = (10.0, 50.0)
KEY_EDGE_PT = 1.1  # the reference circles' outline
KEY_TEXT_GAP_PX = 8.0  # between a reference circle's outline and its words (at 1920×1080)
KEY_NEXT_GAP_PX = 24.0  # between one reference's words and the next circle


def draw_header(fig: Figure, lay: Layout, renderer: RendererBase, pres: LanePresentation) -> float:
    """Corridor tag (when any), title and subtitle from the top-left; returns their bottom (px)."""
    pal = pres.palette
    x, y = lay.margin, lay.height_px - lay.px(24)
    max_w = lay.width_px - 2 * x
    if pres.corridor_tag:
        tag = add_text(
            fig,
            lay,
            x,
            y,
            pres.corridor_tag.upper(),
            11,
            color=pal.lane,
            fontweight="bold",
            ha="left",
            va="top",
            gid="corridor-tag",
        )
        fit_text(tag, renderer, max_w, lay.pt(10.5))
        y -= text_height(tag, renderer) + lay.px(8)
    title = add_text(
        fig,
        lay,
        x,
        y,
        pres.title,
        27,
        color=pal.ink,
        fontweight="bold",
        ha="left",
        va="top",
        gid="title",
    )
    wrap_text(title, renderer, max_w, 2, lay.pt(18))
    y -= text_height(title, renderer) + lay.px(10)
    sub = add_text(
        fig, lay, x, y, pres.subtitle, 15, color=pal.muted, ha="left", va="top", gid="subtitle"
    )
    wrap_text(sub, renderer, max_w, 2, lay.pt(11))
    return y - text_height(sub, renderer)


def draw_footer(fig: Figure, lay: Layout, renderer: RendererBase, pres: LanePresentation) -> float:
    """``pres.footer_lines()`` stacked upwards from the page bottom, under a hairline; every
    line wraps (sources up to five lines, smaller type first) rather than being cut. Returns
    the hairline's y (px)."""
    x0, x1 = lay.margin, lay.width_px - lay.margin
    y = lay.px(12)
    passages, assumptions, sources = pres.footer_lines()
    for content, size, colour, lines, gid in (
        (sources, 10.5, pres.palette.muted, 5, "footer-sources"),
        (assumptions, 11, pres.palette.ink, 4, "footer-assumptions"),
        (passages, 11, pres.palette.ink, 2, "footer-passages"),
    ):
        t = add_text(
            fig,
            lay,
            x0,
            y,
            content,
            size,
            color=colour,
            ha="left",
            va="bottom",
            linespacing=1.2,
            gid=gid,
        )
        wrap_text(t, renderer, x1 - x0, lines, lay.pt(8.6))
        y += text_height(t, renderer) + lay.px(5)
    y += lay.px(4)
    fig.add_artist(
        Line2D(
            [x0 / lay.width_px, x1 / lay.width_px],
            [y / lay.height_px] * 2,
            transform=fig.transFigure,
            color=pres.palette.rule,
            linewidth=lay.pt(0.8),
        )
    )
    return y


class _Cursor:
    """Stacks text and legend keys downwards inside a column (pixel coordinates)."""

    def __init__(
        self, fig: Figure, lay: Layout, renderer: RendererBase, x: float, y: float, width: float
    ) -> None:
        self.fig, self.lay, self.renderer = fig, lay, renderer
        self.x, self.y, self.width = x, y, width

    def text(
        self,
        content: str,
        size: float,
        colour: str,
        *,
        weight: str = "normal",
        indent: float = 0.0,
        gap: float = 4.0,
        max_lines: int = 2,
    ) -> Text:
        lay = self.lay
        t = add_text(
            self.fig,
            lay,
            self.x + indent,
            self.y,
            content,
            size,
            color=colour,
            fontweight=weight,
            ha="left",
            va="top",
            linespacing=1.2,
        )
        wrap_text(t, self.renderer, self.width - indent, max_lines, lay.pt(min(size, 10.5)))
        self.y -= text_height(t, self.renderer) + lay.px(gap)
        return t

    def line(
        self, colour: str, x0: float, x1: float, y: float, width_pt: float, cap: CapStyleType
    ) -> None:
        lay = self.lay
        self.fig.add_artist(
            Line2D(
                [x0 / lay.width_px, x1 / lay.width_px],
                [y / lay.height_px] * 2,
                transform=self.fig.transFigure,
                color=colour,
                linewidth=lay.pt(width_pt),
                solid_capstyle=cap,
            )
        )


def _draw_metrics(cur: _Cursor, pres: LanePresentation) -> None:
    pal = pres.palette
    cur.text(pres.tr("KEY FIGURES"), 10.5, pal.muted, weight="bold", gap=6)
    for m in pres.metrics:
        cur.text(m.label, 11, pal.muted, gap=1)
        cur.text(m.value, 18, pal.ink, weight="bold", gap=1)
        if m.note:
            cur.text(m.note, 10.5, pal.muted, gap=10)
        else:
            cur.y -= cur.lay.px(9)


def _zone_details(item: LegendItem, pres: LanePresentation) -> str:
    parts = []
    if item.distance_nm is not None:
        parts.append(nm_words(item.distance_nm, pres.tr))
    if item.duration_h is not None:
        parts.append(duration_words(item.duration_h, pres.tr))
    if item.note:
        parts.append(item.note)
    return " · ".join(parts)


def _key(cur: _Cursor, pres: LanePresentation, item: LegendItem, key_w: float) -> None:
    """The key drawn left of a legend row: the lane, the lane with a zone stripe, a tint."""
    lay, pal = cur.lay, pres.palette
    yc = cur.y - lay.px(11)
    x0, x1 = cur.x + 0.1 * key_w, cur.x + 0.9 * key_w
    if item.kind == "zone" and pres.shows("zones") and item.striped:
        h = lay.px(18)
        cur.fig.add_artist(
            Rectangle(
                (cur.x / lay.width_px, (yc - h / 2) / lay.height_px),
                key_w / lay.width_px,
                h / lay.height_px,
                transform=cur.fig.transFigure,
                facecolor=item.colour,
                alpha=0.16,
                edgecolor=item.colour,
                linewidth=lay.pt(0.7),
            )
        )
    on_lane = pres.shows("route")
    if item.kind == "lane" or (on_lane and item.kind == "zone"):
        cur.line(pal.lane, x0, x1, yc, LANE_WIDTH_PT, "round")
    if item.kind == "zone" and pres.shows("segments"):
        if on_lane and item.striped:
            cur.line(PAGE, x0, x1, yc, STRIPE_GAP_PT, "butt")
            cur.line(item.colour, x0, x1, yc, STRIPE_WIDTH_PT, "butt")
        elif not on_lane:
            cur.line(item.colour, x0, x1, yc, LANE_WIDTH_PT, "butt")


def _draw_port_key(cur: _Cursor, pres: LanePresentation, item: LegendItem, sized: bool) -> None:
    lay = cur.lay
    if sized:
        radii = [port_radius_pt(m * 1e6) * lay.scale / 72.0 * DPI for m in REFERENCE_MTEU]
        max_r = max(radii)
        edge = lay.pt(KEY_EDGE_PT) / 72.0 * DPI  # the outline's width, half of it outside
        x, top = cur.x, cur.y - lay.px(2)
        cy = top - max_r
        for mteu, r_px in zip(REFERENCE_MTEU, radii):
            cx = x + edge / 2 + r_px
            for face, alpha, line in ((item.colour, 0.22, "none"), ("none", 1.0, item.colour)):
                cur.fig.add_artist(
                    Line2D(
                        [cx / lay.width_px],
                        [cy / lay.height_px],
                        transform=cur.fig.transFigure,
                        linestyle="none",
                        marker="o",
                        markersize=2 * r_px / DPI * 72.0,
                        markerfacecolor=face,
                        markeredgecolor=line,
                        markeredgewidth=lay.pt(KEY_EDGE_PT),
                        alpha=alpha,
                    )
                )
            words = add_text(
                cur.fig,
                lay,
                cx + r_px + edge / 2 + lay.px(KEY_TEXT_GAP_PX),
                cy,
                teu_words(mteu * 1e6, pres.tr),
                11,
                color=pres.palette.muted,
                ha="left",
                va="center",
            )
            # measured: a Chinese "1000万标准箱" is wider than "10 M TEU"; the ink may start
            # left of the anchor (a glyph's bearing): keep the gap from the ink, not the anchor
            extent = words.get_window_extent(cur.renderer)
            short = cx + r_px + edge / 2 + lay.px(KEY_TEXT_GAP_PX) - float(extent.x0)
            if short > 0:
                words.set_x(words.get_position()[0] + short / lay.width_px)
            x = float(extent.x1) + max(short, 0.0) + lay.px(KEY_NEXT_GAP_PX)
        cur.y = top - 2 * max_r - lay.px(8)
    cur.text(item.label, 12, pres.palette.ink, gap=6)


def _draw_legend(cur: _Cursor, pres: LanePresentation, sized_ports: bool) -> None:
    if not pres.legend:
        return
    pal, lay = pres.palette, cur.lay
    cur.text(pres.tr("LEGEND"), 10.5, pal.muted, weight="bold", gap=6)
    key_w = lay.px(44)
    indent = key_w + lay.px(12)
    for item in pres.legend:
        if item.kind == "port":
            _draw_port_key(cur, pres, item, sized_ports)
            continue
        if item.kind == "measure":  # the ✓ badge, as drawn beside a port on the map
            badge_key(cur.fig, lay, cur.x + key_w / 2, cur.y - lay.px(10), item.colour)
            cur.text(item.label, 12, pal.ink, indent=indent, gap=2)  # the last row
            continue
        _key(cur, pres, item, key_w)
        details = _zone_details(item, pres) if item.kind == "zone" else ""
        cur.text(item.label, 12, pal.ink, indent=indent, gap=1 if details else 12)
        if details:
            cur.text(details, 10.5, pal.muted, indent=indent, gap=10)


def draw_panel(
    fig: Figure,
    lay: Layout,
    renderer: RendererBase,
    pres: LanePresentation,
    box_px: Box,
    sized_ports: bool,
) -> float:
    """The metrics box and the legend in ``box_px`` (side by side on tall pages); returns
    the lowest y (px) used, so the caller can shrink the panel until it fits."""
    px0, _, px1, py1 = box_px
    pad = lay.px(22)
    if lay.tall:
        half = (px1 - px0) / 2
        left = _Cursor(fig, lay, renderer, px0 + pad, py1 - pad, half - 2 * pad)
        _draw_metrics(left, pres)
        right = _Cursor(fig, lay, renderer, px0 + half + pad, py1 - pad, half - 2 * pad)
        _draw_legend(right, pres, sized_ports)
        return min(left.y, right.y)
    cur = _Cursor(fig, lay, renderer, px0 + pad, py1 - pad, px1 - px0 - 2 * pad)
    _draw_metrics(cur, pres)
    if pres.legend:
        cur.line(pres.palette.rule, px0 + pad, px1 - pad, cur.y + lay.px(4), 0.8, "butt")
        cur.y -= lay.px(14)
    _draw_legend(cur, pres, sized_ports)
    return cur.y
