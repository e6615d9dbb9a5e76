"""The file each entry of a deck writes (:mod:`geo.jobs.deck`): named after the entry (its
letters and digits in any script: ``航线A.png`` and ``走廊A.png`` are two files), after ``out``,
or after the lane; one file per entry, a repeat told apart by ``-2``, ``-3`` … or refused.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import ExportError, GeoError
from geo.fileio import fit_stem, safe_filename
from geo.i18n import N_
from geo.jobs.snapshot import FORMATS, _format_key, format_for

if TYPE_CHECKING:
    from geo.jobs.deck import DeckEntry


def lane_stem(origin: str, destination: str, n: int) -> str:
    """A file stem for an entry whose name leaves no letter or digit (``→``): the lane's ports
    as the page's download names have them (``Shanghai-San_Pedro_Bay``), or
    ``entry-N`` when a port does not resolve."""
    from geo.catalogue.ports import resolve

    fallback = f"entry-{n}"
    try:
        ends = [resolve(origin).name, resolve(destination).name]
    except GeoError:
        return fallback
    return safe_filename(f"{ends[0]}-{ends[1]}", default=fallback)


def entry_filename(raw: dict[str, object], name: str, fmt: object, fallback: str) -> str:
    """The entry's file name, safe: ``out`` if it has an accepted extension, else the stem of
    ``out`` (or the entry's name) with the format's extension. ``fallback`` is the stem when
    neither leaves a letter or digit."""
    out = raw.get("out")
    stem = name
    if out is not None:
        if not isinstance(out, str) or not out.strip():
            raise ExportError(N_("out {value!r} is not a file name", value=out))
        filename = safe_filename(out, default=safe_filename(name, default=fallback))
        suffix = Path(filename).suffix.lower()
        if suffix in FORMATS:
            if "format" in raw and _format_key(str(fmt)).key != FORMATS[suffix].key:
                raise ExportError(
                    N_(
                        "out {value!r} and format {format!r} disagree; give one of them",
                        value=out,
                        format=fmt,
                    )
                )
            return filename
        if suffix and "format" not in raw:
            format_for(filename)  # names the bad extension and lists the accepted ones
        stem = filename[: -len(suffix)] if suffix else filename
    if not isinstance(fmt, str):
        raise ExportError(
            N_(
                "format {value!r} is not accepted; give one of {accepted}",
                value=fmt,
                accepted=" ".join(FORMATS),
            )
        )
    return safe_filename(f"{stem}.{_format_key(fmt).key}", default=fallback)


def _file_key(filename: str) -> str:
    """Two names of one file on a case-insensitive file system (macOS, Windows)."""
    return unicodedata.normalize("NFC", filename).casefold()


def _numbered(filename: str, taken: dict[str, DeckEntry], wanted: set[str]) -> str:
    """``filename`` with the first ``-2``, ``-3`` … that no entry writes or wants."""
    path, k = Path(filename), 2
    while True:
        end = f"-{k}{path.suffix}"
        candidate = fit_stem(path.stem, end) + end
        if _file_key(candidate) not in taken and _file_key(candidate) not in wanted:
            return candidate
        k += 1


def one_file_each(entries: list[DeckEntry], raws: list[object]) -> list[DeckEntry]:
    """Each entry its own file. Entries whose different names give one file name (``A/B``
    and ``A:B`` are both ``A_B``) keep it in deck order: the first as is, the next with
    ``-2``, ``-3`` … before the extension (never a name another entry writes). A file
    given twice by ``out``, or one name given twice, is an error on the later entry."""
    wanted = {_file_key(e.filename) for e in entries if not e.error}
    taken: dict[str, DeckEntry] = {}
    out: list[DeckEntry] = []
    for entry, raw in zip(entries, raws, strict=True):
        key = _file_key(entry.filename)
        if not entry.error and key in taken:
            other = taken[key]
            given = isinstance(raw, dict) and "out" in raw
            if given or (entry.named and other.named and entry.name == other.name):
                label = other.name if other.named else N_("entry {n}", n=str(other.number))
                error = N_(
                    "writes {file}, as entry {other!r} already does",
                    file=entry.filename,
                    other=label,
                )
                entry = dataclasses.replace(entry, error=error)
            else:
                entry = dataclasses.replace(
                    entry, filename=_numbered(entry.filename, taken, wanted)
                )
                key = _file_key(entry.filename)
        if not entry.error:
            taken[key] = entry
        out.append(entry)
    return out
