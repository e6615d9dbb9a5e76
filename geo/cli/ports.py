"""``python -m geo ports QUERY``: search the port catalogue, in English or Chinese.

QUERY is part of a port's name (English, or Chinese in Simplified or Traditional characters),
a UN/LOCODE, or a country in either language (``China``, ``中国``: that country's ports, the
ones a reader knows first). ``--lang zh`` prints the headings and the country names in Chinese
(CLDR, via Babel). A query that matches nothing prints one line on stderr with close matches
and exits 2.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from geo.catalogue import ports as _ports
from geo.catalogue.countries import country_code, country_name
from geo.catalogue.names import chinese_names
from geo.catalogue.search import count
from geo.cli.common import add_lang_option, pad, terminal
from geo.cli.parsing import with_language
from geo.errors import GeoError
from geo.i18n import ENGLISH, N_, Translator, translator

DEFAULT_LIMIT = 20
#: Column headings and widths (terminal columns; a Chinese character takes two).
COLUMNS: tuple[tuple[str, int], ...] = (
    (N_("CODE"), 14),
    (N_("NAME"), 34),
    (N_("ZH"), 18),  # 波特兰（俄勒冈州）: a state in brackets tells two Portlands apart
    (N_("COUNTRY"), 22),
)


def limit_arg(text: str, tr: Translator = ENGLISH) -> int:
    """``--limit``: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            tr("limit {value!r} is not accepted; give a whole number of at least 1", value=text)
        )
    return value


def add_parsers(sub: Any, tr: Translator = ENGLISH) -> None:
    p = sub.add_parser(
        "ports",
        tr=tr,
        help=tr("list ports matching a query"),
        description=tr(
            "List catalogue ports whose code, name (English or Chinese, Simplified or "
            "Traditional, aliases included) or country (English or Chinese: China, 中国) "
            "matches QUERY."
        ),
        epilog=tr(
            "Examples: {first}; {second}",
            first="python -m geo ports beach",
            second="python -m geo ports 中国 --lang zh",
        ),
    )
    p.add_argument(
        "query",
        help=tr(
            "part of a name (English or Chinese: 上海, 長灘), a UN/LOCODE or a country "
            "(China, 中国)"
        ),
    )
    p.add_argument(
        "--limit",
        type=with_language(limit_arg, tr),
        default=DEFAULT_LIMIT,
        metavar="N",
        help=tr("at most this many (default {default})", default=DEFAULT_LIMIT),
    )
    add_lang_option(p, tr("the headings and country names"), tr)
    p.set_defaults(handler=run_ports)


def run_ports(args: argparse.Namespace, out: TextIO) -> int:
    tr = translator(args.lang)
    matches = _ports.search(args.query, limit=args.limit)
    if not matches:
        hint = _ports.suggest(args.query, lang=args.lang)
        msg = tr("no port matches {query!r}", query=args.query)
        raise GeoError(msg + (tr("; close: {names}", names=tr.join(hint)) if hint else ""))
    header = tr(
        "{shown} of {total} ports matching {query!r}",
        shown=len(matches),
        total=count(args.query),
        query=args.query,
    )
    out.write(terminal(header) + "\n")
    heads = [pad(tr(title), width) for title, width in COLUMNS]
    heads += [pad(tr("LON"), 9, right=True), pad(tr("LAT"), 8, right=True)]
    out.write(" ".join(heads) + "\n")
    chinese = chinese_names()
    for p in matches:
        code = p.id  # what selects it: CNSHA-YANGSHAN shares Shanghai's UN/LOCODE
        zh = chinese[p.id].name if p.id in chinese else ""
        land = country_name(country_code(p), p.country, args.lang)
        cells = (code, p.name, zh, land)
        line = " ".join(pad(cell, width) for cell, (_, width) in zip(cells, COLUMNS))
        out.write(terminal(f"{line} {p.lon:9.3f} {p.lat:8.3f}") + "\n")
    return 0
