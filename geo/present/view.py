"""One lane view: everything the map, the page and the snapshots show for a choice of
origin, destination, speed and avoided passages.

``build_view`` is the single place that turns user choices into routes, layers and figures;
``geo.render.folium.mapping`` (interactive map), ``geo.jobs.snapshot`` (PNG/SVG/PDF/HTML)
and ``geo.cli`` read it. An alias such as ``San Pedro Bay`` is drawn as one route per member
port (Los Angeles and Long Beach); the headline figures are those of the first route.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import geopandas as gpd
import pandas as pd

from geo.catalogue import ports as _ports
from geo.facts import trade
from geo.present import layers
from geo.routing import engine as routing
from geo.settings import DEFAULT_DESTINATION, DEFAULT_ORIGIN, DEFAULT_SPEED_KN


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
    _layers: dict[str, gpd.GeoDataFrame] = field(default_factory=dict, compare=False, repr=False)

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
        return self._cached(
            "d_zones", lambda: layers.to_display_window(self.zones_gdf(), self.window_west_deg)
        )

    def display_lon_range(self) -> tuple[float, float]:
        """West and east longitude of what the map must show (routes may pass 360°)."""
        lo, _, hi, _ = self.display_routes().total_bounds
        return float(lo), float(hi)

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
) -> LaneView:
    """The lane view for a choice; raises a :class:`~geo.errors.GeoError` on bad input."""
    o = _resolve(origin)
    d = _resolve(destination)
    speed = routing.validate_speed(speed_kn)
    avoid_key = routing.normalise_avoid(avoid)
    return _build(o, d, speed, avoid_key, as_of or trade.data_as_of())


@lru_cache(maxsize=64)
def _build(
    o: _ports.Port, d: _ports.Port, speed: float, avoid: tuple[str, ...], as_of: str
) -> LaneView:
    pairs = [(a, b) for a in _ports.members(o) for b in _ports.members(d)]
    if o.members or d.members:
        routes = tuple(routing.route(a, b, speed_kn=speed, avoid=avoid) for a, b in pairs)
    else:
        routes = (routing.route(o, d, speed_kn=speed, avoid=avoid),)
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
    )


def segments_table(view: LaneView) -> pd.DataFrame:
    """The segment table as the page shows it: plain words, rounded, units in the headers,
    and a total row after each route's segments."""
    segs = view.segments_gdf()
    names = {layers.route_id(r): f"{r.origin.name} → {r.destination.name}" for r in view.routes}
    rows: list[dict[str, object]] = []
    for r in view.routes:
        rid = layers.route_id(r)
        mine = segs[segs["route_id"] == rid]
        for _, seg in mine.iterrows():
            rows.append(
                {
                    "Route": names.get(rid, rid),
                    "Segment": str(seg["name"]),
                    "Distance (nm)": f"{float(seg['distance_nm']):,.0f}",
                    "Hours at speed": f"{float(seg['duration_h']):,.1f}",
                    "Share of voyage (%)": f"{float(seg['share']) * 100:.1f}",
                    "Rules": str(seg["rules"]),
                    "Corridor measures": str(seg["corridor_measures"] or ""),
                }
            )
        rows.append(
            {
                "Route": names.get(rid, rid),
                "Segment": "Total",
                "Distance (nm)": f"{r.distance_nm:,.0f}",
                "Hours at speed": f"{r.duration_h:,.1f}",
                "Share of voyage (%)": "100.0",
                "Rules": "",
                "Corridor measures": "",
            }
        )
    return pd.DataFrame(rows)
