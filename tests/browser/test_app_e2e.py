"""The real app in headless Chromium with every request outside localhost blocked."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.mapframe import MAP_FRAME

pytestmark = pytest.mark.browser


def open_app(page: Any, url: str) -> Any:
    page.goto(url)
    frame = page.frame_locator(MAP_FRAME)
    frame.locator("#map_div .leaflet-overlay-pane path.lane-route").first.wait_for(timeout=60_000)
    return frame


def stable_box(page: Any, locator: Any) -> dict[str, float]:
    """The element's box once the map has stopped refitting to its frame."""
    last = None
    for _ in range(40):
        box = locator.bounding_box()
        if box is not None and box == last:
            return box
        last = box
        page.wait_for_timeout(300)
    raise AssertionError(f"element never settled: {last}")


def metric(page: Any, label: str) -> str:
    box = page.locator('[data-testid="stMetric"]', has_text=label)
    return box.locator('[data-testid="stMetricValue"]').inner_text()


def test_default_view_draws_the_lane_offline(page: Any, app_server: str) -> None:
    frame = open_app(page, app_server)
    assert frame.locator("#map_div path.lane-route").count() >= 2  # LA and Long Beach
    assert frame.locator("#map_div path.lane-segment").count() >= 6
    assert frame.locator("#map_div .lane-legend").inner_text().startswith("Shanghai")
    assert "lane trade" in frame.locator("#map_div .lane-trade-label").inner_text()
    for control in (
        ".leaflet-control-scale",
        ".leaflet-control-minimap",
        ".leaflet-control-measure",
        ".leaflet-control-layers",
    ):
        assert frame.locator(control).count() == 1, control
    assert page.blocked_urls == []
    assert page.page_errors == []
    assert metric(page, "Sea distance").endswith("nm")


def test_port_popup_shows_teu_and_its_source(page: Any, app_server: str) -> None:
    # Tall enough that the map needs no scrolling: Streamlit scrolls smoothly, and a click aimed
    # while the page still glides lands beside the marker (on the minimap).
    page.set_viewport_size({"width": 1280, "height": 1200})
    frame = open_app(page, app_server)
    marker = frame.locator("#map_div path.port-marker").last  # Long Beach, drawn over LA
    stable_box(page, marker)  # wait until the map has stopped refitting to its frame
    marker.click()  # Playwright aims at the marker at click time and checks nothing covers it
    popup = frame.locator("#map_div .leaflet-popup-content")
    popup.wait_for(timeout=10_000)
    text = popup.inner_text()
    assert "TEU" in text
    assert re.search(r"\(20\d\d\)", text)
    assert popup.locator("a[href^='https://']").count() >= 1


def test_changing_the_speed_changes_the_days(page: Any, app_server: str) -> None:
    open_app(page, app_server)
    before = metric(page, "Time at sea")
    thumb = page.locator('[data-testid="stSlider"] input[type="range"]').first
    thumb.focus()
    for _ in range(4):
        thumb.press("ArrowRight")  # +0.5 kn each
    page.wait_for_function(
        "b => !document.body.innerText.includes(b)", arg=f"{before}\n", timeout=30_000
    )
    page.get_by_text("at 20 kn, no port time").wait_for(timeout=30_000)
    after = metric(page, "Time at sea")
    assert after != before
    assert float(after.split()[0]) < float(before.split()[0])
    assert "speed=20" in page.url


def test_a_url_reproduces_a_view(page: Any, app_server: str) -> None:
    open_app(page, f"{app_server}/?origin=CNSHA&dest=USLGB&speed=12&avoid=bering")
    assert metric(page, "Time at sea") == "19.9 days"
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Bering Strait").wait_for(timeout=30_000)  # built after the map
    shown = sidebar.inner_text()
    assert "12.0\n" in shown and "12.00" not in shown and "Bering Strait" in shown
    dest = sidebar.locator('[data-testid="stSelectbox"]').nth(1)  # origin, destination, …
    shown = f"{dest.inner_text()} | {dest.locator('input').input_value()}"
    assert "Long Beach" in shown, shown
    assert page.blocked_urls == []


def test_a_bad_url_value_falls_back_with_a_warning(page: Any, app_server: str) -> None:
    open_app(page, f"{app_server}/?speed=warp&label=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert "speed='warp'" in page.locator('[data-testid="stAlert"]').first.inner_text()
    frame = page.frame_locator(MAP_FRAME)
    label = frame.locator("#map_div .custom-label")
    assert label.inner_text() == "<img src=x onerror=alert(1)>"  # shown as text
    assert label.locator("img").count() == 0
    assert page.page_errors == []


def test_usable_on_a_phone(browser: Any, app_server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.route(
        "**/*",
        lambda r: (
            r.continue_()
            if r.request.url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:"))
            else r.abort()
        ),
    )
    page = context.new_page()
    try:
        frame = open_app(page, app_server)
        box = frame.locator("#map_div").bounding_box()
        assert box is not None and box["width"] <= 390 and box["height"] > 300
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 392
        # on a phone the minimap and the long lane label give way to the lane itself
        assert frame.locator("#map_div .leaflet-control-minimap").is_hidden()
        assert frame.locator("#map_div .lane-legend details").get_attribute("open") is None
    finally:
        context.close()


def test_a_snapshot_downloads_from_the_page(page: Any, app_server: str) -> None:
    open_app(page, app_server)
    page.get_by_text("Snapshot for a presentation").click()
    page.get_by_role("button", name="Render snapshot").click()
    button = page.get_by_role("button", name=re.compile(r"^Download .+\.png$"))
    button.wait_for(timeout=90_000)
    assert (
        "Rendered by"
        in page.locator(
            '[data-testid="stCaptionContainer"]', has_text="Rendered by"
        ).first.inner_text()
    )
    with page.expect_download(timeout=30_000) as info:
        button.click()
    download = info.value
    assert download.suggested_filename.endswith(".png")
    data = Path(download.path()).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1920, 1080)
    assert page.blocked_urls == []


def test_the_segment_tables_read_on_a_phone(page: Any, app_server: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    open_app(page, app_server)
    tables = page.locator('[data-testid="stMarkdownContainer"] table')
    tables.first.wait_for(timeout=30_000)
    assert tables.count() == 2  # Los Angeles, Long Beach
    widths = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stMarkdownContainer"] table')]
            .map(t => ({box: t.closest('[data-testid="stMarkdownContainer"]').clientWidth,
                        content: t.scrollWidth, right: t.getBoundingClientRect().right}))"""
    )
    for w in widths:  # no sideways scrolling inside a table, nothing past the screen's edge
        assert w["content"] <= w["box"] + 1 and w["right"] <= 390, widths
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert "North American ECA" in page.locator("body").inner_text()
