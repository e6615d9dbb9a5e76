"""Text on the map: port names beside their circles and the user's custom label.

A label is placed only where it touches neither the lane, another label, another port's
circle nor the map edge: first right beside its marker, then farther out with a thin leader
line. Collision checks run in display pixels.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import shapely
from matplotlib.text import Text
from shapely.geometry import LineString, box
from shapely.geometry.base import BaseGeometry

from geo.render.static.lane import Port
from geo.render.static.fonts import family_for
from geo.render.static.layout import DPI, Layout, literal

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase
    from matplotlib.text import Annotation
    from matplotlib.transforms import Bbox

    from geo.present.model import LanePresentation

_DIRECTIONS: Final[tuple[tuple[float, float], ...]] = (
    (1, 0),
    (-1, 0),
    (1, -1),
    (-1, -1),
    (0, -1),
    (1, 1),
    (-1, 1),
    (0, 1),
)
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


@dataclass
class _Cluster:
    """Ports whose circles touch on the page, labelled together (Los Angeles, Long Beach)."""

    ports: list[Port]
    centre_px: np.ndarray
    radius_px: float

    def text(self) -> str:
        return "\n".join(f"{p.name}\n{p.detail}" if p.detail else p.name for p in self.ports)


def _clusters(ax: Axes, ports: Sequence[Port], gap_px: float) -> list[_Cluster]:
    centres = [ax.transData.transform(p.xy) for p in ports]
    radii = [p.radius_pt / _TO_POINTS for p in ports]
    group = list(range(len(ports)))

    def find(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    for i in range(len(ports)):
        for j in range(i + 1, len(ports)):
            if np.hypot(*(centres[i] - centres[j])) <= radii[i] + radii[j] + gap_px:
                group[find(j)] = find(i)
    out: list[_Cluster] = []
    for root in dict.fromkeys(find(i) for i in range(len(ports))):
        members = [i for i in range(len(ports)) if find(i) == root]
        centre = np.array([centres[i] for i in members]).mean(axis=0)
        radius = max(float(np.hypot(*(centres[i] - centre))) + radii[i] for i in members)
        out.append(_Cluster([ports[i] for i in members], centre, radius))
    return out


class _Placer:
    """Tries label positions around anchors and keeps the first that collides with nothing."""

    def __init__(
        self, ax: Axes, renderer: RendererBase, lay: Layout, lane: BaseGeometry, discs: list[Any]
    ) -> None:
        self.ax, self.renderer, self.lay, self.lane = ax, renderer, lay, lane
        self.discs = discs
        self.blocked: list[BaseGeometry] = []
        self.pad = lay.px(3)
        self.axes_box = bbox_shape(ax.get_window_extent(renderer), -lay.px(4))

    def place(
        self,
        content: str,
        centre_px: np.ndarray,
        radius_px: float,
        own: BaseGeometry | None,
        distances: Sequence[float],
        pad: float,
        **text_kw: Any,
    ) -> Annotation | None:
        lay, ax = self.lay, self.ax
        self.pad = pad
        xy = ax.transData.inverted().transform(centre_px)
        anchor = (float(xy[0]), float(xy[1]))
        for dist_scale in distances:
            leader = dist_scale > 1.0
            for dx, dy in _DIRECTIONS:
                gap = (radius_px + lay.px(7)) * dist_scale * _TO_POINTS
                norm = math.hypot(dx, dy)
                ann = ax.annotate(
                    literal(content),
                    xy=anchor,
                    xytext=(dx / norm * gap, dy / norm * gap),
                    textcoords="offset points",
                    ha="right" if dx < 0 else "left" if dx > 0 else "center",
                    va="top" if dy < 0 else "bottom" if dy > 0 else "center",
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
        x0, y0, x1, y1 = bb.bounds
        end = (min(max(centre_px[0], x0), x1), min(max(centre_px[1], y0), y1))
        line = LineString([tuple(centre_px), end])
        if own is not None:
            line = line.difference(own)
        return bool(
            line.buffer(self.lay.px(1.5)).intersects(self.lane)
            or any(line.intersects(d) for d in others)
        )


def place_labels(
    ax: Axes,
    pres: LanePresentation,
    ports: Sequence[Port],
    lane_px: BaseGeometry,
    lane: Sequence[np.ndarray],
    renderer: RendererBase,
    lay: Layout,
) -> list[str]:
    """Port names (``labels`` layer) and the custom label ``pres.label`` on the map.
    Returns what could not be placed (every candidate collided)."""
    clusters = _clusters(ax, ports, lay.px(6))
    discs = [shapely.Point(c.centre_px).buffer(c.radius_px + lay.px(2)) for c in clusters]
    placer = _Placer(ax, renderer, lay, lane_px, discs)
    missing: list[str] = []
    ink = pres.palette.ink
    if pres.shows("labels"):
        for cl, disc in zip(clusters, discs):
            ann = placer.place(
                cl.text(),
                cl.centre_px,
                cl.radius_px,
                disc,
                (1.0, 2.0, 3.2, 4.6),
                lay.px(3),
                fontsize=lay.pt(11.5),
                color=ink,
                gid="port-label",
            )
            if ann is None:
                missing.extend(p.name for p in cl.ports)
    if pres.label and lane:
        main = max(lane, key=len)
        centre = ax.transData.transform(main[len(main) // 2])
        ann = placer.place(
            pres.label,
            centre,
            lay.px(6),
            shapely.Point(centre).buffer(lay.px(14)),
            (3.0, 5.0, 8.0, 12.0),
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
