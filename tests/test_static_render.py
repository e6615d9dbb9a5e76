"""The static snapshot renderer (PNG, SVG, PDF): size, content, colours, layout, golden image.

The default view is built once per module with a fixed data date, so the subtitle (and the
golden image) do not change from day to day. Regenerate the golden image (see
tests/golden/NOTE.md) after a deliberate change to the look::

    .venv/bin/python tests/test_static_render.py --write-golden
"""

from __future__ import annotations

import io
import itertools
import sys
import threading
from pathlib import Path

import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

if __name__ == "__main__":  # run as a script to regenerate the golden image
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo.errors import ExportError
from geo.present import style
from geo.present.view import LaneView, build_view
from geo.render.static import render as static_render
from geo.render.static.render import (
    build_figure,
    lat_label,
    lon_label,
    mercator_y,
    render_static,
    render_static_bytes,
)
from geo.routing.antimeridian import shift_coords

AS_OF = "2026-11-26"
GOLDEN = Path(__file__).parent / "golden" / "static_default.png"
GOLDEN_SIZE = (1280, 720)
#: mean absolute difference allowed against the golden image, as a fraction of full scale
GOLDEN_TOLERANCE = 0.02


@pytest.fixture(scope="module")
def view() -> LaneView:
    return build_view("Shanghai", "San Pedro Bay", as_of=AS_OF)


@pytest.fixture(scope="module")
def png_1080(view: LaneView) -> bytes:
    return render_static_bytes(view, "png", width_px=1920, height_px=1080)


@pytest.fixture(scope="module")
def figure_1080(view: LaneView) -> Figure:
    """The figure behind ``png_1080`` (same layout: the renderer is deterministic)."""
    return build_figure(view, width_px=1920, height_px=1080)


@pytest.fixture(scope="module")
def png_720(view: LaneView) -> bytes:
    return render_static_bytes(view, "png", width_px=1280, height_px=720)


@pytest.fixture(scope="module")
def svg(view: LaneView) -> str:
    return render_static_bytes(view, "svg").decode("utf-8")


@pytest.fixture(scope="module")
def pdf(view: LaneView) -> bytes:
    return render_static_bytes(view, "pdf")


def _rgb(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), dtype=np.int16)


def _hex_rgb(colour: str) -> np.ndarray:
    colour = colour.lstrip("#")
    return np.array([int(colour[i : i + 2], 16) for i in (0, 2, 4)], dtype=np.int16)


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
    colours = {tuple(c) for c in rgb[::7, ::7].reshape(-1, 3)}
    assert len(colours) > 50
    # the page is mostly light, as a calm slide should be
    assert rgb.mean() > 200


def test_the_route_colour_runs_along_the_lane(
    view: LaneView, figure_1080: Figure, png_1080: bytes
) -> None:
    """Sample the PNG at the projected route points: the lane colour is there."""
    height = 1080
    ax = figure_1080.axes[0]
    rgb = _rgb(png_1080)
    lane = _hex_rgb(style.LANE_COLOUR)
    route = view.main
    coords = np.array(shift_coords(route.coords, view.window_west_deg))
    pts = np.column_stack([coords[:, 0], mercator_y(coords[:, 1])])
    # interpolate along the line (some edges are long) and leave out the port ends
    dense = np.concatenate(
        [np.linspace(a, b, 8, endpoint=False) for a, b in itertools.pairwise(pts)]
    )
    dense = dense[len(dense) // 20 : -len(dense) // 20]
    hits = 0
    for x, y in ax.transData.transform(dense):
        col, row = round(x), round(height - y)
        patch = rgb[max(row - 3, 0) : row + 4, max(col - 3, 0) : col + 4].reshape(-1, 3)
        if (np.abs(patch - lane).sum(axis=1) < 60).any():
            hits += 1
    assert hits / len(dense) > 0.9, f"lane colour found at {hits} of {len(dense)} points"
    # and nowhere near as much of it outside the lane (it is the one strong colour)
    share = (np.abs(rgb - lane).sum(axis=2) < 60).mean()
    assert 0.001 < share < 0.05


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


def test_png_is_deterministic(view: LaneView, png_720: bytes) -> None:
    again = render_static_bytes(view, "png", width_px=1280, height_px=720)
    assert np.array_equal(_rgb(again), _rgb(png_720))


def test_svg_has_title_assumptions_and_longitude_labels(view: LaneView, svg: str) -> None:
    assert svg.lstrip().startswith("<?xml")
    assert view.title in svg
    assert "Not for navigation" in svg
    for label in ("150°E", "180°", "150°W", "120°W"):
        assert f"<!-- {label} -->" in svg
    assert "210°" not in svg
    assert "<!-- 5,731 nm · 10,613 km -->" in svg  # the seam notch at 180°/50° N is gone
    assert "US$300 B" in svg


def test_svg_and_pdf_are_reproducible(view: LaneView, svg: str, pdf: bytes) -> None:
    assert render_static_bytes(view, "svg").decode("utf-8") == svg
    assert render_static_bytes(view, "pdf") == pdf


def test_pdf_starts_with_magic_and_carries_the_title(view: LaneView, pdf: bytes) -> None:
    assert pdf.startswith(b"%PDF-")
    assert ("\ufeff" + view.title).encode("utf-16-be") in pdf
    assert "Not for navigation".encode("utf-16-be") in pdf
    assert b"/CreationDate" not in pdf


# --- layout ----------------------------------------------------------------------------------


def test_text_is_legible_when_projected(figure_1080: Figure) -> None:
    """Every piece of text is at least 14 px high at 1920×1080."""
    fig = figure_1080
    sizes = [
        t.get_fontsize() * static_render.DPI / 72.0
        for t in fig.findobj(lambda a: hasattr(a, "get_fontsize") and hasattr(a, "get_text"))
        if t.get_visible() and t.get_text().strip()
    ]
    assert sizes
    assert min(sizes) >= 14.0


def test_nothing_overlaps_the_lane(view: LaneView, figure_1080: Figure) -> None:
    """Title, panel and footer sit outside the map; port labels keep clear of the lane."""
    fig = figure_1080
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    map_box = ax.get_window_extent(renderer)
    lane = static_render._lane_display_shape(
        ax,
        [
            static_render._project_coords(shift_coords(r.coords, view.window_west_deg))
            for r in view.routes
        ],
        3.0,
    )
    for text in fig.texts:
        if text.get_text().strip():
            assert not text.get_window_extent(renderer).overlaps(map_box), text.get_text()
    labels = [t for t in ax.texts if t.get_text().strip()]
    names = " ".join(t.get_text() for t in labels)
    for port in ("Shanghai", "Los Angeles", "Long Beach"):
        assert port in names
    for label in labels:
        bb = label.get_window_extent(renderer)
        assert not static_render._bbox_shape(bb).intersects(lane), label.get_text()
        assert map_box.contains(bb.x0, bb.y0) and map_box.contains(bb.x1, bb.y1)


def test_title_and_subtitle_can_be_given(view: LaneView) -> None:
    fig = build_figure(
        view, width_px=1280, height_px=720, title="Green corridor", subtitle="Board, 3 Dec"
    )
    texts = [t.get_text() for t in fig.texts]
    assert "Green corridor" in texts
    assert "Board, 3 Dec" in texts


def test_default_subtitle_names_both_member_ports_and_the_date(view: LaneView) -> None:
    sub = static_render.default_subtitle(view)
    assert sub.startswith("Shanghai → Los Angeles / Long Beach")
    assert sub.endswith("26 Nov 2026")


@pytest.mark.parametrize("size", [(1440, 1080), (1080, 1080), (3840, 2160), (800, 1200)])
def test_other_page_shapes_render_at_their_size(view: LaneView, size: tuple[int, int]) -> None:
    if size == (3840, 2160):
        data = render_static_bytes(view, "png", width_px=size[0], height_px=size[1])
        assert Image.open(io.BytesIO(data)).size == size
        return
    fig = build_figure(view, width_px=size[0], height_px=size[1])
    assert (round(fig.bbox.width), round(fig.bbox.height)) == size
    renderer = fig.canvas.get_renderer()
    panel_bottom = static_render._layout(*size).panel_box[1]
    footer_top = static_render._layout(*size).footer_box[3]
    assert panel_bottom >= footer_top
    for text in fig.texts:
        bb = text.get_window_extent(renderer)
        assert bb.x0 >= 0 and bb.x1 <= size[0] + 1, text.get_text()


def test_render_static_writes_atomically_by_extension(view: LaneView, tmp_path: Path) -> None:
    for suffix, magic in ((".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")):
        out = render_static(view, tmp_path / f"lane{suffix}", width_px=480, height_px=320)
        assert out.read_bytes().startswith(magic)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lane.pdf", "lane.png", "lane.svg"]


@pytest.mark.parametrize(
    ("name", "width", "height"),
    [
        ("lane.jpg", 640, 360),
        ("lane.png", 10, 360),
        ("lane.png", 640, 99999),
        ("lane.png", 640.5, 360),
        ("lane.png", True, 360),
    ],
)
def test_bad_format_or_size_is_a_clear_error(
    view: LaneView, tmp_path: Path, name: str, width: object, height: object
) -> None:
    with pytest.raises(ExportError) as err:
        render_static(view, tmp_path / name, width_px=width, height_px=height)  # type: ignore[arg-type]
    assert str(width) in str(err.value) or ".jpg" in str(err.value) or str(height) in str(err.value)
    assert list(tmp_path.iterdir()) == []


def test_threads_render_the_same_pixels(view: LaneView) -> None:
    """No pyplot state: concurrent renders give the same image as one alone."""
    alone = render_static_bytes(view, "png", width_px=480, height_px=320)
    results: list[bytes] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.append(render_static_bytes(view, "png", width_px=480, height_px=320))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
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
        (-30, "30°W"),
        (97.5, "97.5°E"),
    ],
)
def test_longitude_labels_across_180(lon: float, label: str) -> None:
    assert lon_label(lon) == label


@pytest.mark.parametrize(("lat", "label"), [(30, "30°N"), (0, "0°"), (-15, "15°S")])
def test_latitude_labels(lat: float, label: str) -> None:
    assert lat_label(lat) == label


@pytest.mark.parametrize(
    ("source", "short"),
    [
        ("freightwaves.com, “Port of Los Angeles tops 10M containers”", "freightwaves.com"),
        ("MARPOL Annex VI (reported by marinelink.com, dieselnet.com)", "MARPOL Annex VI"),
        (
            "Shanghai International Port (Group) (SIPG), en.portshanghai.com.cn",
            "Shanghai International Port (SIPG)",
        ),
        (
            "Port of Los Angeles annual address, as reported by China Daily (2026)",
            "Port of Los Angeles annual address, as reported by China Daily (2026)",
        ),
    ],
)
def test_short_source_names(source: str, short: str) -> None:
    assert static_render.short_source(source) == short


def _write_golden() -> None:
    v = build_view("Shanghai", "San Pedro Bay", as_of=AS_OF)
    render_static(v, GOLDEN, width_px=GOLDEN_SIZE[0], height_px=GOLDEN_SIZE[1])
    print(f"wrote {GOLDEN} ({GOLDEN_SIZE[0]}×{GOLDEN_SIZE[1]}); look at it before committing")


if __name__ == "__main__":
    if "--write-golden" in sys.argv:
        _write_golden()
    else:
        print(f"usage: python {Path(__file__).name} --write-golden")
