"""``python -m geo route``: a lane's figures.

The route's text and JSON read the presentation model (:mod:`geo.present.model`), so they
state the same distance, time, trade figure and sources as the page and every snapshot.

Warnings are printed once: the text report (for a person) lists them in its body on stdout,
in the ``--lang`` language; JSON and GeoJSON carry them in their fields and, because their stdout
is for a program or a file, also as ``warning:`` lines on stderr (in the ``--lang`` language)
where the person running it sees them.

JSON and GeoJSON stay machine-readable and English whatever ``--lang`` says: ``warnings`` is the
list of English sentences (the route's warnings and the voyage model's caveats), and
``route_warnings`` the route's warnings as data, one object each: ``kind`` (``on_land`` or
``far_from_network``), ``end`` (``origin`` or ``destination``), ``port`` and ``port_id``,
``distance_nm`` (how far inland, or how far from the nearest sea-lane node), ``limit_nm`` (the
tolerance it exceeds) and the English ``message``.
"""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from geo.catalogue import ports as _ports
from geo.cli.common import (
    add_lang_option,
    add_route_options,
    add_ship_options,
    lane_view,
    pad,
    terminal,
    warn,
)
from geo.export.rfc7946 import geometry_json
from geo.i18n import ENGLISH, Translator
from geo.present.model import LanePresentation, present
from geo.routing import engine as routing
from geo.routing.antimeridian import wrap_lon
from geo.zones import corridor


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


def route_summary(r: routing.Route) -> dict[str, Any]:
    """One route as a JSON object (numbers rounded, no geometry)."""
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
        "warnings": [w.message() for w in r.warnings],
        "route_warnings": [w.as_dict() for w in r.warnings],
    }


def _presentation_fields(pres: LanePresentation) -> dict[str, Any]:
    meta = pres.as_dict()
    keep = ("title", "subtitle", "figures", "metrics", "passages_text", "assumptions")
    out = {key: meta[key] for key in keep}
    out.update(
        warnings=meta["warnings"], notice=meta["notice"], sources=meta["sources"], as_of=pres.as_of
    )
    return out


def route_json(pres: LanePresentation) -> dict[str, Any]:
    """The headline route with its segments, its RFC 7946 geometry, the presentation's
    figures, texts and sources, and (for an alias such as San Pedro Bay) ``other_routes``."""
    r = pres.view.main
    out = route_summary(r)
    emissions = pres.view.emissions()
    segments = corridor.segments_as_records(corridor.segment_route(r.line, speed_kn=r.speed_kn))
    for seg, em in zip(segments, emissions.segments):
        seg.update(fuel=em.fuel, fuel_t=round(em.fuel_t, 1), co2_ttw_t=round(em.co2_ttw_t, 1))
    out["segments"] = segments
    out["emissions"] = {
        **{k: v for k, v in emissions.as_dict().items() if k != "segments"},
        "sources": [{"title": t, "url": u} for t, u in emissions.sources],
    }
    out["closed_canals"] = list(pres.view.closed_canals)
    out["geometry"] = geometry_json(r.line)
    out.update(_presentation_fields(pres))
    others = pres.view.routes[1:]
    if others:
        out["other_routes"] = [route_summary(x) for x in others]
    return out


def route_feature(pres: LanePresentation) -> dict[str, Any]:
    """The headline route as one GeoJSON Feature (RFC 7946)."""
    r = pres.view.main
    props = {**route_summary(r), **_presentation_fields(pres)}
    return {"type": "Feature", "properties": props, "geometry": geometry_json(r.line)}


def route_text(pres: LanePresentation) -> str:
    """A readable summary: the lane, each metric, passages, snap distances, sources."""
    r, tr = pres.view.main, pres.tr
    ends = []
    for port in (r.origin, r.destination):
        name = pres.port_name(port.id, port.name)
        ends.append(tr("{name} ({code})", name=name, code=port.locode) if port.locode else name)
    lines = [f"{ends[0]} → {ends[1]}"]
    for m in pres.metrics:
        lines.append(f"  {pad(m.label, 26)} {m.text()}")
    for other in pres.view.routes[1:]:
        also = tr(
            "also to {port}", port=pres.port_name(other.destination.id, other.destination.name)
        )
        figures = tr(
            "{distance}, {time}",
            distance=tr("{value} nm", value=tr.number(other.distance_nm)),
            time=tr("{value} days", value=tr.number(other.duration_days, 1)),
        )
        lines.append(f"  {pad(also, 26)} {figures}")
    lines.append(f"  {pres.passages_text()}")
    lines.append(
        "  "
        + tr(
            "snap to lane: {origin} at origin, {destination} at destination",
            origin=tr("{value} nm", value=tr.number(r.origin_snap_nm, 1)),
            destination=tr("{value} nm", value=tr.number(r.destination_snap_nm, 1)),
        )
    )
    lines.extend("  " + tr("warning: {text}", text=w) for w in pres.warnings)
    lines.append(f"  {pres.footer_sources()}")
    lines.append(f"  {pres.assumptions}")
    return "\n".join(lines)


def add_parsers(sub: Any, tr: Translator = ENGLISH) -> None:
    p_route = sub.add_parser(
        "route",
        tr=tr,
        help=tr("compute a sea route between two ports"),
        description=tr("Compute the sea route between two ports and print it."),
        epilog=tr(
            "Example: {example}",
            example='python -m geo route Shanghai "Long Beach" --format json',
        ),
    )
    add_route_options(p_route, tr)
    add_ship_options(p_route, tr)
    add_lang_option(p_route, tr("the text summary (--format text)"), tr)
    p_route.add_argument(
        "--format",
        choices=("json", "geojson", "text"),
        default="text",
        help=tr(
            "json: one object with the figures and an RFC 7946 geometry; geojson: a Feature; "
            "text: a readable summary (default)"
        ),
    )
    p_route.set_defaults(handler=run_route)


def run_route(args: argparse.Namespace, out: TextIO) -> int:
    view = lane_view(args)
    pres = present(view, lang=args.lang if args.format == "text" else "en")
    if args.format != "text":  # the text report lists its warnings itself: once, on stdout
        warn(pres if args.lang == pres.lang else present(view, lang=args.lang))
    if args.format == "json":
        json.dump(route_json(pres), out, ensure_ascii=False)
        out.write("\n")
    elif args.format == "geojson":
        json.dump(route_feature(pres), out, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(terminal(route_text(pres)) + "\n")
    return 0
