"""geo.facts.trade: labels, look-ups, lane annotation, validation on load, milestone order."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from geo import settings
from geo.errors import DataError, GeoError
from geo.facts import trade
from geo.facts.trade import Figure, Milestone

SEED_CITATION = "Port of Los Angeles annual address, as reported by China Daily (2026)"
DATA_FILES = (
    trade.PORT_VOLUMES_FILE,
    trade.TRADE_VALUES_FILE,
    trade.LANE_FACTS_FILE,
    trade.MILESTONES_FILE,
    trade.CORRIDOR_PORTS_FILE,
)


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    trade.clear_cache()
    yield
    trade.clear_cache()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the real data files in a temporary directory."""
    for name in DATA_FILES:
        shutil.copy(settings.DATA_DIR / name, tmp_path / name)
    return tmp_path


def fig(value: float, unit: str, year: str = "2024", qualifier: str = "") -> Figure:
    return Figure(
        subject="X",
        metric="m",
        value=value,
        unit=unit,
        year=year,
        qualifier=qualifier,
        derived=False,
        source="A source",
        source_url="",
        note="",
    )


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --------------------------------------------------------------------------------------------
# Labels
# --------------------------------------------------------------------------------------------

LABELS = [
    (fig(333e9, "USD", "2024"), "US$333 B (2024)"),
    (fig(292e9, "USD", "2023"), "US$292 B (2023)"),
    (fig(10.2e6, "TEU", "2025", "≈"), "≈10.2 M TEU (2025)"),
    (fig(9_881_595, "TEU", "2025"), "9,881,595 TEU (2025)"),
    (fig(8_634_497, "TEU", "2023"), "8,634,497 TEU (2023)"),
    (fig(300e9, "USD/year", "2026", ">"), "> US$300 B a year (2026)"),
    (fig(200e9, "USD/year", "2023–24", "≈"), "≈US$200 B a year (2023–24)"),
    (fig(40, "%", "2025", "≈"), "≈40 % (2025)"),
    (fig(9, "weekly direct services", "2022"), "9 weekly direct services (2022)"),
    (fig(143.5e9, "USD", "2024", "≈"), "≈US$143.5 B (2024)"),
    (fig(295.4e9, "USD", "2024"), "US$295.4 B (2024)"),
    (fig(55.06e6, "TEU", "2025"), "55.06 M TEU (2025)"),
    (fig(9.13e6, "TEU", "2022", "≈"), "≈9.13 M TEU (2022)"),
    (fig(50e6, "TEU", "2024", ">"), "> 50 M TEU (2024)"),
    (fig(1.3e6, "TEU", "2022", ">"), "> 1.3 M TEU (2022)"),
    (fig(12_345, "TEU", "2020"), "12,345 TEU (2020)"),
    (fig(1_234_567_891, "USD", "2020"), "US$1,234,567,891 (2020)"),
    (fig(12.5, "%", "2020"), "12.5 % (2020)"),
]


@pytest.mark.parametrize(("figure", "expected"), LABELS, ids=[label for _, label in LABELS])
def test_label(figure: Figure, expected: str) -> None:
    assert figure.label() == expected


def test_label_has_no_spurious_decimals() -> None:
    assert ".0" not in fig(10.0e6, "TEU").label()
    assert fig(10.0e6, "TEU").label() == "10 M TEU (2024)"


def test_citation_is_source_and_year() -> None:
    assert fig(1, "TEU", "2025").citation() == "A source, 2025"


def test_figures_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        fig(1, "TEU").value = 2  # type: ignore[misc]


# --------------------------------------------------------------------------------------------
# Look-ups on the real data
# --------------------------------------------------------------------------------------------


def test_port_volumes_newest_first() -> None:
    volumes = trade.port_volumes("USLAX")
    years = [int(figure.year) for figure in volumes]
    assert years == sorted(years, reverse=True)
    assert [figure.label() for figure in volumes][:3] == [
        "≈10.2 M TEU (2025)",
        "≈10.3 M TEU (2024)",
        "8,634,497 TEU (2023)",
    ]
    assert all(figure.source and figure.year for figure in volumes)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("USLGB", "9,881,595 TEU (2025)"),
        ("uslgb", "9,881,595 TEU (2025)"),
        ("USLAX", "≈10.2 M TEU (2025)"),
        ("CNSHA", "55.06 M TEU (2025)"),
        ("CNSHA-YANGSHAN", "55.06 M TEU (2025)"),
        ("CNNGB", "39.3 M TEU (2024)"),
        ("SAN-PEDRO-BAY", "19.94 M TEU (2024)"),
        ("San Pedro Bay", "19.94 M TEU (2024)"),
    ],
)
def test_latest_volume(code: str, expected: str) -> None:
    latest = trade.latest_volume(code)
    assert latest is not None
    assert latest.label() == expected


def test_latest_volume_unknown_port_is_none() -> None:
    assert trade.latest_volume("NLRTM") is None
    assert trade.port_volumes("NLRTM") == []


def test_port_trade() -> None:
    la = trade.port_trade("USLAX")
    labels = {figure.label() for figure in la}
    assert {"US$333 B (2024)", "US$292 B (2023)", "≈40 % (2025)"} <= labels
    la_2024 = next(f for f in la if f.metric == "two-way trade" and f.year == "2024")
    assert la_2024.source == SEED_CITATION
    assert la_2024.citation() == f"{SEED_CITATION}, 2024"
    [lb] = trade.port_trade("USLGB")
    assert lb.label() == "≈US$200 B a year (2023–24)"
    assert trade.port_trade("CNNGB") == []


def test_us_china_total_is_derived() -> None:
    figures = trade.country_pair_trade("US-CN")
    [total] = [figure for figure in figures if figure.derived]
    parts = [
        figure for figure in figures if "exports" in figure.metric or "imports" in figure.metric
    ]
    parts = [figure for figure in parts if not figure.derived]
    assert total.value == pytest.approx(sum(figure.value for figure in parts))
    assert total.label() == "≈US$582.4 B (2024)"


# --------------------------------------------------------------------------------------------
# Lanes
# --------------------------------------------------------------------------------------------

CORRIDOR_PAIRS = [
    ("CNSHA", "USLAX"),
    ("USLAX", "CNSHA"),
    ("CNSHA", "USLGB"),
    ("USLGB", "CNSHA"),
    ("CNSHA", "SAN-PEDRO-BAY"),
    ("SAN-PEDRO-BAY", "CNSHA"),
    ("CNSHA-YANGSHAN", "USLAX"),
    ("USLGB", "CNSHA-YANGSHAN"),
    ("cnsha", "uslax"),
    ("CNSHA", "San Pedro Bay"),
]


@pytest.mark.parametrize(("origin", "destination"), CORRIDOR_PAIRS)
def test_corridor_lane_is_sourced(origin: str, destination: str) -> None:
    lane = trade.lane_figures(origin, destination)
    assert lane.sourced
    assert lane.headline is not None
    assert lane.headline.label() == "> US$300 B a year (2026)"
    assert lane.headline.source == SEED_CITATION
    assert lane.headline in lane.figures
    labels = {figure.label() for figure in lane.figures}
    assert {"> 1.3 M TEU (2022)", "9 weekly direct services (2022)", "≈40 % (2025)"} <= labels
    assert "> US$300 B a year (2026)" in lane.message


def test_lane_is_symmetric() -> None:
    forward = trade.lane_figures("CNSHA", "USLAX")
    backward = trade.lane_figures("USLAX", "CNSHA")
    assert forward.figures == backward.figures
    assert forward.headline == backward.headline


@pytest.mark.parametrize(
    ("origin", "destination"),
    [
        ("CNSHA", "NLRTM"),
        ("NLRTM", "USLAX"),
        ("USLAX", "USLGB"),
        ("CNSHA", "CNSHA"),
        ("CNNGB", "USLAX"),
        ("SGSIN", "CNSHA"),
    ],
)
def test_other_lanes_are_unsourced(origin: str, destination: str) -> None:
    lane = trade.lane_figures(origin, destination)
    assert not lane.sourced
    assert lane.headline is None
    assert lane.figures == []
    assert "No sourced trade figure exists" in lane.message
    assert origin in lane.message
    assert destination in lane.message


def test_missing_code_is_unsourced() -> None:
    lane = trade.lane_figures(None, "USLAX")
    assert not lane.sourced
    assert "USLAX" in lane.message
    assert "(none)" in lane.message
    assert not trade.lane_figures("CNSHA", None).sourced


# --------------------------------------------------------------------------------------------
# Milestones and sources
# --------------------------------------------------------------------------------------------


def test_milestones_chronological_with_targets_last() -> None:
    items = trade.milestones()
    assert all(isinstance(item, Milestone) for item in items)
    forward = [item.is_forward_looking for item in items]
    assert forward == sorted(forward), "targets and proposals come last"
    past = [item for item in items if not item.is_forward_looking]
    keys = [trade._date_parts(item.date) for item in past]
    assert keys == sorted(keys)
    assert past[0].date == "2022-01"
    assert items[-1].date_precision == "proposed"
    targets = [item.date for item in items if item.date_precision == "target"]
    assert targets == ["2025", "2030"]


def test_milestone_when() -> None:
    whens = [item.when() for item in trade.milestones()]
    assert whens[:4] == ["Jan 2022", "9 Jun 2022", "Sep 2023", "Oct 2024"]
    assert "2030 target" in whens
    assert not any("≈" in when and any(c.isalpha() for c in when) for when in whens)


@pytest.mark.parametrize(
    ("date", "precision", "words"),
    [
        ("2023-09-22", "day", "22 Sep 2023"),
        ("2023-09-22", "approx", "Sep 2023"),  # a day is exact: an approximate one, its month
        ("2023-09", "approx", "2023"),  # an approximate month, its year
        ("2023", "approx", "≈2023"),
        ("2023-09-22", "month", "Sep 2023"),
        ("2023-09-22", "year", "2023"),
    ],
)
def test_milestone_when_shows_a_date_at_its_precision(
    date: str, precision: str, words: str
) -> None:
    milestone = Milestone(date, precision, "event", "source", "https://example.org")
    assert milestone.when() == words


def test_milestone_order_ignores_file_order(data_copy: Path) -> None:
    path = data_copy / trade.MILESTONES_FILE
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([header, *reversed(rows)]) + "\n", encoding="utf-8")
    assert [m.date for m in trade.milestones(data_dir=data_copy)] == [
        m.date for m in trade.milestones()
    ]


def test_all_sources_unique_and_complete() -> None:
    sources = trade.all_sources()
    assert len(sources) == len(set(sources))
    names = [name for name, _ in sources]
    assert SEED_CITATION in names
    assert all(name for name in names)
    assert all(url == "" or url.startswith("https://") for _, url in sources)
    assert (
        "freightwaves.com, “Port of Los Angeles tops 10M containers for third time”",
        "https://www.freightwaves.com/news/port-of-los-angeles-tops-10m-containers-for-third-time",
    ) in sources


# --------------------------------------------------------------------------------------------
# Validation on load
# --------------------------------------------------------------------------------------------


def test_data_error_is_a_geo_error() -> None:
    assert issubclass(DataError, GeoError)


def test_missing_source_names_file_row_and_field(data_copy: Path) -> None:
    path = data_copy / trade.PORT_VOLUMES_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    # row 3 is USLAX 2023: drop its source
    replace_in(
        path,
        lines[3],
        "USLAX,Los Angeles,2023,8634497,,,https://example.org/x,exact",
    )
    with pytest.raises(DataError) as info:
        trade.port_volumes("USLAX", data_dir=data_copy)
    message = str(info.value)
    assert "port_volumes.csv" in message
    assert "row 3" in message
    assert "'source'" in message


def test_missing_value_raises(data_copy: Path) -> None:
    replace_in(data_copy / trade.TRADE_VALUES_FILE, ",333000000000,", ",,")
    with pytest.raises(DataError, match=r"trade_values\.csv, row 1: missing 'value'"):
        trade.port_trade("USLAX", data_dir=data_copy)


def test_missing_year_raises_via_patched_data_dir(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replace_in(data_copy / trade.LANE_FACTS_FILE, ",USD/year,2026,", ",USD/year,,")
    monkeypatch.setattr(settings, "DATA_DIR", data_copy)
    with pytest.raises(DataError, match=r"lane_facts\.csv, row 1: missing 'year'"):
        trade.lane_figures("CNSHA", "USLAX")


def test_missing_milestone_date_raises(data_copy: Path) -> None:
    replace_in(data_copy / trade.MILESTONES_FILE, "2022-06-09,day,", ",day,")
    with pytest.raises(DataError, match=r"milestones\.csv, row 2: missing 'date'"):
        trade.milestones(data_dir=data_copy)


@pytest.mark.parametrize(
    ("file", "old", "new", "pattern"),
    [
        (trade.TRADE_VALUES_FILE, ",333000000000,", ",lots,", "is not a number"),
        (trade.TRADE_VALUES_FILE, ",USD,2024,,false,", ",USD,2024,~,false,", "qualifier"),
        (trade.TRADE_VALUES_FILE, ",USD,2024,,false,", ",USD,2024,,maybe,", "derived"),
        (trade.PORT_VOLUMES_FILE, ",9881595,", ",9.9 million,", "teu"),
        (trade.MILESTONES_FILE, "2022-06-09,day,", "2022-06-09,soon,", "date_precision"),
        (trade.MILESTONES_FILE, "2022-06-09,day,", "June 2022,day,", "is not YYYY"),
        (trade.LANE_FACTS_FILE, "https://mfame.guru/", "http://mfame.guru/", "https://"),
        (trade.LANE_FACTS_FILE, "subject,subject_type,", "subject,kind,", "missing column"),
    ],
)
def test_malformed_cells_raise(
    data_copy: Path, file: str, old: str, new: str, pattern: str
) -> None:
    replace_in(data_copy / file, old, new)
    with pytest.raises(DataError, match=pattern) as info:
        trade.load_all(data_dir=data_copy)
    assert file in str(info.value)


def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"port_volumes\.csv"):
        trade.port_volumes("USLAX", data_dir=tmp_path)


def test_real_data_loads() -> None:
    trade.load_all()


def test_milestone_dates_read_the_same_in_english_and_chinese() -> None:
    from geo.present.localnames import date_words, when_words

    for item in trade.milestones():
        zh = date_words(item.date, item.date_precision, "zh")
        assert when_words(item.when(), "zh") == zh, item
