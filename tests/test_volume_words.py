"""Port volumes read with one precision in both languages (issue 11): to the nearest 10,000
TEU from a million up, never finer than their source; "约1020万" sits beside "988万", not
"988.16万"."""

from __future__ import annotations

import pytest

from geo.i18n import translator
from geo.present.model import present
from geo.present.view import build_view
from geo.present.wording import port_volume_words, volume_amount

CASES = [
    # value, sourced label, English, Chinese
    (10.2e6, "≈10.2 M TEU (2025)", "≈10.2 M TEU (2025)", "约1020万标准箱（2025年）"),
    (9_881_595, "9,881,595 TEU (2025)", "9.88 M TEU (2025)", "988万标准箱（2025年）"),
    (55.06e6, "55.06 M TEU (2025)", "55.06 M TEU (2025)", "5506万标准箱（2025年）"),
    (9.9e6, "≈9.9 M TEU (2025)", "≈9.9 M TEU (2025)", "约990万标准箱（2025年）"),
    (1_000_000, "1 M TEU (2025)", "1 M TEU (2025)", "100万标准箱（2025年）"),
    (853_000, "853,000 TEU (2025)", "853,000 TEU (2025)", "85.3万标准箱（2025年）"),
]


@pytest.mark.parametrize(("teu", "label", "en", "zh"), CASES)
def test_port_volumes_have_one_precision_in_both_languages(
    teu: float, label: str, en: str, zh: str
) -> None:
    assert port_volume_words(teu, "2025", label, translator("en")) == en
    assert port_volume_words(teu, "2025", label, translator("zh")) == zh
    assert port_volume_words(teu, "2025", "", translator("zh")) == ""  # no sourced figure


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_volume_at_or_above_a_million_shows_a_decimal_of_wan(lang: str) -> None:
    tr = translator(lang)
    for teu in (9_881_595, 9_649_724, 10_300_000, 55_060_000, 8_634_497):
        words = volume_amount(teu, tr)
        if lang == "zh":
            assert "." not in words, words
        else:
            assert len(words.split(" ")[0].split(".")[-1]) <= 2, words


def test_the_slide_labels_of_los_angeles_and_long_beach_match() -> None:
    from matplotlib.text import Text

    from geo.render.static import build_figure

    pres = present(build_view("Shanghai", "San Pedro Bay", as_of="2026-11-26"), lang="zh")
    fig = build_figure(pres)
    texts = [t.get_text() for t in fig.findobj(Text)]  # the map's labels too
    joined = "\n".join(texts)
    assert "约1020万标准箱" in joined and "988万标准箱" in joined, texts
    assert "988.16万" not in joined
