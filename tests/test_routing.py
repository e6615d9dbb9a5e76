"""Route engine: invariants, validation, errors and thread-safety."""

from __future__ import annotations

import itertools
import math
from concurrent.futures import ThreadPoolExecutor

import pytest

from geo.errors import (
    InvalidCoordinateError,
    InvalidSpeedError,
    NoRouteError,
    SameEndpointsError,
    UnknownPassageError,
    UnknownPortError,
)
from geo.routing import engine as routing
from geo.routing.geodesy import line_length_nm


@pytest.fixture(scope="module")
def sha_lax() -> routing.Route:
    return routing.route("Shanghai", "Los Angeles")


def test_shanghai_los_angeles_is_a_plausible_pacific_crossing(sha_lax: routing.Route) -> None:
    r = sha_lax
    assert r.distance_nm >= r.great_circle_nm
    assert r.distance_nm <= 1.10 * r.great_circle_nm
    assert 5_600 < r.distance_nm < 6_000  # lane networks give 5,700–6,000 nm
    assert r.passages == ()
    # continuous across 180°: longitudes run east past 180 without a jump
    lons = [lon for lon, _ in r.coords]
    assert max(lons) > 180
    assert all(abs(b - a) < 180 for a, b in itertools.pairwise(lons))
    assert r.coords[0] == (122.425, 31.122)
    assert (r.coords[-1][0] - 360, r.coords[-1][1]) == pytest.approx((-118.251, 33.708))


def test_figures_are_consistent(sha_lax: routing.Route) -> None:
    r = sha_lax
    assert r.distance_nm == pytest.approx(line_length_nm(r.coords))
    assert r.distance_km == pytest.approx(r.distance_nm * 1.852)
    assert r.duration_h == pytest.approx(r.distance_nm / 18.0)
    assert r.great_circle_ratio == pytest.approx(r.distance_nm / r.great_circle_nm)
    assert 0 <= r.origin_snap_nm < 30 and 0 <= r.destination_snap_nm < 10
    assert all(-180 <= lon < 180 for lon, _ in r.wrapped_coords())


def test_speed_changes_duration_not_distance(sha_lax: routing.Route) -> None:
    slow = routing.route("Shanghai", "Los Angeles", speed_kn=12)
    assert slow.distance_nm == sha_lax.distance_nm
    assert slow.duration_h == pytest.approx(sha_lax.duration_h * 18 / 12)


def test_reverse_route_keeps_its_length(sha_lax: routing.Route) -> None:
    back = routing.route("Los Angeles", "Shanghai")
    assert back.distance_nm == pytest.approx(sha_lax.distance_nm, rel=0.01)


@pytest.mark.parametrize(
    ("origin", "destination"),
    [
        ("Shanghai", "Long Beach"),
        ("Singapore", "Rotterdam"),
        ("Santos", "Durban"),
        ("Yangshan", "Vancouver"),
    ],
)
def test_route_is_never_shorter_than_the_great_circle(origin: str, destination: str) -> None:
    r = routing.route(origin, destination)
    assert r.distance_nm >= r.great_circle_nm * (1 - 1e-9)


def test_shanghai_rotterdam_goes_by_suez_and_round_the_cape_when_told() -> None:
    base = routing.route("Shanghai", "Rotterdam")
    assert "suez" in base.passages
    assert 10_000 < base.distance_nm < 11_000
    no_suez = routing.route("Shanghai", "Rotterdam", avoid=["suez"])
    assert "suez" not in no_suez.passages
    assert no_suez.distance_nm - base.distance_nm > 2_000
    cape = routing.route("Shanghai", "Rotterdam", avoid="suez,panama")
    assert "south_africa" in cape.passages
    assert "panama" not in cape.passages and "suez" not in cape.passages
    assert min(lat for _, lat in cape.coords) < -34  # south of the Cape of Good Hope


def test_avoiding_every_way_out_raises_no_route() -> None:
    # Constanța is in the Black Sea: its only way out is the Bosporus.
    with pytest.raises(NoRouteError, match="Bosporus"):
        routing.route("ROCND", "Piraeus", avoid=["bosporus"])


@pytest.mark.parametrize("speed", [0, -5, 40.5, math.inf, math.nan, "fast", None, True])
def test_bad_speed_names_the_value(speed: object) -> None:
    with pytest.raises(InvalidSpeedError, match="knots"):
        routing.route("Shanghai", "Los Angeles", speed_kn=speed)  # type: ignore[arg-type]


@pytest.mark.parametrize("speed", [0.5, 40, "18"])
def test_good_speeds_are_accepted(speed: object) -> None:
    r = routing.route("Shanghai", "Los Angeles", speed_kn=speed)  # type: ignore[arg-type]
    assert r.speed_kn == float(speed)  # type: ignore[arg-type]


def test_unknown_passage_lists_the_valid_ones() -> None:
    with pytest.raises(UnknownPassageError) as info:
        routing.route("Shanghai", "Rotterdam", avoid=["suezz"])
    assert "suezz" in str(info.value)
    for name in routing.PASSAGES:
        assert name in str(info.value)


def test_passage_names_are_normalised() -> None:
    assert routing.normalise_avoid(" Suez, PANAMA ,,cape") == ("panama", "south_africa", "suez")
    assert routing.normalise_avoid(None) == ()
    assert routing.normalise_avoid(["northwest"]) == ()  # always avoided anyway


def test_same_origin_and_destination_is_rejected() -> None:
    with pytest.raises(SameEndpointsError, match="Shanghai"):
        routing.route("Shanghai", "cnsha")


def test_bad_places_are_rejected() -> None:
    with pytest.raises(UnknownPortError):
        routing.route("Shanghia", "Los Angeles")
    with pytest.raises(InvalidCoordinateError, match="latitude 95"):
        routing.route("121.5,95", "Los Angeles")


def test_coordinates_route_and_san_pedro_bay_alias() -> None:
    r = routing.route("122.425,31.122", "San Pedro Bay")
    assert r.origin.kind == "coordinates" and r.destination.kind == "alias"
    assert 5_600 < r.distance_nm < 6_000


def test_results_are_memoised(sha_lax: routing.Route) -> None:
    assert routing.route("Shanghai", "Los Angeles") is sha_lax
    assert routing.route("cnsha", "uslax", speed_kn=18.0, avoid=[]) is sha_lax


def test_concurrent_calls_with_different_avoid_sets_match_serial_calls() -> None:
    cases = [
        ("Shanghai", "Rotterdam", ()),
        ("Shanghai", "Rotterdam", ("suez",)),
        ("Shanghai", "Rotterdam", ("suez", "panama")),
        ("Singapore", "Hamburg", ("malacca",)),
        ("Shanghai", "Los Angeles", ()),
        ("Mumbai", "New York", ("suez",)),
        ("Mumbai", "New York", ()),
        ("KRPUS", "Santos", ("panama",)),
    ]
    routing.clear_caches()
    serial = [routing.route(o, d, avoid=a) for o, d, a in cases]
    routing.clear_caches()

    def run(case: tuple[str, str, tuple[str, ...]]) -> routing.Route:
        o, d, a = case
        return routing.route(o, d, avoid=a)

    for _ in range(3):
        routing.clear_caches()
        with ThreadPoolExecutor(max_workers=8) as pool:
            parallel = list(pool.map(run, cases))
        for s, p in zip(serial, parallel):
            assert p.coords == s.coords
            assert p.passages == s.passages
            assert p.distance_nm == s.distance_nm


def test_route_has_no_repeated_points(sha_lax: routing.Route) -> None:
    assert all(a != b for a, b in itertools.pairwise(sha_lax.coords))
