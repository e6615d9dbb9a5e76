"""A few specific exceptions. Each message names the bad value and what is accepted."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

#: A Chinese character: a query in Chinese (names on file only for the named ports).
HAN: Final[re.Pattern[str]] = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


class GeoError(ValueError):
    """Base class for every user-facing error raised by ``geo``."""


class UnknownPortError(GeoError):
    """A port query matched nothing in the catalogue. ``suggestions`` are English labels of
    close matches; ``codes`` their catalogue ids (same order), to label them in another
    language."""

    def __init__(self, query: str, suggestions: list[str], codes: Sequence[str] = ()) -> None:
        self.query = query
        self.suggestions = suggestions
        self.codes = tuple(codes)
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        if HAN.search(str(query)):  # a Chinese name that is not on file
            super().__init__(
                f"Unknown port {query!r}: Chinese names are on file only for the ports this "
                "project names; for another port give its English name or UN/LOCODE (e.g. "
                f"Antofagasta or CLANF) or 'lon,lat' coordinates.{hint}"
            )
            return
        super().__init__(
            f"Unknown port {query!r}: give a UN/LOCODE (e.g. CNSHA), a port name "
            f"(e.g. Long Beach) or 'lon,lat' coordinates.{hint}"
        )


class InvalidCoordinateError(GeoError):
    """A longitude or latitude outside the accepted range, or not a number."""


class InvalidSpeedError(GeoError):
    """A speed that is not a finite number in [MIN_SPEED_KN, MAX_SPEED_KN] knots."""


class UnknownPassageError(GeoError):
    """A passage name that searoute does not know; ``query``: the name as typed."""

    def __init__(self, message: str, query: str = "") -> None:
        self.query = query
        super().__init__(message)


class SameEndpointsError(GeoError):
    """Origin and destination are the same place."""


class NoRouteError(GeoError):
    """The avoided passages leave no sea path between the two points."""


class DataError(GeoError):
    """A bundled data file is missing a required field, source or year."""


class ExportError(GeoError):
    """An output could not be written (unknown format, bad size, render failure)."""


class AmbiguousPortError(GeoError):
    """A port name that several catalogue ports share. ``candidates`` are English labels;
    ``codes`` their catalogue ids (same order), to label them in another language."""

    def __init__(self, query: str, candidates: list[str], codes: Sequence[str] = ()) -> None:
        self.query = query
        self.candidates = candidates
        self.codes = tuple(codes)
        super().__init__(
            f"Port name {query!r} is ambiguous, it matches: {'; '.join(candidates)}. "
            "Give the code in brackets (UN/LOCODE) or 'name, country'."
        )


class OffNetworkError(GeoError):
    """A route end on land or far from the sea-lane network, refused in strict mode.

    ``warnings``: what was wrong with the ends, as data (the routing engine's
    ``RouteWarning`` values), so a page or command can word it in its own language;
    ``limit_nm``: the farthest an end may lie from the sea lanes.
    """

    def __init__(self, message: str, warnings: tuple[object, ...] = (), limit_nm: float = 0.0):
        self.warnings = warnings
        self.limit_nm = limit_nm
        super().__init__(message)


class UnknownLanguageError(GeoError):
    """A language code the project has no catalogue for (accepted: ``en``, ``zh``)."""
