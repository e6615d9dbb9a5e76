"""``python -m geo tradeoff ORIGIN DEST``: days, fuel and CO2 of one route at a range of speeds.

Columns ``speed_kn``, ``days``, ``fuel_t``, ``co2_ttw_t``, ``co2e_wtw_t`` (empty / null when the
fuel has no sourced well-to-wake factor). A ship too large for a canal is routed around it.
``--lang zh`` words the text table's headings (and any error) in Chinese; CSV and JSON keep
their English column names for the programs that read them.
"""

from __future__ import annotations

import argparse
import csv
import json
from typing import Any, TextIO

from geo.cli.common import add_lang_option, columns, pad
from geo.errors import InvalidSpeedError
from geo.i18n import ENGLISH, N_, Translator, translator
from geo.present.choices import fuel_id
from geo.routing import engine as routing
from geo.voyage import tradeoff as _tradeoff
from geo.voyage.canals import avoid_for_ship, canals_closed_to
from geo.voyage.factors import fuels
from geo.voyage.validate import validate_ship_teu


def parse_speeds(text: str) -> list[float]:
    """``"10:24:1"`` (start:stop:step, stop included) or ``"12,14,18"`` → speeds in knots.

    Raises :class:`~geo.errors.InvalidSpeedError` naming the text and the accepted forms.
    """
    try:
        if ":" in text:
            parts = [float(p) for p in text.split(":")]
            if len(parts) not in (2, 3):
                raise ValueError
            start, stop = parts[0], parts[1]
            step = parts[2] if len(parts) == 3 else 1.0
            if step <= 0 or stop < start or (stop - start) / step > 1000:
                raise ValueError
            count = round((stop - start) / step) + 1
            return [round(start + i * step, 6) for i in range(count)]
        return [float(p) for p in text.split(",") if p.strip()]
    except ValueError:
        raise InvalidSpeedError(
            N_(
                "speeds {value!r} are not accepted; accepted: START:STOP[:STEP] such as "
                "10:24:1, or a list such as 12,14,18",
                value=text[:40],
            )
        ) from None


def add_parser(subparsers: Any, tr: Translator = ENGLISH) -> argparse.ArgumentParser:
    """Add the ``tradeoff`` command to an argparse ``subparsers`` object; returns its parser."""
    p = subparsers.add_parser(
        "tradeoff",
        tr=tr,
        help=tr("days, fuel and CO2 of a route from slow to fast"),
        description=tr(
            "Days at sea, fuel and CO2 of one route at a range of speeds (estimates: "
            "cube law through a sourced reference point; see data/README.md)."
        ),
        epilog=tr(
            "Example: {example}",
            example='python -m geo tradeoff Shanghai "Long Beach" --speeds 10:24:2',
        ),
    )
    p.add_argument("origin", help=tr("UN/LOCODE, port name or 'lon,lat'"))
    p.add_argument("destination", help=tr("UN/LOCODE, port name or 'lon,lat'"))
    p.add_argument("--speeds", default="10:24:1", help=tr("START:STOP[:STEP] or a list (10:24:1)"))
    p.add_argument("--format", choices=("csv", "json", "text"), default="text")
    p.add_argument("--ship-teu", default="8000", help=tr("ship size in TEU (default 8000)"))
    p.add_argument(
        "--fuel",
        default="vlsfo",
        help=tr("one of {fuels} or its name, e.g. 甲醇 (vlsfo)", fuels=", ".join(fuels())),
    )
    p.add_argument("--load-factor", default="0.7", help=tr("share of TEU carried, (0, 1] (0.7)"))
    p.add_argument("--avoid", default="", metavar="P1,P2", help=tr("passages to avoid"))
    add_lang_option(p, tr("the text table (--format text) and the errors"), tr)
    return p


#: The text table's columns: heading and width (terminal columns).
TEXT_COLUMNS: tuple[tuple[str, int], ...] = (
    (N_("kn"), 5),
    (N_("days"), 6),
    (N_("fuel t"), 9),
    (N_("CO2 TtW t"), 10),
    (N_("CO2e WtW t"), 11),
)


def text_table(rows: list[dict[str, Any]], tr: Translator = ENGLISH) -> str:
    """The rows as a right-aligned table under headings in ``tr``'s language (a Chinese
    heading wider than its column widens it)."""
    heads = [tr(title) for title, _ in TEXT_COLUMNS]
    widths = [max(width, columns(h)) for h, (_, width) in zip(heads, TEXT_COLUMNS)]
    lines = [" ".join(pad(h, w, right=True) for h, w in zip(heads, widths))]
    for r in rows:
        wtw = "—" if r["co2e_wtw_t"] is None else tr.number(r["co2e_wtw_t"])
        cells = (
            f"{r['speed_kn']:g}",
            tr.number(r["days"], 1),
            tr.number(r["fuel_t"]),
            tr.number(r["co2_ttw_t"]),
            wtw,
        )
        lines.append(" ".join(pad(c, w, right=True) for c, w in zip(cells, widths)))
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Handler of ``tradeoff``: prints the table; GeoError subclasses propagate to the CLI."""
    speeds = parse_speeds(args.speeds)
    teu = validate_ship_teu(args.ship_teu)
    avoid = [a for a in args.avoid.split(",") if a.strip()] + list(avoid_for_ship(teu))
    lane = routing.route(args.origin, args.destination, avoid=avoid)
    fuel = fuel_id(args.fuel)
    rows = _tradeoff.table(lane, speeds, ship_teu=teu, load_factor=args.load_factor, fuel=fuel)
    if args.format == "json":
        closed = [c.canal for c in canals_closed_to(teu)]
        json.dump({"rows": rows, "canals_not_usable": closed}, out, ensure_ascii=False)
        out.write("\n")
    elif args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=list(_tradeoff.COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: ("" if v is None else v) for k, v in r.items()} for r in rows)
    else:
        out.write(text_table(rows, translator(args.lang)))
    return 0


def add_parsers(subparsers: Any, tr: Translator = ENGLISH) -> None:
    """Register the command; its handler is :func:`run`."""
    add_parser(subparsers, tr).set_defaults(handler=run)
