"""Points typed as text: ``lon,lat`` parsed and checked, and numbers written back with the
precision they came with. Every coordinate pair is ``(lon, lat)`` in degrees."""

from __future__ import annotations

import math
import re

from geo.errors import InvalidCoordinateError
from geo.i18n import N_, Text

#: what a coordinate error is about when no caller says it
_POINT = N_("point")
_COORD_RE = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*[,;]\s*([-+]?\d+(?:\.\d+)?)\s*$")


def validate_lon_lat(lon: float, lat: float, *, what: str = "") -> None:
    """Raise :class:`InvalidCoordinateError` unless ``lon`` in [-180, 180] and ``lat`` in
    [-90, 90], both finite numbers. The message (a :class:`~geo.i18n.Text`, worded again in
    Chinese where it is shown) starts with ``what`` (default: ``point``)."""
    names = ((Text(N_("longitude")), lon, 180.0), (Text(N_("latitude")), lat, 90.0))
    for name, value, limit in names:
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
        ):
            raise InvalidCoordinateError(
                N_(
                    "{what}: {name} {value!r} is not a finite number; accepted: -{limit} to "
                    "{limit} degrees",
                    what=what or Text(_POINT),
                    name=name,
                    value=value,
                    limit=f"{limit:g}",
                )
            )
        if not -limit <= value <= limit:
            raise InvalidCoordinateError(
                N_(
                    "{what}: {name} {value} is out of range; accepted: -{limit} to {limit} "
                    "degrees (give 'lon,lat', longitude first)",
                    what=what or Text(_POINT),
                    name=name,
                    value=f"{value:g}",
                    limit=f"{limit:g}",
                )
            )


def number_text(value: float) -> str:
    """``-118.21234`` → ``"-118.21234"`` (shortest text that reads back the same float)."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def coord_name(lon: float, lat: float, lang: str = "en") -> str:
    """``(lon, lat)`` as a place name, latitude first as a reader says it:
    ``"31.230°N 121.474°E"``; in Chinese ``"北纬31.23°、东经121.474°"`` (北纬/南纬, 东经/西经,
    no spurious zeros: ``(117.0, 32.0)`` → ``"北纬32°、东经117°"``). Machine formats (URLs,
    CSV, JSON) keep ``lon,lat`` numbers; this is for text a person reads."""
    if lang == "zh":
        north_south = "北纬" if lat >= 0 else "南纬"
        east_west = "东经" if lon >= 0 else "西经"
        return f"{north_south}{_degrees(lat)}°、{east_west}{_degrees(lon)}°"
    north_south = "N" if lat >= 0 else "S"
    east_west = "E" if lon >= 0 else "W"
    return f"{abs(lat):.3f}°{north_south} {abs(lon):.3f}°{east_west}"


def _degrees(value: float) -> str:
    """``-117.0`` → ``"117"``, ``31.2304`` → ``"31.23"``: the size to three decimals, no
    trailing zeros."""
    text = f"{abs(value):.3f}".rstrip("0").rstrip(".")
    return text or "0"


def parse_coordinates(text: str) -> tuple[float, float] | None:
    """``'lon,lat'`` → ``(lon, lat)``, validated; ``None`` if the text is not a coordinate pair."""
    match = _COORD_RE.match(text)
    if not match:
        return None
    lon, lat = float(match.group(1)), float(match.group(2))
    validate_lon_lat(lon, lat, what=N_("coordinates {value!r}", value=text.strip()))
    return lon, lat
