"""The map frame and what lies under the lane: the extent, land, graticule and zone tints.

Land and zones are repeated on every world copy the frame shows (a frame may run past 180°,
past 360° or span more than one turn), so land never stops at a window edge. Inputs are
``(lon, lat)``; drawing is in map units ``(lon, mercator_y(lat))``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

import numpy as np
import shapely
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry

from geo.catalogue.land import land
from geo.i18n import N_
from geo.present.style import LAND_MIN_SPAN_NM
from geo.render.static.layout import FONT_FAMILY, PAGE, Layout
from geo.render.static.projection import (
    MAX_LAT_DEG,
    inverse_mercator_y,
    lat_label,
    lon_label,
    mercator_y,
    nice_step,
    project,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from geo.present.model import LanePresentation

_NM_PER_DEG: Final[float] = 60.0
#: What the slide says when it leaves the land out (:func:`land_fits`).
NO_LAND_NOTE: Final[str] = N_(
    "Coast and zone outlines not drawn: the offline coastline (Natural Earth 1:110m) is too "
    "coarse at this scale"
)


@dataclass(frozen=True)
class Extent:
    """Axes limits in map units: longitudes ``lon0``–``lon1``, Mercator ordinates ``y0``–``y1``."""

    lon0: float
    lon1: float
    y0: float
    y1: float

    @property
    def lat0(self) -> float:
        return float(inverse_mercator_y(self.y0))

    @property
    def lat1(self) -> float:
        return float(inverse_mercator_y(self.y1))


def fit_extent(
    pres: LanePresentation, points: np.ndarray, aspect: float, *, margin: bool = True
) -> Extent:
    """The frame: ``pres.extent`` when given, else the ``(n, 2)`` map-unit ``points`` (the lane,
    its end ports and the corners of :func:`geo.present.frame.lane_frame`, the least frame of a
    short hop) with margins; widened to the axes' ``aspect`` (width / height)."""
    y_max = float(mercator_y(MAX_LAT_DEG))
    if pres.extent is not None:
        west, south, east, north = pres.extent
        lon0, lon1 = west, east
        y0, y1 = float(mercator_y(south)), float(mercator_y(north))
        pad_x, pad_y, min_x, min_y = 1.0, 1.0, 0.05, 0.05
    else:
        lon0, lon1 = float(points[:, 0].min()), float(points[:, 0].max())
        y0, y1 = float(points[:, 1].min()), float(points[:, 1].max())
        pad_x, pad_y, min_x, min_y = (1.24, 1.5, 0.05, 0.05) if margin else (1.0, 1.0, 0.05, 0.05)
    span_x = max(lon1 - lon0, min_x) * pad_x
    span_y = max(y1 - y0, min_y) * pad_y
    cx, cy = (lon0 + lon1) / 2, (y0 + y1) / 2
    if span_x / span_y > aspect:
        span_y = span_x / aspect
    else:
        span_x = span_y * aspect
    if span_y > 2 * y_max:  # a frame taller than the world: show all latitudes, widen
        span_y = 2 * y_max
        span_x = max(span_x, span_y * aspect)
    lo_y, hi_y = cy - span_y / 2, cy + span_y / 2
    if hi_y > y_max:
        lo_y, hi_y = lo_y - (hi_y - y_max), y_max
    if lo_y < -y_max:
        lo_y, hi_y = -y_max, min(y_max, -y_max + span_y)
    return Extent(cx - span_x / 2, cx + span_x / 2, lo_y, hi_y)


def world_copies(
    geom: BaseGeometry, lon0: float, lon1: float, lat0: float, lat1: float
) -> BaseGeometry:
    """Every copy of ``geom`` (``(lon, lat)``) shifted by whole turns that meets the box
    ``lon0..lon1 × lat0..lat1``, clipped to it and dissolved (copies meeting at 180° or at
    a window edge join up). Returns an empty geometry when none meets the box."""
    if geom is None or geom.is_empty:
        return Polygon()
    min_lon, _, max_lon, _ = geom.bounds
    clip = box(lon0, lat0, lon1, lat1)
    pieces = []
    for turn in range(
        math.ceil((lon0 - max_lon) / 360.0), math.floor((lon1 - min_lon) / 360.0) + 1
    ):
        moved = shapely.transform(geom, lambda xy, t=turn: xy + np.array([360.0 * t, 0.0]))
        if moved.intersects(clip):
            pieces.append(moved.intersection(clip))
    if not pieces:
        return Polygon()
    return pieces[0] if len(pieces) == 1 else shapely.union_all(pieces)


def _polygons(geom: BaseGeometry) -> list[Polygon]:
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    out: list[Polygon] = []
    for part in getattr(geom, "geoms", []):
        out.extend(_polygons(part))
    return out


def polygon_path(geom: BaseGeometry) -> MplPath | None:
    """One compound matplotlib path for a (Multi)Polygon in map units (holes kept)."""
    paths = []
    for poly in _polygons(geom):
        oriented = shapely.geometry.polygon.orient(poly, 1.0)
        for ring in (oriented.exterior, *oriented.interiors):
            coords = np.asarray(ring.coords)
            if len(coords) >= 4:
                paths.append(MplPath(coords, closed=True))
    return MplPath.make_compound_path(*paths) if paths else None


def _clip_lats(ext: Extent) -> tuple[float, float]:
    return max(-89.0, ext.lat0 - 2.0), min(89.0, ext.lat1 + 2.0)


def _paths(geoms: Iterable[BaseGeometry], ext: Extent) -> list[MplPath]:
    lat0, lat1 = _clip_lats(ext)
    out = []
    for geom in geoms:
        shown = world_copies(geom, ext.lon0 - 2.0, ext.lon1 + 2.0, lat0, lat1)
        path = polygon_path(project(shown)) if not shown.is_empty else None
        if path is not None:
            out.append(path)
    return out


def land_fits(ext: Extent) -> bool:
    """Whether the bundled land outline (Natural Earth 1:110m) can be drawn on the frame
    ``ext``: its shorter side (north–south, or east–west at the middle latitude) spans at least
    :data:`LAND_MIN_SPAN_NM`. Below that the outline's errors fill the map: it leaves out bays
    and islands tens of kilometres across (Hangzhou Bay, San Francisco Bay, the Zhoushan
    islands) and moves coasts by up to about 20 km, so a lane between two ports a few miles
    apart floats off it (Los Angeles and Long Beach would lie inland)."""
    mid_lat = math.radians((ext.lat0 + ext.lat1) / 2)
    ns_nm = (ext.lat1 - ext.lat0) * _NM_PER_DEG
    ew_nm = (ext.lon1 - ext.lon0) * _NM_PER_DEG * math.cos(mid_lat)
    return min(ns_nm, ew_nm) >= LAND_MIN_SPAN_NM


def draw_land(ax: Axes, pres: LanePresentation, ext: Extent, lay: Layout) -> int:
    """Land (one patch per country, all world copies in the frame); returns the patch count,
    0 when the frame is too small for the outline (:func:`land_fits`): then nothing is drawn
    and the map's ground is the page's colour, not the sea's (nothing is claimed as sea)."""
    pal = pres.palette
    if not land_fits(ext):
        ax.set_facecolor(PAGE)
        return 0
    patches = [PathPatch(p) for p in _paths(land().geometry, ext)]
    ax.add_collection(
        PatchCollection(
            patches,
            facecolor=pal.land,
            edgecolor=pal.land_edge,
            linewidth=lay.pt(0.6),
            zorder=2,
        ),
        autolim=False,
    )
    return len(patches)


def draw_graticule(ax: Axes, pres: LanePresentation, ext: Extent, lay: Layout) -> None:
    """Meridians and parallels every 1–90°, labelled 150°E / 180° / 150°W and 30°N / 0°."""
    lon_step = nice_step(ext.lon1 - ext.lon0, 6)
    lons = np.arange(math.ceil(ext.lon0 / lon_step) * lon_step, ext.lon1 + 1e-9, lon_step)
    lat_step = nice_step(ext.lat1 - ext.lat0, 5)
    lats = np.arange(math.ceil(ext.lat0 / lat_step) * lat_step, ext.lat1 + 1e-9, lat_step)
    ys = mercator_y(lats)
    segs = [[(lon, ext.y0), (lon, ext.y1)] for lon in lons]
    segs += [[(ext.lon0, y), (ext.lon1, y)] for y in ys]
    ax.add_collection(
        LineCollection(
            segs, colors=pres.palette.rule, alpha=0.45, linewidths=lay.pt(0.8), zorder=1
        ),
        autolim=False,
    )
    ax.set_xticks(lons, [lon_label(v) for v in lons])
    ax.set_yticks(ys, [lat_label(v) for v in lats])
    ax.tick_params(
        axis="both",
        length=0,
        pad=lay.pt(5),
        labelsize=lay.pt(10.5),
        labelcolor=pres.palette.muted,
        labelfontfamily=FONT_FAMILY,
    )


def draw_zones(
    ax: Axes, pres: LanePresentation, keys: Sequence[str], ext: Extent, lay: Layout
) -> int:
    """A light tint and outline for each zone in ``keys`` (legend zone keys), on every world
    copy in the frame; returns the number of zones drawn."""
    zones = pres.view.display_zones()
    patches, colours = [], []
    for key, geom in zip(zones["zone_id"], zones.geometry):
        if str(key) not in keys:
            continue
        for path in _paths([geom], ext):
            patches.append(path)
            colours.append(pres.palette.zone(str(key)))
    if not patches:
        return 0
    ax.add_collection(
        PatchCollection(
            [PathPatch(p) for p in patches],
            facecolors=colours,
            edgecolors="none",
            alpha=0.16,
            zorder=3,
        ),
        autolim=False,
    )
    ax.add_collection(
        PatchCollection(
            [PathPatch(p) for p in patches],
            facecolors="none",
            edgecolors=colours,
            linewidths=lay.pt(0.7),
            alpha=0.55,
            zorder=3,
        ),
        autolim=False,
    )
    return len(patches)
