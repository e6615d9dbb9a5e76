"""The command line's status lines, in the language of ``--lang``: what was written, why
another renderer drew a PNG, a deck's progress, a warning, an error.

English is worded exactly as the commands always printed it; Chinese from the same values.
File names and paths are printed as they are (the files' names stay ASCII whatever the
language); control characters are stripped by the command line's terminal helper.
"""

from __future__ import annotations

from pathlib import Path

from geo.i18n import ENGLISH, Translator


def size_words(size_bytes: int, tr: Translator = ENGLISH) -> str:
    """``"12 KB"`` (at least 1 KB, thousands separators)."""
    return tr("{value} KB", value=tr.number(max(1, round(size_bytes / 1024))))


def renderer_words(renderer: str, label: str, tr: Translator = ENGLISH) -> str:
    """The renderer a status line names: its key in English (``static``), its translated
    ``label`` in Chinese (``matplotlib``, ``无头 Chromium 浏览器``)."""
    return tr(label) if tr.chinese else renderer


def format_words(fmt: str, tr: Translator = ENGLISH) -> str:
    """A file format as a status line names it: ``png`` in English, ``PNG`` in Chinese."""
    return fmt.upper() if tr.chinese else fmt


def snapshot_note(renderer: str, note: str, tr: Translator = ENGLISH) -> str:
    """Why another renderer drew the snapshot (English: as :mod:`geo.jobs.snapshot` words
    it; Chinese: the fallback to the static renderer)."""
    if not note or not tr.chinese:
        return note
    if renderer == "static":
        return tr("The browser renderer was not available, so the static renderer drew the PNG.")
    return note


def wrote_file(path: Path | str, fmt: str, renderer: str, size: str, tr: Translator) -> str:
    """``"wrote lane.png (png, static, 120 KB)"``."""
    return tr(
        "wrote {path} ({format}, {renderer}, {size})",
        path=str(path),
        format=format_words(fmt, tr),
        renderer=renderer,
        size=size,
    )


def note_line(text: str, tr: Translator = ENGLISH) -> str:
    return tr("note: {text}", text=text)


def deck_entry_name(name: str, number: int, named: bool, tr: Translator = ENGLISH) -> str:
    """The name a deck entry was given, or for one without: ``"entry 2"`` / ``"第2项"``."""
    return name if named else tr("entry {n}", n=str(number))


def deck_ok(name: str, filename: str, details: str, tr: Translator = ENGLISH) -> str:
    """``"Shanghai: ok shanghai.png (png, static, 120 KB, 1.2 s)"``."""
    return tr("{name}: ok {file} ({details})", name=name, file=filename, details=details)


def deck_details(fmt: str, renderer: str, size: str, seconds: float, tr: Translator) -> str:
    """``"png, static, 120 KB, 1.2 s"``."""
    took = tr("{value} s", value=tr.number(seconds, 1))
    return ("，" if tr.chinese else ", ").join([format_words(fmt, tr), renderer, size, took])


def deck_failed(name: str, reason: str, tr: Translator = ENGLISH) -> str:
    return tr("{name}: FAILED: {reason}", name=name, reason=reason)


def deck_done(written: int, total: int, folder: Path | str, tr: Translator = ENGLISH) -> str:
    return tr(
        "wrote {written} of {total} files to {folder}",
        written=written,
        total=total,
        folder=str(folder),
    )


def deck_failures(failed: list[str], total: int, tr: Translator = ENGLISH) -> str:
    return tr(
        "{count} of {total} entries failed: {names}",
        count=len(failed),
        total=total,
        names=tr.join(failed) if tr.chinese else ", ".join(failed),
    )


def error_line(prog: str, message: str, tr: Translator = ENGLISH) -> str:
    """``"python -m geo: error: …"`` / ``"python -m geo：错误：…"``."""
    return tr("{prog}: error: {text}", prog=prog, text=message)


def wrote_lanes(path: Path | str, count: int, tr: Translator = ENGLISH) -> str:
    return tr("wrote {path} ({count} lanes)", path=str(path), count=count)


def wrote_matrix(path: Path | str, count: int, tr: Translator = ENGLISH) -> str:
    return tr("wrote {path} ({count}×{count} ports, nm)", path=str(path), count=count)


def no_folder(path: Path | str, folder: Path | str, tr: Translator = ENGLISH) -> str:
    return tr(
        "cannot write {path}: the folder {folder} does not exist",
        path=str(path),
        folder=str(folder),
    )


def cannot_create(folder: Path | str, reason: str, tr: Translator = ENGLISH) -> str:
    return tr("cannot create the folder {folder}: {reason}", folder=str(folder), reason=reason)


def renderer_png_only(suffix: str, tr: Translator = ENGLISH) -> str:
    return tr(
        "{option} applies to {png} only, not {suffix}",
        option="--renderer",
        png=".png",
        suffix=suffix,
    )


def slide_formats(slide: str, suffix: str, tr: Translator = ENGLISH) -> str:
    return tr(
        "{option} {slide} writes {png}, {svg} or {pdf}, not {suffix}",
        option="--slide",
        slide=slide,
        png=".png",
        svg=".svg",
        pdf=".pdf",
        suffix=suffix,
    )
