"""The errors ``geo`` raises, in the words of a page's language.

The domain raises its exceptions in English (:mod:`geo.errors`: the message names the bad
value and what is accepted). A page that shows one calls :func:`error_text` at its edge: in
English that is the message itself, unchanged; in Chinese the common errors are worded again
from their type and the values they carry (an unknown or ambiguous port with its suggestions,
the same place at both ends, no sea route, a bad passage, speed, ship size, fuel or load
factor). An error this module does
not know keeps its English message. The ports an unknown or ambiguous name lists are named in
the page's language too (:func:`port_list`: ``波特兰（俄勒冈州），美国（USPDX）``).
"""

from __future__ import annotations

from geo.catalogue import ports as _ports
from geo.errors import (
    HAN,
    AmbiguousPortError,
    InvalidSpeedError,
    NoRouteError,
    OffNetworkError,
    SameEndpointsError,
    UnknownPassageError,
    UnknownPortError,
)
from geo.i18n import ENGLISH, Text, Translator
from geo.present.choices import accepted, fuel_words
from geo.present.localnames import place_name
from geo.present.routewarn import strict_text
from geo.routing import engine as routing
from geo.settings import MAX_SPEED_KN, MIN_SPEED_KN
from geo.voyage.factors import fuels, ship_classes
from geo.voyage.validate import InvalidLoadFactorError, InvalidShipSizeError, UnknownFuelError


def error_text(exc: BaseException, tr: Translator = ENGLISH) -> str:
    """``exc``'s message in ``tr``'s language (English: ``str(exc)`` exactly)."""
    if not tr.chinese:
        return str(exc)
    if exc.args and isinstance(exc.args[0], Text):  # raised with its key and values
        return reword(exc.args[0], tr)
    if isinstance(exc, OffNetworkError):
        return strict_text(exc, tr)
    if isinstance(exc, UnknownPortError):
        if HAN.search(str(exc.query)):  # a Chinese name not on file: which ports have one
            text = tr(
                "Unknown port {query!r}: Chinese names are on file only for the ports this "
                "project names; for another port give its English name or UN/LOCODE (e.g. "
                "Antofagasta or CLANF) or 'lon,lat' coordinates.",
                query=exc.query,
            )
        else:
            text = tr(
                "Unknown port {query!r}: give a UN/LOCODE (e.g. CNSHA), a port name (e.g. Long "
                "Beach) or 'lon,lat' coordinates.",
                query=exc.query,
            )
        if exc.suggestions:
            names = port_list(exc.suggestions, exc.codes, tr.lang)
            text += tr("Did you mean: {names}?", names=tr.join(names))
        return text
    if isinstance(exc, AmbiguousPortError):
        return tr(
            "Port name {query!r} is ambiguous: {candidates}. Give the UN/LOCODE or 'name, "
            "country'.",
            query=exc.query,
            candidates="；".join(port_list(exc.candidates, exc.codes, tr.lang)),
        )
    if isinstance(exc, SameEndpointsError):
        return tr("Origin and destination are the same place; choose two different ports.")
    if isinstance(exc, NoRouteError):
        return tr(
            "No sea route between these ports while avoiding the chosen passages; allow one "
            "of them."
        )
    if isinstance(exc, UnknownPassageError):
        labels = routing.PASSAGE_LABELS
        names = [place_name("passage", p, tr.lang, labels[p]) for p in routing.PASSAGES]
        if not exc.query:
            return tr("Unknown passage; accepted: {passages}.", passages=tr.join(names))
        return tr(
            "Unknown passage {query!r}; accepted: {passages}.",
            query=exc.query,
            passages=tr.join(names),
        )
    if isinstance(exc, InvalidSpeedError):
        return tr(
            "The speed is not accepted: give knots from {low} to {high}.",
            low=f"{MIN_SPEED_KN:g}",
            high=f"{MAX_SPEED_KN:g}",
        )
    if isinstance(exc, InvalidShipSizeError):
        sizes = tr.counts([c.teu for c in ship_classes()])  # one notation: 5,000 … 20,000
        if exc.value:
            return tr(
                "The ship size {value!r} TEU is not accepted: give {low} to {high} TEU "
                "(classes: {classes}).",
                value=exc.value,
                low=sizes[0],
                high=sizes[-1],
                classes=tr.join(sizes),
            )
        return tr(
            "The ship size is not accepted: give {low} to {high} TEU (classes: {classes}).",
            low=sizes[0],
            high=sizes[-1],
            classes=tr.join(sizes),
        )
    if isinstance(exc, UnknownFuelError):
        words = accepted(fuels(), fuel_words(), tr)
        if exc.value:
            return tr("Unknown fuel {value!r}; accepted: {fuels}.", value=exc.value, fuels=words)
        return tr("Unknown fuel; accepted: {fuels}.", fuels=words)
    if isinstance(exc, InvalidLoadFactorError):
        if exc.value:
            return tr(
                "The load factor {value!r} is not accepted: give a share from 0 to 1, e.g. 0.7 "
                "for 70 %.",
                value=exc.value,
            )
        return tr("The load factor is not accepted: give a share from 0 to 1, e.g. 0.7 for 70 %.")
    return str(exc)


def reword(message: object, tr: Translator = ENGLISH) -> str:
    """A message in ``tr``'s language: a :class:`~geo.i18n.Text` from its key and values (a
    value that is a ``Text`` or an error is worded too, an error by :func:`error_text`); an
    error by :func:`error_text`; anything else as it is."""
    if isinstance(message, BaseException):
        return error_text(message, tr)
    if not isinstance(message, Text) or not tr.chinese:
        return str(message)
    values = {
        key: reword(value, tr) if isinstance(value, (Text, BaseException)) else value
        for key, value in message.values.items()
    }
    return tr(message.template, **values)


def port_list(labels: list[str], codes: tuple[str, ...], lang: str) -> list[str]:
    """The ports an error lists (English ``labels``, catalogue ids ``codes``) named in
    ``lang`` (:func:`geo.catalogue.ports.describe`); the English labels where the ids are
    missing or no longer in the catalogue."""
    if lang == "en" or len(codes) != len(labels):
        return list(labels)
    try:
        return [_ports.describe(_ports.get(code), lang) for code in codes]
    except UnknownPortError:
        return list(labels)
