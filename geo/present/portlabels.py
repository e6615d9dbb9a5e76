"""The port picker's labels, in the reader's language, with no internal id.

A label names the port (and the other names it is known by, so either finds it), its country,
its UN/LOCODE, and a note for an alias or a port far from the sea lanes:
``"Shanghai, China (CNSHA)"``, ``"上海 Shanghai，中国（CNSHA）"``. A place without a UN/LOCODE
shows none: ``"San Pedro Bay, United States — Los Angeles + Long Beach"``, never
``(SAN-PEDRO-BAY)``, the catalogue id the URL carries. A point given by coordinates reads as a
place (``"32.000°N 117.000°E"`` / ``"北纬32°、东经117°"``), never as the ``lon,lat`` id.
"""

from __future__ import annotations

from geo.catalogue import ambiguity, names, ports, sealanes
from geo.catalogue.coords import coord_name, parse_coordinates
from geo.catalogue.names import fold
from geo.errors import GeoError
from geo.i18n import translator
from geo.present.localnames import country_name
from geo.present.text import plain


def picker_label(port: ports.Port, lang: str = "en") -> str:
    """One port's label in the picker (see the module's docstring)."""
    if port.kind == "coordinates":
        return coord_name(port.lon, port.lat, lang)
    tr = translator(lang)
    extra = tr(" — Los Angeles + Long Beach") if port.members else ""
    if not port.members and sealanes.far_from_sea_lanes(port):
        distance = tr("{value} nm", value=tr.number(sealanes.sea_lane_distance_nm(port)))
        extra = tr(" — far from the sea lanes ({distance})", distance=distance)
    code = port.locode or (port.members[0] if port.members else "")  # an alias: its members'
    place = country_name(code, port.country, lang) if port.country else ""
    others = (port.catalogue_name, *names.alias_names().get(port.locode or "", ()))
    known_as = list(dict.fromkeys(a for a in others if a and fold(a) not in fold(port.name)))
    name = " · ".join([port.name, *known_as])  # "Busan · Pusan": either finds it
    if not tr.chinese:
        head = f"{name}, {place}" if place else name
        return (f"{head} ({port.locode})" if port.locode else head) + extra
    found = names.chinese_names().get(port.id.upper())
    if found:
        name = f"{found.name} {name}"  # the Chinese name first; the English one still finds it
    head = f"{name}，{place}" if place else name
    return (f"{head}（{port.locode}）" if port.locode else head) + extra


def picker_labels(lang: str = "en") -> tuple[list[str], dict[str, str]]:
    """Every catalogue id in display order, and its :func:`picker_label`."""
    ids = [p.id for p in ports.catalogue()]
    return ids, {p.id: picker_label(p, lang) for p in ports.catalogue()}


def listed_ids() -> list[str]:
    """The catalogue ids a port picker lists, in display order: the ports this project names
    (:func:`geo.catalogue.ambiguity.is_named`: the corridor's, those with a Chinese name or an
    English alias). Any other is typed and resolved (:func:`geo.catalogue.ports.resolve`)."""
    return [p.id for p in ports.catalogue() if ambiguity.is_named(p)]


def shown_label(port_id: str, lang: str = "en") -> str:
    """The label of any id a page may hold (a catalogue id or a ``lon,lat`` point), for a
    caption under the picker: a point as a place (``"北纬32°、东经117°"``), an id that no
    longer resolves as plain text."""
    try:
        point = parse_coordinates(port_id)
        return coord_name(*point, lang) if point else picker_label(ports.get(port_id), lang)
    except GeoError:
        return plain(port_id, 60)


def describe_id(port_id: str, lang: str = "en") -> str:
    """The port or point a page's state holds, named for a message (``"Shanghai, China
    (CNSHA)"``, ``"洛杉矶／长滩，美国"``, ``"北纬32°、东经117°"``): never the internal id; a value
    that does not resolve as plain text."""
    try:
        return ports.describe(ports.resolve(port_id), lang)
    except GeoError:
        return plain(port_id, 60)
