"""Issue 12, a fresh user's findings, each kept as a test of its kind:
ambiguous names refused with their candidates; Chinese names found by the port search;
speeds outside the model's range refused (CLI) or flagged (model); warnings printed once;
SVG sized in pixels; a short lane framed so it shows; the compare title counts what it shows."""

from __future__ import annotations

import pytest

from geo.catalogue import ports
from geo.cli import main
from geo.errors import AmbiguousPortError
from tests.cli_helpers import run_main

# --- 1. a name several ports answer to -----------------------------------------------


def test_san_pedro_is_refused_with_both_san_pedros_and_how_to_pick() -> None:
    with pytest.raises(AmbiguousPortError) as info:
        ports.resolve("San Pedro")
    text = str(info.value)
    assert "San Pedro, Ivory Coast (CISPY)" in text
    assert "San Pedro Bay, United States (SAN-PEDRO-BAY)" in text
    assert "code in brackets" in text and "'name, country'" in text
    # each candidate, as listed, picks its port
    assert ports.resolve("CISPY").country == "Ivory Coast"
    assert ports.resolve("SAN-PEDRO-BAY").members == ("USLAX", "USLGB")
    assert ports.resolve("San Pedro, Ivory Coast").id == "CISPY"
    assert ports.resolve("San Pedro Bay").id == "SAN-PEDRO-BAY"


@pytest.mark.parametrize(
    ("query", "port_id"),
    [("Hamburg", "DEHAM"), ("London", "GBLON"), ("Yangshan", "CNSHA-YANGSHAN"), ("长滩", "USLGB")],
)
def test_a_name_no_curated_place_extends_still_resolves(query: str, port_id: str) -> None:
    assert ports.resolve(query).id == port_id


def test_cli_refuses_an_ambiguous_name_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_main(["route", "San Pedro", "Shanghai"], capsys)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "CISPY" in err and "SAN-PEDRO-BAY" in err


def test_url_origin_san_pedro_falls_back_with_the_candidates() -> None:
    from geo.present.urlstate import DEFAULT_STATE, parse_state

    state, warnings = parse_state({"origin": "San Pedro"})
    assert state.origin == DEFAULT_STATE.origin
    assert any("CISPY" in w and "SAN-PEDRO-BAY" in w for w in warnings)


# --- 2. Chinese names in the port search ------------------------------------------------


@pytest.mark.parametrize(
    ("query", "port_id"),
    [("上海", "CNSHA"), ("上海港", "CNSHA"), ("长滩", "USLGB"), ("洋山", "CNSHA-YANGSHAN")],
)
def test_search_finds_chinese_names_and_aliases(query: str, port_id: str) -> None:
    assert ports.search(query)[0].id == port_id


def test_ports_command_finds_and_shows_chinese_names(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_main(["ports", "上海"], capsys)
    assert code == 0
    header, columns, first, *_ = out.splitlines()
    assert header == "1 of 1 ports matching '上海'"
    assert columns.split() == ["CODE", "NAME", "ZH", "COUNTRY", "LON", "LAT"]
    assert first.split()[:3] == ["CNSHA", "Shanghai", "上海"]
    code, out, _ = run_main(["ports", "洋山"], capsys)
    assert out.splitlines()[2].startswith("CNSHA-YANGSHAN ")  # the code that selects it


def test_route_between_chinese_names(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    code, out, _ = run_main(["route", "上海", "长滩", "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert (data["origin"]["locode"], data["destination"]["locode"]) == ("CNSHA", "USLGB")
    assert main(["route", "上海", "长滩", "--format", "text", "--lang", "zh"]) == 0
