"""The page's state in the URL query string, parsed and written without streamlit.

Names: ``origin``, ``dest``, ``speed``, ``avoid`` (comma-separated), ``layers``
(comma-separated, from :data:`geo.present.options.ALL_LAYERS`), ``basemap`` (``offline``/``online``)
``label`` (a custom annotation), ``ship`` (TEU), ``fuel``, ``load`` (load factor, 0–1),
``extent`` (the map's view: ``west,south,east,north`` in degrees) and ``lang`` (``en``, the
default, or ``zh``). A bad value falls back to the default and adds a warning that names the
value — cut short and stripped of control characters (:func:`echo`; the page escapes it for
markdown) — and what is accepted (in Chinese by name, each with the code the URL takes:
:func:`geo.present.choices.accepted`). ``fuel`` also takes a fuel's name (``甲醇``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from geo.catalogue import ports
from geo.catalogue.coords import number_text
from geo.errors import GeoError
from geo.i18n import DEFAULT_LANGUAGE, ENGLISH, LANGUAGES, Translator, shown_value
from geo.present.choices import (
    BASEMAP_WORDS,
    LANGUAGE_WORDS,
    LAYER_WORDS,
    accepted,
    extent_order,
    fuel_id,
)
from geo.present.errtext import error_text
from geo.present.model import check_extent
from geo.present.options import ALL_LAYERS, BASEMAPS
from geo.present.portlabels import describe_id
from geo.present.text import plain
from geo.routing import engine as routing
from geo.settings import (
    DEFAULT_DESTINATION,
    DEFAULT_ORIGIN,
    DEFAULT_SPEED_KN,
    MAX_SPEED_KN,
    MIN_SPEED_KN,
)
from geo.voyage.emissions import DEFAULT_FUEL, DEFAULT_SHIP_TEU
from geo.voyage.factors import reference
from geo.voyage.validate import validate_load_factor, validate_ship_teu

MAX_LABEL_CHARS = 120
DEFAULT_LOAD: float = reference("load_factor").value
MAX_ECHO_CHARS = 60
#: The speed slider's range; a URL speed outside it falls back to the default.
MIN_PAGE_SPEED_KN = MIN_SPEED_KN
MAX_PAGE_SPEED_KN = MAX_SPEED_KN


@dataclass(frozen=True)
class ViewState:
    """What the page shows; ``origin``/``dest`` are catalogue ids or ``lon,lat`` text."""

    origin: str = ports.resolve(DEFAULT_ORIGIN).id
    dest: str = ports.resolve(DEFAULT_DESTINATION).id
    speed: float = DEFAULT_SPEED_KN
    avoid: tuple[str, ...] = ()
    layers: tuple[str, ...] = ALL_LAYERS
    basemap: str = "offline"
    label: str = ""
    extent: tuple[float, float, float, float] | None = None
    ship: int = DEFAULT_SHIP_TEU
    fuel: str = DEFAULT_FUEL
    load: float = DEFAULT_LOAD
    lang: str = DEFAULT_LANGUAGE


DEFAULT_STATE = ViewState()


def _first(value: object) -> str:
    if isinstance(value, (list, tuple)):
        value = value[0] if value else ""
    return str(value).strip()


def echo(text: str, tr: Translator = ENGLISH) -> str:
    """A URL value as a warning may quote it: control characters dropped, at most
    :data:`MAX_ECHO_CHARS` characters, in quotes (``'…'`` in English, ``“…”`` in Chinese)."""
    shown = plain(text, MAX_ECHO_CHARS)
    return f"“{shown}”" if tr.chinese else repr(shown)


def reason(exc: Exception, text: str, tr: Translator = ENGLISH) -> str:
    """An error's message (in ``tr``'s language) with the raw value replaced by its short
    echo."""
    raw = f"“{shown_value(text)}”" if tr.chinese else repr(text)
    return plain(error_text(exc, tr).replace(raw, echo(text, tr)), 300)


def ignored(key: str, text: str, why: str, tr: Translator = ENGLISH) -> str:
    """``URL key='value' ignored: why`` in ``tr``'s language (the value echoed)."""
    return tr("URL {key}={value} ignored: {reason}", key=key, value=echo(text, tr), reason=why)


def page_speed(text: str, warnings: list[str], tr: Translator = ENGLISH) -> float | None:
    """A URL speed in knots if it is within the page slider's range, else ``None`` with a
    warning (naming the value and the range) appended to ``warnings``."""
    try:
        return routing.validate_speed(float(text))  # the slider's range (settings)
    except (ValueError, GeoError):
        pass
    warnings.append(
        tr(
            "URL speed={value} ignored: give knots from {low} to {high}; showing {default} kn",
            value=echo(text, tr),
            low=f"{MIN_PAGE_SPEED_KN:g}",
            high=f"{MAX_PAGE_SPEED_KN:g}",
            default=f"{DEFAULT_SPEED_KN:g}",
        )
    )
    return None


def page_avoid(text: str, warnings: list[str], tr: Translator = ENGLISH) -> tuple[str, ...] | None:
    """URL passages to avoid, normalised, or ``None`` with a warning (naming the value and
    the accepted passages) appended to ``warnings``."""
    try:
        return routing.normalise_avoid(text)
    except GeoError as exc:
        warnings.append(ignored("avoid", text, reason(exc, text, tr), tr))
        return None


def page_lang(text: str, warnings: list[str], tr: Translator = ENGLISH) -> str | None:
    """A URL language (``en`` or ``zh``, case ignored), or ``None`` with a warning (naming the
    value and the accepted languages) appended to ``warnings``."""
    code = text.strip().lower()
    if code in LANGUAGES:
        return code
    warnings.append(
        tr(
            "URL lang={value} ignored: accepted {accepted}; showing {default}",
            value=echo(text, tr),
            accepted=accepted(LANGUAGES, LANGUAGE_WORDS, tr),
            default=accepted([DEFAULT_LANGUAGE], LANGUAGE_WORDS, tr),
        )
    )
    return None


def parse_state(
    params: Mapping[str, object], tr: Translator = ENGLISH
) -> tuple[ViewState, list[str]]:
    """A :class:`ViewState` from query parameters, and warnings (in ``tr``'s language) for
    values that fell back."""
    state = DEFAULT_STATE
    warnings: list[str] = []

    for key in ("origin", "dest"):
        if key not in params:
            continue
        text = _first(params[key])
        try:
            port_id = ports.resolve(text).id
        except GeoError as exc:
            warnings.append(ignored(key, text, reason(exc, text, tr), tr))
            continue
        state = replace(state, origin=port_id) if key == "origin" else replace(state, dest=port_id)
    if "speed" in params:
        speed = page_speed(_first(params["speed"]), warnings, tr)
        if speed is not None:
            state = replace(state, speed=speed)
    if "avoid" in params:
        avoid = page_avoid(_first(params["avoid"]), warnings, tr)
        if avoid is not None:
            state = replace(state, avoid=avoid)
    if "layers" in params:
        text = _first(params["layers"])
        names = tuple(n.strip().lower() for n in text.split(",") if n.strip())
        bad = [n for n in names if n not in ALL_LAYERS]
        if bad:
            why = tr(
                "unknown {names}; accepted: {accepted}",
                names=echo(", ".join(bad), tr),
                accepted=accepted(ALL_LAYERS, LAYER_WORDS, tr),
            )
            warnings.append(ignored("layers", text, why, tr))
        else:
            state = replace(state, layers=tuple(n for n in ALL_LAYERS if n in names))
    if "basemap" in params:
        text = _first(params["basemap"]).lower()
        if text in BASEMAPS:
            state = replace(state, basemap=text)
        else:
            why = tr("accepted {accepted}", accepted=accepted(BASEMAPS, BASEMAP_WORDS, tr))
            warnings.append(ignored("basemap", text, why, tr))
    if "label" in params:
        state = replace(state, label=plain(_first(params["label"]), MAX_LABEL_CHARS))
    if "ship" in params:
        text = _first(params["ship"])
        try:
            state = replace(state, ship=validate_ship_teu(text))
        except GeoError as exc:
            warnings.append(ignored("ship", text, reason(exc, text, tr), tr))
    if "fuel" in params:
        text = _first(params["fuel"])
        try:
            state = replace(state, fuel=fuel_id(text))
        except GeoError as exc:
            warnings.append(ignored("fuel", text, reason(exc, text, tr), tr))
    if "load" in params:
        text = _first(params["load"])
        try:
            state = replace(state, load=validate_load_factor(text))
        except GeoError as exc:
            warnings.append(ignored("load", text, reason(exc, text, tr), tr))
    if "extent" in params:
        text = _first(params["extent"])
        try:
            extent = check_extent(text.split(","))
        except GeoError:
            why = tr("give {order} in degrees", order=extent_order(tr))
            warnings.append(ignored("extent", text, why, tr))
        else:
            state = replace(state, extent=extent)
    if "lang" in params:
        lang = page_lang(_first(params["lang"]), warnings, tr)
        if lang is not None:
            state = replace(state, lang=lang)
    if state.origin == state.dest:
        warnings.append(
            tr(
                "URL origin and dest are the same ({port}); showing the default lane",
                port=describe_id(state.origin, tr.lang),
            )
        )
        state = replace(state, origin=DEFAULT_STATE.origin, dest=DEFAULT_STATE.dest)
    return state, warnings


def to_query(state: ViewState) -> dict[str, str]:
    """Query parameters for a state; defaults are left out to keep URLs short."""
    out: dict[str, str] = {
        "origin": state.origin,
        "dest": state.dest,
        "speed": number_text(state.speed),
    }
    if state.avoid:
        out["avoid"] = ",".join(state.avoid)
    if state.layers != DEFAULT_STATE.layers:
        out["layers"] = ",".join(state.layers)
    if state.basemap != DEFAULT_STATE.basemap:
        out["basemap"] = state.basemap
    if state.label:
        out["label"] = state.label
    if state.ship != DEFAULT_STATE.ship:
        out["ship"] = str(state.ship)
    if state.fuel != DEFAULT_STATE.fuel:
        out["fuel"] = state.fuel
    if state.load != DEFAULT_STATE.load:
        out["load"] = number_text(state.load)
    if state.extent is not None:
        out["extent"] = ",".join(f"{v:.4f}".rstrip("0").rstrip(".") for v in state.extent)
    if state.lang != DEFAULT_STATE.lang:
        out["lang"] = state.lang
    return out


#: How far (a fraction of the extent's width or height) a map's reported view may differ from
#: a link's extent and still count as showing it: a few pixels of a resized frame.
EXTENT_TOLERANCE = 0.02


#: How far (CSS px) the map may widen a link's extent on each side so that a port marker on
#: its edge is drawn whole: the largest marker's radius (≈ 16 px, Shanghai's 55 M TEU) with
#: its outline and a little room.
PORT_ROOM_PX = 24.0


def shows_extent(
    reported: tuple[float, float, float, float],
    wanted: tuple[float, float, float, float],
    *,
    zoom: float | None = None,
) -> bool:
    """Whether a map that reports ``reported`` is showing ``wanted`` as a map of its shape
    would (both ``(west, south, east, north)`` in degrees, the same longitude window): it
    contains ``wanted`` and is as tight as it along at least one axis, each within
    :data:`EXTENT_TOLERANCE`, or within :data:`PORT_ROOM_PX` on each side at the map's Web
    Mercator ``zoom`` when it is given (the map widens a link's view that would cut a port
    marker at its edge). The page keeps a shared link's extent while this holds, so a link
    shared again does not drift by the few pixels each reopening adds; a view the user
    zoomed or panned does not hold it."""
    w, s, e, n = wanted
    rw, rs, re_, rn = reported
    dx, dy = (e - w) * EXTENT_TOLERANCE, (n - s) * EXTENT_TOLERANCE
    contains = rw <= w + dx and re_ >= e - dx and rs <= s + dy and rn >= n - dy
    room = 0.0 if zoom is None else PORT_ROOM_PX * 360.0 / (256.0 * 2.0**zoom)  # degrees
    wide = (re_ - rw) <= (e - w) + 2 * max(dx, room)
    # along latitude the room in degrees is smaller than along longitude except at the
    # equator (Mercator): the longitude figure is an upper bound, so it only ever allows more
    tall = (rn - rs) <= (n - s) + 2 * max(dy, room)
    return contains and (wide or tall)
