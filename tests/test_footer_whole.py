"""The static slides' footer lines are never cut: they wrap (and shrink) instead, in English
and in Chinese, at every slide size (issue 11: on a 1080×1350 Chinese slide the assumption
line ended "二氧化碳排…", losing the model note, the data date and "不可用于航海")."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from geo.jobs.snapshot import render_bytes
from geo.present.model import LanePresentation, present
from geo.present.view import build_view

SVG = "{http://www.w3.org/2000/svg}"
SIZES = [(1080, 1350), (800, 600), (1280, 720), (1920, 1080)]
FOOTERS = ("footer-passages", "footer-assumptions", "footer-sources")
NOT_FOR_NAVIGATION = {"en": "Not for navigation", "zh": "不可用于航海"}


@pytest.fixture(scope="module", params=["en", "zh"])
def pres(request: pytest.FixtureRequest) -> LanePresentation:
    view = build_view("Shanghai", "San Pedro Bay", as_of="2026-11-26")
    return present(view, lang=request.param)


def footer_texts(svg: bytes) -> dict[str, str]:
    """The text of each footer group of a static slide's SVG, its lines joined."""
    root = ET.fromstring(svg)
    found = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("id") in FOOTERS:
            found[str(g.get("id"))] = "".join("".join(t.itertext()) for t in g.iter(f"{SVG}text"))
    return found


@pytest.mark.parametrize("slide", ["lane", "tradeoff", "timeline"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_footer_line_is_cut(pres: LanePresentation, size: tuple[int, int], slide: str) -> None:
    svg = render_bytes(pres, "svg", size=size, renderer="static", slide=slide).data
    texts = footer_texts(svg)
    assert "footer-assumptions" in texts, texts.keys()
    for gid, text in texts.items():
        assert "…" not in text, f"{gid} is cut at {size}: …{text[-60:]}"
    if slide == "lane":  # the assumption line ends with the disclaimer: it must be there
        lang = "zh" if pres.tr.chinese else "en"
        flat = "".join(texts["footer-assumptions"].split())
        assert "".join(NOT_FOR_NAVIGATION[lang].split()) in flat


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(1080, 1350), (800, 600)], ids=["1080x1350", "800x600"])
def test_a_route_warning_is_on_the_slide_too(lang: str, size: tuple[int, int]) -> None:
    """An end on land (Beijing, 87 nm inland) is warned on stderr and on the page; the slide
    said nothing of it, and drew the line across Hebei as if it were sailed."""
    pres = present(build_view("116.4,39.9", "長灘", as_of="2026-11-26"), lang=lang)
    assert pres.warnings
    texts = footer_texts(render_bytes(pres, "svg", size=size, renderer="static").data)
    flat = "".join(texts["footer-assumptions"].split())
    said = "注意：起点北纬39.9°、东经116.4°位于陆地上" if lang == "zh" else "Warning:origin39.900°N"
    assert "".join(said.split()) in flat, flat[-200:]
    assert "…" not in texts["footer-assumptions"]
