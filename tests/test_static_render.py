"""The static slide (PNG, SVG, PDF): size, content from the presentation model, literal text,
layers, custom label, world-scale frames, layout and the golden image.

Views are built once per module with a fixed data date, so the subtitle (and the golden image)
do not change from day to day. Regenerate the golden image (see tests/golden/NOTE.md) after a
deliberate change to the look::

    .venv/bin/python tests/test_static_render.py --write-golden
"""

from __future__ import annotations

import io
import itertools
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from matplotlib.collections import LineCollection, PatchCollection, PathCollection
from matplotlib.figure import Figure
from PIL import Image

if __name__ == "__main__":  # run as a script to regenerate the golden image
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo.errors import ExportError
from geo.present.model import LanePresentation, present
from geo.present.options import ALL_LAYERS
from geo.present.view import build_view
from geo.render.static import (
    MAX_SIDE_PX,
    MIN_SIDE_PX,
    STATIC_FORMATS,
    build_figure,
    render_static,
    render_static_bytes,
)
from geo.render.static.labels import bbox_shape, lane_shape
from geo.render.static.lane import lane_coords
from geo.render.static.layout import DPI
from geo.render.static.projection import lat_label, lon_label, mercator_y

AS_OF = "2026-11-26"
GOLDEN = Path(__file__).parent / "golden" / "static_default.png"
GOLDEN_SIZE = (1280, 720)
#: mean absolute difference allowed against the golden image, as a fraction of full scale
GOLDEN_TOLERANCE = 0.02
HOSTILE = "Q3 $5 <b>&\x07 \\alpha"
SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def pres() -> LanePresentation:
    return present(build_view("Shanghai", "San Pedro Bay", as_of=AS_OF))


@pytest.fixture(scope="module")
def la_pres() -> LanePresentation:
    return present(build_view("Shanghai", "Los Angeles", as_of=AS_OF))


@pytest.fixture(scope="module")
def rotterdam() -> LanePresentation:
    return present(build_view("Shanghai", "Rotterdam", avoid="suez", as_of=AS_OF))


@pytest.fixture(scope="module")
def png_1080(pres: LanePresentation) -> bytes:
    return render_static_bytes(pres, "png", width_px=1920, height_px=1080)


@pytest.fixture(scope="module")
def figure_1080(pres: LanePresentation) -> Figure:
    """The figure behind ``png_1080`` (same layout: the renderer is deterministic)."""
    return build_figure(pres, width_px=1920, height_px=1080)


@pytest.fixture(scope="module")
def png_720(pres: LanePresentation) -> bytes:
    return render_static_bytes(pres, "png", width_px=1280, height_px=720)


@pytest.fixture(scope="module")
def la_svg(la_pres: LanePresentation) -> str:
    return render_static_bytes(la_pres, "svg").decode("utf-8")


@pytest.fixture(scope="module")
def pdf(pres: LanePresentation) -> bytes:
    return render_static_bytes(pres, "pdf")


def _rgb(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), dtype=np.int16)


def _hex_rgb(colour: str) -> np.ndarray:
    colour = colour.lstrip("#")
    return np.array([int(colour[i : i + 2], 16) for i in (0, 2, 4)], dtype=np.int16)


def _svg_texts(svg: str) -> tuple[ET.Element, str]:
    """The parsed SVG and all its <text> content, whitespace-normalised, joined by spaces."""
    root = ET.fromstring(svg.encode("utf-8"))
    parts = ["".join(t.itertext()) for t in root.iter(f"{SVG_NS}text")]
    return root, " ".join(" ".join(parts).split())


def _map_texts(fig: Figure, gid: str) -> list[str]:
    return [t.get_text() for t in fig.axes[0].texts if t.get_gid() == gid]


# --- size and content ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "size"), [("png_1080", (1920, 1080)), ("png_720", (1280, 720))]
)
def test_png_has_the_exact_pixel_size(
    request: pytest.FixtureRequest, fixture: str, size: tuple[int, int]
) -> None:
    data = request.getfixturevalue(fixture)
    assert data.startswith(b"\x89PNG")
    assert Image.open(io.BytesIO(data)).size == size


def test_png_is_not_blank(png_1080: bytes) -> None:
    rgb = _rgb(png_1080)
    assert rgb.std() > 10
    assert len({tuple(c) for c in rgb[::7, ::7].reshape(-1, 3)}) > 50
    assert rgb.mean() > 200  # mostly light, as a calm slide should be


def test_the_route_colour_runs_along_the_lane(
    pres: LanePresentation, figure_1080: Figure, png_1080: bytes
) -> None:
    """Sample the PNG at the projected route points: the lane colour is there."""
    ax = figure_1080.axes[0]
    rgb = _rgb(png_1080)
    lane = _hex_rgb(pres.palette.lane)
    pts = lane_coords(pres)[0]
    dense = np.concatenate(
        [np.linspace(a, b, 8, endpoint=False) for a, b in itertools.pairwise(pts)]
    )
    dense = dense[len(dense) // 20 : -len(dense) // 20]
    hits = 0
    for x, y in ax.transData.transform(dense):
        col, row = round(x), round(1080 - y)
        patch = rgb[max(row - 3, 0) : row + 4, max(col - 3, 0) : col + 4].reshape(-1, 3)
        if (np.abs(patch - lane).sum(axis=1) < 60).any():
            hits += 1
    assert hits / len(dense) > 0.9, f"lane colour found at {hits} of {len(dense)} points"
    share = (np.abs(rgb - lane).sum(axis=2) < 60).mean()
    assert 0.001 < share < 0.05  # the one strong colour, not a fill


def test_golden_image(png_720: bytes, tmp_path: Path) -> None:
    assert GOLDEN.exists(), f"{GOLDEN} is missing; run: python {__file__} --write-golden"
    expected = _rgb(GOLDEN.read_bytes())
    actual = _rgb(png_720)
    assert actual.shape == expected.shape
    diff = np.abs(actual - expected).mean() / 255.0
    if diff >= GOLDEN_TOLERANCE:
        out = tmp_path / "static_default_actual.png"
        out.write_bytes(png_720)
        pytest.fail(
            f"snapshot differs from the golden image by {diff:.2%} (tolerance "
            f"{GOLDEN_TOLERANCE:.0%}); actual image: {out}. If the change is deliberate, "
            f"look at it and regenerate: python {__file__} --write-golden"
        )


def test_png_is_deterministic(pres: LanePresentation, png_720: bytes) -> None:
    again = render_static_bytes(pres, "png", width_px=1280, height_px=720)
    assert np.array_equal(_rgb(again), _rgb(png_720))


def test_svg_text_has_every_figure_and_source_of_the_model(
    la_pres: LanePresentation, la_svg: str
) -> None:
    """Shanghai → Los Angeles: the slide's text is the model's, as real <text> elements."""
    root, text = _svg_texts(la_svg)
    for m in la_pres.metrics:
        assert " ".join(m.value.split()) in text, m.key
        assert " ".join(m.note.split()) in text, m.key
        assert m.label in text
    for key in ("distance", "time", "great_circle", "trade"):
        assert la_pres.metric(key).value in text
    for source in la_pres.sources:
        assert " ".join(source.short.split()) in text, source.short
    assert la_pres.title in text
    assert " ".join(la_pres.subtitle.split()) in text
    assert la_pres.passages_text() in text
    assert "Not for navigation." in text
    for item in la_pres.legend:
        assert item.label in text
    for label in ("150°E", "180°", "150°W", "120°W"):
        assert label in text
    assert "210°" not in text
    # text is text, not glyph outlines referenced by <use>
    assert not [e for e in root.iter() if str(e.get("id", "")).startswith("DejaVuSans")]
    assert len(list(root.iter(f"{SVG_NS}text"))) > 30


def test_svg_declares_the_font(la_svg: str) -> None:
    assert "font-family: 'DejaVu Sans'" in la_svg


def test_svg_and_pdf_are_reproducible(
    pres: LanePresentation, la_pres: LanePresentation, la_svg: str, pdf: bytes
) -> None:
    assert render_static_bytes(la_pres, "svg").decode("utf-8") == la_svg
    assert render_static_bytes(pres, "pdf") == pdf


def test_pdf_starts_with_magic_and_carries_the_title(pres: LanePresentation, pdf: bytes) -> None:
    assert pdf.startswith(b"%PDF-")
    assert ("\ufeff" + pres.title).encode("utf-16-be") in pdf
    assert "Not for navigation".encode("utf-16-be") in pdf
    assert b"/CreationDate" not in pdf


# --- literal text ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(pres: LanePresentation) -> LanePresentation:
    return present(pres.view, title=HOSTILE, label=HOSTILE)


def test_a_hostile_title_and_label_stay_literal_in_svg(hostile: LanePresentation) -> None:
    assert hostile.title == "Q3 $5 <b>& \\alpha"
    svg = render_static_bytes(hostile, "svg", width_px=1280, height_px=720).decode("utf-8")
    root, text = _svg_texts(svg)  # parses: no control character, no stray markup
    assert text.count("Q3 $5 <b>& \\alpha") == 2  # the title and the map label
    assert not [e for e in root.iter() if e.tag in ("b", f"{SVG_NS}b")]
    assert "\x07" not in svg


def test_a_hostile_title_is_not_math(hostile: LanePresentation) -> None:
    fig = build_figure(hostile, width_px=1280, height_px=720)
    title = next(t for t in fig.texts if t.get_gid() == "title")
    assert title.get_text() == hostile.title
    assert not title._parse_math  # type: ignore[attr-defined]
    assert _map_texts(fig, "custom-label") == [hostile.label]
    png = render_static_bytes(hostile, "png", width_px=640, height_px=360)
    assert png.startswith(b"\x89PNG")


# --- layers and label ------------------------------------------------------------------------


def _collections(fig: Figure, kind: type, label: str | None = None) -> list[object]:
    return [
        c
        for c in fig.axes[0].collections
        if isinstance(c, kind) and (label is None or c.get_label() == label)
    ]


@pytest.mark.parametrize("off", ALL_LAYERS)
def test_a_layer_switched_off_removes_its_artists(pres: LanePresentation, off: str) -> None:
    chosen = present(pres.view, layers=[name for name in ALL_LAYERS if name != off])
    fig = build_figure(chosen, width_px=960, height_px=540)
    full = build_figure(pres, width_px=960, height_px=540)
    lanes = (_collections(fig, LineCollection, "lane"), _collections(full, LineCollection, "lane"))
    segs = (
        _collections(fig, LineCollection, "segment"),
        _collections(full, LineCollection, "segment"),
    )
    zones = (len(_collections(fig, PatchCollection)), len(_collections(full, PatchCollection)))
    markers = (_collections(fig, PathCollection), _collections(full, PathCollection))
    names = (_map_texts(fig, "port-label"), _map_texts(full, "port-label"))
    assert lanes[1] and segs[1] and markers[1] and names[1] and zones[1] == 3
    if off == "route":
        assert not lanes[0] and segs[0]
    if off == "segments":
        assert lanes[0] and not segs[0]
    if off == "zones":
        assert zones[0] == 1  # land only
    if off == "ports":
        assert not markers[0] and names[0]
    if off == "labels":
        assert markers[0] and not names[0]
        assert not any("Shanghai" in t.get_text() for t in fig.axes[0].texts)
    legend_kinds = {i.kind for i in chosen.legend}
    assert ("lane" in legend_kinds) == (off != "route")
    assert ("port" in legend_kinds) == (off != "ports")


def test_the_custom_label_is_on_the_map_clear_of_the_lane(pres: LanePresentation) -> None:
    labelled = present(pres.view, label="Pilot: zero-emission calls 2030")
    fig = build_figure(labelled, width_px=1920, height_px=1080)
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    found = [t for t in ax.texts if t.get_gid() == "custom-label"]
    assert [t.get_text() for t in found] == ["Pilot: zero-emission calls 2030"]
    lane = lane_shape(ax, lane_coords(labelled), 3.0)
    from matplotlib.text import Text

    bb = Text.get_window_extent(found[0], renderer)
    assert not bbox_shape(bb).intersects(lane)
    assert ax.get_window_extent(renderer).contains(bb.x0, bb.y0)
    _, text = _svg_texts(render_static_bytes(labelled, "svg", width_px=960, height_px=540).decode())
    assert "Pilot: zero-emission calls 2030" in text
    # and no label box without a label
    assert not _map_texts(build_figure(pres, width_px=960, height_px=540), "custom-label")


def test_a_given_extent_frames_the_map(pres: LanePresentation) -> None:
    framed = present(pres.view, extent=(200.0, 20.0, 250.0, 45.0))
    ax = build_figure(framed, width_px=1280, height_px=720).axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert x0 <= 200.0 and x1 >= 250.0
    assert y0 <= mercator_y(20.0) + 1e-9 and y1 >= mercator_y(45.0) - 1e-9
    assert x1 - x0 < 80  # widened to the axes' shape only, not to the whole lane


# --- world-scale frames ------------------------------------------------------------------------


def _land_collection(fig: Figure) -> PatchCollection:
    return next(c for c in fig.axes[0].collections if isinstance(c, PatchCollection))


def _on_land(fig: Figure, lon: float, lat: float) -> bool:
    return any(
        p.contains_point((lon, float(mercator_y(lat)))) for p in _land_collection(fig).get_paths()
    )


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_shanghai_rotterdam_via_panama_shows_both_ends_and_land_to_both_edges(
    rotterdam: LanePresentation, size: tuple[int, int]
) -> None:
    assert "Panama Canal" in rotterdam.passages_used
    fig = build_figure(rotterdam, width_px=size[0], height_px=size[1])
    ax = fig.axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    ports = rotterdam.view.display_ports()
    assert ports.geometry.x.max() > 360  # Rotterdam lies past 360° in this window
    for name, geom in zip(ports["name"], ports.geometry):
        assert x0 <= geom.x <= x1, name
        assert y0 <= float(mercator_y(geom.y)) <= y1, name
    labels = " ".join(_map_texts(fig, "port-label"))
    assert "Shanghai" in labels and "Rotterdam" in labels
    # land reaches both edges: China on the left, Europe (past 360°) on the right
    assert _on_land(fig, x0 + 0.3, 30.0)
    assert _on_land(fig, x1 - 0.3, 50.0)
    assert _on_land(fig, 364.0 + 10.0, 51.0)  # Germany east of Rotterdam


def test_a_trans_pacific_lane_keeps_the_pacific_centred_window(
    figure_1080: Figure, pres: LanePresentation
) -> None:
    x0, x1 = figure_1080.axes[0].get_xlim()
    assert x0 < 180.0 < x1
    assert x0 > 100 and x1 < 260
    assert _on_land(figure_1080, x0 + 0.3, 40.0)  # Asia at the left edge
    assert _on_land(figure_1080, x1 - 0.3, 40.0)  # North America at the right edge


def test_a_short_hop_is_framed_close_with_both_ends_labelled() -> None:
    hop = present(build_view("Los Angeles", "Long Beach", as_of=AS_OF))
    fig = build_figure(hop, width_px=1920, height_px=1080)
    x0, x1 = fig.axes[0].get_xlim()
    assert x1 - x0 < 5.0
    labels = " ".join(_map_texts(fig, "port-label"))
    assert "Los Angeles" in labels and "Long Beach" in labels
    assert "Shanghai" not in labels  # a corridor port far outside the frame is not drawn


# --- layout ----------------------------------------------------------------------------------


def test_text_is_legible_when_projected(figure_1080: Figure) -> None:
    """Every piece of text is at least 14 px high at 1920×1080."""
    sizes = [
        t.get_fontsize() * DPI / 72.0
        for t in figure_1080.findobj(
            lambda a: hasattr(a, "get_fontsize") and hasattr(a, "get_text")
        )
        if t.get_visible() and t.get_text().strip()
    ]
    assert sizes
    assert min(sizes) >= 14.0


def test_nothing_overlaps_the_lane(pres: LanePresentation, figure_1080: Figure) -> None:
    """Title, panel and footer sit outside the map; port labels keep clear of the lane."""
    fig = figure_1080
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    map_box = ax.get_window_extent(renderer)
    lane = lane_shape(ax, lane_coords(pres), 3.0)
    for text in fig.texts:
        if text.get_text().strip():
            assert not text.get_window_extent(renderer).overlaps(map_box), text.get_text()
    labels = [t for t in ax.texts if t.get_gid() == "port-label"]
    names = " ".join(t.get_text() for t in labels)
    for port in ("Shanghai", "Los Angeles", "Long Beach"):
        assert port in names
    from matplotlib.text import Text

    for label in labels:
        bb = Text.get_window_extent(label, renderer)
        assert not bbox_shape(bb).intersects(lane), label.get_text()
        assert map_box.contains(bb.x0, bb.y0) and map_box.contains(bb.x1, bb.y1)


def test_the_header_is_the_model_s(pres: LanePresentation, figure_1080: Figure) -> None:
    by_gid = {t.get_gid(): t.get_text() for t in figure_1080.texts if t.get_gid()}
    assert by_gid["title"] == pres.title
    assert by_gid["subtitle"] == pres.subtitle
    assert by_gid["corridor-tag"] == pres.corridor_tag.upper()
    assert pres.title not in pres.subtitle


@pytest.mark.parametrize("size", [(1440, 1080), (1080, 1080), (3840, 2160), (800, 1200)])
def test_other_page_shapes_keep_every_text_on_the_page(
    pres: LanePresentation, size: tuple[int, int]
) -> None:
    fig = build_figure(pres, width_px=size[0], height_px=size[1])
    assert (round(fig.bbox.width), round(fig.bbox.height)) == size
    renderer = fig.canvas.get_renderer()
    for text in fig.texts:
        bb = text.get_window_extent(renderer)
        assert bb.x0 >= 0 and bb.x1 <= size[0] + 1, text.get_text()
        assert bb.y0 >= 0 and bb.y1 <= size[1] + 1, text.get_text()
        assert "…" not in text.get_text(), text.get_text()  # nothing cut at these sizes


def test_render_static_writes_atomically_by_extension(
    pres: LanePresentation, tmp_path: Path
) -> None:
    assert {".png", ".svg", ".pdf"} == STATIC_FORMATS
    for suffix, magic in ((".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")):
        out = render_static(pres, tmp_path / f"lane{suffix}", width_px=480, height_px=320)
        assert out.read_bytes().startswith(magic)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lane.pdf", "lane.png", "lane.svg"]


@pytest.mark.parametrize(
    ("name", "width", "height", "named"),
    [
        ("lane.jpg", 640, 360, ".jpg"),
        ("lane.png", 10, 360, "width 10"),
        ("lane.png", 640, 99999, "height 99999"),
        ("lane.png", 640.5, 360, "width 640.5"),
        ("lane.png", True, 360, "width True"),
    ],
)
def test_bad_format_or_size_is_a_clear_error(
    pres: LanePresentation, tmp_path: Path, name: str, width: object, height: object, named: str
) -> None:
    with pytest.raises(ExportError) as err:
        render_static(pres, tmp_path / name, width_px=width, height_px=height)  # type: ignore[arg-type]
    assert named in str(err.value)
    accepted = ".png" if named == ".jpg" else f"{MIN_SIDE_PX} to {MAX_SIDE_PX}"
    assert accepted in str(err.value)
    assert list(tmp_path.iterdir()) == []


def test_bad_bytes_format_is_a_clear_error(pres: LanePresentation) -> None:
    with pytest.raises(ExportError, match=r"'gif'.*accepted: \.pdf, \.png, \.svg"):
        render_static_bytes(pres, "gif")


def test_threads_render_the_same_pixels(pres: LanePresentation) -> None:
    """No pyplot state: concurrent renders give the same image as one alone."""
    alone = render_static_bytes(pres, "png", width_px=480, height_px=320)
    results: list[bytes] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.append(render_static_bytes(pres, "png", width_px=480, height_px=320))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 2
    assert all(np.array_equal(_rgb(r), _rgb(alone)) for r in results)


# --- labels ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lon", "label"),
    [
        (120, "120°E"),
        (150, "150°E"),
        (180, "180°"),
        (-180, "180°"),
        (210, "150°W"),
        (240, "120°W"),
        (-150, "150°W"),
        (0, "0°"),
        (360, "0°"),
        (364, "4°E"),
        (-30, "30°W"),
        (97.5, "97.5°E"),
    ],
)
def test_longitude_labels_across_180(lon: float, label: str) -> None:
    assert lon_label(lon) == label


@pytest.mark.parametrize(("lat", "label"), [(30, "30°N"), (0, "0°"), (-15, "15°S")])
def test_latitude_labels(lat: float, label: str) -> None:
    assert lat_label(lat) == label


def _write_golden() -> None:
    p = present(build_view("Shanghai", "San Pedro Bay", as_of=AS_OF))
    render_static(p, GOLDEN, width_px=GOLDEN_SIZE[0], height_px=GOLDEN_SIZE[1])
    print(f"wrote {GOLDEN} ({GOLDEN_SIZE[0]}×{GOLDEN_SIZE[1]}); look at it before committing")


if __name__ == "__main__":
    if "--write-golden" in sys.argv:
        _write_golden()
    else:
        print(f"usage: python {Path(__file__).name} --write-golden")
