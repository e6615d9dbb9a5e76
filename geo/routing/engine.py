"""Sea routes between ports: the project's only caller of ``searoute``.

``route(origin, destination, *, speed_kn, avoid)`` resolves the two places, asks searoute for
the shortest path on its maritime network, and measures the result geodesically (WGS 84).

searoute keeps one network graph per process and sets the restricted passages on it just
before each search, so concurrent calls with different restrictions would race. Every call into
searoute here holds :data:`_SEAROUTE_LOCK`; the search is pure Python under the GIL, so the lock
costs no throughput. Results are memoised: the geometry per (points, avoid set), the whole
:class:`Route` per (origin, destination, speed, avoid set).
"""

from __future__ import annotations

import math
import threading
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from searoute import searoute as _searoute_call
from searoute.classes.passages import Passage
from shapely.geometry import LineString

from geo.catalogue import ports as _ports
from geo.errors import (
    InvalidSpeedError,
    NoRouteError,
    SameEndpointsError,
    UnknownPassageError,
)
from geo.routing.antimeridian import unwrap_coords, wrap_lon
from geo.routing.geodesy import distance_nm, line_length_nm
from geo.settings import DEFAULT_SPEED_KN, HOURS_PER_DAY, KM_PER_NM, MAX_SPEED_KN, ROUTE_CACHE_SIZE

_SEAROUTE_LOCK = threading.Lock()

#: Passages searoute can avoid. The Northwest Passage is always avoided (seasonal ice;
#: searoute's own default), so it is not offered.
ALWAYS_AVOIDED: tuple[str, ...] = ("northwest",)
PASSAGES: tuple[str, ...] = tuple(
    sorted(p for p in Passage.valid_passages() if isinstance(p, str) and p not in ALWAYS_AVOIDED)
)
PASSAGE_LABELS: dict[str, str] = {
    "babalmandab": "Bab-el-Mandeb",
    "bering": "Bering Strait",
    "bosporus": "Bosporus",
    "chili": "Strait of Magellan (Chile)",
    "gibraltar": "Strait of Gibraltar",
    "malacca": "Strait of Malacca",
    "ormuz": "Strait of Hormuz",
    "panama": "Panama Canal",
    "south_africa": "Cape of Good Hope",
    "suez": "Suez Canal",
    "sunda": "Sunda Strait",
}
_PASSAGE_ALIASES: dict[str, str] = {
    "cape": "south_africa",
    "good hope": "south_africa",
    "cape of good hope": "south_africa",
    "hormuz": "ormuz",
    "magellan": "chili",
    "bab el mandeb": "babalmandab",
    "bab-el-mandeb": "babalmandab",
}


@dataclass(frozen=True)
class Route:
    """A measured sea route. Coordinates are ``(lon, lat)``.

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
    """``speed_kn`` as a float, or :class:`InvalidSpeedError` naming the value."""
    if isinstance(speed_kn, bool):
        raise InvalidSpeedError(
            f"speed {speed_kn!r} is not a number; accepted: more than 0 and at most "
            f"{MAX_SPEED_KN:g} knots"
        )
    if not isinstance(speed_kn, (int, float)):
        try:
            value = float(speed_kn)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise InvalidSpeedError(
                f"speed {speed_kn!r} is not a number; accepted: more than 0 and at most "
                f"{MAX_SPEED_KN:g} knots"
            ) from None
    else:
        value = float(speed_kn)
    if not math.isfinite(value) or not 0 < value <= MAX_SPEED_KN:
        raise InvalidSpeedError(
            f"speed {speed_kn!r} kn is out of range; accepted: more than 0 and at most "
            f"{MAX_SPEED_KN:g} knots"
        )
    return value


def normalise_avoid(avoid: Iterable[str] | str | None) -> tuple[str, ...]:
    """Passage names, checked and sorted; accepts a comma-separated string or any iterable."""
    if avoid is None:
        return ()
    items = avoid.split(",") if isinstance(avoid, str) else list(avoid)
    out: set[str] = set()
    for item in items:
        if not isinstance(item, str):
            raise UnknownPassageError(
                f"passage {item!r} is not a name; accepted: {', '.join(PASSAGES)}"
            )
        key = " ".join(item.strip().lower().replace("_", " ").split())
        if not key:
            continue
        name = _PASSAGE_ALIASES.get(key, key.replace(" ", "_"))
        if name in ALWAYS_AVOIDED:
            continue
        if name not in PASSAGES:
            raise UnknownPassageError(
                f"unknown passage {item.strip()!r}; accepted: {', '.join(PASSAGES)}"
            )
        out.add(name)
    return tuple(sorted(out))


@lru_cache(maxsize=ROUTE_CACHE_SIZE)
def _path(
    start: tuple[float, float], end: tuple[float, float], avoid: tuple[str, ...]
) -> tuple[tuple[tuple[float, float], ...], tuple[str, ...], float, float]:
    """Searoute's path between two ``(lon, lat)`` points; the one place searoute is called.

    Returns (continuous coords, passages crossed, snap nm at start, snap nm at end).
    """
    restrictions = [*ALWAYS_AVOIDED, *avoid]
    with _SEAROUTE_LOCK, warnings.catch_warnings(record=True) as caught:
        # searoute warns "No path found", then returns a line from origin straight to destination
        warnings.simplefilter("always")
        feature = _searoute_call(
            list(start),
            list(end),
            units="km",
            append_orig_dest=True,
            restrictions=restrictions,
            return_passages=True,
        )
        network = _searoute_call.__globals__["setup_M"](None)
        start_on_network = tuple(start) in network
        end_on_network = tuple(end) in network
    if isinstance(feature, list):  # only with port matrices, which this module never asks for
        feature = feature[0]
    raw = feature["geometry"]["coordinates"]
    length = feature["properties"].get("length", 0.0)
    no_path = any("No path found" in str(w.message) for w in caught)
    if no_path or len(raw) < 2 or not math.isfinite(length):
        blocked = ", ".join(PASSAGE_LABELS.get(a, a) for a in avoid) or "none"
        raise NoRouteError(
            f"no sea route from {start} to {end} while avoiding: {blocked}; "
            "allow one of those passages"
        )
    unwrapped = unwrap_coords(raw)
    # searoute repeats its antimeridian junction node; a zero-length step helps nobody
    coords = tuple(c for i, c in enumerate(unwrapped) if i == 0 or c != unwrapped[i - 1])
    snap_start = 0.0 if start_on_network or len(coords) < 3 else distance_nm(coords[0], coords[1])
    snap_end = 0.0 if end_on_network or len(coords) < 3 else distance_nm(coords[-2], coords[-1])
    passages = tuple(sorted(feature["properties"].get("traversed_passages", [])))
    return coords, passages, snap_start, snap_end


def route(
    origin: str | _ports.Port,
    destination: str | _ports.Port,
    *,
    speed_kn: float = DEFAULT_SPEED_KN,
    avoid: Iterable[str] | str | None = (),
) -> Route:
    """The sea route from ``origin`` to ``destination``.

    ``origin`` / ``destination``: a :class:`~geo.catalogue.ports.Port` or anything
    :func:`geo.catalogue.ports.resolve` accepts (UN/LOCODE, name, ``'lon,lat'``, ``San Pedro Bay``).
    ``speed_kn``: in (0, 40]. ``avoid``: passage names from :data:`PASSAGES`.

    Raises a :class:`~geo.errors.GeoError` subclass naming the bad value.
    """
    speed = validate_speed(speed_kn)
    avoid_key = normalise_avoid(avoid)
    o = origin if isinstance(origin, _ports.Port) else _ports.resolve(origin)
    d = destination if isinstance(destination, _ports.Port) else _ports.resolve(destination)
    return _route(o, d, speed, avoid_key)


@lru_cache(maxsize=ROUTE_CACHE_SIZE)
def _route(o: _ports.Port, d: _ports.Port, speed: float, avoid: tuple[str, ...]) -> Route:
    if o.route_coord == d.route_coord:
        raise SameEndpointsError(
            f"origin and destination are the same place ({o.label}); choose two different ports"
        )
    coords, passages, snap_o, snap_d = _path(o.route_coord, d.route_coord, avoid)
    return Route(
        origin=o,
        destination=d,
        coords=coords,
        distance_nm=line_length_nm(coords),
        speed_kn=speed,
        avoid=avoid,
        passages=passages,
        origin_snap_nm=snap_o,
        destination_snap_nm=snap_d,
        great_circle_nm=distance_nm(o.route_coord, d.route_coord),
    )


def clear_caches() -> None:
    """Forget memoised routes (for benchmarks and tests)."""
    _path.cache_clear()
    _route.cache_clear()
