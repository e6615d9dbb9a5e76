"""How a port is named in a list of candidates or suggestions, in the reader's language.

``describe(port, "en")`` is ``"Portland (Or), United States (USPDX)"``: the catalogue's name,
its country and the code that selects it. ``describe(port, "zh")`` is
``"波特兰（俄勒冈州），美国（USPDX）"``: the Chinese name of ``data/port_names_zh.csv`` where
there is one (else the catalogue's name), the country's Chinese name
(:func:`geo.catalogue.countries.country_name`: CLDR, with ``中国香港``, ``中国澳门`` and
``中国台湾``) and the same code, with Chinese punctuation. The code is never translated: it is
what the reader types to choose. Only a UN/LOCODE is shown: a place without one (``San Pedro
Bay``, an alias of two ports) is listed by name and country, which select it as well
(``"San Pedro Bay, United States"``); the catalogue's internal ids (``SAN-PEDRO-BAY``) are
for URLs and files, never for a reader.
"""

from __future__ import annotations

from geo.catalogue import names as _names
from geo.catalogue.coords import coord_name
from geo.catalogue.countries import country_code, country_name
from geo.catalogue.portlist import Port


def describe(port: Port, lang: str = "en") -> str:
    """``"Shanghai, China (CNSHA)"`` / ``"上海，中国（CNSHA）"``; a place without a UN/LOCODE
    by name and country only (``"San Pedro Bay, United States"`` / ``"洛杉矶／长滩，美国"``,
    never its internal id); coordinates by their place name (``"北纬32°、东经117°"``)."""
    if port.kind == "coordinates":
        return coord_name(port.lon, port.lat, lang)
    code = port.locode or ""
    if lang != "zh":
        head = f"{port.name}, {port.country}" if port.country else port.name
        return f"{head} ({code})" if code else head
    zh = _names.chinese_names().get(port.id)
    name = zh.name if zh else port.name
    land = country_name(country_code(port), port.country, lang) if port.country else ""
    head = f"{name}，{land}" if land else name
    return f"{head}（{code}）" if code else head
