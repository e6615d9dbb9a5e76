"""Which of several ports a shared name means, or none.

A name that several catalogue ports share (Portland, Kingston, Victoria …) resolves to one of
them only when that one is clearly the port meant:

1. it is the only one this project names: a corridor port, the San Pedro Bay alias, a port with
   a Chinese name in ``data/port_names_zh.csv`` or an English alias in
   ``data/port_aliases.csv`` (Vancouver → CAVAN, Yangshan → the corridor's Yangshan). A
   Chinese name several rows give (奥克兰: Oakland and Auckland; 波特兰: every Portland) names
   each of them, so it is never clearly one; or
2. none is named and it is the only one with liner services in searoute's port data: it serves
   at least :data:`MIN_LINER_COUNTRIES` countries (searoute's ``to_cty``) and every other port
   of that name at most a tenth as many (Kingston → Kingston, Jamaica: 43 countries, the
   Kingstons of Canada, Tasmania and Norfolk Island none).

Otherwise the name is ambiguous and the user is asked for the UN/LOCODE or ``name, country``
(:class:`~geo.errors.AmbiguousPortError`, candidates listed with their codes): Portland
(Oregon, Maine, Victoria, Dorset), Plymouth, Victoria, Georgetown… searoute's terminal flag
(``t``) alone is no evidence: it marks Plymouth, Montserrat and not Plymouth, England, and
Portsmouth, Dominica and not Portsmouth, Virginia.

A longer name competes with an exact one (:func:`rivals`): a port this project names always
(``San Pedro`` also reads as San Pedro Bay); a port with liner services when no exact match is
a port of note (named, flagged by searoute or with liner services of its own): ``Santa Cruz``
(Argentina, none of these) also reads as Santa Cruz de Tenerife, while ``London`` stays the Port
of London beside London Gateway Port, and ``Newport`` stays Newport, Rhode Island.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from geo.catalogue import names as _names

if TYPE_CHECKING:
    from geo.catalogue.portlist import Port

#: Countries served (searoute's ``to_cty``) that make a port the clear reading of its name.
MIN_LINER_COUNTRIES: Final[int] = 5
#: How many times more countries the clear reading serves than any other port of its name.
DOMINANCE: Final[int] = 10


@lru_cache(maxsize=1)
def _named_codes() -> frozenset[str]:
    """Catalogue ids and UN/LOCODEs this project names (Chinese names, English aliases)."""
    return frozenset({*_names.chinese_names(), *_names.aliases().values()})


def is_named(port: Port) -> bool:
    """True for a port this project names: curated, an alias, or in a names file."""
    named = _named_codes()
    return port.kind != "catalogue" or port.id in named or (port.locode or "") in named


def _served(port: Port) -> int:
    return port.liner_countries


def choose(matches: Sequence[Port]) -> Port | None:
    """The port a name shared by ``matches`` clearly means, or None (ambiguous)."""
    named = [p for p in matches if is_named(p)]
    if named:
        return named[0] if len(named) == 1 else None
    ranked = sorted(matches, key=_served, reverse=True)
    best, runner_up = _served(ranked[0]), _served(ranked[1]) if len(ranked) > 1 else 0
    if best >= MIN_LINER_COUNTRIES and runner_up * DOMINANCE <= best:
        return ranked[0]
    return None


def rivals(exact: Sequence[Port], longer: Sequence[Port]) -> list[Port]:
    """The ports of ``longer`` names (``San Pedro Bay`` for ``San Pedro``) that are as likely a
    reading of the name as its ``exact`` matches: none when an exact match is named; only the
    named ones when an exact match is a port of note."""
    if any(is_named(p) for p in exact):
        return []
    evidence = any(p.major or _served(p) >= MIN_LINER_COUNTRIES for p in exact)
    return [
        p for p in longer if is_named(p) or (not evidence and _served(p) >= MIN_LINER_COUNTRIES)
    ]


def ranked(ports: Sequence[Port]) -> list[Port]:
    """Candidates in the order a refusal lists them: named, then by countries served."""
    return sorted(ports, key=lambda p: (not is_named(p), -_served(p)))
