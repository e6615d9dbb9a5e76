"""The compare page's model types: a lane's look (:class:`LaneStyle`), its row
(:class:`CompareRow`) and the whole comparison (:class:`Comparison`) with every text and figure
formatted once (title, notes, summary, legend, table) and every line in the map's one display
window. :mod:`geo.present.compare` builds them. Coordinates are ``(lon, lat)`` degrees.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

import pandas as pd

from geo.catalogue import ports as _ports
from geo.i18n import N_, Translator, translator
from geo.present.avoidance import avoid_label, both_words, passages_label
from geo.present.localnames import port_name
from geo.present.routewarn import warning_texts
from geo.present.wording import passage_labels
from geo.routing import engine as routing
from geo.routing.antimeridian import shift_coords, shift_lon

Mode = Literal["pairs", "avoid"]
LonLat = tuple[float, float]

NO_ROUTE: Final[str] = N_("no route")
CO2_COLUMN: Final[str] = N_("CO₂ per voyage (t)")
#: A lane cut at the one-world map's edge (round the world by Suez and by Panama).
CONTINUES: Final[str] = N_("{lane} continues at the map's other edge")
#: The colour of the line-pattern rows of a legend (the pattern is what they explain).
LEGEND_GREY: Final[str] = "#5b6470"


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
    left_out: tuple[tuple[_ports.Port, _ports.Port], ...] = ()
    #: The language of every text (``en`` or ``zh``); the figures do not depend on it.
    lang: str = "en"

    @property
    def tr(self) -> Translator:
        return translator(self.lang)

    def name(self, port: _ports.Port) -> str:
        """A port's name in the comparison's language (``Shanghai`` / ``上海``)."""
        return port_name(port, self.lang)

    def label(self, row: CompareRow) -> str:
        """A lane's name: ``Shanghai → Los Angeles`` (pairs) or ``Avoid Suez Canal`` (avoid)."""
        if self.mode == "avoid":
            return avoid_label(row.avoid, self.tr)
        return f"{self.name(row.origin)} → {self.name(row.destination)}"

    def continues(self, row: CompareRow) -> str:
        """What the mark at a lane's end on the one-world map's edge says (the lane goes on
        from the map's other edge): ``2 · Avoid Suez Canal continues at the other edge``."""
        return self.tr(CONTINUES, lane=f"{row.number} · {self.label(row)}")

    def reason(self, row: CompareRow) -> str:
        """Why a lane has no route, in the comparison's language (English: the reason kept)."""
        if not self.tr.chinese or row.route is not None:
            return row.reason
        tr = self.tr
        return tr(
            "no sea route from {origin} to {destination} avoiding {passages}",
            origin=self.name(row.origin),
            destination=self.name(row.destination),
            passages=both_words(passage_labels(row.avoid, tr), tr) or tr("nothing"),
        )

    def _title_zh(self) -> str:
        """The Chinese title, counting what :attr:`title` counts (Chinese has no plural)."""
        tr = self.tr
        if self.mode == "avoid":
            first = self.rows[0]
            return tr(
                "Compare lanes: {origin} → {destination}, {count} avoidance sets",
                origin=self.name(first.origin),
                destination=self.name(first.destination),
                count=len(self.routed),
            )
        n_o = len({r.origin.id for r in self.routed})
        n_d = len({r.destination.id for r in self.routed})
        if len(self.routed) == n_o * n_d:
            return tr(
                "Compare lanes: {origins} origins × {destinations} destinations",
                origins=n_o,
                destinations=n_d,
            )
        return tr(
            "Compare lanes: {lanes} lanes from {origins} origins to {destinations} destinations",
            lanes=len(self.routed),
            origins=n_o,
            destinations=n_d,
        )

    @property
    def title(self) -> str:
        """``Compare lanes: 3 origins × 4 destinations`` or ``Compare lanes: Shanghai →
        Rotterdam, 3 avoidance sets``. Counts only the lanes compared (with a sea route); when
        they are not every origin × destination, the lane count comes first (``3 lanes from 2
        origins to 2 destinations``). :meth:`notes` names the lanes left out."""
        if self.tr.chinese:
            return self._title_zh()
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
        tr = self.tr
        same = tuple(
            tr(
                "Left out: {pair} (the same port at both ends).",
                pair=f"{self.name(o)} → {self.name(d)}",
            )
            for o, d in self.left_out
        )
        return same + tuple(
            tr("Not compared: {lane}: {reason}.", lane=self.label(r), reason=self.reason(r))
            for r in self.rows
            if r.route is None
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
        tr = self.tr
        return tuple(
            tr("Lane {number}: {warning}", number=r.number, warning=w)
            for r in self.routed
            for w in warning_texts(r.route.warnings, tr)  # type: ignore[union-attr]
        )

    def summary(self) -> str:
        """One line: the shortest lane and the spread, e.g. ``Shortest: Busan → Seattle,
        4,607 nm · 10.7 days at 18 kn. Longest: … (+1,322 nm, +3.1 days).``"""
        best = self.shortest
        tr = self.tr
        if best is None:
            return tr("No lane has a sea route with these choices.")
        text = tr(
            "Shortest: {lane}, {distance} · {days} at {speed} kn.",
            lane=self.label(best),
            distance=_nm(best.distance_nm, tr),
            days=_days(best.days, tr),
            speed=f"{self.speed_kn:g}",
        )
        worst = self.routed[-1]
        if worst is not best:
            text += tr(
                " Longest: {lane}, {distance} ({delta_nm} nm, {delta_days} days).",
                lane=self.label(worst),
                distance=_nm(worst.distance_nm, tr),
                delta_nm=_signed(worst.delta_nm, 0),
                delta_days=_signed(worst.delta_days, 1),
            )
        return text

    def legend(self) -> tuple[LegendGroup, ...]:
        """What the map's legend explains, in groups of ``(label, style)`` rows.

        ``pairs``: one group for the colours (``Colour: destination``, one row per port) and
        one for the line patterns (``Line: origin``, drawn in grey). ``avoid``: one row per
        lane (no heading), numbered as in the table, with its distance.
        """
        tr = self.tr
        if self.mode == "avoid":
            items = tuple(
                (
                    f"{r.number} · {self.label(r)} · {_nm(r.distance_nm, tr)}",
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
            colours.setdefault(by_colour.id, (self.name(by_colour), LaneStyle(r.style.colour)))
            dashes.setdefault(
                by_dash.id, (self.name(by_dash), LaneStyle(LEGEND_GREY, r.style.dash))
            )
        groups = [LegendGroup(tr(_COLOUR_BY[self.colour_by]), tuple(colours.values()))]
        if len(dashes) > 1:
            groups.append(LegendGroup(tr(_LINE_BY[dash_by]), tuple(dashes.values())))
        return tuple(groups)

    def table(self) -> pd.DataFrame:
        """The table as the page shows it: every figure formatted, units in the headers.

        Columns: ``#``, ``Origin``, ``Destination``, (``Avoiding`` for ``mode="avoid"``),
        ``Distance (nm)``, ``Days at <speed> kn``, ``Δ nm``, ``Δ days``, :data:`CO2_COLUMN`
        (tank-to-wake per voyage, :func:`geo.present.compare_co2.co2_note`), ``Passages``.
        A lane with no route reads ``no route`` and its reason in ``Passages``; a lane
        identical to an earlier one says so there (``same lane as #2``).
        """
        tr = self.tr
        days_col = tr("Days at {speed} kn", speed=f"{self.speed_kn:g}")
        col = {k: tr(k) for k in _COLUMNS}
        out: list[dict[str, str]] = []
        first_with: dict[tuple[LonLat, ...], int] = {}
        for r in self.rows:
            row = {
                "#": str(r.number),
                col["Origin"]: self.name(r.origin),
                col["Destination"]: self.name(r.destination),
            }
            if self.mode == "avoid":
                row[col["Avoiding"]] = avoid_label(r.avoid, tr)
            if r.route is None:
                row |= {
                    col["Distance (nm)"]: tr(NO_ROUTE),
                    days_col: "—",
                    col["Δ nm"]: "—",
                    col["Δ days"]: "—",
                }
                row[col[CO2_COLUMN]] = "—"
                row[col["Passages"]] = self.reason(r)
            else:
                passages = (
                    tr.join(passage_labels(r.route.passages, tr)) or tr("open sea only")
                    if tr.chinese
                    else passages_label(r.route.passages)
                )
                row |= {
                    col["Distance (nm)"]: tr.number(r.route.distance_nm),
                    days_col: tr.number(r.route.duration_days, 1),
                    col["Δ nm"]: tr("shortest") if r.number == 1 else _signed(r.delta_nm, 0),
                    col["Δ days"]: "—" if r.number == 1 else _signed(r.delta_days, 1),
                    col[CO2_COLUMN]: "—" if r.co2_t is None else tr.number(r.co2_t),
                    col["Passages"]: passages,
                }
                same = first_with.setdefault(r.route.coords, r.number)
                if same != r.number:  # two avoidance sets can give the very same lane
                    row[col["Passages"]] += tr(" (same lane as #{number})", number=same)
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


#: The table's headers (English: the keys themselves).
_COLUMNS: Final[tuple[str, ...]] = (
    N_("Origin"),
    N_("Destination"),
    N_("Avoiding"),
    N_("Distance (nm)"),
    N_("Δ nm"),
    N_("Δ days"),
    CO2_COLUMN,
    N_("Passages"),
)
#: The legend's headings (the dimension a lane's colour or line pattern stands for).
_COLOUR_BY: Final[dict[str, str]] = {
    "origin": N_("Colour: origin"),
    "destination": N_("Colour: destination"),
    "avoid": N_("Colour: avoid"),
}
_LINE_BY: Final[dict[str, str]] = {
    "origin": N_("Line: origin"),
    "destination": N_("Line: destination"),
    "avoid": N_("Line: avoid"),
}


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _nm(value: float | None, tr: Translator | None = None) -> str:
    tr = tr or translator("en")
    if value is None:
        return tr(NO_ROUTE)
    return tr("{value} nm", value=tr.number(value))


def _days(value: float | None, tr: Translator | None = None) -> str:
    tr = tr or translator("en")
    return "—" if value is None else tr("{value} days", value=tr.number(value, 1))


def _signed(value: float | None, digits: int) -> str:
    if value is None:
        return "—"
    text = f"{value:+,.{digits}f}"
    return "0" if text.lstrip("+-").strip("0.,") == "" else text
