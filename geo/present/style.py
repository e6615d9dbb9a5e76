"""Shared look: colours (Okabe–Ito, colour-blind-safe) and text helpers for every renderer."""

from __future__ import annotations

from typing import Final

LANE_COLOUR: Final[str] = "#0b6e69"  # deep teal: the corridor lane
LAND_COLOUR: Final[str] = "#e4e4e0"
LAND_EDGE_COLOUR: Final[str] = "#cfcfc9"
SEA_COLOUR: Final[str] = "#f3f7f9"
PORT_COLOUR: Final[str] = "#1f2d3d"

ZONE_COLOURS: Final[dict[str, str]] = {
    "shanghai_approach": "#E69F00",  # orange
    "china_coastal_eca": "#CC79A7",  # reddish purple
    "open_ocean": "#0072B2",  # blue
    "north_american_eca": "#009E73",  # bluish green
    "san_pedro_bay_approach": "#D55E00",  # vermillion
}
FALLBACK_ZONE_COLOUR: Final[str] = "#999999"


def zone_colour(zone_id: str) -> str:
    """The legend colour of a zone id (grey for an unknown one)."""
    return ZONE_COLOURS.get(zone_id, FALLBACK_ZONE_COLOUR)


_HTML_ESCAPES: Final[dict[int, str]] = {
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
    ord('"'): "&quot;",
    ord("'"): "&#x27;",
    ord("`"): "&#x60;",
    ord("$"): "&#x24;",
    ord("\\"): "&#x5C;",
}


def esc(text: object) -> str:
    """Text made safe for HTML *and* for the JavaScript template literals folium wraps popups
    and tooltips in: escapes ``& < > " '`` and also backtick, ``$`` and backslash."""
    return str(text).translate(_HTML_ESCAPES)


def safe_url(url: str) -> str | None:
    """``url`` escaped for an ``href`` if it is http(s); ``None`` otherwise."""
    u = url.strip()
    if u.lower().startswith(("https://", "http://")):
        return esc(u)
    return None


_MD_SPECIAL: Final[str] = "\\`*_{}[]()#+-.!|<>$~"


def md(text: object) -> str:
    """Text made literal for Streamlit markdown: escapes markdown syntax, ``$`` (which would
    start LaTeX) and ``<``/``>``."""
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in str(text))
