"""Chinese wording a reader would not notice was translated: dates, past targets, open sea,
no English left inside Chinese sentences, the project's own source labels."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from geo.i18n import po_path, translator
from geo.present import compare, progress
from geo.present.localnames import date_words, deadline_passed, source_title, when_words
from geo.present.model import present
from geo.present.view import build_view
from geo.settings import DATA_DIR
from geo.voyage.factors import fuels

ZH = translator("zh")


@pytest.mark.parametrize(
    ("when", "chinese"),
    [
        ("9 Jun 2022", "2022年6月9日"),
        ("Jan 2022", "2022年1月"),
        ("2025", "2025年"),
        ("≈22 Sep 2023", "2023年9月"),  # an approximate day gives its month, never 约…日
        ("≈Sep 2023", "2023年"),  # an approximate month its year
        ("≈2023", "2023年前后"),
        ("2030 target", "2030年目标"),
        ("2025 target (deadline passed)", "2025年目标（期限已过）"),
        ("proposed (2026)", "提议（2026年）"),
    ],
)
def test_dates_in_chinese_are_exact_or_coarser(when: str, chinese: str) -> None:
    assert when_words(when, "zh") == chinese
    assert when_words(when, "en") == when


def test_no_milestone_or_measure_date_is_about_a_day() -> None:
    view = build_view("CNSHA", "SAN-PEDRO-BAY")
    items = [*progress.timeline(), *progress.measures_for(view)]
    texts = progress.timeline_texts(progress.timeline(), ZH)
    dates = [progress.when_words(i, ZH) for i in items] + [r.when for r in texts.rows]
    assert dates and not [d for d in dates if "约" in d or "≈" in d]
    assert "2023年9月" in dates
    lines = [progress.markdown_line(e, ZH) for e in progress.timeline()]
    assert not [line for line in lines if re.search(r"约\d{4}年", line)]


def test_a_target_whose_year_is_over_reads_as_a_passed_deadline() -> None:
    assert deadline_passed("2025", "target", "2026")
    assert not deadline_passed("2025", "target", "2025-10")  # the year is not over yet
    assert not deadline_passed("2030", "target", "2026")
    assert not deadline_passed("2025", "year", "2026")  # an event, not a target
    entries = {(e.date, e.precision): e for e in progress.timeline()}
    past, future = entries[("2025", "target")], entries[("2030", "target")]
    assert past.passed and past.when == "2025 target (deadline passed)"
    assert not future.passed and future.when == "2030 target"
    assert date_words("2025", "target", "zh", passed=True) == "2025年目标（期限已过）"
    rows = [r.when for r in progress.timeline_texts(progress.timeline(), ZH).rows]
    assert "2025年目标（期限已过）" in rows and "2030年目标" in rows
    assert "2025年目标" not in rows
    page = "\n".join(progress.markdown_line(e, ZH) for e in progress.timeline())
    assert "○ **2025年目标（期限已过）**" in page and "○ **2030年目标**" in page


def test_a_lane_through_no_passage_reads_naturally_in_chinese() -> None:
    table = compare.compare_pairs(["CNSHA"], ["USLAX"], lang="zh").table()
    cell = str(table.iloc[0][ZH("Passages")])
    assert cell == "全程开阔海域"
    assert ZH("open sea only") == "全程开阔海域"


#: The project's own words around published titles, and Chinese bodies' English names, which
#: a Chinese source line must not show (中国海事局, 交通运输部, 上港集团 in Chinese).
CITATION_WORDS = ("as reported", "reported by", " via ", "as published by", "as defined in",
                  "as described by", "as shown in", "Wikipedia infobox", "China MSA",
                  "Ministry of Transport", "Shanghai International Port", "standard release text",
                  "Slovenian government", "ECA list")  # fmt: skip


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        (
            "Port of Los Angeles annual address, as reported by China Daily (2026)",
            "洛杉矶港年度港务报告，转引自China Daily（2026年）",
        ),
        ("China MSA (as reported); IMO 2020", "中国海事局（转引）；IMO 2020"),
        (
            "MARPOL Annex VI (reported by marinelink.com, dieselnet.com)",
            "MARPOL Annex VI（转引自marinelink.com、dieselnet.com）",
        ),
        ("Xinhua via mfame.guru, “Title, and more”", "新华社，转引自mfame.guru, “Title, and more”"),
        ("North Sea area as defined in MEPC.201(62)", "北海海域（范围见MEPC.201(62)）"),
        (
            "IMO MEPC.361(79), as reported by MarineLink (2025) and the Slovenian government",
            "IMO MEPC.361(79)，转引自MarineLink（2025年）和Slovenian government",
        ),
        ("Wikipedia infobox, Port of Long Beach", "维基百科信息框，Port of Long Beach"),
        ("a (b; c); d", "a (b; c)；d"),  # a ; inside brackets is not between two sources
        (  # a publisher's date in Chinese
            "BSR factors, as reported by Cargo Business News (7 Aug 2012)",
            "BSR factors，转引自Cargo Business News（2012年8月7日）",
        ),
    ],
)
def test_a_citations_words_are_chinese_and_its_titles_stay(english: str, chinese: str) -> None:
    assert source_title(english, "zh") == chinese
    assert source_title(english, "en") == english


def test_the_projects_own_source_labels_are_chinese_and_published_titles_stay() -> None:
    view = build_view("CNSHA", "SAN-PEDRO-BAY")
    zh, en = present(view, lang="zh"), present(view)
    assert "project assumption" not in zh.footer_sources()
    assert "本项目假设" in zh.footer_sources()
    assert zh.footer_sources().count("本项目假设") == 1  # one short name for all three rows
    own = ("project assumption", "searoute (maritime network", "Natural Earth 1:110m Admin 0")
    for z, e in zip(zh.sources, en.sources):
        assert z.title == (source_title(e.title, "zh")), e.title
        if e.title.startswith(own):  # the project's own words for a source: Chinese
            assert z.title != e.title and not _stray_english(z.title), z.title
        else:  # a published title stays as published: no Latin word that the English lacks
            assert set(re.findall(r"[A-Za-z]+", z.title)) <= set(
                re.findall(r"[A-Za-z]+", e.title)
            ), z.title
    assert (
        "pyogrio" not in zh.footer_sources()
        and "Natural Earth 1:110m 国家边界" in zh.footer_sources()
    )
    assert source_title("project assumption (range of the cube-law extrapolation)", "zh") == (
        "本项目假设（航速三次方外推范围）"
    )
    shown = [zh.footer_sources(), *(s.title for s in zh.sources)]
    assert not [(w, t) for t in shown for w in CITATION_WORDS if w in t]


@pytest.mark.parametrize(
    ("origin", "destination"), [("CNSHA", "SAN-PEDRO-BAY"), ("CNSHA", "NLRTM")]
)
def test_every_source_a_chinese_page_map_or_slide_cites_is_worded_in_chinese(
    origin: str, destination: str
) -> None:
    from geo.render.folium.mapping import standalone_html

    pres = present(build_view(origin, destination), lang="zh")
    timeline = progress.timeline_texts(progress.timeline(), ZH)
    measures = [progress.markdown_line(m, ZH) for m in progress.measures_for(pres.view)]
    shown = {
        "trade figure": pres.metric("trade").source,  # the page's caption cites it
        "CO2 figure": pres.metric("co2").source,
        "timeline": "\n".join(r.cited for r in timeline.rows),
        "timeline sources": progress.timeline_sources(progress.timeline(), ZH),
        "measures": "\n".join(measures),
        "map (popups, tooltips)": standalone_html(pres),
        "sources tab and footer": "\n".join(
            [pres.footer_sources(), *(s.title for s in pres.sources)]
        ),
    }
    assert not [(k, w) for k, text in shown.items() for w in CITATION_WORDS if w in text]
    # no year said twice ((2025年)(2025年) in a zone's tooltip), no English date
    assert (
        re.findall(r"[（(]\d{4}年?[)）][（(]\d{4}年?[)）]", shown["map (popups, tooltips)"]) == []
    )
    assert not [
        k for k, text in shown.items() if re.search(r"\(\d{1,2} [A-Z][a-z]{2} \d{4}\)", text)
    ]
    # a full-width colon takes no space after it (走廊措施： 第一阶段 in a tooltip)
    assert re.findall(r"：[ \t]+\S{0,8}", shown["map (popups, tooltips)"]) == []
    if destination == "SAN-PEDRO-BAY":  # the corridor's figure is cited second-hand
        assert "转引自China Daily" in shown["trade figure"]


#: Latin words allowed inside Chinese text: names, code and technical terms a Chinese
#: reader meets in Latin letters (acronyms in capitals are always allowed).
ALLOWED_LATIN = {
    "Notteboom", "Carriou", "Natural", "Earth", "GeoPackage", "GeoPandas", "GeoJSON",
    "Chromium", "Tier", "Pier", "searoute", "matplotlib", "folium", "pyogrio", "zip", "lang",
    "sets",
    "speed", "lon", "lat", "west", "south", "east", "north", "g", "t", "kn", "nm", "km",
    # the command line's literals, typed as they are: option values, deck and lanes-file
    # fields, example inputs, and the names of tools and standards
    "json", "geojson", "text", "browser", "static", "auto", "vlsfo", "en", "out", "size",
    "avoid", "format", "renderer", "name", "origin", "destination", "title", "days",
    "passages", "fuel", "x", "Feature", "Dask", "dask", "scheduler", "LocalCluster",
    "GeoParquet", "Clean", "Cargo", "China", "Shanghai", "San", "Pedro", "Bay", "Suez", "Canal",
    "e",  # CO₂e
    "Antofagasta",  # an English name to type, for a port with no Chinese name on file
    "Build", "Bigger",  # the Port of Los Angeles strategy's own name, quoted
    "MarineLink",  # a publisher's name, cited
    "JavaScript",  # a programming language (Leaflet's own title)
}  # fmt: skip
#: Code in a message: printf placeholders (argparse's ``%s``), `backticks`, and a run of
#: letters with code punctuation in it (``origin,destination[,speed_kn]``, ``local:N``, ``.csv``).
_CODE = re.compile(
    r"%(?:\([^)]*\))?[sdr]|`[^`]*`"
    r"|[\x21-\x7e]*[_=:/\[\].,<>|-][\x21-\x7e]*[A-Za-z][\x21-\x7e]*"
    r"|[A-Za-z][\x21-\x7e]*[_=:/\[\].<>|][\x21-\x7e]*"
)


def _stray_english(text: str) -> list[str]:
    text = re.sub(r"\{[^}]*\}", "", text)
    text = re.sub(r"\b1:\d+m\b", "", text)  # a map scale: Natural Earth 1:110m
    text = _CODE.sub("", text)
    words = re.findall(r"[A-Za-z][A-Za-z\-]*", text)
    return [w for w in words if not w.isupper() and w not in ALLOWED_LATIN]


def test_no_english_words_are_left_inside_chinese_strings() -> None:
    with po_path("zh").open("rb") as fh:
        catalog = read_po(fh)
    stray = {
        str(m.id): _stray_english(str(m.string))
        for m in catalog
        if m.id and _stray_english(str(m.string))
    }
    assert stray == {}
    with (DATA_DIR / "texts_zh.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["en"]: _stray_english(r["zh"]) for r in rows if _stray_english(r["zh"])} == {}
    assert not [r["zh"] for r in rows if re.search(r"约\d{4}年\d+月\d+日", r["zh"])]


@pytest.mark.parametrize(
    ("params", "key"),
    [({"ship": "xyz"}, "ship"), ({"fuel": "water"}, "fuel"), ({"load": "5"}, "load")],
)
def test_bad_voyage_values_in_a_url_are_worded_in_chinese(params: dict[str, str], key: str) -> None:
    from geo.present.urlstate import parse_state

    _, warnings = parse_state(params, translator("zh"))
    (warning,) = warnings
    assert f"{key}=" in warning and warning.endswith("。"), warning
    rest = re.sub(r"“[^”]*”", "", warning.split("：", 1)[1])  # the value, as the user gave it
    for fuel_id in sorted(fuels(), key=len, reverse=True):  # accepted ids, given as typed
        rest = rest.replace(fuel_id, "")
    assert _stray_english(rest) == [], warning


def test_a_lane_compare_could_not_route_is_worded_in_chinese() -> None:
    cmp = compare.compare_avoidance(
        "CNSHA", "NLRTM", [(), ("suez", "south_africa", "panama", "chili")], lang="zh"
    )
    notes = " ".join(cmp.notes())
    assert "未比较" in notes and "no sea route" not in notes, notes


def test_one_word_for_one_idea_in_chinese() -> None:
    """The same idea is worded the same way everywhere: 不可用于航海 (not 航行), 航次模型 (not
    航程模型), 航速三次方 (not 立方定律), and the trade-off's tonnes column is 耗油量 (燃料 is
    the fuel type)."""
    from geo.present.tradeoff import speed_tradeoff
    from geo.present.view import build_view

    po = (Path(__file__).resolve().parents[1] / "geo/locale/zh/LC_MESSAGES/geo.po").read_text(
        encoding="utf-8"
    )
    texts = (Path(__file__).resolve().parents[1] / "geo/data/texts_zh.csv").read_text(
        encoding="utf-8"
    )
    for odd in ("不可用于航行", "航程模型", "立方定律"):
        assert odd not in po and odd not in texts, odd
    rows = speed_tradeoff(build_view(), lang="zh").table_rows()
    assert "耗油量" in rows[0] and "燃料" not in rows[0]


def test_the_lane_trade_value_reads_per_year_not_a_whole_calendar_year() -> None:
    """A fresh-user trial: the note "2026年全年" said the whole of 2026 (not yet over); the
    figure is a value per year, cited in 2026."""
    from geo.present.model import present
    from geo.present.view import build_view

    note = present(build_view(), lang="zh").metric("trade").note
    assert note.startswith("每年") and "2026年" in note and "全年" not in note, note
    assert present(build_view()).metric("trade").note == "a year · 2026"


def test_a_numbered_sea_reads_the_same_in_the_table_and_on_the_map() -> None:
    from geo.present import localnames, view

    table = view.segment_name("open_ocean", "East China Sea (2)", "zh")
    tooltip = localnames.segment_name("open_ocean", "open_ocean", "East China Sea (2)", "zh")
    assert table == tooltip == "东海（2）"
    assert view.segment_name("open_ocean", "East China Sea (2)", "en") == "East China Sea (2)"
