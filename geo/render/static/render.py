"""Static snapshots of a lane view for slides: PNG, SVG and PDF drawn with matplotlib.

:func:`render_static` draws one :class:`~geo.present.view.LaneView` on a
:class:`matplotlib.figure.Figure` (Agg canvas, no ``pyplot``, so several threads can render at
once) and writes it atomically. The page reads without the app:

* title top-left, subtitle (origin → destination · date) under it;
* the map, Pacific-centred when the lane crosses 180° (the view's display window), on a
  Mercator grid: pale grey land (Natural Earth, offline) on a very pale blue sea, the zones
  lightly tinted, the lane in one strong colour (deep teal) with the regulated segments
  striped in their zone's colour (Okabe–Ito, colour-blind-safe), ports as circles whose area
  is their container volume, labelled where the label touches neither the lane nor another
  label; longitude labels read 150°E, 180°, 150°W (never 210°);
* a side panel (below the map on tall pages) with the key figures and the legend;
* a footer with short source names and the assumptions line ("Not for navigation").

Every annotation sits outside the map axes except the port labels, which are placed only
where they touch neither the lane nor each other. Sizes are pixels; the PNG is exactly
``width_px × height_px``; text is scaled with the page (14–38 px at 1920×1080). Output is
deterministic: the same view and size give the same PNG pixels and the same SVG/PDF bytes
(``svg.hashsalt`` fixed, no dates in the metadata).

Every coordinate handled here is ``(lon, lat)`` until it is projected to map units
``(x, y) = (lon, mercator_y(lat))`` for drawing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import math
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import matplotlib as mpl
import numpy as np
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch, PathPatch, Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.transforms import Bbox
from shapely.geometry import LineString, MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry

from geo.present import style
from geo.routing.antimeridian import shift_coords, wrap_lon
from geo.errors import ExportError
from geo.fileio import atomic_output
from geo.catalogue.land import land, land_pacific
from geo.present.layers import route_id, to_display_window

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase
    from matplotlib.text import Text

    from geo.present.view import LaneView

STATIC_FORMATS: Final[frozenset[str]] = frozenset({".png", ".svg", ".pdf"})
DEFAULT_WIDTH_PX: Final[int] = 1920
DEFAULT_HEIGHT_PX: Final[int] = 1080
MIN_SIDE_PX: Final[int] = 320
MAX_SIDE_PX: Final[int] = 8192
DPI: Final[float] = 100.0
RENDERER_NAME: Final[str] = "static (matplotlib)"

SVG_HASHSALT: Final[str] = "pacific-lane"
FONT_FAMILY: Final[str] = "DejaVu Sans"
INK: Final[str] = "#1d2630"
MUTED: Final[str] = "#5b6470"
RULE: Final[str] = "#c9ced3"
PAGE: Final[str] = "#ffffff"
GRATICULE: Final[str] = "#dde5ea"
PANEL_FILL: Final[str] = "#f6f7f8"
MAX_LAT_DEG: Final[float] = 84.0

# The lane casing and the regime stripe (points at 1080 px high).
LANE_WIDTH_PT: Final[float] = 5.6
STRIPE_GAP_PT: Final[float] = 3.4
STRIPE_WIDTH_PT: Final[float] = 2.2
#: radius in points of a port circle = PORT_RADIUS_PT_PER_SQRT_MTEU * sqrt(million TEU)
PORT_RADIUS_PT_PER_SQRT_MTEU: Final[float] = 1.45
PORT_MIN_RADIUS_PT: Final[float] = 2.6

#: zones drawn as lane colour only (no stripe, no tint): the open sea is the lane itself.
UNTINTED_ZONE_KINDS: Final[frozenset[str]] = frozenset({"open_ocean"})


# --------------------------------------------------------------------------------------------
# Projection: x = longitude in the display window, y = Mercator ordinate in degrees
# --------------------------------------------------------------------------------------------


def mercator_y(lat: Any) -> Any:
    """Mercator ordinate of a latitude, in "degrees" (equal to the latitude near the equator)."""
    phi = np.radians(np.clip(np.asarray(lat, dtype=float), -MAX_LAT_DEG, MAX_LAT_DEG))
    return np.degrees(np.log(np.tan(np.pi / 4.0 + phi / 2.0)))


def inverse_mercator_y(y: Any) -> Any:
    """Latitude of a Mercator ordinate given in degrees."""
    return np.degrees(2.0 * np.arctan(np.exp(np.radians(np.asarray(y, dtype=float)))) - np.pi / 2)


def _project(geom: BaseGeometry) -> BaseGeometry:
    return shapely.transform(geom, lambda xy: np.column_stack([xy[:, 0], mercator_y(xy[:, 1])]))


def lon_label(lon: float) -> str:
    """A longitude of any window as a map label: ``150°E``, ``180°``, ``150°W``, ``0°``."""
    wrapped = wrap_lon(lon)
    value = round(abs(wrapped), 6)
    text = f"{value:g}°"
    if value in (0.0, 180.0):
        return text
    return f"{text}E" if wrapped > 0 else f"{text}W"


def lat_label(lat: float) -> str:
    """``20°N``, ``0°``, ``20°S``."""
    value = round(abs(lat), 6)
    if value == 0:
        return "0°"
    return f"{value:g}°{'N' if lat > 0 else 'S'}"


# --------------------------------------------------------------------------------------------
# Page layout (pixels, origin bottom-left like matplotlib)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Layout:
    width_px: int
    height_px: int
    scale: float  # 1.0 at 1920×1080; font sizes and line widths are multiplied by it
    tall: bool  # panel under the map instead of beside it
    map_box: tuple[float, float, float, float]  # x0, y0, x1, y1 in px
    panel_box: tuple[float, float, float, float]
    title_xy: tuple[float, float]  # top-left corner of the title, px
    footer_box: tuple[float, float, float, float]

    def fig_rect(self, bx: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = bx
        return (
            x0 / self.width_px,
            y0 / self.height_px,
            (x1 - x0) / self.width_px,
            (y1 - y0) / self.height_px,
        )

    def pt(self, value: float) -> float:
        """A size in points (at 1920×1080) scaled to this page."""
        return value * self.scale

    def px(self, value: float) -> float:
        return value * self.scale


def _layout(width_px: int, height_px: int) -> _Layout:
    w, h = float(width_px), float(height_px)
    tall = w / h < 1.25
    scale = min(w / 1080.0, h / 1350.0) if tall else min(h / 1080.0, w / 1440.0)
    s = scale
    margin = 36 * s
    title_band = 118 * s
    footer_band = 92 * s
    tick_left, tick_bottom = 56 * s, 30 * s
    top = h - title_band
    bottom = footer_band + tick_bottom
    if tall:
        panel_h = 360 * s
        panel = (margin, bottom, w - margin, bottom + panel_h)
        map_box = (margin + tick_left, panel[3] + 28 * s + tick_bottom, w - margin, top)
    else:
        panel_w = 430 * s
        panel = (w - margin - panel_w, bottom - tick_bottom, w - margin, top)
        map_box = (margin + tick_left, bottom, panel[0] - 30 * s, top)
    return _Layout(
        width_px=width_px,
        height_px=height_px,
        scale=s,
        tall=tall,
        map_box=map_box,
        panel_box=panel,
        title_xy=(margin, h - 26 * s),
        footer_box=(margin, 12 * s, w - margin, footer_band - 12 * s),
    )


# --------------------------------------------------------------------------------------------
# Geometry helpers
# --------------------------------------------------------------------------------------------


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


def _polygon_path(geom: BaseGeometry) -> MplPath | None:
    """One compound matplotlib path for a (Multi)Polygon; holes follow the non-zero rule."""
    paths = []
    for poly in _polygons(geom):
        poly = shapely.geometry.polygon.orient(poly, 1.0)
        rings = [poly.exterior, *poly.interiors]
        for ring in rings:
            coords = np.asarray(ring.coords)
            if len(coords) >= 4:
                paths.append(MplPath(coords, closed=True))
    if not paths:
        return None
    return MplPath.make_compound_path(*paths)


def _lines(geom: BaseGeometry) -> list[np.ndarray]:
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, LineString):
        return [np.asarray(geom.coords)]
    out: list[np.ndarray] = []
    for part in getattr(geom, "geoms", []):
        out.extend(_lines(part))
    return out


def _project_coords(coords: Sequence[Sequence[float]] | np.ndarray) -> np.ndarray:
    arr = np.asarray(coords, dtype=float)
    return np.column_stack([arr[:, 0], mercator_y(arr[:, 1])])


def _col(row: Any, names: Iterable[str], default: Any = "") -> Any:
    for name in names:
        if name in row and row[name] is not None:
            value = row[name]
            if isinstance(value, float) and math.isnan(value):
                continue
            return value
    return default


def _zone_key(row: Any) -> str:
    return str(_col(row, ("zone_id", "zone"), ""))


def _zone_kind(row: Any) -> str:
    kind = str(_col(row, ("kind", "zone_kind"), ""))
    if not kind and _zone_key(row) == "open_ocean":
        return "open_ocean"
    return kind


# --------------------------------------------------------------------------------------------
# Drawing data gathered from the view
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Port:
    name: str
    lon: float
    lat: float
    radius_pt: float
    detail: str
    sized: bool


@dataclass(frozen=True)
class _ZoneEntry:
    key: str
    name: str
    colour: str
    note: str
    striped: bool
    distance_nm: float | None = None
    duration_h: float | None = None


def _port_entries(view: LaneView, west_deg: float, scale: float) -> list[_Port]:
    ports = (
        view.display_ports()
        if west_deg == view.window_west_deg
        else to_display_window(view.ports_gdf(), west_deg)
    )
    seen_teu: dict[tuple[str, float], str] = {}
    out: list[_Port] = []
    for _, row in ports.iterrows():
        teu = row.get("teu")
        locode = str(row.get("locode") or "")
        name = str(row["name"])
        has_teu = teu is not None and not (isinstance(teu, float) and math.isnan(teu))
        key = (locode, float(teu) if has_teu else -1.0)
        if has_teu and key in seen_teu:
            # the same port's volume (e.g. Yangshan inside Shanghai): count it once
            detail, sized = f"part of {seen_teu[key]}", False
        elif has_teu:
            seen_teu[key] = name
            detail, sized = str(row.get("teu_label") or ""), True
        else:
            detail, sized = "", False
        radius = (
            max(PORT_MIN_RADIUS_PT, PORT_RADIUS_PT_PER_SQRT_MTEU * math.sqrt(float(teu) / 1e6))
            if sized
            else PORT_MIN_RADIUS_PT
        )
        out.append(
            _Port(
                name=name,
                lon=float(row.geometry.x),
                lat=float(row.geometry.y),
                radius_pt=radius * scale,
                detail=detail,
                sized=sized,
            )
        )
    # biggest first: they get the best label places
    out.sort(key=lambda p: (-p.radius_pt, p.name))
    return out


def _zone_entries(view: LaneView, segments: Any, zones: Any) -> list[_ZoneEntry]:
    """Legend rows: the zones the headline route passes, in voyage order, with the distance and
    time spent in each; then any other zone drawn."""
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    notes: dict[str, str] = {}
    nm: dict[str, float] = {}
    hours: dict[str, float] = {}
    order: list[str] = []
    main_id = route_id(view.main)
    for frame in (segments, zones):
        if frame is None:
            continue
        for _, row in frame.iterrows():
            key = _zone_key(row)
            if not key:
                continue
            if key not in order:
                order.append(key)
            names.setdefault(key, str(_col(row, ("zone_name",), "")) or "")
            kinds.setdefault(key, _zone_kind(row))
            sulphur = _col(row, ("sulphur_limit_pct",), None)
            if sulphur not in (None, "") and key not in notes:
                with contextlib.suppress(TypeError, ValueError):
                    notes[key] = f"sulphur ≤\u00a0{float(sulphur):.2f}\u00a0%"
            if frame is segments and str(_col(row, ("route_id",), main_id)) == main_id:
                nm[key] = nm.get(key, 0.0) + float(_col(row, ("distance_nm",), 0.0))
                hours[key] = hours.get(key, 0.0) + float(_col(row, ("duration_h",), 0.0))
    if segments is not None:
        # zones without a zone_name (open sea): the segments' common name ("Open Pacific")
        # without its "(2)" number, or "Open ocean" when they differ
        seg_names: dict[str, set[str]] = {}
        for _, row in segments.iterrows():
            key = _zone_key(row)
            name = re.sub(r"\s*\(\d+\)$", "", str(_col(row, ("name",), key)))
            seg_names.setdefault(key, set()).add(name)
        for key, found in seg_names.items():
            if not names.get(key):
                names[key] = found.pop() if len(found) == 1 else "Open ocean"
    return [
        _ZoneEntry(
            key=k,
            name=names.get(k) or k.replace("_", " "),
            colour=style.zone_colour(k),
            note=notes.get(k, ""),
            striped=kinds.get(k, "") not in UNTINTED_ZONE_KINDS,
            distance_nm=nm.get(k),
            duration_h=hours.get(k),
        )
        for k in order
    ]


def _visible_entries(entries: Sequence[_ZoneEntry], zones: Any, ext: _Extent) -> list[_ZoneEntry]:
    """The legend rows worth showing: zones on the route, and zones drawn inside the map."""
    if zones is None:
        return [e for e in entries if e.distance_nm is not None]
    frame = box(
        ext.lon0,
        float(inverse_mercator_y(ext.y0)),
        ext.lon1,
        float(inverse_mercator_y(ext.y1)),
    )
    shown = {
        _zone_key(row)
        for _, row in zones.iterrows()
        if row.geometry is not None and row.geometry.intersects(frame)
    }
    return [e for e in entries if e.distance_nm is not None or e.key in shown]


def _non_empty(gdf: Any) -> Any:
    return gdf if gdf is not None and len(gdf) else None


# --------------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------------


def _text_width_px(text: Text, renderer: RendererBase) -> float:
    return float(text.get_window_extent(renderer).width)


def _fit_text(text: Text, renderer: RendererBase, max_width_px: float, min_size: float) -> None:
    """Shrink the font of ``text`` down to ``min_size``, then cut it with an ellipsis."""
    while _text_width_px(text, renderer) > max_width_px and float(text.get_fontsize()) > min_size:
        text.set_fontsize(max(min_size, float(text.get_fontsize()) * 0.94))
    original = text.get_text()
    if _text_width_px(text, renderer) <= max_width_px:
        return
    lo, hi = 1, len(original)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        text.set_text(original[:mid].rstrip() + "…")
        if _text_width_px(text, renderer) <= max_width_px:
            lo = mid
        else:
            hi = mid - 1
    text.set_text(original[:lo].rstrip() + "…")


def _wrap_to_width(
    text: Text, renderer: RendererBase, content: str, max_width_px: float, max_lines: int
) -> None:
    """Wrap ``content`` into at most ``max_lines`` lines that fit ``max_width_px``."""
    text.set_text(content)
    if _text_width_px(text, renderer) <= max_width_px:
        return
    chars_per_px = len(content) / max(_text_width_px(text, renderer), 1.0)
    width = max(20, int(max_width_px * chars_per_px))
    while width > 10:
        lines = textwrap.wrap(content, width=width, break_long_words=False)
        text.set_text("\n".join(lines))
        if len(lines) <= max_lines and _text_width_px(text, renderer) <= max_width_px:
            return
        if len(lines) > max_lines:
            break
        width -= 2
    lines = textwrap.wrap(content, width=width, break_long_words=False)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1].rstrip(" ;,") + " …"]
    text.set_text("\n".join(lines[:max_lines]))
    if _text_width_px(text, renderer) > max_width_px:
        _fit_text(text, renderer, max_width_px, float(text.get_fontsize()) * 0.85)


_QUOTED_RE: Final[re.Pattern[str]] = re.compile(r"\s*(“[^”]*”|\"[^\"]*\")")
_PAREN_RE: Final[re.Pattern[str]] = re.compile(r"\s*\(([^()]*)\)")


def short_source(source: str) -> str:
    """A source name short enough for a footer: the publisher, without article titles.

    ``"freightwaves.com, “Port of Los Angeles tops 10M ...”"`` → ``"freightwaves.com"``;
    ``"MARPOL Annex VI (reported by marinelink.com)"`` → ``"MARPOL Annex VI"``; acronyms and
    years in brackets stay (``"... (SIPG)"``); a source *as reported by* a publisher is kept
    whole, as the project cites it.
    """
    text = " ".join(str(source).split())
    if ", as reported by " in text:
        head, _, tail = text.partition(", as reported by ")
        return f"{head}, as reported by {tail.split(';')[0].strip()}"
    text = _QUOTED_RE.sub("", text)
    text = _PAREN_RE.sub(
        lambda m: f" ({m.group(1)})" if re.fullmatch(r"[A-Z0-9&.\- ]+", m.group(1)) else "", text
    )
    depth = 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            text = text[:i]
            break
    return text.strip(" ;,")


def _footer_sources(view: LaneView, segments: Any) -> str:
    names: list[str] = []
    for source, _url in view.sources():
        names.append(short_source(source))
    if segments is not None and "source" in segments.columns:
        for value in segments["source"]:
            for part in str(value or "").split(";"):
                if part.strip():
                    names.append(short_source(part))
    unique = list(dict.fromkeys(n for n in names if n))
    return "Sources: " + "; ".join(unique) + "."


def _format_date(as_of: str) -> str:
    try:
        day = dt.date.fromisoformat(as_of)
    except ValueError:
        return as_of
    return f"{day.day} {day.strftime('%b')} {day.year}"


def default_subtitle(view: LaneView) -> str:
    """``"Shanghai → Los Angeles / Long Beach · sea route at 18 kn · 26 Nov 2026"``."""
    origins = list(dict.fromkeys(r.origin.name for r in view.routes)) or [view.origin.name]
    dests = list(dict.fromkeys(r.destination.name for r in view.routes)) or [view.destination.name]
    return (
        f"{' / '.join(origins)} → {' / '.join(dests)} · sea route at {view.speed_kn:g} kn"
        f" · {_format_date(view.as_of)}"
    )


# --------------------------------------------------------------------------------------------
# The map
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Extent:
    lon0: float
    lon1: float
    y0: float
    y1: float


def _fit_extent(lane: Sequence[np.ndarray], aspect: float) -> _Extent:
    """Map limits around the lane (map units), with margins, matching the axes' aspect.

    Only the lane counts: corridor ports far from it (Los Angeles on a Shanghai → Rotterdam
    map) may fall outside."""
    lons = np.concatenate([c[:, 0] for c in lane])
    ys = np.concatenate([c[:, 1] for c in lane])
    lon0, lon1 = float(lons.min()), float(lons.max())
    y0, y1 = float(ys.min()), float(ys.max())
    span_x = max(lon1 - lon0, 6.0)
    span_y = max(y1 - y0, 4.0)
    cx, cy = (lon0 + lon1) / 2, (y0 + y1) / 2
    span_x *= 1.16
    span_y *= 1.5
    if span_x / span_y > aspect:
        span_y = span_x / aspect
    else:
        span_x = span_y * aspect
    span_x = min(span_x, 360.0)
    span_y = span_x / aspect
    y_max = float(mercator_y(MAX_LAT_DEG))
    lo_y, hi_y = cy - span_y / 2, cy + span_y / 2
    if hi_y > y_max:
        lo_y, hi_y = lo_y - (hi_y - y_max), y_max
    if lo_y < -y_max:
        lo_y, hi_y = -y_max, min(y_max, -y_max + span_y)
    x0, x1 = cx - span_x / 2, cx + span_x / 2
    return _Extent(lon0=x0, lon1=x1, y0=lo_y, y1=hi_y)


def _nice_step(span: float, target: int) -> float:
    for step in (1, 2, 5, 10, 15, 20, 30, 45, 60, 90):
        if span / step <= target:
            return float(step)
    return 90.0


def _draw_land(ax: Axes, ext: _Extent, west_deg: float, layout: _Layout) -> None:
    gdf = land_pacific() if west_deg == 0 else to_display_window(land(), west_deg)
    lat0 = float(inverse_mercator_y(ext.y0)) - 2
    lat1 = float(inverse_mercator_y(ext.y1)) + 2
    clip = box(ext.lon0 - 2, max(-89.0, lat0), ext.lon1 + 2, min(89.0, lat1))
    patches = []
    for geom in gdf.geometry:
        if geom is None or geom.is_empty or not geom.intersects(clip):
            continue
        path = _polygon_path(_project(geom.intersection(clip)))
        if path is not None:
            patches.append(PathPatch(path))
    ax.add_collection(
        PatchCollection(
            patches,
            facecolor=style.LAND_COLOUR,
            edgecolor=style.LAND_EDGE_COLOUR,
            linewidth=layout.pt(0.6),
            zorder=2,
        ),
        autolim=False,
    )


def _draw_graticule(ax: Axes, ext: _Extent, layout: _Layout) -> None:
    lon_step = _nice_step(ext.lon1 - ext.lon0, 6)
    first = math.ceil(ext.lon0 / lon_step) * lon_step
    lons = np.arange(first, ext.lon1 + 1e-9, lon_step)
    lat0 = float(inverse_mercator_y(ext.y0))
    lat1 = float(inverse_mercator_y(ext.y1))
    lat_step = _nice_step(lat1 - lat0, 5)
    lats = np.arange(math.ceil(lat0 / lat_step) * lat_step, lat1 + 1e-9, lat_step)
    ys = mercator_y(lats)
    segs = [[(lon, ext.y0), (lon, ext.y1)] for lon in lons]
    segs += [[(ext.lon0, y), (ext.lon1, y)] for y in ys]
    ax.add_collection(
        LineCollection(segs, colors=GRATICULE, linewidths=layout.pt(0.8), zorder=1),
        autolim=False,
    )
    ax.set_xticks(lons, [lon_label(v) for v in lons])
    ax.set_yticks(ys, [lat_label(v) for v in lats])
    ax.tick_params(
        axis="both",
        length=0,
        pad=layout.pt(5),
        labelsize=layout.pt(10.5),
        labelcolor=MUTED,
        labelfontfamily=FONT_FAMILY,
    )


def _draw_zones(ax: Axes, zones: Any, entries: Sequence[_ZoneEntry], layout: _Layout) -> None:
    striped = {e.key for e in entries if e.striped}
    patches, colours = [], []
    for _, row in zones.iterrows():
        key = _zone_key(row)
        if key not in striped:
            continue
        path = _polygon_path(_project(row.geometry))
        if path is None:
            continue
        patches.append(PathPatch(path))
        colours.append(style.zone_colour(key))
    if not patches:
        return
    # a light tint, and the outline a little stronger (two collections: alpha differs)
    ax.add_collection(
        PatchCollection(patches, facecolors=colours, edgecolors="none", alpha=0.16, zorder=3),
        autolim=False,
    )
    ax.add_collection(
        PatchCollection(
            [PathPatch(p.get_path()) for p in patches],
            facecolors="none",
            edgecolors=colours,
            linewidths=layout.pt(0.7),
            alpha=0.55,
            zorder=3,
        ),
        autolim=False,
    )


def _draw_lane(
    ax: Axes,
    lane: Sequence[np.ndarray],
    segments: Any,
    entries: Sequence[_ZoneEntry],
    layout: _Layout,
    *,
    stripe_scale: float = 1.0,
) -> None:
    ax.add_collection(
        LineCollection(
            list(lane),
            colors=style.LANE_COLOUR,
            linewidths=layout.pt(LANE_WIDTH_PT) * stripe_scale,
            capstyle="round",
            joinstyle="round",
            zorder=6,
        )
    )
    if segments is None:
        return
    striped = {e.key for e in entries if e.striped}
    for _, row in segments.iterrows():
        key = _zone_key(row)
        if key not in striped:
            continue
        parts = [_project_coords(c) for c in _lines(row.geometry)]
        if not parts:
            continue
        for colour, width, z in (
            (PAGE, STRIPE_GAP_PT, 7),
            (style.zone_colour(key), STRIPE_WIDTH_PT, 7.5),
        ):
            ax.add_collection(
                LineCollection(
                    parts,
                    colors=colour,
                    linewidths=layout.pt(width) * stripe_scale,
                    capstyle="butt",
                    joinstyle="round",
                    zorder=z,
                )
            )


def _draw_port_markers(ax: Axes, ports: Sequence[_Port], layout: _Layout) -> None:
    for p in ports:
        size = (2 * p.radius_pt) ** 2
        ax.scatter(
            [p.lon],
            [float(mercator_y(p.lat))],
            s=[size],
            facecolor=style.PORT_COLOUR,
            alpha=0.22 if p.sized else 0.9,
            edgecolor="none",
            zorder=4,
        )
        ax.scatter(
            [p.lon],
            [float(mercator_y(p.lat))],
            s=[size],
            facecolor="none",
            edgecolor=style.PORT_COLOUR,
            linewidths=layout.pt(1.1),
            zorder=8,
        )


def _lane_display_shape(ax: Axes, lane: Sequence[np.ndarray], pad_px: float) -> BaseGeometry:
    """The lane in display pixels, widened by ``pad_px`` (for collision checks)."""
    shapes = []
    for coords in lane:
        disp = ax.transData.transform(coords)
        shapes.append(LineString(disp).buffer(pad_px))
    return shapely.union_all(shapes)


def _bbox_shape(bb: Bbox, pad: float = 0.0) -> BaseGeometry:
    return box(bb.x0 - pad, bb.y0 - pad, bb.x1 + pad, bb.y1 + pad)


_LABEL_DIRECTIONS: Final[tuple[tuple[float, float], ...]] = (
    (-1, 0),
    (1, 0),
    (-1, -1),
    (1, -1),
    (0, -1),
    (-1, 1),
    (1, 1),
    (0, 1),
)


@dataclass
class _Cluster:
    """Ports whose markers touch on the page: labelled together (e.g. Los Angeles and Long
    Beach, 6 km apart)."""

    ports: list[_Port]
    centre_px: np.ndarray
    radius_px: float

    def text(self) -> str:
        return "\n".join(f"{p.name}\n{p.detail}" if p.detail else p.name for p in self.ports)


def _clusters(ax: Axes, ports: Sequence[_Port], gap_px: float) -> list[_Cluster]:
    centres = [ax.transData.transform((p.lon, float(mercator_y(p.lat)))) for p in ports]
    radii = [p.radius_pt * DPI / 72.0 for p in ports]
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
        pts = np.array([centres[i] for i in members])
        centre = pts.mean(axis=0)
        radius = max(float(np.hypot(*(centres[i] - centre))) + radii[i] for i in members)
        out.append(_Cluster([ports[i] for i in members], centre, radius))
    return out


def _place_port_labels(
    ax: Axes,
    ports: Sequence[_Port],
    lane_shape: BaseGeometry,
    renderer: RendererBase,
    layout: _Layout,
) -> list[str]:
    """Label each cluster of ports where the label touches neither the lane, another label, a
    marker, nor the map edge; farther candidates get a thin leader line. Returns the names
    of ports left unlabelled (every candidate collided)."""
    axes_box = _bbox_shape(ax.get_window_extent(renderer), -layout.px(4))
    clusters = _clusters(ax, ports, layout.px(6))
    discs = [shapely.Point(c.centre_px).buffer(c.radius_px + layout.px(2)) for c in clusters]
    blocked: list[BaseGeometry] = []
    missing: list[str] = []
    to_points = 72.0 / DPI
    for i, cl in enumerate(clusters):
        ax_xy = ax.transData.inverted().transform(cl.centre_px)
        anchor = (float(ax_xy[0]), float(ax_xy[1]))
        placed = False
        for dist_scale in (1.0, 2.0, 3.2, 4.6):
            for dx, dy in _LABEL_DIRECTIONS:
                gap = (cl.radius_px + layout.px(7)) * dist_scale * to_points
                norm = math.hypot(dx, dy)
                off = (dx / norm * gap, dy / norm * gap)
                ha = "right" if dx < 0 else "left" if dx > 0 else "center"
                va = "top" if dy < 0 else "bottom" if dy > 0 else "center"
                leader = dist_scale > 1.0
                ann = ax.annotate(
                    cl.text(),
                    xy=anchor,
                    xytext=off,
                    textcoords="offset points",
                    ha=ha,
                    va=va,
                    fontsize=layout.pt(11.5),
                    fontfamily=FONT_FAMILY,
                    color=INK,
                    linespacing=1.15,
                    zorder=11,
                    annotation_clip=False,
                    arrowprops=(
                        {
                            "arrowstyle": "-",
                            "color": MUTED,
                            "linewidth": layout.pt(0.8),
                            "shrinkA": layout.pt(3),
                            "shrinkB": cl.radius_px * to_points + layout.pt(2),
                        }
                        if leader
                        else None
                    ),
                )
                bb = _bbox_shape(ann.get_window_extent(renderer), layout.px(3))
                collides = (
                    not axes_box.contains(bb)
                    or bb.intersects(lane_shape)
                    or any(bb.intersects(b) for b in blocked)
                    or any(bb.intersects(d) for j, d in enumerate(discs) if j != i)
                )
                if leader and not collides:
                    x0, y0, x1, y1 = bb.bounds
                    end = (min(max(cl.centre_px[0], x0), x1), min(max(cl.centre_px[1], y0), y1))
                    line = LineString([tuple(cl.centre_px), end]).difference(discs[i])
                    collides = line.buffer(layout.px(1.5)).intersects(lane_shape) or any(
                        line.intersects(d) for j, d in enumerate(discs) if j != i
                    )
                if collides:
                    ann.remove()
                    continue
                blocked.append(bb)
                placed = True
                break
            if placed:
                break
        if not placed:
            missing.extend(p.name for p in cl.ports)
    return missing


# --------------------------------------------------------------------------------------------
# Panels: title, key figures, legend, footer
# --------------------------------------------------------------------------------------------


def _key_figures(view: LaneView) -> list[tuple[str, str]]:
    r = view.main
    to = f" to {r.destination.name}" if len(view.routes) > 1 else ""
    rows = [
        (f"Distance{to}", f"{r.distance_nm:,.0f} nm · {r.distance_km:,.0f} km"),
        ("Time at sea", f"{r.duration_days:,.1f} days at {r.speed_kn:g} kn"),
    ]
    if view.lane.headline is not None:
        rows.append(("Lane trade value", view.lane.headline.label()))
    else:
        rows.append(("Lane trade value", "no sourced figure for this lane"))
    rows.append(
        (
            "Against the great circle",
            f"{r.great_circle_ratio:.2f}× ({r.great_circle_nm:,.0f} nm)",
        )
    )
    return rows


def _distance_words(distance_nm: float, duration_h: float | None) -> str:
    """``"212 nm, 12 h"``; short legs keep one decimal (``"4.3 nm, 0.2 h"``)."""
    nbsp = "\u00a0"
    nm = f"{distance_nm:,.0f}" if distance_nm >= 10 else f"{distance_nm:.1f}"
    if duration_h is None:
        return f"{nm}{nbsp}nm"
    if duration_h >= 48:
        return f"{nm}{nbsp}nm, {duration_h / 24:,.1f}{nbsp}days"
    h = f"{duration_h:,.0f}" if duration_h >= 10 else f"{duration_h:.1f}"
    return f"{nm}{nbsp}nm, {h}{nbsp}h"


class _Cursor:
    """Stacks text and keys downwards inside a panel box (pixel coordinates)."""

    def __init__(
        self, fig: Figure, layout: _Layout, renderer: RendererBase, x: float, y: float, width: float
    ) -> None:
        self.fig, self.layout, self.renderer = fig, layout, renderer
        self.x, self.y, self.width = x, y, width

    def text(
        self,
        content: str,
        size: float,
        *,
        color: str = INK,
        weight: str = "normal",
        indent: float = 0.0,
        gap: float = 4.0,
        max_lines: int = 2,
    ) -> Text:
        lay = self.layout
        t = self.fig.text(
            (self.x + indent) / lay.width_px,
            self.y / lay.height_px,
            content,
            ha="left",
            va="top",
            fontsize=lay.pt(size),
            fontfamily=FONT_FAMILY,
            color=color,
            fontweight=weight,
            linespacing=1.2,
        )
        _wrap_to_width(t, self.renderer, content, self.width - indent, max_lines)
        self.y -= t.get_window_extent(self.renderer).height + lay.px(gap)
        return t


def _draw_key_figures(cur: _Cursor, view: LaneView) -> None:
    lay = cur.layout
    cur.text("KEY FIGURES", 10.5, color=MUTED, weight="bold", gap=10)
    for label, value in _key_figures(view):
        cur.text(label, 11, color=MUTED, gap=2)
        cur.text(value, 17, weight="bold", gap=12)
    cur.y -= lay.px(4)


def _draw_legend(cur: _Cursor, entries: Sequence[_ZoneEntry], ports: Sequence[_Port]) -> None:
    fig, lay = cur.fig, cur.layout
    cur.text("LEGEND", 10.5, color=MUTED, weight="bold", gap=10)
    key_w, key_h = lay.px(44), lay.px(18)
    indent = key_w + lay.px(12)

    def key_line(colour: str | None, tint: str | None, stripe: bool) -> None:
        x0 = cur.x / lay.width_px
        yc = (cur.y - lay.px(11)) / lay.height_px
        w = key_w / lay.width_px
        if tint is not None:
            fig.add_artist(
                Rectangle(
                    (x0, yc - key_h / 2 / lay.height_px),
                    w,
                    key_h / lay.height_px,
                    transform=fig.transFigure,
                    facecolor=tint,
                    alpha=0.16,
                    edgecolor=tint,
                    linewidth=lay.pt(0.7),
                )
            )
        fig.add_artist(
            Line2D(
                [x0 + 0.1 * w, x0 + 0.9 * w],
                [yc, yc],
                transform=fig.transFigure,
                color=style.LANE_COLOUR,
                linewidth=lay.pt(LANE_WIDTH_PT),
                solid_capstyle="round",
            )
        )
        if stripe and colour is not None:
            for c, width in ((PAGE, STRIPE_GAP_PT), (colour, STRIPE_WIDTH_PT)):
                fig.add_artist(
                    Line2D(
                        [x0 + 0.1 * w, x0 + 0.9 * w],
                        [yc, yc],
                        transform=fig.transFigure,
                        color=c,
                        linewidth=lay.pt(width),
                        solid_capstyle="butt",
                    )
                )

    key_line(None, None, False)
    cur.text("Sea route", 12, indent=indent, gap=1)
    cur.text("an inner stripe marks a regulated zone", 10.5, color=MUTED, indent=indent, gap=9)
    on_route = any(e.distance_nm is not None for e in entries)
    for e in entries:
        key_line(e.colour, e.colour if e.striped else None, e.striped)
        cur.text(e.name, 12, indent=indent, gap=1)
        details = []
        if e.distance_nm is not None:
            details.append(_distance_words(e.distance_nm, e.duration_h))
        elif on_route:
            details.append("not on this route")
        if e.note:
            details.append(e.note)
        if details:
            cur.text(" · ".join(details), 10.5, color=MUTED, indent=indent, gap=9)
        else:
            cur.y -= lay.px(8)
    if entries:
        cur.text("Zones approximate", 10.5, color=MUTED, indent=indent, gap=10)
    # ports: reference circles
    sized = [p for p in ports if p.sized]
    refs = (10.0, 50.0)
    cur.y -= lay.px(2)
    x = cur.x
    top = cur.y
    max_r = 0.0
    for mteu in refs:
        r_pt = PORT_RADIUS_PT_PER_SQRT_MTEU * math.sqrt(mteu) * lay.scale
        r_px = r_pt * DPI / 72.0
        max_r = max(max_r, r_px)
    for mteu in refs:
        r_pt = PORT_RADIUS_PT_PER_SQRT_MTEU * math.sqrt(mteu) * lay.scale
        r_px = r_pt * DPI / 72.0
        cx, cy = x + max_r, top - max_r
        for face, alpha, edge in (
            (style.PORT_COLOUR, 0.22, "none"),
            ("none", 1.0, style.PORT_COLOUR),
        ):
            fig.add_artist(
                Line2D(
                    [cx / lay.width_px],
                    [cy / lay.height_px],
                    transform=fig.transFigure,
                    linestyle="none",
                    marker="o",
                    markersize=2 * r_pt,
                    markerfacecolor=face,
                    markeredgecolor=edge,
                    markeredgewidth=lay.pt(1.1),
                    alpha=alpha,
                )
            )
        fig.text(
            (cx + max_r + lay.px(6)) / lay.width_px,
            cy / lay.height_px,
            f"{mteu:g} M TEU",
            ha="left",
            va="center",
            fontsize=lay.pt(11),
            fontfamily=FONT_FAMILY,
            color=MUTED,
        )
        x += 2 * max_r + lay.px(100)
    cur.y = top - 2 * max_r - lay.px(8)
    what = "Port; circle area = containers a year" if sized else "Port"
    cur.text(what, 12, gap=6)


def _draw_title(
    fig: Figure, layout: _Layout, renderer: RendererBase, title: str, subtitle: str
) -> None:
    x, y = layout.title_xy
    max_w = layout.width_px - 2 * x
    t = fig.text(
        x / layout.width_px,
        y / layout.height_px,
        title,
        ha="left",
        va="top",
        fontsize=layout.pt(27),
        fontfamily=FONT_FAMILY,
        fontweight="bold",
        color=INK,
    )
    _fit_text(t, renderer, max_w, layout.pt(16))
    t_h = t.get_window_extent(renderer).height
    s = fig.text(
        x / layout.width_px,
        (y - t_h - layout.px(10)) / layout.height_px,
        subtitle,
        ha="left",
        va="top",
        fontsize=layout.pt(15),
        fontfamily=FONT_FAMILY,
        color=MUTED,
    )
    _fit_text(s, renderer, max_w, layout.pt(11))


def _draw_footer(
    fig: Figure, layout: _Layout, renderer: RendererBase, sources: str, assumptions: str
) -> None:
    x0, y0, x1, y1 = layout.footer_box
    fig.add_artist(
        Line2D(
            [x0 / layout.width_px, x1 / layout.width_px],
            [y1 / layout.height_px, y1 / layout.height_px],
            transform=fig.transFigure,
            color=RULE,
            linewidth=layout.pt(0.8),
        )
    )
    a = fig.text(
        x0 / layout.width_px,
        y0 / layout.height_px,
        assumptions,
        ha="left",
        va="bottom",
        fontsize=layout.pt(11),
        fontfamily=FONT_FAMILY,
        color=INK,
    )
    _fit_text(a, renderer, x1 - x0, layout.pt(9))
    a_h = a.get_window_extent(renderer).height
    s = fig.text(
        x0 / layout.width_px,
        (y0 + a_h + layout.px(6)) / layout.height_px,
        sources,
        ha="left",
        va="bottom",
        fontsize=layout.pt(10.5),
        fontfamily=FONT_FAMILY,
        color=MUTED,
        linespacing=1.2,
    )
    _wrap_to_width(s, renderer, sources, x1 - x0, 2)


def _draw_panel(
    fig: Figure,
    lay: _Layout,
    renderer: RendererBase,
    view: LaneView,
    entries: Sequence[_ZoneEntry],
    ports: Sequence[_Port],
) -> float:
    """Key figures and legend in the panel box; returns the lowest y (px) used."""
    px0, _, px1, py1 = lay.panel_box
    pad = lay.px(22)
    if lay.tall:
        half = (px1 - px0) / 2
        left = _Cursor(fig, lay, renderer, px0 + pad, py1 - pad, half - 2 * pad)
        _draw_key_figures(left, view)
        right = _Cursor(fig, lay, renderer, px0 + half + pad, py1 - pad, half - 2 * pad)
        _draw_legend(right, entries, ports)
        return min(left.y, right.y)
    cur = _Cursor(fig, lay, renderer, px0 + pad, py1 - pad, px1 - px0 - 2 * pad)
    _draw_key_figures(cur, view)
    fig.add_artist(
        Line2D(
            [(px0 + pad) / lay.width_px, (px1 - pad) / lay.width_px],
            [(cur.y + lay.px(4)) / lay.height_px] * 2,
            transform=fig.transFigure,
            color=RULE,
            linewidth=lay.pt(0.8),
        )
    )
    cur.y -= lay.px(14)
    _draw_legend(cur, entries, ports)
    return cur.y


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def _check_size(width_px: object, height_px: object) -> tuple[int, int]:
    out = []
    for name, value in (("width", width_px), ("height", height_px)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise ExportError(
                f"snapshot {name} {value!r} is not a whole number of pixels; accepted: "
                f"{MIN_SIDE_PX} to {MAX_SIDE_PX}"
            )
        if not MIN_SIDE_PX <= int(value) <= MAX_SIDE_PX:
            raise ExportError(
                f"snapshot {name} {value} px is out of range; accepted: {MIN_SIDE_PX} to "
                f"{MAX_SIDE_PX} px"
            )
        out.append(int(value))
    return out[0], out[1]


def build_figure(
    view: LaneView,
    *,
    width_px: int = DEFAULT_WIDTH_PX,
    height_px: int = DEFAULT_HEIGHT_PX,
    title: str | None = None,
    subtitle: str | None = None,
) -> Figure:
    """The snapshot as a matplotlib :class:`~matplotlib.figure.Figure` (Agg canvas attached).

    Exactly ``width_px × height_px`` pixels at :data:`DPI`. Uses no ``pyplot`` state.
    """
    width_px, height_px = _check_size(width_px, height_px)
    lay = _layout(width_px, height_px)
    fig = Figure(figsize=(width_px / DPI, height_px / DPI), dpi=DPI, facecolor=PAGE)
    canvas = FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()
    west = float(view.window_west_deg)

    segments_raw = _non_empty(view.segments_gdf())
    zones_raw = _non_empty(view.zones_gdf())
    segments = view.display_segments() if segments_raw is not None else None
    zones = to_display_window(zones_raw, west) if zones_raw is not None else None
    entries = _zone_entries(view, segments, zones)
    lane = [_project_coords(shift_coords(r.coords, west)) for r in view.routes]
    ports = _port_entries(view, west, lay.scale)

    ax = fig.add_axes(lay.fig_rect(lay.map_box))
    ax.set_facecolor(style.SEA_COLOUR)
    for spine in ax.spines.values():
        spine.set_edgecolor(RULE)
        spine.set_linewidth(lay.pt(0.8))
    map_w = lay.map_box[2] - lay.map_box[0]
    map_h = lay.map_box[3] - lay.map_box[1]
    ext = _fit_extent(lane, map_w / map_h)
    ax.set_xlim(ext.lon0, ext.lon1)
    ax.set_ylim(ext.y0, ext.y1)
    ax.set_autoscale_on(False)
    _draw_graticule(ax, ext, lay)
    entries = _visible_entries(entries, zones, ext)
    _draw_land(ax, ext, west, lay)
    if zones is not None:
        _draw_zones(ax, zones, entries, lay)
    _draw_port_markers(ax, ports, lay)
    _draw_lane(ax, lane, segments, entries, lay)

    lane_shape = _lane_display_shape(ax, lane, lay.px(LANE_WIDTH_PT * 1.39 / 2 + 3))
    _place_port_labels(ax, ports, lane_shape, renderer, lay)

    _draw_title(
        fig,
        lay,
        renderer,
        title if title is not None else view.title,
        subtitle if subtitle is not None else default_subtitle(view),
    )
    px0, py0, px1, py1 = lay.panel_box
    fig.add_artist(
        FancyBboxPatch(
            (px0 / lay.width_px, py0 / lay.height_px),
            (px1 - px0) / lay.width_px,
            (py1 - py0) / lay.height_px,
            boxstyle="square,pad=0",
            transform=fig.transFigure,
            facecolor=PANEL_FILL,
            edgecolor="none",
            zorder=-1,
        )
    )
    # shrink the panel's text until it fits (long zone lists, small or square pages)
    factor = 1.0
    while True:
        before = {id(a) for a in fig.get_children()}
        bottom = _draw_panel(
            fig, replace(lay, scale=lay.scale * factor), renderer, view, entries, ports
        )
        if bottom >= py0 or factor <= 0.7:
            break
        for artist in fig.get_children():
            if id(artist) not in before:
                artist.remove()
        factor *= 0.92
    _draw_footer(fig, lay, renderer, _footer_sources(view, segments), view.assumptions())
    return fig


def _ensure_svg_salt() -> None:
    # The SVG backend reads its id salt from rcParams only. Setting it once, to a constant,
    # is idempotent across threads (no save/restore race as with rc_context).
    if mpl.rcParams.get("svg.hashsalt") != SVG_HASHSALT:
        mpl.rcParams["svg.hashsalt"] = SVG_HASHSALT


def _metadata(fmt: str, title: str, description: str) -> dict[str, Any]:
    if fmt == "png":
        return {
            "Title": title,
            "Description": description,
            "Software": "pacific-lane (matplotlib)",
        }
    if fmt == "svg":
        return {
            "Title": title,
            "Description": description,
            "Date": None,
            "Creator": "pacific-lane (matplotlib)",
        }
    return {
        "Title": title,
        "Subject": description,
        "Creator": "pacific-lane (matplotlib)",
        "Producer": "pacific-lane (matplotlib)",
        "CreationDate": None,
        "ModDate": None,
    }


def render_static_bytes(
    view: LaneView,
    fmt: str,
    *,
    width_px: int = DEFAULT_WIDTH_PX,
    height_px: int = DEFAULT_HEIGHT_PX,
    title: str | None = None,
    subtitle: str | None = None,
) -> bytes:
    """The snapshot as bytes in ``fmt`` (``"png"``, ``"svg"`` or ``"pdf"``), e.g. for a
    download button. See :func:`render_static`."""
    key = fmt.lower().lstrip(".")
    if f".{key}" not in STATIC_FORMATS:
        raise ExportError(
            f"static snapshot format {fmt!r} is not supported; accepted: "
            f"{', '.join(sorted(STATIC_FORMATS))}"
        )
    fig = build_figure(view, width_px=width_px, height_px=height_px, title=title, subtitle=subtitle)
    if key == "svg":
        _ensure_svg_salt()
    buf = io.BytesIO()
    fig.savefig(
        buf,
        format=key,
        dpi=DPI,
        facecolor=PAGE,
        metadata=_metadata(
            key,
            title if title is not None else view.title,
            f"{default_subtitle(view)}. {view.assumptions()}",
        ),
    )
    return buf.getvalue()


def render_static(
    view: LaneView,
    path: Path,
    *,
    width_px: int = DEFAULT_WIDTH_PX,
    height_px: int = DEFAULT_HEIGHT_PX,
    title: str | None = None,
    subtitle: str | None = None,
) -> Path:
    """Write the snapshot of ``view`` to ``path`` (.png, .svg or .pdf, by its extension).

    ``width_px × height_px`` is the page in pixels (the PNG's exact size; SVG and PDF get the
    same layout at 100 px per inch). ``title`` defaults to ``view.title``; ``subtitle`` to
    ``"origin → destination · sea route at N kn · date"``. The file is written atomically.
    Raises :class:`~geo.errors.ExportError` for an unknown extension or a size outside
    320–8192 px. Returns ``path``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in STATIC_FORMATS:
        raise ExportError(
            f"cannot render {path.name!r}: the static renderer writes "
            f"{', '.join(sorted(STATIC_FORMATS))}"
        )
    data = render_static_bytes(
        view, suffix, width_px=width_px, height_px=height_px, title=title, subtitle=subtitle
    )
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)
    return path
