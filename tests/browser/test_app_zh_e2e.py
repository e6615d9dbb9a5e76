"""The page in 中文 in headless Chromium, offline: ``?lang=zh`` and the language control."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.test_app_e2e import MAP_FRAME, metric, open_app

pytestmark = pytest.mark.browser


def test_the_page_at_lang_zh_reads_chinese(page: Any, app_server: str) -> None:
    open_app(page, f"{app_server}/?lang=zh")
    heading = page.locator("h1").first.inner_text()
    assert "上海" in heading and "洛杉矶\u2060／\u2060长滩" in heading  # word joiners: never broken
    assert metric(page, "海上距离").endswith("海里")
    assert metric(page, "航行时间") == "13.3\u2060天"  # Chinese style: a word joiner, no space
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("起运港").wait_for(timeout=30_000)  # the sidebar is built after the map
    text = sidebar.inner_text()
    picked = " | ".join(sidebar.locator("input").evaluate_all("els => els.map(e => e.value)"))
    shown = f"{text} | {picked}"  # a selectbox shows its choice in its input
    assert "上海 Shanghai，中国（CNSHA）" in shown and "洛杉矶／长滩 San Pedro Bay" in shown, shown
    assert "航速（节）" in text and "中文" in text
    body = page.locator("body").inner_text()
    assert "Traceback" not in body and "Sea distance" not in body
    skip = page.locator('[data-testid="stSkipToContent"]')  # the keyboard's first stop
    page.wait_for_function(
        """() => (document.querySelector('[data-testid="stSkipToContent"]') || {})
            .textContent === '跳到主要内容'""",
        timeout=15_000,
    )
    assert skip.text_content() == "跳到主要内容"
    # every figure fits its card at 1280 px (汉字 are wider than Latin letters)
    overflow = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stMetric"]')].map(card => {
            const value = card.querySelector('[data-testid="stMetricValue"] div') ||
                card.querySelector('[data-testid="stMetricValue"]');
            return [value.innerText, value.scrollWidth - card.clientWidth];
        }).filter(([, over]) => over > 1)"""
    )
    assert overflow == [], overflow
    # the map speaks Chinese too, drawn with the served CJK web font
    frame = page.frame_locator(MAP_FRAME)
    settled = frame.locator("#map_div").evaluate(
        """async () => { await document.fonts.ready;
            return [...document.fonts].some(f =>
                f.family.replace(/"/g, '') === 'Lane CJK SC' && f.status === 'loaded'); }"""
    )
    labels = frame.locator("#map_div .leaflet-tooltip").all_inner_texts()
    assert "上海" in labels and "长滩" in labels, labels
    assert settled
    assert page.blocked_urls == []
    assert page.page_errors == []


def test_the_language_control_switches_to_chinese(page: Any, app_server: str) -> None:
    open_app(page, f"{app_server}/?origin=KRPUS&dest=USLAX&speed=15&layers=route,ports,labels")
    assert metric(page, "Sea distance").endswith("nm")
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Origin").wait_for(timeout=30_000)  # the sidebar is built after the map
    sidebar.get_by_text("中文").click()
    page.locator('[data-testid="stMetric"]', has_text="海上距离").wait_for(timeout=60_000)
    assert "lang=zh" in page.url and "origin=KRPUS" in page.url and "speed=15" in page.url
    # the widgets are worded anew (Streamlit's frontend would keep the English labels of a
    # widget whose key stayed the same), with the values kept
    sidebar.get_by_text("起运港").wait_for(timeout=30_000)
    origin = sidebar.locator(".st-key-origin-zh input")
    page.wait_for_function(
        "() => (document.querySelector('.st-key-origin-zh input') || {}).value?.includes('釜山')",
        timeout=30_000,
    )
    assert "釜山" in origin.input_value(), origin.input_value()
    chips = sidebar.locator(".st-key-layers-zh").inner_text()  # the label and the chips
    assert all(w in chips for w in ("航线", "港口", "标注")), chips
    assert not any(w in chips for w in ("Route", "Ports", "Labels")), chips
    ship = sidebar.locator(".st-key-ship-zh input").input_value()
    assert "标准箱" in ship, ship
    assert "Busan · Pusan, South Korea" not in sidebar.inner_text()
    assert page.page_errors == []


def test_streamlits_own_widget_words_read_chinese(page: Any, app_server: str) -> None:
    open_app(page, f"{app_server}/?lang=zh")
    sidebar = page.locator('[data-testid="stSidebar"]')
    avoid = sidebar.locator('[data-testid="stMultiSelect"]').first
    avoid.wait_for(timeout=30_000)
    avoid.click()  # the list opens with Streamlit's "Select all" at its top
    page.get_by_text("全选", exact=True).wait_for(timeout=10_000)
    page.keyboard.type("zzzz")  # nothing matches: Streamlit's "No results"
    page.get_by_text("无匹配结果", exact=True).wait_for(timeout=10_000)
    page.keyboard.press("Escape")
    body = page.locator("body").inner_text()
    for english in ("Select all", "No results", "options available"):
        assert english not in body, english
    # back in English, Streamlit's words are its own again
    sidebar.get_by_text("English", exact=True).click()
    sidebar.get_by_text("Origin", exact=True).wait_for(timeout=30_000)
    avoid = sidebar.locator('[data-testid="stMultiSelect"]').first
    avoid.click()
    page.get_by_text("Select all", exact=True).wait_for(timeout=10_000)
    assert page.page_errors == []
