"""The ✓ badge beside a port with a corridor measure in place, and the legend row that
explains it (issue 11, fresh-user trial: the badge was explained nowhere).

One presentation model decides: a ``measure`` legend row exactly when a port of the lane has
a measure in place (``data/corridor_measures.csv``) and the ports are shown; the map legend,
the browser slide and the static slide each draw that row, the static slide draws the badges
too (one per such port, beside its own marker, over no name and no marker) — in English and
Chinese.
"""

from __future__ import annotations

import functools

import numpy as np
import pytest
import shapely
from matplotlib.figure import Figure
from matplotlib.text import Annotation, Text

from geo.present.legend import MEASURE_ROW
from geo.present.model import LanePresentation, present
from geo.present.view import LaneView, build_view
from geo.render.browser import snapshot_page_html
from geo.render.folium.popups import legend_html
from geo.render.static import build_figure, render_static_bytes
from geo.render.static.labels import bbox_shape, lane_shape
from geo.render.static.lane import lane_coords
from tests.test_static_ports import _labels, _markers

AS_OF = "2026-11-26"
ROW = {"en": "Corridor measure in place", "zh": "已实施的走廊措施"}


@functools.cache
def _view(origin: str, destination: str) -> LaneView:
    return build_view(origin, destination, as_of=AS_OF)


def _rows(pres: LanePresentation) -> list[str]:
    return [item.label for item in pres.legend if item.kind == "measure"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_model_has_the_row_only_where_a_badge_is_drawn(lang: str) -> None:
    corridor = present(_view("Shanghai", "San Pedro Bay"), lang=lang)
    assert {m.port for m in corridor.measures} == {"CNSHA", "USLAX", "USLGB"}
    assert _rows(corridor) == [ROW[lang]]
    assert corridor.legend[-1].kind == "measure"  # after the ports row it explains
    assert corridor.tr(MEASURE_ROW) == ROW[lang]
    # one end with a measure (Shanghai): still a badge, still the row
    assert _rows(present(_view("Shanghai", "Rotterdam"), lang=lang)) == [ROW[lang]]
    # no port of the lane has one: no badge, no row
    busan = present(_view("Busan", "Rotterdam"), lang=lang)
    assert busan.measures == () and _rows(busan) == []
    # the ports layer off: no badge is drawn, so no row
    quiet = present(_view("Shanghai", "San Pedro Bay"), layers=("route", "labels"), lang=lang)
    assert quiet.measures and _rows(quiet) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_map_legend_and_the_browser_slide_show_the_row(lang: str) -> None:
    corridor = present(_view("Shanghai", "San Pedro Bay"), lang=lang)
    html = legend_html(corridor)
    assert 'class="row measure"' in html and ROW[lang] in html and "&#x2713;" in html
    slide = snapshot_page_html(corridor, width_px=1280, height_px=720)
    assert '<div class="row measure">' in slide and ROW[lang] in slide
    busan = present(_view("Busan", "Rotterdam"), lang=lang)
    assert ROW[lang] not in legend_html(busan)
    assert ROW[lang] not in snapshot_page_html(busan, width_px=1280, height_px=720)


def _badges(fig: Figure) -> list[Annotation]:
    return [
        t for t in fig.axes[0].texts if isinstance(t, Annotation) and t.get_gid() == "measure-badge"
    ]


@pytest.mark.parametrize("size", [(1920, 1080), (960, 540)])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_static_slide_draws_a_badge_beside_each_port_and_explains_it(
    lang: str, size: tuple[int, int]
) -> None:
    pres = present(_view("Shanghai", "San Pedro Bay"), lang=lang)
    fig = build_figure(pres, width_px=size[0], height_px=size[1])
    fig.canvas.draw()  # lays every box out as the PNG has it
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    ax = fig.axes[0]
    badges = _badges(fig)
    assert len(badges) == 3  # Shanghai, Los Angeles, Long Beach
    markers = _markers(fig)
    names = [bbox_shape(Text.get_window_extent(t, renderer)) for t in _labels(fig)]
    lane = lane_shape(ax, lane_coords(pres), 0.0)
    frame = bbox_shape(ax.get_window_extent(renderer))
    scale = min(size[0] / 1920, size[1] / 1080)
    for b in badges:
        patch = b.get_bbox_patch()
        assert patch is not None and b.get_text().strip() == "✓"
        box = bbox_shape(patch.get_window_extent(renderer))
        anchor = ax.transData.transform(b.xy)
        own = min(markers, key=lambda m: float(np.hypot(*(m.centre - anchor))))
        assert np.hypot(*(own.centre - anchor)) < 1.0  # anchored on a marker
        gap = float(box.distance(shapely.Point(own.centre))) - own.radius
        assert 0.0 < gap <= 16.0 * scale, f"badge {gap:.1f} px from its marker"
        assert frame.contains(box)
        assert not any(box.intersects(n) for n in names), "a badge over a name"
        assert all(float(box.distance(shapely.Point(m.centre))) > m.radius for m in markers), (
            "a badge over a marker"
        )
        assert not box.intersects(lane), "a badge over the lane"
    legend = [t for t in fig.texts if t.get_text() == ROW[lang]]
    keys = [t for t in fig.texts if t.get_text().strip() == "✓" and t.get_bbox_patch() is not None]
    assert len(legend) == 1 and len(keys) == 1
    row, key = legend[0].get_window_extent(renderer), keys[0].get_window_extent(renderer)
    assert key.x1 < row.x0 and key.y0 < (row.y0 + row.y1) / 2 < key.y1  # beside its words


def test_no_badge_and_no_row_on_a_slide_without_measures() -> None:
    pres = present(_view("Busan", "Rotterdam"), lang="zh")
    fig = build_figure(pres, width_px=1280, height_px=720)
    assert _badges(fig) == []
    assert not [t for t in fig.texts if t.get_text() in ROW.values()]


def test_the_badge_and_the_row_reach_the_svg() -> None:
    pres = present(_view("Shanghai", "San Pedro Bay"), lang="zh")
    svg = render_static_bytes(pres, "svg", width_px=1280, height_px=720).decode()
    assert ROW["zh"] in svg
    assert svg.count("measure-badge") == 3
