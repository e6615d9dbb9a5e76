"""The port pickers list the ports this project names; any other port is typed, in either
language, and the catalogue resolves it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.test_app_e2e import open_app

pytestmark = pytest.mark.browser

SIZES = [(1280, 800), (1920, 1080), (390, 844)]


def type_into_origin(page: Any, text: str) -> Any:
    """Types ``text`` into the origin picker and returns the picker's open list."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    if not sidebar.is_visible():  # a phone: the sidebar starts folded
        page.locator('[data-testid="stExpandSidebarButton"]').click()
    box = sidebar.locator('[data-testid="stSelectbox"]').first
    box.locator("input").click()
    page.keyboard.type(text, delay=20)
    listbox = page.locator('[role="listbox"]')
    listbox.wait_for(timeout=10_000)
    return listbox


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_a_port_off_the_list_is_typed_and_resolved(
    page: Any, app_server: str, width: int, height: int
) -> None:
    page.set_viewport_size({"width": width, "height": height})
    open_app(page, app_server)
    listbox = type_into_origin(page, "Antofagasta")  # Chile: not one of the listed ports
    # the list follows the typing: wait for its offer rather than read it mid-update (CI saw
    # "No results" once at 1920×1080)
    listbox.get_by_text("Add: Antofagasta").wait_for(timeout=10_000)
    page.keyboard.press("Enter")
    page.locator("h1", has_text="Antofagasta → San Pedro Bay").wait_for(timeout=60_000)
    page.wait_for_function("() => location.search.includes('origin=CLANF')", timeout=30_000)
    box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stSidebar"] input')]
            .some(i => i.value.startsWith('Antofagasta, Chile (CLANF)'))""",
        timeout=30_000,
    )  # the picker shows the port's whole label, not the text typed
    assert box.locator("input").input_value().startswith("Antofagasta, Chile (CLANF)")
    assert page.page_errors == [] and page.blocked_urls == []


def test_a_chinese_name_is_typed_on_the_chinese_page(page: Any, app_server: str) -> None:
    open_app(page, f"{app_server}/?lang=zh")
    listbox = type_into_origin(page, "安托法加斯塔")  # not a name in the data: looked up
    assert "查找：安托法加斯塔" in listbox.inner_text() and "Add:" not in listbox.inner_text()
    page.keyboard.press("Escape")
    type_into_origin(page, "")  # the box keeps the text; clear it
    page.keyboard.press("Control+A")
    page.keyboard.type("釜山", delay=20)
    page.keyboard.press("Enter")
    page.locator("h1", has_text="釜山 → 洛杉矶").wait_for(timeout=60_000)
    assert page.page_errors == []


@pytest.mark.parametrize(
    ("lang", "typed", "said"),
    [("en", "Atlantis", "Unknown port 'Atlantis'"), ("zh", "亚特兰蒂斯", "未知港口")],
)
def test_text_that_names_no_port_is_refused_by_name_and_the_lane_stays(
    page: Any, app_server: str, lang: str, typed: str, said: str
) -> None:
    frame = open_app(page, f"{app_server}/?lang={lang}")
    heading = page.locator("h1").first.inner_text()
    type_into_origin(page, typed)
    page.keyboard.press("Enter")
    alert = page.locator('[data-testid="stAlert"]', has_text=said)
    alert.wait_for(timeout=60_000)
    said_text = alert.inner_text()  # what is accepted: a code (for a Chinese name, CLANF's)
    assert typed in said_text and ("CNSHA" in said_text or "CLANF" in said_text), said_text
    # the page keeps its lane: heading, map and figures, and the picker its port
    assert page.locator("h1").first.inner_text() == heading
    frame.locator("#map_div path.lane-route").first.wait_for(timeout=30_000)
    assert page.locator('[data-testid="stMetric"]').count() == 5
    box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first
    assert "CNSHA" in box.locator("input").input_value()
    assert "Traceback" not in page.locator("body").inner_text()
