"""``python -m geo atlas LANES.csv --out FILE``: one feature per lane."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from geo.cli.common import terminal
from geo.cli.matrix import add_common, report, show_progress
from geo.export import tables
from geo.i18n import ENGLISH, Translator, translator
from geo.jobs import atlas, dask_runner
from geo.present import status
from geo.routing import engine as routing


def add_parser(subparsers: Any, tr: Translator = ENGLISH) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "atlas",
        tr=tr,
        help=tr("write one feature per lane of a lanes file"),
        description=tr(
            "Read rows of origin,destination[,speed_kn,fuel,ship_teu] (a header row "
            "is optional) and write one feature per lane with distance_nm, days, passages and "
            "a summary of its regulatory segments: .gpkg, GeoParquet .parquet or .csv (WKT). "
            "fuel and ship_teu are passed through. A bad row (unknown port, bad speed) is "
            "reported with its line (exit status 2) and the other lanes are still written."
        ),
        epilog=tr(
            "Example: {example}", example="python -m geo atlas examples/lanes.csv --out lanes.gpkg"
        ),
    )
    p.add_argument("lanes", metavar="LANES.csv", help=tr("the lanes file"))
    p.add_argument(
        "--avoid",
        default="",
        metavar="P1,P2",
        help=tr(
            "comma-separated passages to avoid on every lane: {passages}",
            passages=", ".join(routing.PASSAGES),
        ),
    )
    p.add_argument(
        "--out", required=True, metavar="FILE", help=tr("output: .gpkg, .parquet or .csv")
    )
    add_common(p, tr)
    return p


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Handler of ``atlas``; raises :class:`~geo.errors.GeoError` for bad options."""
    tr = translator(args.lang)
    path = tables.check_suffix(args.out, tables.LANES_FORMATS)
    scheduler = dask_runner.parse_scheduler(args.scheduler)
    avoid = routing.normalise_avoid(args.avoid)
    lanes, errors = atlas.read_lanes(args.lanes, args.lang)
    if lanes:
        gdf, failed = atlas.atlas_job(
            lanes, avoid=avoid, scheduler=scheduler, progress=show_progress(args), lang=args.lang
        )
        errors = sorted([*errors, *failed], key=lambda m: m.line)
        if len(gdf):
            tables.write_lanes(gdf, path)
            out.write(terminal(status.wrote_lanes(path, len(gdf), tr)) + "\n")
    return report(errors, "python -m geo atlas", tr)


def add_parsers(subparsers: Any, tr: Translator = ENGLISH) -> None:
    """Register the command; its handler is :func:`run`."""
    add_parser(subparsers, tr).set_defaults(handler=run)
