"""Chromium draws Chinese with Noto Sans CJK SC even where fontconfig does not know the font
(issue 11: fonts offline). Without root, ``make fonts`` installs the PyPI package
``noto-cjk-sans-otc``, which matplotlib reads by path but Chromium, finding fonts through
fontconfig only, did not: a Chinese PNG then drew only what the map's web-font subset holds
(a country's name such as 厄瓜多尔 or a custom label lost characters, with no warning).

Simulated here with a fontconfig file that knows the Latin fonts only; Chromium is asked, over
the DevTools protocol, which platform font drew a Chinese text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo.render import cjkfont
from geo.render.browser import chromium_path

pytestmark = pytest.mark.browser

TEXT = "厄瓜多尔 嵊泗鲅鱼圈"


def _latin_only(tmp_path: Path) -> Path:
    """A fontconfig file with the system's TrueType fonts (DejaVu, Liberation) and no CJK."""
    conf = tmp_path / "latin.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<fontconfig>\n'
        "  <dir>/usr/share/fonts/truetype</dir>\n"
        f"  <cachedir>{tmp_path / 'fc-cache'}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


#: Run in a process of its own: the suite's browser tests keep a Playwright (and its event
#: loop) running in this one, and this Chromium needs its own environment anyway.
_PROBE = """
import json, sys
from playwright.sync_api import sync_playwright
from geo.render.browser import CHROMIUM_ARGS, chromium_path
with sync_playwright() as pw:
    browser = pw.chromium.launch(executable_path=chromium_path(), args=list(CHROMIUM_ARGS))
    try:
        page = browser.new_page()
        page.set_content('<p id="t" style="font-family: sans-serif">' + sys.argv[1] + '</p>')
        cdp = page.context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "#t"})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        print(json.dumps(sorted({f["familyName"] for f in fonts if f["glyphCount"]})))
    finally:
        browser.close()
"""


def _fonts_drawing(conf: Path) -> set[str]:
    """The platform fonts Chromium (started with ``FONTCONFIG_FILE=conf``) draws TEXT in."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, TEXT],
        env={**os.environ, "FONTCONFIG_FILE": str(conf)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return set(json.loads(done.stdout))


def test_chromium_gets_the_cjk_font_fontconfig_does_not_know(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert chromium_path(), "Chromium is installed by make test"
    assert cjkfont.candidate_files("Regular"), "Noto Sans CJK SC is installed by make fonts"
    latin = _latin_only(tmp_path)
    monkeypatch.setenv("FONTCONFIG_FILE", str(latin))
    # the machine as simulated: Chromium alone finds no Chinese font
    assert not any("CJK" in name for name in _fonts_drawing(latin))
    conf = cjkfont.fontconfig_file(tmp_path / "cache")
    assert conf is not None and conf.is_file()
    assert str(latin) in conf.read_text(encoding="utf-8")  # the machine's own fonts stay
    drawn = _fonts_drawing(conf)
    assert any("Noto Sans CJK" in name for name in drawn), drawn


def test_a_fontconfig_file_only_where_fontconfig_does_not_know_the_font(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FONTCONFIG_FILE", raising=False)
    conf = cjkfont.fontconfig_file(tmp_path)
    if cjkfont._fc_match("Regular"):  # Debian's fonts-noto-cjk (make fonts as root)
        assert conf is None and not (tmp_path / "fonts.conf").exists()
    else:  # the PyPI package's font: Chromium is told where it is
        assert conf == tmp_path / "fonts.conf" and "<dir>" in conf.read_text(encoding="utf-8")
