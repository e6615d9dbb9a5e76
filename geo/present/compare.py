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
from dataclasses import dataclass
from typing import Final, Literal

import pandas as pd

from geo.catalogue import ports as _ports
from geo.errors import GeoError, NoRouteError
from geo.present.avoidance import avoid_label, parse_avoid_set, passages_label
from geo.present.compare_co2 import co2_t
from geo.present.layers import display_window
from geo.routing import engine as routing
from geo.routing.antimeridian import shift_coords, shift_lon
from geo.settings import DEFAULT_SPEED_KN, HOURS_PER_DAY

Mode = Literal["pairs", "avoid"]
LonLat = tuple[float, float]

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

NO_ROUTE: Final[str] = "no route"
CO2_COLUMN: Final[str] = "CO₂ per voyage (t)"
#: The colour of the line-pattern rows of a legend (the pattern is what they explain).
LEGEND_GREY: Final[str] = "#5b6470"


class TooManyLanesError(GeoError):
    """More ports or avoidance sets than a comparison takes."""


@dataclass(frozen=True)
class LaneStyle:
    """How a lane is drawn: ``colour`` (CSS hex) and ``dash`` (SVG ``dashArray``, "" solid)."""

    colour: str
    dash: str = ""


@dataclass(frozen=True)
class LegendGroup:
    """A heading and its legend rows, each ``(label, style)``."""

    heading: str
    items: tuple[tuple[str, LaneStyle], ...]


@dataclass(frozen=True)
class CompareRow:
    """One lane of a comparison. ``route`` is ``None`` when no sea route exists (``reason``
    says why). ``delta_nm`` / ``delta_days``: more than the shortest lane (0 for it; ``None``
    without a route). ``number`` is the lane's place in the sorted table, from 1."""

    number: int
    origin: _ports.Port
    destination: _ports.Port
    avoid: tuple[str, ...]
    route: routing.Route | None
    reason: str
    delta_nm: float | None
    delta_days: float | None
    style: LaneStyle
    co2_t: float | None = None

    @property
    def distance_nm(self) -> float | None:
        return self.route.distance_nm if self.route else None

    @property
    def days(self) -> float | None:
        return self.route.duration_days if self.route else None


@dataclass(frozen=True)
class Comparison:
    """Lanes side by side, shortest first (lanes with no route last, in the order asked)."""

    mode: Mode
    speed_kn: float
    rows: tuple[CompareRow, ...]
    window_west_deg: float
    colour_by: Literal["origin", "destination", "avoid"] = "destination"
    #: Pairs asked for but left out before routing (``Long Beach → Long Beach``: one port).
    left_out: tuple[str, ...] = ()

    def label(self, row: CompareRow) -> str:
        """A lane's name: ``Shanghai → Los Angeles`` (pairs) or ``Avoid Suez Canal`` (avoid)."""
        if self.mode == "avoid":
            return avoid_label(row.avoid)
        return f"{row.origin.name} → {row.destination.name}"

    @property
    def title(self) -> str:
        """``Compare lanes: 3 origins × 4 destinations`` or ``Compare lanes: Shanghai →
        Rotterdam, 3 avoidance sets``. Counts only the lanes compared (with a sea route); when
        they are not every origin × destination, the lane count comes first (``3 lanes from 2
        origins to 2 destinations``). :meth:`notes` names the lanes left out."""
        if self.mode == "avoid":
            first = self.rows[0]
            return (
                f"Compare lanes: {first.origin.name} → {first.destination.name}, "
                f"{_count(len(self.routed), 'avoidance set')}"
            )
        n_o = len({r.origin.id for r in self.routed})
        n_d = len({r.destination.id for r in self.routed})
        if len(self.routed) == n_o * n_d:
            return f"Compare lanes: {_count(n_o, 'origin')} × {_count(n_d, 'destination')}"
        return (
            f"Compare lanes: {_count(len(self.routed), 'lane')} from {_count(n_o, 'origin')} "
            f"to {_count(n_d, 'destination')}"
        )

    def notes(self) -> tuple[str, ...]:
        """One line per lane asked for but not compared: a pair with one port at both ends,
        a lane with no sea route (and why)."""
        same = tuple(f"Left out: {pair} (the same port at both ends)." for pair in self.left_out)
        return same + tuple(
            f"Not compared: {self.label(r)}: {r.reason}." for r in self.rows if r.route is None
        )

    @property
    def routed(self) -> tuple[CompareRow, ...]:
        return tuple(r for r in self.rows if r.route is not None)  # the rows with a route

    @property
    def shortest(self) -> CompareRow | None:
        """The shortest lane, or ``None`` when no lane has a route."""
        return next(iter(self.routed), None)

    def warnings(self) -> tuple[str, ...]:
        """The routing engine's warnings (an end on land or far from the sea lanes), by lane."""
        return tuple(f"Lane {r.number}: {w}" for r in self.routed for w in r.route.warnings)  # type: ignore[union-attr]

    def summary(self) -> str:
        """One line: the shortest lane and the spread, e.g. ``Shortest: Busan → Seattle,
        4,607 nm · 10.7 days at 18 kn. Longest: … (+1,322 nm, +3.1 days).``"""
        best = self.shortest
        if best is None:
            return "No lane has a sea route with these choices."
        text = f"Shortest: {self.label(best)}, {_nm(best.distance_nm)} · {_days(best.days)}"
        text += f" at {self.speed_kn:g} kn."
        worst = self.routed[-1]
        if worst is not best:
            text += (
                f" Longest: {self.label(worst)}, {_nm(worst.distance_nm)} "
                f"({_signed(worst.delta_nm, 0)} nm, {_signed(worst.delta_days, 1)} days)."
            )
        return text

    def legend(self) -> tuple[LegendGroup, ...]:
        """What the map's legend explains, in groups of ``(label, style)`` rows.

        ``pairs``: one group for the colours (``Colour: destination``, one row per port) and
        one for the line patterns (``Line: origin``, drawn in grey). ``avoid``: one row per
        lane (no heading), numbered as in the table, with its distance.
        """
        if self.mode == "avoid":
            items = tuple(
                (
                    f"{r.number} · {self.label(r)} · {_nm(r.distance_nm)}",
                    r.style if r.route else LaneStyle(LEGEND_GREY, "2 6"),  # nothing drawn
                )
                for r in self.rows
            )
            return (LegendGroup("", items),)
        dash_by = "origin" if self.colour_by == "destination" else "destination"
        colours: dict[str, tuple[str, LaneStyle]] = {}
        dashes: dict[str, tuple[str, LaneStyle]] = {}
        for r in self.rows:
            by_colour = r.destination if self.colour_by == "destination" else r.origin
            by_dash = r.origin if self.colour_by == "destination" else r.destination
            colours.setdefault(by_colour.id, (by_colour.name, LaneStyle(r.style.colour)))
            dashes.setdefault(by_dash.id, (by_dash.name, LaneStyle(LEGEND_GREY, r.style.dash)))
        groups = [LegendGroup(f"Colour: {self.colour_by}", tuple(colours.values()))]
        if len(dashes) > 1:
            groups.append(LegendGroup(f"Line: {dash_by}", tuple(dashes.values())))
        return tuple(groups)

    def table(self) -> pd.DataFrame:
        """The table as the page shows it: every figure formatted, units in the headers.

        Columns: ``#``, ``Origin``, ``Destination``, (``Avoiding`` for ``mode="avoid"``),
        ``Distance (nm)``, ``Days at <speed> kn``, ``Δ nm``, ``Δ days``, :data:`CO2_COLUMN`
        (tank-to-wake per voyage, :func:`geo.present.compare_co2.co2_note`), ``Passages``.
        A lane with no route reads ``no route`` and its reason in ``Passages``; a lane
        identical to an earlier one says so there (``same lane as #2``).
        """
        days_col = f"Days at {self.speed_kn:g} kn"
        out: list[dict[str, str]] = []
        first_with: dict[tuple[LonLat, ...], int] = {}
        for r in self.rows:
            row = {"#": str(r.number), "Origin": r.origin.name, "Destination": r.destination.name}
            if self.mode == "avoid":
                row["Avoiding"] = avoid_label(r.avoid)
            if r.route is None:
                row |= {"Distance (nm)": NO_ROUTE, days_col: "—", "Δ nm": "—", "Δ days": "—"}
                row[CO2_COLUMN] = "—"
                row["Passages"] = r.reason
            else:
                row |= {
                    "Distance (nm)": f"{r.route.distance_nm:,.0f}",
                    days_col: f"{r.route.duration_days:,.1f}",
                    "Δ nm": "shortest" if r.number == 1 else _signed(r.delta_nm, 0),
                    "Δ days": "—" if r.number == 1 else _signed(r.delta_days, 1),
                    CO2_COLUMN: "—" if r.co2_t is None else f"{r.co2_t:,.0f}",
                    "Passages": passages_label(r.route.passages),
                }
                same = first_with.setdefault(r.route.coords, r.number)
                if same != r.number:  # two avoidance sets can give the very same lane
                    row["Passages"] += f" (same lane as #{same})"
            out.append(row)
        return pd.DataFrame(out)

    def display_coords(self, row: CompareRow) -> list[LonLat]:
        """``row``'s line in the map's window (``window_west_deg`` … ``+360``), continuous
        across 180° (it may run past the window's east edge); ``[]`` without a route."""
        if row.route is None:
            return []
        return shift_coords(row.route.coords, self.window_west_deg)

    def display_ports(self) -> list[tuple[_ports.Port, LonLat]]:
        """Every lane end once, as ``(port, (lon, lat))`` beside the lines that end there:
        a port reached both westward and eastward (Rotterdam via Suez and via Panama) is
        listed at both ends. Lanes with no route still list their ports (in the window)."""
        seen: dict[tuple[str, float], tuple[_ports.Port, LonLat]] = {}
        for row in self.rows:
            coords = self.display_coords(row)
            for port, end in ((row.origin, 0), (row.destination, -1)):
                near = coords[end][0] if coords else shift_lon(port.lon, self.window_west_deg)
                lon = port.lon + 360.0 * round((near - port.lon) / 360.0)
                seen.setdefault((port.id, round(lon, 3)), (port, (lon, port.lat)))
        return list(seen.values())


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _nm(value: float | None) -> str:
    return NO_ROUTE if value is None else f"{value:,.0f} nm"


def _days(value: float | None) -> str:
    return "—" if value is None else f"{value:,.1f} days"


def _signed(value: float | None, digits: int) -> str:
    if value is None:
        return "—"
    text = f"{value:+,.{digits}f}"
    return "0" if text.lstrip("+-").strip("0.,") == "" else text


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
) -> Comparison:
    """Measure ``lanes``, sort them shortest first and give each its difference."""
    measured = [
        (o, d, avoid, style, *_lane(o, d, speed, avoid))
        for o, d, avoid, style in lanes
        if o.route_coord != d.route_coord
    ]
    left_out = tuple(
        f"{o.name} → {d.name}" for o, d, _, _ in lanes if o.route_coord == d.route_coord
    )
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
    return Comparison(mode, speed, tuple(rows), display_window(routes), colour_by, left_out)


def compare_pairs(
    origins: Iterable[str | _ports.Port],
    destinations: Iterable[str | _ports.Port],
    *,
    speed_kn: float = DEFAULT_SPEED_KN,
    avoid: Iterable[str] | str | None = (),
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
    return _finish("pairs", speed, lanes, "origin" if by_origin else "destination")


def compare_avoidance(
    origin: str | _ports.Port,
    destination: str | _ports.Port,
    avoid_sets: Iterable[Iterable[str] | str],
    *,
    speed_kn: float = DEFAULT_SPEED_KN,
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
    return _finish("avoid", speed, lanes, "avoid")
