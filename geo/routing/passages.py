"""Passages a route can avoid, each defined by its own gate: a line across the strait, canal
or cape, ``(lon, lat)``, from ``data/passages.csv`` (source and year per row).

A route *uses* a passage when its drawn line crosses the passage's gate; a route that avoids a
passage must not cross its gate. searoute's own edge tags are not trusted for either question
(they miss edges: its ``south_africa`` tags leave open lanes south of 40° S). searoute's
``chili`` blocked both the Strait of Magellan and Cape Horn; here they are two passages,
``magellan`` and ``cape_horn``, and the name ``chili`` still means both.

The Northwest Passage is always avoided (seasonal ice; searoute's own default); it is removed
by searoute's ``northwest`` edge tag (:data:`ALWAYS_AVOIDED_TAGS`), not by a gate.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shapely
from shapely import wkt
from shapely.geometry import LineString

from geo.errors import DataError, UnknownPassageError
from geo.routing import passage_names as _names
from geo.settings import DATA_DIR

PASSAGES_PATH = DATA_DIR / "passages.csv"
ALWAYS_AVOIDED_TAGS: tuple[str, ...] = ("northwest",)


@dataclass(frozen=True)
class Gate:
    """One passage: ``name`` (key), ``label`` (for people), ``line`` (``(lon, lat)``, ±180)."""

    name: str
    label: str
    line: LineString
    source: str
    year: str


@lru_cache(maxsize=1)
def gates() -> dict[str, Gate]:
    """Every passage gate by name; :class:`~geo.errors.DataError` on a bad row."""
    out: dict[str, Gate] = {}
    with PASSAGES_PATH.open(encoding="utf-8", newline="") as fh:
        for row_no, row in enumerate(csv.DictReader(fh), start=2):
            try:
                line = wkt.loads(row["gate_wkt"])
                if not isinstance(line, LineString) or not row["source"] or not row["year"]:
                    raise ValueError("gate_wkt must be a LINESTRING with a source and year")
                out[row["name"]] = Gate(row["name"], row["label"], line, row["source"], row["year"])
            except (KeyError, ValueError, shapely.errors.GEOSException) as exc:
                raise DataError(f"{PASSAGES_PATH.name} row {row_no}: {exc}") from exc
    return out


PASSAGES: tuple[str, ...] = tuple(sorted(gates()))
PASSAGE_LABELS: dict[str, str] = {g.name: g.label for g in gates().values()}
_LABELLED: tuple[tuple[str, str], ...] = tuple((n, PASSAGE_LABELS[n]) for n in PASSAGES)


def normalise_avoid(avoid: Iterable[str] | str | None) -> tuple[str, ...]:
    """Passage names, checked and sorted; accepts a comma-separated string or any iterable.

    Accepts the names of :data:`PASSAGES`, their English and Chinese names (``Suez Canal``,
    ``苏伊士运河``, ``苏伊士``, Traditional ``蘇伊士``), spaces for underscores, any case, and a few
    aliases (``cape``, ``hormuz``, ``chili`` = Cape Horn and Magellan): see
    :mod:`geo.routing.passage_names`. Items are separated by ``,``, ``，`` or ``、``.
    ``northwest`` is dropped (always avoided). Raises
    :class:`~geo.errors.UnknownPassageError` naming the bad item.
    """
    if avoid is None:
        return ()
    items = [avoid] if isinstance(avoid, str) else list(avoid)
    out: set[str] = set()
    for entry in items:
        if not isinstance(entry, str):
            raise UnknownPassageError(
                f"passage {entry!r} is not a name; accepted: {', '.join(PASSAGES)}", str(entry)
            )
        for item in _names.split_items(entry):
            if not item.strip():
                continue
            names = _names.lookup(item, _LABELLED)
            if names is None:
                raise UnknownPassageError(
                    f"unknown passage {item.strip()!r}; accepted: {', '.join(PASSAGES)}",
                    item.strip(),
                )
            out.update(name for name in names if name != "northwest")
    return tuple(sorted(out))


def _gate_copies(names: Iterable[str]) -> list[tuple[str, LineString]]:
    """Each gate and its copies one turn east and west (for unwrapped lines)."""
    out: list[tuple[str, LineString]] = []
    for name in names:
        line = gates()[name].line
        for turn in (-1, 0, 1):
            out.append(
                (name, shapely.transform(line, lambda xy, t=turn: xy + np.array([360.0 * t, 0.0])))
            )
    return out


def crossed(
    coords: Sequence[Sequence[float]], names: Iterable[str] | None = None
) -> tuple[str, ...]:
    """Names of the gates a continuous ``(lon, lat)`` polyline crosses, sorted.

    ``coords`` may be unwrapped (longitudes beyond ±180); ``names`` limits the gates tested
    (default: all). Lines are compared in the plane of ``(lon, lat)``: draw the polyline densely
    (geodesic points every few tens of nm) for a geodesic answer.
    """
    if len(coords) < 2:
        return ()
    line = LineString([(float(c[0]), float(c[1])) for c in coords])
    hits = {name for name, gate in _gate_copies(names or PASSAGES) if line.intersects(gate)}
    return tuple(sorted(hits))


def crossing_lines(lines: Sequence[LineString], names: Iterable[str]) -> dict[str, set[int]]:
    """For each gate name, the indexes of ``lines`` (unwrapped ``(lon, lat)``) that cross it."""
    tree = shapely.STRtree(list(lines))
    out: dict[str, set[int]] = {name: set() for name in names}
    for name, gate in _gate_copies(out):
        out[name].update(int(i) for i in np.atleast_1d(tree.query(gate, predicate="intersects")))
    return out
