"""Shared look: colours (Okabe–Ito, colour-blind-safe) and text helpers for every renderer."""

from __future__ import annotations

from typing import Final

LANE_COLOUR: Final[str] = "#0b6e69"  # deep teal: the corridor lane
LAND_COLOUR: Final[str] = "#e4e4e0"
#: The least span (nautical miles) of a view's shorter side on which the bundled 1:110m land
#: outline is drawn (4° of latitude): there its coasts, shifted by up to about 20 km, stay
#: within 5 % of it. Closer in, the slides and the map leave the land out and say so.
LAND_MIN_SPAN_NM: Final[float] = 240.0
LAND_EDGE_COLOUR: Final[str] = "#cfcfc9"
SEA_COLOUR: Final[str] = "#f3f7f9"
PORT_COLOUR: Final[str] = "#1f2d3d"
INK: Final[str] = "#1d2630"  # text
MUTED: Final[str] = "#5b6470"  # secondary text
RULE: Final[str] = "#c9ced3"  # hairlines
PANEL_FILL: Final[str] = "#f6f7f8"  # metrics and legend panel

#: One colour per kind of sulphur regime, so a reader learns it once: every 0.10 % S emission
#: control area is bluish green wherever it lies, China's 0.50 % S control areas reddish
#: purple; the corridor's two port approaches keep their own colours.
ZONE_COLOURS: Final[dict[str, str]] = {
    "shanghai_approach": "#E69F00",  # orange
    "china_coastal_eca": "#CC79A7",  # reddish purple
    "china_inland_eca": "#CC79A7",
    "hainan_eca": "#CC79A7",
    "open_ocean": "#0072B2",  # blue
    "north_american_eca": "#009E73",  # bluish green
    "us_caribbean_eca": "#009E73",
    "north_sea_eca": "#009E73",
    "baltic_eca": "#009E73",
    "mediterranean_eca": "#009E73",
    "san_pedro_bay_approach": "#D55E00",  # vermillion
}
FALLBACK_ZONE_COLOUR: Final[str] = "#999999"


def zone_colour(zone_id: str) -> str:
    """The legend colour of a zone id (grey for an unknown one)."""
    return ZONE_COLOURS.get(zone_id, FALLBACK_ZONE_COLOUR)
