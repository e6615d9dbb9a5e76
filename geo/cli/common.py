"""Shared pieces of the command line: the one-line-error parser and the route options."""

from __future__ import annotations

import argparse
import sys

from geo.cli.parsing import columns, terminal, with_language
from geo.errors import GeoError
from geo.i18n import ENGLISH, LANGUAGES, Translator, check_lang
from geo.jobs import snapshot
from geo.present.errtext import error_text
from geo.present.model import LanePresentation
from geo.present.status import size_words
from geo.present.view import LaneView, build_view
from geo.routing import engine as routing
from geo.settings import DEFAULT_SPEED_KN, MAX_SPEED_KN, MIN_SPEED_KN
from geo.voyage.emissions import DEFAULT_FUEL, DEFAULT_SHIP_TEU
from geo.voyage.factors import fuels


def pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded to ``width`` terminal columns (a CJK character takes two); ``right``
    aligns it to the right."""
    fill = " " * max(0, width - columns(text))
    return fill + text if right else text + fill


def speed_arg(text: str, tr: Translator = ENGLISH) -> float:
    """A ``--speed`` in knots within the range the page's slider and a URL accept
    (:data:`~geo.settings.MIN_SPEED_KN` to :data:`~geo.settings.MAX_SPEED_KN`)."""
    try:
        return routing.validate_speed(float(text))  # MIN_SPEED_KN to MAX_SPEED_KN
    except (ValueError, GeoError):
        pass
    raise argparse.ArgumentTypeError(
        tr(
            "speed {value!r} is not accepted; give knots from {low} to {high}",
            value=text,
            low=f"{MIN_SPEED_KN:g}",
            high=f"{MAX_SPEED_KN:g}",
        )
    )


def size_arg(text: str, tr: Translator = ENGLISH) -> tuple[int, int]:
    try:
        return snapshot.parse_size(text)
    except GeoError as exc:
        raise argparse.ArgumentTypeError(error_text(exc, tr)) from None


def add_route_options(p: argparse.ArgumentParser, tr: Translator = ENGLISH) -> None:
    """ORIGIN, DESTINATION, --speed and --avoid, as every lane command takes them."""
    p.add_argument(
        "origin",
        help=tr(
            "UN/LOCODE (CNSHA), port name in English or Chinese, Simplified or Traditional "
            "(Shanghai, 上海, 長灘), 'lon,lat', or 'San Pedro Bay'; a name several ports share "
            "is refused with their codes"
        ),
    )
    p.add_argument("destination", help=tr("same forms as ORIGIN"))
    p.add_argument(
        "--speed",
        type=with_language(speed_arg, tr),
        default=DEFAULT_SPEED_KN,
        metavar="KN",
        help=tr(
            "speed in knots, {low} to {high} (default {default}); outside the fuel model's "
            "range the figures carry a warning",
            low=f"{MIN_SPEED_KN:g}",
            high=f"{MAX_SPEED_KN:g}",
            default=f"{DEFAULT_SPEED_KN:g}",
        ),
    )
    p.add_argument(
        "--avoid",
        default="",
        metavar="P1,P2",
        help=tr(
            "comma-separated passages to avoid: {passages}; their English or Chinese names are "
            "accepted too (Suez Canal, 苏伊士运河, 苏伊士)",
            passages=", ".join(routing.PASSAGES),
        ),
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help=tr(
            "refuse an end on land or far from the sea lanes (default: route it with a warning)"
        ),
    )


def lang_arg(text: str, tr: Translator = ENGLISH) -> str:
    try:
        return check_lang(text)
    except GeoError as exc:
        raise argparse.ArgumentTypeError(error_text(exc, tr)) from None


def add_lang_option(
    p: argparse.ArgumentParser, what: str, tr: Translator = ENGLISH, default: str | None = "en"
) -> None:
    """--lang en|zh: the language of ``what`` (figures, names, notes; sources as published;
    ``what`` is worded in ``tr``'s language by the caller). ``default=None`` lets the command
    tell "not given" from ``en`` (a deck's ``[defaults]`` lang then applies)."""
    p.add_argument(
        "--lang",
        type=with_language(lang_arg, tr),
        default=default,
        metavar="|".join(LANGUAGES),
        help=tr(
            "language of {what}: {languages} (default en); sources keep their published titles",
            what=what,
            languages=tr(
                "{first} or {second}", first=", ".join(LANGUAGES[:-1]), second=LANGUAGES[-1]
            ),
        ),
    )


def add_ship_options(p: argparse.ArgumentParser, tr: Translator = ENGLISH) -> None:
    """--ship-teu, --fuel and --load-factor (checked by the voyage model, which names a bad
    value and what it accepts)."""
    p.add_argument(
        "--ship-teu",
        default=DEFAULT_SHIP_TEU,
        metavar="TEU",
        help=tr(
            "ship size in TEU within the classes of data/ship_classes.csv (default {default})",
            default=f"{DEFAULT_SHIP_TEU:,}",
        ),
    )
    p.add_argument(
        "--fuel",
        default=DEFAULT_FUEL,
        metavar="FUEL",
        help=tr(
            "one of {fuels} or its name, e.g. 甲醇 (default {default})",
            fuels=", ".join(fuels()),
            default=DEFAULT_FUEL,
        ),
    )
    p.add_argument(
        "--load-factor",
        default=None,
        metavar="F",
        help=tr(
            "share of the TEU capacity carried, above 0 and at most 1 (default 0.7, the "
            "Clean Cargo/GLEC convention)"
        ),
    )


def lane_view(args: argparse.Namespace) -> LaneView:
    """The lane view a lane command's arguments ask for (ports, speed, avoid, ship)."""
    return build_view(
        args.origin,
        args.destination,
        speed_kn=args.speed,
        avoid=args.avoid,
        ship_teu=args.ship_teu,
        load_factor=args.load_factor,
        fuel=args.fuel,
        strict=args.strict,
    )


def warn(pres: LanePresentation) -> None:
    """The lane's warnings, one line each on stderr."""
    for line in pres.warnings:
        print(terminal(pres.tr("warning: {text}", text=line)), file=sys.stderr)


def kb(size_bytes: int, tr: Translator = ENGLISH) -> str:
    return size_words(size_bytes, tr)
