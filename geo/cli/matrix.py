"""``python -m geo matrix PORT [PORT ...] --out FILE``: a square sea-distance matrix in nm."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from geo.cli.common import add_lang_option, terminal
from geo.cli.parsing import EXIT_USAGE
from geo.export import tables
from geo.i18n import ENGLISH, N_, Translator, translator
from geo.jobs import atlas, dask_runner
from geo.present import status
from geo.routing import engine as routing


def add_common(p: argparse.ArgumentParser, tr: Translator = ENGLISH) -> None:
    """``--scheduler`` and ``--progress``, shared with ``atlas``."""
    p.add_argument(
        "--scheduler",
        default=None,
        metavar="S",
        help=tr(
            "where to compute: local:N (a Dask LocalCluster of N worker processes) or "
            "tcp://HOST:PORT (an existing Dask scheduler); default: in this process"
        ),
    )
    p.add_argument(
        "--progress",
        action="store_true",
        help=tr("show a progress bar on stderr even when it is not a terminal"),
    )
    add_lang_option(p, tr("the status lines"), tr)


def show_progress(args: argparse.Namespace) -> bool:
    return bool(args.progress) or sys.stderr.isatty()


def report(errors: Sequence[str], prog: str, tr: Translator = ENGLISH) -> int:
    """One line per error on stderr; the exit status (2 if any)."""
    for message in errors:
        print(terminal(status.error_line(prog, message, tr)), file=sys.stderr)
    return EXIT_USAGE if errors else 0


def add_parser(subparsers: Any, tr: Translator = ENGLISH) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "matrix",
        tr=tr,
        help=tr("write a square matrix of sea distances (nm) between ports"),
        description=tr(
            "Compute the sea distance in nautical miles between every pair of ports "
            "(one shortest-path tree per origin over searoute's network; the same distances "
            "as `route`) and write it: .csv (UN/LOCODE headers, 0 diagonal, empty cell = no "
            "route) or .parquet. An unknown port is reported with close matches (exit status "
            "2) and the others are still computed."
        ),
        epilog=tr(
            "Example: {example}",
            example="python -m geo matrix CNSHA USLAX USLGB KRPUS --out m.csv",
        ),
    )
    p.add_argument("ports", nargs="*", metavar="PORT", help=tr("UN/LOCODE, name or 'lon,lat'"))
    p.add_argument(
        "--ports-file", metavar="F", help=tr("a text file with one port per line (# comments)")
    )
    p.add_argument(
        "--avoid",
        default="",
        metavar="P1,P2",
        help=tr(
            "comma-separated passages to avoid: {passages}", passages=", ".join(routing.PASSAGES)
        ),
    )
    p.add_argument("--out", required=True, metavar="FILE", help=tr("output: .csv or .parquet"))
    add_common(p, tr)
    return p


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Handler of ``matrix``; raises :class:`~geo.errors.GeoError` for bad options."""
    tr = translator(args.lang)
    path = tables.check_suffix(args.out, tables.MATRIX_FORMATS)
    scheduler = dask_runner.parse_scheduler(args.scheduler)
    avoid = routing.normalise_avoid(args.avoid)
    queries = list(args.ports) + (atlas.read_ports_file(args.ports_file) if args.ports_file else [])
    if not queries:
        raise atlas.LanesFileError(
            N_("no ports given; name ports or give {option}", option="--ports-file F")
        )
    found, errors = atlas.resolve_all(queries, args.lang)
    if found:
        frame = atlas.matrix_job(
            found, avoid=avoid, scheduler=scheduler, progress=show_progress(args)
        )
        tables.write_matrix(frame, path)
        out.write(terminal(status.wrote_matrix(path, len(found), tr)) + "\n")
    return report(errors, "python -m geo matrix", tr)


def add_parsers(subparsers: Any, tr: Translator = ENGLISH) -> None:
    """Register the command; its handler is :func:`run`."""
    add_parser(subparsers, tr).set_defaults(handler=run)
