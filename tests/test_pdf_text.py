"""Copying the text of a slide gives the real characters: the PDF (and the SVG) of the default
lane, in Chinese and in English, read back as text.

The PDF is written the way a user gets it (``geo.jobs.snapshot.render``, as ``python -m geo
snapshot Shanghai "San Pedro Bay" --lang zh --out lane.pdf``) and its text is extracted with
pypdf (the ``test`` extra), which reads each font's ``/ToUnicode`` map in content-stream order,
as a viewer's copy does. The expected words come from the model (the presentation, the route's
distance, the catalogue's port names), never from literals, so a renamed port or a new figure
does not break the test, but these do:

- a text drawn as outlines (no characters at all: the title is missing);
- a font whose ``/ToUnicode`` map is wrong (digits copied as something else, Kangxi radicals
  such as ⾦ U+2F26 or CJK compatibility ideographs instead of the unified ideograph 金);
- glyphs written out of order or one per line (a short text is not found on one line).

:func:`copy_problems` lists what is wrong; the last tests break a good PDF on purpose and check
that it notices. Poppler's pdftotext (Evince, Okular), when installed (``make pdftools``), must
also get every figure whole (:func:`poppler_problems`): it lost digits of the Chinese slide
when they were drawn in Noto Sans CJK (commit 0721f20, reverted), which pypdf did not notice.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pypdf  # the test extra: `make test` installs it
import pytest
from matplotlib import patheffects
from matplotlib.text import Text

from geo.catalogue import names, ports
from geo.jobs import snapshot
from geo.present.model import LanePresentation, present
from geo.present.view import LaneView, build_view
from geo.render.static import build_figure, render_static_bytes
from geo.render.static.fonts import cjk_font_available
from geo.render.static.slides import figure_bytes

AS_OF = "2026-11-26"
KM_PER_NM = 1.852
SVG_NS = "{http://www.w3.org/2000/svg}"
#: Catalogue ids of the ports whose names the lane slide writes on the map.
MAP_PORTS = ("USLAX", "USLGB")

#: Characters a copy must never give: Kangxi radicals and CJK radicals supplement (look like
#: ideographs, are not), CJK compatibility ideographs, private use, the replacement character.
WRONG_CHARS = re.compile(
    "[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\ue000-\uf8ff\ufffd\U0002f800-\U0002fa1f]"
)
IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ffff]")
#: A figure as written: 5,731 · 13.3 · 0.50 · 2026.
FIGURE = re.compile(r"\d[\d,.]*\d|\d")
PDFTOTEXT = shutil.which("pdftotext")


@pytest.fixture(scope="module")
def view() -> LaneView:
    return build_view("Shanghai", "San Pedro Bay", as_of=AS_OF)


def _needs_font(lang: str) -> None:
    if lang == "zh" and not cjk_font_available():
        pytest.fail("no Noto Sans CJK on this machine: `make test` installs it (make fonts)")


@pytest.fixture(scope="module", params=["zh", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    _needs_font(request.param)
    return str(request.param)


@pytest.fixture(scope="module")
def pres(view: LaneView, lang: str) -> LanePresentation:
    return present(view, lang=lang)


@pytest.fixture(scope="module")
def pdf(pres: LanePresentation, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp(f"pdf-{pres.lang}") / "lane.pdf"
    done = snapshot.render(pres, path)
    assert done.renderer == "static"
    return path.read_bytes()


def pdf_text(data: bytes) -> str:
    """The text a reader copies from the one-page PDF ``data``."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    return str(reader.pages[0].extract_text())


def svg_text(data: bytes) -> str:
    """The text of every ``<text>`` element of the SVG ``data``, one element per line."""
    root = ET.fromstring(data)
    return "\n".join("".join(el.itertext()) for el in root.iter(f"{SVG_NS}text"))


def _squash(text: str) -> str:
    return "".join(text.split())


def _number(value: float) -> str:
    return f"{round(value):,}"


def expected_lines(view: LaneView, pres: LanePresentation) -> dict[str, str]:
    """What the slide must show, each on one line of the copied text: a description → the
    text. Port names from the catalogue, distances from the route model."""
    zh = pres.lang == "zh"

    def port(port_id: str) -> str:
        return names.chinese_names()[port_id].name if zh else ports.get(port_id).name

    nm, km = ("海里", "公里") if zh else (" nm", " km")
    out = {
        "title": pres.title,
        "corridor": pres.corridor_tag.upper(),  # the slide writes the kicker in capitals
        "subtitle": pres.subtitle,
        "origin": port(view.origin.id),
        "destination in the title": port(view.destination.id),
        "sea distance": _number(view.main.distance_nm) + nm,
        "distance in km": _number(view.main.distance_nm * KM_PER_NM) + km,
        "great circle": _number(view.main.great_circle_nm) + nm,
        **{f"port {pid}": port(pid) for pid in MAP_PORTS},
    }
    for m in pres.metrics:
        out |= {f"{m.key} label": m.label, f"{m.key} value": m.value, f"{m.key} note": m.note}
    out |= {f"legend: {item.label}": item.label for item in pres.legend}
    return out


def copy_problems(text: str, view: LaneView, pres: LanePresentation) -> list[str]:
    """What a reader who copies ``text`` off the slide of ``pres`` would get wrong."""
    problems = [f"wrong character {ch!r} U+{ord(ch):04X}" for ch in WRONG_CHARS.findall(text)]
    if "(cid:" in text:
        problems.append("unmapped glyphs (cid:…)")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    for what, want in expected_lines(view, pres).items():
        want = " ".join(want.split())
        if not any(want in line for line in lines):
            problems.append(f"{what}: {want!r} is on no line")
    flat = _squash(text)
    for i, line in enumerate(pres.footer_lines()):  # wrapped on the slide: compare unspaced
        if _squash(line) not in flat:
            problems.append(f"footer line {i + 1}: {line[:40]!r}… is missing")
    if pres.lang == "zh":
        model = _squash(" ".join(expected_lines(view, pres).values()))
        missing = sorted(set(IDEOGRAPH.findall(model)) - set(IDEOGRAPH.findall(text)))
        if missing:
            problems.append(f"ideographs missing: {''.join(missing)}")
    return problems


# --------------------------------------------------------------------------- the PDF


def test_copying_the_pdf_gives_every_text_of_the_slide(
    view: LaneView, pres: LanePresentation, pdf: bytes
) -> None:
    assert copy_problems(pdf_text(pdf), view, pres) == []


def test_the_sea_distance_is_copied_with_its_digits(
    view: LaneView, pres: LanePresentation, pdf: bytes
) -> None:
    """The headline figure is the route model's, digits and thousands separator included, its
    unit right after it: 5,731海里 / 5,731 nm."""
    unit = "海里" if pres.lang == "zh" else " nm"
    want = f"{_number(view.main.distance_nm)}{unit}"
    assert want in pdf_text(pdf).splitlines()


def test_the_title_is_the_first_line_after_the_kicker(pres: LanePresentation, pdf: bytes) -> None:
    """Read top-down, the header comes out whole and in order (not one glyph per line)."""
    lines = [line.strip() for line in pdf_text(pdf).splitlines()]
    at = lines.index(pres.title)
    assert lines[at - 1] == pres.corridor_tag.upper()
    assert " ".join(lines[at + 1].split()) == " ".join(pres.subtitle.split())


def test_every_font_of_the_pdf_maps_its_glyphs_to_unicode(pdf: bytes) -> None:
    """Each font carries a /ToUnicode map (what a copy reads); DejaVu Sans is among them."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    fonts = [f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()]
    assert fonts
    for font in fonts:
        assert "/ToUnicode" in font, font["/BaseFont"]
    families = {str(f["/BaseFont"]).split("+")[-1].split("-")[0] for f in fonts}
    assert "DejaVuSans" in families


def test_the_chinese_pdf_draws_figures_and_latin_in_dejavu(view: LaneView) -> None:
    """Digits and Latin letters are drawn in DejaVu Sans, Chinese in Noto Sans CJK SC (figures
    drawn in Noto once came out of pdftotext without their digits)."""
    _needs_font("zh")
    data = render_static_bytes(present(view, lang="zh"), "pdf", width_px=1280, height_px=720)
    runs: dict[str, str] = {}

    def visit(text: str, _cm: object, _tm: object, font: object, _size: object) -> None:
        if font is not None and text.strip():
            name = str(font["/BaseFont"]).split("+")[-1]  # type: ignore[index]
            runs[name] = runs.get(name, "") + text

    pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    noto = "".join(text for name, text in runs.items() if name.startswith("NotoSansCJK"))
    latin = "".join(text for name, text in runs.items() if name.startswith("DejaVuSans"))
    assert noto and latin
    assert re.findall(r"[0-9A-Za-z]", noto) == []
    assert IDEOGRAPH.findall(latin) == []
    assert re.search(r"[0-9],[0-9]{3}", latin)


def poppler_text(data: bytes, folder: Path) -> str:
    """The text of the PDF ``data`` as poppler's pdftotext reads it (Evince, Okular and many
    pipelines copy through poppler, which regroups the words by their boxes)."""
    path = folder / "slide.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        [str(PDFTOTEXT), "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
        timeout=120,
    )
    return done.stdout.decode("utf-8")


def poppler_problems(text: str, view: LaneView, pres: LanePresentation) -> list[str]:
    """What poppler's reader gets wrong. Its line grouping is its own (a figure and its unit,
    drawn in two sizes, may land on two lines), so texts are compared without white space;
    every figure of the model must come out whole, digits and separators in place."""
    problems = [f"wrong character {ch!r} U+{ord(ch):04X}" for ch in WRONG_CHARS.findall(text)]
    figures = set(FIGURE.findall(text))
    flat = _squash(text)
    wanted = {**expected_lines(view, pres), **dict(enumerate(pres.footer_lines()))}
    for what, want in wanted.items():
        broken = [n for n in FIGURE.findall(want) if n not in figures]
        if broken:
            problems.append(f"{what}: figures {broken} do not come out whole")
    for what in ("title", "subtitle", "corridor"):
        if _squash(wanted[what]) not in flat:
            problems.append(f"{what}: {wanted[what]!r} is missing")
    for i, line in enumerate(pres.footer_lines()):
        if _squash(line) not in flat:
            problems.append(f"footer line {i + 1}: {line[:40]!r}… is missing")
    if pres.lang == "en":  # TrueType fonts: poppler keeps each figure with its unit and note
        lines = {" ".join(line.split()) for line in text.splitlines()}
        for m in pres.metrics:
            problems += [
                f"{m.key}: {t!r} is not a line" for t in (m.value, m.note) if t not in lines
            ]
    return problems


def test_poppler_reads_every_figure_and_text_of_the_pdf(
    view: LaneView, pres: LanePresentation, pdf: bytes, tmp_path: Path
) -> None:
    """pdftotext lost and moved the digits of the Chinese slide when figures were drawn in Noto
    Sans CJK (航速1 节, 10 613公里, 5 62 海里): every figure must come out whole here too."""
    assert PDFTOTEXT, "no pdftotext: `make test` installs poppler-utils (make pdftools)"
    assert poppler_problems(poppler_text(pdf, tmp_path), view, pres) == []


def _font_types(data: bytes) -> set[str]:
    fonts = pypdf.PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/Font"].values()
    return {str(f.get_object()["/Subtype"]) for f in fonts}


def test_english_pdf_embeds_truetype_and_chinese_type3(view: LaneView) -> None:
    """English: TrueType (Type 42), which poppler copies line by line. Chinese: Type 3, since
    matplotlib would write Noto Sans CJK's CFF outlines as an invalid TrueType font file."""
    _needs_font("zh")
    en = render_static_bytes(present(view), "pdf", width_px=1280, height_px=720)
    zh = render_static_bytes(present(view, lang="zh"), "pdf", width_px=1280, height_px=720)
    assert _font_types(en) == {"/Type0"}
    assert _font_types(zh) == {"/Type3"}


def test_pdfs_saved_at_once_on_threads_keep_their_font_type(view: LaneView) -> None:
    _needs_font("zh")
    slides = {lang: present(view, lang=lang) for lang in ("en", "zh")}
    found: dict[str, set[str]] = {}

    def save(lang: str) -> None:
        data = render_static_bytes(slides[lang], "pdf", width_px=640, height_px=360)
        found[lang] = _font_types(data)

    threads = [threading.Thread(target=save, args=(lang,)) for lang in ("en", "zh")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert found == {"en": {"/Type0"}, "zh": {"/Type3"}}


# --------------------------------------------------------------------------- the SVG


def test_the_svg_keeps_every_text_as_text(view: LaneView, pres: LanePresentation) -> None:
    """The same texts as <text> elements with the characters (editable in a slide tool), and
    no glyph outlines (``<path id="DejaVuSans-31">`` used by ``<use>``; markers may use <use>)."""
    data = render_static_bytes(pres, "svg")
    assert copy_problems(svg_text(data), view, pres) == []
    root = ET.fromstring(data)
    glyphs = re.compile(r"#?(DejaVu|Noto)")  # matplotlib's glyph ids: "DejaVuSans-31"
    refs = [str(e.get("{http://www.w3.org/1999/xlink}href", "")) for e in root.iter()]
    ids = [str(e.get("id", "")) for e in root.iter()]
    assert [x for x in refs + ids if glyphs.match(x)] == []


# --------------------------------------------------------------------------- the checks catch


def _break_digits(data: bytes) -> bytes:
    """The PDF ``data`` with the DejaVu fonts' /ToUnicode maps sending 0–9 to the Kangxi
    radicals U+2F20–U+2F29 (what a broken map in a figure font looks like)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    writer = pypdf.PdfWriter(clone_from=reader)
    for ref in writer.pages[0]["/Resources"]["/Font"].values():
        font = ref.get_object()
        if "DejaVu" not in str(font["/BaseFont"]):
            continue
        stream = font["/ToUnicode"].get_object()
        cmap = stream.get_data().decode("latin-1")
        stream.set_data(cmap.replace("<003", "<2f2").encode("latin-1"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_broken_unicode_map_for_the_figures_is_caught(view: LaneView) -> None:
    _needs_font("zh")
    pres = present(view, lang="zh")
    broken = pdf_text(_break_digits(render_static_bytes(pres, "pdf")))
    problems = copy_problems(broken, view, pres)
    assert any("sea distance" in p for p in problems)
    assert any("U+2F21" in p for p in problems)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_title_drawn_as_outlines_is_caught(view: LaneView, lang: str) -> None:
    _needs_font(lang)
    pres = present(view, lang=lang)
    fig = build_figure(pres)
    titles = [t for t in fig.findobj(Text) if t.get_text() == pres.title]
    assert len(titles) == 1
    titles[0].set_path_effects([patheffects.Normal()])  # drawn as a path, like a logo
    data = figure_bytes(fig, "pdf", pres.title, pres.subtitle)
    problems = copy_problems(pdf_text(data), view, pres)
    assert any(p.startswith("title:") for p in problems)
