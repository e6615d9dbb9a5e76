"""The routing engine's warnings about a route's ends, in the words of a page's language.

The engine returns them as data (:class:`~geo.routing.endwarn.RouteWarning`: an end on land
or far from the sea lanes, which end, the port, the distance and the limit). English is the
engine's own sentence, unchanged (:meth:`~geo.routing.endwarn.RouteWarning.message`); Chinese
is worded here from the same values, with the port's Chinese name and numbers formatted by
:class:`~geo.i18n.Translator`. The ``strict`` refusal
(:class:`~geo.errors.OffNetworkError`) is worded from the same warnings.
"""

from __future__ import annotations

from geo.errors import OffNetworkError
from geo.i18n import ENGLISH, Translator
from geo.present.localnames import port_name
from geo.routing.endwarn import RouteWarning


def _port(w: RouteWarning, tr: Translator) -> str:
    name = port_name(w.port, tr.lang)
    return tr("{name} ({code})", name=name, code=w.port.locode) if w.port.locode else name


def warning_text(w: RouteWarning, tr: Translator = ENGLISH) -> str:
    """``w`` as a sentence in ``tr``'s language (English: ``w.message()`` exactly)."""
    if not tr.chinese:
        return w.message()
    values = {
        "port": _port(w, tr),
        "distance": tr.number(w.distance_nm),
        "limit": f"{w.limit_nm:g}",
    }
    if w.kind == "on_land":
        if w.end == "origin":
            return tr(
                "origin {port} is on land ({distance} nm inland on the Natural Earth 1:110m "
                "land layer)",
                **values,
            )
        return tr(
            "destination {port} is on land ({distance} nm inland on the Natural Earth 1:110m "
            "land layer)",
            **values,
        )
    if w.end == "origin":
        return tr(
            "origin {port} is {distance} nm from the nearest sea lane (more than {limit} nm); "
            "the route starts with a straight leg to it",
            **values,
        )
    return tr(
        "destination {port} is {distance} nm from the nearest sea lane (more than {limit} "
        "nm); the route ends with a straight leg to it",
        **values,
    )


def warning_texts(warnings: tuple[object, ...], tr: Translator = ENGLISH) -> tuple[str, ...]:
    """Each warning in ``tr``'s language (a plain string, e.g. a caveat, as it is)."""
    return tuple(warning_text(w, tr) if isinstance(w, RouteWarning) else str(w) for w in warnings)


def strict_text(exc: OffNetworkError, tr: Translator = ENGLISH) -> str:
    """The ``strict`` refusal in ``tr``'s language (English: ``str(exc)`` exactly)."""
    if not tr.chinese or not exc.warnings:
        return str(exc)
    found = "；".join(warning_texts(exc.warnings, tr))
    return tr(
        "{warnings} (strict: an end must be at sea and within {limit} nm of the sea lanes)",
        warnings=found,
        limit=f"{exc.limit_nm:g}",
    )
