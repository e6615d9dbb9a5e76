"""PNG snapshots of the interactive map, rendered by headless Chromium (Playwright).

:func:`render_png` opens the standalone map
(:func:`geo.render.folium.mapping.standalone_html`, every asset
inlined, so the page needs no network) in Debian's Chromium with a slide overlay around it
and screenshots it at exactly ``width_px × height_px``:

* a title band on top: the title (``view.title`` by default) and a subtitle
  (``origin → destination · sea route at N kn · date``);
* the map between the title band and the footer band, with the map's own legend bottom-left
  and a metrics box bottom-right (distance in nm and km, days at speed, the lane's trade
  value with its year);
* a footer band: the assumptions line (speed, avoided passages, data date, "Not for
  navigation.") and the sources.

Nothing covers the lane: after the map has drawn, a script fits the lane, the ports and their
labels into the part of the map that the legend and the metrics box leave free (it zooms out
a step at a time until they fit, then centres them there), and only then is the page marked
ready. :func:`snapshot_page_html` builds the page alone, so tests can read its DOM.

Every request other than ``file:``, ``data:``, ``blob:``, ``about:`` and localhost is blocked.
The browser is always closed (also on error or time-out); the PNG is written atomically.
"""

from __future__ import annotations

import io
import re
import shutil
import struct
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

from geo.errors import ExportError
from geo.fileio import atomic_write_bytes
from geo.present.style import LANE_COLOUR
from geo.present.text import esc
from geo.present.view import LaneView
from geo.render.folium import mapping
from geo.render.static.render import default_subtitle, short_source

CHROMIUM_ARGS: Final[tuple[str, ...]] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
CHROMIUM_CANDIDATES: Final[tuple[str, ...]] = ("chromium", "chromium-browser")
CHROMIUM_FALLBACK_PATH: Final[str] = "/usr/bin/chromium"
RENDERER_NAME: Final[str] = "browser (headless Chromium)"
DEFAULT_TIMEOUT_S: Final[float] = 60.0
#: Extra seconds the caller waits for the browser thread after the time limit (Playwright's
#: own time-outs normally end it first, closing the browser).
JOIN_GRACE_S: Final[float] = 20.0
MIN_SIDE_PX: Final[int] = 320
MAX_SIDE_PX: Final[int] = 7680
MAX_SCALE: Final[float] = 4.0
#: The fit never zooms in further than this: the offline land layer is 1:110m.
MAX_FIT_ZOOM: Final[float] = 6.0
LOCAL_SCHEMES: Final[frozenset[str]] = frozenset({"file", "data", "blob", "about"})
LOCAL_HOSTS: Final[frozenset[str]] = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})

#: A JS predicate that is true once the map has drawn and the snapshot fit has settled.
READY_CONDITION: Final[str] = (
    "() => document.documentElement.dataset.snapshotReady === '1'"
    " && document.querySelectorAll('.leaflet-overlay-pane path').length > 0"
)

INK: Final[str] = "#1d2630"
MUTED: Final[str] = "#5b6470"
RULE: Final[str] = "#d5d9dd"
FONT_STACK: Final[str] = '"Liberation Sans", Arial, "DejaVu Sans", sans-serif'

_MAP_ID_RE: Final[re.Pattern[str]] = re.compile(r'<div class="folium-map" id="(map_[0-9a-f]+)"')


# ----------------------------------------------------------------------------- availability


def chromium_path() -> str | None:
    """The system Chromium (``chromium`` on PATH, else ``/usr/bin/chromium``), or ``None``."""
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return CHROMIUM_FALLBACK_PATH if Path(CHROMIUM_FALLBACK_PATH).exists() else None


def browser_available() -> bool:
    """True when Playwright is installed and a system Chromium is found (nothing launched)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return chromium_path() is not None


# ----------------------------------------------------------------------------- the page


def _unit(css_width: float, css_height: float) -> float:
    """Text scale: 1.0 on a 1920×1080 page, smaller on smaller pages (never below 0.45)."""
    return max(0.45, min(css_width / 1920.0, css_height / 1080.0))


def metrics(view: LaneView) -> list[tuple[str, str, str]]:
    """The metrics box as ``(label, value, note)`` rows, in plain words with units and years:
    ``("Distance", "5,739 nm", "10,629 km")``, ``("Time at sea", "13.3 days", "at 18 kn")``,
    ``("Lane trade value", "> US$300 B", "a year · 2026")``."""
    r = view.main
    to = f" to {r.destination.name}" if len(view.routes) > 1 else ""
    rows = [
        (f"Distance{to}", f"{r.distance_nm:,.0f} nm", f"{r.distance_km:,.0f} km"),
        ("Time at sea", f"{r.duration_days:,.1f} days", f"at {r.speed_kn:g} kn, no port time"),
    ]
    value, note = view.headline_metric()
    if view.lane.headline is None:
        rows.append(("Lane trade value", "—", "no sourced figure for this lane"))
    else:
        rows.append(("Lane trade value", value, note))
    return rows


def footer_sources(view: LaneView) -> str:
    """``"Sources: …; …."`` with short publisher names (full titles are in the app)."""
    names = list(dict.fromkeys(short_source(src) for src, _url in view.sources()))
    return "Sources: " + "; ".join(n for n in names if n) + "."


def _overlay_css(unit: float, map_id: str) -> str:
    def px(value: float) -> str:
        return f"{max(1.0, value * unit):.1f}px"

    return f"""
html, body {{ width: 100%; height: 100%; margin: 0; padding: 0; overflow: hidden;
  background: #ffffff; }}
body {{ display: flex; flex-direction: column; font-family: {FONT_STACK}; color: {INK};
  -webkit-font-smoothing: antialiased; }}
#snap-header {{ flex: 0 0 auto; display: flex; align-items: flex-end;
  justify-content: space-between; gap: {px(40)};
  padding: {px(26)} {px(48)} {px(18)} {px(48)}; border-bottom: 1px solid {RULE}; }}
#snap-title {{ margin: 0; font-size: {px(46)}; line-height: 1.1; font-weight: 700;
  letter-spacing: -0.01em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
#snap-subtitle {{ margin: {px(8)} 0 0 0; font-size: {px(24)}; line-height: 1.2;
  color: {MUTED}; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
#snap-header .snap-titles {{ min-width: 0; }}
#snap-tag {{ flex: 0 1 auto; text-align: right; font-size: {px(19)}; line-height: 1.25;
  font-weight: 700; color: {LANE_COLOUR}; max-width: 34%; padding-bottom: {px(3)}; }}
#{map_id}, .folium-map {{ position: relative !important; flex: 1 1 auto;
  width: 100% !important; height: auto !important; min-height: 0; top: 0 !important;
  left: 0 !important; }}
#snap-footer {{ flex: 0 0 auto; padding: {px(12)} {px(48)} {px(14)} {px(48)};
  border-top: 1px solid {RULE}; }}
#snap-assumptions {{ margin: 0; font-size: {px(18)}; line-height: 1.3; color: {INK}; }}
#snap-sources {{ margin: {px(5)} 0 0 0; font-size: {px(14)}; line-height: 1.3;
  color: {MUTED}; }}

/* the map, quiet and legible on a projected slide */
.leaflet-container {{ font-family: {FONT_STACK}; }}
.leaflet-control-zoom, .leaflet-control-fullscreen, .leaflet-control-measure,
.leaflet-control-layers, .leaflet-control-scale, .leaflet-control-attribution,
.leaflet-control-minimap {{ display: none !important; }}
.leaflet-tooltip:not(.port-label) {{ display: none !important; }}
.leaflet-bottom .leaflet-control {{ margin-bottom: {px(22)}; }}
.leaflet-left .leaflet-control {{ margin-left: {px(26)}; }}
.leaflet-right .leaflet-control {{ margin-right: {px(26)}; }}
.lane-legend {{ font-size: {px(17)}; line-height: 1.45; max-width: {px(460)} !important;
  padding: {px(12)} {px(16)} !important; box-shadow: 0 1px 3px rgba(0,0,0,.18) !important;
  border: 1px solid {RULE}; border-radius: {px(6)} !important; }}
.lane-legend summary {{ display: none; }}
.lane-legend .sw {{ width: {px(26)} !important; height: {px(6)} !important;
  margin-right: {px(9)} !important; }}
.lane-legend .dot {{ width: {px(13)} !important; height: {px(13)} !important;
  margin: 0 {px(15)} 0 {px(6)} !important; }}
.lane-legend small {{ font-size: {px(14)}; }}
.port-label {{ font-size: {px(19)}; font-weight: 700; }}
.port-label.leaflet-tooltip-left {{ padding-right: 13px; margin-top: 0.75em; }}
.port-label.leaflet-tooltip-right {{ padding-left: 13px; }}
.port-label.leaflet-tooltip-top {{ padding-bottom: 14px; }}
.port-label.leaflet-tooltip-bottom {{ padding-top: 14px; }}
.lane-trade-label {{ display: none; }}
#snap-metrics {{ background: rgba(255,255,255,.96); border: 1px solid {RULE};
  border-radius: {px(6)}; box-shadow: 0 1px 3px rgba(0,0,0,.18);
  padding: {px(14)} {px(20)}; display: flex; gap: {px(30)}; color: {INK}; }}
#snap-metrics .m {{ min-width: {px(120)}; }}
#snap-metrics .k {{ font-size: {px(15)}; color: {MUTED}; text-transform: uppercase;
  letter-spacing: .04em; white-space: nowrap; }}
#snap-metrics .v {{ font-size: {px(34)}; font-weight: 700; line-height: 1.15;
  white-space: nowrap; margin-top: {px(3)}; }}
#snap-metrics .n {{ font-size: {px(15)}; color: {MUTED}; white-space: nowrap; }}
#snap-metrics .m + .m {{ border-left: 1px solid {RULE}; padding-left: {px(30)}; }}
"""


# The fit: runs after folium's own fit; moves the lane, the ports and their labels into the
# part of the map the legend and the metrics box leave free, then marks the page ready.
_FIT_JS: Final[str] = """
(function (map) {
  var root = document.documentElement;
  var metrics = document.getElementById("snap-metrics");
  var box = L.control({position: "bottomright"});
  box.onAdd = function () { metrics.style.display = ""; return metrics; };
  box.addTo(map);

  function laneBounds() {
    var b = L.latLngBounds([]);
    map.eachLayer(function (layer) {
      var cls = layer.options && layer.options.className;
      if (cls === "lane-route" && layer.getBounds) { b.extend(layer.getBounds()); }
    });
    return b;
  }
  // The ports near the lane (its bounds, padded) keep their marker and label; the others
  // (e.g. the corridor ports on a Shanghai → Singapore slide) are hidden: they are not part
  // of this lane and would only be cut by the map's edge or sit under a box.
  function portElements(lane) {
    var dLat = Math.max(1.5, 0.05 * (lane.getNorth() - lane.getSouth()));
    var dLon = Math.max(1.5, 0.05 * (lane.getEast() - lane.getWest()));
    var near = L.latLngBounds([lane.getSouth() - dLat, lane.getWest() - dLon],
                              [lane.getNorth() + dLat, lane.getEast() + dLon]);
    var kept = [];
    map.eachLayer(function (layer) {
      if (!layer.getLatLng || !layer.options) { return; }
      var tip = layer.getTooltip ? layer.getTooltip() : null;
      var isLabel = tip && tip.options.permanent &&
        String(tip.options.className || "").indexOf("port-label") >= 0;
      var isMarker = layer.options.className === "port-marker";
      if (!isLabel && !isMarker) { return; }
      var els = [];
      if (isMarker && layer.getElement && layer.getElement()) { els.push(layer.getElement()); }
      if (isLabel && tip.getElement()) { els.push(tip.getElement()); }
      var show = near.contains(layer.getLatLng());
      els.forEach(function (el) {
        if (show) { kept.push(el); } else { el.style.display = "none"; }
      });
    });
    return kept;
  }
  function union(elements) {
    var r = null;
    elements.forEach(function (el) {
      var q = el.getBoundingClientRect();
      if (q.width === 0 && q.height === 0) { return; }
      if (!r) { r = {left: q.left, top: q.top, right: q.right, bottom: q.bottom}; return; }
      r.left = Math.min(r.left, q.left); r.top = Math.min(r.top, q.top);
      r.right = Math.max(r.right, q.right); r.bottom = Math.max(r.bottom, q.bottom);
    });
    return r;
  }
  function free() {
    var m = map.getContainer().getBoundingClientRect();
    var legend = document.querySelector(".lane-legend");
    var lh = legend ? legend.getBoundingClientRect().height : 0;
    var mh = metrics.getBoundingClientRect().height;
    var margin = Math.max(14, 0.03 * m.height);
    var bottomGap = Math.max(lh, mh) + 0.02 * m.height + 22 * UNIT;
    return {left: m.left + margin, top: m.top + margin, right: m.right - margin,
            bottom: m.bottom - bottomGap};
  }
  function frame() { return new Promise(function (ok) { requestAnimationFrame(function () {
    requestAnimationFrame(ok); }); }); }

  function shrinkToFit(el, minRatio) {
    if (!el) { return; }
    var size = parseFloat(getComputedStyle(el).fontSize), floor = size * minRatio;
    while (el.scrollWidth > el.clientWidth + 1 && size > floor) {
      size = Math.max(floor, size * 0.95);
      el.style.fontSize = size + "px";
    }
  }

  async function settle() {
    shrinkToFit(document.getElementById("snap-title"), 0.6);
    shrinkToFit(document.getElementById("snap-subtitle"), 0.75);
    map.invalidateSize(false);
    var area = free();
    var bounds = laneBounds();
    var lanes = Array.from(document.querySelectorAll(".leaflet-overlay-pane path.lane-route"));
    var ports = bounds.isValid() ? portElements(bounds) : [];
    if (bounds.isValid()) {
      var m = map.getContainer().getBoundingClientRect();
      map.fitBounds(bounds, {animate: false, maxZoom: MAX_FIT_ZOOM,
        paddingTopLeft: [area.left - m.left + 60 * UNIT, area.top - m.top + 20 * UNIT],
        paddingBottomRight: [m.right - area.right + 60 * UNIT, m.bottom - area.bottom]});
    }
    for (var i = 0; i < 24; i++) {
      await frame();
      area = free();
      var content = union(lanes.concat(ports));
      if (!content) { break; }
      var w = content.right - content.left, h = content.bottom - content.top;
      if (w > area.right - area.left + 0.5 || h > area.bottom - area.top + 0.5) {
        map.setZoom(map.getZoom() - map.options.zoomSnap, {animate: false});
        continue;
      }
      var dx = (content.left + content.right) / 2 - (area.left + area.right) / 2;
      var dy = (content.top + content.bottom) / 2 - (area.top + area.bottom) / 2;
      if (Math.abs(dx) < 1 && Math.abs(dy) < 1) { break; }
      map.panBy([dx, dy], {animate: false});
    }
    await frame();
    if (document.fonts && document.fonts.ready) { await document.fonts.ready; }
    await frame();
    root.dataset.snapshotReady = "1";
  }
  function start() { setTimeout(function () { settle().catch(function (e) {
    root.dataset.snapshotError = String(e); }); }, 200); }
  if (document.readyState === "complete") { start(); }
  else { window.addEventListener("load", start); }
})(MAP_VAR);
"""


def snapshot_page_html(
    view: LaneView,
    *,
    width_px: int = 1920,
    height_px: int = 1080,
    scale: float = 1.0,
    title: str | None = None,
    subtitle: str | None = None,
) -> str:
    """The slide page for ``view``: the standalone map (no minimap) with the title band, the
    metrics box and the footer band, laid out for a ``width_px/scale × height_px/scale`` CSS
    viewport. Every text is escaped. Self-contained: it loads nothing from the network."""
    css_w, css_h = width_px / scale, height_px / scale
    unit = _unit(css_w, css_h)
    html = mapping.standalone_html(view, mapping.MapOptions(minimap=False))
    found = _MAP_ID_RE.search(html)
    if found is None:  # pragma: no cover - folium changed its markup
        raise ExportError("the map page has no folium map element; cannot build the snapshot")
    map_id = found.group(1)

    heading = view.title if title is None else title
    sub = default_subtitle(view) if subtitle is None else subtitle
    tag = "LA – Long Beach – Shanghai<br>Green Shipping Corridor" if view.lane.sourced else ""
    cells = "".join(
        f'<div class="m"><div class="k">{esc(k)}</div><div class="v">{esc(v)}</div>'
        f'<div class="n">{esc(n)}</div></div>'
        for k, v, n in metrics(view)
    )
    header = (
        '<header id="snap-header"><div class="snap-titles">'
        f'<h1 id="snap-title">{esc(heading)}</h1>'
        f'<p id="snap-subtitle">{esc(sub)}</p></div>'
        + (f'<div id="snap-tag">{tag}</div>' if tag else "")
        + "</header>"
    )
    metrics_box = f'<div id="snap-metrics" style="display:none">{cells}</div>'
    footer = (
        '<footer id="snap-footer">'
        f'<p id="snap-assumptions">{esc(view.assumptions())}</p>'
        f'<p id="snap-sources">{esc(footer_sources(view))}</p></footer>'
    )
    fit_js = (
        _FIT_JS.replace("MAP_VAR", map_id)
        .replace("MAX_FIT_ZOOM", f"{MAX_FIT_ZOOM:g}")
        .replace("UNIT", f"{unit:.4f}")
    )
    html = html.replace("</head>", f"<style>{_overlay_css(unit, map_id)}</style>\n</head>", 1)
    html = html.replace("<body>", f"<body>\n{header}\n{metrics_box}", 1)
    html = html.replace("</body>", f"{footer}\n</body>", 1)
    html = html.replace("</html>", f"<script>{fit_js}</script>\n</html>", 1)
    return html


# ----------------------------------------------------------------------------- rendering


def _check_request(width_px: object, height_px: object, scale: object, timeout_s: object) -> None:
    for name, value in (("width", width_px), ("height", height_px)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ExportError(
                f"PNG {name} {value!r} is not a whole number of pixels; accepted: "
                f"{MIN_SIDE_PX} to {MAX_SIDE_PX}"
            )
        if not MIN_SIDE_PX <= value <= MAX_SIDE_PX:
            raise ExportError(
                f"PNG {name} {value} px is out of range; accepted: {MIN_SIDE_PX} to "
                f"{MAX_SIDE_PX} px"
            )
    if (
        isinstance(scale, bool)
        or not isinstance(scale, (int, float))
        or not (0.5 <= float(scale) <= MAX_SCALE)
    ):
        raise ExportError(f"PNG scale {scale!r} is not accepted; give a number from 0.5 to 4")
    if isinstance(timeout_s, bool) or not isinstance(timeout_s, (int, float)) or timeout_s <= 0:
        raise ExportError(f"time limit {timeout_s!r} is not accepted; give seconds above 0")


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.scheme in {"http", "https", "ws", "wss"} and (parts.hostname or "") in LOCAL_HOSTS


def png_size(data: bytes) -> tuple[int, int]:
    """``(width, height)`` from a PNG's header."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24:
        raise ExportError("the browser returned something that is not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _exact_size(data: bytes, width_px: int, height_px: int) -> bytes:
    """The screenshot resized to exactly ``width_px × height_px`` (only needed when the size is
    not a whole multiple of the scale, so the CSS viewport had to be rounded)."""
    if png_size(data) == (width_px, height_px):
        return data
    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:
        out = img.convert("RGB").resize((width_px, height_px), Image.Resampling.LANCZOS)
        buf = io.BytesIO()
        out.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = float(seconds)
        self.end = time.monotonic() + self.seconds

    def ms(self) -> float:
        """Milliseconds left (at least 1, so Playwright times out rather than waiting)."""
        return max(1.0, (self.end - time.monotonic()) * 1000.0)


@contextmanager
def _browser(deadline: _Deadline) -> Iterator[Any]:
    """A headless system Chromium, closed on exit whatever happened."""
    path = chromium_path()
    if path is None:
        raise ExportError(
            "Chromium was not found (looked for 'chromium' on PATH and /usr/bin/chromium); "
            "install it (`apt-get install chromium` or `make chromium`) or use the static "
            "renderer"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - playwright is a dependency
        raise ExportError(
            "Playwright is not installed; `pip install playwright` or use the static renderer"
        ) from exc
    with sync_playwright() as pw:
        browser = _launch(pw, path, deadline.ms())
        try:
            yield browser
        finally:
            browser.close()


def _launch(pw: Any, executable: str, timeout_ms: float) -> Any:
    return pw.chromium.launch(
        executable_path=executable, headless=True, args=list(CHROMIUM_ARGS), timeout=timeout_ms
    )


def _capture(
    browser: Any, page_file: Path, css_w: int, css_h: int, scale: float, deadline: _Deadline
) -> bytes:
    """Open the page, wait until the map has drawn and the fit has settled, screenshot."""
    context = browser.new_context(
        viewport={"width": css_w, "height": css_h},
        device_scale_factor=scale,
        service_workers="block",
        offline=True,
    )
    try:

        def guard(route: Any) -> None:
            if _is_local(route.request.url):
                route.continue_()
            else:
                route.abort("blockedbyclient")

        context.route("**/*", guard)
        page = context.new_page()
        page.goto(page_file.as_uri(), wait_until="load", timeout=deadline.ms())
        page.wait_for_function(READY_CONDITION, timeout=deadline.ms(), polling=100)
        error = page.evaluate("() => document.documentElement.dataset.snapshotError || ''")
        if error:
            raise ExportError(f"the map page failed while fitting the lane: {error}")
        data: bytes = page.screenshot(type="png", full_page=False, timeout=deadline.ms())
        return data
    finally:
        context.close()


def render_png(
    view: LaneView,
    path: Path | str,
    *,
    width_px: int = 1920,
    height_px: int = 1080,
    scale: float = 1.0,
    title: str | None = None,
    subtitle: str | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> Path:
    """Render ``view`` as a slide PNG of exactly ``width_px × height_px`` pixels at ``path``.

    The page is laid out for a CSS viewport of ``width_px/scale × height_px/scale`` and
    captured at ``device_scale_factor=scale``: 3840×2160 with ``scale=2`` is the 1920×1080
    layout with twice the detail. ``title`` defaults to ``view.title``; ``subtitle`` to
    ``"origin → destination · sea route at N kn · date"``. The file is written atomically;
    the browser is closed whatever happens. Raises :class:`~geo.errors.ExportError` when
    Chromium is missing, the page fails, or rendering takes longer than ``timeout_s``.
    Returns ``path``.
    """
    _check_request(width_px, height_px, scale, timeout_s)
    deadline = _Deadline(timeout_s)
    path = Path(path)
    if path.suffix.lower() != ".png":
        raise ExportError(f"the browser renderer writes PNG only, not {path.name!r}")
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: the folder {path.parent} does not exist")
    css_w = max(1, round(width_px / scale))
    css_h = max(1, round(height_px / scale))
    html = snapshot_page_html(
        view, width_px=width_px, height_px=height_px, scale=scale, title=title, subtitle=subtitle
    )
    data = _run_with_limit(
        lambda page_file: _render_in_browser(page_file, css_w, css_h, float(scale), deadline),
        html,
        timeout_s,
    )
    atomic_write_bytes(path, _exact_size(data, width_px, height_px))
    return path


def _render_in_browser(
    page_file: Path, css_w: int, css_h: int, scale: float, deadline: _Deadline
) -> bytes:
    with _browser(deadline) as browser:
        return _capture(browser, page_file, css_w, css_h, scale, deadline)


def _run_with_limit(work: Callable[[Path], bytes], html: str, timeout_s: float) -> bytes:
    """Write the page to a temporary file and run ``work`` on it in a worker thread.

    The thread keeps Playwright's sync API away from any event loop the caller runs (a
    notebook, an async server, a test already driving a browser). Playwright's own time-outs
    end the work within ``timeout_s`` (and close the browser); the join below is only a
    backstop. Playwright's errors are translated into :class:`ExportError`.
    """
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
    except ImportError as exc:  # pragma: no cover - playwright is a dependency
        raise ExportError(
            "Playwright is not installed; `pip install playwright` or use the static renderer"
        ) from exc

    too_slow = (
        f"the browser did not finish the PNG within the time limit of {timeout_s:g} s; "
        "try again, a smaller size, or the static renderer"
    )
    outcome: dict[str, Any] = {}

    with tempfile.TemporaryDirectory(prefix="geo-snapshot-") as tmp:
        page_file = Path(tmp) / "snapshot.html"
        page_file.write_text(html, encoding="utf-8")

        def run() -> None:
            try:
                outcome["data"] = work(page_file)
            except BaseException as exc:  # handed to the caller's thread
                outcome["error"] = exc

        worker = threading.Thread(target=run, name="geo-browser-snapshot", daemon=True)
        worker.start()
        worker.join(timeout_s + JOIN_GRACE_S)
        if worker.is_alive():
            raise ExportError(too_slow)
    error = outcome.get("error")
    if isinstance(error, PlaywrightTimeoutError):
        raise ExportError(too_slow) from error
    if isinstance(error, PlaywrightError):
        text = str(error).strip()
        first = text.splitlines()[0] if text else type(error).__name__
        raise ExportError(f"the browser failed to render the PNG: {first}") from error
    if error is not None:
        raise error
    data: bytes = outcome["data"]
    return data


__all__ = [
    "CHROMIUM_ARGS",
    "RENDERER_NAME",
    "browser_available",
    "chromium_path",
    "metrics",
    "png_size",
    "render_png",
    "snapshot_page_html",
]
