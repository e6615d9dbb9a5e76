"""The "Compare lanes" page's state in the URL query string, parsed and written without
streamlit.

Names: ``mode`` (``pairs``, the default, or ``avoid``), ``speed`` (knots); for ``pairs``:
``origins`` and ``dests`` (comma-separated ports: UN/LOCODE or name) and ``avoid``
(comma-separated passages); for ``avoid``: ``origin``, ``dest`` and ``sets`` (avoidance sets
separated by ``;``, passages in a set by ``,``, ``none`` for no avoidance); ``lang`` (``en``,
the default, or ``zh``) for both. Example:
``?mode=avoid&origin=CNSHA&dest=NLRTM&sets=none;suez;panama,suez``.

A bad value falls back to the default and adds a warning that names the value (shortened by
:func:`geo.present.urlstate.echo`; the page escapes it for markdown) and what is accepted;
a list keeps its good items and warns about the others.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Final

from geo.catalogue import ports
from geo.catalogue.coords import number_text
from geo.errors import GeoError
from geo.i18n import DEFAULT_LANGUAGE, ENGLISH, Translator
from geo.present import avoidance, compare
from geo.present.choices import MODE_LABELS, accepted
from geo.present.portlabels import describe_id
from geo.present.urlstate import echo, ignored, page_avoid, page_lang, page_speed, reason
from geo.settings import DEFAULT_SPEED_KN

MODES: Final[tuple[str, ...]] = ("pairs", "avoid")
DEFAULT_ORIGINS: Final[tuple[str, ...]] = ("CNSHA", "CNNGB", "KRPUS")
DEFAULT_DESTS: Final[tuple[str, ...]] = ("USLAX", "USLGB", "USOAK", "USSEA")
DEFAULT_PAIR: Final[tuple[str, str]] = ("CNSHA", "NLRTM")
#: Suez (the shortest way to Europe), Panama (Suez closed) and the Cape (both closed).
DEFAULT_SETS: Final[tuple[tuple[str, ...], ...]] = ((), ("suez",), ("panama", "suez"))


@dataclass(frozen=True)
class CompareState:
    """What the compare page shows. Ports are catalogue ids; sets are normalised passages."""

    mode: str = "pairs"
    speed: float = DEFAULT_SPEED_KN
    origins: tuple[str, ...] = DEFAULT_ORIGINS
    dests: tuple[str, ...] = DEFAULT_DESTS
    avoid: tuple[str, ...] = ()
    origin: str = DEFAULT_PAIR[0]
    dest: str = DEFAULT_PAIR[1]
    sets: tuple[tuple[str, ...], ...] = DEFAULT_SETS
    lang: str = DEFAULT_LANGUAGE


DEFAULT_STATE: Final[CompareState] = CompareState()


def _first(value: object) -> str:
    if isinstance(value, (list, tuple)):
        value = value[0] if value else ""
    return str(value).strip()


def _port_list(
    key: str, text: str, default: tuple[str, ...], warnings: list[str], tr: Translator
) -> tuple[str, ...]:
    """Catalogue ids of the comma-separated ``text``; unknown names are warned about and left
    out; none left (or too many) → ``default``."""
    ids: list[str] = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        try:
            port_id = ports.resolve(item).id
        except GeoError as exc:
            warnings.append(
                tr(
                    "URL {key}: {value} ignored: {reason}",
                    key=key,
                    value=echo(item, tr),
                    reason=reason(exc, item, tr),
                )
            )
            continue
        if port_id not in ids:
            ids.append(port_id)
    if not ids:
        warnings.append(
            tr(
                "URL {key}={value} names no known port; showing the default ports",
                key=key,
                value=echo(text, tr),
            )
        )
        return default
    if len(ids) > compare.MAX_PORTS_PER_SIDE:
        warnings.append(
            tr(
                "URL {key}={value} names {count} ports; accepted: at most {most}; showing the "
                "first {most}",
                key=key,
                value=echo(text, tr),
                count=len(ids),
                most=compare.MAX_PORTS_PER_SIDE,
            )
        )
        return tuple(ids[: compare.MAX_PORTS_PER_SIDE])
    return tuple(ids)


def _port(key: str, text: str, default: str, warnings: list[str], tr: Translator) -> str:
    try:
        return ports.resolve(text).id
    except GeoError as exc:
        warnings.append(ignored(key, text, reason(exc, text, tr), tr))
        return default


def _sets(text: str, warnings: list[str], tr: Translator) -> tuple[tuple[str, ...], ...]:
    sets: list[tuple[str, ...]] = []
    for item in (part.strip() for part in text.split(";")):
        try:
            parsed = avoidance.parse_avoid_set(item)
        except GeoError as exc:
            warnings.append(
                tr(
                    "URL {key}: {value} ignored: {reason}",
                    key="sets",
                    value=echo(item, tr),
                    reason=reason(exc, item, tr),
                )
            )
            continue
        if parsed not in sets:
            sets.append(parsed)
    if not sets:
        warnings.append(
            tr(
                "URL sets={value} names no avoidance set; showing the defaults",
                value=echo(text, tr),
            )
        )
        return DEFAULT_SETS
    if len(sets) > compare.MAX_AVOID_SETS:
        warnings.append(
            tr(
                "URL sets={value} gives {count} sets; accepted: at most {most}; showing the "
                "first {most}",
                value=echo(text, tr),
                count=len(sets),
                most=compare.MAX_AVOID_SETS,
            )
        )
    return tuple(sets[: compare.MAX_AVOID_SETS])


def parse_compare_state(
    params: Mapping[str, object], tr: Translator = ENGLISH
) -> tuple[CompareState, list[str]]:
    """A :class:`CompareState` from query parameters, and warnings (in ``tr``'s language) for
    values that fell back. Never raises for a bad value."""
    state = DEFAULT_STATE
    warnings: list[str] = []
    if "mode" in params:
        text = _first(params["mode"]).lower()
        if text in MODES:
            state = replace(state, mode=text)
        else:
            why = tr("accepted {accepted}", accepted=accepted(MODES, MODE_LABELS, tr))
            warnings.append(ignored("mode", text, why, tr))
    if "speed" in params:
        speed = page_speed(_first(params["speed"]), warnings, tr)
        if speed is not None:
            state = replace(state, speed=speed)
    if "origins" in params:
        origins = _port_list("origins", _first(params["origins"]), DEFAULT_ORIGINS, warnings, tr)
        state = replace(state, origins=origins)
    if "dests" in params:
        dests = _port_list("dests", _first(params["dests"]), DEFAULT_DESTS, warnings, tr)
        state = replace(state, dests=dests)
    if "avoid" in params:
        avoid = page_avoid(_first(params["avoid"]), warnings, tr)
        if avoid is not None:
            state = replace(state, avoid=avoid)
    if "origin" in params:
        state = replace(
            state, origin=_port("origin", _first(params["origin"]), state.origin, warnings, tr)
        )
    if "dest" in params:
        dest = _port("dest", _first(params["dest"]), state.dest, warnings, tr)
        state = replace(state, dest=dest)
    if "sets" in params:
        state = replace(state, sets=_sets(_first(params["sets"]), warnings, tr))
    if "lang" in params:
        lang = page_lang(_first(params["lang"]), warnings, tr)
        if lang is not None:
            state = replace(state, lang=lang)
    if state.origin == state.dest:
        warnings.append(
            tr(
                "URL origin and dest are the same ({port}); showing the default pair",
                port=describe_id(state.origin, tr.lang),
            )
        )
        state = replace(state, origin=DEFAULT_PAIR[0], dest=DEFAULT_PAIR[1])
    return state, warnings


def to_query(state: CompareState) -> dict[str, str]:
    """Query parameters for ``state``: only those of its mode (``mode`` left out for
    ``pairs``)."""
    out: dict[str, str] = {}
    if state.mode != "pairs":
        out["mode"] = state.mode
    if state.mode == "avoid":
        out |= {
            "origin": state.origin,
            "dest": state.dest,
            "sets": ";".join(avoidance.avoid_set_key(s) for s in state.sets),
        }
    else:
        out |= {"origins": ",".join(state.origins), "dests": ",".join(state.dests)}
        if state.avoid:
            out["avoid"] = ",".join(state.avoid)
    out["speed"] = number_text(state.speed)
    if state.lang != DEFAULT_LANGUAGE:
        out["lang"] = state.lang
    return out
