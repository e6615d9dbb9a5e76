"""The slide as a matplotlib figure, and as PNG, SVG or PDF bytes or files.

:func:`build_figure` lays out one :class:`~geo.present.model.LanePresentation` on a
:class:`~matplotlib.figure.Figure` with an Agg canvas (no ``pyplot``, so threads can render at
once): header, the map as the largest element, the panel (metrics box and legend) beside it
(under it on tall pages) and the footer. Output is deterministic: the same presentation and
size give the same PNG pixels and the same SVG/PDF bytes.

SVG text stays text (``svg.fonttype = 'none'``: one ``<text>`` element per line, editable in
PowerPoint or Illustrator, in DejaVu Sans); ids use a fixed salt. Both are set once in
``matplotlib.rcParams`` when this module is imported (idempotent constants; no save/restore
race as with ``rc_context``).
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from xml.dom import minidom

import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from geo.errors import ExportError
from geo.fileio import atomic_output
from geo.present.frame import lane_frame
from geo.render.static import badges, basemap, labels, lane, markers, panel
from geo.render.static.fonts import savefig
from geo.render.static.lane import LANE_WIDTH_PT
from geo.render.static.layout import (
    DEFAULT_HEIGHT_PX,
    DEFAULT_WIDTH_PX,
    DPI,
    PAGE,
    check_size,
    make_layout,
)
from geo.render.static.projection import mercator_y

if TYPE_CHECKING:
    from geo.present.model import LanePresentation

STATIC_FORMATS: Final[frozenset[str]] = frozenset({".png", ".svg", ".pdf"})
RENDERER_NAME: Final[str] = "static (matplotlib)"
SVG_HASHSALT: Final[str] = "pacific-lane"


def _ensure_svg_rc() -> None:
    # The SVG backend reads its id salt and font mode from rcParams only. Setting them to
    # constants is idempotent across threads.
    if mpl.rcParams["svg.hashsalt"] != SVG_HASHSALT:
        mpl.rcParams["svg.hashsalt"] = SVG_HASHSALT
    if mpl.rcParams["svg.fonttype"] != "none":
        mpl.rcParams["svg.fonttype"] = "none"


_ensure_svg_rc()


def build_figure(
    pres: LanePresentation,
    *,
    width_px: int = DEFAULT_WIDTH_PX,
    height_px: int = DEFAULT_HEIGHT_PX,
) -> Figure:
    """The slide of ``pres`` as a :class:`~matplotlib.figure.Figure` (Agg canvas attached),
    exactly ``width_px × height_px`` pixels at 100 dpi. ``fig.axes[0]`` is the map, its limits
    in map units ``(lon in the display window, Mercator y in degrees)``. Raises
    :class:`~geo.errors.ExportError` for a size that is not a whole number of pixels from
    :data:`MIN_SIDE_PX` to :data:`MAX_SIDE_PX`."""
    width_px, height_px = check_size(width_px, height_px)
    lay = make_layout(width_px, height_px)
    pal = pres.palette
    fig = Figure(figsize=(width_px / DPI, height_px / DPI), dpi=DPI, facecolor=PAGE)
    renderer = FigureCanvasAgg(fig).get_renderer()

    top = panel.draw_header(fig, lay, renderer, pres)
    bottom = panel.draw_footer(fig, lay, renderer, pres)
    map_box, panel_box = lay.body(top, bottom)

    ax = fig.add_axes(lay.fig_rect(map_box))
    ax.set_facecolor(pal.sea)
    for spine in ax.spines.values():
        spine.set_edgecolor(pal.rule)
        spine.set_linewidth(lay.pt(0.8))
    lane_xy = lane.lane_coords(pres)
    west, south, east, north = lane_frame(pres.view)  # a short hop: at least 40 nm each way
    least = np.array([[west, mercator_y(south)], [east, mercator_y(north)]])
    frame_pts = np.vstack([*lane_xy, lane.end_points(pres), least])
    aspect = (map_box[2] - map_box[0]) / (map_box[3] - map_box[1])
    ext = basemap.fit_extent(pres, frame_pts, aspect)
    ax.set_xlim(ext.lon0, ext.lon1)
    ax.set_ylim(ext.y0, ext.y1)
    ax.set_autoscale_on(False)
    basemap.draw_graticule(ax, pres, ext, lay)
    fits = basemap.land_fits(ext)  # else neither the 1:110m coast nor the zones drawn on it
    basemap.draw_land(ax, pres, ext, lay)
    if fits and pres.shows("zones"):
        basemap.draw_zones(ax, pres, sorted(lane.stripe_keys(pres)), ext, lay)
    ports = lane.ports_in_frame(pres, ext, lay)
    marks = markers.spread(ax, ports, lay, apart=pres.shows("ports"))
    if pres.shows("ports"):
        markers.draw_marks(ax, pres, marks, lay)
    lane.draw_lane(ax, pres, lane_xy, lay)
    drawn = pres.shows("route") or pres.shows("segments")
    lane_px = labels.lane_shape(ax, lane_xy if drawn else [], lay.px(LANE_WIDTH_PT * 1.39 / 2 + 3))
    blocked = []
    if not fits:
        avoid = [lane_px, *(m.disc(lay.px(2)) for m in marks)]
        note = labels.corner_note(ax, pres, pres.tr(basemap.NO_LAND_NOTE), avoid, renderer, lay)
        blocked.append(labels.bbox_shape(note.get_window_extent(renderer), lay.px(4)))
    labels.place_labels(ax, pres, marks, lane_px, lane_xy, renderer, lay, blocked)
    badges.draw_badges(ax, pres, marks, lane_px, renderer, lay)  # what is in place at a port

    px0, py0, px1, py1 = panel_box
    fig.add_artist(
        Rectangle(
            (px0 / width_px, py0 / height_px),
            (px1 - px0) / width_px,
            (py1 - py0) / height_px,
            transform=fig.transFigure,
            facecolor=pal.panel,
            edgecolor="none",
            zorder=-1,
        )
    )
    sized = any(p.sized for p in ports)
    factor = 1.0
    while True:  # shrink the panel's text until it fits (long legends, small pages)
        before = set(map(id, fig.get_children()))
        low = panel.draw_panel(
            fig, replace(lay, scale=lay.scale * factor), renderer, pres, panel_box, sized
        )
        if low >= py0 or factor <= 0.7:
            break
        for artist in fig.get_children():
            if id(artist) not in before:
                artist.remove()
        factor *= 0.92
    return fig


def _metadata(fmt: str, pres: LanePresentation) -> dict[str, Any]:
    description = f"{pres.subtitle}. {pres.assumptions}"
    creator = "pacific-lane (matplotlib)"
    if fmt == "png":
        return {"Title": pres.title, "Description": description, "Software": creator}
    if fmt == "svg":
        return {"Title": pres.title, "Description": description, "Date": None, "Creator": creator}
    return {
        "Title": pres.title,
        "Subject": description,
        "Creator": creator,
        "Producer": creator,
        "CreationDate": None,
        "ModDate": None,
    }


def render_static_bytes(
    pres: LanePresentation,
    fmt: str,
    *,
    width_px: int = DEFAULT_WIDTH_PX,
    height_px: int = DEFAULT_HEIGHT_PX,
) -> bytes:
    """The slide of ``pres`` as bytes in ``fmt`` (``"png"``, ``"svg"`` or ``"pdf"``, any case,
    a leading dot allowed). The PNG is exactly ``width_px × height_px``; SVG and PDF have the
    same layout at 100 px per inch, and the SVG states its size in pixels (``width="1920px"``).
    Raises :class:`~geo.errors.ExportError` naming a bad format or size."""
    key = str(fmt).lower().lstrip(".")
    if f".{key}" not in STATIC_FORMATS:
        raise ExportError(
            f"static snapshot format {fmt!r} is not supported; accepted: "
            f"{', '.join(sorted(STATIC_FORMATS))}"
        )
    fig = build_figure(pres, width_px=width_px, height_px=height_px)
    if key == "svg":
        _ensure_svg_rc()
    buf = io.BytesIO()
    savefig(fig, buf, key, dpi=DPI, facecolor=PAGE, metadata=_metadata(key, pres))
    if key == "svg":
        return svg_in_pixels(buf.getvalue(), width_px, height_px)
    return buf.getvalue()


def svg_in_pixels(svg: bytes, width_px: int, height_px: int) -> bytes:
    """The SVG with its root ``width``/``height`` set to the asked pixels (``1920px``):
    matplotlib writes points (1920 px at 100 dpi → ``1382.4pt``). The ``viewBox`` is kept, so
    the drawing scales to the new size. Parsed as XML, not edited as text."""
    doc = minidom.parseString(svg)
    root = doc.documentElement
    if root is None or root.tagName != "svg" or not root.getAttribute("viewBox"):
        raise ExportError("the SVG writer gave no <svg> root with a viewBox; cannot size it")
    root.setAttribute("width", f"{int(width_px)}px")
    root.setAttribute("height", f"{int(height_px)}px")
    return bytes(doc.toxml(encoding="utf-8"))


def render_static(
    pres: LanePresentation,
    path: str | Path,
    *,
    width_px: int = DEFAULT_WIDTH_PX,
    height_px: int = DEFAULT_HEIGHT_PX,
) -> Path:
    """Write the slide of ``pres`` to ``path`` (.png, .svg or .pdf, by its suffix), atomically
    (a failed render leaves nothing behind). Raises :class:`~geo.errors.ExportError` for
    another suffix or a size outside 320–8192 px. Returns ``path`` as a :class:`Path`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in STATIC_FORMATS:
        raise ExportError(
            f"cannot render {path.name!r}: the static renderer writes "
            f"{', '.join(sorted(STATIC_FORMATS))}"
        )
    data = render_static_bytes(pres, suffix, width_px=width_px, height_px=height_px)
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)
    return path
