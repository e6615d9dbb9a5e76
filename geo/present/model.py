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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from geo.errors import GeoError
from geo.i18n import N_, Translator, translator
from geo.present import legend, wording
from geo.present.frame import extent_near_lane
from geo.present.items import LegendItem, Metric, Palette, Source
from geo.present.localnames import port_id_name, source_title
from geo.present.options import ALL_LAYERS
from geo.present.progress import MeasureItem, measures_for
from geo.present.routewarn import warning_texts
from geo.present.text import plain
from geo.present.view import LaneView
from geo.present.wording import NOT_FOR_NAVIGATION

CORRIDOR_TAG: Final[str] = N_("LA – Long Beach – Shanghai Green Shipping Corridor")
MAX_TITLE_CHARS: Final[int] = 120
MAX_LABEL_CHARS: Final[int] = 120

__all__ = [
    "NOT_FOR_NAVIGATION",
    "InvalidExtentError",
    "LanePresentation",
    "LegendItem",
    "Metric",
    "Palette",
    "Source",
    "check_extent",
    "present",
]


class InvalidExtentError(GeoError):
    """A map extent that is not four finite numbers with west < east and south < north."""


#: The route's warnings on a slide, after the assumptions (the page shows them as warnings).
ROUTE_WARNINGS: Final = N_("Warning: {warnings}.")


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
    #: What is in place at the view's ports (shore power, bunkering …), each with its source.
    measures: tuple[MeasureItem, ...] = ()
    lang: str = "en"
    #: The warnings about the model's own figures (a speed outside the fuel model's range):
    #: also in ``warnings``, and on every slide's footer after the assumptions.
    caveats: tuple[str, ...] = ()

    @property
    def tr(self) -> Translator:
        """The translator of the presentation's language: a renderer's own words (the slide's
        "KEY FIGURES") go through it, so they are in the same language as the model's."""
        return translator(self.lang)

    def port_name(self, port_id: str, default: str) -> str:
        """The display name of the port ``port_id`` in the presentation's language."""
        return port_id_name(port_id, default, self.lang)

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
        tr = self.tr
        used = tr.join(self.passages_used) or tr("none")
        avoided = tr.join(self.passages_avoided) or tr("none")
        closed = tr.join(wording.passage_labels(self.view.closed_canals, tr))
        if not tr.chinese:  # the canal names as the view gives them, as always
            closed = ", ".join(self.view.closed_canals)
        extra = tr(" · too large for: {canals}", canals=closed) if closed else ""
        return tr(
            "Passages used: {used} · avoided: {avoided}{extra}",
            used=used,
            avoided=avoided,
            extra=extra,
        )

    def footer_sources(self) -> str:
        """``"Sources: searoute; Natural Earth; …."`` with short publisher names."""
        # the project's own words for a source (``Wikipedia infobox``) in the slide's
        # language (data/texts_zh.csv, kind ``source``); published names stay as published
        names = list(
            dict.fromkeys(source_title(s.short, self.lang) for s in self.sources if s.short)
        )
        return self.tr("Sources: {sources}.", sources=self.tr.join_clauses(names))

    def footer_lines(self) -> tuple[str, ...]:
        """The slide footer, top to bottom: passages, assumptions + notice (then any caveat
        and the route's warnings: an end on land, a long leg to the sea lanes), sources."""
        warned = [w for w in self.warnings if w not in self.caveats]
        extra = (self.tr(ROUTE_WARNINGS, warnings=self.tr.join_clauses(warned)),) if warned else ()
        assumptions = ("" if self.tr.chinese else " ").join(
            (self.assumptions, *self.caveats, *extra)
        )
        return (self.passages_text(), assumptions, self.footer_sources())

    def with_title(self, title: str | None) -> LanePresentation:
        """The same view and choices under another title (``None``: the default title);
        the subtitle follows (it names the route when the title does not)."""
        return present(
            self.view,
            layers=self.layers,
            label=self.label,
            title=title,
            extent=self.extent,
            palette=self.palette,
            lang=self.lang,
        )

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
            # the routes' warnings as data, the same in every language (kind, end, values and
            # the English message; see geo.routing.endwarn.RouteWarning.as_dict)
            "route_warnings": [w.as_dict() for r in self.view.routes for w in r.warnings],
            "layers": list(self.layers),
            "label": self.label,
            "sources": [{"source": s.title, "url": s.url} for s in self.sources],
        }


# ----------------------------------------------------------------------------- entry point


def check_extent(extent: Sequence[float | str] | None) -> tuple[float, float, float, float] | None:
    """``extent`` as ``(west, south, east, north)`` floats in degrees, east > west (a box
    across 180° has east beyond 180), or :class:`InvalidExtentError`.

    A box written as RFC 7946 §5.2 writes one across the antimeridian, west greater than east
    and both within ±180 (``170,-10,-170,10``), is read as that box: ``(170, -10, 190, 10)``.
    """
    if extent is None:
        return None
    try:
        w, s, e, n = (float(v) for v in extent)
    except (TypeError, ValueError):
        raise InvalidExtentError(
            f"map extent {extent!r} is not accepted; give four numbers west,south,east,north"
        ) from None
    if -180 <= e < w <= 180:  # across the antimeridian (RFC 7946 §5.2)
        e += 360
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
    lang: str = "en",
) -> LanePresentation:
    """The presentation of ``view`` with the user's display choices.

    ``layers``: a subset of :data:`~geo.present.options.ALL_LAYERS` (unknown names are
    ignored, order follows ALL_LAYERS). ``label``: a custom map annotation and ``title`` a
    custom title — both taken literally (control characters dropped, cut to 120
    characters). ``extent``: ``(west, south, east, north)`` degrees to frame instead of the
    whole lane, moved by whole turns of 360° to where the lane is drawn
    (:func:`~geo.present.frame.extent_near_lane`). ``lang``: ``en`` or ``zh`` — every text of
    the model in that language (port, zone and passage names from the Chinese name files; a
    source's title stays as published).
    Raises :class:`InvalidExtentError` on a bad extent and
    :class:`~geo.errors.UnknownLanguageError` on another language.
    """
    tr = translator(lang)
    shown = check_extent(extent)
    chosen = tuple(layer for layer in ALL_LAYERS if layer in set(layers))
    pal = palette or Palette()
    heading = plain(title, MAX_TITLE_CHARS) if title else ""
    heading = heading or wording.default_title(view, tr)
    r = view.main
    warnings: list[str] = []
    for route in view.routes:
        warnings.extend(warning_texts(getattr(route, "warnings", ()), tr))
    caveats = tuple(w for w in (wording.speed_warning(view, tr),) if w)
    in_place = measures_for(view)
    warnings.extend(caveats)
    return LanePresentation(
        view=view,
        title=heading,
        subtitle=wording.subtitle(view, heading, tr),
        corridor_tag=tr(CORRIDOR_TAG) if view.lane.sourced else "",
        metrics=wording.metrics(view, tr),
        passages_used=wording.passage_labels(r.passages, tr),
        passages_avoided=wording.passage_labels(view.avoid, tr),
        legend=legend.legend(view, chosen, pal, tr, measures=bool(in_place)),
        sources=wording.sources(view, tr),
        assumptions=wording.assumptions(view, tr),
        notice=tr(NOT_FOR_NAVIGATION),
        warnings=tuple(dict.fromkeys(warnings)),
        layers=chosen,
        label=plain(label, MAX_LABEL_CHARS),
        extent=None if shown is None else extent_near_lane(shown, view),
        lane_label=wording.lane_label(view, tr),
        lane_weight_px=wording.lane_weight_px(view),
        as_of=view.as_of,
        palette=pal,
        measures=in_place,
        lang=tr.lang,
        caveats=caveats,
    )
