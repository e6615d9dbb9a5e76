"""Snapshots: sizes, formats, the browser PNG (size, not blank, lane colour along the lane,
overlay text, nothing over the lane), the browser always closed, the time limit, atomic
writes, the offline HTML export, and the ``snapshot`` command line.

Browser tests drive Debian's Chromium (never a downloaded one) with every request other than
``file:``/``data:``/``blob:``/``about:`` blocked; they fail, never skip, when it is missing.
One view is built per module and the number of browser renders is kept small (each takes a
few seconds).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pytest
from PIL import Image

from geo.cli import main
from geo.errors import ExportError
from geo.jobs import snapshot
from geo.present.model import LanePresentation, present
from geo.present.style import LANE_COLOUR
from geo.present.text import esc
from geo.present.view import LaneView, build_view
from geo.render import browser
from geo.render import static as static_render
from geo.render.browser import chromium
from geo.render.folium import mapping
from tests.cli_helpers import run_main

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-01-15"
T = TypeVar("T")
LANE_RGB = np.array([int(LANE_COLOUR[i : i + 2], 16) for i in (1, 3, 5)])


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def view() -> LaneView:
    return build_view("Shanghai", "San Pedro Bay", speed_kn=18, avoid=(), as_of=AS_OF)


@pytest.fixture(scope="module")
def pres(view: LaneView) -> LanePresentation:
    return present(view)


def in_offline_page(
    html_file: Path, width: int, height: int, action: Callable[[Any], T]
) -> tuple[T, list[str], list[str]]:
    """Open ``html_file`` in Chromium with every non-local request blocked, run ``action(page)``
    and return (its result, blocked URLs, page errors).

    Runs in a thread of its own, so it works while another test module holds Playwright's
    sync API open on the main thread (the session browser of ``tests/browser``).
    """
    path = chromium.chromium_path()
    if path is None:
        pytest.fail("Chromium not found on PATH: run `make test` (it installs it)", pytrace=False)
    outcome: dict[str, Any] = {}
    blocked: list[str] = []
    errors: list[str] = []

    def run() -> None:
        from playwright.sync_api import sync_playwright

        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=path, headless=True, args=list(chromium.CHROMIUM_ARGS)
                )
                try:
                    context = browser.new_context(viewport={"width": width, "height": height})

                    def guard(route: Any) -> None:
                        url = route.request.url
                        if url.startswith(("file:", "data:", "blob:", "about:")):
                            route.continue_()
                        else:
                            blocked.append(url)
                            route.abort("blockedbyclient")

                    context.route("**/*", guard)
                    page = context.new_page()
                    page.on("pageerror", lambda e: errors.append(str(e)))
                    page.goto(html_file.as_uri(), wait_until="load")
                    outcome["result"] = action(page)
                finally:
                    browser.close()
        except BaseException as exc:
            outcome["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(120)
    assert not worker.is_alive(), "the browser page did not finish within 120 s"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"], blocked, errors


@pytest.fixture(scope="module")
def png_1080(pres: LanePresentation, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("png") / "lane.png"
    browser.render_png(pres, out, width_px=1920, height_px=1080)
    return out


def pixels(path: Path) -> np.ndarray:
    with Image.open(path) as img:
        return np.asarray(img.convert("RGB")).astype(int)


def near(rgb: np.ndarray, target: np.ndarray, tol: int = 24) -> np.ndarray:
    return np.abs(rgb - target).max(axis=2) <= tol


def wait_until_gone(pids: set[int], name: str, timeout_s: float = 10.0) -> set[int]:
    """The processes named ``name`` below this one that are not in ``pids`` and still run
    after up to ``timeout_s`` (closing Chromium takes a moment)."""
    deadline = time.monotonic() + timeout_s
    while True:
        left = set(descendants_named(name)) - pids
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.2)


def descendants_named(name: str) -> list[int]:
    """Live processes below this one whose command line mentions ``name`` (Linux /proc)."""
    parents: dict[int, int] = {}
    cmdlines: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] == "Z":  # zombies are gone already
            continue
        parents[int(entry.name)] = int(fields[1])
        cmdlines[int(entry.name)] = cmd
    me = os.getpid()
    found = []
    for pid, cmd in cmdlines.items():
        p = pid
        while p in parents and p != me and p > 1:
            p = parents[p]
        if p == me and name in cmd:
            found.append(pid)
    return found


# --------------------------------------------------------------------------- sizes & formats


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1920x1080", (1920, 1080)),
        ("1280x720", (1280, 720)),
        ("3840x2160", (3840, 2160)),
        ("4:3", (1600, 1200)),
        (" 1024 X 768 ", (1024, 768)),
        ("320x320", (320, 320)),
        ("7680x4320", (7680, 4320)),
    ],
)
def test_parse_size_accepts_sizes_and_names(text: str, expected: tuple[int, int]) -> None:
    assert snapshot.parse_size(text) == expected


@pytest.mark.parametrize(
    "text", ["", "big", "1920", "1920x", "0x0", "100x100", "9000x9000", "-5x7"]
)
def test_parse_size_rejects_with_the_value_and_what_is_accepted(text: str) -> None:
    with pytest.raises(ExportError) as err:
        snapshot.parse_size(text)
    message = str(err.value)
    assert "320" in message and "7680" in message and "1920x1080" in message and "4:3" in message


def test_unknown_extension_lists_the_accepted_ones(pres: LanePresentation, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as err:
        snapshot.render(pres, tmp_path / "lane.docx")
    for ext in (".docx", ".png", ".svg", ".pdf", ".html", ".geojson", ".gpkg", ".csv"):
        assert ext in str(err.value)
    assert list(tmp_path.iterdir()) == []


def test_renderer_must_fit_the_format(pres: LanePresentation, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="PNG only"):
        snapshot.render(pres, tmp_path / "a.svg", renderer="browser")
    with pytest.raises(ExportError, match="static renderer writes"):
        snapshot.render(pres, tmp_path / "a.csv", renderer="static")
    with pytest.raises(ExportError, match="renderer 'gpu'"):
        snapshot.render(pres, tmp_path / "a.png", renderer="gpu")


def test_browser_scale_keeps_the_1920_layout_for_4k() -> None:
    assert snapshot.browser_scale((3840, 2160)) == 2.0
    assert snapshot.browser_scale((7680, 4320)) == 4.0
    assert snapshot.browser_scale((1920, 1080)) == 1.0
    assert snapshot.browser_scale((1600, 1200)) == 1.0


def test_render_bytes_gives_data_mime_and_a_safe_name(pres: LanePresentation) -> None:
    result = snapshot.render_bytes(pres, "geojson")
    assert result.data is not None and result.data.startswith(b"{")
    assert result.mime == "application/geo+json"
    assert result.filename == f"Shanghai-San_Pedro_Bay-{AS_OF}.geojson"
    assert result.renderer == "data" and result.path is None
    svg = snapshot.render_bytes(present(pres.view, title="Slide <3>"), ".svg", size=(1280, 720))
    assert svg.data is not None and b"<svg" in svg.data[:500]
    assert svg.mime == "image/svg+xml" and svg.renderer == "static"


def test_a_chinese_download_is_named_in_chinese(pres: LanePresentation) -> None:
    zh = present(pres.view, lang="zh")
    assert snapshot.default_filename(zh, "png") == f"上海-洛杉矶_长滩-{AS_OF}.png"
    assert snapshot.default_filename(pres, "png") == f"Shanghai-San_Pedro_Bay-{AS_OF}.png"


def test_png_falls_back_to_static_without_chromium(
    view: LaneView, pres: LanePresentation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chromium, "chromium_path", lambda: None)
    assert browser.browser_available() is False
    with pytest.raises(ExportError, match="Chromium was not found"):
        browser.render_png(pres, tmp_path / "forced.png")
    result = snapshot.render(pres, tmp_path / "lane.png", size=(1280, 720))
    assert result.renderer == "static" and "no Chromium" in result.note
    assert browser.png_size((tmp_path / "lane.png").read_bytes()) == (1280, 720)
    assert not (tmp_path / "forced.png").exists()


def test_a_failed_render_leaves_no_half_written_file(
    pres: LanePresentation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "lane.svg"
    target.write_bytes(b"the previous, complete slide")

    def half_then_fail(_view: Any, path: Path, **_kw: Any) -> Path:
        Path(path).write_bytes(b"<svg half")
        raise ExportError("renderer crashed half-way")

    monkeypatch.setattr(static_render, "render_static", half_then_fail)
    with pytest.raises(ExportError, match="half-way"):
        snapshot.render(pres, target)
    assert target.read_bytes() == b"the previous, complete slide"
    with pytest.raises(ExportError, match="half-way"):
        snapshot.render(pres, tmp_path / "new.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lane.svg"]


def test_data_and_html_formats_write_complete_files(pres: LanePresentation, tmp_path: Path) -> None:
    for ext, head in (
        (".geojson", b"{"),
        (".csv", b"\xef\xbb\xbf# title,"),
        (".gpkg", b"SQLite format 3"),
    ):
        result = snapshot.render(pres, tmp_path / f"lane{ext}")
        assert result.renderer == "data" and result.format == ext[1:]
        assert (tmp_path / f"lane{ext}").read_bytes().startswith(head)
    html = snapshot.render(present(pres.view, title="Board `${x}` <b>"), tmp_path / "lane.html")
    assert html.renderer == "folium" and html.size_bytes > 100_000
    text = (tmp_path / "lane.html").read_text(encoding="utf-8")
    # the label is escaped (then JSON-encoded into the control's script)
    assert r"Board \u0026#x60;\u0026#x24;{x}\u0026#x60; \u0026lt;b\u0026gt;" in text
    assert "Board `" not in text and "Board <" not in text
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# --------------------------------------------------------------------------- the page


HOSTILE_TITLE = "Lane <img src=x onerror=alert(1)> `${1+1}` & co"


def test_slide_page_html_carries_the_presentation(view: LaneView) -> None:
    pres = present(view, title=HOSTILE_TITLE, label="Board <b>`${x}`</b>", layers=("route",))
    html = browser.snapshot_page_html(pres, width_px=1920, height_px=1080, scale=1.0)
    assert f"<title>{esc(HOSTILE_TITLE)}</title>" in html
    assert f'<h1 id="snap-title">{esc(HOSTILE_TITLE)}</h1>' in html
    assert HOSTILE_TITLE not in html and "<img src=x" not in html
    assert f"{esc(pres.subtitle)}</p>" in html and esc(pres.corridor_tag) in html
    assert f'<p id="snap-label">{esc(pres.label)}</p>' in html
    for m in pres.metrics:
        for text in (m.label, m.value, m.note):
            assert esc(text) in html, text
    assert html.count('<div class="m" data-key=') == len(pres.metrics) == 5
    passages, assumptions, sources = pres.footer_lines()
    assert f'<p id="snap-passages">{esc(passages)}</p>' in html
    assert f'<p id="snap-assumptions">{esc(assumptions)}</p>' in html
    assert f'<p id="snap-sources">{esc(sources)}</p>' in html
    assert (
        "Passages used: none · avoided: none" in passages and "Not for navigation." in assumptions
    )
    assert "MARPOL" in sources and "searoute" in sources
    # layers switched off stay off on the slide; the legend lists only what is shown
    for off in ("port-marker", "port-label", "lane-segment"):
        assert f'"className": "{off}"' not in html, off
    assert html.count('<div class="row ') == len(pres.legend) == 1
    assert chromium.is_local("file:///tmp/x.html") and not chromium.is_local("https://a.test/")


@pytest.mark.browser
def test_slide_page_shows_everything_and_keeps_the_lane_clear(
    view: LaneView, tmp_path: Path
) -> None:
    pres = present(view, title=HOSTILE_TITLE, label="Board meeting")
    html = browser.snapshot_page_html(pres, width_px=1920, height_px=1080)
    page_file = tmp_path / "page.html"
    page_file.write_text(html, encoding="utf-8")

    def read(page: Any) -> dict[str, Any]:
        page.wait_for_function(chromium.READY_CONDITION, timeout=30_000)
        sels = ("#snap-title", "#snap-subtitle", "#snap-tag", "#snap-label", "#snap-metrics")
        texts = {sel: page.inner_text(sel) for sel in sels}
        for sel in ("#snap-passages", "#snap-assumptions", "#snap-sources"):
            texts[sel] = page.inner_text(sel)
        return {
            "texts": texts,
            "header_imgs": page.locator("#snap-header img").count(),
            "legend_rows": page.locator("#snap-legend .row").count(),
            "controls_visible": page.locator(".leaflet-control-zoom").is_visible(),
            "rects": page.evaluate(
                """() => {
                  const r = (el) => { const b = el.getBoundingClientRect();
                    return {l: b.left, t: b.top, r: b.right, b: b.bottom}; };
                  const shown = (el) => getComputedStyle(el).display !== "none";
                  const all = (sel) => [...document.querySelectorAll(sel)].filter(shown).map(r);
                  return {lanes: all(".leaflet-overlay-pane path.lane-route"),
                    labels: all(".port-label"), markers: all("path.port-marker"),
                    map: r(document.getElementById("snap-map")),
                    panel: r(document.getElementById("snap-panel"))};
                }"""
            ),
        }

    got, blocked, errors = in_offline_page(page_file, 1920, 1080, read)
    texts, rects = got["texts"], got["rects"]
    assert texts["#snap-title"] == HOSTILE_TITLE and got["header_imgs"] == 0
    assert texts["#snap-subtitle"] == pres.subtitle and "15 Jan 2026" in pres.subtitle
    assert texts["#snap-tag"] == pres.corridor_tag
    assert texts["#snap-label"] == "Board meeting"
    for m in pres.metrics:
        assert m.value in texts["#snap-metrics"] and m.note in texts["#snap-metrics"]
    assert (texts["#snap-passages"], texts["#snap-assumptions"], texts["#snap-sources"]) == (
        pres.footer_lines()
    )
    assert got["legend_rows"] == len(pres.legend) and not got["controls_visible"]
    assert errors == [] and blocked == []
    assert rects["lanes"] and rects["labels"] and rects["markers"]
    m = rects["map"]
    for box in (*rects["lanes"], *rects["labels"], *rects["markers"]):
        assert m["l"] <= box["l"] and box["r"] <= m["r"], box
        assert m["t"] <= box["t"] and box["b"] <= m["b"], box
    assert m["r"] < rects["panel"]["l"]  # the figures and legend beside the map, not over it
    lane_width = max(b["r"] for b in rects["lanes"]) - min(b["l"] for b in rects["lanes"])
    map_width = m["r"] - m["l"]
    assert map_width > 0.68 * 1920  # the map is the largest thing on the slide
    assert lane_width > 0.7 * map_width  # and the lane fills it (its port names beside it)


# --------------------------------------------------------------------------- browser PNG


@pytest.mark.browser
def test_browser_png_is_exactly_1920x1080_not_blank_with_the_lane_along_the_map(
    png_1080: Path,
) -> None:
    data = png_1080.read_bytes()
    assert browser.png_size(data) == (1920, 1080)
    rgb = pixels(png_1080)
    assert rgb.std() > 15  # not blank
    packed = (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]
    assert len(np.unique(packed)) > 500
    assert near(rgb, np.array([255, 255, 255]), 2).mean() < 0.6
    lane = near(rgb, LANE_RGB)
    assert lane.sum() > 1500, lane.sum()
    # along the lane: lane-coloured pixels in the map, across the width of the Pacific
    band = lane[int(0.13 * 1080) : int(0.88 * 1080), :]
    strips = [band[:, x : x + 120].sum() for x in range(240, 1320, 120)]
    assert sum(s > 10 for s in strips) >= len(strips) - 2, strips


@pytest.mark.browser
def test_successive_pngs_share_one_chromium_and_keep_their_exact_sizes(
    view: LaneView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chromium.close_browser()
    # Chromium processes that are not this test's (the browser tests' own, in a full run)
    baseline = set(descendants_named("chromium"))
    launches: list[Any] = []
    real_launch = chromium._launch

    async def spy_launch(*args: Any, **kwargs: Any) -> Any:
        launches.append(await real_launch(*args, **kwargs))
        return launches[-1]

    monkeypatch.setattr(chromium, "_launch", spy_launch)
    sizes = {
        "720p.png": (1280, 720, 1.0),
        "4k.png": (3840, 2160, 2.0),
        "tall.png": (900, 1200, 1.0),
    }
    rotterdam = present(build_view("Shanghai", "Rotterdam", avoid=["suez"], as_of=AS_OF))
    for name, (width, height, scale) in sizes.items():
        pres = rotterdam if name == "tall.png" else present(view)
        out = browser.render_png(
            pres, tmp_path / name, width_px=width, height_px=height, scale=scale
        )
        assert browser.png_size(out.read_bytes()) == (width, height)
    assert len(launches) == 1 and launches[0].is_connected()
    assert near(pixels(tmp_path / "4k.png"), LANE_RGB).sum() > 4 * 1500
    before = set(descendants_named("chromium")) - baseline
    assert before, "the kept browser should be running"
    chromium.close_browser()
    assert not launches[0].is_connected()
    assert wait_until_gone(baseline, "chromium") == set()


@pytest.mark.browser
def test_a_failed_render_closes_its_page_writes_nothing_and_the_next_one_works(
    pres: LanePresentation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chromium, "READY_CONDITION", "() => false")
    started = time.monotonic()
    with pytest.raises(ExportError, match=r"within the time limit of 5 s"):
        browser.render_png(pres, tmp_path / "lane.png", timeout_s=5)
    assert time.monotonic() - started < 5 + 10
    kept = chromium.running_browser()
    assert kept is not None and kept.is_connected() and kept.contexts == []
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ExportError, match="time limit 0"):
        browser.render_png(pres, tmp_path / "lane.png", timeout_s=0)
    monkeypatch.undo()
    out = browser.render_png(pres, tmp_path / "lane.png", width_px=1280, height_px=720)
    assert browser.png_size(out.read_bytes()) == (1280, 720)
    assert chromium.running_browser() is kept


@pytest.mark.browser
def test_renders_from_several_threads_at_once_are_capped_and_all_complete(
    pres: LanePresentation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    running, peak = [0], [0]
    lock = threading.Lock()
    real_capture = chromium._capture

    async def counting(*args: Any, **kwargs: Any) -> bytes:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        try:
            return await real_capture(*args, **kwargs)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(chromium, "_capture", counting)
    errors: list[BaseException] = []

    def one(n: int) -> None:
        try:
            browser.render_png(pres, tmp_path / f"lane{n}.png", width_px=640, height_px=360)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(180)
    assert errors == []
    assert peak[0] <= chromium.MAX_CONCURRENT_RENDERS == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lane0.png", "lane1.png", "lane2.png"]


@pytest.mark.browser
def test_html_export_draws_the_route_offline(pres: LanePresentation, tmp_path: Path) -> None:
    (tmp_path / "lane.html").write_text(mapping.standalone_html(pres), encoding="utf-8")

    def count(page: Any) -> tuple[int, int, str]:
        page.wait_for_selector(".leaflet-overlay-pane path.lane-route", timeout=30_000)
        return (
            page.locator(".leaflet-overlay-pane path.lane-route").count(),
            page.locator(".leaflet-overlay-pane path").count(),
            page.title(),
        )

    (lanes, paths, title), blocked, errors = in_offline_page(
        tmp_path / "lane.html", 1280, 800, count
    )
    assert lanes >= 1 and paths > 10 and title == pres.title
    assert blocked == [] and errors == []


# --------------------------------------------------------------------------- command line


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "geo", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=180,
    )


@pytest.mark.browser
def test_cli_snapshot_writes_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = {
        ".png": "browser",  # 1280x720 from the browser: also the 720p size check
        ".svg": "static",
        ".pdf": "static",
        ".html": "folium",
        ".geojson": "data",
        ".gpkg": "data",
        ".csv": "data",
    }
    for ext, renderer in expected.items():
        out = tmp_path / f"lane{ext}"
        argv = ["snapshot", "Shanghai", "San Pedro Bay", "--out", str(out)]
        argv += ["--size", "1280x720", "--title", "Shanghai → San Pedro Bay"]
        buf = io.StringIO()
        assert main(argv, out=buf) == 0, capsys.readouterr().err
        assert out.stat().st_size > 0
        line = buf.getvalue().strip()
        assert line.startswith(f"wrote {out} ({ext[1:]}, {renderer}, ") and line.endswith(" KB)")
    assert browser.png_size((tmp_path / "lane.png").read_bytes()) == (1280, 720)
    assert sorted(p.suffix for p in tmp_path.iterdir()) == sorted(expected)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--out", "lane"], "no extension"),
        (["--out", "lane.png", "--size", "huge"], "'huge'"),
        (["--out", "lane.svg", "--renderer", "browser"], "applies to .png only"),
        (["--out", "no/such/folder/lane.png"], "does not exist"),
        (["--out", "lane.png", "--speed", "0"], "speed '0'"),
        (["--out", "lane.png", "--renderer", "gpu"], "'gpu'"),
        (["--out", "lane.png", "--avoid", "suezz"], "suezz"),
        ([], "--out"),
    ],
)
def test_cli_snapshot_rejects_bad_input_with_one_line_and_exit_2(
    args: list[str], needle: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixed = [a if not a.startswith(("lane", "no/")) else str(tmp_path / a) for a in args]
    code, out, err = run_main(["snapshot", "Shanghai", "Long Beach", *fixed], capsys)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert needle in lines[0]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["Shanghai", "Long Beach", "--out", "lane.docx"], "'.docx'"),
        (["Shanghai", "Long Beach", "--out", "lane.png", "--size", "99x99"], "99x99"),
        (["Atlantis", "Long Beach", "--out", "lane.csv"], "Atlantis"),
    ],
)
def test_cli_snapshot_bad_input_in_a_real_process_has_no_traceback(
    args: list[str], needle: str, tmp_path: Path
) -> None:
    proc = run_cli("snapshot", *[str(tmp_path / a) if a.startswith("lane") else a for a in args])
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_cli_snapshot_help_names_formats_sizes_and_renderers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_main(["snapshot", "--help"], capsys)
    assert code == 0
    for word in (".png", ".gpkg", ".csv", "1280x720", "4:3", "--renderer", "static", "--title"):
        assert word in out


def test_download_all_zip_holds_every_format_readable_and_in_the_slide_language() -> None:
    import io
    import zipfile

    from geo.present.model import present
    from geo.present.view import build_view

    pres = present(build_view("Shanghai", "Long Beach"), lang="zh")
    bundle = snapshot.render_zip(pres, size=(1280, 720))
    with zipfile.ZipFile(io.BytesIO(bundle.data)) as archive:
        infos = archive.infolist()
        names = [i.filename.rsplit("/", 1)[-1] for i in infos]
        assert sorted(n.rsplit(".", 1)[-1] for n in names) == sorted(
            [*(f.key for f in snapshot.FORMATS.values()), "txt"]
        )
        for info in infos:  # every file opens for everyone after unzipping, as the others
            assert (info.external_attr >> 16) & 0o777 == 0o644, (info.filename, info.external_attr)
        readme = archive.read(next(i for i in infos if i.filename.endswith("README.txt")))
    text = readme.decode("utf-8")
    assert "由" in text and "生成" in text and "drawn by" not in text
    assert "航段表" in text
