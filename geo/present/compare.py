"""Several lanes side by side: the model the "Compare lanes" page and its map read.

Two ways to choose the lanes: :func:`compare_pairs` (every origin × every destination, one
set of avoided passages) and :func:`compare_avoidance` (one origin and destination under
several avoidance sets: ``()`` for none, ``("suez",)``, ``("panama", "suez")`` …).

Each lane is measured by :func:`geo.routing.engine.route`, the same call the lane page makes,
so a lane's figures here equal the main page's. An alias with member ports (``San Pedro Bay``)
is expanded to its members, as the main page draws it. A lane the avoided passages block is
kept as a row with ``route=None`` and the reason, in port names.

Every figure is formatted here, once (:meth:`Comparison.table`): whole nautical miles with
thousands separators, days to one decimal, differences signed. Each lane also gets its look on
a map (:class:`LaneStyle`: a colour from the colour-blind-safe Okabe–Ito set and a dash
pattern), and its line in the map's one display window (:meth:`Comparison.display_coords`).
Coordinates are ``(lon, lat)`` degrees.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Literal

from geo.catalogue import ports as _ports
from geo.errors import GeoError, NoRouteError
from geo.i18n import translator
from geo.present.avoidance import avoid_label, parse_avoid_set
from geo.present.compare_co2 import co2_t
from geo.present.compare_model import (
    CO2_COLUMN,
    LEGEND_GREY,
    NO_ROUTE,
    CompareRow,
    Comparison,
    LaneStyle,
    LegendGroup,
    LonLat,
    Mode,
)
from geo.present.layers import display_window
from geo.routing import engine as routing
from geo.settings import DEFAULT_SPEED_KN, HOURS_PER_DAY

__all__ = [
    "CO2_COLUMN",
    "LANE_COLOURS",
    "LANE_DASHES",
    "LEGEND_GREY",
    "MAX_AVOID_SETS",
    "MAX_PORTS_PER_SIDE",
    "NO_ROUTE",
    "CompareRow",
    "Comparison",
    "LaneStyle",
    "LegendGroup",
    "LonLat",
    "Mode",
    "TooManyLanesError",
    "avoid_label",
    "compare_avoidance",
    "compare_pairs",
    "resolve_ports",
]

#: At most this many ports on each side of a comparison (6 × 6 = 36 lanes).
MAX_PORTS_PER_SIDE: Final[int] = 6
#: At most this many avoidance sets for one pair.
MAX_AVOID_SETS: Final[int] = 6

#: Okabe–Ito colours (colour-blind-safe), yellow left out (it vanishes on a pale map).
LANE_COLOURS: Final[tuple[str, ...]] = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
)
#: SVG/Leaflet ``dashArray`` patterns ("" is a solid line), one per port of the other side.
LANE_DASHES: Final[tuple[str, ...]] = ("", "10 7", "2 6", "14 5 2 5", "6 4", "1 4 6 4")


class TooManyLanesError(GeoError):
    """More ports or avoidance sets than a comparison takes."""


def resolve_ports(places: Iterable[str | _ports.Port], *, what: str) -> tuple[_ports.Port, ...]:
    """Ports for ``places`` (anything :func:`geo.catalogue.ports.resolve` takes), aliases
    expanded to their member ports, duplicates dropped, order kept.

    ``what`` names the side in messages (``origins``). Raises
    :class:`~geo.errors.UnknownPortError` (with close matches) for an unknown name, and
    :class:`TooManyLanesError` for none or more than :data:`MAX_PORTS_PER_SIDE` ports.
    """
    out: dict[str, _ports.Port] = {}
    for place in places:
        port = place if isinstance(place, _ports.Port) else _ports.resolve(place)
        for member in _ports.members(port):
            out.setdefault(member.id, member)
    if not out or len(out) > MAX_PORTS_PER_SIDE:
        raise TooManyLanesError(
            f"{len(out)} {what} given; accepted: 1 to {MAX_PORTS_PER_SIDE} ports"
        )
    return tuple(out.values())


def _lane(
    o: _ports.Port, d: _ports.Port, speed: float, avoid: tuple[str, ...]
) -> tuple[routing.Route | None, str]:
    """The route, or ``None`` and why (in port names: the engine's message gives points)."""
    try:
        return routing.route(o, d, speed_kn=speed, avoid=avoid), ""
    except NoRouteError:
        blocked = " + ".join(routing.PASSAGE_LABELS.get(p, p) for p in avoid) or "nothing"
        return None, f"no sea route from {o.name} to {d.name} avoiding {blocked}"


def _finish(
    mode: Mode,
    speed: float,
    lanes: list[tuple[_ports.Port, _ports.Port, tuple[str, ...], LaneStyle]],
    colour_by: Literal["origin", "destination", "avoid"],
    lang: str = "en",
) -> Comparison:
    """Measure ``lanes``, sort them shortest first and give each its difference."""
    measured = [
        (o, d, avoid, style, *_lane(o, d, speed, avoid))
        for o, d, avoid, style in lanes
        if o.route_coord != d.route_coord
    ]
    left_out = tuple((o, d) for o, d, _, _ in lanes if o.route_coord == d.route_coord)
    if not measured:
        raise GeoError("every lane asked for starts and ends at the same port; choose two ports")

    def length(i: int) -> tuple[bool, float]:
        route = measured[i][4]
        return (route is None, 0.0 if route is None else route.distance_nm)

    order = sorted(range(len(measured)), key=length)  # stable: ties keep the order asked
    best = measured[order[0]][4]
    rows = []
    for number, i in enumerate(order, start=1):
        o, d, avoid, style, route, reason = measured[i]
        delta_nm = delta_days = None
        if route is not None and best is not None:
            delta_nm = route.distance_nm - best.distance_nm
            delta_days = delta_nm / speed / HOURS_PER_DAY
        co2 = None if route is None else co2_t(route, speed)
        rows.append(
            CompareRow(number, o, d, avoid, route, reason, delta_nm, delta_days, style, co2)
        )
    routes = [r.route for r in rows if r.route is not None]
    return Comparison(
        mode,
        speed,
        tuple(rows),
        display_window(routes),
        colour_by,
        left_out,
        lang=translator(lang).lang,
    )


def compare_pairs(
    origins: Iterable[str | _ports.Port],
    destinations: Iterable[str | _ports.Port],
    *,
    speed_kn: float = DEFAULT_SPEED_KN,
    avoid: Iterable[str] | str | None = (),
    lang: str = "en",
) -> Comparison:
    """Every origin × destination lane (a pair of the same port is left out).

    Styles: the side with more ports gives the colour (a destination's lanes share it when
    the sides are equal), the other side the dash pattern, so every lane looks different.
    Raises a :class:`~geo.errors.GeoError` subclass naming the bad value (unknown port with
    close matches, bad speed or passage, too many ports).
    """
    speed = routing.validate_speed(speed_kn)
    avoid_key = routing.normalise_avoid(avoid)
    os_ = resolve_ports(origins, what="origins")
    ds = resolve_ports(destinations, what="destinations")
    by_origin = len(os_) > len(ds)
    lanes = []
    for i, o in enumerate(os_):
        for j, d in enumerate(ds):
            colour, dash = (i, j) if by_origin else (j, i)
            style = LaneStyle(LANE_COLOURS[colour], LANE_DASHES[dash])
            lanes.append((o, d, avoid_key, style))
    return _finish("pairs", speed, lanes, "origin" if by_origin else "destination", lang)


def compare_avoidance(
    origin: str | _ports.Port,
    destination: str | _ports.Port,
    avoid_sets: Iterable[Iterable[str] | str],
    *,
    speed_kn: float = DEFAULT_SPEED_KN,
    lang: str = "en",
) -> Comparison:
    """One lane under each set of avoided passages (``()`` or ``"none"`` for none).

    An alias origin or destination stands for its first member port (Los Angeles for San Pedro
    Bay), the main page's headline route. Duplicate sets are dropped. Raises a
    :class:`~geo.errors.GeoError` subclass naming the bad value.
    """
    speed = routing.validate_speed(speed_kn)
    o = resolve_ports([origin], what="origins")[0]
    d = resolve_ports([destination], what="destinations")[0]
    sets: dict[tuple[str, ...], None] = {}
    for s in avoid_sets:
        sets.setdefault(parse_avoid_set(s), None)
    if not sets or len(sets) > MAX_AVOID_SETS:
        raise TooManyLanesError(
            f"{len(sets)} avoidance sets given; accepted: 1 to {MAX_AVOID_SETS}"
        )
    lanes = [(o, d, s, LaneStyle(LANE_COLOURS[k])) for k, s in enumerate(sets)]
    return _finish("avoid", speed, lanes, "avoid", lang)
