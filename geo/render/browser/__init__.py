"""PNG snapshots of a lane presentation, rendered by headless Chromium (Playwright).

:func:`render_png` lays out the slide page (:func:`snapshot_page_html`: the standalone
folium map in the slide design the static renderer shares) and screenshots it at exactly
``width_px × height_px`` in the process's one Chromium (:mod:`geo.render.browser.chromium`),
with every non-local request aborted. The PNG is written atomically.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path
from typing import Final

from geo.errors import ExportError
from geo.fileio import atomic_write_bytes
from geo.present.model import LanePresentation
from geo.render.browser.chromium import (
    CHROMIUM_ARGS,
    browser_available,
    capture_png,
    chromium_path,
    close_browser,
)
from geo.render.browser.page import snapshot_page_html

RENDERER_NAME: Final[str] = "browser (headless Chromium)"
DEFAULT_TIMEOUT_S: Final[float] = 60.0
MIN_SIDE_PX: Final[int] = 320
MAX_SIDE_PX: Final[int] = 7680
MAX_SCALE: Final[float] = 4.0


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


def png_size(data: bytes) -> tuple[int, int]:
    """``(width, height)`` in pixels from a PNG's header; :class:`ExportError` if not a PNG."""
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


def render_png(
    pres: LanePresentation,
    path: Path | str,
    *,
    width_px: int = 1920,
    height_px: int = 1080,
    scale: float = 1.0,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> Path:
    """Render ``pres`` as a slide PNG of exactly ``width_px × height_px`` pixels at ``path``.

    The page is laid out for a CSS viewport of ``width_px/scale × height_px/scale`` and
    captured at ``device_scale_factor=scale``: 3840×2160 with ``scale=2`` is the 1920×1080
    layout with twice the detail. Sizes are 320–7680 px, ``scale`` 0.5–4. The file is
    written atomically. Raises :class:`~geo.errors.ExportError` for a bad size, scale, time
    limit or path, when Chromium is missing, when the page fails, or when rendering takes
    longer than ``timeout_s`` seconds. Returns ``path``.
    """
    _check_request(width_px, height_px, scale, timeout_s)
    path = Path(path)
    if path.suffix.lower() != ".png":
        raise ExportError(f"the browser renderer writes PNG only, not {path.name!r}")
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: the folder {path.parent} does not exist")
    css_w = max(1, round(width_px / scale))
    css_h = max(1, round(height_px / scale))
    html = snapshot_page_html(pres, width_px=width_px, height_px=height_px, scale=scale)
    data = capture_png(html, css_w, css_h, float(scale), float(timeout_s))
    atomic_write_bytes(path, _exact_size(data, width_px, height_px))
    return path


__all__ = [
    "CHROMIUM_ARGS",
    "DEFAULT_TIMEOUT_S",
    "RENDERER_NAME",
    "browser_available",
    "chromium_path",
    "close_browser",
    "png_size",
    "render_png",
    "snapshot_page_html",
]
