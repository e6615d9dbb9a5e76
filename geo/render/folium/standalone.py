"""One self-contained HTML document of a folium map, and the check that a page loads
nothing from the network.

:func:`render_standalone_html` inlines every script and stylesheet (Leaflet's images as
``data:`` URIs); :func:`external_asset_urls` lists what a page would still fetch.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Final

import folium
from branca.element import CssLink, Figure, JavascriptLink

from geo.render.folium import webfont
from geo.render.folium.assets import planned_links, set_links, walk_elements
from geo.render.folium.elements import CjkFontFace
from geo.render.folium.vendor import (
    CSS_URL,
    SCHEME,
    AssetKind,
    UnknownAssetError,
    data_uri,
    inline_text,
)

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
    plan = planned_links(m, keep)
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
    embed_fonts(m)
    try:
        for el, js, css in plan:
            set_links(el, js, css)
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


def embed_fonts(m: folium.Map) -> None:
    """A Chinese map's web font (:mod:`geo.render.folium.webfont`, about 90 KB a weight) put
    into its ``@font-face`` as a ``data:`` URI, so the file shows Chinese offline on any
    machine; without a CJK font here the page names the font for the reader's machine."""
    faces = [el for el in walk_elements(m) if isinstance(el, CjkFontFace)]
    if not faces:
        return
    urls = {font.weight: data_uri("font/woff", font.data) for font in webfont.subset_fonts()}
    for el in faces:
        el.set_urls(urls)


def _inline_tag(match: re.Match[str], *, kind: AssetKind, seen: set[str]) -> str:
    url = match["url"]
    if url in seen:
        return ""
    seen.add(url)
    if kind == "js":
        return _script_tag(inline_text(url, "js"))
    return _style_tag(inline_text(url, "css"))


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
    return not (url.startswith("//") or SCHEME.match(url))


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
        refs = [m["url"] for m in CSS_URL.finditer(css)]
        refs += [m["url"] for m in _CSS_IMPORT_REF.finditer(css)]
        found.extend(ref for ref in refs if ref.strip() and not is_local_url(ref))
    return found
