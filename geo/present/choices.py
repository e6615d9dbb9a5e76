"""The pages' choices in words: map layers, basemaps, compare modes, languages and fuels.

The pages' widgets show these words; a warning about a bad URL value lists what is accepted
with them (:func:`accepted`): in English the codes the URL takes (``route, segments``), in
Chinese each choice's Chinese name with its code in brackets (``航线（route）、航段（segments）``),
so a reader knows both what it is and what to type. :func:`fuel_id` also accepts a fuel's
Chinese name (``甲醇``, ``液化天然气``) as the page's fuel selector words it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final

from geo.i18n import ENGLISH, N_, Translator, translator
from geo.voyage.factors import fuels, ship_classes
from geo.voyage.validate import validate_fuel

#: The map layers in the sidebar's words (:data:`geo.present.options.ALL_LAYERS`).
LAYER_WORDS: Final[dict[str, str]] = {
    "route": N_("Route"),
    "segments": N_("Segments"),
    "zones": N_("Zones"),
    "ports": N_("Ports"),
    "labels": N_("Labels"),
}
#: The basemaps in the sidebar's words (:data:`geo.present.options.BASEMAPS`).
BASEMAP_WORDS: Final[dict[str, str]] = {
    "offline": N_("Offline land (Natural Earth)"),
    "online": N_("Online tiles (needs internet)"),
}
#: The compare page's modes in its sidebar's words (:data:`geo.present.compare_url.MODES`).
MODE_LABELS: Final[dict[str, str]] = {
    "pairs": N_("Several origins × destinations"),
    "avoid": N_("One pair, several avoidance sets"),
}
#: The page languages by name (:data:`geo.i18n.LANGUAGES`).
LANGUAGE_WORDS: Final[dict[str, str]] = {"en": N_("English"), "zh": N_("Chinese")}

#: A trailing bracketed note (``离线陆地底图（Natural Earth）`` → ``离线陆地底图``).
_NOTE: Final[re.Pattern[str]] = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")


def short(name: str) -> str:
    """``name`` without a trailing bracketed note (the whole name if that is all it is)."""
    return _NOTE.sub("", name) or name


def fuel_words() -> dict[str, str]:
    """Each fuel id's label as ``data/fuels.csv`` words it (English; ``tr`` translates it)."""
    return {fuel_id: fuel.label for fuel_id, fuel in fuels().items()}


def accepted(codes: Iterable[str], words: Mapping[str, str], tr: Translator = ENGLISH) -> str:
    """The accepted ``codes`` as a warning lists them: in English the codes (``a, b``); in
    Chinese each one's name (``tr(words[code])`` without its bracketed note) with the code in
    brackets, joined by ``、``."""
    codes = list(codes)
    if not tr.chinese:
        return ", ".join(codes)
    return tr.join([f"{short(tr(words[c]))}（{c}）" if c in words else c for c in codes])


def extent_order(tr: Translator = ENGLISH) -> str:
    """The order of a map extent's numbers: ``west,south,east,north``; in Chinese
    ``西、南、东、北（west,south,east,north）``."""
    codes = "west,south,east,north"
    if not tr.chinese:
        return codes
    return "{}（{}）".format(tr("west,south,east,north"), codes)


def ship_size_labels(sizes: Iterable[int], tr: Translator = ENGLISH) -> dict[int, str]:
    """The ship sizes a picker lists, each with its class name where it has one, every size in
    ONE notation (:meth:`geo.i18n.Translator.counts`): ``"5,000 TEU · Panamax"``;
    ``"5,000标准箱 · 巴拿马型"`` beside ``"20,000标准箱 · 超大型集装箱船"``, never ``"5000"``
    beside ``"2万"``."""
    classes = {c.teu: c.name for c in ship_classes()}
    ordered = sorted(set(sizes))
    amounts = tr.counts(ordered)
    out: dict[int, str] = {}
    for teu, amount in zip(ordered, amounts):
        name = classes.get(teu, "TEU")
        out[teu] = tr("{value} TEU", value=amount) + ("" if "TEU" in name else f" · {tr(name)}")
    return out


def fuel_id(text: object) -> str:
    """The fuel id for ``text``: an id as :func:`~geo.voyage.validate.validate_fuel` accepts it,
    or a fuel's label in English or Chinese, whole or without its bracketed note (``甲醇``,
    ``液化天然气``, ``LNG``). Raises :class:`~geo.voyage.validate.UnknownFuelError` otherwise."""
    key = str(text).strip().casefold()
    if key:
        zh = translator("zh")
        for code, label in fuel_words().items():
            names = {label, short(label), zh(label), short(zh(label))}
            if key in {n.casefold() for n in names}:
                return code
    return validate_fuel(text)
