"""Command line: ``python -m geo route|ports|snapshot|deck|tradeoff|matrix|atlas ...``.

Each command lives in its own module with an ``add_parsers(subparsers)`` function that sets a
``handler(args, out) -> int`` default. Bad input of any kind prints one line on stderr and
exits with status 2; never a traceback. A command with ``--lang zh`` words the error in Chinese
(:func:`geo.present.errtext.error_text`), and its usage errors and ``--help`` too, argparse's
own words included (:mod:`geo.cli.parsing`). ``deck`` writes every good entry of a deck file and
exits 2 if any entry failed.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import TextIO

from geo.cli import atlas, matrix, ports, route, snapshot, tradeoff
from geo.cli.parsing import EXIT_USAGE, Parser, lang_in_argv, terminal
from geo.errors import GeoError
from geo.i18n import DEFAULT_LANGUAGE, ENGLISH, Translator, translator
from geo.present.errtext import error_text
from geo.present.status import error_line

#: A west longitude given as a plain argument ("-156.8,71.4"): not an option.
_NEGATIVE_COORD_RE = re.compile(r"^-\d+(?:\.\d+)?\s*[,;]\s*[-+]?\d+(?:\.\d+)?$")

COMMANDS = (route, ports, snapshot, tradeoff, matrix, atlas)


def _shield_coordinates(argv: Sequence[str]) -> list[str]:
    """Coordinates that start with "-" get a leading space, so argparse takes them as values
    (``python -m geo route USANC "-156.8,71.4"`` works without ``--``); ports strip it."""
    return [f" {a}" if _NEGATIVE_COORD_RE.match(a) else a for a in argv]


def build_parser(tr: Translator = ENGLISH) -> Parser:
    """The command line's parser, its help and usage errors in ``tr``'s language."""
    parser = Parser(
        prog="python -m geo",
        description=tr("Sea routes and corridor figures for the LA–Long Beach–Shanghai lane."),
        tr=tr,
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    for command in COMMANDS:
        command.add_parsers(sub, tr)
    return parser


def command_prog(parser: argparse.ArgumentParser, args: argparse.Namespace | None) -> str:
    """The name an error line starts with: the subcommand's (``python -m geo route``) once
    one was given, as argparse's own usage errors say it; else the program's."""
    command = getattr(args, "command", None)
    for action in parser._actions:  # argparse keeps the subcommands' parsers on this action
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            return str(action.choices[command].prog)
    return parser.prog


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Entry point; returns the exit status."""
    out = out or sys.stdout
    arguments = _shield_coordinates(sys.argv[1:] if argv is None else argv)
    parser = build_parser(translator(lang_in_argv(arguments)))
    args: argparse.Namespace | None = None
    try:
        args = parser.parse_args(arguments)
        return int(args.handler(args, out))
    except GeoError as exc:  # in the command's --lang: the same words as the page's
        tr = translator(getattr(args, "lang", None) or DEFAULT_LANGUAGE)
        prog = command_prog(parser, args)
        print(terminal(error_line(prog, error_text(exc, tr), tr)), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
