"""Validation of voyage inputs. Each error names the bad value and what is accepted."""

from __future__ import annotations

import math

from geo.errors import GeoError
from geo.voyage.factors import fuels, ship_classes


class _ValueError(GeoError):
    """An error about one value a user gave; ``value``: it as typed (shortened), so a page
    can name it in its own language."""

    def __init__(self, message: str, value: str = "") -> None:
        self.value = value
        super().__init__(message)


class UnknownFuelError(_ValueError):
    """A fuel name that ``data/fuels.csv`` does not list."""


class InvalidLoadFactorError(_ValueError):
    """A load factor that is not a number in (0, 1]."""


class InvalidShipSizeError(_ValueError):
    """A ship size (TEU) outside the range of ``data/ship_classes.csv``."""


def validate_fuel(fuel: object) -> str:
    """The fuel id for ``fuel`` (case, spaces and ``_`` are forgiven: ``"E_Methanol"`` →
    ``"e-methanol"``). Raises :class:`UnknownFuelError` naming it and the accepted ids."""
    text = str(fuel).strip().lower().replace("_", "-").replace(" ", "-")
    known = fuels()
    if text not in known:
        shown = str(fuel)[:40]
        raise UnknownFuelError(f"unknown fuel {shown!r}; accepted: {', '.join(known)}", shown)
    return text


def validate_load_factor(load_factor: object) -> float:
    """``load_factor`` as a float in (0, 1] (share of TEU capacity carried).

    Raises :class:`InvalidLoadFactorError` naming the value, for anything else (including NaN,
    percentages such as 70, and non-numbers).
    """
    try:
        value = float(load_factor)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        value = math.nan
    if not math.isfinite(value) or not 0.0 < value <= 1.0:
        raise InvalidLoadFactorError(
            f"load factor {str(load_factor)[:20]!r} is not accepted; give a share in (0, 1], "
            "e.g. 0.7 for 70 %",
            str(load_factor)[:20],
        )
    return value


def validate_ship_teu(ship_teu: object) -> int:
    """``ship_teu`` as an int within the smallest and largest class of ``data/ship_classes.csv``.

    Raises :class:`InvalidShipSizeError` naming the value and the accepted range.
    """
    classes = ship_classes()
    low, high = classes[0].teu, classes[-1].teu
    try:
        value = float(ship_teu)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        value = math.nan
    if not math.isfinite(value) or not low <= value <= high:
        raise InvalidShipSizeError(
            f"ship size {str(ship_teu)[:20]!r} TEU is not accepted; give {low:,} to {high:,} TEU "
            f"(classes: {', '.join(f'{c.teu:,}' for c in classes)})",
            str(ship_teu)[:20],
        )
    return round(value)
