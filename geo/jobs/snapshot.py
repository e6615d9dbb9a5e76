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

import dataclasses
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from geo.errors import ExportError
from geo.fileio import atomic_output, safe_filename
from geo.settings import DEFAULT_SPEED_KN

if TYPE_CHECKING:
    from geo.present.view import LaneView

# The renderers (folium, matplotlib, GDAL, Playwright) are imported where they are used, so
# importing this module (e.g. for the command line's help) stays fast.

#: Named sizes, width × height in pixels.
SIZES: Final[dict[str, tuple[int, int]]] = {
    "1920x1080": (1920, 1080),
    "1280x720": (1280, 720),
    "3840x2160": (3840, 2160),
    "4:3": (1600, 1200),
}
DEFAULT_SIZE: Final[tuple[int, int]] = SIZES["1920x1080"]
MIN_SIDE_PX: Final[int] = 320
MAX_SIDE_PX: Final[int] = 7680
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
    ".png": Format("png", "image/png", "slide image (browser or static renderer)"),
    ".svg": Format("svg", "image/svg+xml", "vector slide (static renderer)"),
    ".pdf": Format("pdf", "application/pdf", "vector slide (static renderer)"),
    ".html": Format("html", "text/html", "interactive map, works offline"),
    ".geojson": Format("geojson", "application/geo+json", "RFC 7946 GeoJSON"),
    ".gpkg": Format("gpkg", "application/geopackage+sqlite3", "GeoPackage"),
    ".csv": Format("csv", "text/csv", "segments table"),
}
RENDERERS: Final[tuple[str, ...]] = ("auto", "browser", "static")
#: Human-readable name of each renderer a result can name.
RENDERER_LABELS: Final[dict[str, str]] = {
    "browser": "headless Chromium",
    "static": "matplotlib",
    "folium": "folium (standalone HTML)",
    "data": "GeoPandas / GDAL",
}

_SIZE_RE: Final[re.Pattern[str]] = re.compile(r"^\s*(\d{1,5})\s*[x×X*]\s*(\d{1,5})\s*$")


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


def _accepted_sizes() -> str:
    return f"WxH with each side {MIN_SIDE_PX}–{MAX_SIDE_PX} px, or one of {', '.join(SIZES)}"


def parse_size(text: str) -> tuple[int, int]:
    """``"1920x1080"`` → ``(1920, 1080)``; also a name from :data:`SIZES` (``"4:3"``).

    >>> parse_size("1280x720")
    (1280, 720)
    >>> parse_size("4:3")
    (1600, 1200)
    """
    key = str(text).strip().lower()
    if key in SIZES:
        return SIZES[key]
    match = _SIZE_RE.match(key)
    if match is None:
        raise ExportError(f"size {text!r} is not accepted; give {_accepted_sizes()}")
    return check_size((int(match.group(1)), int(match.group(2))))


def check_size(size: tuple[int, int]) -> tuple[int, int]:
    """``size`` if both sides are whole pixels within bounds, else :class:`ExportError`."""
    try:
        width, height = size
    except (TypeError, ValueError):
        raise ExportError(f"size {size!r} is not accepted; give {_accepted_sizes()}") from None
    for value in (width, height):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ExportError(f"size {size!r} is not accepted; give {_accepted_sizes()}")
        if not MIN_SIDE_PX <= value <= MAX_SIDE_PX:
            raise ExportError(f"size {width}x{height} is out of range; give {_accepted_sizes()}")
    return int(width), int(height)


def format_for(path: Path | str) -> Format:
    """The :class:`Format` of a file name's extension, or :class:`ExportError` naming the
    extension and listing the accepted ones."""
    suffix = Path(str(path)).suffix.lower()
    found = FORMATS.get(suffix)
    if found is None:
        shown = repr(suffix) if suffix else "no extension"
        raise ExportError(
            f"cannot write {Path(str(path)).name!r} ({shown}): accepted extensions are "
            f"{' '.join(FORMATS)}"
        )
    return found


def _format_key(fmt: str) -> Format:
    key = str(fmt).strip().lower().lstrip(".")
    return format_for(f"snapshot.{key}")


def _check_renderer(renderer: str, fmt: Format) -> None:
    if renderer not in RENDERERS:
        raise ExportError(
            f"renderer {renderer!r} is not accepted; give one of {', '.join(RENDERERS)}"
        )
    if renderer == "browser" and fmt.key != "png":
        raise ExportError(f"the browser renderer writes PNG only, not {fmt.key.upper()}")
    if renderer == "static" and fmt.key not in ("png", "svg", "pdf"):
        raise ExportError(
            f"the static renderer writes PNG, SVG and PDF, not {fmt.key.upper()}; "
            "leave the renderer on auto"
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
    view: LaneView,
    tmp: Path,
    size: tuple[int, int],
    title: str | None,
    subtitle: str | None,
    renderer: str,
    timeout_s: float,
) -> tuple[str, str]:
    """Write a PNG to ``tmp``; returns (renderer used, note)."""
    from geo.render.browser import snapshot as browser_snapshot
    from geo.render.static import render as static_render

    width, height = size
    if renderer == "auto" and not browser_snapshot.browser_available():
        renderer, note = "static", "no Chromium found, so the static renderer drew the PNG"
    else:
        note = ""
    if renderer in ("auto", "browser"):
        try:
            browser_snapshot.render_png(
                view,
                tmp,
                width_px=width,
                height_px=height,
                scale=browser_scale(size),
                title=title,
                subtitle=subtitle,
                timeout_s=timeout_s,
            )
            return "browser", note
        except ExportError as exc:
            if renderer == "browser":
                raise
            note = f"the browser renderer failed ({exc}); the static renderer drew the PNG"
    static_render.render_static(
        view, tmp, width_px=width, height_px=height, title=title, subtitle=subtitle
    )
    return "static", note


def render(
    view: LaneView,
    path: Path | str,
    *,
    size: tuple[int, int] = DEFAULT_SIZE,
    title: str | None = None,
    subtitle: str | None = None,
    renderer: str = "auto",
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> SnapshotResult:
    """Write ``view`` to ``path`` in the format of its extension (:data:`FORMATS`).

    ``size`` (width, height in px) applies to PNG, SVG and PDF; ``title`` to those and to the
    HTML map (as a label). ``renderer`` applies to PNG: ``"auto"`` uses the browser when
    Chromium is present (and falls back to the static renderer if it fails), ``"browser"`` or
    ``"static"`` force one. The file appears only once complete (atomic write). Raises
    :class:`~geo.errors.ExportError` for an unknown extension, a bad size or renderer, a
    missing folder or a failed render.
    """
    path = Path(path)
    fmt = format_for(path)
    _check_renderer(renderer, fmt)
    size = check_size(tuple(size))  # type: ignore[arg-type]
    note = ""
    try:
        with atomic_output(path) as tmp:
            used, note = _write(view, tmp, fmt, size, title, subtitle, renderer, timeout_s)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return SnapshotResult(path=path, format=fmt.key, renderer=used, mime=fmt.mime, note=note)


def _write(
    view: LaneView,
    tmp: Path,
    fmt: Format,
    size: tuple[int, int],
    title: str | None,
    subtitle: str | None,
    renderer: str,
    timeout_s: float,
) -> tuple[str, str]:
    from geo.export import writers as export
    from geo.render.folium import mapping
    from geo.render.static import render as static_render

    width, height = size
    if fmt.key == "png":
        return _write_png(view, tmp, size, title, subtitle, renderer, timeout_s)
    if fmt.key in ("svg", "pdf"):
        static_render.render_static(
            view, tmp, width_px=width, height_px=height, title=title, subtitle=subtitle
        )
        return "static", ""
    if fmt.key == "html":
        options = mapping.MapOptions(label=title or "")
        tmp.write_bytes(mapping.standalone_html(view, options).encode("utf-8"))
        return "folium", ""
    writers: dict[str, Callable[[LaneView, Path], Path]] = {
        "geojson": export.export_geojson,
        "gpkg": export.export_gpkg,
        "csv": export.export_segments_csv,
    }
    writers[fmt.key](view, tmp)
    return "data", ""


def default_filename(view: LaneView, fmt: str) -> str:
    """``"Shanghai-San_Pedro_Bay-2026-11-26.png"``: origin, destination, data date; safe."""
    key = _format_key(fmt).key
    return safe_filename(f"{view.origin.name}-{view.destination.name}-{view.as_of}.{key}")


def render_bytes(
    view: LaneView,
    fmt: str,
    *,
    size: tuple[int, int] = DEFAULT_SIZE,
    title: str | None = None,
    subtitle: str | None = None,
    renderer: str = "auto",
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> SnapshotResult:
    """Render into a temporary folder and return the bytes (for a download button) with
    ``mime``, a safe ``filename`` and the ``renderer`` used; the folder is removed."""
    key = _format_key(fmt)
    filename = default_filename(view, key.key)
    with tempfile.TemporaryDirectory(prefix="geo-snapshot-") as tmp:
        result = render(
            view,
            Path(tmp) / filename,
            size=size,
            title=title,
            subtitle=subtitle,
            renderer=renderer,
            timeout_s=timeout_s,
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


# ----------------------------------------------------------------------------- decks

#: Keys a ``[defaults]`` table and a ``[[snapshot]]`` entry of a deck file accept.
DECK_DEFAULT_KEYS: Final[tuple[str, ...]] = ("speed", "size", "avoid", "format", "renderer")
DECK_ENTRY_KEYS: Final[tuple[str, ...]] = (
    "name",
    "origin",
    "destination",
    "speed",
    "avoid",
    "size",
    "title",
    "format",
    "out",
    "renderer",
)


@dataclass(frozen=True)
class DeckEntry:
    """One ``[[snapshot]]`` of a deck, defaults applied. ``error`` is set (and the entry is
    not rendered) when the entry itself is malformed: a missing or unknown field, a bad size,
    format or renderer, or a file name another entry already writes."""

    name: str
    origin: str
    destination: str
    speed_kn: float
    avoid: tuple[str, ...] | str
    size: tuple[int, int]
    title: str | None
    filename: str
    renderer: str
    error: str = ""


def _read_toml(path: Path) -> dict[str, object]:
    try:
        import tomllib
    except ImportError:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ExportError(f"deck file {str(path)!r} does not exist") from None
    except OSError as exc:
        raise ExportError(f"cannot read deck file {str(path)!r}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ExportError(f"deck file {str(path)!r} is not valid TOML: {exc}") from None


def _speed_value(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ExportError(f"speed {value!r} is not a number of knots")
    return float(value)


def _size_value(value: object) -> tuple[int, int]:
    if isinstance(value, str):
        return parse_size(value)
    if isinstance(value, list) and len(value) == 2:
        return check_size((value[0], value[1]))
    raise ExportError(f"size {value!r} is not accepted; give {_accepted_sizes()}")


def _avoid_value(value: object) -> tuple[str, ...] | str:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ExportError(f"avoid {value!r} is not accepted; give a list of passage names")


def _renderer_value(value: object) -> str:
    if value not in RENDERERS:
        raise ExportError(f"renderer {value!r} is not accepted; give one of {', '.join(RENDERERS)}")
    return str(value)


def _entry_filename(raw: dict[str, object], name: str, fmt: object) -> str:
    """The entry's file name, safe: ``out`` if it has an accepted extension, else the stem of
    ``out`` (or the entry's name) with the format's extension."""
    out = raw.get("out")
    stem = name
    if out is not None:
        if not isinstance(out, str) or not out.strip():
            raise ExportError(f"out {out!r} is not a file name")
        filename = safe_filename(out, default=safe_filename(name))
        suffix = Path(filename).suffix.lower()
        if suffix in FORMATS:
            if "format" in raw and _format_key(str(fmt)).key != FORMATS[suffix].key:
                raise ExportError(f"out {out!r} and format {fmt!r} disagree; give one of them")
            return filename
        if suffix and "format" not in raw:
            format_for(filename)  # names the bad extension and lists the accepted ones
        stem = filename[: -len(suffix)] if suffix else filename
    if not isinstance(fmt, str):
        raise ExportError(f"format {fmt!r} is not accepted; give one of {' '.join(FORMATS)}")
    return safe_filename(f"{stem}.{_format_key(fmt).key}")


def _deck_entry(raw: object, n: int, defaults: dict[str, object]) -> DeckEntry:
    name = f"entry {n}"
    if isinstance(raw, dict) and isinstance(raw.get("name"), str) and raw["name"].strip():
        name = " ".join(str(raw["name"]).split())
    blank = DeckEntry(name, "", "", 0.0, (), DEFAULT_SIZE, None, "", "auto")
    try:
        if not isinstance(raw, dict):
            raise ExportError("a [[snapshot]] entry must be a table")
        unknown = sorted(set(raw) - set(DECK_ENTRY_KEYS))
        if unknown:
            raise ExportError(
                f"unknown field {', '.join(map(repr, unknown))}; accepted: "
                f"{', '.join(DECK_ENTRY_KEYS)}"
            )
        merged = {**defaults, **raw}
        for key in ("origin", "destination"):
            value = merged.get(key)
            if not isinstance(value, str) or not value.strip():
                raise ExportError(f"missing field {key!r} (a port name, UN/LOCODE or 'lon,lat')")
        title = merged.get("title")
        if title is not None and not isinstance(title, str):
            raise ExportError(f"title {title!r} is not text")
        return DeckEntry(
            name=name,
            origin=str(merged["origin"]),
            destination=str(merged["destination"]),
            speed_kn=_speed_value(merged.get("speed", DEFAULT_SPEED_KN)),
            avoid=_avoid_value(merged.get("avoid", [])),
            size=_size_value(merged.get("size", "1920x1080")),
            title=title,
            filename=_entry_filename(raw, name, merged.get("format", "png")),
            renderer=_renderer_value(merged.get("renderer", "auto")),
        )
    except ExportError as exc:
        return dataclasses.replace(blank, error=str(exc))


def load_deck(path: Path | str) -> list[DeckEntry]:
    """Read a deck file (TOML): an optional ``[defaults]`` table (``speed``, ``size``,
    ``avoid``, ``format``, ``renderer``) and ``[[snapshot]]`` entries (``name``, ``origin``,
    ``destination``, ``speed``, ``avoid``, ``size``, ``title``, ``format`` or ``out``).

    A problem with one entry is recorded on that entry (:attr:`DeckEntry.error`); a problem
    with the file (unreadable, not TOML, bad defaults, no entries) raises
    :class:`~geo.errors.ExportError`. File names are made safe with
    :func:`~geo.fileio.safe_filename`; two entries may not write the same file.
    """
    data = _read_toml(Path(path))
    unknown_top = sorted(set(data) - {"defaults", "snapshot"})
    if unknown_top:
        raise ExportError(
            f"deck file has unknown table(s) {', '.join(map(repr, unknown_top))}; accepted: "
            "[defaults] and [[snapshot]]"
        )
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict):
        raise ExportError("[defaults] in the deck file must be a table")
    bad = sorted(set(defaults) - set(DECK_DEFAULT_KEYS))
    if bad:
        raise ExportError(
            f"[defaults] has unknown key(s) {', '.join(map(repr, bad))}; accepted: "
            f"{', '.join(DECK_DEFAULT_KEYS)}"
        )
    try:
        if "speed" in defaults:
            _speed_value(defaults["speed"])
        if "size" in defaults:
            _size_value(defaults["size"])
        if "avoid" in defaults:
            _avoid_value(defaults["avoid"])
        if "format" in defaults:
            _format_key(str(defaults["format"]))
        if "renderer" in defaults:
            _renderer_value(defaults["renderer"])
    except ExportError as exc:
        raise ExportError(f"[defaults]: {exc}") from None
    raw_entries = data.get("snapshot", [])
    if not isinstance(raw_entries, list) or not raw_entries:
        raise ExportError("deck file has no [[snapshot]] entries")
    entries: list[DeckEntry] = []
    taken: dict[str, str] = {}
    for n, raw in enumerate(raw_entries, start=1):
        entry = _deck_entry(raw, n, defaults)
        if not entry.error:
            key = entry.filename.lower()
            if key in taken:
                entry = dataclasses.replace(
                    entry, error=f"writes {entry.filename}, as entry {taken[key]!r} already does"
                )
            else:
                taken[key] = entry.name
        entries.append(entry)
    return entries


def render_entry(
    entry: DeckEntry, out_dir: Path | str, *, timeout_s: float = DEFAULT_TIMEOUT_S
) -> SnapshotResult:
    """Build the view of one deck entry and write it into ``out_dir``."""
    if entry.error:
        raise ExportError(entry.error)
    from geo.present.view import build_view

    view = build_view(entry.origin, entry.destination, speed_kn=entry.speed_kn, avoid=entry.avoid)
    return render(
        view,
        Path(out_dir) / entry.filename,
        size=entry.size,
        title=entry.title,
        renderer=entry.renderer,
        timeout_s=timeout_s,
    )


__all__ = [
    "DECK_DEFAULT_KEYS",
    "DECK_ENTRY_KEYS",
    "DEFAULT_SIZE",
    "FORMATS",
    "RENDERERS",
    "SIZES",
    "DeckEntry",
    "Format",
    "SnapshotResult",
    "browser_scale",
    "check_size",
    "default_filename",
    "format_for",
    "load_deck",
    "parse_size",
    "render",
    "render_bytes",
    "render_entry",
]
