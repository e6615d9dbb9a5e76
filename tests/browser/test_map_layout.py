"""The map's first render at 1280×800, 1920×1080 and 390 px, measured from the DOM: the lane,
the ports and their names clear of the legend and every control, each name beside its
marker, Los Angeles and Long Beach apart, nothing fetched from outside, no traceback."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.mapframe import SIZES, gap, inside, lane_hits, layout, open_map, overlaps

pytestmark = pytest.mark.browser

LANES = {
    "default": "",
    "shanghai-rotterdam": "?origin=CNSHA&dest=NLRTM&avoid=suez",
}
#: A name's box is at most this far (px) from its marker's box.
NAME_TO_MARKER_PX = 10.0


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
@pytest.mark.parametrize("lane", list(LANES), ids=list(LANES))
def test_first_render_keeps_lane_and_names_clear(
    page: Any, app_server: str, lane: str, size: str
) -> None:
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    frame = open_map(page, f"{app_server}/{LANES[lane]}")
    lay = layout(frame)

    assert lay["lane"], "no lane drawn"
    assert lane_hits(lay) == [], "the lane runs under these controls"

    assert lay["ports"], "no port names"
    for port in lay["ports"]:
        name, label, marker = port["text"], port["label"], port["marker"]
        assert marker is not None, f"{name}: no marker at its name's place"
        assert gap(label, marker) <= NAME_TO_MARKER_PX, f"{name} is not beside its marker"
        assert inside(label, lay["map"]), f"{name} is cut by the map's edge"
        for control in lay["controls"]:
            assert not overlaps(label, control), f"{name} is under {control['name']}"
            assert not overlaps(marker, control), f"{name}'s marker is under {control['name']}"

    names = {p["text"] for p in lay["ports"]}
    if lane == "default":
        assert {"Shanghai", "Los Angeles", "Long Beach"} <= names
        la, lb = (
            next(p["marker"] for p in lay["ports"] if p["text"] == name)
            for name in ("Los Angeles", "Long Beach")
        )
        apart = ((la["left"] - lb["left"]) ** 2 + (la["top"] - lb["top"]) ** 2) ** 0.5
        assert apart >= (la["w"] + lb["w"]) / 2, "Los Angeles and Long Beach stacked"
        # spread ports keep a leader line to their true place
        assert frame.locator("path.port-leader").count() >= 2
    else:
        assert {"Shanghai", "Rotterdam"} <= names
        legend = lay["legend"]
        assert "Rotterdam" in legend and "San Pedro Bay" not in legend

    assert lay["maxZoom"] == 7  # the offline 1:110m land layer
    assert page.blocked_urls == []
    assert page.page_errors == []
    assert "Traceback" not in page.locator("body").inner_text()


def test_the_legend_lists_only_what_the_map_shows(page: Any, app_server: str) -> None:
    frame = open_map(page, f"{app_server}/?layers=route")
    legend = frame.locator(".lane-legend")
    assert legend.locator(".row.lane").count() == 1
    assert legend.locator(".row.zone").count() == 0  # no segments drawn, no zone rows
    assert legend.locator(".row.port").count() == 0  # no ports drawn
    assert legend.locator(".row.measure").count() == 0  # no ports, no ✓ badge to explain
    assert frame.locator(".corridor-measure-icon").count() == 0
    assert frame.locator("path.lane-segment").count() == 0
    assert frame.locator("path.port-marker").count() == 0
    assert page.blocked_urls == []


@pytest.mark.parametrize(
    ("query", "row"),
    [("?lang=zh", "已实施的走廊措施"), ("?origin=KRPUS&dest=NLRTM", "")],
    ids=["corridor-zh", "busan-rotterdam"],
)
def test_the_legend_explains_the_badges_it_shows(
    page: Any, app_server: str, query: str, row: str
) -> None:
    """A ✓ badge beside a port (a corridor measure in place) has its legend row, in the
    page's language; a lane with no such port has neither."""
    frame = open_map(page, f"{app_server}/{query}")
    legend = frame.locator(".lane-legend")
    badges = frame.locator(".corridor-measure-icon").count()
    if legend.locator("details:not([open])").count():  # a short map folds it: open it
        legend.locator("summary").click()
    if row:
        assert badges == 3  # Shanghai, Los Angeles, Long Beach
        assert legend.locator(".row.measure").inner_text().strip().endswith(row)
        assert legend.locator(".row.measure .badge").is_visible()
    else:
        assert badges == 0
        assert legend.locator(".row.measure").count() == 0
    assert page.blocked_urls == []
    assert page.page_errors == []
