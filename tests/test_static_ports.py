"""Ports, their names and the land on the static slide, measured in display pixels.

Issue 12 ("Labels and legend"): at trans-Pacific scale Los Angeles and Long Beach (≈ 25 km
apart) are one pixel apart, Shanghai and Yangshan a few. Every port must stay visible and
distinguishable, each name beside its own marker (a leader line where it stands off), no name
over another, the lane, a marker or the panel — in English and Chinese, at every page size.
And a short hop (3 nm) must not draw the 1:110m land outline, which is too coarse there.

Everything is measured on the figure the PNG/SVG/PDF are written from (same layout, 100 dpi):
marker circles from their scatter collections, names from their text extents.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from itertools import combinations

import numpy as np
import pandas as pd
import pytest
import shapely
from matplotlib.collections import PatchCollection, PathCollection
from matplotlib.figure import Figure
from matplotlib.text import Annotation, Text

from geo.present.model import LanePresentation, present
from geo.present.style import LAND_MIN_SPAN_NM
from geo.present.view import build_view
from geo.render.static import build_figure, render_static_bytes
from geo.render.static.basemap import Extent, land_fits
from geo.render.static.labels import bbox_shape, lane_shape
from geo.render.static.lane import lane_coords
from geo.render.static.layout import DPI, make_layout
from geo.render.static.projection import mercator_y

AS_OF = "2026-11-26"
#: the farthest a name may stand from its marker's rim (px at 1920×1080, page-scaled) ...
MAX_LABEL_GAP_PX = 90.0
#: ... and the farthest it may stand without a leader line to the marker
BESIDE_PX = 16.0
#: the least clear gap between two port circles (px at 1920×1080, page-scaled)
MIN_MARKER_GAP_PX = 2.0
#: the farthest a marker may be spread from its true position (px at 1920×1080, page-scaled)
MAX_SPREAD_PX = 40.0

SIZES = [(1920, 1080), (1280, 720), (960, 540), (640, 360), (1600, 1200)]


@dataclass(frozen=True)
class Marker:
    centre: np.ndarray  # display px
    radius: float  # px


@pytest.fixture(scope="module")
def corridor() -> dict[str, LanePresentation]:
    view = build_view("Shanghai", "San Pedro Bay", as_of=AS_OF)
    return {lang: present(view, lang=lang) for lang in ("en", "zh")}


def _markers(fig: Figure) -> list[Marker]:
    """The port circles' rings (the collections labelled ``port`` with no fill)."""
    ax = fig.axes[0]
    out = []
    for c in ax.collections:
        if not isinstance(c, PathCollection) or c.get_label() != "port":
            continue
        face = c.get_facecolor()
        if len(face) and face[0][3] > 0:  # the pale fill under the lane: same circle
            continue
        for xy, size in zip(c.get_offsets(), np.broadcast_to(c.get_sizes(), len(c.get_offsets()))):
            centre = ax.transData.transform(np.asarray(xy, dtype=float))
            out.append(Marker(centre, math.sqrt(float(size)) / 2 * DPI / 72.0))
    return out


def _labels(fig: Figure) -> list[Annotation]:
    return [t for t in fig.axes[0].texts if t.get_gid() == "port-label"]


def _expected(fig: Figure, pres: LanePresentation) -> dict[str, np.ndarray]:
    """Name → true position (display px) of every port inside the map's frame."""
    ax = fig.axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    out = {}
    ports = pres.view.display_ports()
    for pid, name, geom in zip(ports["id"], ports["name"], ports.geometry):
        y = float(mercator_y(geom.y))
        if x0 <= geom.x <= x1 and y0 <= y <= y1:
            out[pres.port_name(str(pid), str(name))] = ax.transData.transform((geom.x, y))
    return out


def _rim_gap(bb: shapely.Geometry, m: Marker) -> float:
    return float(bb.distance(shapely.Point(m.centre))) - m.radius


def check_ports(fig: Figure, pres: LanePresentation, size: tuple[int, int]) -> None:
    """Every requirement of issue 12 on one slide, in display pixels."""
    s = make_layout(*size).scale
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    frame = ax.get_window_extent(renderer)
    expected = _expected(fig, pres)
    markers = _markers(fig)
    labels = _labels(fig)
    assert len(expected) >= 2
    # one marker per port, each inside the map, no two circles touching
    assert len(markers) == len(expected)
    for m in markers:
        assert frame.x0 <= m.centre[0] <= frame.x1 and frame.y0 <= m.centre[1] <= frame.y1
    for a, b in combinations(markers, 2):
        gap = float(np.hypot(*(a.centre - b.centre))) - a.radius - b.radius
        assert gap >= MIN_MARKER_GAP_PX * s, f"two port circles {gap:.1f} px apart"
    # one name per port, anchored on its own marker
    firsts = sorted(t.get_text().split("\n")[0] for t in labels)
    assert firsts == sorted(expected), firsts
    leaders = [ln for ln in ax.lines if ln.get_gid() == "port-leader"]
    boxes = {}
    for t in labels:
        name = t.get_text().split("\n")[0]
        anchor = ax.transData.transform(t.xy)
        own = min(markers, key=lambda m: float(np.hypot(*(m.centre - anchor))))
        assert np.hypot(*(own.centre - anchor)) < 1.0, f"{name}: label not on a marker"
        truth = expected[name]
        moved = float(np.hypot(*(own.centre - truth)))
        assert moved <= MAX_SPREAD_PX * s, f"{name}: marker {moved:.0f} px from its place"
        if moved > own.radius:  # spread off its true place: a leader line runs back to it
            ends = [np.asarray(ax.transData.transform(ln.get_xydata())) for ln in leaders]
            assert any(np.hypot(*(e[0] - truth)) < 1.0 for e in ends), name
        bb = Text.get_window_extent(t, renderer)
        box = bbox_shape(bb)
        boxes[name] = box
        gap = _rim_gap(box, own)
        assert gap <= MAX_LABEL_GAP_PX * s, f"{name}: label {gap:.0f} px from its marker"
        if gap > BESIDE_PX * s:
            assert t.arrow_patch is not None, f"{name}: {gap:.0f} px off, no leader line"
        # inside the map (so off the panel, the legend and the header), off other circles
        assert frame.x0 <= bb.x0 and bb.x1 <= frame.x1 and frame.y0 <= bb.y0 and bb.y1 <= frame.y1
        for m in markers:
            if m is not own:
                assert _rim_gap(box, m) > 0, f"{name}: label over another port's circle"
    for (n1, b1), (n2, b2) in combinations(boxes.items(), 2):
        assert not b1.intersects(b2), f"labels {n1!r} and {n2!r} overlap"
    lane = lane_shape(ax, lane_coords(pres), 3.0 * s)
    for name, box in boxes.items():
        assert not box.intersects(lane), f"{name}: label over the lane"
    for text in fig.texts:  # header, panel, legend, footer
        if text.get_text().strip():
            other = bbox_shape(text.get_window_extent(renderer))
            assert not any(box.intersects(other) for box in boxes.values()), text.get_text()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_close_ports_are_apart_and_labelled_beside_their_markers(
    corridor: dict[str, LanePresentation], lang: str, size: tuple[int, int]
) -> None:
    pres = corridor[lang]
    fig = build_figure(pres, width_px=size[0], height_px=size[1])
    check_ports(fig, pres, size)


def test_three_close_ports_shanghai_yangshan_ningbo(
    corridor: dict[str, LanePresentation],
) -> None:
    """Ningbo (≈ 150 km from Shanghai) joins the Shanghai/Yangshan group on a Pacific slide."""
    base = corridor["zh"].view
    ningbo = build_view("Ningbo", "Long Beach", as_of=AS_OF).display_ports()
    ningbo = ningbo[ningbo["id"] == "CNNGB"]
    ports = pd.concat([base.display_ports(), ningbo], ignore_index=True)
    view = replace(base, _layers={**base._layers, "d_ports": ports})
    for lang in ("en", "zh"):
        pres = present(view, lang=lang)
        for size in ((1920, 1080), (960, 540)):
            fig = build_figure(pres, width_px=size[0], height_px=size[1])
            assert len(_markers(fig)) == 5
            check_ports(fig, pres, size)


def test_labels_stay_apart_without_the_ports_layer(
    corridor: dict[str, LanePresentation],
) -> None:
    """Names only (no circles): each port is named once, no two names overlap."""
    pres = present(corridor["en"].view, layers=("route", "segments", "labels"))
    fig = build_figure(pres, width_px=1280, height_px=720)
    renderer = fig.canvas.get_renderer()
    boxes = [bbox_shape(Text.get_window_extent(t, renderer)) for t in _labels(fig)]
    assert sorted(t.get_text().split("\n")[0] for t in _labels(fig)) == sorted(
        ["Shanghai", "Yangshan Deep-Water Port", "Los Angeles", "Long Beach"]
    )
    assert not any(a.intersects(b) for a, b in combinations(boxes, 2))
    assert not _markers(fig)


# --- land at a scale the 1:110m outline cannot carry ---------------------------------------


def _land(fig: Figure) -> list[PatchCollection]:
    return [c for c in fig.axes[0].collections if isinstance(c, PatchCollection)]


@pytest.fixture(scope="module")
def hop() -> dict[str, LanePresentation]:
    view = build_view("Los Angeles", "Long Beach", as_of=AS_OF)
    return {lang: present(view, lang=lang) for lang in ("en", "zh")}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_short_hop_draws_no_coarse_land_and_says_so(
    hop: dict[str, LanePresentation], lang: str
) -> None:
    pres = hop[lang]
    assert pres.view.main.distance_nm < 5
    fig = build_figure(pres, width_px=1920, height_px=1080)
    ax = fig.axes[0]
    assert not _land(fig), "land or zone outlines drawn on a 40 nm frame"
    assert ax.get_facecolor()[:3] == (1.0, 1.0, 1.0)  # no ground claimed as sea either
    notes = [t for t in ax.texts if t.get_gid() == "map-note"]
    assert len(notes) == 1
    text = " ".join(notes[0].get_text().split())  # wrapped to the map's width
    assert "Natural Earth 1:110m" in text
    assert ("海岸线" in text) == (lang == "zh")
    assert ("Coast" in text) == (lang == "en")
    renderer = fig.canvas.get_renderer()
    note = bbox_shape(notes[0].get_window_extent(renderer))
    frame = ax.get_window_extent(renderer)
    assert bbox_shape(frame).contains(note)
    assert not note.intersects(lane_shape(ax, lane_coords(pres), 3.0))
    for t in _labels(fig):
        assert not note.intersects(bbox_shape(Text.get_window_extent(t, renderer)))
    check_ports(fig, pres, (1920, 1080))


def test_a_short_hop_keeps_a_graticule_to_read_it_by(hop: dict[str, LanePresentation]) -> None:
    """With no coast drawn the graticule is the map's bearing: several lines each way."""
    ax = build_figure(hop["en"], width_px=1280, height_px=720).axes[0]
    lons = [t.get_text() for t in ax.get_xticklabels()]
    lats = [t.get_text() for t in ax.get_yticklabels()]
    assert len(lons) >= 4 and len(lats) >= 3, (lons, lats)
    assert any("." in t for t in lons + lats) and all(len(t) <= 9 for t in lons + lats)


def test_the_note_stays_in_its_corner_in_vector_output(hop: dict[str, LanePresentation]) -> None:
    """SVG and PDF are laid out at 72 dpi: the note is placed in axes terms, not in pixels."""
    fig = build_figure(hop["en"], width_px=1280, height_px=720)
    ax = fig.axes[0]
    (note,) = [t for t in ax.texts if t.get_gid() == "map-note"]
    for dpi in (100.0, 72.0):
        fig.set_dpi(dpi)
        renderer = fig.canvas.get_renderer()
        frame, bb = ax.get_window_extent(renderer), note.get_window_extent(renderer)
        assert frame.x0 < bb.x0 < frame.x0 + 0.05 * frame.width, dpi
        assert frame.y0 < bb.y0 < frame.y0 + 0.05 * frame.height, dpi


def test_the_short_hop_note_is_in_the_svg_and_pdf(hop: dict[str, LanePresentation]) -> None:
    svg = render_static_bytes(hop["zh"], "svg", width_px=1280, height_px=720).decode()
    assert "海岸线" in svg and "Natural Earth" in svg and "1:110m" in svg  # may wrap
    assert render_static_bytes(hop["en"], "pdf", width_px=1280, height_px=720).startswith(b"%PDF")


def test_an_ocean_slide_still_draws_land(corridor: dict[str, LanePresentation]) -> None:
    fig = build_figure(corridor["en"], width_px=1280, height_px=720)
    assert _land(fig)
    assert not [t for t in fig.axes[0].texts if t.get_gid() == "map-note"]


def _extent(lon0: float, lat0: float, lon1: float, lat1: float) -> Extent:
    return Extent(lon0, lon1, float(mercator_y(lat0)), float(mercator_y(lat1)))


@pytest.mark.parametrize(
    ("ext", "fits"),
    [
        (_extent(-118.9, 33.4, -117.6, 34.1), False),  # Los Angeles → Long Beach, 40 nm
        (_extent(120.0, 29.5, 123.5, 31.6), False),  # Shanghai → Ningbo
        (_extent(2.3, 50.7, 5.5, 52.4), False),  # Rotterdam → Antwerp
        (_extent(119.0, 30.0, 131.0, 36.2), True),  # Shanghai → Busan
        (_extent(110.0, 5.0, 260.0, 65.0), True),  # across the Pacific
        (_extent(0.0, 60.0, 5.0, 80.0), False),  # tall but narrow: 5° of longitude at 70°N
    ],
)
def test_land_fits_only_frames_of_its_scale(ext: Extent, fits: bool) -> None:
    assert land_fits(ext) is fits
    assert LAND_MIN_SPAN_NM == 240.0


# --- world-scale lanes: each name beside its own marker, in raster and vector output ------

WORLD_LANES = [
    ("上海", "鹿特丹", ("suez",)),
    ("Shanghai", "Rotterdam", ()),
    ("釜山", "鹿特丹", ()),
    ("Los Angeles", "Rotterdam", ()),
    ("Shanghai", "New York", ()),
]


@pytest.mark.parametrize(("origin", "destination", "avoid"), WORLD_LANES)
def test_world_lane_names_stand_beside_their_markers(
    origin: str, destination: str, avoid: tuple[str, ...]
) -> None:
    """Two ports far apart on a world map: each name right beside its marker (no leader
    line needed), at 100 dpi (PNG) and at the 72 dpi SVG and PDF are laid out at."""
    view = build_view(origin, destination, avoid=avoid, as_of=AS_OF)
    for lang in ("en", "zh"):
        pres = present(view, lang=lang)
        for size in ((1920, 1080), (960, 540)):
            fig = build_figure(pres, width_px=size[0], height_px=size[1])
            check_ports(fig, pres, size)
            s = make_layout(*size).scale
            for dpi in (100.0, 72.0):
                fig.set_dpi(dpi)
                renderer = fig.canvas.get_renderer()
                markers = _markers(fig)
                for t in _labels(fig):
                    t.update_positions(renderer)
                    anchor = fig.axes[0].transData.transform(t.xy)
                    own = min(markers, key=lambda m: float(np.hypot(*(m.centre - anchor))))
                    box = bbox_shape(Text.get_window_extent(t, renderer))
                    # _markers sizes circles at 100 dpi; their points shrink with the dpi
                    gap = float(box.distance(shapely.Point(own.centre))) - own.radius * dpi / DPI
                    where = f"{t.get_text()!r} ({lang}, {size}, {dpi:.0f} dpi)"
                    assert 0.0 <= gap <= BESIDE_PX * s * dpi / DPI, f"{where}: {gap:.1f} px off"
