"""Labels of the data files that the outputs show, marked for translation.

The data files word their rows in English (``data/fuels.csv``, ``data/ship_classes.csv``,
:data:`geo.facts.measures.MEASURE_LABELS`); an output shows one in another language with
``tr(label)``. Marking them here puts them in the catalogue (``pybabel extract``), where a
test checks each has its translation. A label not listed stays as the data gives it.
"""

from __future__ import annotations

from typing import Final

from geo.i18n import N_

FUEL_LABELS: Final[tuple[str, ...]] = (
    N_("VLSFO (0.50 % S)"),
    N_("HFO with scrubber"),
    N_("MGO (0.10 % S)"),
    N_("LNG"),
    N_("Methanol (fossil)"),
    N_("e-methanol (RFNBO)"),
    N_("Ammonia"),
)
SHIP_CLASS_NAMES: Final[tuple[str, ...]] = (
    N_("Panamax"),
    N_("New Panamax (Neopanamax)"),
    N_("Ultra-large container ship"),
)
MEASURE_LABELS: Final[tuple[str, ...]] = (
    N_("Shore power"),
    N_("Green-methanol bunkering"),
    N_("At-berth regulation"),
)
