"""Text on the map: port names beside their circles, the user's custom label and a corner note.

A name is placed only where it touches neither the lane, another label, a port's circle, a
spread circle's leader line and true-place dot (:mod:`geo.render.static.markers`) nor the map
edge: first beside its own circle (as drawn, spread or not), then farther out with a thin
leader line. Collision checks run in display pixels.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import shapely
from matplotlib.text import Text
from shapely.geometry import LineString, box
from shapely.geometry.base import BaseGeometry

from geo.render.static.fonts import family_for
from geo.render.static.layout import DPI, Layout, literal, wrap_text
from geo.render.static.markers import Mark, obstacle

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase
    from matplotlib.text import Annotation
    from matplotlib.transforms import Bbox

    from geo.present.model import LanePresentation

#: Where a label may stand: direction ``(dx, dy)`` from its marker, then the text's alignment
#: there. The last four put a label above or below the marker running right or left from it
#: (a wide name by the map's edge).
_SIDES: Final[tuple[tuple[float, float, str, str], ...]] = (
    (1, 0, "left", "center"),
    (-1, 0, "right", "center"),
    (1, -1, "left", "top"),
    (-1, -1, "right", "top"),
    (0, -1, "center", "top"),
    (1, 1, "left", "bottom"),
    (-1, 1, "right", "bottom"),
    (0, 1, "center", "bottom"),
    (0, -1, "left", "top"),
    (0, -1, "right", "top"),
    (0, 1, "left", "bottom"),
    (0, 1, "right", "bottom"),
)
#: Gaps (px at 1920×1080) tried between a port's circle and its name, nearest first; beyond
#: :data:`_BESIDE_PX` a thin leader line joins them.
PORT_LABEL_GAPS_PX: Final[tuple[float, ...]] = (7.0, 18.0, 32.0, 50.0, 72.0)
_BESIDE_PX: Final[float] = 8.0
_TO_POINTS: Final[float] = 72.0 / DPI


def lane_shape(ax: Axes, lane: Sequence[np.ndarray], pad_px: float) -> BaseGeometry:
    """The lane in display pixels, widened by ``pad_px`` (for collision checks)."""
    shapes = [LineString(ax.transData.transform(c)).buffer(pad_px) for c in lane if len(c) > 1]
    return shapely.union_all(shapes) if shapes else shapely.Polygon()


def text_box(ann: Annotation, renderer: RendererBase) -> Bbox:
    """The bbox (display px) of an annotation's text alone, without its leader line."""
    ann.update_positions(renderer)
    return Text.get_window_extent(ann, renderer)


def bbox_shape(bb: Bbox, pad: float = 0.0) -> BaseGeometry:
    """A matplotlib bbox (display px) as a shapely box, grown by ``pad``."""
    return box(bb.x0 - pad, bb.y0 - pad, bb.x1 + pad, bb.y1 + pad)


class _Placer:
    """Tries label positions around anchors and keeps the first that collides with nothing."""

    def __init__(
        self, ax: Axes, renderer: RendererBase, lay: Layout, lane: BaseGeometry, discs: list[Any]
    ) -> None:
        self.ax, self.renderer, self.lay, self.lane = ax, renderer, lay, lane
        self.discs = discs
        self.blocked: list[BaseGeometry] = []
        self.pad = lay.px(3)
        self.mine: BaseGeometry | None = None
        self.strict = True  # False: a leader line may cross the lane
        self.axes_box = bbox_shape(ax.get_window_extent(renderer), -lay.px(4))

    def place(
        self,
        content: str,
        centre_px: np.ndarray,
        radius_px: float,
        own: BaseGeometry | None,
        gaps: Sequence[float],
        pad: float,
        toward: np.ndarray | None = None,
        mine: BaseGeometry | None = None,
        **text_kw: Any,
    ) -> Annotation | None:
        """The first free place for ``content`` around ``centre_px``: ``own`` (the marker's
        circle) may be crossed by the leader line, ``mine`` (its spread leader and true-place
        dot) may be crossed by the leader line but not covered by the text. Where every
        place would need a leader across the lane, the nearest such place is taken (a name
        crowded between the lane and the map's edge)."""
        lay, ax = self.lay, self.ax
        self.pad, self.mine = pad, mine
        xy = ax.transData.inverted().transform(centre_px)
        anchor = (float(xy[0]), float(xy[1]))
        tries = [(True, g) for g in gaps] + [(False, g) for g in gaps if g > lay.px(_BESIDE_PX)]
        for self.strict, gap_px in tries:
            leader = gap_px > lay.px(_BESIDE_PX)
            for dx, dy, ha, va in _sides(toward):
                offset = (radius_px + gap_px) * _TO_POINTS
                norm = math.hypot(dx, dy)
                ann = ax.annotate(
                    literal(content),
                    xy=anchor,
                    xytext=(dx / norm * offset, dy / norm * offset),
                    textcoords="offset points",
                    ha=ha,
                    va=va,
                    fontfamily=family_for(content),
                    linespacing=1.15,
                    zorder=11,
                    annotation_clip=False,
                    parse_math=False,
                    arrowprops=(
                        {
                            "arrowstyle": "-",
                            "color": text_kw.get("color", "black"),
                            "alpha": 0.6,
                            "linewidth": lay.pt(0.8),
                            "shrinkA": lay.pt(3),
                            "shrinkB": radius_px * _TO_POINTS + lay.pt(2),
                        }
                        if leader
                        else None
                    ),
                    **text_kw,
                )
                if self._collides(ann, centre_px, own, leader):
                    ann.remove()
                    continue
                self.blocked.append(bbox_shape(text_box(ann, self.renderer), self.pad))
                return ann
        return None

    def _collides(
        self, ann: Annotation, centre_px: np.ndarray, own: BaseGeometry | None, leader: bool
    ) -> bool:
        bb = bbox_shape(text_box(ann, self.renderer), self.pad)
        others = [d for d in self.discs if d is not own]
        if (
            not self.axes_box.contains(bb)
            or bb.intersects(self.lane)
            or any(bb.intersects(b) for b in self.blocked)
            or any(bb.intersects(d) for d in others)
        ):
            return True
        if not leader:
            return False
        # the leader as matplotlib draws it: from the text's centre to the marker's rim; it
        # may leave the marker across the lane that ends there, not cross it farther out
        line = LineString([tuple(centre_px), tuple(bb.centroid.coords[0])]).difference(bb)
        if own is not None:
            line = line.difference(own)
        here = shapely.Point(centre_px)
        near = own.buffer(self.lay.px(8)) if own is not None else shapely.Polygon()
        return bool(
            (self.strict and line.difference(near).buffer(self.lay.px(1.5)).intersects(self.lane))
            or any(
                line.intersects(d) for d in others if d is not self.mine and not d.contains(here)
            )
        )


def _sides(toward: np.ndarray | None) -> list[tuple[float, float, str, str]]:
    """:data:`_SIDES`, those facing ``toward`` first (a spread marker's name goes on the side
    it was spread to); in their own order when ``toward`` is ``None``."""
    if toward is None or not np.hypot(*toward):
        return list(_SIDES)
    unit = toward / np.hypot(*toward)

    def facing(side: tuple[float, float, str, str]) -> float:
        dx, dy, ha, _ = side
        runs = {"left": 1.0, "right": -1.0}.get(ha, 0.0) if dx == 0 else 0.0
        return -float(np.dot((dx, dy), unit)) / math.hypot(dx, dy) - 0.1 * runs * unit[0]

    return sorted(_SIDES, key=facing)


def place_labels(
    ax: Axes,
    pres: LanePresentation,
    marks: Sequence[Mark],
    lane_px: BaseGeometry,
    lane: Sequence[np.ndarray],
    renderer: RendererBase,
    lay: Layout,
    blocked: Sequence[BaseGeometry] = (),
) -> list[str]:
    """Port names (``labels`` layer), each beside its own marker as drawn (a leader line when
    it must stand off), and the custom label ``pres.label`` on the map; none covers the lane,
    another label, a marker, a marker's leader line or ``blocked`` (display px). Returns what
    could not be placed (every candidate collided)."""
    discs = [m.disc(lay.px(2)) for m in marks]
    extras = [obstacle(m, lay) for m in marks]
    placer = _Placer(ax, renderer, lay, lane_px, [*discs, *(e for e in extras if e is not None)])
    placer.blocked.extend(blocked)
    missing: list[str] = []
    ink = pres.palette.ink
    if pres.shows("labels"):
        for m, disc, extra in zip(marks, discs, extras):
            p = m.port
            ann = placer.place(
                f"{p.name}\n{p.detail}" if p.detail else p.name,
                m.at,
                m.radius,
                disc,
                [lay.px(g) for g in PORT_LABEL_GAPS_PX],
                lay.px(3),
                toward=(m.at - m.home) if m.moved else None,
                mine=extra,
                fontsize=lay.pt(11.5),
                color=ink,
                gid="port-label",
            )
            if ann is None:
                missing.append(p.name)
    if pres.label and lane:
        main = max(lane, key=len)
        centre = ax.transData.transform(main[len(main) // 2])
        ann = placer.place(
            pres.label,
            centre,
            lay.px(6),
            shapely.Point(centre).buffer(lay.px(14)),
            [lay.px(g) for g in (33.0, 59.0, 98.0, 150.0)],
            lay.px(9),
            fontsize=lay.pt(13),
            color=ink,
            fontweight="bold",
            gid="custom-label",
            bbox={
                "boxstyle": "round,pad=0.35",
                "facecolor": "white",
                "alpha": 0.85,
                "edgecolor": pres.palette.rule,
                "linewidth": lay.pt(0.6),
            },
        )
        if ann is None:
            missing.append(pres.label)
            _corner_label(ax, pres, lay)
    return missing


def _corner_label(ax: Axes, pres: LanePresentation, lay: Layout) -> None:
    """The custom label in the map's top-left corner when no place beside the lane is free."""
    ax.text(
        0.015,
        0.975,
        literal(pres.label),
        transform=ax.transAxes,
        ha="left",
        va="top",
        fontsize=lay.pt(13),
        fontweight="bold",
        color=pres.palette.ink,
        zorder=12,
        fontfamily=family_for(pres.label),
        parse_math=False,
        gid="custom-label",
        bbox={
            "boxstyle": "round,pad=0.35",
            "facecolor": "white",
            "alpha": 0.85,
            "edgecolor": pres.palette.rule,
            "linewidth": lay.pt(0.6),
        },
    )


def corner_note(
    ax: Axes,
    pres: LanePresentation,
    content: str,
    avoid: Sequence[BaseGeometry],
    renderer: RendererBase,
    lay: Layout,
) -> Text:
    """A short muted note inside the map, in the first corner (bottom-left, bottom-right,
    top-right, top-left) where it covers none of ``avoid`` (display px: the lane, the
    markers); wrapped to 40 % of the map's width. Returns the text (the last corner when all
    collide)."""
    frame = ax.get_window_extent(renderer)
    inset = lay.px(10)
    note: Text | None = None
    for fx, fy in ((0, 0), (1, 0), (1, 1), (0, 1)):
        if note is not None:
            note.remove()
        note = ax.text(  # in axes fractions: vector output lays out at 72 dpi, not 100
            inset / frame.width if fx == 0 else 1 - inset / frame.width,
            inset / frame.height if fy == 0 else 1 - inset / frame.height,
            literal(content),
            transform=ax.transAxes,
            ha="left" if fx == 0 else "right",
            va="bottom" if fy == 0 else "top",
            fontsize=lay.pt(10.5),
            color=pres.palette.muted,
            fontfamily=family_for(content),
            linespacing=1.2,
            zorder=12,
            parse_math=False,
            gid="map-note",
            bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "alpha": 0.9,
                  "edgecolor": "none"},
        )  # fmt: skip
        wrap_text(note, renderer, 0.4 * frame.width, 3, lay.pt(10.5))
        shape = bbox_shape(note.get_window_extent(renderer), lay.px(4))
        if not any(shape.intersects(a) for a in avoid):
            break
    assert note is not None
    return note
