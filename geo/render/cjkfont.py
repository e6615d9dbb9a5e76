"""Where the Chinese font is: Noto Sans CJK SC (SIL Open Font License) files on this machine.

Shared by the static renderer (matplotlib adds the file) and the map (a web-font subset of
it, :mod:`geo.render.folium.webfont`). Looked for in fontconfig's answer, in Debian's
``fonts-noto-cjk`` folder and in the PyPI package ``noto-cjk-sans-otc``; no network, no
matplotlib here. Nothing found is not an error: the caller falls back.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path
from typing import Final
from xml.sax.saxutils import escape

CJK_FAMILY: Final[str] = "Noto Sans CJK SC"
DEBIAN_DIR: Final[Path] = Path("/usr/share/fonts/opentype/noto")
PYPI_PACKAGE: Final[str] = "noto_cjk_sans_otc"


def _fc_match(style: str) -> list[Path]:
    if not shutil.which("fc-match"):
        return []
    try:
        done = subprocess.run(
            ["fc-match", "--format=%{file}", f"{CJK_FAMILY}:style={style}:lang=zh-cn"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    if done.returncode == 0 and "CJK" in done.stdout:
        return [Path(done.stdout.strip())]
    return []


def candidate_files(style: str = "Regular") -> list[Path]:
    """Files that may hold Noto Sans CJK SC in ``style`` (``Regular``, ``Bold``): fontconfig's
    answer, Debian's folder, the PyPI package's folder; existing files only, best first."""
    out = _fc_match(style)
    out.extend(sorted(DEBIAN_DIR.glob(f"NotoSansCJK*-{style}.tt[cf]")))
    out.extend(sorted(DEBIAN_DIR.glob(f"NotoSansCJKsc-{style}.otf")))
    spec = importlib.util.find_spec(PYPI_PACKAGE)
    if spec is not None and spec.origin:
        found = sorted(Path(spec.origin).parent.glob("*.tt[cf]"))
        out.extend(p for p in found if style.lower() in p.name.lower() or style == "Regular")
    return [p for p in dict.fromkeys(out) if p.is_file() and _style_ok(p, style)]


def _style_ok(path: Path, style: str) -> bool:
    """fontconfig may answer a Regular file for Bold: keep a file only if its name says so
    (or it names no weight at all and Regular is asked for)."""
    name = path.name.lower()
    weights = ("regular", "bold", "light", "medium", "black", "thin", "demilight")
    named = [w for w in weights if w in name]
    return style.lower() in named or (not named and style == "Regular")


def font_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/pacific-lane/fonts`` (``~/.cache/…`` by default): the web-font
    subsets and the fontconfig file for Chromium."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pacific-lane" / "fonts"


def fontconfig_file(cache_dir: Path | None = None) -> Path | None:
    """A fontconfig file that adds the folder of Noto Sans CJK SC to the system's fonts, for
    a program that finds fonts only through fontconfig (Chromium), where fontconfig does not
    know the font (no root to install Debian's ``fonts-noto-cjk``: the font is the PyPI
    package's). Written under ``cache_dir`` (default :func:`font_cache_dir`) as
    ``fonts.conf`` and returned; ``None`` when
    fontconfig already finds the font, or no file of it is on this machine.

    Pass it as ``FONTCONFIG_FILE`` in the program's environment."""
    if _fc_match("Regular"):
        return None
    files = candidate_files("Regular") + candidate_files("Bold")
    if not files:
        return None
    folders = "".join(
        f"  <dir>{escape(str(folder))}</dir>\n"
        for folder in dict.fromkeys(p.parent.resolve() for p in files)
    )
    system = "/etc/fonts/fonts.conf"
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f'  <include ignore_missing="yes">{escape(os.environ.get("FONTCONFIG_FILE", system))}'
        "</include>\n"
        f"{folders}</fontconfig>\n"
    )
    folder = cache_dir or font_cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "fonts.conf"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        part = path.with_name(f".fonts.conf.{os.getpid()}")
        part.write_text(text, encoding="utf-8")
        part.replace(path)  # whole or not at all: another process may read it
    return path
