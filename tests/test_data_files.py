"""Every data file carries its sources and years, and key figures match facts.md."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from geo import settings

DATA_DIR: Path = settings.DATA_DIR
CSV_FILES: list[Path] = sorted(DATA_DIR.glob("*.csv"))
DATE_COLUMNS: tuple[str, ...] = ("year", "date", "as_of")
SEED_CITATION = "Port of Los Angeles annual address, as reported by China Daily (2026)"

# (file, required columns) for the files geo.facts.trade owns.
OWN_FILES: dict[str, tuple[str, ...]] = {
    "port_volumes.csv": (
        "locode",
        "port",
        "year",
        "teu",
        "qualifier",
        "source",
        "source_url",
        "note",
    ),
    "trade_values.csv": (
        "subject",
        "subject_type",
        "metric",
        "value",
        "unit",
        "year",
        "qualifier",
        "derived",
        "source",
        "source_url",
        "note",
    ),
    "lane_facts.csv": (
        "subject",
        "subject_type",
        "metric",
        "value",
        "unit",
        "year",
        "qualifier",
        "derived",
        "source",
        "source_url",
        "note",
    ),
    "milestones.csv": ("date", "date_precision", "event", "source", "source_url"),
}


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def source_columns(header: list[str]) -> list[str]:
    """``source`` and every ``*_source`` column (coord_source, route_point_source ...)."""
    return [name for name in header if name == "source" or name.endswith("_source")]


def test_data_dir_has_csv_files() -> None:
    names = {path.name for path in CSV_FILES}
    assert set(OWN_FILES) <= names
    assert "corridor_ports.csv" in names


@pytest.mark.parametrize("path", CSV_FILES, ids=lambda path: path.name)
def test_every_row_has_a_source_and_a_year(path: Path) -> None:
    header, rows = read(path)
    sources = source_columns(header)
    dates = [name for name in DATE_COLUMNS if name in header]
    assert rows, f"{path.name} has no rows"
    for number, row in enumerate(rows, start=1):
        assert None not in row, f"{path.name}, row {number}: more fields than columns"
        for name in sources:
            assert (row[name] or "").strip(), f"{path.name}, row {number}: empty {name}"
        for name in dates:
            assert (row[name] or "").strip(), f"{path.name}, row {number}: empty {name}"


def test_corridor_ports_cite_their_coordinates() -> None:
    header, rows = read(DATA_DIR / "corridor_ports.csv")
    assert "coord_source" in header
    assert all(row["coord_source"].strip() for row in rows)


@pytest.mark.parametrize("name", sorted(OWN_FILES))
def test_own_files_have_their_columns_and_valid_cells(name: str) -> None:
    header, rows = read(DATA_DIR / name)
    assert header == list(OWN_FILES[name])
    for number, row in enumerate(rows, start=1):
        where = f"{name}, row {number}"
        assert row["source"].strip(), where
        url = row["source_url"]
        assert url == "" or url.startswith("https://"), f"{where}: bad url {url!r}"
        if "qualifier" in row:
            assert row["qualifier"] in {"", "≈", ">"}, where
        if "derived" in row:
            assert row["derived"] in {"true", "false"}, where
        if "value" in row:
            float(row["value"])
        if "teu" in row:
            assert row["teu"].isdigit(), f"{where}: teu must be a plain number"
        if "date_precision" in row:
            assert row["date_precision"] in {
                "day",
                "month",
                "year",
                "approx",
                "target",
                "proposed",
            }, where


def test_seed_article_is_cited_exactly() -> None:
    cited = set()
    for name in OWN_FILES:
        _, rows = read(DATA_DIR / name)
        cited |= {row["source"] for row in rows}
    assert SEED_CITATION in cited
    # no paraphrased variant of the seed citation
    assert not [s for s in cited if "China Daily" in s and s != SEED_CITATION]


def volume(locode: str, year: str) -> tuple[int, str]:
    _, rows = read(DATA_DIR / "port_volumes.csv")
    [row] = [row for row in rows if row["locode"] == locode and row["year"] == year]
    return int(row["teu"]), row["qualifier"]


def trade(subject: str, metric: str, year: str) -> dict[str, str]:
    _, rows = read(DATA_DIR / "trade_values.csv")
    [row] = [
        row
        for row in rows
        if row["subject"] == subject and row["metric"] == metric and row["year"] == year
    ]
    return row


# (locode, year, TEU, qualifier) exactly as in facts.md
FACTS_VOLUMES = [
    ("USLAX", "2025", 10_200_000, "≈"),
    ("USLAX", "2024", 10_300_000, "≈"),
    ("USLAX", "2023", 8_634_497, ""),
    ("USLAX", "2022", 9_900_000, "≈"),
    ("USLAX", "2021", 10_700_000, "≈"),
    ("USLGB", "2025", 9_881_595, ""),
    ("USLGB", "2024", 9_649_724, ""),
    ("USLGB", "2023", 8_018_668, ""),
    ("USLGB", "2022", 9_130_000, "≈"),
    ("SAN-PEDRO-BAY", "2024", 19_940_000, ""),
    ("SAN-PEDRO-BAY", "2021", 20_060_000, ""),
    ("CNSHA", "2025", 55_060_000, ""),
    ("CNSHA", "2024", 50_000_000, ">"),
    ("CNSHA", "2023", 49_000_000, ">"),
    ("CNSHA", "2022", 47_300_000, ""),
    ("CNNGB", "2024", 39_300_000, ""),
    ("CNNGB", "2023", 35_300_000, ">"),
]


@pytest.mark.parametrize(("locode", "year", "teu", "qualifier"), FACTS_VOLUMES)
def test_volumes_match_facts(locode: str, year: str, teu: int, qualifier: str) -> None:
    assert volume(locode, year) == (teu, qualifier)


def test_volume_rows_are_exactly_the_facts() -> None:
    _, rows = read(DATA_DIR / "port_volumes.csv")
    assert len(rows) == len(FACTS_VOLUMES)


def test_key_trade_values_match_facts() -> None:
    la_2024 = trade("USLAX", "two-way trade", "2024")
    assert float(la_2024["value"]) == 333e9
    assert la_2024["unit"] == "USD"
    assert la_2024["source"] == SEED_CITATION
    assert float(trade("USLAX", "two-way trade", "2023")["value"]) == 292e9
    lb = trade("USLGB", "trade", "2023–24")
    assert (float(lb["value"]), lb["qualifier"]) == (200e9, "≈")


def test_us_china_total_is_a_marked_derived_sum() -> None:
    _, rows = read(DATA_DIR / "trade_values.csv")
    pair = {row["metric"]: row for row in rows if row["subject"] == "US-CN"}
    exports = float(pair["US goods exports to China"]["value"])
    imports = float(pair["US goods imports from China"]["value"])
    deficit = float(pair["US goods trade deficit with China"]["value"])
    assert (exports, imports, deficit) == (143.5e9, 438.9e9, 295.4e9)
    [total] = [row for row in pair.values() if row["derived"] == "true"]
    assert float(total["value"]) == pytest.approx(exports + imports)
    assert total["qualifier"] == "≈"
    assert all(row["derived"] == "false" for row in pair.values() if row is not total)


def test_lane_facts_match_facts() -> None:
    _, rows = read(DATA_DIR / "lane_facts.csv")
    by_metric = {row["metric"]: row for row in rows}
    lane = by_metric["trade value"]
    assert (float(lane["value"]), lane["unit"], lane["qualifier"], lane["year"]) == (
        300e9,
        "USD/year",
        ">",
        "2026",
    )
    assert lane["source"] == SEED_CITATION
    teu = by_metric["container volume"]
    assert (float(teu["value"]), teu["qualifier"], teu["year"]) == (1.3e6, ">", "2022")
    services = by_metric["weekly direct services"]
    assert (float(services["value"]), services["year"]) == (9, "2022")
    share = by_metric["China's share of port business"]
    assert (float(share["value"]), share["unit"], share["qualifier"]) == (40, "%", "≈")


def test_milestones_cover_the_corridor_table() -> None:
    _, rows = read(DATA_DIR / "milestones.csv")
    assert len(rows) == 8
    dates = {(row["date"], row["date_precision"]) for row in rows}
    assert {
        ("2022-01", "month"),
        ("2022-06-09", "day"),
        ("2023-09-22", "approx"),
        ("2024-10", "month"),
        ("2025", "year"),
        ("2025", "target"),
        ("2030", "target"),
    } <= dates
    assert any(row["date_precision"] == "proposed" for row in rows)


def test_readme_documents_every_data_file() -> None:
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    for name in [
        *OWN_FILES,
        "corridor_ports.csv",
        "land.geojson",
        "passages.csv",
        "routing_limits.csv",
        "port_aliases.csv",
        "port_corrections.csv",
        "port_names_zh.csv",
        "place_names_zh.csv",
        "texts_zh.csv",
    ]:
        assert f"`{name}`" in readme, name
    assert "Apache-2.0" in readme
    assert "public domain" in readme


# --- voyage and zone files (geo.voyage, geo.zones) ----------------------------------------------
VOYAGE_FILES: dict[str, tuple[str, ...]] = {
    "fuels.csv": (
        "fuel", "label", "lcv_mj_per_kg", "cf_t_co2_per_t", "wtt_gco2e_per_mj",
        "wtw_gco2e_per_mj", "eca_fuel", "note", "source", "source_url", "year",
    ),
    "ship_classes.csv": (
        "class_id", "name", "teu", "panama_canal", "note", "source", "source_url", "year",
    ),
    "voyage_reference.csv": (
        "quantity", "ship_teu", "speed_kn", "value", "unit", "note", "source", "source_url", "year",
    ),
    "canal_limits.csv": (
        "canal", "passage", "max_teu", "max_loa_m", "max_beam_m", "max_draft_m", "note", "source",
        "source_url", "year",
    ),
    "seas.csv": ("name", "polygon", "source", "source_url", "year", "approximate"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(VOYAGE_FILES))
def test_voyage_files_have_their_columns_sources_and_years(name: str) -> None:
    header, rows = read(DATA_DIR / name)
    assert header == list(VOYAGE_FILES[name])
    assert rows
    for row in rows:
        assert row["source"].strip() and row["year"].isdigit(), row
        for url in row["source_url"].split():
            assert url.startswith("https://"), url


def test_fuel_constants_match_facts() -> None:
    """LCV (MJ/kg) and Cf as in facts.md (IMO MEPC.364(79))."""
    _, rows = read(DATA_DIR / "fuels.csv")
    by_fuel = {row["fuel"]: row for row in rows}
    expected = {
        "hfo": ("40.2", "3.114"),
        "vlsfo": ("41.2", "3.151"),
        "mgo": ("42.7", "3.206"),
        "lng": ("48.0", "2.750"),
        "methanol": ("19.9", "1.375"),
    }
    for fuel, (lcv, cf) in expected.items():
        assert (by_fuel[fuel]["lcv_mj_per_kg"], by_fuel[fuel]["cf_t_co2_per_t"]) == (lcv, cf)
        assert "MEPC.364(79)" in by_fuel[fuel]["source"]


def test_assumptions_are_labelled() -> None:
    _, rows = read(DATA_DIR / "voyage_reference.csv")
    for row in rows:
        if row["source"].startswith("project assumption"):
            assert "ASSUMPTION" in row["note"]


def test_zone_rules_cover_the_in_force_ecas() -> None:
    _, rows = read(DATA_DIR / "zone_rules.csv")
    by_id = {row["zone_id"]: row for row in rows}
    for zone_id in ("north_sea_eca", "baltic_eca", "mediterranean_eca", "us_caribbean_eca"):
        assert by_id[zone_id]["sulphur_limit_pct"] == "0.10"
        assert by_id[zone_id]["approximate"] == "true"
    assert "1 May 2025" in by_id["mediterranean_eca"]["rules"]
    assert by_id["hainan_eca"]["year"] == "2022" and by_id["china_inland_eca"]["year"] == "2020"


ROUTING_FILES: dict[str, tuple[str, ...]] = {
    "passages.csv": ("name", "label", "gate_wkt", "source", "year", "note"),
    "routing_limits.csv": ("name", "value", "unit", "source", "year", "note"),
    "port_aliases.csv": ("alias", "locode", "current", "source", "year", "note"),
}


@pytest.mark.parametrize("name", sorted(ROUTING_FILES))
def test_routing_files_have_their_columns_sources_and_years(name: str) -> None:
    header, rows = read(DATA_DIR / name)
    assert header == list(ROUTING_FILES[name])
    for number, row in enumerate(rows, start=1):
        assert row["source"].strip(), f"{name}, row {number}"
        assert row["year"].isdigit() and 1900 <= int(row["year"]) <= 2026, f"{name}, row {number}"
        if "value" in row:
            assert float(row["value"]) > 0
        if "gate_wkt" in row:
            assert row["gate_wkt"].startswith("LINESTRING (")
        if "locode" in row:
            assert len(row["locode"]) == 5 and row["locode"].isupper()


def test_project_drawn_gates_say_so() -> None:
    _, rows = read(DATA_DIR / "passages.csv")
    for row in rows:
        assert row["source"].startswith(("IHO S-23", "Treaty", "drawn by this project")), row


def test_corridor_measures_have_sources_years_and_port_coordinates() -> None:
    """Every measure in place cites its source and year, and sits on the port's reference
    point of corridor_ports.csv (no invented position)."""
    _, rows = read(DATA_DIR / "corridor_measures.csv")
    _, ports = read(DATA_DIR / "corridor_ports.csv")
    points = {p["id"]: (float(p["lon"]), float(p["lat"])) for p in ports}
    assert {r["port"] for r in rows} == {"USLAX", "USLGB", "CNSHA"}
    assert {r["measure"] for r in rows if r["port"] != "CNSHA"} >= {"shore_power"}
    assert ("CNSHA", "green_methanol_bunkering") in {(r["port"], r["measure"]) for r in rows}
    for r in rows:
        assert r["source"].strip() and r["year"].isdigit() and r["date"].strip()
        assert r["source_url"].startswith("https://")
        assert (float(r["lon"]), float(r["lat"])) == points[r["port"]]
