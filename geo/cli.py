"""Command line: ``python -m geo route|ports ...``.

Bad input of any kind prints one line on stderr and exits with status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

from geo import ports as _ports
from geo import routing
from geo.antimeridian import split_at_antimeridian, wrap_lon
from geo.errors import GeoError
from geo.settings import DEFAULT_SPEED_KN, MAX_SPEED_KN

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line (not usage + message)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def _port_json(port: _ports.Port) -> dict[str, Any]:
    return {
        "locode": port.locode,
        "name": port.name,
        "lon": round(wrap_lon(port.lon), 6),
        "lat": round(port.lat, 6),
        "route_point": {
            "name": port.route_point or port.name,
            "lon": round(wrap_lon(port.route_lon), 6),
            "lat": round(port.route_lat, 6),
        },
    }


def route_geometry(r: routing.Route) -> dict[str, Any]:
    """RFC 7946 geometry of a route: cut at 180°, every longitude within ±180."""
    geom = split_at_antimeridian(r.coords)
    if geom.geom_type == "LineString":
        return {"type": "LineString", "coordinates": [_pt(c) for c in geom.coords]}
    return {
        "type": "MultiLineString",
        "coordinates": [[_pt(c) for c in part.coords] for part in geom.geoms],
    }


def _pt(c: Sequence[float]) -> list[float]:
    return [round(float(c[0]), 6), round(float(c[1]), 6)]


def route_summary(r: routing.Route) -> dict[str, Any]:
    """The route as the JSON object the CLI prints (numbers rounded, no geometry)."""
    return {
        "origin": _port_json(r.origin),
        "destination": _port_json(r.destination),
        "distance_nm": round(r.distance_nm, 1),
        "distance_km": round(r.distance_km, 1),
        "duration_h": round(r.duration_h, 1),
        "speed_kn": r.speed_kn,
        "great_circle_nm": round(r.great_circle_nm, 1),
        "great_circle_ratio": round(r.great_circle_ratio, 4),
        "passages": list(r.passages),
        "avoid": list(r.avoid),
        "origin_snap_nm": round(r.origin_snap_nm, 2),
        "destination_snap_nm": round(r.destination_snap_nm, 2),
    }


def route_json(r: routing.Route) -> dict[str, Any]:
    out = route_summary(r)
    out["geometry"] = route_geometry(r)
    return out


def route_text(r: routing.Route) -> str:
    days = r.duration_days
    passages = ", ".join(routing.PASSAGE_LABELS.get(p, p) for p in r.passages) or "none"
    avoided = ", ".join(routing.PASSAGE_LABELS.get(p, p) for p in r.avoid) or "none"
    return "\n".join(
        [
            f"{r.origin.label} → {r.destination.label}",
            f"  distance      {r.distance_nm:,.0f} nm ({r.distance_km:,.0f} km)",
            f"  time at sea   {days:,.1f} days at {r.speed_kn:g} kn ({r.duration_h:,.0f} h)",
            f"  great circle  {r.great_circle_nm:,.0f} nm (route is {r.great_circle_ratio:.3f}×)",
            f"  passages      {passages}",
            f"  avoided       {avoided}",
            f"  snap to lane  {r.origin_snap_nm:,.1f} nm at origin, "
            f"{r.destination_snap_nm:,.1f} nm at destination",
            "  Not for navigation.",
        ]
    )


def _speed(text: str) -> float:
    try:
        return routing.validate_speed(float(text))
    except (ValueError, GeoError):
        raise argparse.ArgumentTypeError(
            f"speed {text!r} is not accepted; give a number of knots above 0 and at most "
            f"{MAX_SPEED_KN:g}"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m geo",
        description="Sea routes and corridor figures for the LA–Long Beach–Shanghai lane.",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p_route = sub.add_parser(
        "route",
        help="compute a sea route between two ports",
        description="Compute the sea route between two ports and print it.",
        epilog='Example: python -m geo route Shanghai "Long Beach" --format json',
    )
    p_route.add_argument(
        "origin", help="UN/LOCODE (CNSHA), port name (Shanghai), 'lon,lat', or 'San Pedro Bay'"
    )
    p_route.add_argument("destination", help="same forms as ORIGIN")
    p_route.add_argument(
        "--speed",
        type=_speed,
        default=DEFAULT_SPEED_KN,
        metavar="KN",
        help=f"speed in knots, above 0 and at most {MAX_SPEED_KN:g} (default {DEFAULT_SPEED_KN:g})",
    )
    p_route.add_argument(
        "--avoid",
        default="",
        metavar="P1,P2",
        help=f"comma-separated passages to avoid: {', '.join(routing.PASSAGES)}",
    )
    p_route.add_argument(
        "--format",
        choices=("json", "geojson", "text"),
        default="text",
        help="json: one object with the figures and an RFC 7946 geometry; geojson: a Feature; "
        "text: a readable summary (default)",
    )

    p_ports = sub.add_parser(
        "ports",
        help="list ports matching a query",
        description="List catalogue ports whose code, name or country matches QUERY.",
    )
    p_ports.add_argument("query", help="part of a name, a UN/LOCODE or a country")
    p_ports.add_argument("--limit", type=int, default=20, help="at most this many (default 20)")
    return parser


def _cmd_route(args: argparse.Namespace, out: TextIO) -> int:
    r = routing.route(args.origin, args.destination, speed_kn=args.speed, avoid=args.avoid)
    if args.format == "json":
        json.dump(route_json(r), out, ensure_ascii=False)
        out.write("\n")
    elif args.format == "geojson":
        feature = {"type": "Feature", "properties": route_summary(r), "geometry": route_geometry(r)}
        json.dump(feature, out, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(route_text(r) + "\n")
    return 0


def _cmd_ports(args: argparse.Namespace, out: TextIO) -> int:
    matches = _ports.search(args.query, limit=max(1, args.limit))
    if not matches:
        hint = _ports.suggest(args.query)
        msg = f"no port matches {args.query!r}"
        raise GeoError(msg + (f"; close: {', '.join(hint)}" if hint else ""))
    for p in matches:
        code = p.locode or p.id
        out.write(f"{code:<14} {p.name:<34} {p.country:<22} {p.lon:9.3f} {p.lat:8.3f}\n")
    return 0


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Entry point; returns the exit status."""
    out = out or sys.stdout
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        handler = {"route": _cmd_route, "ports": _cmd_ports}[args.command]
        return handler(args, out)
    except GeoError as exc:
        print(f"{parser.prog}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
