"""Chinese headings wrap only between names (issue 11): at 390 px the lane page's heading
("新加坡 → 洛杉矶／长滩") and the compare page's ("航线比较：上海 → 洛杉矶，2种规避方案") break
at their spaces and punctuation, never inside a port name. Lines are measured per character
with DOM Ranges."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

pytestmark = pytest.mark.browser

#: a line may end after, or start with, one of these
SEPARATORS = " →，：、·,"
LINES_JS = """(selector) => {
  const h = document.querySelector(selector || 'h1');
  const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
  const chars = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + 1);
      const box = r.getClientRects()[0];
      if (box) { chars.push({c: node.data[i], top: box.top, right: box.right}); }
    }
  }
  const lines = [];
  let top = null;
  chars.forEach((ch) => {
    if (top === null || Math.abs(ch.top - top) > 4) { lines.push(''); top = ch.top; }
    lines[lines.length - 1] += ch.c;
  });
  return {lines, right: Math.max(...chars.map((ch) => ch.right)),
          page: document.documentElement.clientWidth};
}"""
CASES = [
    ("/?lang=zh&origin=SGSIN&dest=SAN-PEDRO-BAY", ("新加坡", "洛杉矶／长滩")),
    ("/?lang=zh", ("上海", "洛杉矶／长滩")),
    (
        "/compare?lang=zh&mode=avoid&origin=CNSHA&dest=USLAX&sets=none;suez",
        ("航线比较", "上海", "洛杉矶", "规避方案"),
    ),
]


@pytest.mark.parametrize(("path", "names"), CASES)
def test_chinese_headings_break_only_between_names(
    page: Any, app_server: str, path: str, names: tuple[str, ...]
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(app_server + path)
    page.wait_for_function(
        "() => (document.querySelector('h1') || {}).innerText?.includes('→')", timeout=90_000
    )
    # the Chinese page's styles (page_zh.css, st.html) arrive just after the first heading
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('h1')).wordBreak === 'keep-all'",
        timeout=30_000,
    )
    page.evaluate("() => document.fonts.ready")
    page.wait_for_timeout(500)
    got = page.evaluate(LINES_JS)
    # a word joiner after the slash holds 洛杉矶／长滩 together
    lines = [line.replace("\u2060", "") for line in got["lines"] if line.strip("\u2060 ")]
    for before, after in itertools.pairwise(lines):
        assert before[-1] in SEPARATORS or after[0] in SEPARATORS, lines
    for name in names:
        assert any(name in line for line in lines), (name, lines)
    assert got["right"] <= got["page"], got  # nothing runs off the screen
    assert page.page_errors == []


#: a Chinese character, or a digit: no line may end with one and the next start with another
_CJK_OR_DIGIT = r"[\u4e00-\u9fff0-9]"
#: the metric cards (values and notes) and the captions ("5,729 海里", "数据截至2026年")
METRIC_SELECTORS = (
    '[data-testid="stMetricValue"]',
    '[data-testid="stMetricDelta"]',
    '[data-testid="stMain"] [data-testid="stCaptionContainer"]',
)


@pytest.mark.parametrize("width", [390, 1280])
def test_chinese_figures_keep_numbers_units_and_words_whole(
    page: Any, app_server: str, width: int
) -> None:
    import re

    page.set_viewport_size({"width": width, "height": 844})
    page.goto(app_server + "/?lang=zh")
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=\"stMetricValue\"]').length >= 4",
        timeout=90_000,
    )
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('[data-testid=\"stMetricValue\"]'))"
        ".wordBreak === 'keep-all'",
        timeout=30_000,
    )
    page.evaluate("() => document.fonts.ready")
    page.wait_for_timeout(500)
    checked = 0
    for selector in METRIC_SELECTORS:
        count = page.locator(selector).count()
        assert count, selector  # every kind is on the page, so every kind is checked
        for i in range(count):
            marked = f"figure-{METRIC_SELECTORS.index(selector)}-{i}"
            page.locator(selector).nth(i).evaluate(f"e => e.setAttribute('data-probe', '{marked}')")
            got = page.evaluate(LINES_JS, f'[data-probe="{marked}"]')
            text = page.locator(f'[data-probe="{marked}"]').text_content() or ""
            lines = [line.strip() for line in got["lines"] if line.strip()]
            at = 0
            for before, after in itertools.pairwise(lines):
                at = text.index(before, at) + len(before)
                spaced = text[at : text.index(after, at)].strip("\u2060") != ""
                joined = re.fullmatch(_CJK_OR_DIGIT, before[-1]) and re.fullmatch(
                    _CJK_OR_DIGIT, after[0]
                )
                assert spaced or not joined, (lines, text)  # a break only at a space
            checked += 1
    assert checked >= 4
