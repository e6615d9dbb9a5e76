"""The compare map in "avoid" mode (Shanghai → Rotterdam by Suez, by Panama, round the Cape)
goes round the world and is shown on one world, cut at its edge. At 1280×800, 1920×1080 and
390 px, measured from the DOM once the map has settled:

* the land covers the whole visible width of the map, at the fitted zoom and zoomed out to
  the least zoom (no land stopping at an edge in the middle of the map);
* each lane end cut at the map's edge carries a chevron in the lane's colour, on the map,
  at the end of a drawn lane, saying in its tooltip that the lane goes on.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.mapframe import MAP_FRAME, SIZES, inside, wait_until_settled

pytestmark = pytest.mark.browser

#: A chevron's centre is at most this far (px) from a point of a drawn lane.
MARK_TO_LANE_PX = 12.0

WORLD_JS = """() => {
  const map = window.map, view = map.getBounds();
  let land = null;
  map.eachLayer((layer) => { if (layer instanceof L.GeoJSON) { land = layer.getBounds(); } });
  return {viewWest: view.getWest(), viewEast: view.getEast(),
          landWest: land.getWest(), landEast: land.getEast(), zoom: map.getZoom()};
}"""

MARKS_JS = """() => {
  const box = (el) => { const r = el.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
  const lane = [];
  document.querySelectorAll('path.compare-lane').forEach((path) => {
    const ctm = path.getScreenCTM(), len = path.getTotalLength();
    for (let s = 0; s <= len; s += 2) {
      const p = path.getPointAtLength(s);
      lane.push([ctm.a * p.x + ctm.c * p.y + ctm.e, ctm.b * p.x + ctm.d * p.y + ctm.f]);
    }
  });
  const marks = [];
  window.map.eachLayer((layer) => {
    const el = layer.getElement && layer.getElement();
    const svg = el && el.querySelector && el.querySelector('svg.lane-continues');
    if (!svg) { return; }
    const b = box(svg), x = (b.left + b.right) / 2, y = (b.top + b.bottom) / 2;
    const near = Math.min(...lane.map(([px, py]) => Math.hypot(px - x, py - y)));
    const tip = new DOMParser().parseFromString(String(layer.getTooltip()._content), 'text/html')
      .body.textContent;
    marks.push({box: b, near: near, tip: tip});
  });
  return {marks: marks, map: box(window.map.getContainer())};
}"""


def _open_avoid(page: Any, app_server: str, size: str) -> Any:
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{app_server}/compare?mode=avoid")
    frame = page.locator(MAP_FRAME).element_handle(timeout=60_000).content_frame()
    frame.locator("#map_div path.compare-lane").first.wait_for(timeout=60_000)
    frame.wait_for_selector("html[data-lane-ready]", state="attached", timeout=60_000)
    wait_until_settled(frame)
    return frame


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_land_covers_the_round_the_world_compare_map(page: Any, app_server: str, size: str) -> None:
    frame = _open_avoid(page, app_server, size)
    fitted = frame.evaluate(WORLD_JS)
    frame.evaluate("() => window.map.setZoom(window.map.getMinZoom(), {animate: false})")
    least = frame.evaluate(WORLD_JS)
    for found in (fitted, least):
        at = f"at zoom {found['zoom']}"
        assert found["landWest"] <= found["viewWest"], f"land stops west of the map {at}"
        assert found["landEast"] >= found["viewEast"], f"land stops east of the map {at}"
    assert page.page_errors == []


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_a_lane_cut_at_the_edge_shows_it_goes_on(page: Any, app_server: str, size: str) -> None:
    frame = _open_avoid(page, app_server, size)
    found = frame.evaluate(MARKS_JS)
    marks = found["marks"]
    assert len(marks) >= 2 and len(marks) % 2 == 0, "a cut lane without a mark at each end"
    for mark in marks:
        assert inside(mark["box"], found["map"]), "a continuation mark off the map"
        assert mark["near"] <= MARK_TO_LANE_PX, f"a mark {mark['near']:.0f} px from any lane"
        assert "continues at the map's other edge" in mark["tip"]
    assert page.page_errors == []
