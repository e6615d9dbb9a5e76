"""The lane's label (its trade value, or its length for a lane with no sourced figure) covers
no port: on a short hop drawn a few dozen pixels long it once sat across both markers, a ✓
badge and a name ("3.3 nm" on Los Angeles → Long Beach). Measured from the DOM once the map
has settled, at 1280×800 and 1920×1080 (at 390 px the page hides the label: too narrow)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.mapframe import SIZES, inside, open_map, overlaps

pytestmark = pytest.mark.browser

LABEL_JS = """() => {
  const box = (el) => { const r = el.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, w: r.width}; };
  const label = document.querySelector('.lane-trade-label');
  const shown = label && getComputedStyle(label).visibility !== 'hidden'
    && getComputedStyle(label).display !== 'none';
  return {
    label: shown ? Object.assign(box(label), {text: label.innerText}) : null,
    map: box(document.querySelector('#map_div')),
    ports: [...document.querySelectorAll(
      'path.port-marker, .leaflet-tooltip.port-label, .corridor-measure-icon')]
      .map((el) => Object.assign(box(el), {what: el.className.baseVal || el.className}))
      .filter((b) => b.w > 0),
  };
}"""

LANES = {
    "short-hop": "?origin=USLAX&dest=USLGB",
    "hong-kong-shenzhen": "?origin=HKHKG&dest=CNSZX",
    "corridor": "",
}


@pytest.mark.parametrize("size", ["1280x800", "1920x1080"])
@pytest.mark.parametrize("lane", list(LANES), ids=list(LANES))
def test_the_lane_label_covers_no_port(page: Any, app_server: str, lane: str, size: str) -> None:
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    frame = open_map(page, f"{app_server}/{LANES[lane]}")
    page.wait_for_timeout(300)  # the badges are placed just after each fit
    got = frame.evaluate(LABEL_JS)
    label = got["label"]
    assert label is not None, "the lane's label is hidden though a place is free"
    assert inside(label, got["map"]), (label, got["map"])
    covered = [p["what"] for p in got["ports"] if overlaps(label, p)]
    assert covered == [], f"{label['text']!r} covers {covered}"
    assert page.page_errors == []
