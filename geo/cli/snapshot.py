"""``python -m geo snapshot`` and ``python -m geo deck``: slides and exports of a lane."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from geo.cli.common import (
    add_lang_option,
    add_route_options,
    add_ship_options,
    kb,
    lane_view,
    size_arg,
    terminal,
    warn,
)
from geo.cli.parsing import EXIT_USAGE, with_language
from geo.errors import ExportError, GeoError
from geo.i18n import ENGLISH, Translator, translator
from geo.jobs import deck, snapshot
from geo.present import status
from geo.present.errtext import error_text
from geo.present.model import present
from geo.present.options import ALL_LAYERS


def _layers_arg(text: str, tr: Translator = ENGLISH) -> tuple[str, ...]:
    names = [x.strip().lower() for x in text.split(",") if x.strip()]
    bad = [x for x in names if x not in ALL_LAYERS]
    if bad:
        raise argparse.ArgumentTypeError(
            tr(
                "layer {value!r} is not accepted; give a comma-separated list of {layers}",
                value=bad[0],
                layers=", ".join(ALL_LAYERS),
            )
        )
    return tuple(names)


def add_parsers(sub: Any, tr: Translator = ENGLISH) -> None:
    formats = " ".join(snapshot.FORMATS)
    p_snap = sub.add_parser(
        "snapshot",
        tr=tr,
        help=tr("write a slide snapshot or data export of a lane"),
        description=tr(
            "Write one snapshot of the lane: the format is taken from the extension of "
            "--out ({formats}). PNG is drawn by headless Chromium when it is installed (else "
            "by the static renderer); SVG and PDF by the static renderer; HTML is the "
            "interactive map, working offline; GeoJSON, GeoPackage and CSV are data exports. "
            "The file appears only once complete.",
            formats=formats,
        ),
        epilog=tr(
            "Example: {example}",
            example='python -m geo snapshot Shanghai "San Pedro Bay" --out lane.png '
            '--size 1280x720 --title "Shanghai → San Pedro Bay"',
        ),
    )
    add_route_options(p_snap, tr)
    add_lang_option(p_snap, tr("the slide"), tr)
    add_ship_options(p_snap, tr)
    p_snap.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help=tr("output file; its extension: {formats}", formats=formats),
    )
    p_snap.add_argument(
        "--size",
        type=with_language(size_arg, tr),
        default=snapshot.DEFAULT_SIZE,
        metavar="WxH",
        help=tr(
            "image size in pixels, e.g. 1920x1080 (default), or one of {sizes}; each side "
            "{low}–{high} (PNG, SVG, PDF)",
            sizes=", ".join(snapshot.SIZES),
            low=snapshot.MIN_SIDE_PX,
            high=snapshot.MAX_SIDE_PX,
        ),
    )
    p_snap.add_argument(
        "--title",
        default=None,
        metavar="T",
        help=tr("title on the snapshot (default: the route)"),
    )
    p_snap.add_argument(
        "--label", default="", metavar="TEXT", help=tr("a custom label drawn on the map")
    )
    p_snap.add_argument(
        "--layers",
        type=with_language(_layers_arg, tr),
        default=ALL_LAYERS,
        metavar="L1,L2",
        help=tr(
            "layers to show, comma-separated (default all: {layers})", layers=",".join(ALL_LAYERS)
        ),
    )
    p_snap.add_argument(
        "--renderer",
        choices=snapshot.RENDERERS,
        default="auto",
        help=tr(
            "PNG only: browser (headless Chromium), static (matplotlib) or auto (browser "
            "when Chromium is installed; default)"
        ),
    )
    p_snap.add_argument(
        "--slide",
        choices=snapshot.SLIDES,
        default="lane",
        help=tr(
            "PNG, SVG, PDF: the lane map (default), the speed trade-off chart or the "
            "corridor's timeline (the last two by the static renderer)"
        ),
    )
    p_snap.set_defaults(handler=run_snapshot)

    p_deck = sub.add_parser(
        "deck",
        tr=tr,
        help=tr("write many snapshots from one TOML deck file"),
        description=tr(
            "Write every [[snapshot]] of a TOML deck file into DIR, with a progress "
            "line per entry on stderr. A bad entry (unknown port, bad size or speed, missing "
            "field) is reported by name and the others are still written."
        ),
        epilog=tr(
            "Exit status: 0 if every entry was written, 2 if any entry failed or the deck "
            "file could not be read. Deck file: an optional [defaults] table (speed, size, "
            "avoid, format, renderer) and [[snapshot]] entries with name, origin, destination, "
            "and optionally speed, avoid, size, title, lang, renderer, format or out (a file "
            "name). Example: {example}",
            example="python -m geo deck examples/deck.toml --out slides/",
        ),
    )
    p_deck.add_argument("deck", metavar="DECK.toml", help=tr("the deck file"))
    p_deck.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help=tr("folder for the files (created if missing)"),
    )
    add_lang_option(
        p_deck, tr("every slide whose entry (or [defaults]) sets no lang"), tr, default=None
    )
    p_deck.set_defaults(handler=run_deck)


def run_snapshot(args: argparse.Namespace, out: TextIO) -> int:
    path = Path(args.out)
    tr = translator(args.lang)
    fmt = snapshot.format_for(path)  # fail fast, before the route is computed
    if not path.parent.is_dir():
        raise ExportError(status.no_folder(path, path.parent, tr))
    if args.renderer != "auto" and fmt.key != "png":
        raise ExportError(status.renderer_png_only(path.suffix, tr))
    if args.slide != "lane" and fmt.key not in ("png", "svg", "pdf"):
        raise ExportError(status.slide_formats(args.slide, path.suffix, tr))
    view = lane_view(args)
    pres = present(view, layers=args.layers, label=args.label, title=args.title, lang=args.lang)
    warn(pres)
    result = snapshot.render(pres, path, size=args.size, renderer=args.renderer, slide=args.slide)
    used = status.renderer_words(result.renderer, result.renderer_label, tr)
    line = status.wrote_file(path, result.format, used, kb(result.size_bytes, tr), tr)
    out.write(terminal(line) + "\n")
    if result.note:
        note = status.snapshot_note(result.renderer, result.note, tr)
        print(terminal(status.note_line(note, tr)), file=sys.stderr)
    return 0


def _bar(done: int, total: int, width: int = 20) -> str:
    filled = round(width * done / total) if total else width
    return "[" + "#" * filled + "." * (width - filled) + "]"


def run_deck(args: argparse.Namespace, out: TextIO) -> int:
    given = args.lang
    args.lang = deck.status_lang(args.deck, given)  # main words a file's error in it too
    tr = translator(args.lang)  # the status lines' language (each slide has its own)
    entries = deck.load_deck(args.deck, lang=given or "en")
    out_dir = Path(args.out)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(status.cannot_create(out_dir, str(exc.strerror or exc), tr)) from None
    total = len(entries)
    failed: list[str] = []
    written = 0
    live = sys.stderr.isatty()
    for n, entry in enumerate(entries, start=1):
        start = time.perf_counter()
        name = terminal(status.deck_entry_name(entry.name, entry.number, entry.named, tr))
        if live:  # the running entry, overwritten by its result
            print(f"\r{_bar(n - 1, total)} {n}/{total} {name} …", end="", file=sys.stderr)
            sys.stderr.flush()
        try:
            result = deck.render_entry(entry, out_dir)
        except Exception as exc:  # one broken entry must not stop the others
            failed.append(name)
            reason = (
                error_text(exc, tr) if isinstance(exc, GeoError) else f"{type(exc).__name__}: {exc}"
            )
            line = status.deck_failed(name, terminal(reason), tr)
        else:
            written += 1
            used = status.renderer_words(result.renderer, result.renderer_label, tr)
            details = status.deck_details(
                result.format, used, kb(result.size_bytes, tr), time.perf_counter() - start, tr
            )
            line = status.deck_ok(name, entry.filename, details, tr)
        clear = "\r\033[K" if live else ""
        print(f"{clear}{_bar(n, total)} {n}/{total} {terminal(line)}", file=sys.stderr, flush=True)
    out.write(terminal(status.deck_done(written, total, out_dir, tr)) + "\n")
    if failed:
        message = status.deck_failures(failed, total, tr)
        print(terminal(status.error_line("python -m geo deck", message, tr)), file=sys.stderr)
        return EXIT_USAGE
    return 0
