"""Fonts of the static slide: DejaVu Sans for Latin text, Noto Sans CJK SC for Chinese.

Matplotlib (≥ 3.6) falls back glyph by glyph along a ``font.family`` list, so a text with
Chinese in it is drawn with ``["DejaVu Sans", "Noto Sans CJK SC"]``: Latin letters and figures
from DejaVu, 汉字 from Noto. A text with no CJK character keeps the single family it always
had, so English slides draw exactly as before Chinese came (their PDF fonts: see below).

The CJK font is looked for in matplotlib's font list; a font installed after matplotlib built
its cache (``make fonts``: Debian's ``fonts-noto-cjk``, or the PyPI package
``noto-cjk-sans-otc``) is found by fontconfig (``fc-match``), in the usual Debian folder or in
that package, and added with :meth:`FontManager.addfont` (every face of the ``.ttc``).

PDF: a slide with no CJK text embeds its fonts as TrueType (Type 42): DejaVu is TrueType, and
poppler (Evince, Okular, pdftotext) then copies a figure and its unit, or a value and the note
under it, as they read ("5,731 nm", "> US$300 B" / "a year · 2026"; as Type 3 fonts it gave
"5,731" / "nm" and ">a yearUS$300 B · 2026"). A slide with Chinese keeps Type 3: Noto Sans CJK
has CFF outlines, which matplotlib would embed as an invalid TrueType font file. The choice
is made per save, under a lock, because ``pdf.fonttype`` is a global rcParam.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Final

import matplotlib as mpl
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.text import Text

from geo.render.cjkfont import CJK_FAMILY, candidate_files

LATIN_FAMILY: Final[str] = "DejaVu Sans"


def _known() -> bool:
    return any(f.name == CJK_FAMILY for f in font_manager.fontManager.ttflist)


def _candidate_files() -> list[Path]:
    """Files that may hold Noto Sans CJK SC (see :func:`geo.render.cjkfont.candidate_files`)."""
    return candidate_files("Regular") + candidate_files("Bold")


@lru_cache(maxsize=1)
def cjk_font_available() -> bool:
    """True when matplotlib can draw Chinese with :data:`CJK_FAMILY` (added if need be)."""
    if _known():
        return True
    for path in _candidate_files():
        try:
            font_manager.fontManager.addfont(str(path))
        except (OSError, RuntimeError, ValueError):
            continue
    return _known()


def needs_cjk(text: str) -> bool:
    """True when ``text`` has a CJK ideograph, kana, hangul or CJK punctuation."""
    return any(
        "\u2e80" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" or "\uff00" <= ch <= "\uffef"
        for ch in text
    )


def family_for(text: str) -> str | list[str]:
    """The font family (list) to draw ``text`` with."""
    if needs_cjk(text) and cjk_font_available():
        return [LATIN_FAMILY, CJK_FAMILY]
    return LATIN_FAMILY


_PDF_LOCK = threading.Lock()


def pdf_fonttype(fig: Figure) -> int:
    """42 (TrueType) when no text of ``fig`` is drawn in the CJK font, else 3 (Type 3)."""
    cjk = any(needs_cjk(t.get_text()) for t in fig.findobj(Text) if t.get_visible())
    return 3 if cjk and cjk_font_available() else 42


def savefig(fig: Figure, out: IO[bytes], fmt: str, **kwargs: Any) -> None:
    """``fig.savefig(out, format=fmt, **kwargs)``; a PDF with the font type of
    :func:`pdf_fonttype`, set and restored under a lock (other threads may save PDFs too)."""
    if fmt != "pdf":
        fig.savefig(out, format=fmt, **kwargs)
        return
    with _PDF_LOCK:
        before = mpl.rcParams["pdf.fonttype"]
        mpl.rcParams["pdf.fonttype"] = pdf_fonttype(fig)
        try:
            fig.savefig(out, format=fmt, **kwargs)
        finally:
            mpl.rcParams["pdf.fonttype"] = before
