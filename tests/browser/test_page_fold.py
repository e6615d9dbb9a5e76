"""At 1280×800 (and in a 1024×700 window) the lane stands above the fold: every point of the
drawn lane and every port marker is in the window without scrolling, for the corridor, for
lanes with no trade figure (whose note once came as a box that pushed the map down), for lanes
that fill the map's height (north–south, through Panama) and under a route warning: the map's
frame fits the window below its top."""

from __future__ import annotations

from typing import Any

import pytest

from app_pages.map_component import LANE_MAP_HEIGHT_PX
from tests.browser.mapframe import MAP_FRAME, inside, layout, open_map, overlaps, wait_until_settled

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("query", "size"),
    [
        ("", (1280, 800)),
        ("?origin=KRPUS&dest=USOAK", (1280, 800)),
        ("?origin=HKHKG&dest=CNSZX", (1280, 800)),
        ("?origin=CNSHA&dest=NLRTM", (1280, 800)),
        ("?origin=USSEA&dest=CLVAP", (1280, 800)),
        ("?origin=NZAKL&dest=USSEA", (1280, 800)),
        ("?origin=USLAX&dest=USNYC", (1280, 800)),
        ("?origin=RUPKC&dest=USADQ", (1280, 800)),  # a route warning above the map
        ("?origin=10,50&dest=RUPKC", (1280, 800)),  # three warnings: on land, far from lanes
        ("?origin=10,50&dest=RUPKC", (1366, 768)),  # and 227 px left: a 240 px map
        ("?origin=NOBGO&dest=ZACPT", (1024, 700)),  # a small laptop window
    ],
    ids=[
        "corridor",
        "busan-oakland",
        "short-hop",
        "shanghai-rotterdam",
        "seattle-valparaiso",
        "auckland-seattle",
        "panama",
        "warning-above",
        "three-warnings",
        "three-warnings-1366x768",
        "bergen-cape-town-1024x700",
    ],
)
def test_the_lane_is_above_the_fold(
    page: Any, app_server: str, query: str, size: tuple[int, int]
) -> None:
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    frame = open_map(page, f"{app_server}/{query}")
    page.evaluate("() => window.scrollTo(0, 0)")
    top = page.locator(MAP_FRAME).bounding_box()["y"]
    lay = layout(frame)
    assert lay["lane"] and lay["markers"]
    lowest_lane = max(top + p["y"] + p["half"] for p in lay["lane"])
    lowest_marker = max(top + m["bottom"] for m in lay["markers"])
    assert lowest_lane <= height and lowest_marker <= height, (top, lowest_lane, lowest_marker)
    assert page.evaluate("() => window.scrollY") == 0


def _map_box(page: Any) -> dict[str, float]:
    """The map frame's box in the page as first shown (unscrolled), CSS px."""
    box = page.locator(MAP_FRAME).bounding_box()
    scrolled = page.evaluate(
        "() => [...document.querySelectorAll('*')].reduce((t, el) => t + el.scrollTop, 0)"
    )
    return {"top": box["y"] + scrolled, "height": box["height"]}


def _settled_height(page: Any, timeout_ms: int = 10_000) -> float:
    """The map frame's height once it has stopped changing (a resize is followed by one)."""
    last, same = -1.0, 0
    for _ in range(timeout_ms // 250):
        page.wait_for_timeout(250)
        height = _map_box(page)["height"]
        same = same + 1 if height == last else 0
        if same >= 4:
            return height
        last = height
    return last


def test_the_map_fits_the_window_it_is_in(page: Any, app_server: str) -> None:
    """The frame ends above the window's bottom edge in a laptop's window, and follows the
    window when it is resized (also while the page is scrolled); a window with room for it
    gets the page's full height, and the lane is framed anew in each."""
    page.set_viewport_size({"width": 1280, "height": 800})
    frame = open_map(page, app_server)
    box = _map_box(page)
    assert box["top"] + box["height"] <= 800 and box["height"] < LANE_MAP_HEIGHT_PX, box
    page.mouse.move(700, 300)
    page.mouse.wheel(0, 300)  # scrolled: the frame's top is still read in the page
    page.set_viewport_size({"width": 1280, "height": 900})
    taller = _settled_height(page)
    box = _map_box(page)
    assert box["height"] == taller and box["top"] + taller <= 900 < box["top"] + taller + 40
    page.set_viewport_size({"width": 1920, "height": 1200})
    assert _settled_height(page) == LANE_MAP_HEIGHT_PX
    wait_until_settled(frame)
    lay = layout(frame)
    assert lay["map"]["bottom"] - lay["map"]["top"] == LANE_MAP_HEIGHT_PX
    assert all(0 <= p["y"] <= LANE_MAP_HEIGHT_PX for p in lay["lane"])  # framed in the new map
    assert page.page_errors == []


def test_a_phone_keeps_the_full_map(page: Any, app_server: str) -> None:
    """At 390 px the figures stack above the map, which starts below the fold: it keeps the
    page's height rather than shrinking to nothing."""
    page.set_viewport_size({"width": 390, "height": 844})
    open_map(page, app_server)
    box = _map_box(page)
    assert box["top"] > 844 - 240 and box["height"] == LANE_MAP_HEIGHT_PX, box


def test_several_route_warnings_are_listed_under_the_map(page: Any, app_server: str) -> None:
    """Two or more route warnings: one line above the map says how many, the list is under
    the map (three boxes above it pushed the lane past the fold)."""
    page.set_viewport_size({"width": 1280, "height": 800})
    open_map(page, f"{app_server}/?origin=10,50&dest=RUPKC")
    alerts = page.locator('[data-testid="stAlert"]')
    texts = [alerts.nth(i).inner_text() for i in range(alerts.count())]
    assert any("3 warnings about this route" in t for t in texts), texts
    (listed,) = [t for t in texts if "is on land" in t]
    assert "nearest sea lane" in listed and "Petropavlovsk" in listed
    map_top = page.locator(MAP_FRAME).bounding_box()["y"]
    assert alerts.filter(has_text="is on land").bounding_box()["y"] > map_top  # under it


@pytest.mark.parametrize(
    "query",
    ["?origin=USDUT&dest=RUPKC&extent=-200,40,-150,65", "?origin=RUPKC&dest=USADQ&lang=zh"],
    ids=["short-map-link", "short-map-zh"],
)
def test_no_control_over_another_on_a_short_map(page: Any, app_server: str, query: str) -> None:
    """A 1280×720 window (a two-line heading, or a warning, above the map: ≈ 250 px left):
    the legend folds, and where its title still reaches the zoom, fullscreen and measure
    buttons the scale bar makes room; no control covers another."""
    page.set_viewport_size({"width": 1280, "height": 720})
    frame = open_map(page, f"{app_server}/{query}")
    lay = layout(frame)
    assert lay["map"]["bottom"] - lay["map"]["top"] < 300, lay["map"]  # a short map indeed
    controls = lay["controls"]
    crossed = [
        f"{a['name']} / {b['name']}"
        for i, a in enumerate(controls)
        for b in controls[i + 1 :]
        if overlaps(a, b) and not (inside(a, b) or inside(b, a))  # not a control's own part
    ]
    assert crossed == []
    assert page.page_errors == []
