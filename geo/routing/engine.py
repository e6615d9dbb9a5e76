"""Sea routes between ports, measured and drawn as geodesics (WGS 84).

``route(origin, destination, *, speed_kn, avoid, strict)`` resolves the two places and builds
the lane:

1. a short hop stays short: when the direct geodesic between the two ends stays at sea (land
   layer, :func:`geo.catalogue.sealanes.geodesic_at_sea`) and crosses no avoided gate, it is the
   route (nothing at sea is shorter);
2. otherwise each end is snapped to the nearest node of the restricted network
   (:func:`geo.routing.network.nearest_nodes`, found across ±180°) whose snap leg crosses no
   avoided gate, and searoute finds the shortest path between the two nodes on the network
   without the edges that cross the avoided passages' gates (:mod:`geo.routing.network`);
3. searoute stitches its network at 180° through nodes *on* the seam (e.g. 180° 50° N), which
   puts a V-shaped notch in trans-Pacific lanes; such a seam node is dropped when the geodesic
   between its neighbours stays at sea and crosses no avoided gate;
4. every leg is drawn as a geodesic (a point every ``densify_step_nm``,
   ``data/routing_limits.csv``) and the distance is the geodesic length of exactly the
   coordinates returned; :attr:`Route.passages` are the gates the drawn line crosses.

An end inland (by more than the 1:110m land layer's tolerance, and as far from the network) or
farther than ``far_from_network_nm`` from the network is routed with a warning
(:attr:`Route.warnings`), or refused with :class:`~geo.errors.OffNetworkError` when
``strict=True``. Results are memoised per (origin, destination, speed, avoid set).

The steps are public so :mod:`geo.routing.matrix` takes the very same ones: :func:`direct_hop`,
:func:`snap`, :func:`seam_shortcut` (step 3 for one node) and :func:`network_route` (a node path
to a finished :class:`Route`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from shapely.geometry import LineString

from geo.catalogue import ports as _ports
from geo.catalogue import sealanes as _sealanes
from geo.errors import (
    InvalidCoordinateError,
    InvalidSpeedError,
    NoRouteError,
    OffNetworkError,
    SameEndpointsError,
)
from geo.i18n import N_
from geo.routing import network as _network
from geo.routing import passages as _passages
from geo.routing.antimeridian import unwrap_coords, wrap_lon
from geo.routing.endwarn import RouteWarning, end_warnings, strict_message
from geo.routing.geodesy import densify, distance_nm, line_length_nm
from geo.routing.passages import PASSAGE_LABELS, PASSAGES, normalise_avoid
from geo.settings import (
    DEFAULT_SPEED_KN,
    HOURS_PER_DAY,
    KM_PER_NM,
    MAX_SPEED_KN,
    MIN_SPEED_KN,
    ROUTE_CACHE_SIZE,
)

__all__ = [
    "ALWAYS_AVOIDED",
    "PASSAGES",
    "PASSAGE_LABELS",
    "Route",
    "RouteWarning",
    "blocked_text",
    "check_ends",
    "clear_caches",
    "direct_hop",
    "finish_route",
    "network_route",
    "normalise_avoid",
    "on_seam",
    "route",
    "seam_shortcut",
    "snap",
    "validate_speed",
]

#: Always avoided (seasonal ice; searoute's own default), so never offered.
ALWAYS_AVOIDED: tuple[str, ...] = _passages.ALWAYS_AVOIDED_TAGS
#: How many nearest nodes are tried for a snap leg that must not cross an avoided gate.
SNAP_CANDIDATES = 8
LonLat = tuple[float, float]


@dataclass(frozen=True)
class Route:
    """A measured sea route. Coordinates are ``(lon, lat)``; distances in nautical miles.

    ``passages``: names of the passage gates the drawn line crosses. ``origin_snap_nm`` /
    ``destination_snap_nm``: geodesic length of the leg from each end to the network (0 for a
    direct hop). ``warnings``: :class:`~geo.routing.endwarn.RouteWarning` values about ends on
    land or far from the network (data: :mod:`geo.present.routewarn` words them).

    ``line`` is continuous: its longitudes are unwrapped (Shanghai → Los Angeles runs from 122
    to 241.7), so it never jumps across the map. Use :mod:`geo.routing.antimeridian` to wrap it for
    storage or cut it for RFC 7946 export.
    """

    origin: _ports.Port
    destination: _ports.Port
    coords: tuple[tuple[float, float], ...]
    distance_nm: float
    speed_kn: float
    avoid: tuple[str, ...]
    passages: tuple[str, ...]
    origin_snap_nm: float
    destination_snap_nm: float
    great_circle_nm: float
    warnings: tuple[RouteWarning, ...] = ()

    @property
    def line(self) -> LineString:
        """The route as a shapely LineString (continuous, unwrapped longitudes)."""
        return LineString(self.coords)

    @property
    def distance_km(self) -> float:
        return self.distance_nm * KM_PER_NM

    @property
    def duration_h(self) -> float:
        """Hours at sea at ``speed_kn``, with no port time."""
        return self.distance_nm / self.speed_kn

    @property
    def duration_days(self) -> float:
        return self.duration_h / HOURS_PER_DAY

    @property
    def great_circle_ratio(self) -> float:
        """Route length over great-circle length (≥ 1)."""
        if self.great_circle_nm == 0:
            return 1.0
        return self.distance_nm / self.great_circle_nm

    def wrapped_coords(self) -> list[tuple[float, float]]:
        """The coordinates with longitudes in [-180, 180) (breaks at 180°: not for drawing)."""
        return [(wrap_lon(lon), lat) for lon, lat in self.coords]


def validate_speed(speed_kn: object) -> float:
    """``speed_kn`` as a float from :data:`~geo.settings.MIN_SPEED_KN` to
    :data:`~geo.settings.MAX_SPEED_KN` knots (the range the page, the URL and every command
    accept), or :class:`InvalidSpeedError` naming the value and the range."""
    low, high = f"{MIN_SPEED_KN:g}", f"{MAX_SPEED_KN:g}"
    try:
        if isinstance(speed_kn, bool):
            raise TypeError
        value = float(speed_kn)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InvalidSpeedError(
            N_(
                "speed {value!r} is not a number; accepted: {low} to {high} knots",
                value=speed_kn,
                low=low,
                high=high,
            )
        ) from None
    if not math.isfinite(value) or not MIN_SPEED_KN <= value <= MAX_SPEED_KN:
        raise InvalidSpeedError(
            N_(
                "speed {value!r} kn is out of range; accepted: {low} to {high} knots",
                value=speed_kn,
                low=low,
                high=high,
            )
        )
    return value


def route(
    origin: str | _ports.Port,
    destination: str | _ports.Port,
    *,
    speed_kn: float = DEFAULT_SPEED_KN,
    avoid: Iterable[str] | str | None = (),
    strict: bool = False,
) -> Route:
    """The sea route from ``origin`` to ``destination`` (see the module docstring).

    ``origin`` / ``destination``: a :class:`~geo.catalogue.ports.Port` or anything
    :func:`geo.catalogue.ports.resolve` accepts (UN/LOCODE, name, ``'lon,lat'``, ``San Pedro Bay``).
    ``speed_kn``: in (0, 40]. ``avoid``: passage names from :data:`PASSAGES` (aliases accepted).
    ``strict``: refuse an end on land or far from the network instead of warning.

    Raises a :class:`~geo.errors.GeoError` subclass naming the bad value:
    :class:`~geo.errors.SameEndpointsError` (the same point, also ``180,52`` = ``-180,52``),
    :class:`~geo.errors.InvalidCoordinateError` (a pole), :class:`~geo.errors.NoRouteError`
    (the avoided passages leave no way), :class:`~geo.errors.OffNetworkError` (``strict``).
    """
    speed = validate_speed(speed_kn)
    avoid_key = normalise_avoid(avoid)
    o = origin if isinstance(origin, _ports.Port) else _ports.resolve(origin)
    d = destination if isinstance(destination, _ports.Port) else _ports.resolve(destination)
    result = _route(o, d, speed, avoid_key)
    if strict and result.warnings:
        raise OffNetworkError(
            strict_message(result.warnings),
            result.warnings,
            _sealanes.limits().far_from_network_nm,
        )
    return result


def check_ends(o: _ports.Port, d: _ports.Port) -> None:
    """Refuse a pole as an end (:class:`InvalidCoordinateError`) or two ends at the same point
    (:class:`SameEndpointsError`, also ``180,52`` = ``-180,52``), naming the value."""
    for port, what in ((o, "origin"), (d, "destination")):
        lat = port.route_lat
        if abs(lat) >= 90.0:
            pole = "North" if lat > 0 else "South"
            raise InvalidCoordinateError(
                f"{what} {port.label}: latitude {lat:g} is the {pole} Pole, which no sea route "
                "reaches; accepted: a latitude strictly between -90 and 90 on the sea"
            )
    if distance_nm(o.route_coord, d.route_coord) == 0.0:
        same = o.label if o.label == d.label else f"{o.label} = {d.label}"
        raise SameEndpointsError(
            f"origin and destination are the same place ({same}); choose two different ports"
        )


def blocked_text(avoid: tuple[str, ...]) -> str:
    """The avoided passages as a reader names them, for a :class:`NoRouteError` message."""
    chosen = ", ".join(PASSAGE_LABELS.get(a, a) for a in avoid) or "none"
    return f"{chosen} (and always the Arctic lanes searoute tags 'northwest')"


def _step() -> float:
    return _sealanes.limits().densify_step_nm


def _crosses_avoided(coords: list[LonLat], avoid: tuple[str, ...]) -> bool:
    return bool(avoid) and bool(_passages.crossed(coords, avoid))


def snap(point: LonLat, avoid: tuple[str, ...]) -> tuple[LonLat, float] | None:
    """Where ``route()`` joins the network from ``point`` (``(lon, lat)``).

    The nearest of :data:`SNAP_CANDIDATES` nodes of the restricted network (on the sphere,
    across ±180°) whose snap leg's geodesic crosses no avoided gate, as ``(node, leg nm)``;
    ``None`` when every candidate's leg crosses one. ``avoid`` as :func:`normalise_avoid`
    returns it. The matrix engine snaps with this very function.
    """
    for node, nm in _network.nearest_nodes(point, avoid, SNAP_CANDIDATES):
        if not _crosses_avoided(densify([point, node], _step()), avoid):
            return node, nm
    return None


def on_seam(lon: float) -> bool:
    """True if the longitude (degrees, any window) is 180° (searoute's seam), to 1e-9°."""
    return math.isclose(lon % 360.0, 180.0, abs_tol=1e-9)


def seam_shortcut(prev: LonLat, node: LonLat, nxt: LonLat, avoid: tuple[str, ...]) -> bool:
    """True when ``route()`` drops ``node`` between ``prev`` and ``nxt`` (all ``(lon, lat)``).

    ``node`` must lie on 180° (searoute's seam) and the geodesic ``prev`` → ``nxt`` stay off the
    land layer and cross no avoided gate.
    """
    return (
        on_seam(node[0])
        and _sealanes.geodesic_at_sea(prev, nxt, exempt_ends=False)
        and not _crosses_avoided(densify([prev, nxt], _step()), avoid)
    )


def _drop_seam_detours(pts: list[LonLat], avoid: tuple[str, ...]) -> list[LonLat]:
    """Drop interior nodes on 180° for which :func:`seam_shortcut` holds, left to right."""
    out = list(pts)
    i = 1
    while i < len(out) - 1:
        if seam_shortcut(out[i - 1], out[i], out[i + 1], avoid):
            del out[i]
            continue
        i += 1
    return out


def direct_hop(o: LonLat, d: LonLat, avoid: tuple[str, ...]) -> list[LonLat] | None:
    """The direct geodesic ``o`` → ``d``, densified, if it stays at sea (land layer, ends
    exempt within its tolerance) and crosses no avoided gate; else ``None``."""
    if not _sealanes.geodesic_at_sea(o, d):
        return None
    line = densify([o, d], _step())
    return None if _crosses_avoided(line, avoid) else line


@lru_cache(maxsize=ROUTE_CACHE_SIZE)
def _route(o: _ports.Port, d: _ports.Port, speed: float, avoid: tuple[str, ...]) -> Route:
    check_ends(o, d)
    start, end = o.route_coord, d.route_coord
    coords = direct_hop(start, end, avoid)
    if coords is not None:
        return finish_route(o, d, coords, speed=speed, avoid=avoid, snap_nm=(0.0, 0.0))
    o_snap = snap(start, avoid)
    d_snap = snap(end, avoid)
    path = None
    if o_snap is not None and d_snap is not None:
        path = _network.shortest_path(o_snap[0], d_snap[0], avoid)
    if not path or o_snap is None or d_snap is None:
        raise NoRouteError(
            f"no sea route from {o.label} to {d.label} while avoiding: {blocked_text(avoid)}; "
            "allow one of those passages"
        )
    return network_route(o, d, path, speed=speed, avoid=avoid, snap_nm=(o_snap[1], d_snap[1]))


def network_route(
    o: _ports.Port,
    d: _ports.Port,
    path: list[LonLat],
    *,
    speed: float,
    avoid: tuple[str, ...],
    snap_nm: tuple[float, float],
) -> Route:
    """The :class:`Route` along the network ``path`` (its nodes, ``(lon, lat)``, from the
    origin's snap node to the destination's), as ``route()`` finishes it: snap legs added,
    longitudes unwrapped, repeated points and seam detours dropped, legs densified.

    ``snap_nm``: the snap legs' nm at origin and destination. Raises :class:`NoRouteError`
    if the finished line crosses an avoided gate. The matrix engine builds its routes here.
    """
    self_pts = unwrap_coords([o.route_coord, *path, d.route_coord])
    pts = [p for i, p in enumerate(self_pts) if i == 0 or p != self_pts[i - 1]]
    coords = densify(_drop_seam_detours(pts, avoid), _step())
    return finish_route(o, d, coords, speed=speed, avoid=avoid, snap_nm=snap_nm)


def finish_route(
    o: _ports.Port,
    d: _ports.Port,
    coords: list[LonLat],
    *,
    speed: float,
    avoid: tuple[str, ...],
    snap_nm: tuple[float, float],
) -> Route:
    """The :class:`Route` of the drawn ``coords`` (``(lon, lat)``, continuous): distance their
    geodesic length in nm, passages the gates they cross, warnings about the ends.

    Raises :class:`NoRouteError` if ``coords`` cross an avoided gate.
    """
    if _crosses_avoided(coords, avoid):  # every leg was checked; this guards the whole line
        raise NoRouteError(
            f"no sea route from {o.label} to {d.label} while avoiding: {blocked_text(avoid)}"
        )
    snap_o, snap_d = snap_nm
    warnings = (*end_warnings(o, "origin", snap_o), *end_warnings(d, "destination", snap_d))
    return Route(
        origin=o,
        destination=d,
        coords=tuple(coords),
        distance_nm=line_length_nm(coords),
        speed_kn=speed,
        avoid=avoid,
        passages=_passages.crossed(coords),
        origin_snap_nm=snap_o,
        destination_snap_nm=snap_d,
        great_circle_nm=distance_nm(o.route_coord, d.route_coord),
        warnings=warnings,
    )


def clear_caches() -> None:
    """Forget memoised routes and restricted networks (for benchmarks and tests)."""
    _route.cache_clear()
    _network.clear_caches()
