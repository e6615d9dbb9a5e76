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
from geo.present.style import LANE_COLOUR
from geo.present.view import LaneView, build_view
from geo.render.browser import snapshot as browser_snapshot
from geo.render.static import render as static_render
from tests.cli_helpers import run_main

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-01-15"
T = TypeVar("T")
LANE_RGB = np.array([int(LANE_COLOUR[i : i + 2], 16) for i in (1, 3, 5)])


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def view() -> LaneView:
    return build_view("Shanghai", "San Pedro Bay", speed_kn=18, avoid=(), as_of=AS_OF)


def in_offline_page(
    html_file: Path, width: int, height: int, action: Callable[[Any], T]
) -> tuple[T, list[str], list[str]]:
    """Open ``html_file`` in Chromium with every non-local request blocked, run ``action(page)``
    and return (its result, blocked URLs, page errors).

    Runs in a thread of its own, so it works while another test module holds Playwright's
    sync API open on the main thread (the session browser of ``tests/browser``).
    """
    path = browser_snapshot.chromium_path()
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
                    executable_path=path, headless=True, args=list(browser_snapshot.CHROMIUM_ARGS)
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
def png_1080(view: LaneView, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("png") / "lane.png"
    browser_snapshot.render_png(view, out, width_px=1920, height_px=1080)
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


def test_unknown_extension_lists_the_accepted_ones(view: LaneView, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as err:
        snapshot.render(view, tmp_path / "lane.docx")
    for ext in (".docx", ".png", ".svg", ".pdf", ".html", ".geojson", ".gpkg", ".csv"):
        assert ext in str(err.value)
    assert list(tmp_path.iterdir()) == []


def test_renderer_must_fit_the_format(view: LaneView, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="PNG only"):
        snapshot.render(view, tmp_path / "a.svg", renderer="browser")
    with pytest.raises(ExportError, match="static renderer writes"):
        snapshot.render(view, tmp_path / "a.csv", renderer="static")
    with pytest.raises(ExportError, match="renderer 'gpu'"):
        snapshot.render(view, tmp_path / "a.png", renderer="gpu")


def test_browser_scale_keeps_the_1920_layout_for_4k() -> None:
    assert snapshot.browser_scale((3840, 2160)) == 2.0
    assert snapshot.browser_scale((7680, 4320)) == 4.0
    assert snapshot.browser_scale((1920, 1080)) == 1.0
    assert snapshot.browser_scale((1600, 1200)) == 1.0


def test_render_bytes_gives_data_mime_and_a_safe_name(view: LaneView) -> None:
    result = snapshot.render_bytes(view, "geojson")
    assert result.data is not None and result.data.startswith(b"{")
    assert result.mime == "application/geo+json"
    assert result.filename == f"Shanghai-San_Pedro_Bay-{AS_OF}.geojson"
    assert result.renderer == "data" and result.path is None
    svg = snapshot.render_bytes(view, ".svg", size=(1280, 720), title="Slide <3>")
    assert svg.data is not None and b"<svg" in svg.data[:500]
    assert svg.mime == "image/svg+xml" and svg.renderer == "static"


def test_png_falls_back_to_static_without_chromium(
    view: LaneView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(browser_snapshot, "chromium_path", lambda: None)
    assert browser_snapshot.browser_available() is False
    with pytest.raises(ExportError, match="Chromium was not found"):
        browser_snapshot.render_png(view, tmp_path / "forced.png")
    result = snapshot.render(view, tmp_path / "lane.png", size=(1280, 720))
    assert result.renderer == "static" and "no Chromium" in result.note
    assert browser_snapshot.png_size((tmp_path / "lane.png").read_bytes()) == (1280, 720)
    assert not (tmp_path / "forced.png").exists()


def test_a_failed_render_leaves_no_half_written_file(
    view: LaneView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "lane.svg"
    target.write_bytes(b"the previous, complete slide")

    def half_then_fail(_view: Any, path: Path, **_kw: Any) -> Path:
        Path(path).write_bytes(b"<svg half")
        raise ExportError("renderer crashed half-way")

    monkeypatch.setattr(static_render, "render_static", half_then_fail)
    with pytest.raises(ExportError, match="half-way"):
        snapshot.render(view, target)
    assert target.read_bytes() == b"the previous, complete slide"
    with pytest.raises(ExportError, match="half-way"):
        snapshot.render(view, tmp_path / "new.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lane.svg"]


def test_data_and_html_formats_write_complete_files(view: LaneView, tmp_path: Path) -> None:
    for ext, head in ((".geojson", b"{"), (".csv", b"route,"), (".gpkg", b"SQLite format 3")):
        result = snapshot.render(view, tmp_path / f"lane{ext}")
        assert result.renderer == "data" and result.format == ext[1:]
        assert (tmp_path / f"lane{ext}").read_bytes().startswith(head)
    html = snapshot.render(view, tmp_path / "lane.html", title="Board `${x}` <b>")
    assert html.renderer == "folium" and html.size_bytes > 100_000
    text = (tmp_path / "lane.html").read_text(encoding="utf-8")
    # the label is escaped (then JSON-encoded into the control's script)
    assert r"Board \u0026#x60;\u0026#x24;{x}\u0026#x60; \u0026lt;b\u0026gt;" in text
    assert "Board `" not in text and "Board <" not in text
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# --------------------------------------------------------------------------- the page (DOM)


@pytest.mark.browser
def test_slide_page_shows_title_subtitle_metrics_footer_and_keeps_the_lane_clear(
    view: LaneView, tmp_path: Path
) -> None:
    hostile = "Lane <img src=x onerror=alert(1)> `${1+1}` & co"
    html = browser_snapshot.snapshot_page_html(view, width_px=1920, height_px=1080, title=hostile)
    page_file = tmp_path / "page.html"
    page_file.write_text(html, encoding="utf-8")

    def read(page: Any) -> dict[str, Any]:
        page.wait_for_function(browser_snapshot.READY_CONDITION, timeout=30_000)
        texts = {
            sel: page.inner_text(sel)
            for sel in ("#snap-title", "#snap-subtitle", "#snap-metrics", "#snap-assumptions")
        }
        texts["#snap-footer"] = page.inner_text("#snap-footer")
        texts["#snap-sources"] = page.inner_text("#snap-sources")
        return {
            "texts": texts,
            "header_imgs": page.locator("#snap-header img").count(),
            "legend_visible": page.locator(".lane-legend").is_visible(),
            "zoom_visible": page.locator(".leaflet-control-zoom").is_visible(),
            "rects": page.evaluate(
                """() => {
                  const r = (el) => { const b = el.getBoundingClientRect();
                    return {l: b.left, t: b.top, r: b.right, b: b.bottom}; };
                  const shown = (el) => getComputedStyle(el).display !== "none";
                  const lanes = [...document.querySelectorAll(
                    ".leaflet-overlay-pane path.lane-route")].map(r);
                  const labels = [...document.querySelectorAll(".port-label")]
                    .filter(shown).map(r);
                  return {lanes, labels, header: r(document.getElementById("snap-header")),
                    footer: r(document.getElementById("snap-footer")),
                    legend: r(document.querySelector(".lane-legend")),
                    metrics: r(document.getElementById("snap-metrics")),
                    map: r(document.querySelector(".folium-map"))};
                }"""
            ),
        }

    got, blocked, errors = in_offline_page(page_file, 1920, 1080, read)
    texts, rects = got["texts"], got["rects"]
    assert texts["#snap-title"] == hostile and got["header_imgs"] == 0
    subtitle = texts["#snap-subtitle"]
    assert "Shanghai → Los Angeles / Long Beach" in subtitle and "15 Jan 2026" in subtitle
    metrics_text = texts["#snap-metrics"]
    assert view.headline_figures()["distance"].split(" nm")[0] in metrics_text  # "5,731"
    assert "13.3 days" in metrics_text and "at 18 kn" in metrics_text
    assert view.headline_metric()[0] in metrics_text and "2026" in metrics_text
    assert texts["#snap-assumptions"] == view.assumptions()
    assert "Not for navigation." in texts["#snap-footer"]
    assert texts["#snap-sources"].startswith("Sources: ")
    assert got["legend_visible"] and not got["zoom_visible"]
    assert errors == []
    assert blocked == []
    assert rects["lanes"], "the lane was not drawn"
    for box in (*rects["lanes"], *rects["labels"]):
        # inside the map, below the title band, above the footer, clear of both boxes
        assert rects["map"]["l"] <= box["l"] and box["r"] <= rects["map"]["r"], box
        assert box["t"] >= rects["header"]["b"] and box["b"] <= rects["footer"]["t"], box
        assert box["b"] <= rects["legend"]["t"] and box["b"] <= rects["metrics"]["t"], box
    assert rects["legend"]["r"] < rects["metrics"]["l"]
    lane_width = max(b["r"] for b in rects["lanes"]) - min(b["l"] for b in rects["lanes"])
    assert lane_width > 0.6 * 1920  # the lane is the largest thing on the slide


# --------------------------------------------------------------------------- browser PNG


@pytest.mark.browser
def test_browser_png_is_exactly_1920x1080_not_blank_with_the_lane_along_the_map(
    png_1080: Path,
) -> None:
    data = png_1080.read_bytes()
    assert browser_snapshot.png_size(data) == (1920, 1080)
    rgb = pixels(png_1080)
    assert rgb.std() > 15  # not blank
    packed = (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]
    assert len(np.unique(packed)) > 500
    assert near(rgb, np.array([255, 255, 255]), 2).mean() < 0.6
    lane = near(rgb, LANE_RGB)
    assert lane.sum() > 3000, lane.sum()
    # along the lane: lane-coloured pixels in the map band, across the width of the Pacific
    band = lane[int(0.13 * 1080) : int(0.68 * 1080), :]
    strips = [band[:, x : x + 144].sum() for x in range(192, 1728, 144)]
    assert sum(s > 20 for s in strips) >= len(strips) - 1, strips


@pytest.mark.browser
def test_browser_png_4k_is_the_1920_layout_at_scale_2(view: LaneView, tmp_path: Path) -> None:
    out = snapshot.render(view, tmp_path / "lane-4k.png", size=snapshot.SIZES["3840x2160"])
    assert out.renderer == "browser"
    assert browser_snapshot.png_size((tmp_path / "lane-4k.png").read_bytes()) == (3840, 2160)
    lane = near(pixels(tmp_path / "lane-4k.png"), LANE_RGB)
    assert lane.sum() > 4 * 3000


@pytest.mark.browser
def test_browser_is_closed_and_nothing_written_when_rendering_fails(
    view: LaneView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    launched: list[Any] = []
    real_launch = browser_snapshot._launch

    def spy_launch(*args: Any, **kwargs: Any) -> Any:
        launched.append(real_launch(*args, **kwargs))
        return launched[-1]

    before = set(descendants_named("chromium"))  # e.g. a session browser of other tests
    during: list[set[int]] = []

    def broken_capture(browser: Any, *args: Any) -> bytes:
        during.append(set(descendants_named("chromium")) - before)
        raise RuntimeError("page crashed")

    monkeypatch.setattr(browser_snapshot, "_launch", spy_launch)
    monkeypatch.setattr(browser_snapshot, "_capture", broken_capture)
    with pytest.raises(RuntimeError, match="page crashed"):
        browser_snapshot.render_png(view, tmp_path / "lane.png")
    assert len(launched) == 1 and not launched[0].is_connected()
    assert during and during[0], "the browser should have been running during the capture"
    assert wait_until_gone(before, "chromium") == set()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.browser
def test_time_limit_gives_a_clear_export_error_and_closes_the_browser(
    view: LaneView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    launched: list[Any] = []
    real_launch = browser_snapshot._launch
    before = set(descendants_named("chromium"))
    monkeypatch.setattr(
        browser_snapshot,
        "_launch",
        lambda *a, **k: launched.append(real_launch(*a, **k)) or launched[-1],
    )
    monkeypatch.setattr(browser_snapshot, "READY_CONDITION", "() => false")
    with pytest.raises(ExportError, match=r"within the time limit of 5 s"):
        browser_snapshot.render_png(view, tmp_path / "lane.png", timeout_s=5)
    assert all(not browser.is_connected() for browser in launched)
    assert wait_until_gone(before, "chromium") == set()
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ExportError, match="time limit 0"):
        browser_snapshot.render_png(view, tmp_path / "lane.png", timeout_s=0)


@pytest.mark.browser
def test_html_export_draws_the_route_offline(view: LaneView, tmp_path: Path) -> None:
    snapshot.render(view, tmp_path / "lane.html")

    def count(page: Any) -> tuple[int, int]:
        page.wait_for_selector(".leaflet-overlay-pane path.lane-route", timeout=30_000)
        return (
            page.locator(".leaflet-overlay-pane path.lane-route").count(),
            page.locator(".leaflet-overlay-pane path").count(),
        )

    (lanes, paths), blocked, errors = in_offline_page(tmp_path / "lane.html", 1280, 800, count)
    assert lanes >= 1 and paths > 10
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
    assert browser_snapshot.png_size((tmp_path / "lane.png").read_bytes()) == (1280, 720)
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
