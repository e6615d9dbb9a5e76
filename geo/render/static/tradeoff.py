"""The optional speed trade-off slide: days at sea and CO₂ per voyage against speed.

Lays out :func:`geo.present.tradeoff.speed_tradeoff` of the presentation's view in the lane
slide's house style: title and subtitle top-left, the two charts (days at sea; CO₂ per voyage,
tank-to-wake solid and well-to-wake dashed where sourced) side by side as the main element,
the chosen speed ringed and labelled on both, and a footer with the assumptions, "Not for
navigation." and the sources. Computes no figure. SVG text stays text.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from matplotlib.axes import Axes

from geo.present.tradeoff import TTW_ONLY, SpeedTradeoff, speed_tradeoff
from geo.render.static.fonts import family_for
from geo.render.static.layout import DEFAULT_HEIGHT_PX, DEFAULT_WIDTH_PX, FONT_FAMILY, Layout
from geo.render.static.panel import draw_header
from geo.render.static.slides import bytes_or_file, draw_footer_lines, figure_bytes, new_page

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from geo.present.model import LanePresentation

WTW_COLOUR = "#0072B2"  # Okabe–Ito blue, beside the teal lane colour


def _style_axes(ax: Axes, lay: Layout, pres: LanePresentation, ylabel: str) -> None:
    pal = pres.palette
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(pal.rule)
        ax.spines[side].set_linewidth(lay.pt(0.8))
    ax.tick_params(colors=pal.muted, labelsize=lay.pt(12), length=lay.px(4))
    for label in (*ax.get_xticklabels(), *ax.get_yticklabels()):
        label.set_fontfamily(FONT_FAMILY)
    ax.grid(axis="y", color="#eceef0", linewidth=lay.pt(0.8))
    ax.set_axisbelow(True)
    xlabel = pres.tr("Speed (kn)")
    ax.set_xlabel(
        xlabel, fontsize=lay.pt(13), color=pal.ink, parse_math=False, fontfamily=family_for(xlabel)
    )
    ax.set_title(
        ylabel, loc="left", fontsize=lay.pt(15), color=pal.ink, fontweight="bold",
        parse_math=False, pad=lay.px(12), fontfamily=family_for(ylabel),
    )  # fmt: skip


def _mark(
    ax: Axes, lay: Layout, pres: LanePresentation, x: float, y: float, text: str, *, above: bool
) -> None:
    """The chosen speed: a hairline, a ringed dot and its value (``above`` or below the dot,
    on the side the curve leaves free)."""
    pal = pres.palette
    ax.axvline(x, color=pal.muted, linewidth=lay.pt(1), linestyle=(0, (2, 3)), zorder=1)
    ax.plot(
        [x], [y], marker="o", markersize=lay.pt(11), color=pal.lane,
        markeredgecolor="white", markeredgewidth=lay.pt(2), zorder=4,
    )  # fmt: skip
    ax.annotate(
        text, (x, y), xytext=(lay.px(10), lay.px(8) if above else -lay.px(8)),
        textcoords="offset pixels", fontsize=lay.pt(13), color=pal.ink, fontweight="bold",
        ha="left", va="bottom" if above else "top",
        fontfamily=family_for(text), parse_math=False, zorder=5,
        bbox={"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": "none"},
    )  # fmt: skip


def _draw_charts(
    fig: Figure, lay: Layout, pres: LanePresentation, t: SpeedTradeoff, top: float, bottom: float
) -> None:
    pal = pres.palette
    speeds = [r.speed_kn for r in t.rows]
    cur = t.current()
    gap, left = lay.px(110), lay.margin + lay.px(70)
    y0, y1 = bottom + lay.px(70), top - lay.px(60)
    width = (lay.width_px - lay.margin - left - gap) / 2
    boxes = [(left, y0, left + width, y1), (left + width + gap, y0, left + 2 * width + gap, y1)]

    ax_days = fig.add_axes(lay.fig_rect(boxes[0]))
    ax_days.plot(speeds, [r.days for r in t.rows], color=pal.lane, linewidth=lay.pt(3))
    ax_days.set_ylim(0, max(r.days for r in t.rows) * 1.12)
    tr = pres.tr
    _style_axes(ax_days, lay, pres, tr("Days at sea"))
    _mark(
        ax_days,
        lay,
        pres,
        cur.speed_kn,
        cur.days,
        tr("{speed} kn · {days} days", speed=f"{cur.speed_kn:g}", days=tr.number(cur.days, 1)),
        above=True,
    )

    ax_co2 = fig.add_axes(lay.fig_rect(boxes[1]))
    ttw = [r.co2_ttw_t for r in t.rows]
    ax_co2.plot(speeds, ttw, color=pal.lane, linewidth=lay.pt(3), label=tr("CO₂ tank-to-wake"))
    top_y = max(ttw)
    if t.wtw_available:
        wtw = [r.co2e_wtw_t or 0.0 for r in t.rows]
        ax_co2.plot(
            speeds, wtw, color=WTW_COLOUR, linewidth=lay.pt(2.5), linestyle=(0, (5, 3)),
            label=tr("CO₂e well-to-wake"),
        )  # fmt: skip
        top_y = max(top_y, *wtw)
        legend = ax_co2.legend(
            loc="upper left", frameon=False, fontsize=lay.pt(12), labelcolor=pal.ink
        )
        for text in legend.get_texts():
            text.set_fontfamily(family_for(text.get_text()))
    ax_co2.set_ylim(0, top_y * 1.12)
    ax_co2.yaxis.set_major_formatter(lambda v, _pos: f"{v:,.0f}")
    title = tr("CO₂ per voyage (t)")
    if not t.wtw_available:
        title = tr("{title}, {scope}", title=title, scope=tr(TTW_ONLY))
    _style_axes(ax_co2, lay, pres, title)
    _mark(
        ax_co2,
        lay,
        pres,
        cur.speed_kn,
        cur.co2_ttw_t,
        tr("{value} t CO₂", value=tr.number(cur.co2_ttw_t)),
        above=False,
    )
    for ax in (ax_days, ax_co2):
        ax.set_xlim(min(speeds) - 0.3, max(speeds) + 0.3)
        ax.set_xticks([s for s in range(int(min(speeds)), int(max(speeds)) + 1, 2)])


def build_tradeoff_figure(
    pres: LanePresentation,
    *,
    width_px: int = DEFAULT_WIDTH_PX,
    height_px: int = DEFAULT_HEIGHT_PX,
) -> tuple[Figure, SpeedTradeoff]:
    """The trade-off slide of ``pres.view`` as a figure (Agg canvas), and its model."""
    fig, lay, renderer = new_page(width_px, height_px)
    t = speed_tradeoff(pres.view, lang=pres.tr.lang)
    head = replace(pres, title=t.title, subtitle=t.slide_subtitle)
    top = draw_header(fig, lay, renderer, head)
    pal = pres.palette
    bottom = draw_footer_lines(
        fig,
        lay,
        renderer,
        pal,
        [
            (t.footer_sources(), 10.5, pal.muted, 3, "footer-sources"),
            (t.footer_note, 11, pal.ink, 3, "footer-assumptions"),
        ],
    )
    _draw_charts(fig, lay, pres, t, top, bottom)
    return fig, t


def render_tradeoff_static(
    pres: LanePresentation,
    path_or_fmt: str | Path,
    *,
    width_px: int = DEFAULT_WIDTH_PX,
    height_px: int = DEFAULT_HEIGHT_PX,
) -> bytes | Path:
    """The speed trade-off slide of ``pres``: bytes when ``path_or_fmt`` is a format
    (``"png"``, ``"svg"``, ``"pdf"``), else written atomically to that path (``Path``
    returned). Sizes in px (320–8192). Raises :class:`~geo.errors.ExportError` naming a bad
    format or size."""

    def make(fmt: str) -> bytes:
        fig, t = build_tradeoff_figure(pres, width_px=width_px, height_px=height_px)
        return figure_bytes(fig, fmt, t.title, f"{t.subtitle}. {t.assumptions}")

    return bytes_or_file(path_or_fmt, make)
