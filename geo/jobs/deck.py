"""Decks: many snapshots from one TOML file (``python -m geo deck DECK.toml --out DIR``).

A deck has an optional ``[defaults]`` table and ``[[snapshot]]`` entries; a bad entry is
recorded on the entry and reported by name while the others are still written.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from geo.errors import ExportError, GeoError
from geo.i18n import N_, Listed, Quoted, Text, check_lang
from geo.jobs.deckfiles import entry_filename, lane_stem, one_file_each
from geo.jobs.sizes import check_size, not_accepted, parse_size
from geo.jobs.snapshot import (
    DEFAULT_SIZE,
    DEFAULT_TIMEOUT_S,
    RENDERERS,
    SnapshotResult,
    _format_key,
    render,
)
from geo.settings import DEFAULT_SPEED_KN

#: A deck is a few kilobytes; anything far larger is not one.
MAX_DECK_BYTES: Final[int] = 1024 * 1024

#: Keys a ``[defaults]`` table and a ``[[snapshot]]`` entry of a deck file accept.
DECK_DEFAULT_KEYS: Final[tuple[str, ...]] = (
    "speed",
    "size",
    "avoid",
    "format",
    "renderer",
    "lang",
)
DECK_ENTRY_KEYS: Final[tuple[str, ...]] = (
    "name",
    "origin",
    "destination",
    "speed",
    "avoid",
    "size",
    "title",
    "format",
    "out",
    "renderer",
    "lang",
)


@dataclass(frozen=True)
class DeckEntry:
    """One ``[[snapshot]]`` of a deck, defaults applied. ``error`` is set (and the entry is
    not rendered) when the entry itself is malformed: a missing or unknown field, a bad size,
    format or renderer, or a file name another entry already writes."""

    name: str
    origin: str
    destination: str
    speed_kn: float
    avoid: tuple[str, ...] | str
    size: tuple[int, int]
    title: str | None
    filename: str
    renderer: str
    error: str = ""
    lang: str = "en"
    number: int = 0  # 1-based place in the deck
    named: bool = True  # False: ``name`` is the made-up "entry N" (shown as 第N项 in Chinese)
    made_up_file: bool = False  # the file is named after the lane: the name has no letter


def _read_toml(path: Path) -> dict[str, object]:
    """The parsed deck; :class:`ExportError` naming the file for anything that is not a
    readable UTF-8 TOML document (binary, UTF-16, too deeply nested, unreadable)."""
    try:
        import tomllib
    except ImportError:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    name = str(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_DECK_BYTES + 1)
    except FileNotFoundError:
        raise ExportError(N_("deck file {name!r} does not exist", name=name)) from None
    except OSError as exc:
        raise ExportError(
            N_("cannot read deck file {name!r}: {reason}", name=name, reason=exc.strerror or exc)
        ) from None
    if len(raw) > MAX_DECK_BYTES:
        raise ExportError(
            N_(
                "deck file {name!r} is larger than {size} KB",
                name=name,
                size=MAX_DECK_BYTES // 1024,
            )
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ExportError(
            N_(
                "deck file {name!r} is not UTF-8 text (binary, or UTF-16?); save it as UTF-8 TOML",
                name=name,
            )
        ) from None
    if "\x00" in text:
        raise ExportError(
            N_("deck file {name!r} contains NUL characters; it is not a TOML file", name=name)
        )
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ExportError(
            N_("deck file {name!r} is not valid TOML: {reason}", name=name, reason=str(exc))
        ) from None
    except RecursionError:
        raise ExportError(
            N_("deck file {name!r} is nested too deeply to be a deck", name=name)
        ) from None


def _speed_value(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ExportError(N_("speed {value!r} is not a number of knots", value=value))
    return float(value)


def _size_value(value: object) -> tuple[int, int]:
    if isinstance(value, str):
        return parse_size(value)
    if isinstance(value, list) and len(value) == 2:
        return check_size((value[0], value[1]))
    raise not_accepted("size", value)


def _avoid_value(value: object) -> tuple[str, ...] | str:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ExportError(
        N_("avoid {value!r} is not accepted; give a list of passage names", value=value)
    )


def _renderer_value(value: object) -> str:
    if value not in RENDERERS:
        raise ExportError(
            N_(
                "renderer {value!r} is not accepted; give one of {accepted}",
                value=value,
                accepted=Listed(RENDERERS),
            )
        )
    return str(value)


def _deck_entry(raw: object, n: int, defaults: dict[str, object]) -> DeckEntry:
    name, named = f"entry {n}", False
    if isinstance(raw, dict) and isinstance(raw.get("name"), str) and raw["name"].strip():
        name, named = " ".join(str(raw["name"]).split()), True
    blank = DeckEntry(name, "", "", 0.0, (), DEFAULT_SIZE, None, "", "auto", number=n, named=named)
    try:
        if not isinstance(raw, dict):
            raise ExportError(N_("a {entry} entry must be a table", entry="[[snapshot]]"))
        unknown = sorted(set(raw) - set(DECK_ENTRY_KEYS))
        if unknown:
            raise ExportError(
                N_(
                    "unknown field {fields}; accepted: {accepted}",
                    fields=Quoted(unknown),
                    accepted=Listed(DECK_ENTRY_KEYS),
                )
            )
        merged = {**defaults, **raw}
        for key in ("origin", "destination"):
            value = merged.get(key)
            if not isinstance(value, str) or not value.strip():
                raise ExportError(
                    N_("missing field {key!r} (a port name, UN/LOCODE or 'lon,lat')", key=key)
                )
        title = merged.get("title")
        if title is not None and not isinstance(title, str):
            raise ExportError(N_("title {value!r} is not text", value=title))
        lang = _lang_value(merged.get("lang", "en"))
        fallback = lane_stem(str(merged["origin"]), str(merged["destination"]), n)
        filename = entry_filename(raw, name, merged.get("format", "png"), fallback)
        return DeckEntry(
            name=name,
            origin=str(merged["origin"]),
            destination=str(merged["destination"]),
            speed_kn=_speed_value(merged.get("speed", DEFAULT_SPEED_KN)),
            avoid=_avoid_value(merged.get("avoid", [])),
            size=_size_value(merged.get("size", "1920x1080")),
            title=title,
            filename=filename,
            renderer=_renderer_value(merged.get("renderer", "auto")),
            lang=lang,
            number=n,
            named=named,
            made_up_file=Path(filename).stem == fallback,
        )
    except ExportError as exc:
        return dataclasses.replace(blank, error=message(exc))


def message(exc: BaseException) -> str:
    """An error's message, as a :class:`~geo.i18n.Text` when it was raised as one (so that
    it can still be worded in another language)."""
    first = exc.args[0] if exc.args else None
    return first if isinstance(first, Text) else str(exc)


def _lang_value(value: object) -> str:
    try:
        return check_lang(value)
    except GeoError as exc:
        raise ExportError(message(exc)) from None


def status_lang(path: Path | str, given: str | None) -> str:
    """The language of a deck run's status lines: ``given`` (the command line's ``--lang``),
    else the deck's ``[defaults]`` lang, else English (also for a file that does not read)."""
    if given:
        return given
    try:
        defaults = _read_toml(Path(path)).get("defaults")
    except ExportError:
        return "en"
    value = defaults.get("lang") if isinstance(defaults, dict) else None
    try:
        return check_lang(value) if isinstance(value, str) else "en"
    except GeoError:
        return "en"


def load_deck(path: Path | str, *, lang: str = "en") -> list[DeckEntry]:
    """Read a deck file (TOML): an optional ``[defaults]`` table (``speed``, ``size``,
    ``avoid``, ``format``, ``renderer``) and ``[[snapshot]]`` entries (``name``, ``origin``,
    ``destination``, ``speed``, ``avoid``, ``size``, ``title``, ``lang``, ``format`` or ``out``).
    ``lang`` (``en`` or ``zh``) is the language of a slide; an entry without one takes the
    ``[defaults]`` one, else ``lang`` given here (the command line's ``--lang``).

    A problem with one entry is recorded on that entry (:attr:`DeckEntry.error`); a problem
    with the file (unreadable, not TOML, bad defaults, no entries) raises
    :class:`~geo.errors.ExportError`. File names are made safe with
    :func:`~geo.fileio.safe_filename`; two entries may not write the same file.
    """
    data = _read_toml(Path(path))
    unknown_top = sorted(set(data) - {"defaults", "snapshot"})
    if unknown_top:
        raise ExportError(
            N_(
                "deck file has unknown table(s) {tables}; accepted: {defaults} and {snapshot}",
                tables=Quoted(unknown_top),
                defaults="[defaults]",
                snapshot="[[snapshot]]",
            )
        )
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict):
        raise ExportError(N_("{defaults} in the deck file must be a table", defaults="[defaults]"))
    defaults = {"lang": lang, **defaults}
    bad = sorted(set(defaults) - set(DECK_DEFAULT_KEYS))
    if bad:
        raise ExportError(
            N_(
                "{defaults} has unknown key(s) {keys}; accepted: {accepted}",
                defaults="[defaults]",
                keys=Quoted(bad),
                accepted=Listed(DECK_DEFAULT_KEYS),
            )
        )
    try:
        if "speed" in defaults:
            _speed_value(defaults["speed"])
        if "size" in defaults:
            _size_value(defaults["size"])
        if "avoid" in defaults:
            _avoid_value(defaults["avoid"])
        if "format" in defaults:
            _format_key(str(defaults["format"]))
        if "renderer" in defaults:
            _renderer_value(defaults["renderer"])
        _lang_value(defaults["lang"])
    except ExportError as exc:
        raise ExportError(
            N_("{defaults}: {reason}", defaults="[defaults]", reason=message(exc))
        ) from None
    raw_entries = data.get("snapshot", [])
    if not isinstance(raw_entries, list) or not raw_entries:
        raise ExportError(N_("deck file has no {snapshot} entries", snapshot="[[snapshot]]"))
    entries = [_deck_entry(raw, n, defaults) for n, raw in enumerate(raw_entries, start=1)]
    return one_file_each(entries, raw_entries)


def render_entry(
    entry: DeckEntry, out_dir: Path | str, *, timeout_s: float = DEFAULT_TIMEOUT_S
) -> SnapshotResult:
    """Build the view of one deck entry and write it into ``out_dir``."""
    if entry.error:
        raise ExportError(entry.error)
    from geo.present.model import present
    from geo.present.view import build_view

    view = build_view(entry.origin, entry.destination, speed_kn=entry.speed_kn, avoid=entry.avoid)
    pres = present(view, title=entry.title, lang=entry.lang)
    return render(
        pres,
        Path(out_dir) / entry.filename,
        size=entry.size,
        renderer=entry.renderer,
        timeout_s=timeout_s,
    )
