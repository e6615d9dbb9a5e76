"""The Chinese map's own controls in Chromium (offline): zoom, layers, fullscreen, minimap,
scale bar and the measure tool read Chinese, and a measured line reads nautical miles."""

from __future__ import annotations

import re
from typing import Any

import pytest

from geo.present.model import present
from geo.present.view import build_view
from geo.render.folium import mapping

pytestmark = pytest.mark.browser


def test_the_chinese_map_shows_its_controls_in_chinese(page: Any) -> None:
    zh = present(build_view("Shanghai", "San Pedro Bay", as_of="2026-11-26"), lang="zh")
    page.set_viewport_size({"width": 1280, "height": 800})
    # the standalone HTML is self-contained (scripts, styles and the font inline)
    page.set_content(mapping.standalone_html(zh), wait_until="load")
    page.wait_for_selector(".leaflet-control-measure", state="attached")
    title = page.get_attribute
    assert title(".leaflet-control-zoom-in", "title") == "放大"
    assert title(".leaflet-control-zoom-out", "title") == "缩小"
    assert title(".leaflet-control-layers-toggle", "title") == "图层"
    assert title(".leaflet-control-zoom-fullscreen", "title") == "全屏"
    assert title(".leaflet-control-minimap-toggle-display", "title") == "隐藏小地图"
    assert title(".leaflet-control-measure-toggle", "title") == "同时测量距离和面积"
    leaflet = '.leaflet-control-attribution a[href="https://leafletjs.com"]'
    assert title(leaflet, "title") == "用于交互式地图的JavaScript库"  # Leaflet's own words
    scale = page.inner_text(".leaflet-control-scale")
    assert re.search(r"\d+(公里|米)$", scale), scale  # no space before a Chinese unit
    assert page.locator(".leaflet-control-scale-line").count() == 1  # no miles/feet
    measure = page.text_content(".leaflet-control-measure") or ""
    for word in ("开始一次新的测量", "点击地图加点以开始创建测量", "取消", "完成测量"):
        assert word in measure, word
    for english in ("Measure distances", "Create a new measurement", "Cancel"):
        assert english not in measure, english
    # measure a line: its results read nautical miles, in Chinese
    page.hover(".leaflet-control-measure")
    page.click(".leaflet-control-measure .js-start")
    box = page.locator("#" + page.eval_on_selector(".folium-map", "e => e.id"))
    box.click(position={"x": 500, "y": 400})
    box.click(position={"x": 700, "y": 420})
    results = page.text_content(".leaflet-control-measure .js-results") or ""
    assert "海里" in results and "公里" in results, results
    assert "路径长度" in results, results
    assert page.blocked_urls == [] and page.page_errors == []
