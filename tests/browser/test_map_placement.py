"""Where things open and float on the maps, at 1280×800, 1920×1080 and 390 px, measured from
the DOM once the map has settled:

* the compare map: Los Angeles and Long Beach both visible and clickable, no two names
  overlapping, and in "avoid" mode each place named once.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.mapframe import (
    MAP_FRAME,
    SIZES,
    inside,
    overlaps,
    wait_until_settled,
)
from tests.browser.test_app_e2e import stable_box

pytestmark = pytest.mark.browser

# names and markers of the compare map (no popups there: a tooltip names each marker)
COMPARE_JS = """() => {
  const box = (el) => { const r = el.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, w: r.width, h: r.height}; };
  const names = [], markers = [];
  window.map.eachLayer((layer) => {
    const tip = layer.getTooltip && layer.getTooltip();
    if (layer.options.className === 'port-marker' && layer._path) {
      const text = new DOMParser().parseFromString(String(tip._content), 'text/html')
        .body.textContent.trim();
      layer._path.dataset.port = text;
      markers.push({text: text, box: box(layer._path)});
    } else if (tip && tip.options.permanent && tip.getElement()) {
      names.push({text: tip.getElement().innerText, box: box(tip.getElement())});
    }
  });
  return {names, markers, map: box(window.map.getContainer())};
}"""


def _size(page: Any, size: str) -> None:
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})


# --------------------------------------------------------------------------- compare


def _open_compare(page: Any, url: str) -> Any:
    page.goto(url)
    frame = page.locator(MAP_FRAME).element_handle(timeout=60_000).content_frame()
    frame.locator("#map_div path.compare-lane").first.wait_for(timeout=60_000)
    frame.wait_for_selector("html[data-lane-ready]", state="attached", timeout=60_000)
    wait_until_settled(frame)
    return frame


def _name_overlaps(found: dict[str, Any]) -> list[str]:
    names = found["names"]
    return [
        f"{a['text']} / {b['text']}"
        for i, a in enumerate(names)
        for b in names[i + 1 :]
        if overlaps(a["box"], b["box"])
    ]


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_compare_map_shows_la_and_long_beach_apart_and_names_clear(
    page: Any, app_server: str, size: str
) -> None:
    _size(page, size)
    frame = _open_compare(page, f"{app_server}/compare")
    found = frame.evaluate(COMPARE_JS)
    assert _name_overlaps(found) == []
    for name in found["names"]:
        assert inside(name["box"], found["map"]), f"{name['text']} is cut by the map's edge"
    boxes = {m["text"].split(" (")[0]: m["box"] for m in found["markers"]}
    la, lb = boxes["Los Angeles"], boxes["Long Beach"]
    assert not overlaps(la, lb), "Los Angeles and Long Beach are drawn as one dot"
    for name in ("Los Angeles", "Long Beach"):
        marker = frame.locator(f'path.port-marker[data-port^="{name} ("]')
        stable_box(page, marker)
        marker.hover()  # Playwright checks that nothing covers it
        # its own tooltip opens (the other one's may still be fading)
        frame.locator(".leaflet-tooltip:not(.port-label)", has_text=name).wait_for(timeout=10_000)
        marker.click()  # the marker itself takes the click
    assert page.blocked_urls == []
    assert page.page_errors == []


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_compare_map_names_each_place_once_round_the_world(
    page: Any, app_server: str, size: str
) -> None:
    _size(page, size)
    frame = _open_compare(page, f"{app_server}/compare?mode=avoid")
    found = frame.evaluate(COMPARE_JS)
    names = sorted(n["text"] for n in found["names"])
    assert names == ["Rotterdam", "Shanghai"], names
    assert len(found["markers"]) == 2
    assert _name_overlaps(found) == []
    assert frame.locator("path.compare-lane").count() >= 3
    assert page.page_errors == []
