"""Lane atlas jobs: sea-distance matrices and many lanes, partitioned by origin.

* :func:`matrix_job` — the square matrix of sea distances (nm) between ports; one task per
  block of origins (:data:`ORIGINS_PER_TASK`), each one Dijkstra per origin
  (:mod:`geo.routing.matrix`).
* :func:`atlas_job` — one record per lane of a lanes file: distance, days, passages and the
  regulatory segments; one task per origin (one shortest-path tree answers all its lanes).

Both run in-process or on Dask (:mod:`geo.jobs.dask_runner`) and give identical numbers either
way: the partition is fixed, and a row never depends on the other rows of its task.
Every coordinate is ``(lon, lat)``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.catalogue import ports as _ports
from geo.errors import GeoError
from geo.export.rfc7946 import rfc7946_line
from geo.i18n import N_, Text, Translator, translator
from geo.jobs.dask_runner import IN_PROCESS, Scheduler, run_tasks
from geo.present.errtext import error_text
from geo.routing import matrix as _matrix
from geo.routing.engine import PASSAGE_LABELS, normalise_avoid, validate_speed
from geo.settings import DEFAULT_SPEED_KN, KM_PER_NM
from geo.voyage.emissions import DEFAULT_FUEL, DEFAULT_SHIP_TEU, voyage_emissions
from geo.zones import corridor

ORIGINS_PER_TASK = 8
MAX_TEXT_CHARS = 60
LANE_COLUMNS: tuple[str, ...] = (
    "lane",
    "origin",
    "origin_name",
    "destination",
    "destination_name",
    "speed_kn",
    "distance_nm",
    "distance_km",
    "days",
    "great_circle_nm",
    "passages",
    "avoid",
    "segments",
    "segments_json",
    "fuel",
    "ship_teu",
    "fuel_t",
    "co2_ttw_t",
    "co2e_wtw_t",
    "g_co2_per_teu_km",
)


class LanesFileError(GeoError):
    """A lanes file that cannot be read, or a row with a bad field (named with its line)."""


class RowError(str):
    """The message of one bad row of a lanes file, in the job's language (``"line 4: …"`` /
    ``"第4行：…"``); ``line`` is its line number."""

    line: int

    def __new__(cls, line: int, text: str) -> RowError:
        obj = super().__new__(cls, text)
        obj.line = line
        return obj

    def __reduce__(self) -> tuple[type[RowError], tuple[int, str]]:  # across Dask workers
        return (RowError, (self.line, str(self)))


def row_error(line: int, reason: BaseException, tr: Translator) -> RowError:
    """``"line 4: <the error>"``, the error worded in ``tr``'s language (a message that already
    starts with its line is kept whole)."""
    text = error_text(reason, tr)
    first = reason.args[0] if reason.args else None
    if isinstance(first, Text) and first.template.startswith("line {line}"):
        return RowError(line, text)
    return RowError(line, tr("line {line}: {reason}", line=line, reason=text))


def port_code(port: _ports.Port) -> str:
    """The column header of a port: its UN/LOCODE, else its catalogue id (``lon,lat``)."""
    return port.locode or port.id


def resolve_all(queries: Iterable[str], lang: str = "en") -> tuple[list[_ports.Port], list[str]]:
    """Resolve every query; returns (ports in order, without repeats; one error message per
    query that failed, naming it with close matches, in ``lang``)."""
    tr = translator(lang)
    found: list[_ports.Port] = []
    errors: list[str] = []
    for query in queries:
        try:
            port = _ports.resolve(query)
        except GeoError as exc:
            errors.append(error_text(exc, tr))
            continue
        if port not in found:
            found.append(port)
    return found, errors


def read_ports_file(path: Path | str) -> list[str]:
    """Port queries from a text file: one per line (a name may contain commas); blank lines
    and lines starting with ``#`` are skipped. Raises :class:`LanesFileError`."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise LanesFileError(
            N_("cannot read the ports file {name!r}: {reason}", name=str(path)[:120], reason=exc)
        ) from None
    return [s.strip() for s in lines if s.strip() and not s.strip().startswith("#")]


def _matrix_task(
    origins: Sequence[tuple[float, float]],
    destinations: Sequence[tuple[float, float]],
    avoid: tuple[str, ...],
) -> np.ndarray:
    return _matrix.distance_rows(origins, destinations, avoid=avoid)


def matrix_job(
    ports: Sequence[_ports.Port],
    *,
    avoid: Iterable[str] | str | None = (),
    scheduler: Scheduler = IN_PROCESS,
    progress: bool = False,
) -> pd.DataFrame:
    """The sea-distance matrix in nm: a square DataFrame indexed and headed by
    :func:`port_code`, 0 on the diagonal, NaN where the avoided passages leave no path.

    Raises :class:`~geo.errors.UnknownPassageError` or a scheduler error naming the value.
    """
    avoid_key = normalise_avoid(avoid)
    coords = [p.route_coord for p in ports]
    blocks = [coords[i : i + ORIGINS_PER_TASK] for i in range(0, len(coords), ORIGINS_PER_TASK)]
    rows = run_tasks(
        _matrix_task,
        [(block, coords, avoid_key) for block in blocks],
        scheduler=scheduler,
        progress=progress,
        weights=[len(block) * len(coords) for block in blocks],
        unit="pair",
    )
    values = np.vstack(rows) if rows else np.zeros((0, 0))
    values[~np.isfinite(values)] = np.nan
    codes = [port_code(p) for p in ports]
    frame = pd.DataFrame(values, index=pd.Index(codes, name="origin"), columns=codes)
    return frame


@dataclass(frozen=True)
class Lane:
    """One row of a lanes file: ``line`` is its line number in the file."""

    line: int
    origin: _ports.Port
    destination: _ports.Port
    speed_kn: float = DEFAULT_SPEED_KN
    fuel: str = ""
    ship_teu: float | None = None


def _lane(line: int, row: list[str]) -> Lane:
    cells = [c.strip() for c in row] + [""] * 5
    origin, destination, speed, fuel, teu = cells[:5]
    if not origin or not destination:
        raise LanesFileError(N_("line {line}: origin and destination are both required", line=line))
    try:
        speed_kn = validate_speed(speed) if speed else DEFAULT_SPEED_KN
    except GeoError as exc:
        raise LanesFileError(N_("line {line}: {reason}", line=line, reason=exc)) from None
    try:
        ship_teu = float(teu) if teu else None
    except ValueError:  # named with what is accepted, as a number out of range is
        ship_teu = float("nan")
    if ship_teu is not None and not (np.isfinite(ship_teu) and ship_teu > 0):
        raise LanesFileError(
            N_(
                "line {line}: ship_teu {value!r} must be a number above 0",
                line=line,
                value=teu[:20],
            )
        )
    o, d = _ports.resolve(origin), _ports.resolve(destination)
    return Lane(line, o, d, speed_kn, fuel[:MAX_TEXT_CHARS], ship_teu)


def read_lanes(path: Path | str, lang: str = "en") -> tuple[list[Lane], list[RowError]]:
    """Lanes from a CSV of ``origin,destination[,speed_kn,fuel,ship_teu]`` rows (a header
    row starting with ``origin`` is skipped). Returns (good lanes; one message per bad row,
    naming its line, an unknown port with close matches, in ``lang``). Raises
    :class:`LanesFileError` when the file cannot be read or holds no lane at all.
    """
    tr = translator(lang)
    try:
        with Path(path).open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise LanesFileError(
            N_("cannot read the lanes file {name!r}: {reason}", name=str(path)[:120], reason=exc)
        ) from None
    lanes: list[Lane] = []
    errors: list[RowError] = []
    for n, row in enumerate(rows, start=1):
        if not any(c.strip() for c in row) or row[0].strip().startswith("#"):
            continue
        if n == 1 and row[0].strip().lower() == "origin":
            continue
        try:
            lanes.append(_lane(n, row))
        except GeoError as exc:
            errors.append(row_error(n, exc, tr))
    if not lanes and not errors:
        raise LanesFileError(
            N_(
                "the lanes file {name!r} has no lanes; give rows of {columns}",
                name=str(path)[:120],
                columns="origin,destination[,speed_kn,fuel,ship_teu]",
            )
        )
    return lanes, errors


def _segments_text(records: list[dict[str, Any]]) -> str:
    return "; ".join(f"{r['name']} {r['distance_nm']:,.0f} nm" for r in records)


def _lanes_task(
    origin: _ports.Port, lanes: Sequence[Lane], avoid: tuple[str, ...], lang: str = "en"
) -> list[dict[str, Any]]:
    """Every lane from one origin, from one shortest-path tree (errors worded in ``lang``)."""
    tr = translator(lang)
    tree = _matrix.tree(origin, avoid=avoid)
    out: list[dict[str, Any]] = []
    for lane in lanes:
        try:
            r = tree.route(lane.destination, speed_kn=lane.speed_kn)
        except GeoError as exc:  # same place, or blocked by the avoided passages
            out.append({"lane": lane.line, "error": row_error(lane.line, exc, tr)})
            continue
        segment_gdf = corridor.segment_route(r.line, speed_kn=r.speed_kn)
        segments = corridor.segments_as_records(segment_gdf)
        try:  # the lane's ship and fuel, else the voyage model's defaults
            em = voyage_emissions(
                segment_gdf,
                ship_teu=lane.ship_teu if lane.ship_teu is not None else DEFAULT_SHIP_TEU,
                fuel=lane.fuel or DEFAULT_FUEL,
                speed_kn=r.speed_kn,
            )
        except GeoError as exc:
            out.append({"lane": lane.line, "error": row_error(lane.line, exc, tr)})
            continue
        out.append(
            {
                "lane": lane.line,
                "origin": port_code(r.origin),
                "origin_name": r.origin.name,
                "destination": port_code(r.destination),
                "destination_name": r.destination.name,
                "speed_kn": r.speed_kn,
                "distance_nm": round(r.distance_nm, 1),
                "distance_km": round(r.distance_nm * KM_PER_NM, 1),
                "days": round(r.duration_days, 2),
                "great_circle_nm": round(r.great_circle_nm, 1),
                "passages": ", ".join(PASSAGE_LABELS.get(p, p) for p in r.passages),
                "avoid": ",".join(r.avoid),
                "segments": _segments_text(segments),
                "segments_json": json.dumps(segments, ensure_ascii=False),
                "fuel": em.fuel,
                "ship_teu": em.ship_teu,
                "fuel_t": round(em.fuel_t, 1),
                "co2_ttw_t": round(em.co2_ttw_t, 1),
                "co2e_wtw_t": None if em.co2e_wtw_t is None else round(em.co2e_wtw_t, 1),
                "g_co2_per_teu_km": round(em.g_co2_per_teu_km, 2),
                "geometry": rfc7946_line(r.line),
            }
        )
    return out


def atlas_job(
    lanes: Sequence[Lane],
    *,
    avoid: Iterable[str] | str | None = (),
    scheduler: Scheduler = IN_PROCESS,
    progress: bool = False,
    lang: str = "en",
) -> tuple[gpd.GeoDataFrame, list[RowError]]:
    """One feature per lane, in file order: columns :data:`LANE_COLUMNS` and an RFC 7946
    MultiLineString geometry (EPSG:4326, cut at 180°). Lanes are grouped by origin, one task
    per origin. Returns (the features; one message per lane that has no route, e.g. same
    ports or blocked by ``avoid``, in ``lang``); the other lanes are still computed.
    """
    avoid_key = normalise_avoid(avoid)
    groups: dict[_ports.Port, list[Lane]] = {}
    for lane in lanes:
        groups.setdefault(lane.origin, []).append(lane)
    tasks = [(origin, group, avoid_key, lang) for origin, group in groups.items()]
    results = run_tasks(
        _lanes_task,
        tasks,
        scheduler=scheduler,
        progress=progress,
        weights=[len(g) for g in groups.values()],
        unit="lane",
    )
    done = sorted((rec for res in results for rec in res), key=lambda rec: rec["lane"])
    records = [rec for rec in done if "error" not in rec]
    errors = [rec["error"] for rec in done if "error" in rec]
    frame = gpd.GeoDataFrame(
        records, columns=[*LANE_COLUMNS, "geometry"], geometry="geometry", crs="EPSG:4326"
    )
    return frame, errors
