"""Avoided passages are never sailed: each passage is a gate, checked on every route."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.errors import NoRouteError, UnknownPassageError
from geo.routing import engine as routing
from geo.routing import network
from geo.routing import passages as gates
from geo.routing.geodesy import densify

# ~30 ports on every ocean, for the property test
WORLD_PORTS = (
    "NLRTM", "SGSIN", "CNSHA", "USLAX", "USNYC", "BRSSZ", "ZADUR", "AEJEA", "INBOM", "JPTYO",
    "AUSYD", "CLVAP", "ARBUE", "EGPSD", "GRPIR", "TRIST", "ROCND", "ESALG", "PABLB", "USSEA",
    "KRPUS", "LKCMB", "IDJKT", "NZAKL", "PECLL", "USHOU", "DEHAM", "MACAS", "KEMBA", "FJSUV",
)  # fmt: skip


def test_every_passage_has_a_gate_with_a_source_and_a_year() -> None:
    assert set(gates.PASSAGES) == {
        "babalmandab", "bering", "bosporus", "cape_horn", "gibraltar", "magellan", "malacca",
        "ormuz", "panama", "south_africa", "suez", "sunda",
    }  # fmt: skip
    for gate in gates.gates().values():
        assert gate.source and gate.year.isdigit()
        assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in gate.line.coords)
        assert network.gate_edges(gate.name), f"{gate.name} cuts no edge of the network"


def test_chili_is_split_into_magellan_and_cape_horn() -> None:
    assert routing.normalise_avoid("chili") == ("cape_horn", "magellan")
    assert "chili" not in routing.PASSAGES
    assert routing.PASSAGE_LABELS["magellan"] == "Strait of Magellan"
    with pytest.raises(UnknownPassageError, match="cape_horn"):
        routing.normalise_avoid("magelan")


def test_valparaiso_buenos_aires_uses_magellan_then_cape_horn_then_panama() -> None:
    direct = routing.route("CLVAP", "ARBUE")
    assert direct.passages == ("magellan",)
    horn = routing.route("CLVAP", "ARBUE", avoid="magellan")
    assert horn.passages == ("cape_horn",)
    assert min(lat for _, lat in horn.coords) < -55.9  # south of Cape Horn
    both = routing.route("CLVAP", "ARBUE", avoid="chili")
    assert both.passages == ("panama",)
    assert direct.distance_nm < horn.distance_nm < both.distance_nm


def test_rotterdam_singapore_without_suez_or_the_cape_goes_by_panama() -> None:
    # searoute's own tags let this lane round the Cape at 40° S (12,295 nm); the gate does not
    r = routing.route("NLRTM", "SGSIN", avoid="suez,south_africa")
    assert r.passages == ("panama",)
    assert not gates.crossed(r.coords, ["south_africa", "suez"])
    assert min(lat for _, lat in r.coords) > -12  # nowhere near the Cape
    assert 15_000 < r.distance_nm < 16_000


def test_rotterdam_singapore_default_passages_come_from_the_gates() -> None:
    r = routing.route("NLRTM", "SGSIN")
    assert r.passages == ("babalmandab", "gibraltar", "malacca", "suez")
    assert 8_200 < r.distance_nm < 8_600


def test_no_route_names_the_ports_and_the_passages() -> None:
    with pytest.raises(NoRouteError) as info:
        routing.route("ROCND", "Piraeus", avoid=["bosporus"])
    message = str(info.value)
    assert "Constanta (ROCND)" in message and "Piraeus (GRPIR)" in message
    assert "Bosporus" in message
    assert "28.69" not in message  # no raw node coordinates


def test_restricted_network_has_no_edge_across_an_avoided_gate() -> None:
    graph = network.restricted_network(["suez", "panama"])
    for name in ("suez", "panama"):
        for u, v in network.gate_edges(name):
            assert not graph.has_edge(u, v)
    assert network.restricted_network("panama,suez") is graph  # one copy per avoid set
    base = network.base_network()
    assert graph.number_of_edges() < base.number_of_edges()
    assert base.has_edge(*next(iter(network.gate_edges("suez"))))  # the base is untouched


def test_seam_edges_over_land_are_removed() -> None:
    over_land = network.seam_edges_over_land()
    assert frozenset({(-180, 80), (-180, 62.1)}) in {frozenset(edge) for edge in over_land}
    graph = network.restricted_network(())
    assert not any(graph.has_edge(u, v) for u, v in over_land)


def test_a_line_across_a_gate_in_the_unwrapped_window_is_seen() -> None:
    # the Bering Strait gate lies at -169°; an unwrapped line at +191° crosses its copy
    line = densify([(190.5, 64.5), (191.0, 67.0)], 25)
    assert gates.crossed(line) == ("bering",)
    assert gates.crossed([(190.5, 64.5)]) == ()


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    pair=st.sampled_from(list(itertools.combinations(WORLD_PORTS, 2))),
    avoid=st.sets(st.sampled_from(gates.PASSAGES), min_size=1, max_size=3),
)
def test_no_route_crosses_the_gate_of_a_passage_it_avoids(
    pair: tuple[str, str], avoid: set[str]
) -> None:
    try:
        r = routing.route(*pair, avoid=avoid)
    except NoRouteError:
        return
    assert not set(r.passages) & avoid
    assert gates.crossed(r.coords, avoid) == ()


def test_no_lane_slips_round_the_end_of_the_gibraltar_gate() -> None:
    """searoute has an edge that cuts across Cape Spartel, south of the IHO limit's end; the
    gate is carried on over land, so avoiding Suez and Gibraltar leaves the Mediterranean shut."""
    with pytest.raises(NoRouteError, match=r"Piraeus \(GRPIR\)"):
        routing.route("Shanghai", "Piraeus", avoid="suez,gibraltar")
