"""What the port catalogue holds: searoute's ~3,960 ports plus the corridor's curated ones.

:func:`catalogue` reads searoute's ``ports.geojson`` (with the corrections of
``data/port_corrections.csv``) and ``data/corridor_ports.csv``, and adds the San Pedro Bay alias
(Los Angeles and Long Beach together). Resolving what a user types is
:mod:`geo.catalogue.ports`. Every coordinate pair is ``(lon, lat)``.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import searoute

from geo.catalogue import corrections as _corrections
from geo.catalogue import names as _names
from geo.errors import DataError
from geo.settings import DATA_DIR

SEAROUTE_PORTS_SOURCE = "searoute port catalogue (searoute package, UN/LOCODE)"
SAN_PEDRO_BAY_ID = "SAN-PEDRO-BAY"
SAN_PEDRO_BAY_ALIASES = ("san pedro bay", "san pedro bay ports", "la/lb", "la-lb", "la+lb")


@dataclass(frozen=True)
class Port:
    """A place a route can start or end at.

    ``lon``/``lat`` is the port's reference point (for labels and markers); ``route_lon`` /
    ``route_lat`` is where the route starts or ends (a harbour entrance or pilot station for
    corridor ports, the catalogue point otherwise).
    """

    id: str
    locode: str | None
    name: str
    country: str
    lon: float
    lat: float
    source: str
    route_lon: float
    route_lat: float
    route_point: str = ""
    kind: str = "catalogue"  # catalogue | corridor | alias | coordinates
    major: bool = False  # searoute's terminal flag ``t == 1``
    members: tuple[str, ...] = ()
    aliases: tuple[str, ...] = field(default=(), compare=False)
    #: Countries with liner services from the port (searoute's ``to_cty``): which of several
    #: ports of one name is clearly meant (:mod:`geo.catalogue.ambiguity`).
    liner_countries: int = field(default=0, compare=False)
    #: The catalogue's own spelling where ``name`` is the port's current name instead
    #: (``Pusan`` for ``Busan``: :func:`current_name`); empty otherwise.
    catalogue_name: str = field(default="", compare=False)

    @property
    def label(self) -> str:
        """``Name (CODE)``, or the bare name where there is no code."""
        return f"{self.name} ({self.locode})" if self.locode else self.name

    @property
    def route_coord(self) -> tuple[float, float]:
        """The ``(lon, lat)`` point a route starts or ends at."""
        return (self.route_lon, self.route_lat)


def _searoute_ports_path() -> Path:
    return Path(searoute.__file__).resolve().parent / "data" / "ports.geojson"


def _country_name(raw: str) -> str:
    return raw.replace("_", " ").strip().title() if raw.islower() or "_" in raw else raw


def _read_corridor(path: Path) -> list[Port]:
    ports: list[Port] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row_no, row in enumerate(csv.DictReader(fh), start=2):
            try:
                ports.append(
                    Port(
                        id=row["id"],
                        locode=row["locode"] or None,
                        name=row["name"],
                        country=row["country"],
                        lon=float(row["lon"]),
                        lat=float(row["lat"]),
                        source=row["coord_source"],
                        route_lon=float(row["route_lon"]),
                        route_lat=float(row["route_lat"]),
                        route_point=row["route_point"],
                        kind="corridor",
                        aliases=tuple(a for a in row.get("aliases", "").split("|") if a),
                    )
                )
            except (KeyError, ValueError) as exc:
                raise DataError(f"{path.name} row {row_no}: bad or missing field ({exc})") from exc
    return ports


def _san_pedro_bay(corridor: list[Port]) -> Port:
    by_id = {p.id: p for p in corridor}
    la, lb = by_id["USLAX"], by_id["USLGB"]
    return Port(
        id=SAN_PEDRO_BAY_ID,
        locode=None,
        name="San Pedro Bay",
        country="United States",
        lon=round((la.lon + lb.lon) / 2, 4),
        lat=round((la.lat + lb.lat) / 2, 4),
        source="derived: midpoint of the Ports of Los Angeles and Long Beach reference points",
        route_lon=round((la.route_lon + lb.route_lon) / 2, 4),
        route_lat=round((la.route_lat + lb.route_lat) / 2, 4),
        route_point="San Pedro Bay breakwater, between Angels Gate and Queen's Gate (derived)",
        kind="alias",
        members=(la.id, lb.id),
        aliases=SAN_PEDRO_BAY_ALIASES,
    )


@lru_cache(maxsize=1)
def catalogue() -> tuple[Port, ...]:
    """Every port: corridor ports first, the San Pedro Bay alias, then searoute's catalogue.

    A searoute entry whose UN/LOCODE a corridor port already has is left out; an entry listed
    in ``data/port_corrections.csv`` gets the code and name given there, with its source.
    """
    corridor = _read_corridor(DATA_DIR / "corridor_ports.csv")
    taken = {p.locode for p in corridor if p.locode}
    fixes = _corrections.corrections()
    with _searoute_ports_path().open(encoding="utf-8") as fh:
        features = json.load(fh)["features"]
    rest: list[Port] = []
    for feat in features:
        props = feat["properties"]
        code = str(props.get("port", "")).upper()
        name = str(props.get("name", code)).strip()  # "Caofeidian Pt " has a trailing space
        fix = fixes.get((code, name))
        if fix is not None:
            code, name = fix.locode, fix.name
        if code in taken or len(code) != 5:
            continue
        lon, lat = (float(v) for v in feat["geometry"]["coordinates"][:2])
        rest.append(
            Port(
                id=code,
                locode=code,
                name=name,
                country=_country_name(str(props.get("cty", ""))),
                lon=lon,
                lat=lat,
                source=f"{SEAROUTE_PORTS_SOURCE}; {fix.source}" if fix else SEAROUTE_PORTS_SOURCE,
                route_lon=lon,
                route_lat=lat,
                major=props.get("t") == 1,
                liner_countries=len(props.get("to_cty") or ()),
            )
        )
    rest.sort(key=lambda p: (p.name.lower(), p.country, p.id))
    return (*corridor, _san_pedro_bay(corridor), *_current_names(rest))


def current_name(port: Port, current: dict[str, str]) -> Port:
    """``port`` under its current name where ``current`` (UN/LOCODE → name, from
    ``data/port_aliases.csv``) records one: ``Pusan`` is shown as ``Busan``; the catalogue's
    spelling stays a name it is found by (``aliases``) and is kept in ``catalogue_name``."""
    name = current.get(port.locode or "")
    if not name or name == port.name:
        return port
    return replace(port, name=name, catalogue_name=port.name, aliases=(*port.aliases, port.name))


def _current_names(ports: list[Port]) -> list[Port]:
    """Every port under its current name, in name order. A port the catalogue lists twice,
    under its old and its current name (``INBOM``: Bombay and Mumbai), is kept once: the entry
    listed first (the one :func:`geo.catalogue.ports.get` has always returned), renamed."""
    current = _names.current_names()
    seen: set[tuple[str, str]] = set()
    out: list[Port] = []
    for port in ports:
        shown = current_name(port, current)
        if port.locode in current and (port.id, shown.name) in seen:
            continue
        seen.add((port.id, shown.name))
        out.append(shown)
    out.sort(key=lambda p: (p.name.lower(), p.country, p.id))
    return out
