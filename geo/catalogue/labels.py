"""How a port is named in a list of candidates or suggestions, in the reader's language.

``describe(port, "en")`` is ``"Portland (Or), United States (USPDX)"``: the catalogue's name,
its country and the code that selects it. ``describe(port, "zh")`` is
``"波特兰（俄勒冈州），美国（USPDX）"``: the Chinese name of ``data/port_names_zh.csv`` where
there is one (else the catalogue's name), the country's Chinese name
(:func:`geo.catalogue.countries.country_name`: CLDR, with ``中国香港``, ``中国澳门`` and
``中国台湾``) and the same code, with Chinese punctuation. The code is never translated: it is
what the reader types to choose.
"""

from __future__ import annotations

from geo.catalogue import names as _names
from geo.catalogue.countries import country_code, country_name
from geo.catalogue.portlist import Port


def describe(port: Port, lang: str = "en") -> str:
    """``"Shanghai, China (CNSHA)"`` / ``"上海，中国（CNSHA）"``; a place without a UN/LOCODE
    shows the catalogue id that selects it (``"San Pedro Bay, United States
    (SAN-PEDRO-BAY)"``); coordinates their own name."""
    if port.kind == "coordinates":
        return port.name
    code = port.locode or port.id
    if lang != "zh":
        return f"{port.name}, {port.country} ({code})" if port.country else f"{port.name} ({code})"
    zh = _names.chinese_names().get(port.id)
    name = zh.name if zh else port.name
    land = country_name(country_code(port), port.country, lang) if port.country else ""
    return f"{name}，{land}（{code}）" if land else f"{name}（{code}）"
