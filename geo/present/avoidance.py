"""Avoidance sets (the passages a lane must not use) in words and in URL form.

A set is a sorted tuple of :data:`geo.routing.engine.PASSAGES` names; ``()`` avoids nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from geo.i18n import ENGLISH, Translator
from geo.present.localnames import place_name
from geo.routing import engine as routing


def both_words(names: Iterable[str], tr: Translator = ENGLISH) -> str:
    """Passages avoided together: ``Panama Canal + Suez Canal``; in Chinese ``巴拿马运河和苏伊士
    运河``, ``巴拿马运河、苏伊士运河和好望角``."""
    items = list(names)
    if not tr.chinese or len(items) < 2:
        return " + ".join(items)
    return "、".join(items[:-1]) + "和" + items[-1]


def avoid_label(avoid: Sequence[str], tr: Translator = ENGLISH) -> str:
    """``()`` → ``No avoidance``; ``("panama", "suez")`` → ``Avoid Panama Canal + Suez Canal``
    (in ``tr``'s language: ``不规避``, ``规避巴拿马运河和苏伊士运河``)."""
    if not avoid:
        return tr("No avoidance")
    names = (place_name("passage", p, tr.lang, routing.PASSAGE_LABELS.get(p, p)) for p in avoid)
    return tr("Avoid {passages}", passages=both_words(names, tr))


def passages_label(passages: Sequence[str]) -> str:
    """The named passages a lane goes through, or ``open sea only``."""
    if not passages:
        return "open sea only"
    return ", ".join(routing.PASSAGE_LABELS.get(p, p) for p in passages)


def parse_avoid_set(value: Iterable[str] | str) -> tuple[str, ...]:
    """One avoidance set: ``"none"`` / ``""`` → ``()``; ``"suez,cape"`` →
    ``("south_africa", "suez")``. Raises :class:`~geo.errors.UnknownPassageError`."""
    if isinstance(value, str) and value.strip().lower() in {"", "none"}:
        return ()
    return routing.normalise_avoid(value)


def avoid_set_key(avoid: Sequence[str]) -> str:
    """The URL form of a set: ``()`` → ``none``; ``("panama", "suez")`` → ``panama,suez``."""
    return ",".join(avoid) if avoid else "none"
