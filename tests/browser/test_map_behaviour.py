"""The map behaves: no scroll trap, a zoom limit that suits the land layer, fullscreen refits,
the measure tool in nautical miles within ±180°, Los Angeles and Long Beach each clickable,
no focus box on a clicked zone, and online tiles falling back to the offline land layer."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pyproj import Geod

from tests.browser.mapframe import MAP_FRAME, lane_hits, layout, open_map
from tests.browser.test_app_e2e import stable_box

pytestmark = pytest.mark.browser

ZOOM = "() => window.map.getZoom()"
READY = "() => Number(document.documentElement.dataset.laneReady || 0)"


def _sea_point(page: Any) -> tuple[float, float]:
    """A point over open sea in the map (page coordinates): below the lane's middle."""
    box = page.locator(MAP_FRAME).bounding_box()
    return box["x"] + box["width"] * 0.55, box["y"] + box["height"] * 0.7


def test_wheel_zoom_limit_and_fullscreen(page: Any, app_server: str) -> None:
    # tall enough that the whole map is on screen (no page scrolling under the pointer)
    page.set_viewport_size({"width": 1280, "height": 1200})
    frame = open_map(page, app_server)
    assert frame.evaluate("() => window.map.getMaxZoom()") == 7
    # a wheel event the map handles is cancelled (Leaflet prevents the page's scroll)
    frame.evaluate(
        "() => { window.__wheels = []; window.addEventListener('wheel', (e) =>"
        " setTimeout(() => window.__wheels.push(e.defaultPrevented), 0), true); }"
    )
    x, y = _sea_point(page)
    page.mouse.move(x, y)
    before = frame.evaluate(ZOOM)
    page.mouse.wheel(0, -400)
    frame.wait_for_function("() => window.__wheels.length === 1")
    assert frame.evaluate("() => window.__wheels") == [False], "the map took the wheel"
    assert frame.evaluate(ZOOM) == before

    page.mouse.click(x, y)
    assert frame.evaluate("() => window.map.scrollWheelZoom.enabled()") is True
    page.mouse.wheel(0, -400)
    frame.wait_for_function("z => window.map.getZoom() > z", arg=before, timeout=10_000)
    assert frame.evaluate("() => window.__wheels") == [False, True]

    page.mouse.move(5, 5)  # leave the map: the wheel scrolls the page again
    frame.wait_for_function("() => !window.map.scrollWheelZoom.enabled()", timeout=10_000)

    fits = frame.evaluate(READY)
    frame.locator(".leaflet-control-zoom-fullscreen").first.click()
    frame.wait_for_function(f"n => ({READY})() > n", arg=fits, timeout=10_000)
    lay = layout(frame)
    assert lay["map"]["right"] - lay["map"]["left"] == 1280  # the map fills the screen
    assert lay["zoom"] != before  # refitted to the larger map, not left where it was
    assert lane_hits(lay) == []
    assert page.page_errors == []


def _click_at(page: Any, frame: Any, lat: float, lon: float) -> None:
    """Click the map at ``(lat, lon)`` (Leaflet's order; lon in the map's window), once the
    map's frame has stopped moving on the page (Streamlit may still lay out the page around
    it: a click aimed before that lands elsewhere)."""
    box = stable_box(page, page.locator(MAP_FRAME))
    x, y = frame.evaluate(
        "([lat, lon]) => { const p = window.map.latLngToContainerPoint([lat, lon]);"
        " return [p.x, p.y]; }",
        [lat, lon],
    )
    page.mouse.click(box["x"] + x, box["y"] + y)


def test_measure_reads_nautical_miles_within_180(page: Any, app_server: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 1200})
    frame = open_map(page, app_server)
    frame.locator(".leaflet-control-measure").hover()
    frame.locator(".js-start").click()
    results = frame.locator(".leaflet-control-measure .js-results")
    _click_at(page, frame, 30.0, 235.0)  # east of 180° in the Pacific window: off California
    frame.wait_for_function(
        "() => document.querySelector('.leaflet-control-measure .js-results').innerText"
        ".includes('W')"
    )
    decimal = results.inner_text().strip().splitlines()[-1]
    lat, lon = (float(v) for v in decimal.split("/"))
    assert -180 <= lon <= 180 and abs(lon - (235.0 - 360.0)) < 1.0, decimal
    _click_at(page, frame, 40.0, 215.0)  # open sea in the North Pacific
    frame.wait_for_function(
        "() => document.querySelector('.leaflet-control-measure .js-results').innerText"
        ".includes(' nm')"
    )
    text = results.inner_text()
    found = re.search(r"([\d,]+) nm", text)
    assert found, text
    shown_nm = float(found.group(1).replace(",", ""))
    _, _, metres = Geod(ellps="WGS84").inv(lon, lat, 215.0 - 360.0, 40.0)
    assert abs(shown_nm - metres / 1852) / (metres / 1852) < 0.01, text
    assert page.page_errors == []


def test_la_and_long_beach_are_each_clickable(page: Any, app_server: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 1200})
    frame = open_map(page, app_server)
    frame.evaluate(
        """() => window.map.eachLayer((l) => {
             if (l.options.className === 'port-marker' && l._path && l.getTooltip()) {
               const html = String(l.getTooltip()._content);
               l._path.dataset.port = new DOMParser().parseFromString(html, 'text/html')
                 .body.textContent.trim(); } })"""
    )
    popup = frame.locator("#map_div .leaflet-popup-content")
    map_width = frame.evaluate("() => window.map.getSize().x")
    first_view = frame.evaluate("() => [window.map.getCenter(), window.map.getZoom()]")
    for name in ("Los Angeles", "Long Beach"):
        # back to the default view (the previous popup may have panned the map to fit)
        frame.evaluate("([c, z]) => window.map.setView(c, z, {animate: false})", first_view)
        marker = frame.locator(f'path.port-marker[data-port="{name}"]')
        stable_box(page, marker)  # the map has stopped refitting to its frame
        marker.click()  # Playwright checks that nothing covers it
        popup.wait_for(timeout=10_000)
        assert name in popup.inner_text()
        stable_box(page, popup)  # Leaflet pans an opened popup into view, animated
        assert popup.evaluate("el => el.getBoundingClientRect().right") <= map_width
        frame.locator(".leaflet-popup-close-button").click()
        popup.wait_for(state="detached", timeout=10_000)
    assert page.page_errors == []


def test_a_clicked_zone_shows_no_focus_box(page: Any, app_server: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 1200})
    frame = open_map(page, app_server)
    _click_at(page, frame, 21.0, 203.0)  # the Hawaiian Islands' zone (a tooltip, no popup)
    focused = frame.evaluate(
        "() => { const el = document.activeElement;"
        " return [el.tagName, el.getAttribute('class'), getComputedStyle(el).outlineStyle]; }"
    )
    assert focused[0] == "path" and "leaflet-interactive" in focused[1], focused
    assert focused[2] == "none", "a clicked zone shows a focus box"
    assert page.page_errors == []


def test_online_tiles_without_network_fall_back_to_the_land_layer(
    page: Any, app_server: str
) -> None:
    frame = open_map(page, f"{app_server}/?basemap=online")
    note = frame.locator(".tile-fallback-note")
    note.wait_for(timeout=30_000)
    assert "offline land layer" in note.inner_text()
    assert frame.locator(".leaflet-overlay-pane path:not(.leaflet-interactive)").count() > 0
    assert frame.evaluate("() => window.map.getMaxZoom()") == 7
    # the only requests leaving the machine were the tiles the network refused
    assert page.blocked_urls
    assert all("arcgisonline.com" in url for url in page.blocked_urls)
    assert page.page_errors == []


def _view(frame: Any) -> tuple[float, float]:
    """The map's pixel origin (its top-left corner in world pixels at its zoom)."""
    return tuple(
        frame.evaluate("() => { const p = window.map.getPixelBounds().min; return [p.x, p.y]; }")
    )


def _settled_view(page: Any, frame: Any) -> tuple[float, float]:
    """The map's pixel origin once it has stopped moving (a drag goes on with Leaflet's inertia
    for a moment after the mouse is released)."""
    last = _view(frame)
    for _ in range(40):
        page.wait_for_timeout(250)
        now = _view(frame)
        if now == last:
            return now
        last = now
    raise AssertionError(f"the map never stopped moving: {last}")


FREE_POINT_JS = """([w, h]) => {
  for (let y = h - 30; y > 30; y -= 20) {
    for (let x = w / 2; x < w - 30; x += 20) {
      const e = document.elementFromPoint(x, y);
      if (e && (e.classList.contains('leaflet-container') || e.closest('.leaflet-overlay-pane'))
          && !e.closest('.leaflet-popup')) { return [x, y]; }
    }
  }
  return null;
}"""


def _free_point(page: Any, frame: Any) -> tuple[float, float]:
    """A point on the map (page coordinates, inside the window) with no popup or control on
    it: a place to grab the map."""
    box = page.locator(MAP_FRAME).bounding_box()
    seen_h = min(box["height"], page.viewport_size["height"] - box["y"])
    found = frame.evaluate(FREE_POINT_JS, [box["width"], seen_h])
    assert found, "no free part of the map to drag"
    return box["x"] + found[0], box["y"] + found[1]


@pytest.mark.parametrize("size", [(1280, 800), (390, 844)], ids=["1280", "390"])
def test_closing_a_popup_returns_to_the_view_it_panned_away_from(
    page: Any, app_server: str, size: tuple[int, int]
) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    frame = open_map(page, app_server)
    framed = _view(frame), frame.evaluate(ZOOM)
    shanghai = frame.locator("path.port-marker").first
    stable_box(page, shanghai)
    shanghai.click()
    popup = frame.locator(".leaflet-popup")
    popup.wait_for(timeout=10_000)
    stable_box(page, popup)
    panned = _view(frame)
    assert panned != framed[0], "the popup opened without panning: the test shows nothing"
    frame.locator(".leaflet-popup-close-button").click()
    popup.wait_for(state="detached", timeout=10_000)
    frame.wait_for_function(
        "([x, y]) => { const p = window.map.getPixelBounds().min;"
        " return Math.abs(p.x - x) < 1 && Math.abs(p.y - y) < 1; }",
        arg=list(framed[0]),
        timeout=10_000,
    )
    assert frame.evaluate(ZOOM) == framed[1]
    if size[0] < 1000:  # on a phone the popup covers the map: nothing left to drag
        assert page.page_errors == []
        return

    # moved by the user while the popup was open: closing it leaves the map where it is
    stable_box(page, shanghai)
    shanghai.click()
    popup.wait_for(timeout=10_000)
    stable_box(page, popup)
    x, y = _free_point(page, frame)
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 80, y - 10, steps=8)
    page.mouse.up()
    dragged = _settled_view(page, frame)
    assert dragged != panned, "the drag did not move the map: the test shows nothing"
    frame.evaluate("() => window.map.closePopup()")
    assert _settled_view(page, frame) == dragged
    assert page.page_errors == []
