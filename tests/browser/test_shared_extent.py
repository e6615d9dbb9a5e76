"""A shared extent (``?extent=``) is shown as the link's view, not framed around the controls:
at 1280×800, 1920×1080 and 390 px, measured from the DOM once the map has settled,

* no two port names overlap and each name sits beside its own marker, for extents round the
  corridor, the Pacific and San Pedro Bay, and for the default view;
* no port's marker or name is under the legend or another control: the legend folds (the
  minimap minimises) rather than the view moving, and the link's view is kept.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.mapframe import SIZES, gap, inside, layout, open_map, overlaps

pytestmark = pytest.mark.browser

#: A name's box is at most this far (px) from its own marker's box (as in test_map_layout).
NAME_TO_MARKER_PX = 10.0
CORRIDOR = "120,10,250,45"
VIEWS = {
    "default": "",
    "corridor": f"?extent={CORRIDOR}",
    "pacific": "?extent=100,-40,300,70",
    "san-pedro-bay": "?extent=236,30,246,37",
}


def _shown(lay: dict[str, Any]) -> list[dict[str, Any]]:
    """The ports whose marker is drawn on the map (a port outside the view has none)."""
    return [p for p in lay["ports"] if p["marker"] and p["marker"]["w"] > 0]


def _open(page: Any, app_server: str, size: str, query: str) -> tuple[Any, dict[str, Any]]:
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    frame = open_map(page, f"{app_server}/{query}")
    return frame, layout(frame)


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
@pytest.mark.parametrize("view", list(VIEWS), ids=list(VIEWS))
def test_port_names_apart_and_beside_their_markers(
    page: Any, app_server: str, view: str, size: str
) -> None:
    _, lay = _open(page, app_server, size, VIEWS[view])
    shown = _shown(lay)
    assert {"Los Angeles", "Long Beach"} <= {p["text"] for p in shown}
    for port in shown:
        name, label = port["text"], port["label"]
        assert gap(label, port["marker"]) <= NAME_TO_MARKER_PX, f"{name} is not by its marker"
        assert inside(label, lay["map"]), f"{name} is cut by the map's edge"
    crossed = [
        f"{a['text']} / {b['text']}"
        for i, a in enumerate(shown)
        for b in shown[i + 1 :]
        if overlaps(a["label"], b["label"])
    ]
    assert crossed == [], "names drawn over each other"
    assert page.page_errors == []


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_no_port_under_a_control_on_a_shared_extent(page: Any, app_server: str, size: str) -> None:
    frame, lay = _open(page, app_server, size, VIEWS["corridor"])
    shown = _shown(lay)
    assert {"Shanghai", "Los Angeles", "Long Beach"} <= {p["text"] for p in shown}
    for port in shown:
        for control in lay["controls"]:
            name = port["text"]
            assert not overlaps(port["marker"], control), f"{name} under {control['name']}"
            assert not overlaps(port["label"], control), f"{name}'s name under {control['name']}"
    # the link's view is kept: the whole extent shown, not refitted round the controls
    assert frame.locator(".lane-legend details:not([open])").count() == 1, "legend not folded"
    west, east = (float(v) for v in CORRIDOR.split(",")[0:3:2])
    shown_west, shown_east = frame.evaluate(
        "() => [window.map.getBounds().getWest(), window.map.getBounds().getEast()]"
    )
    assert shown_west <= west + 0.5 and shown_east >= east - 0.5
    assert page.page_errors == []
