"""Snapshot sizes: ``"1920x1080"``, a named size, or ``(width_px, height_px)`` within bounds.

Errors are :class:`~geo.errors.ExportError` naming the value and what is accepted, worded in
English and kept as a :class:`~geo.i18n.Text`, so a command with ``--lang zh`` words them in
Chinese.
"""

from __future__ import annotations

import re
from typing import Final

from geo.errors import ExportError
from geo.i18n import N_, Listed

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

_SIZE_RE: Final[re.Pattern[str]] = re.compile(r"^\s*(\d{1,5})\s*[x×X*]\s*(\d{1,5})\s*$")


def _accepted_sizes() -> str:
    return N_(
        "WxH with each side {low}–{high} px, or one of {names}",
        low=MIN_SIDE_PX,
        high=MAX_SIDE_PX,
        names=Listed(SIZES),
    )


def not_accepted(name: str, value: object) -> ExportError:
    """``"size '10x10' is not accepted; give WxH …"`` (``name``: the field, e.g. ``size``)."""
    return ExportError(
        N_(
            "{name} {value!r} is not accepted; give {accepted}",
            name=name,
            value=value,
            accepted=_accepted_sizes(),
        )
    )


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
        raise not_accepted("size", text)
    return check_size((int(match.group(1)), int(match.group(2))))


def check_size(size: tuple[int, int]) -> tuple[int, int]:
    """``size`` if both sides are whole pixels within bounds, else :class:`ExportError`."""
    try:
        width, height = size
    except (TypeError, ValueError):
        raise not_accepted("size", size) from None
    for value in (width, height):
        if isinstance(value, bool) or not isinstance(value, int):
            raise not_accepted("size", size)
        if not MIN_SIDE_PX <= value <= MAX_SIDE_PX:
            raise ExportError(
                N_(
                    "size {width}x{height} is out of range; give {accepted}",
                    width=width,
                    height=height,
                    accepted=_accepted_sizes(),
                )
            )
    return int(width), int(height)
