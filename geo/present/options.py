"""What a lane view can show: the layer and basemap choices every output honours."""

from __future__ import annotations

from typing import Final

#: Layers a user can switch on or off, in drawing order.
ALL_LAYERS: Final[tuple[str, ...]] = ("route", "segments", "zones", "ports", "labels")
#: ``offline``: the bundled Natural Earth land layer; ``online``: web tiles (needs a network).
BASEMAPS: Final[tuple[str, ...]] = ("offline", "online")
