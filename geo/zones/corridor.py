"""Regulatory zones along a lane and a route cut into named segments: the public names.

This module gathers the public API of :mod:`geo.zones` so callers keep importing from
``geo.zones.corridor``. Every coordinate is ``(lon, lat)`` (WGS 84 degrees).

* :mod:`geo.zones.rules` — zone ids, order, priorities, ``data/zone_rules.csv``.
* :mod:`geo.zones.buffers` — geodesic buffers.
* :mod:`geo.zones.build` — zone definitions and :func:`~geo.zones.build.build_extents`
  (sources and approximations listed there).
* :mod:`geo.zones.store` — the prebuilt layer ``data/zones.geojson``, :func:`zones`.
* :mod:`geo.zones.seas` — named seas and oceans (``data/seas.csv``).
* :mod:`geo.zones.segment` — :func:`segment_route`, :func:`segments_as_records`.
"""

from __future__ import annotations

from geo.zones.buffers import METRES_PER_NM, geodesic_buffer
from geo.zones.build import (
    CHINA_ECA_DISTANCE_NM,
    NA_ECA_DISTANCE_NM,
    SAN_PEDRO_BAY_ENTRANCE,
    SAN_PEDRO_BAY_RADIUS_NM,
    SHANGHAI_APPROACH_RADIUS_NM,
)
from geo.zones.rules import (
    BALTIC_ECA,
    CHINA_COASTAL_ECA,
    CHINA_INLAND_ECA,
    HAINAN_ECA,
    MEDITERRANEAN_ECA,
    NORTH_AMERICAN_ECA,
    NORTH_SEA_ECA,
    OPEN_OCEAN,
    PRIORITY,
    SAN_PEDRO_BAY_APPROACH,
    SHANGHAI_APPROACH,
    US_CARIBBEAN_ECA,
    ZONE_COLUMNS,
    ZONE_ORDER,
    ZONE_RULES_PATH,
    ZoneRule,
    zone_rules,
)
from geo.zones.seas import sea_name
from geo.zones.segment import (
    DENSIFY_STEP_M,
    MIN_SEGMENT_NM,
    SEGMENT_COLUMNS,
    segment_route,
    segments_as_records,
)
from geo.zones.store import zones, zones_for_display

__all__ = [
    "BALTIC_ECA",
    "CHINA_COASTAL_ECA",
    "CHINA_ECA_DISTANCE_NM",
    "CHINA_INLAND_ECA",
    "DENSIFY_STEP_M",
    "HAINAN_ECA",
    "MEDITERRANEAN_ECA",
    "METRES_PER_NM",
    "MIN_SEGMENT_NM",
    "NA_ECA_DISTANCE_NM",
    "NORTH_AMERICAN_ECA",
    "NORTH_SEA_ECA",
    "OPEN_OCEAN",
    "PRIORITY",
    "SAN_PEDRO_BAY_APPROACH",
    "SAN_PEDRO_BAY_ENTRANCE",
    "SAN_PEDRO_BAY_RADIUS_NM",
    "SEGMENT_COLUMNS",
    "SHANGHAI_APPROACH",
    "SHANGHAI_APPROACH_RADIUS_NM",
    "US_CARIBBEAN_ECA",
    "ZONE_COLUMNS",
    "ZONE_ORDER",
    "ZONE_RULES_PATH",
    "ZoneRule",
    "geodesic_buffer",
    "sea_name",
    "segment_route",
    "segments_as_records",
    "zone_rules",
    "zones",
    "zones_for_display",
]
