"""The presentation model: one object per lane view that every output reads.

:func:`present` turns a :class:`~geo.present.view.LaneView` (routes, layers, facts) plus the
user's display choices (layers switched on, custom label, title, map extent) into a
:class:`LanePresentation`: every figure formatted once with its unit and source, the source
list, the texts (title, subtitle, passages, assumptions, "not for navigation"), the legend
(only what the map shows and the route enters), the colours and the choices. The page, the
interactive map, the browser PNG, the static PNG/SVG/PDF, the standalone HTML, the data
exports' metadata and the command line's text and JSON read it and nothing else, so they
cannot disagree.

Coordinates are ``(lon, lat)``; an extent is ``(west, south, east, north)`` in degrees, its
longitudes in the view's display window (``view.window_west_deg`` … ``+360``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from geo.catalogue.land import LAND_SOURCE
from geo.errors import GeoError
from geo.present import style
from geo.present.layers import route_id
from geo.present.options import ALL_LAYERS
from geo.present.text import format_date, plain, short_source
from geo.present.view import LaneView
from geo.routing import engine as routing

NOT_FOR_NAVIGATION: Final[str] = "Not for navigation."
CORRIDOR_TAG: Final[str] = "LA – Long Beach – Shanghai Green Shipping Corridor"
SEAROUTE_SOURCE: Final[tuple[str, str]] = (
    "searoute (maritime network and port list, Apache-2.0)",
    "https://github.com/genthalili/searoute-py",
)
NATURAL_EARTH_URL: Final[str] = "https://www.naturalearthdata.com/"
MAX_TITLE_CHARS: Final[int] = 120
MAX_LABEL_CHARS: Final[int] = 120
_NUMBERED: Final[re.Pattern[str]] = re.compile(r"\s*\(\d+\)$")


class InvalidExtentError(GeoError):
    """A map extent that is not four finite numbers with west < east and south < north."""


@dataclass(frozen=True)
class Metric:
    """One key figure, formatted once: ``value`` ``"5,739 nm"``, ``note`` ``"10,629 km"``.

    ``number`` is the unrounded value in ``unit`` (for JSON); ``source``/``source_url`` name
    where a sourced figure comes from (empty for figures this project computes).
    """

    key: str
    label: str
    value: str
    note: str
    number: float | None
    unit: str
    source: str = ""
    source_url: str = ""

    def text(self) -> str:
        """``"5,739 nm (10,629 km)"``: value and note on one line."""
        return f"{self.value} ({self.note})" if self.note else self.value


@dataclass(frozen=True)
class Source:
    """A cited source: its full title, a link (may be empty) and a short footer name."""

    title: str
    url: str

    @property
    def short(self) -> str:
        return short_source(self.title)


@dataclass(frozen=True)
class LegendItem:
    """One legend row. ``kind`` is ``lane``, ``zone`` or ``port``; ``key`` the zone id for
    zones; ``distance_nm``/``duration_h`` what the headline route spends in a zone."""

    kind: str
    key: str
    label: str
    colour: str
    striped: bool = False
    note: str = ""
    distance_nm: float | None = None
    duration_h: float | None = None


@dataclass(frozen=True)
class Palette:
    """The colours every renderer uses (Okabe–Ito zones: colour-blind-safe)."""

    lane: str = style.LANE_COLOUR
    land: str = style.LAND_COLOUR
    land_edge: str = style.LAND_EDGE_COLOUR
    sea: str = style.SEA_COLOUR
    port: str = style.PORT_COLOUR
    ink: str = style.INK
    muted: str = style.MUTED
    rule: str = style.RULE
    panel: str = style.PANEL_FILL

    def zone(self, zone_id: str) -> str:
        return style.zone_colour(zone_id)


@dataclass(frozen=True)
class LanePresentation:
    """Everything an output shows about one lane view. Build it with :func:`present`."""

    view: LaneView
    title: str
    subtitle: str
    corridor_tag: str
    metrics: tuple[Metric, ...]
    passages_used: tuple[str, ...]
    passages_avoided: tuple[str, ...]
    legend: tuple[LegendItem, ...]
    sources: tuple[Source, ...]
    assumptions: str
    notice: str
    warnings: tuple[str, ...]
    layers: tuple[str, ...]
    label: str
    extent: tuple[float, float, float, float] | None
    lane_label: str
    lane_weight_px: float
    as_of: str
    palette: Palette = field(default_factory=Palette)

    def metric(self, key: str) -> Metric:
        """The metric with ``key`` (``distance``, ``time``, ``great_circle``, ``trade``)."""
        for m in self.metrics:
            if m.key == key:
                return m
        raise KeyError(key)

    def shows(self, layer: str) -> bool:
        return layer in self.layers

    def passages_text(self) -> str:
        """``"Passages used: Panama Canal · avoided: Suez Canal"``."""
        used = ", ".join(self.passages_used) or "none"
        avoided = ", ".join(self.passages_avoided) or "none"
        return f"Passages used: {used} · avoided: {avoided}"

    def footer_sources(self) -> str:
        """``"Sources: searoute; Natural Earth; …."`` with short publisher names."""
        names = list(dict.fromkeys(s.short for s in self.sources if s.short))
        return "Sources: " + "; ".join(names) + "."

    def footer_lines(self) -> tuple[str, ...]:
        """The slide footer, top to bottom: passages, assumptions + notice, sources."""
        return (self.passages_text(), self.assumptions, self.footer_sources())

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready metadata (GeoJSON ``metadata``, CLI JSON, GeoPackage/CSV sidecars)."""
        r = self.view.main
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "origin": self.view.origin.name,
            "destination": self.view.destination.name,
            "speed_kn": float(self.view.speed_kn),
            "avoid": list(self.view.avoid),
            "as_of": self.as_of,
            "figures": {m.key: m.text() for m in self.metrics},
            "metrics": [
                {
                    "key": m.key,
                    "label": m.label,
                    "value": m.value,
                    "note": m.note,
                    "number": m.number,
                    "unit": m.unit,
                    "source": m.source,
                    "source_url": m.source_url,
                }
                for m in self.metrics
            ],
            "passages_used": list(r.passages),
            "passages_avoided": list(self.view.avoid),
            "passages_text": self.passages_text(),
            "assumptions": self.assumptions,
            "notice": self.notice,
            "warnings": list(self.warnings),
            "layers": list(self.layers),
            "label": self.label,
            "sources": [{"source": s.title, "url": s.url} for s in self.sources],
        }


# ----------------------------------------------------------------------------- figures


def nm_words(distance_nm: float) -> str:
    """``"5,739 nm"``; below 10 nm one decimal (``"4.3 nm"``)."""
    return f"{distance_nm:,.0f} nm" if distance_nm >= 10 else f"{distance_nm:.1f} nm"


def duration_words(hours: float) -> str:
    """``"13.3 days"``; under two days in hours (``"5.2 h"``, ``"31 h"``)."""
    if hours >= 48:
        return f"{hours / 24:,.1f} days"
    return f"{hours:,.0f} h" if hours >= 10 else f"{hours:.1f} h"


def _metrics(view: LaneView) -> tuple[Metric, ...]:
    r = view.main
    to = f" to {r.destination.name}" if len(view.routes) > 1 else ""
    out = [
        Metric(
            "distance",
            f"Sea distance{to}",
            nm_words(r.distance_nm),
            f"{r.distance_km:,.0f} km" if r.distance_km >= 10 else f"{r.distance_km:.1f} km",
            r.distance_nm,
            "nm",
        ),
        Metric(
            "time",
            "Time at sea",
            duration_words(r.duration_h),
            f"at {r.speed_kn:g} kn, no port time",
            r.duration_h / 24,
            "days",
        ),
        Metric(
            "great_circle",
            "Against the great circle",
            f"{r.great_circle_ratio:.2f}×",
            f"{nm_words(r.great_circle_nm)} direct",
            r.great_circle_ratio,
            "ratio",
        ),
    ]
    fig = view.lane.headline
    if fig is None:
        out.append(
            Metric("trade", "Lane trade value", "—", "no sourced figure for this lane", None, "")
        )
    else:
        value, note = view.headline_metric()
        out.append(
            Metric(
                "trade",
                "Lane trade value",
                value,
                note,
                float(fig.value),
                fig.unit,
                fig.source,
                fig.source_url,
            )
        )
    return tuple(out)


def _lane_weight_px(view: LaneView) -> float:
    """Line width by the lane's trade value: 3 px with no sourced figure, up to 9 px."""
    fig = view.lane.headline
    if fig is None or fig.unit.upper().startswith("%"):
        return 3.0
    billions = fig.value / 1e9
    return round(min(9.0, 3.0 + 1.2 * math.log10(max(billions, 1.0)) * 1.7), 1)


def _lane_label(view: LaneView) -> str:
    if view.lane.headline is not None:
        return f"{view.lane.headline.label()} · lane trade"
    return nm_words(view.main.distance_nm)


# ----------------------------------------------------------------------------- texts


def default_title(view: LaneView) -> str:
    """``"Shanghai → San Pedro Bay"``."""
    return f"{view.origin.name} → {view.destination.name}"


def _subtitle(view: LaneView, title: str) -> str:
    """The subtitle adds what the title does not say: the route (when the title does not name
    both ends), the member ports of an alias, the speed and the data date."""
    parts: list[str] = []
    route_words = default_title(view)
    if view.origin.name not in title or view.destination.name not in title:
        parts.append(route_words)
    dests = list(dict.fromkeys(r.destination.name for r in view.routes))
    origins = list(dict.fromkeys(r.origin.name for r in view.routes))
    if view.destination.members:
        parts.append(f"to {' and '.join(dests)}")
    if view.origin.members:
        parts.append(f"from {' and '.join(origins)}")
    parts.append(f"sea route at {view.speed_kn:g} kn")
    parts.append(f"data as of {format_date(view.as_of)}")
    text = " · ".join(parts)
    return text[:1].upper() + text[1:]


def _assumptions(view: LaneView) -> str:
    return (
        f"Speed {view.speed_kn:g} kn, no port time; distances geodesic (WGS 84) along the "
        f"searoute network; zones approximate; data as of {format_date(view.as_of)}. "
        f"{NOT_FOR_NAVIGATION}"
    )


def _passage_labels(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(routing.PASSAGE_LABELS.get(n, n) for n in names)


# ----------------------------------------------------------------------------- legend


def _zone_names(view: LaneView) -> dict[str, str]:
    zones = view.zones_gdf()
    return {str(z): str(n) for z, n in zip(zones["zone_id"], zones["zone_name"]) if str(n)}


def _legend(view: LaneView, layers: Sequence[str], palette: Palette) -> tuple[LegendItem, ...]:
    items: list[LegendItem] = []
    if "route" in layers:
        items.append(LegendItem("lane", "lane", "Sea route", palette.lane))
    if "segments" in layers or "zones" in layers:
        segs = view.segments_gdf()
        named = _zone_names(view)
        main_id = route_id(view.main)
        seen: dict[str, dict[str, Any]] = {}
        for _, row in segs.iterrows():
            key = str(row["zone_id"])
            entry = seen.setdefault(
                key,
                {
                    "names": set(),
                    "nm": 0.0,
                    "h": 0.0,
                    "kind": str(row.get("kind", "")),
                    "sulphur": row.get("sulphur_limit_pct"),
                },
            )
            entry["names"].add(_NUMBERED.sub("", str(row["name"])))
            if str(row["route_id"]) == main_id:
                entry["nm"] += float(row["distance_nm"])
                entry["h"] += float(row["duration_h"])
        for key, entry in seen.items():
            names = entry["names"]
            label = named.get(key) or (next(iter(names)) if len(names) == 1 else "Open ocean")
            note = ""
            sulphur = entry["sulphur"]
            if sulphur is not None and str(sulphur) not in ("", "nan"):
                try:
                    note = f"sulphur ≤\u00a0{float(sulphur):.2f}\u00a0%"
                except (TypeError, ValueError):
                    note = ""
            items.append(
                LegendItem(
                    "zone",
                    key,
                    label,
                    palette.zone(key),
                    striped=entry["kind"] != "open_ocean",
                    note=note,
                    distance_nm=entry["nm"] or None,
                    duration_h=entry["h"] or None,
                )
            )
    if "ports" in layers:
        sized = bool(view.ports_gdf()["teu"].notna().any()) if "teu" in view.ports_gdf() else False
        what = "Port; circle area = containers a year" if sized else "Port"
        items.append(LegendItem("port", "port", what, palette.port))
    return tuple(items)


# ----------------------------------------------------------------------------- sources


def _sources(view: LaneView) -> tuple[Source, ...]:
    """Every source behind what the view shows: lane figures, port figures and coordinates,
    the rules of each zone the routes enter, the network and the land layer."""
    seen: dict[str, str] = {}
    for fig in view.lane.figures:
        seen.setdefault(fig.source, fig.source_url)
    ports = view.ports_gdf()
    for col, url_col in (("teu_source", "teu_source_url"), ("trade_source", "trade_source_url")):
        for src, url in zip(ports[col], ports[url_col]):
            if src:
                seen.setdefault(str(src), str(url))
    for src in ports["coord_source"]:
        if src:
            seen.setdefault(str(src), "")
    segs = view.segments_gdf()
    if "source" in segs.columns:
        for value in segs["source"]:
            for part in str(value or "").split(";"):
                if part.strip():
                    seen.setdefault(part.strip(), "")
    seen.setdefault(*SEAROUTE_SOURCE)
    seen.setdefault(LAND_SOURCE, NATURAL_EARTH_URL)
    return tuple(Source(t, u) for t, u in seen.items())


# ----------------------------------------------------------------------------- entry point


def check_extent(extent: Sequence[float] | None) -> tuple[float, float, float, float] | None:
    """``extent`` as ``(west, south, east, north)`` floats, or :class:`InvalidExtentError`."""
    if extent is None:
        return None
    try:
        w, s, e, n = (float(v) for v in extent)
    except (TypeError, ValueError):
        raise InvalidExtentError(
            f"map extent {extent!r} is not accepted; give four numbers west,south,east,north"
        ) from None
    if not all(math.isfinite(v) for v in (w, s, e, n)) or not (w < e and s < n):
        raise InvalidExtentError(
            f"map extent {extent!r} is not accepted; west < east and south < north, "
            "latitudes within ±90"
        )
    if s < -90 or n > 90 or e - w > 720:
        raise InvalidExtentError(
            f"map extent {extent!r} is out of range; latitudes within ±90, at most 720° wide"
        )
    return (w, s, e, n)


def present(
    view: LaneView,
    *,
    layers: Iterable[str] = ALL_LAYERS,
    label: str = "",
    title: str | None = None,
    extent: Sequence[float] | None = None,
    palette: Palette | None = None,
) -> LanePresentation:
    """The presentation of ``view`` with the user's display choices.

    ``layers``: a subset of :data:`~geo.present.options.ALL_LAYERS` (unknown names are
    ignored, order follows ALL_LAYERS). ``label``: a custom map annotation and ``title`` a
    custom title — both taken literally (control characters dropped, cut to 120
    characters). ``extent``: ``(west, south, east, north)`` degrees to frame instead of the
    whole lane. Raises :class:`InvalidExtentError` on a bad extent.
    """
    chosen = tuple(layer for layer in ALL_LAYERS if layer in set(layers))
    pal = palette or Palette()
    heading = plain(title, MAX_TITLE_CHARS) if title else ""
    heading = heading or default_title(view)
    r = view.main
    warnings: list[str] = []
    for route in view.routes:
        warnings.extend(getattr(route, "warnings", ()))
    return LanePresentation(
        view=view,
        title=heading,
        subtitle=_subtitle(view, heading),
        corridor_tag=CORRIDOR_TAG if view.lane.sourced else "",
        metrics=_metrics(view),
        passages_used=_passage_labels(r.passages),
        passages_avoided=_passage_labels(view.avoid),
        legend=_legend(view, chosen, pal),
        sources=_sources(view),
        assumptions=_assumptions(view),
        notice=NOT_FOR_NAVIGATION,
        warnings=tuple(dict.fromkeys(warnings)),
        layers=chosen,
        label=plain(label, MAX_LABEL_CHARS),
        extent=check_extent(extent),
        lane_label=_lane_label(view),
        lane_weight_px=_lane_weight_px(view),
        as_of=view.as_of,
        palette=pal,
    )
