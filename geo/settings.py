"""Typed constants; units are part of every name."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Final

#: The packaged data files (``geo/data``; in a checkout a link to the top-level ``data/``).
DATA_DIR: Final[Path] = Path(str(files("geo") / "data"))

KM_PER_NM: Final[float] = 1.852
NM_PER_KM: Final[float] = 1 / KM_PER_NM
HOURS_PER_DAY: Final[float] = 24.0

DEFAULT_SPEED_KN: Final[float] = 18.0
#: The speeds the page's slider, a URL and the command line accept (knots).
MIN_SPEED_KN: Final[float] = 0.5
MAX_SPEED_KN: Final[float] = 40.0

DEFAULT_ORIGIN: Final[str] = "Shanghai"
DEFAULT_DESTINATION: Final[str] = "San Pedro Bay"

# Pacific-centred display window: longitudes in [PACIFIC_WINDOW_WEST_DEG, +360).
PACIFIC_WINDOW_WEST_DEG: Final[float] = 0.0

ROUTE_CACHE_SIZE: Final[int] = 512
