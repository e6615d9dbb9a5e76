"""A shared link reopens its view and, shared again, stays the same link: the map's report of
the view it framed does not rewrite the link's extent; a view the user changes does."""

from __future__ import annotations

import math
import time
import urllib.parse
from typing import Any

import pytest

from tests.browser.mapframe import MAP_FRAME, layout, open_map, wait_until_settled

pytestmark = pytest.mark.browser

LINK_EXTENT = "120,10,250,45"


def url_extent(page: Any) -> str | None:
    # the page's own location: Playwright's page.url can lag the History API's updates
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(page.evaluate("location.href")).query)
    return query.get("extent", [None])[0]


def settled_extent(page: Any, quiet_s: float = 2.0, timeout_s: float = 30.0) -> str | None:
    """The URL's extent once it has stopped changing for ``quiet_s`` (the map reports its
    view 250 ms after it moves, and each report reruns the map's fragment)."""
    deadline = time.monotonic() + timeout_s
    last, since = url_extent(page), time.monotonic()
    while time.monotonic() < deadline:
        page.wait_for_timeout(250)
        now = url_extent(page)
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet_s:
            return last
    raise AssertionError(f"the URL's extent kept changing for {timeout_s:g} s (last {last})")


@pytest.mark.parametrize("size", [(1280, 800), (390, 844)])
def test_a_shared_link_reopens_as_the_same_link(
    page: Any, app_server: str, size: tuple[int, int]
) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    url = f"{app_server}/?extent={LINK_EXTENT}"
    for _ in range(2):  # opened, shared again, opened again: no drift
        frame = open_map(page, url)
        assert settled_extent(page) == LINK_EXTENT
        west, east = frame.evaluate(
            "() => [window.map.getBounds().getWest(), window.map.getBounds().getEast()]"
        )
        assert west <= 120.5 and east >= 249.5  # the map shows the whole extent
        url = page.url
    assert page.blocked_urls == []


@pytest.mark.parametrize(
    ("lane", "extent", "box"),
    [
        ("origin=FJSUV&dest=WSAPW", "170,-22,-168,-10", (170, 192)),  # RFC 7946 across 180°
        ("origin=RUPKC&dest=USADQ&lang=zh", "150,40,-140,65", (150, 220)),
        ("origin=DKCPH&dest=SEMMA", "12.55,55.6,13.0,55.63", (12.55, 13.0)),  # "13.0" kept
        ("origin=USDUT&dest=RUPKC", "-200,40,-150,65", (160, 210)),  # a turn west of the lane
    ],
    ids=["suva-apia", "kamchatka-kodiak-zh", "oresund", "west-of-180"],
)
def test_a_shared_link_keeps_its_wording(page: Any, app_server: str, lane: str, extent: str,
                                         box: tuple[float, float]) -> None:  # fmt: skip
    """A link's extent stays as the link wrote it (a box across 180° the RFC 7946 way, west
    greater than east; a trailing zero) while the user has not moved the map; the map shows
    the box, in the lane's longitudes."""
    page.set_viewport_size({"width": 1280, "height": 800})
    frame = open_map(page, f"{app_server}/?{lane}&extent={extent}")
    assert settled_extent(page) == extent
    west, east = frame.evaluate(
        "() => [window.map.getBounds().getWest(), window.map.getBounds().getEast()]"
    )
    assert west <= box[0] + 0.01 and east >= box[1] - 0.01, (west, east)
    lay = layout(frame)  # the lane is drawn in the view, not in another copy of the world
    assert [p for p in lay["lane"] if 0 <= p["x"] <= lay["map"]["right"] - lay["map"]["left"]]
    assert page.page_errors == []


#: The lane's own box as a link: Shanghai on its west edge, Long Beach on its east edge.
LANE_BOX = "121.8,22,241.8,50"

MARKERS_JS = """() => {
  const m = document.querySelector('#map_div').getBoundingClientRect();
  return [...document.querySelectorAll('path.port-marker')]
    .filter((p) => getComputedStyle(p).display !== 'none')
    .map((p) => { const b = p.getBoundingClientRect();
      return {left: b.left - m.left, top: b.top - m.top, right: m.right - b.right,
              bottom: m.bottom - b.bottom, width: b.width}; });
}"""


@pytest.mark.parametrize("size", [(1280, 800), (390, 844), (1920, 1080)])
def test_a_link_with_ports_on_its_edge_shows_every_marker_whole_and_stays_the_link(
    page: Any, app_server: str, size: tuple[int, int]
) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    frame = open_map(page, f"{app_server}/?extent={LANE_BOX}")
    assert settled_extent(page) == LANE_BOX
    west, east = frame.evaluate(
        "() => [window.map.getBounds().getWest(), window.map.getBounds().getEast()]"
    )
    assert west <= 121.8 and east >= 241.8  # the whole link is shown
    markers = frame.evaluate(MARKERS_JS)
    assert len(markers) >= 3, markers  # Shanghai, Los Angeles, Long Beach (Yangshan may hide)
    for box in markers:  # each circle whole inside the map, none cut by its edge
        assert min(box["left"], box["top"], box["right"], box["bottom"]) >= 0, box


def test_a_view_the_user_changes_rewrites_the_link(page: Any, app_server: str) -> None:
    frame = open_map(page, f"{app_server}/?extent={LINK_EXTENT}")
    assert settled_extent(page) == LINK_EXTENT
    frame.locator(".leaflet-control-zoom-in").click()
    wait_until_settled(frame)
    zoomed = settled_extent(page)
    assert zoomed is not None and zoomed != LINK_EXTENT
    west, _, east, _ = (float(v) for v in zoomed.split(","))
    assert east - west < 0.8 * 130  # zoomed in: narrower than the link's 130°


def test_dragging_the_minimap_still_moves_the_map(page: Any, app_server: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 1200})  # the whole map on screen
    frame = open_map(page, app_server)
    centre = "() => window.map.getCenter().lng"
    before = frame.evaluate(centre)
    mini = page.frame_locator(MAP_FRAME).locator(".leaflet-control-minimap")
    box = mini.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 30, y, steps=6)  # drag the minimap west: the map looks further east
    page.mouse.up()
    wait_until_settled(frame)
    page.wait_for_timeout(500)
    assert frame.evaluate(centre) > before + 10


#: Every URL the page sets (Streamlit writes the query string through the History API).
RECORD_URLS = """() => {
  window.__urls = [];
  for (const name of ['pushState', 'replaceState']) {
    const original = history[name].bind(history);
    history[name] = (state, title, url) => {
      if (url !== undefined && url !== null) { window.__urls.push(String(url)); }
      return original(state, title, url);
    };
  }
}"""


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080), (390, 844)])
def test_the_url_never_carries_a_view_the_map_did_not_frame(
    page: Any, app_server: str, size: tuple[int, int]
) -> None:
    """From the first load on, the URL's extent is the lane as framed: never the map's view
    before it framed the lane (a whole-world extent, which a link copied in the first seconds
    would have reopened)."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.add_init_script(f"({RECORD_URLS})()")
    frame = open_map(page, app_server)
    final = settled_extent(page)
    assert final is not None, "the map never reported the view it framed"
    seen = [
        urllib.parse.parse_qs(urllib.parse.urlsplit(u).query).get("extent", [None])[0]
        for u in page.evaluate("() => window.__urls")
    ]
    assert {e for e in seen if e is not None} == {final}, seen
    west, south, east, north = (float(v) for v in final.split(","))
    shown = frame.evaluate(
        "() => { const b = window.map.getBounds();"
        " return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; }"
    )
    assert [west, south, east, north] == pytest.approx(shown, abs=0.01)


def _reframed(page: Any, old: Any, timeout_s: float = 60.0) -> Any:
    """The map's frame after the page drew the map anew (a new frame, framed and settled)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        frames = page.locator(MAP_FRAME)
        frame = frames.first.element_handle().content_frame() if frames.count() == 1 else None
        if frame is not None and frame != old:
            frame.wait_for_selector("html[data-lane-ready]", state="attached", timeout=60_000)
            wait_until_settled(frame)
            return frame
        page.wait_for_timeout(200)
    raise AssertionError("the map was not drawn anew")


BOUNDS_JS = (
    "() => { const b = window.map.getBounds();"
    " return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; }"
)
#: The view as centre (lng, lat) and zoom: the map drawn anew may be a few pixels taller or
#: shorter (it fits the window below its top, and the page above it changes with the
#: language), so the same view shows a little more or less latitude at the same centre.
HEIGHT_JS = "() => window.map.getSize().y"
VIEW_JS = "() => { const c = window.map.getCenter(); return [c.lng, c.lat, window.map.getZoom()]; }"


@pytest.mark.parametrize("change", ["language", "layers"])
def test_a_redrawn_map_keeps_the_view_the_user_had(page: Any, app_server: str, change: str) -> None:
    """Zoomed in, a user who switches the page to 中文 or switches a layer off keeps the view
    (the map is drawn anew for either; before, it was framed whole again)."""
    page.set_viewport_size({"width": 1280, "height": 800})
    frame = open_map(page, app_server)
    framed = settled_extent(page)
    for _ in range(2):  # as a user zooms in: the map's own + button
        frame.locator(".leaflet-control-zoom-in").click()
        page.wait_for_timeout(400)
    zoomed = settled_extent(page)
    assert zoomed != framed, "the zoom did not change the view: the test shows nothing"
    before, seen = frame.evaluate(VIEW_JS), frame.evaluate(BOUNDS_JS)
    tall = frame.evaluate(HEIGHT_JS)
    if change == "language":
        page.locator('[data-testid="stSidebar"]').get_by_text("中文", exact=True).click()
    else:  # the last layer in the sidebar's picker (Labels) taken off, as a keyboard user does
        layers = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').nth(1)
        layers.locator("input").click()
        page.keyboard.press("Backspace")
        page.keyboard.press("Escape")
    frame = _reframed(page, frame)
    if change == "layers":
        assert (
            "labels"
            not in urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["layers"][0]
        )
    after = frame.evaluate(VIEW_JS)
    width = seen[2] - seen[0]
    assert after[:2] == pytest.approx(before[:2], abs=0.05 * width), (before, after)
    # the same zoom, or as much less as a shorter map needs to show the same extent whole
    shorter = max(0.0, math.log2(tall / frame.evaluate(HEIGHT_JS)))
    assert after[2] == pytest.approx(before[2] - shorter, abs=0.05), (before, after, shorter)
    assert settled_extent(page) == zoomed  # and the URL still names that view
