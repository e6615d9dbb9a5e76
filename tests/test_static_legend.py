"""The slide's legend of port sizes: each reference circle ("10 M TEU", "5000万标准箱") keeps a
gap to its words, measured with matplotlib's renderer, in English and Chinese, on a wide and
a tall page (issue 11)."""

from __future__ import annotations

import functools

import pytest
from matplotlib.lines import Line2D
from matplotlib.text import Text

from geo.present.model import present
from geo.present.view import build_view
from geo.present.wording import teu_words
from geo.render.static import build_figure
from geo.render.static.panel import KEY_TEXT_GAP_PX, REFERENCE_MTEU


@functools.cache
def _view():  # type: ignore[no-untyped-def]
    return build_view("Shanghai", "San Pedro Bay", as_of="2026-11-26")


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720), (1080, 1350)])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_reference_circles_keep_clear_of_their_words(lang: str, size: tuple[int, int]) -> None:
    pres = present(_view(), lang=lang)
    fig = build_figure(pres, width_px=size[0], height_px=size[1])
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    scale = min(size[0] / 1920, size[1] / 1080)
    rings = [
        a
        for a in fig.artists
        if isinstance(a, Line2D) and a.get_marker() == "o" and a.get_markerfacecolor() == "none"
    ]
    assert len(rings) == len(REFERENCE_MTEU)
    rights = []
    for ring in rings:
        box = ring.get_window_extent(renderer)
        outline = ring.get_markeredgewidth() / 72.0 * fig.dpi / 2  # half outside the circle
        rights.append((float(box.x1) + outline, float(box.y0), float(box.y1)))
    texts = {t.get_text(): t for t in fig.findobj(Text)}
    for mteu, (right, bottom, top) in zip(REFERENCE_MTEU, sorted(rights), strict=True):
        words = texts[teu_words(mteu * 1e6, pres.tr)]
        box = words.get_window_extent(renderer)
        gap = float(box.x0) - right
        assert gap >= KEY_TEXT_GAP_PX * scale * 0.75, (lang, mteu, gap)
        assert bottom < (box.y0 + box.y1) / 2 < top  # beside its circle, not above or below
