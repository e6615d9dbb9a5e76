"""Honest routes: snapping across ±180°, warnings, short hops, degenerate input, the drawn lane."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from pyproj import Geod

from geo.catalogue import ports, sealanes
from geo.errors import (
    GeoError,
    InvalidCoordinateError,
    OffNetworkError,
    SameEndpointsError,
)
from geo.routing import engine as routing
from geo.routing import network
from geo.routing.geodesy import distance_nm, line_length_nm

GEOD = Geod(ellps="WGS84")


def brute_nearest_nm(lon: float, lat: float) -> float:
    nodes = np.array([n for n, nbrs in network.restricted_network(()).adjacency() if nbrs])
    _, _, metres = GEOD.inv(np.full(len(nodes), lon), np.full(len(nodes), lat), *nodes.T)
    return float(np.min(metres)) / 1852.0


@pytest.mark.parametrize(
    ("lon", "lat"), [(179.95, 50.3), (179.95, 55.0), (-179.95, 52.5), (179.99, -16.0)]
)
def test_snapping_finds_the_nearest_node_across_the_seam(lon: float, lat: float) -> None:
    [(node, nm)] = network.nearest_nodes((lon, lat), (), 1)
    assert nm == pytest.approx(brute_nearest_nm(lon, lat), abs=1e-6)
    assert nm == pytest.approx(distance_nm((lon, lat), node))


def test_a_point_at_179_95_snaps_to_a_node_across_the_seam() -> None:
    # 179.95°E 23.5°N: a node lies 62 nm away at 179.28°W; the nearest west of 180° is 277 nm
    [(node, nm)] = network.nearest_nodes((179.95, 23.5), (), 1)
    assert node == (-179.2756, 24.2531)
    assert 60 < nm < 64
    r = routing.route("179.95,23.5", "Rotterdam")  # the direct geodesic crosses Asia
    assert r.origin_snap_nm == pytest.approx(nm)


def test_snap_distances_are_carried_and_measure_the_snap_legs() -> None:
    r = routing.route("Shanghai", "Los Angeles")
    assert r.origin_snap_nm == pytest.approx(17.0, abs=0.5)  # North Channel pilot → lane
    assert r.destination_snap_nm == pytest.approx(2.8, abs=0.5)
    assert r.warnings == ()


def test_a_point_in_the_sahara_is_routed_with_warnings_or_refused_when_strict() -> None:
    r = routing.route("0,25", "Rotterdam")
    assert r.origin_snap_nm > 500
    assert [(w.kind, w.end) for w in r.warnings] == [
        ("on_land", "origin"),
        ("far_from_network", "origin"),
    ]
    assert any("on land" in w.message() for w in r.warnings)
    assert any("from the nearest sea lane" in str(w) for w in r.warnings)
    assert r.warnings[1].distance_nm == pytest.approx(r.origin_snap_nm)
    with pytest.raises(OffNetworkError, match=r"25\.000°N 0\.000°E") as refused:
        routing.route("0,25", "Rotterdam", strict=True)
    assert refused.value.warnings == r.warnings
    assert refused.value.limit_nm == sealanes.limits().far_from_network_nm


def test_an_inland_catalogue_city_is_flagged() -> None:
    duisburg = ports.resolve("DEDUI")
    assert sealanes.far_from_sea_lanes(duisburg)
    assert sealanes.sea_lane_distance_nm(duisburg) > sealanes.limits().far_from_network_nm
    r = routing.route("DEDUI", "Rotterdam")
    assert any("Duisburg (DEDUI)" in w.message() for w in r.warnings)
    assert {w.end for w in r.warnings} == {"origin"} and r.warnings[0].port.id == "DEDUI"
    with pytest.raises(OffNetworkError):
        routing.route("DEDUI", "Rotterdam", strict=True)


@pytest.mark.parametrize("code", ["CNSHA", "USLAX", "USLGB", "NLRTM", "SGSIN", "BEANR"])
def test_sea_ports_are_not_flagged(code: str) -> None:
    port = ports.resolve(code)
    assert not sealanes.far_from_sea_lanes(port)
    assert routing.route(port, "Busan" if code != "KRPUS" else "Tokyo").warnings == ()


def test_short_hops_stay_short() -> None:
    hop = routing.route("122.425,31.122", "122.43,31.125")
    assert 0.25 < hop.distance_nm < 0.35  # not 33.8 nm via the network
    assert hop.distance_nm == pytest.approx(hop.great_circle_nm)
    la_lb = routing.route("Los Angeles", "Long Beach")
    # Angels Gate → Queen's Gate straight across San Pedro Bay: 3.3 nm (4.0 nm via the network)
    assert 3.0 < la_lb.distance_nm < 4.5
    assert la_lb.distance_nm == pytest.approx(la_lb.great_circle_nm)
    assert la_lb.origin_snap_nm == la_lb.destination_snap_nm == 0.0
    assert la_lb.distance_nm == pytest.approx(
        routing.route("Long Beach", "Los Angeles").distance_nm
    )


@pytest.mark.parametrize(
    ("origin", "destination"), [("Rotterdam", "Antwerp"), ("Hamburg", "Bremerhaven")]
)
def test_a_short_hop_across_land_uses_the_network(origin: str, destination: str) -> None:
    # 42 nm over Zeeland, 50 nm over Lower Saxony in a straight line; longer by sea
    r = routing.route(origin, destination)
    assert r.distance_nm > 1.5 * r.great_circle_nm


@pytest.mark.parametrize(("origin", "destination"), [("180,52", "-180,52"), ("-180,52", "180,52")])
def test_the_same_point_across_the_seam_is_the_same_point(origin: str, destination: str) -> None:
    with pytest.raises(SameEndpointsError, match="same place"):
        routing.route(origin, destination)


@pytest.mark.parametrize("pole", ["0,-90", "0,90", "120,90"])
def test_a_pole_is_a_clear_error(pole: str) -> None:
    with pytest.raises(InvalidCoordinateError, match="Pole") as info:
        routing.route(pole, "Rotterdam")
    assert isinstance(info.value, GeoError)
    assert "latitude" in str(info.value)


def test_the_trans_pacific_lane_has_no_notch_at_the_seam() -> None:
    r = routing.route("Shanghai", "Los Angeles")
    seam = [c for c in r.coords if abs(c[0] - 180.0) < 1e-9]
    assert seam == []  # the network's 180°/50° N node is no longer a vertex
    # no V: the heading never turns by more than 30° between consecutive drawn points mid-ocean
    mid = [c for c in r.coords if 170 < c[0] < 190]
    azimuths = [GEOD.inv(*a, *b)[0] for a, b in itertools.pairwise(mid)]
    turns = [abs((b - a + 180) % 360 - 180) for a, b in itertools.pairwise(azimuths)]
    assert max(turns) < 30


def test_legs_are_densified_geodesics_and_the_distance_is_their_length() -> None:
    r = routing.route("Shanghai", "Rotterdam")
    step = sealanes.limits().densify_step_nm
    legs = [distance_nm(a, b) for a, b in itertools.pairwise(r.coords)]
    assert max(legs) <= step + 1e-6
    assert r.distance_nm == line_length_nm(r.coords)
    assert r.distance_nm == pytest.approx(sum(legs))


def test_strict_changes_nothing_for_a_clean_route() -> None:
    assert routing.route("Shanghai", "Los Angeles", strict=True) is routing.route(
        "Shanghai", "Los Angeles"
    )
