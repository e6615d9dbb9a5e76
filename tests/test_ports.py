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
    with pytest.raises(AmbiguousPortError, match="Kingston") as info:
        ports.resolve("Kingston")
    assert any("JMKIN" in c for c in info.value.candidates)
    assert ports.resolve("Kingston, Jamaica").locode == "JMKIN"
    assert ports.resolve("Portland, Australia").country == "Australia"


def test_a_shared_name_prefers_the_only_major_port() -> None:
    assert ports.resolve("Hamburg").locode == "DEHAM"
    assert ports.resolve("Vancouver").locode == "CAVAN"


def test_search_ranks_exact_then_prefix() -> None:
    found = ports.search("long beach")
    assert found[0].locode == "USLGB"
    assert all(
        "long" in p.name.lower() or "long" in p.country.lower() for p in ports.search("long")
    )
    assert ports.search("   ") == []
