"""The five figure cards read whole in a narrow main column (1024 px window, 100 px cards): no
value runs past its card into the next ("> US$300 B" reached 26 px into the map's margin at
1.7rem), no label is cut with an ellipsis ("Against the gre…", "每航次二氧化…"), and the
values stand on one line across the row. Text is measured with DOM Ranges over its text
nodes, so what is measured is the glyphs, not the box Streamlit gives them."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

CARDS_JS = """() => [...document.querySelectorAll('[data-testid="stMetric"]')].map((card) => {
  const column = card.closest('[data-testid="stColumn"]').getBoundingClientRect();
  const extent = (el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let left = Infinity, right = -Infinity;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const box of range.getClientRects()) {
        if (box.width) { left = Math.min(left, box.left); right = Math.max(right, box.right); }
      }
    }
    return {left, right};
  };
  const value = card.querySelector('[data-testid="stMetricValue"]');
  const label = card.querySelector('[data-testid="stMetricLabel"]');
  const clipped = [...label.querySelectorAll('*')].some(
    (el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible');
  return {text: value.innerText, label: label.innerText, left: column.left,
          right: column.right, value: extent(value), labelText: extent(label), clipped,
          top: value.getBoundingClientRect().top};
})"""

CASES = [
    ("/", 1024, 768),
    ("/?lang=zh", 1024, 768),
    ("/?origin=CNSHA&dest=NLRTM", 1024, 768),
    ("/?origin=CNSHA&dest=NLRTM&lang=zh", 1024, 768),
    ("/", 1280, 800),
    ("/?lang=zh", 1280, 800),
]


@pytest.mark.parametrize(("path", "width", "height"), CASES)
def test_figure_cards_read_whole_in_a_narrow_column(
    page: Any, app_server: str, path: str, width: int, height: int
) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(app_server + path)
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=\"stMetricValue\"]').length === 5",
        timeout=90_000,
    )
    page.evaluate("() => document.fonts.ready")
    page.wait_for_timeout(800)
    cards = page.evaluate(CARDS_JS)
    assert len(cards) == 5
    for card in cards:
        where = (card["label"], card["text"], round(card["left"]), round(card["right"]))
        assert card["value"]["left"] >= card["left"] - 1, where
        assert card["value"]["right"] <= card["right"] + 1, (where, card["value"])
        assert card["labelText"]["right"] <= card["right"] + 1, (where, card["labelText"])
        assert not card["clipped"], where
        assert "…" not in card["label"], where
    tops = [card["top"] for card in cards]
    assert max(tops) - min(tops) <= 2, tops  # the values on one line across
