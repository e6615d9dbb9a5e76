"""Languages: gettext catalogues, numbers, money and dates in English or Chinese.

The catalogues are the ``.po`` files in ``geo/locale/<lang>/LC_MESSAGES/geo.po`` (shipped in
the wheel). They are compiled when first used, in memory, with Babel
(:func:`babel.messages.pofile.read_po` → :func:`babel.messages.mofile.write_mo` →
:class:`gettext.GNUTranslations`), so there is no build step and no binary ``.mo`` in the
repository: the ``.po`` a translator edits is the file the program reads. ``make i18n``
re-extracts ``geo.pot`` and updates the ``.po`` (``pybabel extract`` / ``update``).

English is the source language: its translator returns every message unchanged and formats
numbers exactly as the English outputs always have (``f"{x:,.0f}"``), so English text is
byte-identical with or without this module. Chinese numbers are formatted by Babel
(``zh_Hans_CN``); amounts of money and containers are grouped by 万 and 亿
(``US$300 B`` → ``3000亿美元``, ``1,300,000 TEU`` → ``130万标准箱``), as Chinese writes them,
while measured values keep thousands separators (``5,731 海里``).
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Final, Self

from babel.dates import format_date as babel_format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from geo.errors import UnknownLanguageError

LANGUAGES: Final[tuple[str, ...]] = ("en", "zh")
DEFAULT_LANGUAGE: Final[str] = "en"
DOMAIN: Final[str] = "geo"
LOCALE_DIR: Final[Path] = Path(str(files("geo") / "locale"))
BABEL_LOCALES: Final[dict[str, str]] = {"en": "en_US", "zh": "zh_Hans_CN"}
_WAN: Final[int] = 10_000
_YI: Final[int] = 100_000_000
_FIELDS: Final[string.Formatter] = string.Formatter()


def quoted_fields(message: str) -> frozenset[str]:
    """The fields ``message`` shows with ``!r`` (a value the user gave, quoted in English):
    ``"unknown port {query!r}"`` → ``{"query"}``."""
    try:
        parts = list(_FIELDS.parse(message))
    except ValueError:
        return frozenset()
    return frozenset(name for _, name, _, conv in parts if name and conv == "r")


def shown_value(value: object) -> str:
    """A value a user gave, as a Chinese message shows it inside “…”: its text, with what
    ``repr`` would escape escaped the same way (control characters, line breaks, bidi marks:
    ``\\x1b``), so it stays one visible line; backslashes and quotes as typed."""
    text = str(value)
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class Text(str):
    """An English message that keeps its catalogue key and values, so that the edge that shows
    it can word it again in another language (:func:`geo.present.errtext.error_text`). It *is*
    the English text: ``str(Text(...))``, comparison and hashing are those of the words."""

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, **values: object) -> Text:
        obj = super().__new__(cls, template.format(**values) if values else template)
        obj.template = template
        obj.values = values
        return obj


def N_(message: str, **values: object) -> str:
    """Mark a message for extraction (``pybabel extract -k N_``); translate it with ``tr``.

    Without ``values``: the message itself (a constant). With them: a :class:`Text`, the
    English sentence ``message.format(**values)`` that remembers ``message`` and ``values``
    (an error raised in English and worded in Chinese where it is shown)."""
    return Text(message, **values) if values else message


class Listed(str):
    """Accepted values listed in a message: in English ``a, b, c``; in Chinese
    (:meth:`Translator.__call__`) ``a、b、c``, with the enumeration comma."""

    items: tuple[str, ...]

    def __new__(cls, items: Iterable[object]) -> Self:
        shown = tuple(str(item) for item in items)
        obj = super().__new__(cls, ", ".join(cls.english_item(item) for item in shown))
        obj.items = shown
        return obj

    @staticmethod
    def english_item(item: str) -> str:
        return item

    @staticmethod
    def chinese_item(item: str) -> str:
        return item

    def chinese(self) -> str:
        return "、".join(self.chinese_item(item) for item in self.items)


class Quoted(Listed):
    """Values a user gave, listed in a message: in English ``'a', 'b'`` (each as ``repr``
    shows it); in Chinese (:meth:`Translator.__call__`) ``“a”、“b”``."""

    @staticmethod
    def english_item(item: str) -> str:
        return repr(item)

    @staticmethod
    def chinese_item(item: str) -> str:
        return f"“{shown_value(item)}”"


def check_lang(lang: object) -> str:
    """``lang`` as one of :data:`LANGUAGES` (case and a region ignored: ``zh-CN`` → ``zh``), or
    :class:`~geo.errors.UnknownLanguageError` naming the value and what is accepted."""
    code = str(lang or DEFAULT_LANGUAGE).strip().lower().replace("_", "-").split("-")[0]
    if code not in LANGUAGES:
        shown = str(lang)[:20]
        raise UnknownLanguageError(
            N_(
                "language {value!r} is not available; accepted: {accepted}",
                value=shown,
                accepted=Listed(LANGUAGES),
            )
        )
    return code


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=len(LANGUAGES))
def _translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (English: the identity)."""
    if lang == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    with po_path(lang).open("rb") as fh:
        catalog = read_po(fh, locale=BABEL_LOCALES[lang], domain=DOMAIN)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


def _plain_decimal(value: float, max_decimals: int) -> str:
    """``3000.0`` → ``"3000"``, ``55.06`` → ``"55.06"``: no grouping, no trailing zeros."""
    text = format(Decimal(repr(round(float(value), max_decimals))).normalize(), "f")
    return text


@dataclass(frozen=True)
class Translator:
    """Messages, numbers and dates in one language. Build it with :func:`translator`."""

    lang: str

    def gettext(self, message: str) -> str:
        return _translations(self.lang).gettext(message)

    def __call__(self, message: str, **values: object) -> str:
        """The translation of ``message``, its ``{name}`` fields filled from ``values``.

        A field the English message shows with ``!r`` (``'Valparaiso'``, a value the user
        gave) is written ``“{name}”`` in Chinese, with no space around the quotes; its value
        is shown as :func:`shown_value` (control characters escaped, as ``repr`` does)."""
        text = self.gettext(message)
        if not values:
            return text
        if self.chinese:
            quoted = quoted_fields(message)
            values = {
                k: shown_value(v) if k in quoted else v.chinese() if isinstance(v, Listed) else v
                for k, v in values.items()
            }
        return text.format(**values)

    @property
    def chinese(self) -> bool:
        return self.lang == "zh"

    def number(self, value: float, decimals: int = 0) -> str:
        """``5730.8`` → ``"5,731"`` (``decimals`` fixed digits after the point)."""
        if not self.chinese:
            return f"{value:,.{decimals}f}"
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        return str(format_decimal(value, format=pattern, locale=BABEL_LOCALES[self.lang]))

    def count(self, value: float) -> str:
        """A large amount in the language's grouping: English ``"1,300,000"``; Chinese by 万
        and 亿 when that loses at most two decimals (``"130万"``, ``"3000亿"``, ``"5506万"``)."""
        if not self.chinese:
            whole = float(value).is_integer()
            return f"{int(value):,}" if whole else f"{value:,}"
        for unit, word in ((_YI, "亿"), (_WAN, "万")):
            if abs(value) >= unit:
                return _plain_decimal(value / unit, 2) + word
        return _plain_decimal(value, 2)

    def counts(self, values: Sequence[float]) -> list[str]:
        """Several amounts that stand together (a range, a list of sizes) in ONE notation, as a
        Chinese author writes them: English as :meth:`count`; Chinese by 亿 or 万 when the
        smallest non-zero amount reaches it (``"2万", "5万"``; ``"3亿", "12.5亿"``), else all in
        full with thousands separators (``"5,000", "20,000"``), never ``"5000"`` beside
        ``"2万"``."""
        if not self.chinese:
            return [self.count(v) for v in values]
        smallest = min((abs(v) for v in values if v), default=0.0)
        for unit, word in ((_YI, "亿"), (_WAN, "万")):
            if smallest >= unit:
                return [_plain_decimal(v / unit, 2) + word for v in values]
        pattern = "#,##0.##"
        return [
            str(format_decimal(v, format=pattern, locale=BABEL_LOCALES[self.lang])) for v in values
        ]

    def span(self, low: float, high: float) -> str:
        """A range of two amounts in one notation, without its unit (the message gives the
        unit once): ``"5,000 to 20,000"`` / ``"5,000～20,000"``, ``"2万～5万"``."""
        first, last = self.counts((low, high))
        return f"{first}～{last}" if self.chinese else f"{first} to {last}"

    def date(self, iso_date: str) -> str:
        """``"2026-11-26"`` → ``"26 Nov 2026"`` / ``"2026年11月26日"``; a bare year stays a
        year (``"2026"`` / ``"2026年"``); anything else as it is."""
        try:
            day = dt.date.fromisoformat(iso_date)
        except ValueError:
            if self.chinese and iso_date.isdigit() and len(iso_date) == 4:
                return f"{iso_date}年"
            return iso_date
        if not self.chinese:
            return f"{day.day} {day.strftime('%b')} {day.year}"
        return str(babel_format_date(day, format="long", locale=BABEL_LOCALES[self.lang]))

    def join(self, items: list[str] | tuple[str, ...]) -> str:
        """A list in running text: ``"a, b"`` / ``"a、b"``."""
        return ("、" if self.chinese else ", ").join(items)

    def join_clauses(self, items: Iterable[str]) -> str:
        """Clauses or titles one after another: ``"a; b"`` / ``"a；b"``."""
        return ("；" if self.chinese else "; ").join(items)


@lru_cache(maxsize=len(LANGUAGES))
def translator(lang: str = DEFAULT_LANGUAGE) -> Translator:
    """The translator of ``lang`` (``en`` or ``zh``); :class:`UnknownLanguageError` otherwise."""
    return Translator(check_lang(lang))


ENGLISH: Final[Translator] = Translator(DEFAULT_LANGUAGE)
