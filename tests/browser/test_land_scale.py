"""Closer in than the offline coast can be drawn (Natural Earth 1:110m, a view under 240 nm
across), the map leaves the land out and says so, as the slides do: a 15 nm hop from Hong Kong
to Shenzhen was drawn across a grey block of land. Zoomed out, the land is back."""

from __future__ import annotations

from typing import Any

import pytest

from geo.present.style import LAND_COLOUR
from tests.browser.mapframe import layout, open_map, overlaps, wait_until_settled

pytestmark = pytest.mark.browser

LAND_PATHS = (
    "() => [...window.map.getPanes().overlayPane.querySelectorAll('path')]"  # not the minimap
    f".filter((p) => (p.getAttribute('fill') || '').toLowerCase() === '{LAND_COLOUR}').length"
)
SHORTER_SIDE_NM = """() => { const b = window.map.getBounds();
  const mid = (b.getNorth() + b.getSouth()) / 2 * Math.PI / 180;
  return Math.min((b.getNorth() - b.getSouth()) * 60,
                  (b.getEast() - b.getWest()) * 60 * Math.cos(mid)); }"""


@pytest.mark.parametrize("size", [(1280, 800), (390, 844)], ids=["1280", "390"])
def test_a_short_hop_is_drawn_without_the_coarse_land_and_says_so(
    page: Any, app_server: str, size: tuple[int, int]
) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    frame = open_map(page, f"{app_server}/?origin=HKHKG&dest=CNSZX")
    assert frame.evaluate(SHORTER_SIDE_NM) < 240
    assert frame.evaluate(LAND_PATHS) == 0
    note = frame.locator(".land-scale-note")
    assert note.is_visible()
    assert "too coarse" in note.inner_text()
    box = note.bounding_box()
    lay = layout(frame)
    edge = {
        "left": box["x"],
        "top": box["y"],
        "right": box["x"] + box["width"],
        "bottom": box["y"] + box["height"],
    }
    for m in lay["markers"]:
        assert not overlaps(edge, m), "the note covers a port"
    # zoomed out beyond the coast's scale, the land is back and the note gone
    for _ in range(8):
        if frame.evaluate(SHORTER_SIDE_NM) >= 240:
            break
        frame.locator(".leaflet-control-zoom-out").click()
        page.wait_for_timeout(500)
    wait_until_settled(frame, quiet_s=0.5)
    assert frame.evaluate(SHORTER_SIDE_NM) >= 240
    assert frame.evaluate(LAND_PATHS) > 0
    assert frame.locator(".land-scale-note").count() == 0
    assert page.page_errors == []


def test_the_corridor_keeps_its_land(page: Any, app_server: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    frame = open_map(page, app_server)
    assert frame.evaluate(LAND_PATHS) > 0
    assert frame.locator(".land-scale-note").count() == 0
