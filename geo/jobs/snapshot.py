"""One entry point for every snapshot and export of a lane view, chosen by file extension.

=============  ==========================================================================
extension      written by
=============  ==========================================================================
``.png``       headless Chromium (:mod:`geo.render.browser.snapshot`) — the map as the app shows
               it — or, where no browser is present, the static renderer (matplotlib)
``.svg .pdf``  the static renderer (:mod:`geo.render.static.render`)
``.html``      the standalone interactive map, every asset inlined (works offline)
``.geojson``   RFC 7946 FeatureCollection (:mod:`geo.export.writers`)
``.gpkg``      GeoPackage with layers route, segments, ports, zones
``.csv``       the segments table
=============  ==========================================================================

:func:`render` writes a file (atomically: a failed render leaves nothing behind) and says
which renderer made it; :func:`render_bytes` returns the bytes, MIME type and a safe file name
for a download button. Sizes are ``(width_px, height_px)``; :func:`parse_size` reads
``"1920x1080"`` or a name from :data:`SIZES`.
"""

from __future__ import annotations

import io
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from geo.errors import ExportError
from geo.fileio import atomic_output, safe_filename
from geo.i18n import N_, Listed
from geo.jobs.sizes import (
    DEFAULT_SIZE,
    MAX_SIDE_PX,
    MIN_SIDE_PX,
    SIZES,
    check_size,
    parse_size,
)
from geo.jobs.slides import SLIDES, check_slide, write_slide

if TYPE_CHECKING:
    from geo.present.model import LanePresentation

# The renderers (folium, matplotlib, GDAL, Playwright) are imported where they are used, so
# importing this module (e.g. for the command line's help) stays fast.

#: Above this CSS width the browser lays the page out at 1920-ish and scales the pixels up,
#: so a 4K PNG is the 1920×1080 slide with twice the detail rather than tiny text.
BROWSER_LAYOUT_WIDTH_PX: Final[int] = 1920
DEFAULT_TIMEOUT_S: Final[float] = 60.0


@dataclass(frozen=True)
class Format:
    """One output format: its key (``"png"``), MIME type and a short description."""

    key: str
    mime: str
    description: str


#: Every accepted extension and its format.
FORMATS: Final[dict[str, Format]] = {
    ".png": Format("png", "image/png", N_("slide image (browser or static renderer)")),
    ".svg": Format("svg", "image/svg+xml", N_("vector slide (static renderer)")),
    ".pdf": Format("pdf", "application/pdf", N_("vector slide (static renderer)")),
    ".html": Format("html", "text/html", N_("interactive map, works offline")),
    ".geojson": Format("geojson", "application/geo+json", N_("RFC 7946 GeoJSON")),
    ".gpkg": Format("gpkg", "application/geopackage+sqlite3", N_("GeoPackage")),
    ".csv": Format("csv", "text/csv", N_("segments table")),
}
RENDERERS: Final[tuple[str, ...]] = ("auto", "browser", "static")
#: Human-readable name of each renderer a result can name.
RENDERER_LABELS: Final[dict[str, str]] = {
    "browser": N_("headless Chromium"),
    "static": N_("matplotlib"),
    "folium": N_("folium (standalone HTML)"),
    "data": N_("GeoPandas / GDAL"),
}


@dataclass(frozen=True)
class SnapshotResult:
    """What was written: ``path`` (``None`` for :func:`render_bytes`), ``format`` key
    (``"png"``), ``renderer`` (``"browser"``, ``"static"``, ``"folium"`` or ``"data"``) and,
    from :func:`render_bytes`, ``data``, ``mime`` and a safe ``filename``. ``note`` says why
    the renderer differs from the one asked for (e.g. the browser failed, static was used)."""

    path: Path | None
    format: str
    renderer: str
    data: bytes | None = None
    mime: str = ""
    filename: str = ""
    note: str = ""

    @property
    def renderer_label(self) -> str:
        return RENDERER_LABELS.get(self.renderer, self.renderer)

    @property
    def size_bytes(self) -> int:
        if self.data is not None:
            return len(self.data)
        return self.path.stat().st_size if self.path is not None else 0


def format_for(path: Path | str) -> Format:
    """The :class:`Format` of a file name's extension, or :class:`ExportError` naming the
    extension and listing the accepted ones."""
    suffix = Path(str(path)).suffix.lower()
    found = FORMATS.get(suffix)
    if found is None:
        name = Path(str(path)).name
        if suffix:
            raise ExportError(
                N_(
                    "cannot write {name!r} ({suffix!r}): accepted extensions are {accepted}",
                    name=name,
                    suffix=suffix,
                    accepted=Listed(FORMATS),
                )
            )
        raise ExportError(
            N_(
                "cannot write {name!r} (no extension): accepted extensions are {accepted}",
                name=name,
                accepted=Listed(FORMATS),
            )
        )
    return found


def _format_key(fmt: str) -> Format:
    key = str(fmt).strip().lower().lstrip(".")
    return format_for(f"snapshot.{key}")


def _check_renderer(renderer: str, fmt: Format) -> None:
    if renderer not in RENDERERS:
        raise ExportError(
            N_(
                "renderer {value!r} is not accepted; give one of {accepted}",
                value=renderer,
                accepted=Listed(RENDERERS),
            )
        )
    if renderer == "browser" and fmt.key != "png":
        raise ExportError(
            N_("the browser renderer writes PNG only, not {format}", format=fmt.key.upper())
        )
    if renderer == "static" and fmt.key not in ("png", "svg", "pdf"):
        raise ExportError(
            N_(
                "the static renderer writes PNG, SVG and PDF, not {format}; "
                "leave the renderer on auto",
                format=fmt.key.upper(),
            )
        )


def browser_scale(size: tuple[int, int]) -> float:
    """Device scale for a PNG of ``size``: 1 up to 1920 px wide, else the whole factor that
    brings the layout back to about 1920 px (3840×2160 → 2)."""
    width, height = size
    for factor in (4, 3, 2):
        if (
            width / factor >= BROWSER_LAYOUT_WIDTH_PX * 0.99
            and width % factor == 0
            and (height % factor == 0)
        ):
            return float(factor)
    return 1.0


def _write_png(
    pres: LanePresentation, tmp: Path, size: tuple[int, int], renderer: str, timeout_s: float
) -> tuple[str, str]:
    """Write a PNG to ``tmp``; returns (renderer used, note)."""
    from geo.render import browser
    from geo.render import static as static_render

    width, height = size
    if renderer == "auto" and not browser.browser_available():
        renderer, note = "static", "no Chromium found, so the static renderer drew the PNG"
    else:
        note = ""
    if renderer in ("auto", "browser"):
        try:
            browser.render_png(
                pres,
                tmp,
                width_px=width,
                height_px=height,
                scale=browser_scale(size),
                timeout_s=timeout_s,
            )
            return "browser", note
        except ExportError as exc:
            if renderer == "browser":
                raise
            note = f"the browser renderer failed ({exc}); the static renderer drew the PNG"
    static_render.render_static(pres, tmp, width_px=width, height_px=height)
    return "static", note


def render(
    pres: LanePresentation,
    path: Path | str,
    *,
    size: tuple[int, int] = DEFAULT_SIZE,
    renderer: str = "auto",
    timeout_s: float = DEFAULT_TIMEOUT_S,
    slide: str = "lane",
) -> SnapshotResult:
    """Write the presentation ``pres`` to ``path`` in the format of its extension
    (:data:`FORMATS`). ``slide`` (PNG, SVG, PDF): ``"lane"`` (default), or ``"tradeoff"`` /
    ``"timeline"``, drawn by the static renderer.

    ``size`` (width, height in px) applies to PNG, SVG and PDF. ``renderer`` applies to PNG:
    ``"auto"`` uses the browser when Chromium is present (and falls back to the static
    renderer if it fails), ``"browser"`` or ``"static"`` force one. Title, label, layers and
    extent come from ``pres``. The file appears only once complete (atomic write). Raises
    :class:`~geo.errors.ExportError` for an unknown extension, a bad size or renderer, a
    missing folder or a failed render.
    """
    path = Path(path)
    fmt = format_for(path)
    _check_renderer(renderer, fmt)
    check_slide(slide, fmt.key, renderer)
    size = check_size(tuple(size))  # type: ignore[arg-type]
    note = ""
    try:
        with atomic_output(path) as tmp:
            if slide != "lane":
                used = write_slide(pres, tmp, slide, size)
            else:
                used, note = _write(pres, tmp, fmt, size, renderer, timeout_s)
    except OSError as exc:
        reason = exc.strerror or exc
        raise ExportError(N_("cannot write {path}: {reason}", path=path, reason=reason)) from exc
    return SnapshotResult(path=path, format=fmt.key, renderer=used, mime=fmt.mime, note=note)


def _write(
    pres: LanePresentation,
    tmp: Path,
    fmt: Format,
    size: tuple[int, int],
    renderer: str,
    timeout_s: float,
) -> tuple[str, str]:
    from geo.export import writers as export
    from geo.render import static as static_render
    from geo.render.folium import mapping

    width, height = size
    if fmt.key == "png":
        return _write_png(pres, tmp, size, renderer, timeout_s)
    if fmt.key in ("svg", "pdf"):
        static_render.render_static(pres, tmp, width_px=width, height_px=height)
        return "static", ""
    if fmt.key == "html":
        tmp.write_bytes(mapping.standalone_html(pres).encode("utf-8"))
        return "folium", ""
    writers: dict[str, Callable[[LanePresentation, Path], Path]] = {
        "geojson": export.export_geojson,
        "gpkg": export.export_gpkg,
        "csv": export.export_segments_csv,
    }
    writers[fmt.key](pres, tmp)
    return "data", ""


def default_filename(pres: LanePresentation, fmt: str) -> str:
    """``"Shanghai-San_Pedro_Bay-2026-11-26.png"``: origin, destination, data date, the ports
    named in the presentation's language (``"上海-洛杉矶_长滩-2026-11-26.png"``); safe."""
    key = _format_key(fmt).key
    view = pres.view
    origin = pres.port_name(view.origin.id, view.origin.name)
    destination = pres.port_name(view.destination.id, view.destination.name)
    return safe_filename(f"{origin}-{destination}-{pres.as_of}.{key}")


def render_bytes(
    pres: LanePresentation,
    fmt: str,
    *,
    size: tuple[int, int] = DEFAULT_SIZE,
    renderer: str = "auto",
    timeout_s: float = DEFAULT_TIMEOUT_S,
    slide: str = "lane",
) -> SnapshotResult:
    """Render into a temporary folder and return the bytes (for a download button) with
    ``mime``, a safe ``filename`` (``…-tradeoff.png`` for another ``slide``) and the
    ``renderer`` used; the folder is removed."""
    key = _format_key(fmt)
    filename = default_filename(pres, key.key)
    if slide != "lane":
        filename = safe_filename(filename.replace(f".{key.key}", f"-{slide}.{key.key}"))
    with tempfile.TemporaryDirectory(prefix="geo-snapshot-") as tmp:
        result = render(
            pres,
            Path(tmp) / filename,
            size=size,
            renderer=renderer,
            timeout_s=timeout_s,
            slide=slide,
        )
        data = (Path(tmp) / filename).read_bytes()
    return SnapshotResult(
        path=None,
        format=result.format,
        renderer=result.renderer,
        data=data,
        mime=key.mime,
        filename=filename,
        note=result.note,
    )


def render_zip(
    pres: LanePresentation,
    *,
    size: tuple[int, int] = DEFAULT_SIZE,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> SnapshotResult:
    """Every format of :data:`FORMATS` in one zip (for "Download all"): the files named as
    :func:`default_filename` names them, plus ``README.txt`` saying which renderer drew
    each. Rendered in a temporary folder that is always removed."""
    stem = default_filename(pres, "csv").removesuffix(".csv")
    notes: list[str] = []
    buf = io.BytesIO()
    with (
        tempfile.TemporaryDirectory(prefix="geo-snapshot-") as tmp,
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for fmt in FORMATS.values():
            name = default_filename(pres, fmt.key)
            result = render(pres, Path(tmp) / name, size=size, timeout_s=timeout_s)
            archive.write(Path(tmp) / name, arcname=f"{stem}/{name}")
            notes.append(
                pres.tr(
                    "{name}: {description}, drawn by {renderer}",
                    name=name,
                    description=pres.tr(fmt.description),
                    renderer=pres.tr(result.renderer_label),
                )
            )
        notes += ["", pres.title, pres.subtitle, pres.footer_sources(), pres.assumptions]
        readme = zipfile.ZipInfo(f"{stem}/README.txt", date_time=time.localtime()[:6])
        readme.external_attr = 0o644 << 16  # rw-r--r--, as the other files (writestr: 0600)
        readme.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(readme, "\n".join(notes) + "\n")
    return SnapshotResult(
        path=None,
        format="zip",
        renderer="all",
        data=buf.getvalue(),
        mime="application/zip",
        filename=f"{stem}.zip",
    )


__all__ = [
    "DEFAULT_SIZE",
    "FORMATS",
    "MAX_SIDE_PX",
    "MIN_SIDE_PX",
    "RENDERERS",
    "SIZES",
    "SLIDES",
    "Format",
    "SnapshotResult",
    "browser_scale",
    "check_size",
    "default_filename",
    "format_for",
    "parse_size",
    "render",
    "render_bytes",
    "render_zip",
]
