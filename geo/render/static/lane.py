"""The lane and its ports on the map: the route line, its regime stripes, the ports in the frame
(their circles are drawn by :mod:`geo.render.static.markers`).

Everything is read from the presentation: geometry from ``pres.view`` (display window),
colours from ``pres.palette``, what to draw from ``pres.layers`` and ``pres.legend``.
Coordinates come in as ``(lon, lat)`` and are drawn in map units ``(lon, mercator_y(lat))``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

import numpy as np
from matplotlib.collections import LineCollection
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry

from geo.present.wording import port_volume_words
from geo.render.static.layout import PAGE, Layout
from geo.render.static.projection import mercator_y, project_coords

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from geo.present.model import LanePresentation
    from geo.render.static.basemap import Extent

# The lane casing and the regime stripe inside it (points at 1920×1080).
LANE_WIDTH_PT: Final[float] = 5.6
STRIPE_GAP_PT: Final[float] = 3.4
STRIPE_WIDTH_PT: Final[float] = 2.2
#: radius in points of a port circle = PORT_RADIUS_PT_PER_SQRT_MTEU * sqrt(million TEU)
PORT_RADIUS_PT_PER_SQRT_MTEU: Final[float] = 1.45
PORT_MIN_RADIUS_PT: Final[float] = 2.6


@dataclass(frozen=True)
class Port:
    """A port marker: ``(lon, lat)`` in the display window, radius in points (page-scaled)."""

    name: str
    lon: float
    lat: float
    radius_pt: float
    detail: str
    sized: bool
    #: the port's id in the view (``USLAX``), to find what is in place there
    port_id: str = ""

    @property
    def xy(self) -> tuple[float, float]:
        return (self.lon, float(mercator_y(self.lat)))


def lines(geom: BaseGeometry) -> list[np.ndarray]:
    """The ``(n, 2)`` coordinate arrays of a (Multi)LineString, ``(lon, lat)``."""
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, LineString):
        return [np.asarray(geom.coords)]
    out: list[np.ndarray] = []
    for part in getattr(geom, "geoms", []):
        out.extend(lines(part))
    return out


def lane_coords(pres: LanePresentation) -> list[np.ndarray]:
    """Every route of the view in map units, continuous in the display window."""
    out: list[np.ndarray] = []
    for geom in pres.view.display_routes().geometry:
        out.extend(project_coords(c) for c in lines(geom))
    return out


def end_points(pres: LanePresentation) -> np.ndarray:
    """``(n, 2)`` map units of the ports at both ends of every route (display window)."""
    ids = set()
    for r in pres.view.routes:
        ids.update({r.origin.id, r.destination.id})
    ports = pres.view.display_ports()
    pts = [(g.x, g.y) for pid, g in zip(ports["id"], ports.geometry) if str(pid) in ids]
    return project_coords(pts) if pts else np.empty((0, 2))


def stripe_keys(pres: LanePresentation) -> set[str]:
    """Zone ids the legend marks as regulated (striped)."""
    return {i.key for i in pres.legend if i.kind == "zone" and i.striped}


def draw_lane(ax: Axes, pres: LanePresentation, lane: Sequence[np.ndarray], lay: Layout) -> int:
    """The lane (``route`` layer) and its regime colouring (``segments`` layer): with the
    route on, an inner stripe in the zone colour on regulated segments; with it off, every
    segment in its zone colour. Returns the number of line collections added."""
    pal = pres.palette
    added = 0
    if pres.shows("route"):
        ax.add_collection(
            LineCollection(
                list(lane),
                colors=pal.lane,
                linewidths=lay.pt(LANE_WIDTH_PT),
                capstyle="round",
                joinstyle="round",
                zorder=6,
                label="lane",
            ),
            autolim=False,
        )
        added += 1
    if not pres.shows("segments"):
        return added
    striped = stripe_keys(pres)
    segs = pres.view.display_segments()
    for key, geom in zip(segs["zone_id"], segs.geometry):
        key = str(key)
        parts = [project_coords(c) for c in lines(geom)]
        if not parts or (pres.shows("route") and key not in striped):
            continue
        styles = (
            ((PAGE, STRIPE_GAP_PT, 7.0), (pal.zone(key), STRIPE_WIDTH_PT, 7.5))
            if pres.shows("route")
            else ((pal.zone(key), LANE_WIDTH_PT, 6.0),)
        )
        for colour, width, z in styles:
            ax.add_collection(
                LineCollection(
                    parts,
                    colors=colour,
                    linewidths=lay.pt(width),
                    capstyle="butt",
                    joinstyle="round",
                    zorder=z,
                    label="segment",
                ),
                autolim=False,
            )
            added += 1
    return added


def port_radius_pt(teu: float | None) -> float:
    """Circle radius (pt at 1920×1080) of a port handling ``teu`` containers a year."""
    if teu is None:
        return PORT_MIN_RADIUS_PT
    return max(PORT_MIN_RADIUS_PT, PORT_RADIUS_PT_PER_SQRT_MTEU * math.sqrt(teu / 1e6))


def ports_in_frame(pres: LanePresentation, ext: Extent, lay: Layout) -> list[Port]:
    """The view's display ports inside the frame, biggest first (they get the best label
    places). A terminal with its parent port's volume (Yangshan in Shanghai) is unsized."""
    seen: dict[tuple[str, float], str] = {}
    out: list[Port] = []
    for _, row in pres.view.display_ports().iterrows():
        lon, lat = float(row.geometry.x), float(row.geometry.y)
        y = float(mercator_y(lat))
        if not (ext.lon0 <= lon <= ext.lon1 and ext.y0 <= y <= ext.y1):
            continue
        teu = row.get("teu")
        has_teu = teu is not None and not (isinstance(teu, float) and math.isnan(teu))
        name = pres.port_name(str(row["id"]), str(row["name"]))
        key = (str(row.get("locode") or ""), float(teu) if has_teu else -1.0)
        if has_teu and key in seen:
            detail, sized = pres.tr("part of {port}", port=seen[key]), False
        elif has_teu:
            seen[key] = name
            label = str(row.get("teu_label") or "")
            year = str(row.get("teu_year") or "")
            detail, sized = port_volume_words(float(teu), year, label, pres.tr), True
        else:
            detail, sized = "", False
        radius = port_radius_pt(float(teu) if sized else None) * lay.scale
        out.append(Port(name, lon, lat, radius, detail, sized, str(row["id"])))
    out.sort(key=lambda p: (-p.radius_pt, p.name))
    return out
