"""Port catalogue: searoute's ~3,960 ports plus the corridor's own curated ports.

Resolve what a user types: a UN/LOCODE in any case (``cnsha``), a port name (``Long Beach``)
with or without accents and bracketed qualifiers (``Malmo``, ``Seattle``), a common English name
or former spelling from ``data/port_aliases.csv`` (``Busan``, ``Saigon``), ``lon,lat``
coordinates, or the alias ``San Pedro Bay`` (Los Angeles and Long Beach together).
Every coordinate pair is ``(lon, lat)``.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import searoute

from geo.catalogue import ambiguity
from geo.catalogue import corrections as _corrections
from geo.catalogue import names as _names
from geo.catalogue.coords import coord_name, number_text, parse_coordinates, validate_lon_lat
from geo.errors import AmbiguousPortError, DataError, UnknownPortError
from geo.settings import DATA_DIR

__all__ = [
    "Port",
    "catalogue",
    "corridor_ports",
    "get",
    "members",
    "parse_coordinates",
    "resolve",
    "search",
    "suggest",
    "validate_lon_lat",
]

SEAROUTE_PORTS_SOURCE = "searoute port catalogue (searoute package, UN/LOCODE)"
SAN_PEDRO_BAY_ID = "SAN-PEDRO-BAY"
SAN_PEDRO_BAY_ALIASES = ("san pedro bay", "san pedro bay ports", "la/lb", "la-lb", "la+lb")

_LOCODE_RE = re.compile(r"^[A-Za-z]{2}[A-Za-z0-9]{3}$")
_MAX_CANDIDATES = 8


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
        name = str(props.get("name", code))
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
    return (*corridor, _san_pedro_bay(corridor), *rest)


@lru_cache(maxsize=1)
def _indexes() -> tuple[dict[str, Port], dict[str, list[Port]]]:
    by_code: dict[str, Port] = {}
    by_name: dict[str, list[Port]] = {}
    for port in catalogue():
        by_code.setdefault(port.id.upper(), port)
        if port.locode:
            by_code.setdefault(port.locode.upper(), port)
        keys = {port.name.lower(), *(a.lower() for a in port.aliases)}
        for key in keys:
            by_name.setdefault(key, []).append(port)
    return by_code, by_name


@lru_cache(maxsize=1)
def _folded_index() -> dict[str, list[Port]]:
    """Folded names, folded catalogue aliases and the alias file → ports (one per id)."""
    by_code, _ = _indexes()
    out: dict[str, list[Port]] = {}

    def add(key: str, port: Port) -> None:
        bucket = out.setdefault(key, [])
        if all(p.id != port.id for p in bucket):
            bucket.append(port)

    for port in catalogue():
        for name in (port.name, *port.aliases):
            add(_names.fold(name), port)
    for alias, code in _names.aliases().items():
        if code in by_code:
            add(alias, by_code[code])
    for code, zh in _names.chinese_names().items():
        if code in by_code:
            for name in (zh.name, *zh.aliases):
                add(_names.fold(name), by_code[code])
    return out


def corridor_ports() -> list[Port]:
    """The curated corridor ports (Shanghai, Yangshan, Los Angeles, Long Beach)."""
    return [p for p in catalogue() if p.kind == "corridor"]


def get(port_id: str) -> Port:
    """A port by its catalogue id or UN/LOCODE (any case)."""
    by_code, _ = _indexes()
    try:
        return by_code[port_id.strip().upper()]
    except KeyError:
        raise UnknownPortError(port_id, suggest(port_id)) from None


def members(port: Port) -> list[Port]:
    """The ports an alias stands for (itself for a plain port)."""
    return [get(m) for m in port.members] if port.members else [port]


def suggest(query: str, limit: int = 5) -> list[str]:
    """Up to ``limit`` close matches (labels) for a query that matched nothing.

    Fuzzy (rapidfuzz) on folded names and aliases, so accents, case and word order do not
    matter (``beach long`` → Long Beach); then close UN/LOCODEs.
    """
    by_code, _ = _indexes()
    folded = _folded_index()
    if not query.strip():
        return []
    out: list[str] = []
    for key in _names.rank(query, folded, limit):
        out.extend(_describe(p) for p in folded[key][:2])
    if len(out) < limit and _LOCODE_RE.match(query.strip()):
        codes = _names.rank(query.upper(), [c.lower() for c in by_code], limit, cutoff=80)
        out.extend(_describe(by_code[c.upper()]) for c in codes)
    if len(out) < limit:
        out.extend(_describe(p) for p in search(query, limit=limit))
    return list(dict.fromkeys(out))[:limit]


def _describe(port: Port) -> str:
    """``"Shanghai, China (CNSHA)"``; a place without a UN/LOCODE shows the catalogue id
    that selects it (``"San Pedro Bay, United States (SAN-PEDRO-BAY)"``)."""
    if port.kind == "coordinates":
        return port.name
    code = port.locode or port.id
    return f"{port.name}, {port.country} ({code})" if port.country else f"{port.name} ({code})"


@lru_cache(maxsize=4096)
def resolve(query: str) -> Port:
    """The port a user means.

    Accepts a UN/LOCODE in any case (``cnsha``), a port name in any case (``long beach``), with
    or without accents or a bracketed qualifier (``Malmo``, ``Seattle``), a common name or former
    spelling (``Busan``, ``Saigon``: ``data/port_aliases.csv``), a name with its country
    (``Portland, Australia``), ``lon,lat`` coordinates (``-118.25,33.7``) or the alias
    ``San Pedro Bay``. A name several ports share resolves only when one is clearly meant
    (:mod:`geo.catalogue.ambiguity`); otherwise :class:`AmbiguousPortError` lists them with
    their UN/LOCODEs (``Portland``: Oregon, Maine, Victoria, Dorset). Raises
    :class:`UnknownPortError` (with up to five close matches), :class:`AmbiguousPortError` or
    :class:`InvalidCoordinateError`.
    """
    if not isinstance(query, str):
        raise UnknownPortError(repr(query), [])
    text = query.strip()
    if not text:
        raise UnknownPortError(query, [])
    coords = parse_coordinates(text)
    if coords is not None:
        lon, lat = coords
        return Port(
            id=f"{number_text(lon)},{number_text(lat)}",  # full precision: ids go in URLs
            locode=None,
            name=coord_name(lon, lat),
            country="",
            lon=lon,
            lat=lat,
            source="user-given coordinates",
            route_lon=lon,
            route_lat=lat,
            kind="coordinates",
        )
    by_code, by_name = _indexes()
    if _LOCODE_RE.match(text) and text.upper() in by_code:
        return by_code[text.upper()]
    if text.upper() in by_code:  # catalogue ids such as SAN-PEDRO-BAY
        return by_code[text.upper()]
    key = " ".join(text.lower().split())
    # a qualifier narrows ("Portland (Me)"); a bare name is every port of that name, written
    # with or without accents, qualifier or punctuation, or in the alias file ("Portland")
    matches = by_name.get(key, []) if "(" in key else []
    if not matches:
        matches = _folded_index().get(_names.fold(text), [])
    if not matches and "," in key:
        name, _, country = (s.strip() for s in _names.fold(text).rpartition(","))
        matches = [p for p in _folded_index().get(name, []) if _names.fold(p.country) == country]
    if not matches:
        raise UnknownPortError(text, suggest(text))
    # "San Pedro" also reads as San Pedro Bay, "Santa Cruz" as Santa Cruz de Tenerife
    also = ambiguity.rivals(matches, _longer_names(_names.fold(text), exclude=matches))
    chosen = matches[0] if len(matches) == 1 else ambiguity.choose(matches)
    if chosen is None or also:
        candidates = [*ambiguity.ranked(matches), *also]
        raise AmbiguousPortError(text, [_describe(p) for p in candidates[:_MAX_CANDIDATES]])
    return chosen


def _longer_names(key: str, exclude: list[Port]) -> list[Port]:
    """Ports (not in ``exclude``) whose folded name or alias starts with the words of ``key``
    and goes on (``san pedro`` → San Pedro Bay, San Pedro De Macoris): curated ones first,
    then the major, then the rest."""
    taken = {p.id for p in exclude}
    found: dict[str, Port] = {}
    for name, bucket in _folded_index().items():
        if name.startswith(key + " "):
            for port in bucket:
                if port.id not in taken:
                    found.setdefault(port.id, port)
    return sorted(found.values(), key=lambda p: (p.kind == "catalogue", not p.major, p.name))


def search(query: str, limit: int = 20) -> list[Port]:
    """Ports whose code, name (or alias, Chinese name or Chinese alias from
    ``data/port_names_zh.csv``) or country matches the query, best matches first.

    Matching is on folded text (no accents, case or qualifiers); a query's words may come in
    any order (``beach long``). Rank: exact, prefix, every word a prefix of a word, substring,
    country.
    """
    q = _names.fold(query)
    if not q:
        return []
    words = q.split()
    alias_names: dict[str, list[str]] = {}
    for alias, code in _names.aliases().items():
        alias_names.setdefault(code, []).append(alias)
    chinese = _names.chinese_names()
    scored: list[tuple[int, int, Port]] = []
    for n, port in enumerate(catalogue()):
        code = (port.locode or port.id).lower()
        zh = chinese.get(port.id)
        fields = [
            _names.fold(port.name),
            *(_names.fold(a) for a in port.aliases),
            *alias_names.get(port.locode or "", []),
            *((_names.fold(z) for z in (zh.name, *zh.aliases)) if zh else ()),
        ]
        if q == code or q in fields:
            score = 0
        elif any(f.startswith(q) for f in fields) or code.startswith(q):
            score = 1
        elif any(all(any(w.startswith(x) for w in f.split()) for x in words) for f in fields):
            score = 2
        elif any(q in f for f in fields):
            score = 3
        elif q in _names.fold(port.country):
            score = 4
        else:
            continue
        scored.append((score, n, port))
    scored.sort(key=lambda t: (t[0], t[1]))
    return [p for _, _, p in scored[:limit]]
