"""The map's small things fit, in English and in Chinese, at 1280x800, 1920x1080 and 390 px
(issue 11), measured in the DOM of the standalone map in Chromium (offline):

* the scale bar's label ("1000 公里", "3000 km") lies inside its bar, with its padding;
* each ✓ badge (what is in place at a port) covers no port marker and no port name, and no
  control covers it.
"""

from __future__ import annotations

import functools
from typing import Any

import pytest

from geo.present.model import present
from geo.present.view import build_view
from geo.render.folium import mapping
from tests.browser.mapframe import SIZES, open_map, overlaps

pytestmark = pytest.mark.browser

MEASURE_JS = """() => {
  const box = (el) => { const r = el.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
  const scale = [...document.querySelectorAll('.leaflet-control-scale-line')].map((el) => {
    const words = document.createRange();
    words.selectNodeContents(el);
    const style = getComputedStyle(el);
    return {text: el.textContent, words: box(words), bar: box(el),
            inner: {left: el.getBoundingClientRect().left + el.clientLeft,
                    right: el.getBoundingClientRect().left + el.clientLeft + el.clientWidth},
            padding: parseFloat(style.paddingRight)};
  });
  return {
    scale,
    badges: [...document.querySelectorAll('.corridor-measure-icon')].map(box),
    markers: [...document.querySelectorAll('path.port-marker')].map(box),
    controls: [...document.querySelectorAll('.leaflet-control-container .leaflet-control')]
      .filter((el) => el.getBoundingClientRect().width > 0).map(box),
    names: [...document.querySelectorAll('.leaflet-tooltip.port-label')].map(
      (el) => Object.assign(box(el), {text: el.innerText})),
  };
}"""


def _badges_clear(got: dict[str, Any]) -> None:
    assert len(got["badges"]) == 3 and len(got["markers"]) >= 3, got
    for badge in got["badges"]:
        for marker in got["markers"]:
            assert not overlaps(badge, marker), (badge, marker)
        for name in got["names"]:
            assert not overlaps(badge, name), (badge, name)
        for control in got["controls"]:
            assert not overlaps(badge, control), (badge, control)


@functools.cache
def _html(lang: str) -> str:
    pres = present(build_view("Shanghai", "San Pedro Bay", as_of="2026-11-26"), lang=lang)
    return mapping.standalone_html(pres)


def _measure(page: Any, lang: str, size: str) -> dict[str, Any]:
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    page.set_content(_html(lang), wait_until="load")
    page.wait_for_selector("html[data-lane-ready]", state="attached")
    page.evaluate("() => document.fonts.ready")
    page.wait_for_timeout(600)  # the badges are placed just after each fit
    return dict(page.evaluate(MEASURE_JS))


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_scale_labels_fit_and_badges_sit_clear_of_ports(page: Any, lang: str, size: str) -> None:
    got = _measure(page, lang, size)
    assert got["scale"], "no scale bar"
    unit = "公里" if lang == "zh" else "km"
    assert any(unit in s["text"] for s in got["scale"]), got["scale"]
    for s in got["scale"]:
        # the label ends inside the bar's border, its right padding kept (less a rounding px)
        room = s["inner"]["right"] - s["words"]["right"]
        assert room >= s["padding"] - 1, (s["text"], room, s["bar"])
        assert s["words"]["left"] >= s["inner"]["left"], s
    _badges_clear(got)
    assert page.blocked_urls == [] and page.page_errors == []


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800), (1920, 1080)], ids=str)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_badges_in_the_pages_fitted_map_sit_clear(
    page: Any, app_server: str, lang: str, size: tuple[int, int]
) -> None:
    """In the page's map, fitted to the window below the figures (360 px in Chinese at
    1280×800), the fit keeps each ✓ badge clear of the controls too: Los Angeles' badge had
    no free side left above the minimap and covered the end of 洛杉矶."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    frame = open_map(page, f"{app_server}/?lang={lang}")
    frame.evaluate("() => document.fonts.ready")
    frame.wait_for_timeout(600)  # the badges are placed just after each fit
    _badges_clear(dict(frame.evaluate(MEASURE_JS)))
