"""Canals a ship is too large for, from ``data/canal_limits.csv``.

Panama: the Neopanamax locks (LOA 370.33 m, beam 51.25 m, draught 15.24 m TFW; Panama Canal
Authority as reported by Asia Cargo News, 2021) take New Panamax ships of about 14,000 TEU
(wikimili, after the ACP "Vessel Requirements"); larger ships are not routed through it.
Suez: a sea-level canal without locks; no TEU limit is applied (none found to cite).
"""

from __future__ import annotations

from geo.voyage.factors import CanalLimit, canal_limits
from geo.voyage.validate import validate_ship_teu


def canals_closed_to(ship_teu: object) -> list[CanalLimit]:
    """The canals a ``ship_teu`` container ship cannot use, e.g. ``[Panama Canal]`` for 20,000.

    Each item has ``canal`` (a name for the page: "Panama Canal"), ``passage`` (the name
    :func:`geo.routing.engine.route` takes in ``avoid``), ``max_teu``, ``source`` and ``year``.
    Raises :class:`~geo.voyage.validate.InvalidShipSizeError` for a size outside the classes.
    """
    teu = validate_ship_teu(ship_teu)
    return [c for c in canal_limits() if c.max_teu is not None and teu > c.max_teu]


def avoid_for_ship(ship_teu: object) -> tuple[str, ...]:
    """searoute passage names to add to ``route(..., avoid=...)`` for a ``ship_teu`` ship."""
    return tuple(c.passage for c in canals_closed_to(ship_teu))
