"""Command line: ``python -m geo route|ports|snapshot|deck ...``.

Bad input of any kind prints one line on stderr and exits with status 2; never a traceback.
``deck`` writes every good entry of a deck file and exits 2 if any entry failed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from geo.catalogue import ports as _ports
from geo.errors import ExportError, GeoError
from geo.jobs import snapshot
from geo.routing import engine as routing
from geo.routing.antimeridian import split_at_antimeridian, wrap_lon
from geo.settings import DEFAULT_SPEED_KN, MAX_SPEED_KN
from geo.zones import corridor

EXIT_USAGE = 2
#: A west longitude given as a plain argument ("-156.8,71.4"): not an option.
_NEGATIVE_COORD_RE = re.compile(r"^-\d+(?:\.\d+)?\s*[,;]\s*[-+]?\d+(?:\.\d+)?$")


def _shield_coordinates(argv: Sequence[str]) -> list[str]:
    """Coordinates that start with "-" get a leading space, so argparse takes them as values
    (``python -m geo route USANC "-156.8,71.4"`` works without ``--``); ports strip it."""
    return [f" {a}" if _NEGATIVE_COORD_RE.match(a) else a for a in argv]


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
        "warnings": list(r.warnings),
    }


def route_json(r: routing.Route) -> dict[str, Any]:
    out = route_summary(r)
    out["segments"] = corridor.segments_as_records(
        corridor.segment_route(r.line, speed_kn=r.speed_kn)
    )
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


def _size(text: str) -> tuple[int, int]:
    try:
        return snapshot.parse_size(text)
    except GeoError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_route_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "origin", help="UN/LOCODE (CNSHA), port name (Shanghai), 'lon,lat', or 'San Pedro Bay'"
    )
    p.add_argument("destination", help="same forms as ORIGIN")
    p.add_argument(
        "--speed",
        type=_speed,
        default=DEFAULT_SPEED_KN,
        metavar="KN",
        help=f"speed in knots, above 0 and at most {MAX_SPEED_KN:g} (default {DEFAULT_SPEED_KN:g})",
    )
    p.add_argument(
        "--avoid",
        default="",
        metavar="P1,P2",
        help=f"comma-separated passages to avoid: {', '.join(routing.PASSAGES)}",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="refuse an end on land or far from the sea lanes (default: route it with a warning)",
    )


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
    _add_route_options(p_route)
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

    formats = " ".join(snapshot.FORMATS)
    sizes = ", ".join(snapshot.SIZES)
    p_snap = sub.add_parser(
        "snapshot",
        help="write a slide snapshot or data export of a lane",
        description="Write one snapshot of the lane: the format is taken from the extension of "
        f"--out ({formats}). PNG is drawn by headless Chromium when it is installed (else by "
        "the static renderer); SVG and PDF by the static renderer; HTML is the interactive "
        "map, working offline; GeoJSON, GeoPackage and CSV are data exports. The file appears "
        "only once complete.",
        epilog='Example: python -m geo snapshot Shanghai "San Pedro Bay" --out lane.png '
        '--size 1280x720 --title "Shanghai → San Pedro Bay"',
    )
    _add_route_options(p_snap)
    p_snap.add_argument(
        "--out", required=True, metavar="FILE", help=f"output file; its extension: {formats}"
    )
    p_snap.add_argument(
        "--size",
        type=_size,
        default=snapshot.DEFAULT_SIZE,
        metavar="WxH",
        help=f"image size in pixels, e.g. 1920x1080 (default), or one of {sizes}; "
        f"each side {snapshot.MIN_SIDE_PX}–{snapshot.MAX_SIDE_PX} (PNG, SVG, PDF)",
    )
    p_snap.add_argument(
        "--title", default=None, metavar="T", help="title on the snapshot (default: the route)"
    )
    p_snap.add_argument(
        "--renderer",
        choices=snapshot.RENDERERS,
        default="auto",
        help="PNG only: browser (headless Chromium), static (matplotlib) or auto (browser "
        "when Chromium is installed; default)",
    )

    p_deck = sub.add_parser(
        "deck",
        help="write many snapshots from one TOML deck file",
        description="Write every [[snapshot]] of a TOML deck file into DIR, with a progress "
        "line per entry on stderr. A bad entry (unknown port, bad size or speed, missing "
        "field) is reported by name and the others are still written.",
        epilog="Exit status: 0 if every entry was written, 2 if any entry failed or the deck "
        "file could not be read. Deck file: an optional [defaults] table (speed, size, avoid, "
        "format, renderer) and [[snapshot]] entries with name, origin, destination, and "
        "optionally speed, avoid, size, title, renderer, format or out (a file name). "
        "Example: python -m geo deck examples/deck.toml --out slides/",
    )
    p_deck.add_argument("deck", metavar="DECK.toml", help="the deck file")
    p_deck.add_argument(
        "--out", required=True, metavar="DIR", help="folder for the files (created if missing)"
    )
    return parser


def _warn(r: routing.Route) -> None:
    for line in r.warnings:
        print(f"warning: {line}", file=sys.stderr)


def _cmd_route(args: argparse.Namespace, out: TextIO) -> int:
    r = routing.route(
        args.origin, args.destination, speed_kn=args.speed, avoid=args.avoid, strict=args.strict
    )
    _warn(r)
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
    total = len(_ports.search(args.query, limit=len(_ports.catalogue())))
    out.write(f"{len(matches)} of {total} ports matching {args.query!r}\n")
    out.write(f"{'CODE':<14} {'NAME':<34} {'COUNTRY':<22} {'LON':>9} {'LAT':>8}\n")
    for p in matches:
        code = p.locode or p.id
        out.write(f"{code:<14} {p.name:<34} {p.country:<22} {p.lon:9.3f} {p.lat:8.3f}\n")
    return 0


def _kb(size_bytes: int) -> str:
    return f"{max(1, round(size_bytes / 1024)):,} KB"


def _cmd_snapshot(args: argparse.Namespace, out: TextIO) -> int:
    from geo.present.view import build_view

    path = Path(args.out)
    fmt = snapshot.format_for(path)  # fail fast, before the route is computed
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: the folder {path.parent} does not exist")
    if args.renderer != "auto" and fmt.key != "png":
        raise ExportError(f"--renderer applies to .png only, not {path.suffix}")
    _warn(
        routing.route(
            args.origin, args.destination, speed_kn=args.speed, avoid=args.avoid, strict=args.strict
        )
    )
    view = build_view(args.origin, args.destination, speed_kn=args.speed, avoid=args.avoid)
    result = snapshot.render(view, path, size=args.size, title=args.title, renderer=args.renderer)
    out.write(f"wrote {path} ({result.format}, {result.renderer}, {_kb(result.size_bytes)})\n")
    if result.note:
        print(f"note: {result.note}", file=sys.stderr)
    return 0


def _bar(done: int, total: int, width: int = 20) -> str:
    filled = round(width * done / total) if total else width
    return "[" + "#" * filled + "." * (width - filled) + "]"


def _cmd_deck(args: argparse.Namespace, out: TextIO) -> int:
    entries = snapshot.load_deck(args.deck)
    out_dir = Path(args.out)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create the folder {out_dir}: {exc.strerror or exc}") from None
    total = len(entries)
    failed: list[str] = []
    written = 0
    live = sys.stderr.isatty()
    for n, entry in enumerate(entries, start=1):
        start = time.perf_counter()
        if live:  # the running entry, overwritten by its result
            print(f"\r{_bar(n - 1, total)} {n}/{total} {entry.name} …", end="", file=sys.stderr)
            sys.stderr.flush()
        try:
            result = snapshot.render_entry(entry, out_dir)
        except Exception as exc:  # one broken entry must not stop the others
            failed.append(entry.name)
            reason = str(exc) if isinstance(exc, GeoError) else f"{type(exc).__name__}: {exc}"
            line = f"{entry.name}: FAILED: {reason}"
        else:
            written += 1
            line = (
                f"{entry.name}: ok {entry.filename} ({result.format}, {result.renderer}, "
                f"{_kb(result.size_bytes)}, {time.perf_counter() - start:.1f} s)"
            )
        clear = "\r\033[K" if live else ""
        print(f"{clear}{_bar(n, total)} {n}/{total} {line}", file=sys.stderr, flush=True)
    out.write(f"wrote {written} of {total} files to {out_dir}\n")
    if failed:
        print(
            f"python -m geo deck: error: {len(failed)} of {total} entries failed: "
            f"{', '.join(failed)}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return 0


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Entry point; returns the exit status."""
    out = out or sys.stdout
    parser = build_parser()
    try:
        args = parser.parse_args(_shield_coordinates(sys.argv[1:] if argv is None else argv))
        handler = {
            "route": _cmd_route,
            "ports": _cmd_ports,
            "snapshot": _cmd_snapshot,
            "deck": _cmd_deck,
        }[args.command]
        return handler(args, out)
    except GeoError as exc:
        print(f"{parser.prog}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
