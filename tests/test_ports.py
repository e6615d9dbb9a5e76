"""Port catalogue: resolution of codes, names, coordinates and the San Pedro Bay alias."""

from __future__ import annotations

import pytest

from geo.catalogue import ports
from geo.errors import AmbiguousPortError, InvalidCoordinateError, UnknownPortError


def test_catalogue_holds_every_searoute_port_plus_the_corridor() -> None:
    cat = ports.catalogue()
    codes = {p.locode for p in cat if p.locode}
    assert len(cat) > 3900
    assert {"CNSHA", "USLAX", "USLGB", "NLRTM", "SGSIN"} <= codes
    assert all(-180 <= p.lon <= 180 and -90 <= p.lat <= 90 for p in cat)
    assert all(p.name and p.source for p in cat)


@pytest.mark.parametrize(
    ("query", "expected_id"),
    [
        ("CNSHA", "CNSHA"),
        ("cnsha", "CNSHA"),
        ("  uslax ", "USLAX"),
        ("Shanghai", "CNSHA"),
        ("long beach", "USLGB"),
        ("LONG   BEACH", "USLGB"),
        ("Port of Los Angeles", "USLAX"),
        ("Yangshan", "CNSHA-YANGSHAN"),
        ("Rotterdam", "NLRTM"),
        ("nlrtm", "NLRTM"),
        ("San Pedro Bay", "SAN-PEDRO-BAY"),
        ("san pedro bay", "SAN-PEDRO-BAY"),
    ],
)
def test_resolve_codes_names_and_alias(query: str, expected_id: str) -> None:
    assert ports.resolve(query).id == expected_id


def test_corridor_ports_use_sourced_coordinates_and_harbour_entrances() -> None:
    sha = ports.resolve("Shanghai")
    assert (sha.lon, sha.lat) == (121.467, 31.233)
    assert sha.route_coord == (122.425, 31.122)  # North Channel pilot station
    la = ports.resolve("USLAX")
    assert la.route_coord == (-118.251, 33.708)  # Angels Gate
    assert "Wikipedia" in la.source


def test_san_pedro_bay_stands_for_los_angeles_and_long_beach() -> None:
    bay = ports.resolve("San Pedro Bay")
    assert [p.locode for p in ports.members(bay)] == ["USLAX", "USLGB"]
    la, lb = ports.members(bay)
    assert min(la.lon, lb.lon) < bay.lon < max(la.lon, lb.lon)
    assert bay.locode is None


@pytest.mark.parametrize(
    ("text", "lon", "lat"),
    [("-118.25,33.7", -118.25, 33.7), (" 121.5 , 31.4 ", 121.5, 31.4), ("180,-90", 180, -90)],
)
def test_resolve_coordinates_lon_first(text: str, lon: float, lat: float) -> None:
    port = ports.resolve(text)
    assert port.kind == "coordinates"
    assert port.route_coord == (lon, lat)


@pytest.mark.parametrize(
    ("text", "bad"),
    [("200,10", "longitude 200"), ("-181,0", "longitude -181"), ("10,91", "latitude 91")],
)
def test_out_of_range_coordinates_name_the_value(text: str, bad: str) -> None:
    with pytest.raises(InvalidCoordinateError, match=bad):
        ports.resolve(text)


def test_unknown_port_lists_close_matches() -> None:
    with pytest.raises(UnknownPortError) as info:
        ports.resolve("Shanghia")
    assert info.value.suggestions[0].startswith("Shanghai, China (CNSHA)")
    assert len(info.value.suggestions) <= 5
    assert "Shanghia" in str(info.value)


@pytest.mark.parametrize("query", ["", "   ", "Atlantis-on-Sea"])
def test_unknown_or_empty_query_raises(query: str) -> None:
    with pytest.raises(UnknownPortError):
        ports.resolve(query)


def test_ambiguous_name_asks_for_a_code_and_name_country_resolves() -> None:
    with pytest.raises(AmbiguousPortError, match="Victoria") as info:
        ports.resolve("Victoria")
    assert any("CAVIC" in c for c in info.value.candidates)
    assert ports.resolve("Victoria, Canada").locode == "CAVIC"
    assert ports.resolve("Portland, Australia").country == "Australia"


def test_portland_is_refused_with_oregon_and_maine_and_their_codes() -> None:
    """searoute lists Portland, Oregon under Maine's code USPWM; "Portland" picked it by a
    one-major-port rule. Four ports share the name and none is clearly meant."""
    with pytest.raises(AmbiguousPortError) as info:
        ports.resolve("Portland")
    text = str(info.value)
    for code in ("USPDX", "USPWM", "AUPTJ", "GBPTL"):
        assert f"({code})" in text
    assert "Portland (Or), United States (USPDX)" in info.value.candidates
    oregon, maine = ports.get("USPDX"), ports.get("USPWM")
    assert (round(oregon.lon, 2), round(oregon.lat, 2)) == (-122.71, 45.55)  # Columbia River
    assert (round(maine.lon, 2), round(maine.lat, 2)) == (-70.25, 43.66)  # Casco Bay
    assert "UN/LOCODE" in oregon.source
    assert ports.resolve("Portland (Me)").id == "USPWM"
    assert ports.resolve("Portland (Or)").id == "USPDX"
    with pytest.raises(AmbiguousPortError, match="USPDX"):
        ports.resolve("Portland, United States")


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("Victoria", {"CAVIC", "CMVCC"}),  # neither has liner services in searoute's data
        ("Santa Cruz", {"ARRZA", "ESSCT"}),  # also Santa Cruz de Tenerife (8 countries)
        ("San Pedro", {"CISPY", "SAN-PEDRO-BAY"}),
        ("Plymouth", {"MSPLY", "GBPLY", "USPYM"}),  # the terminal flag marks only Montserrat
        ("Portsmouth", {"DMPOR", "USPTM"}),
        ("Hamilton", {"BMBDA", "CAHAM", "NZHLZ"}),
        ("Cartagena", {"COCTG", "ESCAR"}),  # both served: 36 and 9 countries
        ("Manzanillo", {"PAMIT", "MXZLO", "DOMAN", "CUMZO"}),
    ],
)
def test_names_no_port_clearly_owns_are_refused_with_every_code(name: str, codes: set[str]) -> None:
    with pytest.raises(AmbiguousPortError) as info:
        ports.resolve(name)
    assert codes <= set(info.value.codes)
    locodes = {c for c in codes if "-" not in c}  # a UN/LOCODE is shown; an internal id never
    assert all(any(f"({c})" in cand for cand in info.value.candidates) for c in locodes)
    assert not any("-" in c and c in str(info.value) for c in codes)
    assert name in str(info.value) and "UN/LOCODE" in str(info.value)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Hamburg", "DEHAM"),  # named by this project (汉堡)
        ("Vancouver", "CAVAN"),  # named by this project (温哥华)
        ("Yangshan", "CNSHA-YANGSHAN"),  # the corridor's own
        ("Kingston", "JMKIN"),  # 43 countries served; the other three Kingstons none
        ("Georgetown", "GYGEO"),  # 7 countries; the other six none
        ("Sydney", "AUSYD"),
        ("Newport", "USEFK"),  # the only Newport; Newport News is another name
    ],
)
def test_a_shared_name_resolves_when_one_port_is_clearly_meant(name: str, code: str) -> None:
    assert ports.resolve(name).id == code


def test_search_ranks_exact_then_prefix() -> None:
    found = ports.search("long beach")
    assert found[0].locode == "USLGB"
    assert all(
        "long" in p.name.lower() or "long" in p.country.lower() for p in ports.search("long")
    )
    assert ports.search("   ") == []


def test_every_correction_applies_to_the_searoute_entry_at_its_point() -> None:
    import json

    from geo.catalogue.corrections import corrections

    with ports._searoute_ports_path().open(encoding="utf-8") as fh:
        features = json.load(fh)["features"]
    entries = {
        (str(f["properties"]["port"]).upper(), str(f["properties"]["name"])): f["geometry"][
            "coordinates"
        ]
        for f in features
    }
    assert corrections()
    for key, fix in corrections().items():
        assert key in entries, key
        lon, lat = entries[key][:2]
        assert abs(lon - fix.lon) < 0.01 and abs(lat - fix.lat) < 0.01, key
        port = ports.get(fix.locode)
        assert (port.name, round(port.lon, 4)) == (fix.name, round(lon, 4))


def test_search_by_country_in_english_or_chinese_lists_that_country_known_ports_first() -> None:
    from geo.catalogue.search import count

    for query in ("中国", "China", "中國"):
        found = ports.search(query, limit=8)
        assert [p.id for p in found[:2]] == ["CNSHA", "CNSHA-YANGSHAN"], query
        assert all((p.locode or "")[:2] == "CN" for p in found), query
    us = [p.id for p in ports.search("美国", limit=12)]
    assert {"USLAX", "USLGB", "SAN-PEDRO-BAY"} <= set(us)
    assert count("美国") == count("United States") > 100
    assert ports.search("South Korea", limit=1)[0].id == "KRPUS"  # CLDR's English name


def test_a_longer_name_competes_only_with_an_exact_port_of_no_note() -> None:
    assert ports.resolve("London").id == "GBLON"  # London Gateway Port is another name
    with pytest.raises(AmbiguousPortError, match="ESSCT"):
        ports.resolve("Santa Cruz")  # Santa Cruz, Argentina: no liner service, not flagged


@pytest.mark.parametrize(
    "shared",
    [
        "Portland",
        "波特兰",
        "奥克兰",
        "Manzanillo",
        "曼萨尼约",
        "Victoria",
        "San Pedro",
        "Santa Cruz",
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_candidate_an_ambiguity_lists_resolves_to_its_port(shared: str, lang: str) -> None:
    """What the error lists ("Portland (Or), United States (USPDX)", "波特兰（俄勒冈州），美国
    （USPDX）"), with or without its code, is the port it names, nothing else."""
    with pytest.raises(AmbiguousPortError) as err:
        ports.resolve(shared)
    assert len(err.value.codes) >= 2
    for code in err.value.codes:
        listed = ports.describe(ports.get(code), lang)
        bare = listed.rsplit("（" if lang == "zh" else " (", 1)[0]
        assert ports.resolve(listed).id == code, listed
        assert ports.resolve(bare).id == code, bare


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Portland (Or), United States", "USPDX"),
        ("Portland (Me), United States", "USPWM"),
        ("波特兰（俄勒冈州），美国", "USPDX"),
        ("波特兰（缅因州），美国", "USPWM"),
        ("波特兰（俄勒冈州），美国（USPDX）", "USPDX"),
        ("Portland, Australia (AUPTJ)", "AUPTJ"),
        ("奥克兰，美国", "USOAK"),
    ],
)
def test_name_region_and_country_together_pick_one(typed: str, expected: str) -> None:
    assert ports.resolve(typed).id == expected


def test_a_code_in_brackets_must_belong_to_the_name_before_it() -> None:
    with pytest.raises(AmbiguousPortError):
        ports.resolve("Portland (CNSHA)")
