"""Helpers for browser tests of the map: open the page, wait for the map's own "framed"
signal, and measure the map's layout from the DOM (no timings, no pixels guessed)."""

from __future__ import annotations

import time
from typing import Any

from app_pages.map_component import FRAME_TITLE

MAP_FRAME = f'iframe[title="{FRAME_TITLE}"]'
SIZES = {"1280x800": (1280, 800), "1920x1080": (1920, 1080), "390": (390, 844)}

# The layout of the map's iframe, in its client pixels:
# - lane: points every 4 px along each drawn lane and segment path (SVG getPointAtLength);
# - controls: every visible Leaflet control (legend, zoom, fullscreen, measure, layers,
#   minimap, scale, attribution) as a box;
# - ports: each port's marker box and its name's box, paired through Leaflet (same place).
LAYOUT_JS = """() => {
  const box = (el) => { const r = el.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, w: r.width, h: r.height}; };
  const map = window.map;
  const mapBox = box(map.getContainer());
  const lane = [];
  document.querySelectorAll('path.lane-route, path.lane-segment').forEach((path) => {
    const ctm = path.getScreenCTM(), len = path.getTotalLength();
    const half = parseFloat(getComputedStyle(path).strokeWidth || '4') / 2;
    for (let s = 0; s <= len; s += 4) {
      const p = path.getPointAtLength(s);
      lane.push({x: ctm.a * p.x + ctm.c * p.y + ctm.e, y: ctm.b * p.x + ctm.d * p.y + ctm.f,
                 half: half});
    }
  });
  const controls = [];
  document.querySelectorAll('.leaflet-control-container .leaflet-control').forEach((el) => {
    const b = box(el);
    if (b.w > 0 && b.h > 0 && getComputedStyle(el).display !== 'none') {
      controls.push(Object.assign({name: el.className}, b));
    }
  });
  const markers = [], labels = [];
  map.eachLayer((layer) => {
    if (!layer.getLatLng) { return; }
    const tip = layer.getTooltip && layer.getTooltip();
    if (layer.options.className === 'port-marker' && layer._path) {
      markers.push({at: layer.getLatLng(), box: box(layer._path), name: tip ? tip._content : ''});
    } else if (tip && tip.options.permanent && tip.getElement()) {
      labels.push({at: layer.getLatLng(), box: box(tip.getElement()),
                   text: tip.getElement().innerText});
    }
  });
  const ports = labels.map((label) => {
    const marker = markers.find((m) => m.at.equals(label.at));
    return {text: label.text, label: label.box, marker: marker ? marker.box : null};
  });
  return {map: mapBox, lane, controls, markers: markers.map((m) => m.box), ports,
          legend: (document.querySelector('.lane-legend') || {}).innerText || '',
          zoom: map.getZoom(), maxZoom: map.getMaxZoom()};
}"""


def open_map(page: Any, url: str) -> Any:
    """Go to ``url`` and return the map's frame once the map has framed the lane (the page
    sets ``data-lane-ready`` on the frame's root element after each fit)."""
    page.goto(url)
    handle = page.locator(MAP_FRAME).element_handle(timeout=60_000)
    frame = handle.content_frame()
    frame.wait_for_selector("html[data-lane-ready]", state="attached", timeout=60_000)
    frame.locator("#map_div path.lane-route").first.wait_for(timeout=30_000)
    wait_until_settled(frame)
    return frame


def wait_until_settled(frame: Any, quiet_s: float = 1.5, timeout_s: float = 30.0) -> None:
    """Wait until the map has stopped refitting: its fit count (``data-lane-ready``) unchanged
    for ``quiet_s`` (the iframe is resized late, and a control that changes size refits)."""
    deadline = time.monotonic() + timeout_s
    last = frame.evaluate("() => document.documentElement.dataset.laneReady")
    since = time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.25)
        now = frame.evaluate("() => document.documentElement.dataset.laneReady")
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet_s:
            return
    raise AssertionError(f"the map kept refitting for {timeout_s:g} s (fit count {last})")


def layout(frame: Any) -> dict[str, Any]:
    return dict(frame.evaluate(LAYOUT_JS))


def overlaps(a: dict[str, float], b: dict[str, float], margin: float = 0.0) -> bool:
    return (
        a["left"] < b["right"] + margin
        and a["right"] > b["left"] - margin
        and a["top"] < b["bottom"] + margin
        and a["bottom"] > b["top"] - margin
    )


def gap(box: dict[str, float], other: dict[str, float]) -> float:
    """Distance in px between two boxes (0 when they touch or overlap)."""
    dx = max(other["left"] - box["right"], box["left"] - other["right"], 0.0)
    dy = max(other["top"] - box["bottom"], box["top"] - other["bottom"], 0.0)
    return float((dx * dx + dy * dy) ** 0.5)


def lane_dots(lay: dict[str, Any]) -> list[dict[str, float]]:
    """Each drawn lane point as a box, its half width on every side."""
    return [
        {
            "left": p["x"] - p["half"],
            "right": p["x"] + p["half"],
            "top": p["y"] - p["half"],
            "bottom": p["y"] + p["half"],
        }
        for p in lay["lane"]
    ]


def lane_hits(lay: dict[str, Any]) -> list[str]:
    """Controls that any drawn lane point (with its half width) touches."""
    hits = set()
    for dot in lane_dots(lay):
        for c in lay["controls"]:
            if overlaps(dot, c):
                hits.add(c["name"])
    return sorted(hits)


def inside(box: dict[str, float], outer: dict[str, float]) -> bool:
    return (
        box["left"] >= outer["left"] - 0.5
        and box["top"] >= outer["top"] - 0.5
        and box["right"] <= outer["right"] + 0.5
        and box["bottom"] <= outer["bottom"] + 0.5
    )


def page_text(page: Any) -> str:
    return str(page.locator("body").inner_text())
