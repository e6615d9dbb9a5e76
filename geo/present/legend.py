"""The legend of a lane view: only what the map shows and the route enters.

Rows, in order: the lane, each zone the route enters, the ports and, where a port of the lane
has a corridor measure in place and the ports are shown (each renderer then draws that port's
✓ badge), the badge (kind ``measure``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Final

from geo.i18n import ENGLISH, N_, Translator
from geo.present.items import LegendItem, Palette
from geo.present.layers import route_id
from geo.present.localnames import place_name
from geo.present.view import LaneView

_NUMBERED: Final[re.Pattern[str]] = re.compile(r"\s*\(\d+\)$")
#: The legend row of the ✓ badge beside a port with a measure in place (shore power,
#: green-methanol bunkering, the At-Berth Regulation: ``data/corridor_measures.csv``).
MEASURE_ROW: Final[str] = N_("Corridor measure in place")


def _zone_names(view: LaneView) -> dict[str, str]:
    zones = view.zones_gdf()
    return {str(z): str(n) for z, n in zip(zones["zone_id"], zones["zone_name"]) if str(n)}


def legend(
    view: LaneView,
    layers: Sequence[str],
    palette: Palette,
    tr: Translator = ENGLISH,
    *,
    measures: bool = False,
) -> tuple[LegendItem, ...]:
    """The legend rows of ``view`` with ``layers`` shown; ``measures``: a port of the view has
    a corridor measure in place (:func:`geo.present.progress.measures_for`), so its badge is
    drawn beside its marker and explained by a ``measure`` row (with the ``ports`` layer)."""
    items: list[LegendItem] = []
    if "route" in layers:
        items.append(LegendItem("lane", "lane", tr("Sea route"), palette.lane))
    if "segments" in layers or "zones" in layers:
        segs = view.segments_gdf()
        named = _zone_names(view)
        main_id = route_id(view.main)
        seen: dict[str, dict[str, Any]] = {}
        for _, row in segs.iterrows():
            key = str(row["zone_id"])
            entry = seen.setdefault(
                key,
                {
                    "names": set(),
                    "nm": 0.0,
                    "h": 0.0,
                    "kind": str(row.get("kind", "")),
                    "sulphur": row.get("sulphur_limit_pct"),
                },
            )
            entry["names"].add(_NUMBERED.sub("", str(row["name"])))
            if str(row["route_id"]) == main_id:
                entry["nm"] += float(row["distance_nm"])
                entry["h"] += float(row["duration_h"])
        for key, entry in seen.items():
            names = entry["names"]
            if key in named:
                label = place_name("zone", key, tr.lang, named[key])
            elif len(names) == 1:
                only = next(iter(names))
                label = place_name("sea", only, tr.lang, only)
            else:
                label = place_name("zone", "open_ocean", tr.lang, "Open ocean")
            note = ""
            sulphur = entry["sulphur"]
            if sulphur is not None and str(sulphur) not in ("", "nan"):
                try:
                    note = tr("sulphur ≤\u00a0{limit}\u00a0%", limit=f"{float(sulphur):.2f}")
                except (TypeError, ValueError):
                    note = ""
            items.append(
                LegendItem(
                    "zone",
                    key,
                    label,
                    palette.zone(key),
                    striped=entry["kind"] != "open_ocean",
                    note=note,
                    distance_nm=entry["nm"] or None,
                    duration_h=entry["h"] or None,
                )
            )
    if "ports" in layers:
        sized = bool(view.ports_gdf()["teu"].notna().any()) if "teu" in view.ports_gdf() else False
        what = tr("Port; circle area = containers a year") if sized else tr("Port")
        items.append(LegendItem("port", "port", what, palette.port))
        if measures:
            items.append(LegendItem("measure", "measure", tr(MEASURE_ROW), palette.lane))
    return tuple(items)
