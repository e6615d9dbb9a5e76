"""Port catalogue: resolving what a user types to a port.

Resolve a UN/LOCODE in any case (``cnsha``), a port name (``Long Beach``) with or without
accents and bracketed qualifiers (``Malmo``, ``Seattle``), a common English name or former
spelling from ``data/port_aliases.csv`` (``Busan``, ``Saigon``), a Chinese name in Simplified or
Traditional characters (``长滩``, ``長灘``), ``lon,lat`` coordinates, or the alias
``San Pedro Bay`` (Los Angeles and Long Beach together). What the catalogue holds is
:mod:`geo.catalogue.portlist`; searching it :mod:`geo.catalogue.search`. Every coordinate pair
is ``(lon, lat)``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from geo.catalogue import ambiguity, qualified
from geo.catalogue import names as _names
from geo.catalogue.coords import coord_name, number_text, parse_coordinates, validate_lon_lat
from geo.catalogue.labels import describe
from geo.catalogue.portlist import (
    SAN_PEDRO_BAY_ALIASES,
    SAN_PEDRO_BAY_ID,
    SEAROUTE_PORTS_SOURCE,
    Port,
    _searoute_ports_path,
    catalogue,
)
from geo.catalogue.search import search
from geo.errors import AmbiguousPortError, UnknownPortError

__all__ = [
    "SAN_PEDRO_BAY_ALIASES",
    "SAN_PEDRO_BAY_ID",
    "SEAROUTE_PORTS_SOURCE",
    "Port",
    "_searoute_ports_path",
    "catalogue",
    "corridor_ports",
    "describe",
    "get",
    "members",
    "parse_coordinates",
    "resolve",
    "search",
    "suggest",
    "validate_lon_lat",
]

_LOCODE_RE = re.compile(r"^[A-Za-z]{2}[A-Za-z0-9]{3}$")
_MAX_CANDIDATES = 8
#: "port" after a Chinese name (``瓦尔帕莱索港``, ``蒙巴萨港口``): the port of that name.
_PORT_SUFFIX_RE = re.compile(r"(?<=[\u3400-\u9fff])\s*港口?$")
#: A text ending in a bracketed code, as candidates are listed: ``Portland, Australia (AUPTJ)``.
_CODE_TAIL_RE = re.compile(r"^(?P<rest>.*?)\s*[(（]\s*(?P<code>[A-Za-z0-9-]+)\s*[)）]\s*$")


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
        raise _unknown(port_id) from None


def members(port: Port) -> list[Port]:
    """The ports an alias stands for (itself for a plain port)."""
    return [get(m) for m in port.members] if port.members else [port]


def suggest(query: str, limit: int = 5, lang: str = "en") -> list[str]:
    """Up to ``limit`` close matches (labels in ``lang``: :func:`describe`) for a query that
    matched nothing.

    Fuzzy (rapidfuzz) on folded names and aliases, so accents, case and word order do not
    matter (``beach long`` → Long Beach); then close UN/LOCODEs.
    """
    return [describe(p, lang) for p in suggested(query, limit)]


def suggested(query: str, limit: int = 5) -> list[Port]:
    """The ports :func:`suggest` names, best first (one per label)."""
    by_code, _ = _indexes()
    folded = _folded_index()
    if not query.strip():
        return []
    found: list[Port] = []
    for key in _names.rank(query, folded, limit):
        found.extend(folded[key][:2])
    if len(found) < limit and _LOCODE_RE.match(query.strip()):
        codes = _names.rank(query.upper(), [c.lower() for c in by_code], limit, cutoff=80)
        found.extend(by_code[c.upper()] for c in codes)
    if len(found) < limit:
        found.extend(search(query, limit=limit))
    out: dict[str, Port] = {}
    for port in found:
        out.setdefault(describe(port), port)
    return list(out.values())[:limit]


def _unknown(query: str) -> UnknownPortError:
    """The refusal of ``query``, with the close matches and their catalogue ids."""
    found = suggested(query)
    return UnknownPortError(query, [describe(p) for p in found], codes=[p.id for p in found])


@lru_cache(maxsize=4096)
def resolve(query: str) -> Port:
    """The port a user means.

    Accepts a UN/LOCODE in any case (``cnsha``), a port name in any case (``long beach``), with
    or without accents or a bracketed qualifier (``Malmo``, ``Seattle``), a common name or former
    spelling (``Busan``, ``Saigon``: ``data/port_aliases.csv``), a Chinese name
    (``长滩``, ``長灘``: ``data/port_names_zh.csv``), with or without ``港`` after it
    (``长滩港``), a name with its country or region after a comma or in brackets, in English
    or Chinese (``Portland, Australia``, ``Portland, Oregon``, ``奥克兰，新西兰``,
    ``波特兰（俄勒冈州）``: :mod:`geo.catalogue.qualified`), ``lon,lat``
    coordinates (``-118.25,33.7``) or the alias ``San Pedro Bay``. A name several ports share
    resolves only when one is clearly meant (:mod:`geo.catalogue.ambiguity`); otherwise
    :class:`AmbiguousPortError` lists them with their UN/LOCODEs (``Portland`` or ``波特兰``:
    Oregon, Maine, Victoria, Dorset; ``奥克兰``: Oakland and Auckland), and with their catalogue
    ids in ``codes`` so a page can list them in its language (:func:`describe`). Raises
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
    coded = _coded(text, by_code)
    if coded is not None:
        return coded
    key = " ".join(text.lower().split())
    folded = _names.fold(text)
    # the catalogue's own qualifier picks one ("Portland (Me)"); a bare name is every port of
    # that name, written with or without accents, qualifier or punctuation, or in a names file
    matches = by_name.get(key, []) if "(" in key else []
    where = ""  # the qualifier that picked among the ports of the name
    if not matches:
        matches = _folded_index().get(folded, [])
        bare = _PORT_SUFFIX_RE.sub("", folded)  # 瓦尔帕莱索港 is 瓦尔帕莱索
        if not matches and bare != folded and _folded_index().get(bare):
            folded, matches = bare, _folded_index()[bare]
        # another qualifier narrows by country or region (geo.catalogue.qualified) when it
        # names one of them ("Portland (Oregon)", "波特兰（俄勒冈州）"); else it is ignored
        bracket = _names.qualifier(text)
        narrowed = qualified.narrow(matches, bracket) if bracket else []
        if narrowed:
            matches, where = narrowed, bracket
    if not matches and "," in folded:  # "name, country" / "name, region": only those
        folded, _, where = (s.strip() for s in folded.rpartition(","))
        matches = qualified.narrow(_folded_index().get(folded, []), where)
        # "name (region), country", as a candidate is listed ("Portland (Or), United States",
        # "波特兰（俄勒冈州），美国"): the bracket narrows what the country left
        bracket = _names.qualifier(text)
        narrowed = qualified.narrow(matches, bracket) if bracket else []
        if narrowed:
            matches = narrowed
    if not matches:
        raise _unknown(text)
    # "San Pedro" also reads as San Pedro Bay, "Santa Cruz" as Santa Cruz de Tenerife; the
    # qualifier narrows these too ("San Pedro, Ivory Coast")
    longer = _longer_names(folded, exclude=matches)
    if where:
        longer = qualified.narrow(longer, where)
    also = ambiguity.rivals(matches, longer)
    chosen = matches[0] if len(matches) == 1 else ambiguity.choose(matches)
    if chosen is None or also:
        candidates = [*ambiguity.ranked(matches), *also]
        shown = candidates[:_MAX_CANDIDATES]
        raise AmbiguousPortError(text, [describe(p) for p in shown], codes=[p.id for p in shown])
    return chosen


def _coded(text: str, by_code: dict[str, Port]) -> Port | None:
    """The port of a candidate as listed, its code in the last bracket
    (``"Portland (Or), United States (USPDX)"``, ``"波特兰（俄勒冈州），美国（USPDX）"``): the
    code's port when the text before the bracket names it, else ``None``."""
    found = _CODE_TAIL_RE.match(text)
    if not found or found["code"].upper() not in by_code:
        return None
    port, rest = by_code[found["code"].upper()], found["rest"].strip()
    if not rest:
        return None
    try:
        named = [resolve(rest).id]
    except AmbiguousPortError as err:
        named = list(err.codes)
    except UnknownPortError:
        return None
    return port if port.id in named else None


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
