"""At 1280×800 the lane stands above the fold: every point of the drawn lane and every port
marker is in the window without scrolling, for the corridor and for lanes with no trade figure
(whose note once came as a box that pushed the map down)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.mapframe import MAP_FRAME, layout, open_map

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "query",
    ["", "?origin=KRPUS&dest=USOAK", "?origin=HKHKG&dest=CNSZX", "?origin=CNSHA&dest=NLRTM"],
    ids=["corridor", "busan-oakland", "short-hop", "shanghai-rotterdam"],
)
def test_the_lane_is_above_the_fold_at_1280x800(page: Any, app_server: str, query: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    frame = open_map(page, f"{app_server}/{query}")
    page.evaluate("() => window.scrollTo(0, 0)")
    top = page.locator(MAP_FRAME).bounding_box()["y"]
    lay = layout(frame)
    assert lay["lane"] and lay["markers"]
    lowest_lane = max(top + p["y"] + p["half"] for p in lay["lane"])
    lowest_marker = max(top + m["bottom"] for m in lay["markers"])
    assert lowest_lane <= 800 and lowest_marker <= 800, (top, lowest_lane, lowest_marker)
    assert page.evaluate("() => window.scrollY") == 0
