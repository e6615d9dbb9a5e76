"""Port markers on the page: circles that would touch are spread apart, each with a leader line
to a dot at its true position (Los Angeles and Long Beach, 25 km apart, are one pixel apart on
a trans-Pacific slide). The browser slide does the same (``lane_frame.js``).

Spreading runs in display pixels: the members of a group of touching circles are laid side by
side along the line through their true positions (so Long Beach stays east of Los Angeles),
centred on the group's centre, with :data:`SPREAD_GAP_PX` between circles. A group that then
touches another is merged with it and laid out again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

import numpy as np
import shapely
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry

from geo.render.static.layout import DPI, Layout

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from geo.present.model import LanePresentation
    from geo.render.static.lane import Port

#: px (at 1920×1080) between two circles spread apart, and the least gap that counts as apart
SPREAD_GAP_PX: Final[float] = 8.0
#: radius (px at 1920×1080) of the dot at a spread port's true position
HOME_DOT_PX: Final[float] = 2.2
_TO_PX: Final[float] = DPI / 72.0


@dataclass(frozen=True)
class Mark:
    """A port as drawn: true position ``home`` and drawn centre ``at`` (display px), radius px."""

    port: Port
    home: np.ndarray
    at: np.ndarray
    radius: float

    @property
    def moved(self) -> bool:
        return bool(np.hypot(*(self.at - self.home)) >= 1.0)

    def disc(self, pad: float = 0.0) -> BaseGeometry:
        return shapely.Point(self.at).buffer(self.radius + pad)

    def leader(self) -> LineString | None:
        """The leader line from the true position to the circle's edge (display px)."""
        if not self.moved:
            return None
        d = self.at - self.home
        length = float(np.hypot(*d))
        if length <= self.radius:
            return None
        end = self.home + d * (length - self.radius) / length
        return LineString([tuple(self.home), tuple(end)])


def _groups(centres: list[np.ndarray], radii: list[float], gap: float) -> list[list[int]]:
    parent = list(range(len(centres)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(centres)):
        for j in range(i + 1, len(centres)):
            if np.hypot(*(centres[i] - centres[j])) < radii[i] + radii[j] + gap:
                parent[find(j)] = find(i)
    roots = list(dict.fromkeys(find(i) for i in range(len(centres))))
    return [[i for i in range(len(centres)) if find(i) == r] for r in roots]


def _lay_out(homes: list[np.ndarray], radii: list[float], gap: float) -> list[np.ndarray]:
    """Drawn centres of one group, side by side along the line through its true positions."""
    if len(homes) == 1:
        return [homes[0]]
    pts = np.array(homes)
    centre = pts.mean(axis=0)
    far = max(
        ((i, j) for i in range(len(pts)) for j in range(i + 1, len(pts))),
        key=lambda ij: float(np.hypot(*(pts[ij[1]] - pts[ij[0]]))),
    )
    axis = pts[far[1]] - pts[far[0]]
    norm = float(np.hypot(*axis))
    axis = axis / norm if norm >= 1.0 else np.array([1.0, 0.0])
    order = sorted(range(len(pts)), key=lambda k: float(pts[k] @ axis))
    total = sum(2 * radii[k] + gap for k in order)
    along = -total / 2
    out: list[np.ndarray] = [centre] * len(pts)
    for k in order:
        along += radii[k] + gap / 2
        out[k] = centre + axis * along
        along += radii[k] + gap / 2
    return out


def spread(ax: Axes, ports: Sequence[Port], lay: Layout, *, apart: bool = True) -> list[Mark]:
    """Every port as a :class:`Mark`: drawn where it is, or (with ``apart``) spread from circles
    it would touch (the gap between two drawn circles is then at least :data:`SPREAD_GAP_PX`,
    page-scaled). Without ``apart`` (no circles drawn) every mark stays at its true place."""
    homes = [np.asarray(ax.transData.transform(p.xy), dtype=float) for p in ports]
    radii = [p.radius_pt * _TO_PX for p in ports]
    if not apart:
        return [Mark(p, homes[i], homes[i], radii[i]) for i, p in enumerate(ports)]
    gap = lay.px(SPREAD_GAP_PX)
    groups = _groups(homes, radii, gap)
    at = list(homes)
    for _ in range(len(ports)):
        for members in groups:
            placed = _lay_out([homes[i] for i in members], [radii[i] for i in members], gap)
            for i, xy in zip(members, placed):
                at[i] = xy
        touching = [g for g in _groups(at, radii, gap * 0.99) if len(g) > 1]
        merged = groups
        for members in touching:
            merged = _merge(merged, members)
        if len(merged) == len(groups):
            break
        groups = merged
    return [Mark(p, homes[i], at[i], radii[i]) for i, p in enumerate(ports)]


def _merge(groups: list[list[int]], members: list[int]) -> list[list[int]]:
    joined = [g for g in groups if set(g) & set(members)]
    rest = [g for g in groups if not set(g) & set(members)]
    return [*rest, sorted({i for g in joined for i in g})] if len(joined) > 1 else groups


def draw_marks(ax: Axes, pres: LanePresentation, marks: Sequence[Mark], lay: Layout) -> None:
    """Port circles (area by container volume) at their drawn places: a pale fill under the
    lane, a ring over it; a spread circle gets a leader line to a dot at its true position."""
    colour, ink = pres.palette.port, pres.palette.ink
    to_data = ax.transData.inverted()
    for m in marks:
        size = (2 * m.port.radius_pt) ** 2
        x, y = to_data.transform(m.at)
        for face, alpha, edge, z in (
            (colour, 0.22 if m.port.sized else 0.9, "none", 4),
            ("none", 1.0, colour, 8),
        ):
            ax.scatter(
                [x], [y], s=[size], facecolor=face, alpha=alpha, edgecolor=edge,
                linewidths=lay.pt(1.1), zorder=z, label="port", gid="port-marker",
            )  # fmt: skip
        line = m.leader()
        if line is not None:
            xs, ys = to_data.transform(np.asarray(line.coords)).T
            ax.plot(xs, ys, color=ink, alpha=0.75, linewidth=lay.pt(1.0), zorder=9,
                    solid_capstyle="round", gid="port-leader")  # fmt: skip
        if m.moved:
            hx, hy = to_data.transform(m.home)
            ax.scatter([hx], [hy], s=[(2 * lay.px(HOME_DOT_PX) * 72.0 / DPI) ** 2],
                       facecolor=ink, edgecolor="none", zorder=9, gid="port-home")  # fmt: skip


def obstacle(m: Mark, lay: Layout) -> BaseGeometry | None:
    """A spread mark's leader line and true-position dot (display px, padded), which no name
    may cover; ``None`` for a mark drawn at its true place."""
    if not m.moved:
        return None
    dot = shapely.Point(m.home).buffer(lay.px(HOME_DOT_PX + 2))
    line = m.leader()
    return dot if line is None else shapely.union(dot, line.buffer(lay.px(2)))
