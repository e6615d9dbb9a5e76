"""One lane view: everything the map, the page and the snapshots show for a choice of
origin, destination, speed and avoided passages.

``build_view`` is the single place that turns user choices into routes, layers and figures;
``geo.render.folium.mapping`` (interactive map), ``geo.jobs.snapshot`` (PNG/SVG/PDF/HTML)
and ``geo.cli`` read it. An alias such as ``San Pedro Bay`` is drawn as one route per member
port (Los Angeles and Long Beach); the headline figures are those of the first route.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

import geopandas as gpd
import pandas as pd

from geo.catalogue import ports as _ports
from geo.facts import trade
from geo.i18n import translator
from geo.present import layers
from geo.present.choices import fuel_id
from geo.present.localnames import data_text, place_name, port_name
from geo.routing import engine as routing
from geo.settings import DEFAULT_DESTINATION, DEFAULT_ORIGIN, DEFAULT_SPEED_KN
from geo.voyage.canals import canals_closed_to
from geo.voyage.emissions import (
    DEFAULT_FUEL,
    DEFAULT_SHIP_TEU,
    VoyageEmissions,
    voyage_emissions,
)
from geo.voyage.factors import reference
from geo.voyage.validate import validate_load_factor, validate_ship_teu


@dataclass(frozen=True)
class LaneView:
    """Routes, layers and figures for one choice. Coordinates are ``(lon, lat)``."""

    origin: _ports.Port
    destination: _ports.Port
    speed_kn: float
    avoid: tuple[str, ...]
    routes: tuple[routing.Route, ...]
    lane: trade.LaneAnnotation
    window_west_deg: float
    as_of: str
    ship_teu: int
    load_factor: float
    fuel: str
    closed_canals: tuple[str, ...]
    _layers: dict[str, gpd.GeoDataFrame] = field(default_factory=dict, compare=False, repr=False)
    _voyages: dict[str, VoyageEmissions] = field(default_factory=dict, compare=False, repr=False)

    @property
    def main(self) -> routing.Route:
        """The headline route (the first one)."""
        return self.routes[0]

    @property
    def title(self) -> str:
        return f"{self.origin.name} → {self.destination.name}"

    def routes_gdf(self) -> gpd.GeoDataFrame:
        return self._cached("routes", lambda: layers.routes_layer(self.routes))

    def segments_gdf(self) -> gpd.GeoDataFrame:
        return self._cached("segments", lambda: layers.segments_layer(self.routes))

    def zones_gdf(self) -> gpd.GeoDataFrame:
        return self._cached("zones", layers.zones_layer)

    def ports_gdf(self) -> gpd.GeoDataFrame:
        return self._cached(
            "ports", lambda: layers.ports_layer(self.routes, corridor=self.lane.sourced)
        )

    # -- the same layers placed in the map's one display window ---------------------------

    def display_routes(self) -> gpd.GeoDataFrame:
        """Routes in the display window, each moved whole (continuous past 180°)."""
        return self._cached(
            "d_routes", lambda: layers.to_display_window(self.routes_gdf(), self.window_west_deg)
        )

    def display_segments(self) -> gpd.GeoDataFrame:
        """Segments moved with their route, so they lie on the drawn line."""
        offsets = layers.route_offsets(self.routes_gdf(), self.window_west_deg)
        return self._cached(
            "d_segments", lambda: layers.segments_to_window(self.segments_gdf(), offsets)
        )

    def display_ports(self) -> gpd.GeoDataFrame:
        """Ports on the world copy nearest to the drawn routes."""
        return self._cached(
            "d_ports",
            lambda: layers.points_near_lines(
                self.ports_gdf(), self.display_routes(), self.window_west_deg
            ),
        )

    def display_zones(self) -> gpd.GeoDataFrame:
        """The zones the map and the slides draw: those a route of this view enters (the
        legend lists exactly these), in the display window. The exports keep every zone."""

        def entered() -> gpd.GeoDataFrame:
            ids = set(self.segments_gdf()["zone_id"].astype(str))
            zones = self.zones_gdf()
            shown = zones[zones["zone_id"].astype(str).isin(ids)]
            return layers.to_display_window(shown, self.window_west_deg)

        return self._cached("d_zones", entered)

    def display_lon_range(self) -> tuple[float, float]:
        """West and east longitude of what the map must show (routes may pass 360°)."""
        lo, _, hi, _ = self.display_routes().total_bounds
        return float(lo), float(hi)

    def emissions(self, route: routing.Route | None = None) -> VoyageEmissions:
        """Fuel and CO2 by segment of ``route`` (default: the headline route) for this
        view's ship, load factor, fuel and speed."""
        r = route or self.main
        rid = layers.route_id(r)
        key = f"emissions|{rid}"
        if key not in self._voyages:
            segs = self.segments_gdf()
            self._voyages[key] = voyage_emissions(
                segs[segs["route_id"] == rid],
                ship_teu=self.ship_teu,
                load_factor=self.load_factor,
                fuel=self.fuel,
                speed_kn=self.speed_kn,
            )
        return self._voyages[key]

    def _cached(self, key: str, make: object) -> gpd.GeoDataFrame:
        if key not in self._layers:
            self._layers[key] = make()  # type: ignore[operator]
        return self._layers[key]


def _resolve(place: str | _ports.Port) -> _ports.Port:
    return place if isinstance(place, _ports.Port) else _ports.resolve(place)


def build_view(
    origin: str | _ports.Port = DEFAULT_ORIGIN,
    destination: str | _ports.Port = DEFAULT_DESTINATION,
    *,
    speed_kn: float = DEFAULT_SPEED_KN,
    avoid: Iterable[str] | str | None = (),
    as_of: str | None = None,
    ship_teu: object = DEFAULT_SHIP_TEU,
    load_factor: object = None,
    fuel: object = DEFAULT_FUEL,
    strict: bool = False,
) -> LaneView:
    """The lane view for a choice: ports as :func:`geo.catalogue.ports.resolve` accepts
    them, ``speed_kn`` in (0, 40], passages to ``avoid``, and the ship: ``ship_teu`` within
    the classes of ``data/ship_classes.csv``, ``load_factor`` in (0, 1] (default: the Clean
    Cargo/GLEC 0.70 of ``data/voyage_reference.csv``), ``fuel`` from ``data/fuels.csv``.
    Canals the ship is too large for are avoided too, and named in ``closed_canals``.
    ``strict`` refuses an end on land or far from the sea lanes (else a warning on the route).
    Raises a :class:`~geo.errors.GeoError` naming the bad value."""
    o = _resolve(origin)
    d = _resolve(destination)
    speed = routing.validate_speed(speed_kn)
    avoid_key = routing.normalise_avoid(avoid)
    lf = reference("load_factor").value if load_factor is None else load_factor
    ship = (validate_ship_teu(ship_teu), validate_load_factor(lf), fuel_id(fuel))
    return _build(o, d, speed, avoid_key, as_of or trade.data_as_of(), ship, bool(strict))


@lru_cache(maxsize=64)
def _build(
    o: _ports.Port,
    d: _ports.Port,
    speed: float,
    avoid: tuple[str, ...],
    as_of: str,
    ship: tuple[int, float, str],
    strict: bool,
) -> LaneView:
    ship_teu, load_factor, fuel = ship
    closed = canals_closed_to(ship_teu)
    sail_avoid = routing.normalise_avoid({*avoid, *(c.passage for c in closed)})
    pairs = [(a, b) for a in _ports.members(o) for b in _ports.members(d)]
    if o.members or d.members:
        routes = tuple(
            routing.route(a, b, speed_kn=speed, avoid=sail_avoid, strict=strict) for a, b in pairs
        )
    else:
        routes = (routing.route(o, d, speed_kn=speed, avoid=sail_avoid, strict=strict),)
    lane = trade.lane_figures(o.locode or o.id, d.locode or d.id)
    return LaneView(
        origin=o,
        destination=d,
        speed_kn=speed,
        avoid=avoid,
        routes=routes,
        lane=lane,
        window_west_deg=layers.display_window(routes),
        as_of=as_of,
        ship_teu=ship_teu,
        load_factor=load_factor,
        fuel=fuel,
        closed_canals=tuple(c.canal for c in closed if c.passage not in avoid),
    )


_NUMBERED: Final[re.Pattern[str]] = re.compile(r"\s*\(\d+\)$")


def segment_name(zone_id: str, name: str, lang: str = "en") -> str:
    """A segment's name in ``lang``: a sea by its name, a zone by its id (a numbering
    suffix such as ``" (2)"`` kept, in Chinese brackets: ``东海（2）``); the English name where
    there is no Chinese one."""
    if lang != "zh":
        return name
    numbered = _NUMBERED.search(name)
    base = name[: numbered.start()] if numbered else name
    local = place_name("sea", base, lang, "") or place_name("zone", zone_id, lang, base)
    return local + (f"（{numbered.group(0).strip()[1:-1]}）" if numbered else "")


def segments_table(view: LaneView, lang: str = "en") -> pd.DataFrame:
    """The segment table as the page shows it: plain words, rounded, units in the headers,
    and a total row after each route's segments; headers, port and place names and numbers
    in ``lang`` (rules and measures through :func:`geo.present.localnames.data_text`: Chinese
    where ``data/texts_zh.csv`` has their exact English)."""
    tr = translator(lang)
    segs = view.segments_gdf()
    names = {
        layers.route_id(r): (
            f"{port_name(r.origin, tr.lang)} → {port_name(r.destination, tr.lang)}"
        )
        for r in view.routes
    }
    cols = {
        "route": tr("Route"),
        "segment": tr("Segment"),
        "distance": tr("Distance (nm)"),
        "hours": tr("Hours at speed"),
        "share": tr("Share of voyage (%)"),
        "rules": tr("Rules"),
        "measures": tr("Corridor measures"),
    }
    rows: list[dict[str, object]] = []
    for r in view.routes:
        rid = layers.route_id(r)
        mine = segs[segs["route_id"] == rid]
        for _, seg in mine.iterrows():
            rows.append(
                {
                    cols["route"]: names.get(rid, rid),
                    cols["segment"]: segment_name(str(seg["zone_id"]), str(seg["name"]), tr.lang),
                    cols["distance"]: tr.number(float(seg["distance_nm"])),
                    cols["hours"]: tr.number(float(seg["duration_h"]), 1),
                    cols["share"]: f"{float(seg['share']) * 100:.1f}",
                    cols["rules"]: data_text("rules", str(seg["rules"]), tr.lang),
                    cols["measures"]: data_text(
                        "corridor", str(seg["corridor_measures"] or ""), tr.lang
                    ),
                }
            )
        rows.append(
            {
                cols["route"]: names.get(rid, rid),
                cols["segment"]: tr("Total"),
                cols["distance"]: tr.number(r.distance_nm),
                cols["hours"]: tr.number(r.duration_h, 1),
                cols["share"]: "100.0",
                cols["rules"]: "",
                cols["measures"]: "",
            }
        )
    return pd.DataFrame(rows)


def lane_message(view: LaneView, lang: str = "en") -> str:
    """What the page says about the lane's trade figures when there are none, with the ports'
    names in ``lang`` (not the codes :func:`geo.facts.trade.lane_figures` words it with, such
    as the catalogue id ``SAN-PEDRO-BAY``)."""
    tr = translator(lang)
    if view.lane.sourced:
        return view.lane.message
    return tr(
        "No sourced trade figure exists for the lane {origin} → {destination}. Trade values "
        "are shown only for the LA–Long Beach–Shanghai corridor.",
        origin=port_name(view.origin, tr.lang),
        destination=port_name(view.destination, tr.lang),  # as asked: San Pedro Bay
    )
