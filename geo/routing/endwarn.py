"""Warnings about a route's ends, as data: an end on land, an end far from the sea lanes.

:func:`end_warnings` checks one end of a route and returns :class:`RouteWarning` values (what,
which end, the port, the distance and the limit it passed), not sentences: the page, the
command line and the exports word them in the reader's language
(:func:`geo.present.routewarn.warning_text`). :meth:`RouteWarning.message` is the English
sentence the domain uses itself (an :class:`~geo.errors.OffNetworkError` under ``strict``, the
``message`` of a machine-readable warning).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Literal

from geo.catalogue import ports as _ports
from geo.catalogue import sealanes as _sealanes

#: ``on_land``: the end lies inland on the 1:110m land layer; ``far_from_network``: its snap
#: leg to the nearest sea-lane node is longer than ``far_from_network_nm``.
WarningKind = Literal["on_land", "far_from_network"]
End = Literal["origin", "destination"]
KINDS: Final[tuple[str, ...]] = ("on_land", "far_from_network")
LAND_LAYER: Final[str] = "Natural Earth 1:110m"


@dataclass(frozen=True)
class RouteWarning:
    """One warning about one end of a route.

    ``distance_nm``: how far inland (``on_land``) or how far from the nearest sea-lane node
    (``far_from_network``) the end lies; ``limit_nm``: the tolerance it exceeds
    (``land_tolerance_nm`` / ``far_from_network_nm`` of ``data/routing_limits.csv``).
    """

    kind: WarningKind
    end: End
    port: _ports.Port
    distance_nm: float
    limit_nm: float

    def message(self) -> str:
        """The warning as an English sentence (the words the route has always used)."""
        if self.kind == "on_land":
            return (
                f"{self.end} {self.port.label} is on land ({self.distance_nm:,.0f} nm inland on "
                f"the {LAND_LAYER} land layer)"
            )
        leg = "starts" if self.end == "origin" else "ends"
        return (
            f"{self.end} {self.port.label} is {self.distance_nm:,.0f} nm from the nearest sea "
            f"lane (more than {self.limit_nm:g} nm); the route {leg} with a straight leg to it"
        )

    def __str__(self) -> str:
        return self.message()

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: ``kind``, ``end``, the port (``port``, ``port_id``), ``distance_nm``,
        ``limit_nm`` (rounded to 0.1 nm) and the English ``message``."""
        return {
            "kind": self.kind,
            "end": self.end,
            "port": self.port.label,
            "port_id": self.port.id,
            "distance_nm": round(self.distance_nm, 1),
            "limit_nm": round(self.limit_nm, 1),
            "message": self.message(),
        }


def end_warnings(port: _ports.Port, end: End, snap_nm: float) -> tuple[RouteWarning, ...]:
    """The warnings about ``port`` as the route's ``end``, whose snap leg is ``snap_nm`` long:
    on land (inland by more than the land layer's tolerance, and as far from the network),
    and far from the network (a snap leg longer than ``far_from_network_nm``)."""
    lim = _sealanes.limits()
    out: list[RouteWarning] = []
    inland = _sealanes.inland_nm(*port.route_coord)
    if inland > lim.land_tolerance_nm and snap_nm > lim.land_tolerance_nm:
        out.append(RouteWarning("on_land", end, port, inland, lim.land_tolerance_nm))
    if snap_nm > lim.far_from_network_nm:
        out.append(RouteWarning("far_from_network", end, port, snap_nm, lim.far_from_network_nm))
    return tuple(out)


def strict_message(warnings: tuple[RouteWarning, ...]) -> str:
    """The English message of the :class:`~geo.errors.OffNetworkError` that ``strict``
    raises instead of routing with ``warnings``."""
    return "; ".join(w.message() for w in warnings) + (
        " (strict: an end must be at sea and within "
        f"{_sealanes.limits().far_from_network_nm:g} nm of the sea lanes)"
    )
