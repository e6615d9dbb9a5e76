"""Local copies of folium's browser assets: no CDN at run time.

Folium elements declare their browser dependencies as ``default_js`` / ``default_css`` lists
of ``(name, cdn_url)`` pairs. :func:`resolve_asset` maps each CDN URL to a local copy:

* Leaflet's own ``leaflet.js`` / ``leaflet.css`` (and the ``images/`` its CSS refers to)
  from the ``xstatic-leaflet`` package;
* everything else from ``folium-offline`` (``offlinefolium.elements._res``, a dict of
  CDN URL -> file text, imported lazily because it is a ~3.5 MB module).

An URL found in neither raises :class:`UnknownAssetError`: a CDN link is never left in.
:func:`vendor_file` lays an asset out for static serving, :func:`inline_text` for inlining.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal
from urllib.parse import urlsplit

from geo.errors import GeoError

log = logging.getLogger(__name__)

AssetKind = Literal["js", "css"]

_LEAFLET_URL: Final[re.Pattern[str]] = re.compile(
    r"^https?://(?:cdn\.jsdelivr\.net/npm|unpkg\.com)/leaflet@(?P<version>[0-9][0-9.]*)"
    r"/dist/(?P<file>leaflet(?:-src)?\.(?:js|css))$"
)
_SOURCE_MAP_JS: Final[re.Pattern[str]] = re.compile(r"^[ \t]*//[#@] sourceMappingURL=.*$", re.M)
_SOURCE_MAP_CSS: Final[re.Pattern[str]] = re.compile(r"/\*[#@] sourceMappingURL=.*?\*/", re.S)
CSS_URL: Final[re.Pattern[str]] = re.compile(
    r"""url\(\s*(?P<quote>["']?)(?P<url>[^"')]*)(?P=quote)\s*\)"""
)
_CSS_IMPORT: Final[re.Pattern[str]] = re.compile(r"@import\b", re.I)
SCHEME: Final[re.Pattern[str]] = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")

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


class UnknownAssetError(GeoError):
    """A folium asset URL that has no local copy (or an asset that refers to the internet)."""

    def __init__(self, url: str, detail: str = "") -> None:
        self.url = url
        super().__init__(
            f"No local copy of asset {url!r}{detail}: Leaflet comes from xstatic-leaflet and "
            "other folium assets from folium-offline, and this URL is in neither. Drop the "
            "element that needs it, or vendor the file in the project."
        )


# --------------------------------------------------------------------------- resolution


def _leaflet_dir() -> Path:
    import xstatic.pkg.leaflet as xstatic_leaflet

    return Path(xstatic_leaflet.BASE_DIR)


def leaflet_version() -> str:
    import xstatic.pkg.leaflet as xstatic_leaflet

    return str(xstatic_leaflet.VERSION)


def leaflet_name(url: str) -> str | None:
    """The xstatic-leaflet file name for a Leaflet CDN URL, or ``None`` if it is not one."""
    match = _LEAFLET_URL.match(url)
    if match is None:
        return None
    wanted, have = match["version"], leaflet_version()
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
    leaflet_file = leaflet_name(url)
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


def data_uri(mime: str, payload: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(payload).decode('ascii')}"


def _image_mime(name: str) -> str:
    suffix = name.rsplit(".", 1)[-1].lower()
    return {"svg": "image/svg+xml", "gif": "image/gif", "jpg": "image/jpeg"}.get(
        suffix, f"image/{suffix}"
    )


def strip_source_maps(text: str, kind: AssetKind) -> str:
    pattern = _SOURCE_MAP_JS if kind == "js" else _SOURCE_MAP_CSS
    return pattern.sub("", text)


def rewrite_css(url: str, css: str, local_files: dict[str, bytes], *, inline: bool) -> str:
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
        if ref.startswith("//") or SCHEME.match(ref):
            raise UnknownAssetError(url, f" (its CSS refers to {ref!r})")
        path = ref.split("#", 1)[0].split("?", 1)[0]
        if path in local_files:
            if not inline:
                return match.group(0)
            return f'url("{data_uri(_image_mime(path), local_files[path])}")'
        if path in _CSS_SUBSTITUTES:
            mime, payload = _CSS_SUBSTITUTES[path]
            return f'url("{data_uri(mime, payload)}")'
        log.debug("%s: no local file for url(%s); using an empty data URI", url, ref)
        return f'url("{_EMPTY_DATA_URI}")'

    return CSS_URL.sub(replace, css)


@dataclass(frozen=True)
class VendorFile:
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
def vendor_file(url: str, kind: AssetKind) -> VendorFile:
    text = strip_source_maps(resolve_asset(url), kind)
    leaflet_file = leaflet_name(url)
    if leaflet_file is not None:
        folder = f"leaflet-{leaflet_version()}"
        extras: tuple[tuple[str, bytes], ...] = ()
        if kind == "css":
            images = _leaflet_images()
            text = rewrite_css(url, text, images, inline=False)
            extras = tuple((f"{folder}/{name}", data) for name, data in images.items())
        return VendorFile(f"{folder}/{leaflet_file}", text.encode("utf-8"), extras)
    if kind == "css":
        text = rewrite_css(url, text, {}, inline=False)
    content = text.encode("utf-8")
    stem, suffix = _safe_stem(url, kind)
    digest = hashlib.sha256(content).hexdigest()[:12]
    return VendorFile(f"{stem}-{digest}{suffix}", content)


@functools.lru_cache(maxsize=128)
def inline_text(url: str, kind: AssetKind) -> str:
    text = strip_source_maps(resolve_asset(url), kind)
    is_leaflet = leaflet_name(url) is not None
    if kind == "css":
        return rewrite_css(url, text, _leaflet_images() if is_leaflet else {}, inline=True)
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
            f'{key}: "{data_uri("image/png", images[path])}"'
            for key, path in icon_urls.items()
            if path in images
        )
        text += f'\nL.Icon.Default.imagePath = "";\nL.Icon.Default.mergeOptions({{{options}}});\n'
    return text
