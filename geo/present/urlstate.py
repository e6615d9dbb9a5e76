"""The page's state in the URL query string, parsed and written without streamlit.

Names: ``origin``, ``dest``, ``speed``, ``avoid`` (comma-separated), ``layers``
(comma-separated, from :data:`geo.present.options.ALL_LAYERS`), ``basemap`` (``offline``/``online``)
and ``label`` (a custom annotation). A bad value falls back to the default and adds a warning
that names the value and what is accepted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from geo.catalogue import ports
from geo.errors import GeoError
from geo.present.options import ALL_LAYERS, BASEMAPS
from geo.routing import engine as routing
from geo.settings import DEFAULT_DESTINATION, DEFAULT_ORIGIN, DEFAULT_SPEED_KN

MAX_LABEL_CHARS = 120


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


DEFAULT_STATE = ViewState()


def _first(value: object) -> str:
    if isinstance(value, (list, tuple)):
        value = value[0] if value else ""
    return str(value).strip()


def parse_state(params: Mapping[str, object]) -> tuple[ViewState, list[str]]:
    """A :class:`ViewState` from query parameters, and warnings for values that fell back."""
    state = DEFAULT_STATE
    warnings: list[str] = []

    for key in ("origin", "dest"):
        if key not in params:
            continue
        text = _first(params[key])
        try:
            port_id = ports.resolve(text).id
        except GeoError as exc:
            warnings.append(f"URL {key}={text!r} ignored: {exc}")
            continue
        state = replace(state, origin=port_id) if key == "origin" else replace(state, dest=port_id)
    if "speed" in params:
        text = _first(params["speed"])
        try:
            state = replace(state, speed=routing.validate_speed(float(text)))
        except (ValueError, GeoError):
            warnings.append(
                f"URL speed={text!r} ignored: give knots above 0 and at most 40; "
                f"showing {DEFAULT_SPEED_KN:g} kn"
            )
    if "avoid" in params:
        text = _first(params["avoid"])
        try:
            state = replace(state, avoid=routing.normalise_avoid(text))
        except GeoError as exc:
            warnings.append(f"URL avoid={text!r} ignored: {exc}")
    if "layers" in params:
        text = _first(params["layers"])
        names = tuple(n.strip().lower() for n in text.split(",") if n.strip())
        bad = [n for n in names if n not in ALL_LAYERS]
        if bad:
            warnings.append(
                f"URL layers={text!r} ignored: unknown {', '.join(bad)}; "
                f"accepted: {', '.join(ALL_LAYERS)}"
            )
        else:
            state = replace(state, layers=tuple(n for n in ALL_LAYERS if n in names))
    if "basemap" in params:
        text = _first(params["basemap"]).lower()
        if text in BASEMAPS:
            state = replace(state, basemap=text)
        else:
            warnings.append(f"URL basemap={text!r} ignored: accepted {', '.join(BASEMAPS)}")
    if "label" in params:
        state = replace(state, label=_first(params["label"])[:MAX_LABEL_CHARS])
    if state.origin == state.dest:
        warnings.append(
            f"URL origin and dest are the same ({state.origin}); showing the default lane"
        )
        state = replace(state, origin=DEFAULT_STATE.origin, dest=DEFAULT_STATE.dest)
    return state, warnings


def to_query(state: ViewState) -> dict[str, str]:
    """Query parameters for a state; defaults are left out to keep URLs short."""
    out: dict[str, str] = {"origin": state.origin, "dest": state.dest, "speed": f"{state.speed:g}"}
    if state.avoid:
        out["avoid"] = ",".join(state.avoid)
    if state.layers != DEFAULT_STATE.layers:
        out["layers"] = ",".join(state.layers)
    if state.basemap != DEFAULT_STATE.basemap:
        out["basemap"] = state.basemap
    if state.label:
        out["label"] = state.label
    return out
