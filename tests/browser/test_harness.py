"""The browser harness itself: a demo page with every map plugin renders with no network."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

DEMO_APP = Path(__file__).with_name("demo_app.py")
MAP_TIMEOUT_MS = 30_000
MAP = "#map_div.leaflet-container"
# The main map's vector layers (the minimap is a second Leaflet map inside a control).
OVERLAY_SVG = "#map_div > .leaflet-map-pane .leaflet-overlay-pane svg"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo_server(
    streamlit_server: Callable[[Path], str], tmp_path_factory: pytest.TempPathFactory
) -> str:
    # Streamlit serves static/ next to the main script: run a copy from a temporary folder
    # so the vendored assets land there, not in the repository.
    app_dir = tmp_path_factory.mktemp("demo_app")
    app = app_dir / "demo_app.py"
    shutil.copyfile(DEMO_APP, app)
    return streamlit_server(app)


def test_demo_map_renders_offline(page: Any, demo_server: str) -> None:
    page.goto(demo_server, wait_until="domcontentloaded")
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')

    frame.locator(MAP).wait_for(timeout=MAP_TIMEOUT_MS)
    paths = frame.locator(f"{OVERLAY_SVG} path")
    paths.first.wait_for(timeout=MAP_TIMEOUT_MS)
    assert paths.count() >= 2, "the lane and the port marker are drawn"

    for control in (
        ".leaflet-control-zoom-fullscreen",
        ".leaflet-control-minimap",
        ".leaflet-control-measure",
    ):
        assert frame.locator(control).count() == 1, f"{control} is on the map"
    label = frame.locator(f"{OVERLAY_SVG} textPath").text_content() or ""
    assert "Pacific lane" in label.replace("\xa0", " "), "leaflet-textpath drew the label"

    # The popup content is built with jQuery: opening it proves jQuery loaded locally.
    frame.locator(f"{OVERLAY_SVG} path.leaflet-interactive").last.click()
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=MAP_TIMEOUT_MS)
    assert popup.inner_text().strip() == "Shanghai"

    assert page.blocked_urls == [], "nothing outside localhost was requested"
    assert page.http_errors == [], "every local asset was found"
    assert page.page_errors == []


def test_blocked_requests_are_recorded(page: Any, demo_server: str) -> None:
    page.goto(demo_server, wait_until="domcontentloaded")
    page.evaluate("fetch('https://example.invalid/x.js').catch(() => null)")
    page.wait_for_timeout(200)
    assert page.blocked_urls == ["https://example.invalid/x.js"]
