"""Trade-value, volume and milestone facts for the corridor, each with its source and year.

Every figure comes from a small CSV in ``data/`` (see ``data/README.md``); nothing here is
computed except the labels. Files are read once per directory (``functools.lru_cache``) and
validated on load: a row without a source, a year/date or a value raises
:class:`geo.errors.DataError` naming the file, the row and the missing field.

Each public function takes an optional keyword ``data_dir``; when it is ``None`` the module
reads ``geo.settings.DATA_DIR`` at call time, so tests can pass a directory or monkeypatch
that setting. This module holds no coordinates.

Codes: ports are UN/LOCODEs (``CNSHA``, ``USLAX``, ``USLGB``, ``CNNGB``) plus
``SAN-PEDRO-BAY`` for Los Angeles and Long Beach together. A corridor-port id such as
``CNSHA-YANGSHAN`` is read as its UN/LOCODE (``CNSHA``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

from geo.facts.figures import (
    SAN_PEDRO_BAY,
    Figure,
    LaneAnnotation,
    Milestone,
    _date_parts,
    _year_key,
    normalise_code,
)
from geo.facts.loading import (
    CORRIDOR_PORTS_FILE,
    DATE_PRECISIONS,
    LANE_FACTS_FILE,
    MILESTONES_FILE,
    PORT_VOLUMES_FILE,
    TRADE_VALUES_FILE,
    _data_dir,
    _load_figures,
    _load_milestones,
    _load_volumes,
    _read_rows,
    clear_cache,
    load_all,
)

CORRIDOR_ORIGIN: Final[str] = "CNSHA"
CORRIDOR_DESTINATIONS: Final[frozenset[str]] = frozenset({"USLAX", "USLGB", SAN_PEDRO_BAY})
CORRIDOR_LANE_NAME: Final[str] = "LA–Long Beach–Shanghai"
LANE_HEADLINE_METRIC: Final[str] = "trade value"

__all__ = [
    "SAN_PEDRO_BAY",
    "Figure",
    "LaneAnnotation",
    "Milestone",
    "clear_cache",
    "load_all",
    "normalise_code",
]

# --------------------------------------------------------------------------------------------
# Public look-ups
# --------------------------------------------------------------------------------------------


def _newest_first(figures: Iterable[Figure]) -> list[Figure]:
    return sorted(figures, key=lambda figure: _year_key(figure.year), reverse=True)


def port_volumes(locode: str, *, data_dir: Path | None = None) -> list[Figure]:
    """Container volumes (TEU) of one port, newest first; ``[]`` for a port with none.

    ``locode`` is a UN/LOCODE (``USLAX``) or ``SAN-PEDRO-BAY`` (LA + LB combined).
    """
    code = normalise_code(locode)
    rows = _load_volumes(_data_dir(data_dir) / PORT_VOLUMES_FILE)
    return _newest_first(figure for figure in rows if figure.subject == code)


def latest_volume(locode: str, *, data_dir: Path | None = None) -> Figure | None:
    """The newest container-volume figure of a port, or None when there is none."""
    volumes = port_volumes(locode, data_dir=data_dir)
    return volumes[0] if volumes else None


def port_trade(locode: str, *, data_dir: Path | None = None) -> list[Figure]:
    """Trade figures about one port (two-way trade, China's share ...), newest first."""
    code = normalise_code(locode)
    rows = _load_figures(_data_dir(data_dir) / TRADE_VALUES_FILE)
    return _newest_first(figure for figure in rows if figure.subject == code)


def country_pair_trade(pair: str = "US-CN", *, data_dir: Path | None = None) -> list[Figure]:
    """Goods-trade figures of a country pair (default US–China), in file order."""
    rows = _load_figures(_data_dir(data_dir) / TRADE_VALUES_FILE)
    return [figure for figure in rows if figure.subject == pair.strip().upper()]


def is_corridor_lane(origin_locode: str | None, destination_locode: str | None) -> bool:
    """True for Shanghai ↔ Los Angeles / Long Beach / San Pedro Bay, in either direction."""
    if not origin_locode or not destination_locode:
        return False
    origin, destination = normalise_code(origin_locode), normalise_code(destination_locode)
    return (origin == CORRIDOR_ORIGIN and destination in CORRIDOR_DESTINATIONS) or (
        destination == CORRIDOR_ORIGIN and origin in CORRIDOR_DESTINATIONS
    )


def lane_figures(
    origin_locode: str | None,
    destination_locode: str | None,
    *,
    data_dir: Path | None = None,
) -> LaneAnnotation:
    """The sourced trade figures for an origin → destination lane.

    Only the corridor lane (``CNSHA`` to or from ``USLAX``, ``USLGB`` or ``SAN-PEDRO-BAY``)
    has sourced figures; its headline is the lane's trade value. Any other pair, or a missing
    code, gives ``sourced=False`` and a message naming both codes.
    """
    origin = normalise_code(origin_locode) if origin_locode else "(none)"
    destination = normalise_code(destination_locode) if destination_locode else "(none)"
    if not is_corridor_lane(origin_locode, destination_locode):
        return LaneAnnotation(
            figures=[],
            headline=None,
            sourced=False,
            message=(
                f"No sourced trade figure exists for the lane {origin} → {destination}. "
                f"Trade values are shown only for the {CORRIDOR_LANE_NAME} corridor "
                f"({CORRIDOR_ORIGIN} ↔ USLAX, USLGB or {SAN_PEDRO_BAY})."
            ),
        )
    figures = list(_load_figures(_data_dir(data_dir) / LANE_FACTS_FILE))
    headline = next((figure for figure in figures if figure.metric == LANE_HEADLINE_METRIC), None)
    if headline is None:
        message = (
            f"The {CORRIDOR_LANE_NAME} lane ({origin} → {destination}) has no sourced "
            "trade value in lane_facts.csv."
        )
    else:
        message = (
            f"{CORRIDOR_LANE_NAME} lane ({origin} → {destination}): trade worth "
            f"{headline.label()} — {headline.source}."
        )
    return LaneAnnotation(
        figures=figures, headline=headline, sourced=headline is not None, message=message
    )


def milestones(*, data_dir: Path | None = None) -> list[Milestone]:
    """Corridor milestones in chronological order; targets and proposals last."""
    rows = _load_milestones(_data_dir(data_dir) / MILESTONES_FILE)
    order = {precision: index for index, precision in enumerate(DATE_PRECISIONS)}

    def key(item: tuple[int, Milestone]) -> tuple[bool, int, tuple[int, int, int], int]:
        position, milestone = item
        forward = milestone.is_forward_looking
        # events sort by date; targets by date, then proposals
        group = order[milestone.date_precision] if forward else 0
        return (forward, group, _date_parts(milestone.date), position)

    return [milestone for _, milestone in sorted(enumerate(rows), key=key)]


def _unique(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], None] = {}
    for pair in pairs:
        if pair[0]:
            seen.setdefault(pair, None)
    return list(seen)


def _corridor_port_sources(path: Path) -> list[tuple[str, str]]:
    """Citation columns (``*_source``) of corridor_ports.csv; no coordinates are read."""
    if not path.exists():
        return []
    rows = _read_rows(path, ())
    names: Sequence[str] = [name for name in rows[0][1] if name.endswith("source")] if rows else []
    return [(row[name], "") for _, row in rows for name in names if row[name]]


def all_sources(*, data_dir: Path | None = None) -> list[tuple[str, str]]:
    """Unique ``(source, url)`` pairs across every data file, in order of first use.

    ``url`` is ``""`` where the source has no web address (e.g. the China Daily report of the
    Port of Los Angeles annual address).
    """
    directory = _data_dir(data_dir)
    figures: list[Figure] = [
        *_load_volumes(directory / PORT_VOLUMES_FILE),
        *_load_figures(directory / TRADE_VALUES_FILE),
        *_load_figures(directory / LANE_FACTS_FILE),
    ]
    pairs = [(figure.source, figure.source_url) for figure in figures]
    pairs += [(m.source, m.source_url) for m in _load_milestones(directory / MILESTONES_FILE)]
    pairs += _corridor_port_sources(directory / CORRIDOR_PORTS_FILE)
    return _unique(pairs)


def data_as_of(*, data_dir: Path | None = None) -> str:
    """The date of the data: the newest past milestone date or figure year, as ``YYYY``,
    ``YYYY-MM`` or ``YYYY-MM-DD`` (whichever is later; forward-looking targets excluded)."""
    directory = _data_dir(data_dir)
    figures: list[Figure] = [
        *_load_volumes(directory / PORT_VOLUMES_FILE),
        *_load_figures(directory / TRADE_VALUES_FILE),
        *_load_figures(directory / LANE_FACTS_FILE),
    ]
    candidates = [(_date_parts(str(_year_key(f.year))), str(_year_key(f.year))) for f in figures]
    candidates += [
        (_date_parts(m.date), m.date)
        for m in _load_milestones(directory / MILESTONES_FILE)
        if not m.is_forward_looking
    ]
    return max(candidates)[1] if candidates else ""
