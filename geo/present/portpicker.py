"""How a port reads in a port picker, in the reader's language: one convention for every page.

``option_label(port, "en")`` is ``"Pusan · Busan, Korea, Republic of (KRPUS)"``: the
catalogue's name and its other names (so that either finds it), the country, the code that
selects it, and a note where the place is an alias (``" — Los Angeles + Long Beach"``) or lies
far from the sea lanes. In Chinese the Chinese name comes first where there is one and the
country is named in Chinese (``"西雅图 Seattle (Wa), 美国 (USSEA)"``), so that a Chinese or an
English name finds the port; the Chinese name alone is what every other label shows
(:func:`geo.present.localnames.port_name`).
"""

from __future__ import annotations

from geo.catalogue import names, ports, sealanes
from geo.catalogue.names import fold
from geo.catalogue.portlist import Port
from geo.i18n import Translator, translator
from geo.present.localnames import country_name


def option_label(port: Port, lang: str = "en", tr: Translator | None = None) -> str:
    """The picker's label of ``port`` in ``lang`` (see the module's doc)."""
    tr = tr or translator(lang)
    extra = tr(" — Los Angeles + Long Beach") if port.members else ""
    if not port.members and sealanes.far_from_sea_lanes(port):
        distance = tr("{value} nm", value=tr.number(sealanes.sea_lane_distance_nm(port)))
        extra = tr(" — far from the sea lanes ({distance})", distance=distance)
    code = port.locode or (port.members[0] if port.members else "")  # an alias: its members'
    place = country_name(code, port.country, lang) if port.country else ""
    country = f", {place}" if place else ""
    known_as = [
        a for a in names.alias_names().get(port.locode or "", ()) if fold(a) not in fold(port.name)
    ]
    name = " · ".join([port.name, *known_as])
    label = f"{name}{country} ({port.locode or port.id}){extra}"
    if lang != "zh":
        return label
    found = names.chinese_names().get(port.id.upper())
    return f"{found.name} {label}" if found else label


def picker_options(lang: str = "en") -> tuple[list[str], dict[str, str]]:
    """Every catalogue id in display order, and its :func:`option_label` in ``lang``."""
    tr = translator(lang)
    catalogue = ports.catalogue()
    return [p.id for p in catalogue], {p.id: option_label(p, lang, tr) for p in catalogue}
