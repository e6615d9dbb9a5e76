"""Where things open and float on the maps, at 1280×800, 1920×1080 and 390 px, measured from
the DOM once the map has settled:

* every port's popup wraps, stays inside the map and clear of the legend, the minimap and
  every other control (it scrolls rather than grow past the free part of the map);
* a long custom label wraps to a bounded width, hides nothing of the lane and leaves the fit
  as it is without a label;
* online tiles with no network: the fallback message hides nothing of the lane and the fit is
  the one of the offline basemap;
* the compare map: Los Angeles and Long Beach both visible and clickable, no two names
  overlapping, and in "avoid" mode each place named once.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from geo.present.model import present
from geo.present.view import build_view
from geo.render.folium import mapping
from tests.browser.mapframe import (
    MAP_FRAME,
    SIZES,
    inside,
    lane_dots,
    layout,
    open_map,
    overlaps,
    wait_until_settled,
)
from tests.browser.test_app_e2e import stable_box

pytestmark = pytest.mark.browser

LONG_LABEL = "hello world this is a long label for the board"
#: The widest a note on the map may be (px): the custom label wraps within it.
NOTE_MAX_WIDTH_PX = 280
#: Two fits are "the same" when the drawn lane's box moves by at most this (px).
SAME_FIT_PX = 4.0

POPUP_JS = """() => {
  const box = (el) => { const r = el.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
  const pop = document.querySelector('.leaflet-popup');
  if (!pop) { return null; }
  const wrap = box(pop.querySelector('.leaflet-popup-content-wrapper'));
  const tip = box(pop.querySelector('.leaflet-popup-tip-container'));
  const body = pop.querySelector('.leaflet-popup-content');
  return {popup: {left: Math.min(wrap.left, tip.left), top: wrap.top,
                  right: Math.max(wrap.right, tip.right), bottom: tip.bottom},
          name: body.querySelector('b').innerText,
          scrolls: body.scrollHeight > body.clientHeight + 1,
          reachable: body.scrollHeight <= body.clientHeight + 1
                     || getComputedStyle(body).overflowY === 'auto'};
}"""

NOTE_JS = """(selector) => {
  const el = document.querySelector(selector);
  if (!el) { return null; }
  const r = el.getBoundingClientRect();
  return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, w: r.width, h: r.height,
          visible: getComputedStyle(el).visibility === 'visible'};
}"""

# names and markers of the compare map (no popups there: a tooltip names each marker)
COMPARE_JS = """() => {
  const box = (el) => { const r = el.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, w: r.width, h: r.height}; };
  const names = [], markers = [];
  window.map.eachLayer((layer) => {
    const tip = layer.getTooltip && layer.getTooltip();
    if (layer.options.className === 'port-marker' && layer._path) {
      const text = new DOMParser().parseFromString(String(tip._content), 'text/html')
        .body.textContent.trim();
      layer._path.dataset.port = text;
      markers.push({text: text, box: box(layer._path)});
    } else if (tip && tip.options.permanent && tip.getElement()) {
      names.push({text: tip.getElement().innerText, box: box(tip.getElement())});
    }
  });
  return {names, markers, map: box(window.map.getContainer())};
}"""


def _lane_box(lay: dict[str, Any]) -> dict[str, float]:
    xs = [p["x"] for p in lay["lane"]]
    ys = [p["y"] for p in lay["lane"]]
    return {"left": min(xs), "top": min(ys), "right": max(xs), "bottom": max(ys)}


def _same_fit(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """How two layouts' fits differ (empty when they are the same)."""
    out = []
    if a["zoom"] != b["zoom"]:
        out.append(f"zoom {a['zoom']} ≠ {b['zoom']}")
    box_a, box_b = _lane_box(a), _lane_box(b)
    for edge in ("left", "top", "right", "bottom"):
        if abs(box_a[edge] - box_b[edge]) > SAME_FIT_PX:
            out.append(f"lane {edge} {box_a[edge]:.0f} ≠ {box_b[edge]:.0f}")
    return out


def _hidden_by(box: dict[str, float], lay: dict[str, Any]) -> list[str]:
    """What of the map ``box`` covers: lane points, port names and markers, controls."""
    found = set()
    if any(overlaps(box, dot) for dot in lane_dots(lay)):
        found.add("the lane")
    for port in lay["ports"]:
        if overlaps(box, port["label"]) or (port["marker"] and overlaps(box, port["marker"])):
            found.add(port["text"])
    for control in lay["controls"]:
        if overlaps(box, control):
            found.add(control["name"])
    return sorted(found)


_default_fits: dict[str, dict[str, Any]] = {}


def _default_fit(page: Any, app_server: str, size: str) -> dict[str, Any]:
    """The default lane's layout at ``size`` with the offline basemap and no label."""
    if size not in _default_fits:
        _default_fits[size] = layout(open_map(page, app_server))
    return _default_fits[size]


def _size(page: Any, size: str) -> None:
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})


# --------------------------------------------------------------------------- popups


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_every_port_popup_stays_inside_the_map_clear_of_the_controls(
    page: Any, app_server: str, size: str
) -> None:
    _size(page, size)
    frame = open_map(page, app_server)
    first_view = frame.evaluate("() => [window.map.getCenter(), window.map.getZoom()]")
    markers = frame.locator("path.port-marker")
    count = markers.count()
    assert count >= 4  # Shanghai, Yangshan, Los Angeles, Long Beach
    seen = []
    for i in range(count):
        frame.evaluate(
            "([c, z]) => { window.map.closePopup(); window.map.setView(c, z, {animate: false}); }",
            first_view,
        )
        stable_box(page, markers.nth(i))
        markers.nth(i).click()  # Playwright checks that nothing covers the marker
        popup = frame.locator(".leaflet-popup")
        popup.wait_for(timeout=10_000)
        stable_box(page, popup)  # the map pans an opened popup into the free part, animated
        found = frame.evaluate(POPUP_JS)
        lay = layout(frame)
        name, box = found["name"], found["popup"]
        seen.append(name)
        assert inside(box, lay["map"]), f"{name}'s popup runs out of the map: {box}"
        for control in lay["controls"]:
            assert not overlaps(box, control), f"{name}'s popup is under {control['name']}"
        assert found["reachable"], f"{name}'s popup is cut without a scroll bar"
    assert {"Shanghai", "Los Angeles", "Long Beach"} <= set(seen)
    assert page.page_errors == []


# --------------------------------------------------------------------------- notes


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_a_long_custom_label_wraps_and_keeps_the_fit(page: Any, app_server: str, size: str) -> None:
    _size(page, size)
    plain = _default_fit(page, app_server, size)
    frame = open_map(page, f"{app_server}/?label={LONG_LABEL.replace(' ', '%20')}")
    lay = layout(frame)
    assert _same_fit(lay, plain) == [], "the label changed the fit"
    label = frame.evaluate(NOTE_JS, "#map_div .custom-label")
    assert label is not None and label["visible"]
    assert frame.locator("#map_div .custom-label").inner_text() == LONG_LABEL
    assert label["w"] <= NOTE_MAX_WIDTH_PX, "the label does not wrap"
    assert inside(label, lay["map"]), "the label runs out of the map"
    assert _hidden_by(label, lay) == [], "the label hides part of the map"
    assert page.page_errors == []


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_the_tile_fallback_message_hides_nothing_and_keeps_the_offline_fit(
    page: Any, app_server: str, size: str
) -> None:
    _size(page, size)
    offline = _default_fit(page, app_server, size)
    frame = open_map(page, f"{app_server}/?basemap=online")
    frame.locator(".tile-fallback-note").wait_for(timeout=30_000)
    wait_until_settled(frame)
    lay = layout(frame)
    assert _same_fit(lay, offline) == [], "the fallback changed the fit"
    note = frame.evaluate(NOTE_JS, ".tile-fallback-note")
    assert note["visible"] and inside(note, lay["map"])
    assert _hidden_by(note, lay) == [], "the message hides part of the map"
    assert lay["maxZoom"] == offline["maxZoom"]
    assert all("arcgisonline.com" in url for url in page.blocked_urls)
    assert page.page_errors == []


@pytest.fixture(scope="module")
def standalone_with_label() -> str:
    view = build_view("Shanghai", "San Pedro Bay", as_of="2026-01-15")
    return mapping.standalone_html(present(view, label=LONG_LABEL))


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_the_standalone_maps_label_hides_nothing(
    page: Any, standalone_with_label: str, size: str
) -> None:
    # the exported page adds its layer switcher and figures after the map's own script
    _size(page, size)
    page.set_content(standalone_with_label)
    page.wait_for_selector("html[data-lane-ready]", state="attached", timeout=30_000)
    found = re.search(r'class="folium-map" id="(map_[0-9a-f]+)"', standalone_with_label)
    assert found, "no map in the page"
    page.evaluate("(name) => { window.map = window[name]; }", found.group(1))
    wait_until_settled(page.main_frame)
    lay = layout(page.main_frame)
    names = " ".join(c["name"] for c in lay["controls"])
    assert "leaflet-control-layers" in names and "lane-figures" in names
    label = page.evaluate(NOTE_JS, ".custom-label")
    assert label["visible"] and inside(label, lay["map"])
    assert _hidden_by(label, lay) == [], "the label hides part of the map"
    assert page.blocked_urls == [] and page.page_errors == []


# --------------------------------------------------------------------------- compare


def _open_compare(page: Any, url: str) -> Any:
    page.goto(url)
    frame = page.locator(MAP_FRAME).element_handle(timeout=60_000).content_frame()
    frame.locator("#map_div path.compare-lane").first.wait_for(timeout=60_000)
    frame.wait_for_selector("html[data-lane-ready]", state="attached", timeout=60_000)
    wait_until_settled(frame)
    return frame


def _name_overlaps(found: dict[str, Any]) -> list[str]:
    names = found["names"]
    return [
        f"{a['text']} / {b['text']}"
        for i, a in enumerate(names)
        for b in names[i + 1 :]
        if overlaps(a["box"], b["box"])
    ]


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_compare_map_shows_la_and_long_beach_apart_and_names_clear(
    page: Any, app_server: str, size: str
) -> None:
    _size(page, size)
    frame = _open_compare(page, f"{app_server}/compare")
    found = frame.evaluate(COMPARE_JS)
    assert _name_overlaps(found) == []
    for name in found["names"]:
        assert inside(name["box"], found["map"]), f"{name['text']} is cut by the map's edge"
    boxes = {m["text"].split(" (")[0]: m["box"] for m in found["markers"]}
    la, lb = boxes["Los Angeles"], boxes["Long Beach"]
    assert not overlaps(la, lb), "Los Angeles and Long Beach are drawn as one dot"
    for name in ("Los Angeles", "Long Beach"):
        marker = frame.locator(f'path.port-marker[data-port^="{name} ("]')
        stable_box(page, marker)
        marker.hover()  # Playwright checks that nothing covers it
        # its own tooltip opens (the other one's may still be fading)
        frame.locator(".leaflet-tooltip:not(.port-label)", has_text=name).wait_for(timeout=10_000)
        marker.click()  # the marker itself takes the click
    assert page.blocked_urls == []
    assert page.page_errors == []


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_compare_map_names_each_place_once_round_the_world(
    page: Any, app_server: str, size: str
) -> None:
    _size(page, size)
    frame = _open_compare(page, f"{app_server}/compare?mode=avoid")
    found = frame.evaluate(COMPARE_JS)
    names = sorted(n["text"] for n in found["names"])
    assert names == ["Rotterdam", "Shanghai"], names
    assert len(found["markers"]) == 2
    assert _name_overlaps(found) == []
    assert frame.locator("path.compare-lane").count() >= 3
    assert page.page_errors == []
