"""The corridor's progress, assembled once for every output: the milestones as a timeline and
the measures in place at the ports of a view.

* :func:`timeline` — ``data/milestones.csv`` (via :func:`geo.facts.trade.milestones`) as
  :class:`TimelineEntry` rows, oldest first, targets and proposals last: the date in words,
  the event, the full and the short source, whether it has happened (``done``) and a decimal
  year to place it on an axis.
* :func:`measures_for` — the rows of ``data/corridor_measures.csv`` at the ports a view's
  routes start or end at, as :class:`MeasureItem` (coordinates ``(lon, lat)``, −180..180).

Nothing here has no source: both loaders reject a row without one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from geo.facts import trade
from geo.facts.measures import measures
from geo.i18n import ENGLISH, N_, Translator
from geo.present.localnames import (
    data_text,
    date_words,
    deadline_passed,
    port_id_name,
    source_title,
)
from geo.present.text import md, safe_url, short_source
from geo.present.view import LaneView
from geo.present.wording import NOT_FOR_NAVIGATION

#: Status words of a timeline entry, by ``date_precision`` (anything else: ``"done"``).
STATUS_WORDS: Final[dict[str, str]] = {"target": "target", "proposed": "proposed"}


@dataclass(frozen=True)
class TimelineEntry:
    """One milestone: ``when`` (``"Jan 2022"``, ``"2030 target"``), ``event``, ``source``
    (full citation) and ``source_short`` (publisher), ``source_url`` (may be empty), ``done``
    (False for targets and proposals), ``status`` (``done``, ``target``, ``proposed``) and
    ``year`` (decimal year, e.g. 2022.0 for Jan 2022, 2030.5 for a 2030 target)."""

    when: str
    event: str
    source: str
    source_short: str
    source_url: str
    done: bool
    status: str
    year: float
    #: The ISO date (``2022-01``) and its ``date_precision``, for dates in other languages.
    date: str = ""
    precision: str = ""
    #: A target whose year is over by the data's date: its ``when`` says the deadline passed.
    passed: bool = False


@dataclass(frozen=True)
class MeasureItem:
    """A measure in place at a port: ``label`` (``"Shore power"``), ``port`` (UN/LOCODE),
    ``port_name``, ``(lon, lat)`` degrees, ``when`` in words, ``description``, the citation
    ``source``/``source_short``/``source_url`` and the source's ``year``."""

    label: str
    port: str
    port_name: str
    lon: float
    lat: float
    when: str
    description: str
    source: str
    source_short: str
    source_url: str
    year: int
    date: str = ""
    precision: str = ""

    def tooltip(self) -> str:
        """``"Shore power · 2025"``."""
        return f"{self.label} · {self.when}"


def _decimal_year(date: str, precision: str) -> float:
    parts = [int(p) for p in date.split("-")]
    year = float(parts[0])
    if precision in STATUS_WORDS or len(parts) == 1:
        return year + 0.5
    month = parts[1] if len(parts) > 1 else 1
    day = parts[2] if len(parts) > 2 else 1
    return year + (month - 1) / 12.0 + (day - 1) / 365.0


def timeline() -> tuple[TimelineEntry, ...]:
    """Every corridor milestone as a :class:`TimelineEntry`, in the order of
    :func:`geo.facts.trade.milestones` (past events by date, then targets and proposals).
    Raises :class:`~geo.errors.DataError` for a bad ``milestones.csv`` row. A target whose
    year ended before the data's date (:func:`geo.facts.trade.data_as_of`) reads
    ``"2025 target (deadline passed)"``."""
    as_of = trade.data_as_of()
    return tuple(
        TimelineEntry(
            when=date_words(m.date, m.date_precision, "en", english=m.when(), passed=passed),
            event=m.event,
            source=m.source,
            source_short=short_source(m.source),
            source_url=m.source_url,
            done=not m.is_forward_looking,
            status=STATUS_WORDS.get(m.date_precision, "done"),
            year=_decimal_year(m.date, m.date_precision),
            date=m.date,
            precision=m.date_precision,
            passed=passed,
        )
        for m in trade.milestones()
        for passed in (deadline_passed(m.date, m.date_precision, as_of),)
    )


def _view_ports(view: LaneView) -> dict[str, str]:
    """UN/LOCODE → port name of every port a route of ``view`` starts or ends at."""
    out: dict[str, str] = {}
    for route in view.routes:
        for port in (route.origin, route.destination):
            if port.locode:
                out.setdefault(port.locode, port.name)
    return out


def measures_for(view: LaneView) -> tuple[MeasureItem, ...]:
    """The measures in place at the ports ``view``'s routes start or end at (file order);
    empty for a lane touching none of them. Raises :class:`~geo.errors.DataError` for a bad
    ``corridor_measures.csv`` row."""
    names = _view_ports(view)
    return tuple(
        MeasureItem(
            label=m.label,
            port=m.port,
            port_name=names[m.port],
            lon=m.lon,
            lat=m.lat,
            when=m.when(),
            description=m.description,
            source=m.source,
            source_short=short_source(m.source),
            source_url=m.source_url,
            year=m.year,
            date=m.date,
            precision=m.date_precision,
        )
        for m in measures()
        if m.port in names
    )


TIMELINE_TITLE: Final[str] = N_("The corridor's progress")
TIMELINE_NOTE: Final[str] = N_(
    "Dates as published by the cited sources; targets and proposals are the partners' stated "
    "goals, not forecasts."
)
#: The status words of the slide's rows, by :attr:`TimelineEntry.status`.
STATUS_LABELS: Final[dict[str, str]] = {
    "target": N_("Target"),
    "proposed": N_("Proposed"),
    "done": N_("Done"),
}


def timeline_subtitle(entries: tuple[TimelineEntry, ...], tr: Translator = ENGLISH) -> str:
    """``"From Jan 2022 → 2025 → 2030 target · filled: happened · hollow: target or
    proposal"``: first and latest event, furthest target (in ``tr``'s language)."""
    done = [e for e in entries if e.done]
    ahead = [e for e in entries if not e.done and e.status == "target"]
    steps = [done[0], done[-1]] if done else []
    if ahead:
        steps.append(max(ahead, key=lambda e: e.year))
    path = " → ".join(dict.fromkeys(when_words(step, tr) for step in steps))
    return tr(
        "Milestones from {steps} · filled: happened · hollow: target or proposal · each with "
        "its source",
        steps=path,
    )


def timeline_sources(entries: tuple[TimelineEntry, ...], tr: Translator = ENGLISH) -> str:
    """``"Sources: C40 Cities news; pacmar.com; …."`` (short names, first-seen order)."""
    names = list(
        dict.fromkeys(source_title(e.source_short, tr.lang) for e in entries if e.source_short)
    )
    return tr("Sources: {sources}.", sources=tr.join_clauses(names))


@dataclass(frozen=True)
class TimelineRowText:
    """One row of the progress slide as it reads: ``when`` in words, the ``event`` and the
    ``cited`` line (``"Target · Source: C40 Cities"``)."""

    when: str
    event: str
    cited: str


@dataclass(frozen=True)
class TimelineTexts:
    """Every text of the progress slide, in one language: the renderer only lays them out."""

    title: str
    subtitle: str
    sources: str
    note: str
    rows: tuple[TimelineRowText, ...]


def timeline_texts(entries: tuple[TimelineEntry, ...], tr: Translator = ENGLISH) -> TimelineTexts:
    """The progress slide's title, subtitle, footer lines and rows in ``tr``'s language
    (events through ``data/texts_zh.csv``; English exactly as the data words them)."""
    space = "" if tr.chinese else " "
    rows = tuple(
        TimelineRowText(
            when=when_words(e, tr),
            event=data_text("milestone", e.event, tr.lang),
            cited=("" if e.done else f"{tr(STATUS_LABELS[e.status])} · ")
            + tr("Source: {source}", source=source_title(e.source_short, tr.lang)),
        )
        for e in entries
    )
    return TimelineTexts(
        title=tr(TIMELINE_TITLE),
        subtitle=timeline_subtitle(entries, tr),
        sources=timeline_sources(entries, tr),
        note=f"{tr(TIMELINE_NOTE)}{space}{tr(NOT_FOR_NAVIGATION)}",
        rows=rows,
    )


def when_words(item: TimelineEntry | MeasureItem, tr: Translator = ENGLISH) -> str:
    """The date of ``item`` in words (:func:`geo.present.localnames.date_words`): English as
    the data gives it (``"Jan 2022"``, ``"2030 target"``); Chinese ``"2022年1月"``,
    ``"2030年目标"``, ``"2025年目标（期限已过）"``, ``"2023年9月"`` (an approximate day)."""
    if not tr.chinese or not item.date:
        return item.when
    passed = isinstance(item, TimelineEntry) and item.passed
    return date_words(item.date, item.precision, tr.lang, english=item.when, passed=passed)


def markdown_line(item: TimelineEntry | MeasureItem, tr: Translator = ENGLISH) -> str:
    """A Streamlit-markdown line, every text through :func:`geo.present.text.md`: the date
    in words, what (a hollow ○ for targets and proposals, ● for what happened, as the line's
    bullet; a measure is a list item naming its port) and the short source, linked when its
    URL is http(s). Dates, port names and measure labels (:mod:`geo.present.datawords`) in
    ``tr``'s language; events and descriptions through ``data/texts_zh.csv``
    (:func:`geo.present.localnames.data_text`)."""
    source = md(source_title(item.source_short, tr.lang))
    if safe_url(item.source_url):
        source = f"[{source}]({item.source_url})"
    when = md(when_words(item, tr))
    dash = "——" if tr.chinese else " — "  # the Chinese dash is two em dashes, set close
    if isinstance(item, MeasureItem):
        port = port_id_name(item.port, item.port_name, tr.lang)
        colon = "：" if tr.chinese else ": "
        description = data_text("measure_text", item.description, tr.lang)
        what = f"{md(port)}{colon}{md(tr(item.label))}{dash}{md(description)}"
        return f"- **{when}** · {what} · _{source}_"
    mark = "●" if item.done else "○"  # the mark is the line's bullet: no list bullet as well
    event = data_text("milestone", item.event, tr.lang)
    return f"{mark} **{when}**{dash}{md(event)} · _{source}_"
