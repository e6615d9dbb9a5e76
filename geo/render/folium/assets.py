"""Serve every JavaScript/CSS asset of a folium map locally: no CDN at run time.

The local copies come from :mod:`geo.render.folium.vendor` (Leaflet from xstatic-leaflet,
the plugins from folium-offline). Two ways to use them:

* :func:`localise_for_streamlit` writes each asset once into ``<static_dir>/vendor/`` (which
  Streamlit serves at ``/app/static/vendor/`` with ``server.enableStaticServing``) and points
  every element's *instance* ``default_js`` / ``default_css`` at those URLs. ``st_folium``
  walks the element tree, reads those attributes and loads every link in order (one failing
  script and the map stays blank), so these instance overrides are exactly what it loads.
  Class-level lists are never touched (``add_js_link`` would change every map in the process).
* :func:`geo.render.folium.standalone.render_standalone_html` returns one self-contained HTML
  document with every script and stylesheet inlined.

Folium gives every element a random id; :func:`stable_ids` replaces them deterministically so
that the same map renders to byte-identical HTML/JS (needed for ``st_folium`` not to churn on
Streamlit reruns, and for golden tests).

This module never imports streamlit.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final

import folium
import folium.map
from branca.element import Element, Figure

from geo.render.folium import webfont
from geo.render.folium.elements import CjkFontFace
from geo.render.folium.vendor import (
    AssetKind,
    UnknownAssetError,
    data_uri,
    vendor_file,
)

__all__ = [
    "DEFAULT_URL_PREFIX",
    "UnknownAssetError",
    "app_static_dir",
    "asset_elements",
    "localise_for_streamlit",
    "solid_tile_layer",
    "stable_ids",
    "walk_elements",
]

log = logging.getLogger(__name__)

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

_HEX_ID: Final[re.Pattern[str]] = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")

_write_lock = threading.Lock()
_written: dict[Path, str] = {}


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


def planned_links(
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


def set_links(el: Element, js: list[Link], css: list[Link]) -> None:
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
    plan = planned_links(m, keep)

    scripts: dict[str, bytes] = {}

    def local(links: list[Link], kind: AssetKind, owner: Element) -> list[Link]:
        out: list[Link] = []
        for name, url in links:
            try:
                vendored = vendor_file(url, kind)
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
        set_links(el, js, css)
    _serve_fonts(m, vendor, prefix)


def _serve_fonts(m: Element, vendor: Path, prefix: str) -> None:
    """A Chinese map's web font (:mod:`geo.render.folium.webfont`), written once into
    ``vendor/fonts/`` under a content-hashed name, and the map's ``@font-face`` pointed at
    it. Nothing to do for a map without Chinese; no font on the machine leaves the local
    name only (the browser's fallback draws the Chinese)."""
    faces = [el for el in walk_elements(m) if isinstance(el, CjkFontFace)]
    if not faces:
        return
    urls: dict[int, str] = {}
    for font in webfont.subset_fonts():
        _write_if_changed(vendor / "fonts" / font.file_name, font.data)
        urls[font.weight] = f"{prefix}/fonts/{font.file_name}"
    for el in faces:
        el.set_urls(urls)


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
    uri = data_uri("image/svg+xml", svg.encode("ascii"))
    layer = folium.TileLayer(tiles=uri, attr=attribution or "-", name=name, control=False)
    if attribution is None:
        layer.options.pop("attribution", None)
    return layer
