"""The ✓ badge beside a port with a corridor measure in place, as the folium map draws it
(:mod:`geo.render.folium.measures`): a small rounded square in the lane's colour with a white
tick, set beside the port's marker as drawn, on the first side where it covers neither the
lane, a name, nor a marker (its own included), nor a spread marker's leader line, and stays
inside the map. The legend's ``measure`` row (:mod:`geo.present.legend`) explains it; its key
is drawn by :func:`badge_key` in the same look.

Reads :attr:`~geo.present.model.LanePresentation.measures`; shown with the ``ports`` layer.
Positions are offsets in points from the marker's place, so SVG and PDF (laid out at 72 dpi)
keep the badge where the PNG has it. Collision checks run in display pixels.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from shapely.geometry.base import BaseGeometry

from geo.render.static.labels import bbox_shape
from geo.render.static.layout import DPI, Layout
from geo.render.static.markers import Mark, obstacle

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import Figure
    from matplotlib.text import Annotation, Text

    from geo.present.model import LanePresentation

#: the tick (U+2713, in DejaVu Sans)
TICK: Final[str] = "\u2713"
#: font size (pt at 1920×1080) of the tick, legible when projected (≥ 14 px); the badge is
#: about 24 px square around it
BADGE_FONT_PT: Final[float] = 10.5
#: px (at 1920×1080) between a badge's edge and its marker's rim
BADGE_GAP_PX: Final[float] = 4.0
#: where a badge may stand, direction from its marker, nearest the marker's name last
_SIDES: Final[tuple[tuple[float, float], ...]] = (
    (-1, 0),
    (1, 0),
    (0, 1),
    (0, -1),
    (-1, 1),
    (1, 1),
    (-1, -1),
    (1, -1),
)
_TO_POINTS: Final[float] = 72.0 / DPI
_TEXT_GIDS: Final[frozenset[str]] = frozenset({"port-label", "custom-label", "map-note"})


def _box_style(colour: str, lay: Layout) -> dict[str, Any]:
    return {
        "boxstyle": "round,pad=0.3,rounding_size=0.3",
        "facecolor": colour,
        "edgecolor": "#ffffff",
        "linewidth": lay.pt(1.5),
    }


def _tick_style(lay: Layout) -> dict[str, Any]:
    """The ✓'s text style, on the map and in the legend's key: white, bold, centred, in
    DejaVu Sans (Noto Sans CJK has no U+2713)."""
    return {
        "ha": "center",
        "va": "center_baseline",
        "fontsize": lay.pt(BADGE_FONT_PT),
        "fontweight": "bold",
        "fontfamily": "DejaVu Sans",
        "color": "#ffffff",
        "parse_math": False,
    }


def _badge(ax: Axes, xy: tuple[float, float], offset_pt: tuple[float, float], colour: str,
           lay: Layout) -> Annotation:  # fmt: skip
    return ax.annotate(
        TICK,
        xy=xy,
        xytext=offset_pt,
        textcoords="offset points",
        zorder=10,
        annotation_clip=False,
        **_tick_style(lay),
        gid="measure-badge",
        bbox=_box_style(colour, lay),
    )


def _offset(side: tuple[float, float], reach_px: float) -> tuple[float, float]:
    """The offset (points) of a badge's centre ``reach_px`` from its marker's centre."""
    dx, dy = side
    norm = math.hypot(dx, dy)
    return (dx / norm * reach_px * _TO_POINTS, dy / norm * reach_px * _TO_POINTS)


def _shape(ann: Annotation, renderer: RendererBase) -> BaseGeometry:
    """A badge's rounded box as laid out (display px)."""
    ann.update_positions(renderer)
    ann.update_bbox_position_size(renderer)
    patch = ann.get_bbox_patch()
    bb = patch.get_window_extent(renderer) if patch is not None else None
    return bbox_shape(bb if bb is not None else ann.get_window_extent(renderer))


def _obstacles(ax: Axes, renderer: RendererBase, marks: Sequence[Mark], lay: Layout,
               pad: float) -> list[BaseGeometry]:  # fmt: skip
    """Names and notes on the map, every marker's circle, spread markers' leader lines."""
    texts: list[Text] = [t for t in ax.texts if t.get_gid() in _TEXT_GIDS]
    out = [bbox_shape(t.get_window_extent(renderer), pad) for t in texts]
    out += [m.disc(pad) for m in marks]
    out += [o for o in (obstacle(m, lay) for m in marks) if o is not None]
    return out


def draw_badges(
    ax: Axes,
    pres: LanePresentation,
    marks: Sequence[Mark],
    lane_px: BaseGeometry,
    renderer: RendererBase,
    lay: Layout,
) -> list[Annotation]:
    """One badge per port of ``pres.measures`` drawn on the map (none without the ``ports``
    layer); call after the names are placed, which it keeps clear of. Where every side
    collides, the first side clear of names and markers (over the lane), else the first."""
    if not pres.measures or not pres.shows("ports"):
        return []
    wanted = list(dict.fromkeys(m.port for m in pres.measures))
    pad = lay.px(2)
    frame = bbox_shape(ax.get_window_extent(renderer), -lay.px(2))
    colour = pres.palette.lane
    to_data = ax.transData.inverted()
    drawn: list[Annotation] = []
    for port in wanted:
        mark = next((m for m in marks if m.port.port_id == port), None)
        if mark is None:
            continue
        blocked = _obstacles(ax, renderer, marks, lay, pad)
        blocked += [_shape(b, renderer).buffer(pad) for b in drawn]
        x, y = to_data.transform(mark.at)
        reach = mark.radius + lay.px(BADGE_GAP_PX) + lay.px(12)
        ranked: list[tuple[int, int]] = []
        for n, side in enumerate(_SIDES):
            ann = _badge(ax, (float(x), float(y)), _offset(side, reach), colour, lay)
            shape = _shape(ann, renderer)
            ann.remove()
            covers = any(shape.intersects(b) for b in blocked) or not frame.contains(shape)
            ranked.append((2 * int(covers) + int(shape.intersects(lane_px)), n))
            if ranked[-1][0] == 0:
                break
        off = _offset(_SIDES[min(ranked)[1]], reach)
        drawn.append(_badge(ax, (float(x), float(y)), off, colour, lay))
    return drawn


def badge_key(fig: Figure, lay: Layout, x_px: float, y_px: float, colour: str) -> Text:
    """The legend's key of the ``measure`` row: the badge centred on ``(x_px, y_px)``."""
    return fig.text(
        x_px / lay.width_px,
        y_px / lay.height_px,
        TICK,
        **_tick_style(lay),
        bbox=_box_style(colour, lay),
    )
