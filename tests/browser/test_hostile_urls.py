"""Hostile or odd values in the URL: the page shows text and warnings, never a traceback, a
live link, a remote image, math, or "inf days"; nothing is fetched from outside."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from tests.browser.mapframe import MAP_FRAME, page_text

pytestmark = pytest.mark.browser

HOSTILE = {
    "markdown-link": "?origin=" + quote("[Session expired, log in](http://evil.example)"),
    "markdown-image": "?basemap=" + quote("![a](http://x.example/y.png)"),
    "math": "?label=" + quote("$x^2$"),
    "seam": "?origin=180,0&dest=-180,0",
    "south-pole": "?dest=0,-90",
    "tiny-speed": "?speed=1e-320",
    "streamlit-codes": "?origin=" + quote(":red[alert] :material/warning: :smile:"),
}
TRACEBACK_SIGNS = ("Traceback", 'File "/', "site-packages", "Error:")


def _settled(page: Any) -> None:
    """The run has finished: the title is drawn and Streamlit no longer shows it running."""
    page.locator("h1").first.wait_for(timeout=60_000)
    page.locator(f'{MAP_FRAME}, [data-testid="stAlert"]').first.wait_for(timeout=60_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )


@pytest.mark.parametrize("query", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_url_values_are_plain_text(page: Any, app_server: str, query: str) -> None:
    page.goto(f"{app_server}/{query}")
    _settled(page)
    text = page_text(page)
    for sign in TRACEBACK_SIGNS:
        assert sign not in text, f"{sign!r} on the page"
    assert page.locator('a[href*="evil.example"]').count() == 0  # no live link
    assert page.locator('img[src*="x.example"]').count() == 0  # no remote image
    assert page.locator(".katex, .katex-display, math").count() == 0  # no math
    assert "inf days" not in text and "inf h" not in text
    assert page.blocked_urls == []  # nothing fetched from outside (x.example included)
    assert page.page_errors == []
    # the page still works: a lane is drawn, or the page says why not
    drawn = page.locator(MAP_FRAME).count() > 0
    alerts = page.locator('[data-testid="stAlert"]')
    assert drawn or alerts.count() > 0
    if "speed=" in query:
        assert alerts.count() > 0, "an out-of-range speed falls back with a warning"
        assert "speed" in alerts.first.inner_text().lower()
    if "%3Ared" in query:  # Streamlit colour, icon and emoji codes stay as typed
        warning = alerts.first.inner_text().replace("\u2060", "")
        assert ":red[alert] :material/warning: :smile:" in warning, warning  # as typed
        assert page.locator('[data-testid="stAlert"] [data-testid="stIconMaterial"]').count() == 0
    if "label=" in query:
        frame = page.frame_locator(MAP_FRAME)
        assert frame.locator("#map_div .custom-label").inner_text() == "$x^2$"
