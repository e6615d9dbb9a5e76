"""A small Chinese web font for the map: a subset of Noto Sans CJK SC (SIL OFL 1.1).

The full font is about 19 MB; the map needs only the characters it can show in Chinese: every
``msgstr`` of the Chinese catalogue, every Chinese name in ``data/port_names_zh.csv`` and
``data/place_names_zh.csv`` (and their aliases), ASCII and the punctuation Chinese text uses.
:func:`subset_font` cuts that subset from the file :mod:`geo.render.cjkfont` finds (Debian's
``fonts-noto-cjk`` or the PyPI ``noto-cjk-sans-otc``) with ``fontTools.subset`` (shipped with
matplotlib) as WOFF (zlib; WOFF2 would need brotli, which the project does not install).

Subsetting takes a few seconds, so the result is cached: in the process, and on disk under
``$XDG_CACHE_HOME/pacific-lane/fonts/`` in a file named by the hash of its inputs (font file,
its size and time, the characters, fontTools' version); new names or translations change the
hash and the subset is rebuilt. With no CJK font on the machine :func:`subset_font` returns
``None`` and the map names ``Noto Sans CJK SC`` for the browser to find locally, else the
system's fallback draws the Chinese.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

from geo.catalogue.countries import territories
from geo.i18n import po_path
from geo.render.cjkfont import CJK_FAMILY, candidate_files, font_cache_dir
from geo.settings import DATA_DIR

log = logging.getLogger(__name__)

#: The CSS family name of the subset (distinct from the full font a browser may have).
WEB_FAMILY: Final[str] = "Lane CJK SC"
#: What the subset covers besides the catalogue and the name files.
EXTRA_CHARS: Final[str] = (
    "".join(chr(c) for c in range(0x20, 0x7F))
    + "，。、：；！？（）《》〈〉“”‘’—…·→←↔≤≥×÷±°′″％＋－／～【】「」『』　"
    + "₂€£¥–−✓≈•"
    + "零一二三四五六七八九十百千万亿年月日时分秒"
)
NAME_FILES: Final[tuple[str, ...]] = ("port_names_zh.csv", "place_names_zh.csv", "texts_zh.csv")
NAME_COLUMNS: Final[tuple[str, ...]] = ("name_zh", "aliases_zh", "zh")
STYLES: Final[tuple[tuple[str, int], ...]] = (("Regular", 400), ("Bold", 700))

_lock = threading.Lock()


@dataclass(frozen=True)
class WebFont:
    """One subset face: ``weight`` (CSS 400 or 700), the WOFF bytes and a short content hash
    (for a cache-busting file name)."""

    weight: int
    data: bytes
    digest: str

    @property
    def file_name(self) -> str:
        return f"lane-cjk-sc-{self.weight}-{self.digest}.woff"


def catalogue_chars() -> str:
    """Every character the map may show in Chinese from the catalogue, the name files and
    CLDR's Chinese country names."""
    from babel.messages.pofile import read_po

    chars: set[str] = set(EXTRA_CHARS)
    with po_path("zh").open("rb") as fh:
        for message in read_po(fh):
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for text in strings:
                chars.update(text or "")
    for name in NAME_FILES:
        with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                for column in NAME_COLUMNS:
                    chars.update(row.get(column) or "")
    for name in territories("zh").values():  # a port's country in a popup: 厄瓜多尔
        chars.update(name)
    return "".join(sorted(ch for ch in chars if ch.isprintable() or ch == "\u3000"))


def _sc_index(path: Path) -> int:
    """The index of the Simplified Chinese face in a collection (0 for a single font)."""
    from fontTools.ttLib import TTCollection

    if path.suffix.lower() != ".ttc":
        return 0
    collection = TTCollection(str(path), lazy=True)
    for index, font in enumerate(collection.fonts):
        if font["name"].getDebugName(1) == CJK_FAMILY:
            return index
    return 0


def _subset(path: Path, chars: str) -> bytes:
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = ["*"]  # keep the copyright and OFL licence notice in the file
    options.font_number = _sc_index(path)
    font = subset.load_font(str(path), options, lazy=True)
    try:
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=chars)
        subsetter.subset(font)
        buf = io.BytesIO()
        subset.save_font(font, buf, options)
    finally:
        font.close()
    return buf.getvalue()


@lru_cache(maxsize=4)
def subset_font(style: str = "Regular") -> WebFont | None:
    """The web-font subset of Noto Sans CJK SC in ``style`` (``Regular`` or ``Bold``), from
    the disk cache or built now; ``None`` when no such font file is on the machine or it
    cannot be read (logged, never raised: the map then falls back to local fonts)."""
    import fontTools

    weight = dict(STYLES)[style]
    files = candidate_files(style)
    if not files:
        return None
    path = files[0]
    chars = catalogue_chars()
    stat = path.stat()
    key = hashlib.sha256(
        f"{path}|{stat.st_size}|{stat.st_mtime_ns}|{fontTools.version}|{chars}".encode()
    ).hexdigest()[:16]
    cached = font_cache_dir() / f"lane-cjk-sc-{weight}-{key}.woff"
    with _lock:
        try:
            data = cached.read_bytes()
        except OSError:
            try:
                data = _subset(path, chars)
            except Exception as exc:  # a damaged or unexpected font file: fall back
                log.warning("cannot cut a web font from %s: %s", path, exc)
                return None
            try:
                cached.parent.mkdir(parents=True, exist_ok=True)
                tmp = cached.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_bytes(data)
                os.replace(tmp, cached)
            except OSError as exc:  # a read-only home: keep it in memory only
                log.info("web font not cached on disk (%s)", exc)
    return WebFont(weight, data, hashlib.sha256(data).hexdigest()[:12])


def subset_fonts() -> tuple[WebFont, ...]:
    """Every face found (Regular, and Bold where the machine has it)."""
    return tuple(f for f in (subset_font(style) for style, _ in STYLES) if f is not None)


#: The code points the map takes from the subset (the ``unicode-range`` of its @font-face in
#: ``templates/cjk_font.css``); everything else comes from the page's Latin fonts.
CJK_RANGES: Final[tuple[tuple[int, int], ...]] = (
    (0x2E80, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
    (0x2014, 0x2014),
    (0x2018, 0x201D),
    (0x2026, 0x2026),
)


def drawn_by_subset(ch: str) -> bool:
    """True when the map draws ``ch`` with the subset (see :data:`CJK_RANGES`)."""
    return any(low <= ord(ch) <= high for low, high in CJK_RANGES)
