"""The value objects of the presentation model: a metric, a source, a legend row, colours."""

from __future__ import annotations

from dataclasses import dataclass

from geo.present import style
from geo.present.text import short_source


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
        """``"5,739 nm (10,629 km)"``: value and note on one line; a Chinese note takes
        full-width brackets, as Chinese is written (``"5,729 海里（10,610 公里）"``)."""
        if not self.note:
            return self.value
        if any("\u3000" <= ch <= "\u9fff" for ch in self.note):
            return f"{self.value}（{self.note}）"
        return f"{self.value} ({self.note})"


@dataclass(frozen=True)
class Source:
    """A cited source: its full title, a link (may be empty) and a short footer name
    (``short_title``, else :func:`~geo.present.text.short_source` of the title)."""

    title: str
    url: str
    short_title: str = ""

    @property
    def short(self) -> str:
        return self.short_title or short_source(self.title)


@dataclass(frozen=True)
class LegendItem:
    """One legend row. ``kind`` is ``lane``, ``zone``, ``port`` or ``measure`` (the ✓ badge
    beside a port with a corridor measure in place); ``key`` the zone id for
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
