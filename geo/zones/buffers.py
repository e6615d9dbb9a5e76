"""Geodesic buffers: the area within a distance (WGS 84) of a polygon, and port discs.

Every coordinate is ``(lon, lat)`` (degrees). How distances are made geodesic: the polygon is
cut into 5° × 5° tiles; each tile is projected to an azimuthal equidistant projection centred on
it, buffered there, densified and projected back, and the pieces are dissolved. Distances from
the centre of an azimuthal equidistant projection are exact and other distances are stretched
by at most ``c / sin c - 1`` (``c`` the angular distance from the centre, here at most
≈ 0.12 rad), so a 200 nm limit is off by at most ≈ 0.25 % (≈ 0.5 nm) before simplification.
"""

from __future__ import annotations

import math
from typing import Final

import numpy as np
import shapely
from numpy.typing import NDArray
from pyproj import Transformer
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from geo.catalogue.land import polygonal
from geo.routing.geodesy import GEOD
from geo.settings import KM_PER_NM

METRES_PER_NM: Final[float] = KM_PER_NM * 1000.0
#: Tile size for the piecewise azimuthal-equidistant buffers.
BUFFER_TILE_DEG: Final[float] = 5.0
#: Densify buffer outlines to this spacing before projecting back, metres.
_BUFFER_SEGMENT_M: Final[float] = 5_000.0


def geodesic_midpoint(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """The point halfway along the geodesic from ``a`` to ``b``; all ``(lon, lat)`` degrees."""
    azimuth, _, metres = GEOD.inv(a[0], a[1], b[0], b[1])
    lon, lat, _ = GEOD.fwd(a[0], a[1], azimuth, metres / 2.0)
    return (float(lon), float(lat))


def _aeqd(lon: float, lat: float) -> Transformer:
    """(lon, lat) degrees → metres in an azimuthal equidistant projection centred on the point."""
    return Transformer.from_pipeline(
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
        f"+step +proj=aeqd +lat_0={lat!r} +lon_0={lon!r} +ellps=WGS84"
    )


def _project(geom: BaseGeometry, transformer: Transformer, *, inverse: bool) -> BaseGeometry:
    direction = "INVERSE" if inverse else "FORWARD"

    def move(xy: NDArray[np.float64]) -> NDArray[np.float64]:
        x, y = transformer.transform(xy[:, 0], xy[:, 1], direction=direction)
        return np.column_stack([x, y])

    return shapely.transform(geom, move)


def _buffer_around(
    geom: BaseGeometry, distance_m: float, centre: tuple[float, float]
) -> BaseGeometry:
    """``geom`` buffered by ``distance_m`` in an azimuthal equidistant projection at ``centre``."""
    transformer = _aeqd(*centre)
    projected = _project(geom, transformer, inverse=False)
    buffered = projected.buffer(distance_m, quad_segs=32)
    buffered = shapely.segmentize(buffered, _BUFFER_SEGMENT_M)
    return shapely.make_valid(_project(buffered, transformer, inverse=True))


def geodesic_buffer(
    geom: BaseGeometry, distance_nm: float, *, tile_deg: float = BUFFER_TILE_DEG
) -> BaseGeometry:
    """The area within ``distance_nm`` (geodesic, WGS 84) of a polygonal ``geom``.

    ``geom`` is in ``(lon, lat)`` in one window and must not come within ``distance_nm`` of
    that window's edges. The polygon is cut into ``tile_deg`` tiles; each tile is buffered in an
    azimuthal equidistant projection centred on it (so no distance is measured far from a
    projection centre) and the pieces are dissolved. Tiles wholly inside ``geom`` are skipped:
    any point within the distance of an inland point is within it of the coast too.
    """
    distance_m = distance_nm * METRES_PER_NM
    min_lon, min_lat, max_lon, max_lat = geom.bounds
    shapely.prepare(geom)
    pieces: list[BaseGeometry] = [geom]
    lon0 = math.floor(min_lon / tile_deg) * tile_deg
    while lon0 < max_lon:
        lat0 = math.floor(min_lat / tile_deg) * tile_deg
        while lat0 < max_lat:
            tile = box(lon0, lat0, lon0 + tile_deg, lat0 + tile_deg)
            if geom.intersects(tile) and not geom.contains(tile):
                part = polygonal(geom.intersection(tile))
                if not part.is_empty:
                    centre_lat = max(-89.0, min(89.0, lat0 + tile_deg / 2))
                    pieces.append(
                        _buffer_around(part, distance_m, (lon0 + tile_deg / 2, centre_lat))
                    )
            lat0 += tile_deg
        lon0 += tile_deg
    return shapely.make_valid(shapely.union_all(pieces))


def geodesic_disc_around(
    geom: BaseGeometry, distance_nm: float, centre: tuple[float, float]
) -> BaseGeometry:
    """``geom`` buffered by ``distance_nm`` (nm) in one azimuthal equidistant projection at
    ``centre`` ``(lon, lat)``: exact for a small shape such as a port triangle or point."""
    return _buffer_around(geom, distance_nm * METRES_PER_NM, centre)
