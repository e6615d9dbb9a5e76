"""Serve every JavaScript/CSS asset of a folium map locally: no CDN at run time.

Folium elements declare their browser dependencies as ``default_js`` / ``default_css``
lists of ``(name, cdn_url)`` pairs (the map itself, and plugins such as ``Fullscreen``,
``MiniMap``, ``MeasureControl`` or ``PolyLineTextPath``). This module resolves each CDN
URL to a local copy:

* Leaflet's own ``leaflet.js`` / ``leaflet.css`` (and the ``images/`` its CSS refers to)
  from the ``xstatic-leaflet`` package;
* everything else from ``folium-offline`` (``offlinefolium.elements._res``, a dict of
  CDN URL -> file text, imported lazily because it is a ~3.5 MB module).

An URL found in neither raises :class:`UnknownAssetError`: a CDN link is never left in.

Two ways to use the local copies:

* :func:`localise_for_streamlit` writes each asset once into ``<static_dir>/vendor/`` (which
  Streamlit serves at ``/app/static/vendor/`` with ``server.enableStaticServing``) and points
  every element's *instance* ``default_js`` / ``default_css`` at those URLs. ``st_folium``
  walks the element tree, reads those attributes and loads every link in order (one failing
  script and the map stays blank), so these instance overrides are exactly what it loads.
  Class-level lists are never touched (``add_js_link`` would change every map in the process).
* :func:`render_standalone_html` returns one self-contained HTML document with every script and
  stylesheet inlined and Leaflet's images as ``data:`` URIs.

Folium gives every element a random id; :func:`stable_ids` replaces them deterministically so
that the same map renders to byte-identical HTML/JS (needed for ``st_folium`` not to churn on
Streamlit reruns, and for golden tests).

This module never imports streamlit.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import logging
import os
import re
import tempfile
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal
from urllib.parse import urlsplit

import folium
import folium.map
from branca.element import CssLink, Element, Figure, JavascriptLink

from geo.errors import GeoError

__all__ = [
    "DEFAULT_URL_PREFIX",
    "UnknownAssetError",
    "app_static_dir",
    "asset_elements",
    "external_asset_urls",
    "is_local_url",
    "localise_for_streamlit",
    "render_standalone_html",
    "resolve_asset",
    "solid_tile_layer",
    "stable_ids",
    "walk_elements",
]

log = logging.getLogger(__name__)

AssetKind = Literal["js", "css"]
Link = tuple[str, str]

#: Where Streamlit serves ``<app dir>/static/vendor/`` when static serving is on.
DEFAULT_URL_PREFIX: Final[str] = "/app/static/vendor"
VENDOR_DIR_NAME: Final[str] = "vendor"

# Assets that folium.Map declares but that none of the elements we use needs:
# Bootstrap (JS and CSS) and the awesome-markers family (only folium.Icon uses it).
# jQuery is *kept*: folium.Popup builds its content with ``$(`...`)[0]`` and
# ``Map(objects_to_stay_in_front=...)`` calls ``$(document).ready``; st_folium may also
# add popups later through ``feature_group_to_add``.
_BOOTSTRAP_NAMES: Final[frozenset[str]] = frozenset({"bootstrap", "bootstrap_css"})
_AWESOME_MARKER_NAMES: Final[frozenset[str]] = frozenset(
    {
        "awesome_markers",
        "awesome_markers_css",
        "awesome_markers_font_css",
        "glyphicons_css",
        "awesome_rotate_css",
    }
)

_ORIGINAL_ATTR: Final[dict[AssetKind, str]] = {
    "js": "_geo_assets_cdn_js",
    "css": "_geo_assets_cdn_css",
}

_LEAFLET_URL: Final[re.Pattern[str]] = re.compile(
    r"^https?://(?:cdn\.jsdelivr\.net/npm|unpkg\.com)/leaflet@(?P<version>[0-9][0-9.]*)"
    r"/dist/(?P<file>leaflet(?:-src)?\.(?:js|css))$"
)
_SOURCE_MAP_JS: Final[re.Pattern[str]] = re.compile(r"^[ \t]*//[#@] sourceMappingURL=.*$", re.M)
_SOURCE_MAP_CSS: Final[re.Pattern[str]] = re.compile(r"/\*[#@] sourceMappingURL=.*?\*/", re.S)
_CSS_URL: Final[re.Pattern[str]] = re.compile(
    r"""url\(\s*(?P<quote>["']?)(?P<url>[^"')]*)(?P=quote)\s*\)"""
)
_CSS_IMPORT: Final[re.Pattern[str]] = re.compile(r"@import\b", re.I)
_SCHEME: Final[re.Pattern[str]] = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_HEX_ID: Final[re.Pattern[str]] = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")

# leaflet-minimap's CSS refers to images/toggle.svg|png, which folium-offline does not ship.
# A plain diagonal arrow (the same meaning: "collapse towards the corner") stands in.
_MINIMAP_TOGGLE_SVG: Final[bytes] = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 18 18">'
    b'<path d="M5 5l8 8M13 7v6H7" fill="none" stroke="#333" stroke-width="2"/></svg>'
)
_CSS_SUBSTITUTES: Final[dict[str, tuple[str, bytes]]] = {
    "images/toggle.svg": ("image/svg+xml", _MINIMAP_TOGGLE_SVG),
    "images/toggle.png": ("image/svg+xml", _MINIMAP_TOGGLE_SVG),
}
_EMPTY_DATA_URI: Final[str] = "data:,"

_write_lock = threading.Lock()
_written: dict[Path, str] = {}


class UnknownAssetError(GeoError):
    """A folium asset URL that has no local copy (or an asset that refers to the internet)."""

    def __init__(self, url: str, detail: str = "") -> None:
        self.url = url
        super().__init__(
            f"No local copy of asset {url!r}{detail}: Leaflet comes from xstatic-leaflet and "
            "other folium assets from folium-offline, and this URL is in neither. Drop the "
            "element that needs it, or vendor the file in the project."
        )


# --------------------------------------------------------------------------- element tree


def walk_elements(root: Element) -> Iterator[Element]:
    """Yield ``root`` and every element below it, depth first, each once, in a stable order.

    Follows ``_children`` and also elements held as plain attributes (a Popup's ``html``
    holder, a MiniMap's ``tile_layer``, a DualMap's ``m1``/``m2``), which folium renders
    but does not list as children. Never climbs to ``_parent`` or into a ``Figure``.
    """
    seen: set[int] = set()

    def visit(el: Element) -> Iterator[Element]:
        if id(el) in seen or isinstance(el, Figure):
            return
        seen.add(id(el))
        yield el
        for child in list(el._children.values()):
            yield from visit(child)
        for attr, value in list(vars(el).items()):
            if attr != "_parent" and isinstance(value, Element):
                yield from visit(value)

    if isinstance(root, Figure):
        for child in list(root._children.values()):
            yield from visit(child)
    else:
        yield from visit(root)


def asset_elements(root: Element) -> list[Element]:
    """Every element under ``root`` (``root`` included) that declares js or css links."""
    return [
        el
        for el in walk_elements(root)
        if getattr(el, "default_js", None) or getattr(el, "default_css", None)
    ]


def stable_ids(m: Element, seed: str) -> None:
    """Give every element under ``m`` a deterministic ``_id`` derived from ``seed``.

    Folium draws element ids from ``os.urandom``, so two builds of the same map differ in
    every variable name (and a Popup's inner ``html_<id>`` even survives ``st_folium``'s own
    renaming). Call this after the map is complete and before rendering: the same map built
    twice then renders byte-identically. The ids keep folium's shape (32 lowercase hex
    digits), which ``st_folium``'s variable-renaming regexes expect. Use a different
    ``seed`` for maps that share one page.
    """
    elements = list(walk_elements(m))
    renamed: dict[str, str] = {}
    for index, el in enumerate(elements):
        new_id = hashlib.sha256(f"{seed}\x00{index}".encode()).hexdigest()[:32]
        renamed[el._id] = new_id
        el._id = new_id

    def fix(text: str) -> str:
        return _HEX_ID.sub(lambda match: renamed.get(match.group(0), match.group(0)), text)

    # Names computed from the old id survive in strings: the keys under which parents hold
    # their children (a Popup prints them as ``var html_<id>``) and attributes set at
    # construction (a layer's default ``layer_name`` shown in the LayerControl).
    for el in elements:
        if any(_HEX_ID.search(key) for key in el._children):
            el._children = type(el._children)(
                (fix(key), child) for key, child in el._children.items()
            )
        for attr, value in list(vars(el).items()):
            if attr != "_id" and isinstance(value, str) and _HEX_ID.search(value):
                setattr(el, attr, fix(value))


# --------------------------------------------------------------------------- resolution


def _leaflet_dir() -> Path:
    import xstatic.pkg.leaflet as xstatic_leaflet

    return Path(xstatic_leaflet.BASE_DIR)


def _leaflet_version() -> str:
    import xstatic.pkg.leaflet as xstatic_leaflet

    return str(xstatic_leaflet.VERSION)


def _leaflet_file(url: str) -> str | None:
    """The xstatic-leaflet file name for a Leaflet CDN URL, or ``None`` if it is not one."""
    match = _LEAFLET_URL.match(url)
    if match is None:
        return None
    wanted, have = match["version"], _leaflet_version()
    if wanted.split(".")[0] != have.split(".")[0]:
        raise UnknownAssetError(url, f" (xstatic-leaflet has Leaflet {have}, not {wanted})")
    if wanted != have:
        log.info("serving Leaflet %s from xstatic-leaflet for %s", have, url)
    return match["file"]


@functools.lru_cache(maxsize=1)
def _offline_resources() -> dict[str, str]:
    from offlinefolium.elements import _res  # ~3.5 MB of asset text: import only when needed

    return dict(_res)


@functools.lru_cache(maxsize=128)
def resolve_asset(url: str) -> str:
    """The text of the asset that folium would load from the CDN ``url``.

    Raises :class:`UnknownAssetError` when there is no local copy.
    """
    leaflet_file = _leaflet_file(url)
    if leaflet_file is not None:
        return (_leaflet_dir() / leaflet_file).read_bytes().decode("utf-8")
    text = _offline_resources().get(url)
    if text is None:
        raise UnknownAssetError(url)
    return text


def _leaflet_images() -> dict[str, bytes]:
    """``{"images/<name>": bytes}`` for every image xstatic-leaflet ships."""
    images = _leaflet_dir() / "images"
    return {f"images/{p.name}": p.read_bytes() for p in sorted(images.iterdir()) if p.is_file()}


def _data_uri(mime: str, payload: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(payload).decode('ascii')}"


def _image_mime(name: str) -> str:
    suffix = name.rsplit(".", 1)[-1].lower()
    return {"svg": "image/svg+xml", "gif": "image/gif", "jpg": "image/jpeg"}.get(
        suffix, f"image/{suffix}"
    )


def _strip_source_maps(text: str, kind: AssetKind) -> str:
    pattern = _SOURCE_MAP_JS if kind == "js" else _SOURCE_MAP_CSS
    return pattern.sub("", text)


def _rewrite_css(url: str, css: str, local_files: dict[str, bytes], *, inline: bool) -> str:
    """Make every ``url(...)`` in ``css`` local.

    ``local_files`` are files that will sit next to the stylesheet (Leaflet's images): they
    stay relative when served, and become data URIs when ``inline``. Known missing files get
    a built-in stand-in; other relative references (icon fonts of unused icon sets) become an
    empty ``data:`` URI so nothing 404s. An absolute URL or an ``@import`` raises.
    """
    if _CSS_IMPORT.search(css):
        raise UnknownAssetError(url, " (its CSS @imports another file)")

    def replace(match: re.Match[str]) -> str:
        ref = match["url"].strip()
        if not ref or ref.startswith(("data:", "#", "%23")):
            return match.group(0)
        if ref.startswith("//") or _SCHEME.match(ref):
            raise UnknownAssetError(url, f" (its CSS refers to {ref!r})")
        path = ref.split("#", 1)[0].split("?", 1)[0]
        if path in local_files:
            if not inline:
                return match.group(0)
            return f'url("{_data_uri(_image_mime(path), local_files[path])}")'
        if path in _CSS_SUBSTITUTES:
            mime, payload = _CSS_SUBSTITUTES[path]
            return f'url("{_data_uri(mime, payload)}")'
        log.debug("%s: no local file for url(%s); using an empty data URI", url, ref)
        return f'url("{_EMPTY_DATA_URI}")'

    return _CSS_URL.sub(replace, css)


@dataclass(frozen=True)
class _VendorFile:
    """One asset laid out for static serving: its path under ``vendor/`` and its bytes."""

    relpath: str
    content: bytes
    extras: tuple[tuple[str, bytes], ...] = ()


def _safe_stem(url: str, kind: AssetKind) -> tuple[str, str]:
    name = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1] or "asset"
    suffix = f".{kind}"
    if name.lower().endswith(suffix):
        name = name[: -len(suffix)]
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "asset"
    return name[:60], suffix


@functools.lru_cache(maxsize=128)
def _vendor_file(url: str, kind: AssetKind) -> _VendorFile:
    text = _strip_source_maps(resolve_asset(url), kind)
    leaflet_file = _leaflet_file(url)
    if leaflet_file is not None:
        folder = f"leaflet-{_leaflet_version()}"
        extras: tuple[tuple[str, bytes], ...] = ()
        if kind == "css":
            images = _leaflet_images()
            text = _rewrite_css(url, text, images, inline=False)
            extras = tuple((f"{folder}/{name}", data) for name, data in images.items())
        return _VendorFile(f"{folder}/{leaflet_file}", text.encode("utf-8"), extras)
    if kind == "css":
        text = _rewrite_css(url, text, {}, inline=False)
    content = text.encode("utf-8")
    stem, suffix = _safe_stem(url, kind)
    digest = hashlib.sha256(content).hexdigest()[:12]
    return _VendorFile(f"{stem}-{digest}{suffix}", content)


@functools.lru_cache(maxsize=128)
def _inline_text(url: str, kind: AssetKind) -> str:
    text = _strip_source_maps(resolve_asset(url), kind)
    is_leaflet = _leaflet_file(url) is not None
    if kind == "css":
        return _rewrite_css(url, text, _leaflet_images() if is_leaflet else {}, inline=True)
    if is_leaflet:
        # Leaflet finds its default marker icon through the CSS background-image URL, which a
        # data URI defeats; give it the images directly (imagePath "" + iconUrl = data URI).
        images = _leaflet_images()
        icon_urls = {
            "iconUrl": "images/marker-icon.png",
            "iconRetinaUrl": "images/marker-icon-2x.png",
            "shadowUrl": "images/marker-shadow.png",
        }
        options = ", ".join(
            f'{key}: "{_data_uri("image/png", images[path])}"'
            for key, path in icon_urls.items()
            if path in images
        )
        text += f'\nL.Icon.Default.imagePath = "";\nL.Icon.Default.mergeOptions({{{options}}});\n'
    return text


# --------------------------------------------------------------------------- planning


def _original_links(el: Element, kind: AssetKind) -> list[Link]:
    """The element's CDN links as folium declared them, remembered across localisations."""
    attr = _ORIGINAL_ATTR[kind]
    stored: list[Link] | None = vars(el).get(attr)
    if stored is None:
        stored = [(str(name), str(url)) for name, url in getattr(el, f"default_{kind}", [])]
        setattr(el, attr, stored)
    return list(stored)


def _droppable_names(root: Element, keep: Iterable[str]) -> frozenset[str]:
    drop = set(_BOOTSTRAP_NAMES)
    if not any(isinstance(el, folium.map.Icon) for el in walk_elements(root)):
        drop |= _AWESOME_MARKER_NAMES
    return frozenset(drop - set(keep))


def _planned_links(
    root: Element, keep: Iterable[str]
) -> list[tuple[Element, list[Link], list[Link]]]:
    """``(element, js_links, css_links)`` for every asset-declaring element, CDN URLs."""
    drop = _droppable_names(root, keep)
    plan: list[tuple[Element, list[Link], list[Link]]] = []
    for el in asset_elements(root):
        js, css = _original_links(el, "js"), _original_links(el, "css")
        if isinstance(el, folium.Map):
            js = [link for link in js if link[0] not in drop]
            css = [link for link in css if link[0] not in drop]
        plan.append((el, js, css))
    return plan


def _set_links(el: Element, js: list[Link], css: list[Link]) -> None:
    """Instance attributes only: the class-level lists are shared by every map."""
    el.__dict__["default_js"] = js
    el.__dict__["default_css"] = css


def _check_no_colormap(root: Element) -> None:
    from branca.colormap import ColorMap

    for el in walk_elements(root):
        if isinstance(el, ColorMap):
            raise UnknownAssetError(
                "https://d3js.org/d3.v4.min.js",
                f" (st_folium always loads d3 from the internet for a branca colormap "
                f"({type(el).__name__}); draw the legend as an HTML element instead)",
            )


# --------------------------------------------------------------------------- streamlit


def app_static_dir(main_script: Path) -> Path:
    """The folder Streamlit serves at ``/app/static/`` for ``main_script``: its ``static/``."""
    return Path(main_script).resolve().parent / "static"


def _write_if_changed(path: Path, content: bytes) -> None:
    digest = hashlib.sha256(content).hexdigest()
    with _write_lock:
        if _written.get(path) == digest and path.is_file():
            return
        try:
            unchanged = path.read_bytes() == content
        except OSError:
            unchanged = False
        if not unchanged:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(content)
                os.chmod(tmp_name, 0o644)
                os.replace(tmp_name, path)
            except BaseException:
                Path(tmp_name).unlink(missing_ok=True)
                raise
        _written[path] = digest


def localise_for_streamlit(
    m: Element,
    static_dir: Path,
    url_prefix: str = DEFAULT_URL_PREFIX,
    *,
    keep: Iterable[str] = (),
    bundle_js: bool = False,
) -> None:
    """Serve every asset of ``m`` from ``static_dir/vendor/`` and point the map at it.

    With ``bundle_js`` the scripts are joined, in load order, into one ``bundle-<hash>.js``
    that the map element loads alone: st_folium awaits each script before the next, so one
    file saves a round trip per plug-in on page load. Stylesheets stay separate (their
    relative image URLs must keep working) and load in parallel anyway.

    Writes each asset once (content-hashed file names; Leaflet under ``leaflet-<version>/``
    with its ``images/``), atomically and only when missing or changed, then sets *instance*
    ``default_js`` / ``default_css`` on every element so ``st_folium`` loads
    ``{url_prefix}/<file>``. Bootstrap and (unless a ``folium.Icon`` is present) the
    awesome-markers family are dropped from the map's links; name any of them in ``keep``
    to keep it. Safe to call again on the same map (it starts from folium's original links).

    ``m`` is normally the map; also pass each ``FeatureGroup`` given to ``st_folium(...,
    feature_group_to_add=...)``, since st_folium adds those to the map and loads their
    elements' links too.

    ``static_dir`` must be the folder Streamlit serves, i.e. ``static/`` next to the main
    script (see :func:`app_static_dir`); ``url_prefix`` must match it (add
    ``server.baseUrlPath`` if one is set).

    Raises :class:`UnknownAssetError` for an asset with no local copy, and for a branca
    colormap (``st_folium`` injects d3 from a CDN for those, past any override).
    """
    _check_no_colormap(m)
    vendor = Path(static_dir) / VENDOR_DIR_NAME
    prefix = url_prefix.rstrip("/")
    plan = _planned_links(m, keep)

    scripts: dict[str, bytes] = {}

    def local(links: list[Link], kind: AssetKind, owner: Element) -> list[Link]:
        out: list[Link] = []
        for name, url in links:
            try:
                vendored = _vendor_file(url, kind)
            except UnknownAssetError as exc:
                raise UnknownAssetError(url, f" (needed by {type(owner).__name__})") from exc
            _write_if_changed(vendor / vendored.relpath, vendored.content)
            for relpath, data in vendored.extras:
                _write_if_changed(vendor / relpath, data)
            out.append((name, f"{prefix}/{vendored.relpath}"))
            if kind == "js":
                scripts.setdefault(out[-1][1], vendored.content)
        return out

    resolved = [(el, local(js, "js", el), local(css, "css", el)) for el, js, css in plan]
    if bundle_js and scripts and resolved:
        content = b";\n".join(scripts.values())
        name = f"bundle-{hashlib.sha256(content).hexdigest()[:12]}.js"
        _write_if_changed(vendor / name, content)
        first = resolved[0][0]
        resolved = [
            (el, [("lane_js_bundle", f"{prefix}/{name}")] if el is first else [], css)
            for el, _, css in resolved
        ]
    for el, js, css in resolved:  # only touch the map once everything resolved
        _set_links(el, js, css)


# --------------------------------------------------------------------------- standalone

_SCRIPT_LINK_TAG: Final[re.Pattern[str]] = re.compile(r'<script src="(?P<url>[^"]*)"></script>')
_CSS_LINK_TAG: Final[re.Pattern[str]] = re.compile(
    r'<link rel="stylesheet" href="(?P<url>[^"]*)"/>'
)


def _script_tag(js: str) -> str:
    return "<script>" + re.sub(r"</(script)", r"<\\/\1", js, flags=re.I) + "</script>"


def _style_tag(css: str) -> str:
    return "<style>" + re.sub(r"</(style)", r"<\\/\1", css, flags=re.I) + "</style>"


def render_standalone_html(m: folium.Map, *, keep: Iterable[str] = ()) -> str:
    """The whole map as one HTML document with every script and stylesheet inlined.

    Works on a fresh map and on one already passed to :func:`localise_for_streamlit` (it
    starts from folium's original links); the map's attributes are restored afterwards.
    The result loads nothing from the network except tile layers you added yourself.
    Raises :class:`UnknownAssetError` if an asset has no local copy.
    """
    plan = _planned_links(m, keep)
    root = m.get_root()
    if not isinstance(root, Figure):
        raise TypeError(f"render_standalone_html needs a map inside a Figure, not {root!r}")
    saved = [(el, vars(el).get("default_js"), vars(el).get("default_css")) for el, _, _ in plan]
    # Links of dropped assets from an earlier render would survive in the header; the ones
    # still planned are replaced in place by the render (same name), keeping their order.
    planned = {name for _, js, css in plan for name, _ in (*js, *css)}
    stale = [
        key
        for key, child in root.header._children.items()
        if isinstance(child, (JavascriptLink, CssLink)) and key not in planned
    ]
    for key in stale:
        del root.header._children[key]
    try:
        for el, js, css in plan:
            _set_links(el, js, css)
        html = root.render()
    finally:
        for el, js_before, css_before in saved:
            for attr, before in (("default_js", js_before), ("default_css", css_before)):
                if before is None:
                    vars(el).pop(attr, None)
                else:
                    setattr(el, attr, before)

    seen: set[str] = set()

    def inline(kind: AssetKind) -> functools.partial[str]:
        return functools.partial(_inline_tag, kind=kind, seen=seen)

    html = _SCRIPT_LINK_TAG.sub(inline("js"), html)
    html = _CSS_LINK_TAG.sub(inline("css"), html)
    leftovers = external_asset_urls(html)
    if leftovers:
        raise UnknownAssetError(leftovers[0], " (left in the standalone HTML)")
    return html


def _inline_tag(match: re.Match[str], *, kind: AssetKind, seen: set[str]) -> str:
    url = match["url"]
    if url in seen:
        return ""
    seen.add(url)
    if kind == "js":
        return _script_tag(_inline_text(url, "js"))
    return _style_tag(_inline_text(url, "css"))


# --------------------------------------------------------------------------- checks

_INLINE_SCRIPT: Final[re.Pattern[str]] = re.compile(
    r"(<script\b(?![^>]*\bsrc\s*=)[^>]*>).*?(</script\s*>)", re.I | re.S
)
_STYLE_BLOCK: Final[re.Pattern[str]] = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.I | re.S)
_ASSET_TAG: Final[re.Pattern[str]] = re.compile(r"<(?:script|link)\b[^>]*>", re.I)
_ASSET_ATTR: Final[re.Pattern[str]] = re.compile(
    r"""\b(?:src|href)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))""", re.I
)
_CSS_IMPORT_REF: Final[re.Pattern[str]] = re.compile(
    r"""@import\s+(?:url\(\s*)?["']?(?P<url>[^"')\s;]+)""", re.I
)


def is_local_url(url: str) -> bool:
    """True for a relative or root-relative URL, or a ``data:`` / ``blob:`` URI.

    Anything with another scheme (``http:``, ``https:`` ...) or protocol-relative (``//``)
    counts as external, even when it names localhost.
    """
    url = url.strip()
    if url.lower().startswith(("data:", "blob:")):
        return True
    return not (url.startswith("//") or _SCHEME.match(url))


def external_asset_urls(html: str) -> list[str]:
    """Every non-local ``src``/``href`` of a ``<script>`` or ``<link>`` tag in ``html``, in
    order, plus absolute ``url(...)`` / ``@import`` references inside ``<style>`` blocks.

    The bodies of inline scripts are skipped, so code that merely contains such text does
    not count. An empty list means the page needs no network for its assets.
    """
    body = _INLINE_SCRIPT.sub(r"\1\2", html)
    found: list[str] = []
    for tag in _ASSET_TAG.finditer(body):
        for attr in _ASSET_ATTR.finditer(tag.group(0)):
            url = attr["dq"] if attr["dq"] is not None else attr["sq"] or attr["bare"] or ""
            if not is_local_url(url):
                found.append(url)
    for block in _STYLE_BLOCK.finditer(body):
        css = block.group(1)
        refs = [m["url"] for m in _CSS_URL.finditer(css)]
        refs += [m["url"] for m in _CSS_IMPORT_REF.finditer(css)]
        found.extend(ref for ref in refs if ref.strip() and not is_local_url(ref))
    return found


# --------------------------------------------------------------------------- offline tiles


def solid_tile_layer(
    fill_colour: str = "#f4f7f8", *, name: str = "Plain", attribution: str | None = None
) -> folium.TileLayer:
    """A tile layer of one flat colour, drawn from a ``data:`` URI (no network at all).

    Useful where Leaflet insists on a tile layer, e.g. ``plugins.MiniMap(tile_layer=...)``,
    or as the sea under a vector land layer. No attribution unless one is given.
    """
    if not re.fullmatch(r"#[0-9A-Fa-f]{3,8}|[a-zA-Z]+", fill_colour):
        raise ValueError(f"fill_colour must be a CSS hex colour or name, not {fill_colour!r}")
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">'
        f'<rect width="256" height="256" fill="{fill_colour}"/></svg>'
    )
    uri = _data_uri("image/svg+xml", svg.encode("ascii"))
    layer = folium.TileLayer(tiles=uri, attr=attribution or "-", name=name, control=False)
    if attribution is None:
        layer.options.pop("attribution", None)
    return layer
