"""The matrix engine and ``python -m geo matrix``: agreement with route(), avoid sets, Dask."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
from distributed import LocalCluster

from geo.catalogue import ports
from geo.jobs import atlas
from geo.jobs.dask_runner import Scheduler, SchedulerError, parse_scheduler
from geo.routing import engine, matrix

CODES = ["CNSHA", "USLAX", "USLGB", "KRPUS", "JPYOK", "SGSIN", "NLRTM"]


@pytest.fixture(scope="module")
def matrix_csv(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("m") / "m.csv"
    code, stdout, err = run_main_plain(["matrix", *CODES, "--out", str(out)])
    assert code == 0, err
    assert "7×7" in stdout
    return pd.read_csv(out, index_col="origin")


def run_main_plain(argv: list[str]) -> tuple[int, str, str]:
    import contextlib
    import io

    from geo.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(argv, out=out)
    return code, out.getvalue(), err.getvalue()


def test_cli_matrix_agrees_with_route_for_every_pair(matrix_csv: pd.DataFrame) -> None:
    assert list(matrix_csv.columns) == CODES
    assert list(matrix_csv.index) == CODES
    for o in CODES:
        for d in CODES:
            if o == d:
                assert matrix_csv.loc[o, d] == 0.0
                continue
            expected = engine.route(o, d).distance_nm
            assert matrix_csv.loc[o, d] == pytest.approx(expected, rel=0.005), (o, d)
            assert abs(matrix_csv.loc[o, d] - expected) <= 0.0051  # the same path, to 0.01 nm


def test_matrix_is_symmetric_and_plausible(matrix_csv: pd.DataFrame) -> None:
    values = matrix_csv.to_numpy()
    np.testing.assert_allclose(values, values.T, rtol=1e-3)
    gc = {c: ports.resolve(c).route_coord for c in CODES}
    from geo.routing.geodesy import distance_nm

    for o in CODES:
        for d in CODES:
            if o != d:  # a sea route is never shorter than the great circle
                assert matrix_csv.loc[o, d] >= distance_nm(gc[o], gc[d]) - 0.1
    assert 5_600 < matrix_csv.loc["CNSHA", "USLAX"] < 6_000


def test_pairs_across_the_catalogue_agree_with_route() -> None:
    picks = [ports.resolve(c) for c in ["FJSUV", "USDUT", "NZAKL", "RUPKC", "BRSSZ", "ZADUR"]]
    picks += [ports.resolve("-150.5,10.2"), ports.resolve("San Pedro Bay")]
    table = matrix.distance_matrix(picks)
    for i, o in enumerate(picks):
        for j, d in enumerate(picks):
            if i != j:
                assert table[i, j] == pytest.approx(
                    engine.route(o, d).distance_nm, rel=1e-5, abs=1e-3
                )


@pytest.mark.parametrize(
    ("o", "d", "avoid"),
    [
        ("CNSHA", "NLRTM", ""),
        ("CNSHA", "USLAX", ""),  # across 180°: the seam node is dropped
        ("USLAX", "USLGB", ""),  # a short hop: the direct geodesic (≈ 3.3 nm)
        ("USDUT", "RUPKC", ""),  # a long direct hop over open water
        ("CLVAP", "ARBUE", ""),
        ("CLVAP", "ARBUE", "magellan"),
        ("CLVAP", "BRSSZ", "magellan,cape_horn"),
        ("CNSHA", "NLRTM", "suez,south_africa"),
    ],
)
def test_path_on_demand_is_route(o: str, d: str, avoid: str) -> None:
    origin, destination = ports.resolve(o), ports.resolve(d)
    theirs = engine.route(origin, destination, speed_kn=15, avoid=avoid)
    mine = matrix.sea_route(origin, destination, speed_kn=15, avoid=avoid)
    assert mine.coords == theirs.coords
    assert mine.passages == theirs.passages  # the gates the drawn line crosses
    assert mine.distance_nm == pytest.approx(theirs.distance_nm, rel=1e-12)
    assert mine.duration_days == pytest.approx(theirs.duration_days, rel=1e-12)
    assert (mine.origin_snap_nm, mine.destination_snap_nm) == (
        theirs.origin_snap_nm,
        theirs.destination_snap_nm,
    )
    tree = matrix.tree(origin, avoid=avoid)  # measured on the unrounded network nodes
    assert tree.distance_nm(destination) == pytest.approx(theirs.distance_nm, abs=0.001)


def test_passages_come_from_the_gates_the_line_crosses() -> None:
    plain = matrix.sea_route(ports.resolve("CLVAP"), ports.resolve("ARBUE"))
    around = matrix.sea_route(ports.resolve("CLVAP"), ports.resolve("ARBUE"), avoid="magellan")
    assert "magellan" in plain.passages
    assert "magellan" not in around.passages and "cape_horn" in around.passages
    assert around.distance_nm > plain.distance_nm


def test_short_and_seam_pairs_take_the_engines_shortcuts() -> None:
    la, lb = ports.resolve("USLAX"), ports.resolve("USLGB")
    table = matrix.distance_matrix([la, lb, ports.resolve("CNSHA")])
    hop = engine.route(la, lb)
    assert hop.origin_snap_nm == 0.0 and hop.distance_nm < 5  # route() sails direct
    assert table[0, 1] == pytest.approx(hop.distance_nm, rel=1e-9)
    pacific = engine.route("CNSHA", "USLAX")
    assert not any(engine.on_seam(lon) for lon, _ in pacific.coords)  # seam node dropped
    assert table[2, 0] == pytest.approx(pacific.distance_nm, rel=1e-9)


@pytest.mark.parametrize(
    "avoid", ["magellan", "cape_horn", "suez", "suez,south_africa", "panama", "malacca,sunda"]
)
def test_every_pair_agrees_with_route_under_an_avoid_set(avoid: str) -> None:
    picks = [ports.resolve(c) for c in [*CODES, "CLVAP", "ARBUE", "USNYC"]]
    table = matrix.distance_matrix(picks, avoid=avoid)
    plain = matrix.distance_matrix(picks)
    for i, o in enumerate(picks):
        for j, d in enumerate(picks):
            if i == j:
                assert table[i, j] == 0.0
                continue
            try:
                expected = engine.route(o, d, avoid=avoid).distance_nm
            except engine.NoRouteError:
                expected = math.inf
            assert table[i, j] == pytest.approx(expected, rel=1e-6), (avoid, o.id, d.id)
            assert table[i, j] >= plain[i, j] - 1e-6
    if avoid == "suez":  # Asia–Europe goes round the Cape
        assert table[0, 6] > plain[0, 6] + 1_000
    if avoid == "magellan":  # Valparaíso–Buenos Aires goes round the Horn
        assert table[7, 8] > plain[7, 8]


def test_unknown_port_exit_2_with_suggestion_and_the_rest_computed(tmp_path: Path) -> None:
    out = tmp_path / "m.parquet"
    code, _, err = run_main_plain(
        ["matrix", "CNSHA", "Pusann", "USLAX", "USSEA", "--out", str(out)]
    )
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "'Pusann'" in err and "KRPUS" in err
    table = pq.read_table(out).to_pandas().set_index("origin")
    assert list(table.columns) == ["CNSHA", "USLAX", "USSEA"]
    assert table.loc["USLAX", "CNSHA"] == pytest.approx(engine.route("USLAX", "CNSHA").distance_nm)


def test_ports_file_and_bad_options(tmp_path: Path) -> None:
    listing = tmp_path / "ports.txt"
    listing.write_text("# gateways\nShanghai\n\nNingbo\nUSLGB\n", encoding="utf-8")
    out = tmp_path / "m.csv"
    code, _, err = run_main_plain(["matrix", "--ports-file", str(listing), "--out", str(out)])
    assert code == 0, err
    assert out.read_text().splitlines()[0] == "origin,CNSHA,CNNGB,USLGB"
    for argv, needle in [
        (["matrix", "CNSHA", "USLAX", "--out", str(tmp_path / "m.xlsx")], "'.xlsx'"),
        (["matrix", "CNSHA", "USLAX", "--scheduler", "yarn", "--out", str(out)], "'yarn'"),
        (["matrix", "CNSHA", "USLAX", "--avoid", "atlantis", "--out", str(out)], "'atlantis'"),
        (["matrix", "--out", str(out)], "no ports given"),
    ]:
        code, _, err = run_main_plain(argv)
        assert code == 2 and needle in err and len(err.strip().splitlines()) == 1, err
    assert not list(tmp_path.glob(".*tmp*"))  # no half-written file left behind


def test_parse_scheduler() -> None:
    assert parse_scheduler(None) == Scheduler("inprocess")
    assert parse_scheduler("local:3") == Scheduler("local", workers=3)
    assert parse_scheduler("tcp://10.0.0.5:8786").address == "tcp://10.0.0.5:8786"
    for bad in ["local:0", "local:x", "http://h:1", "tcp://h"]:
        with pytest.raises(SchedulerError, match="local:N"):
            parse_scheduler(bad)


@pytest.fixture(scope="module")
def cluster() -> LocalCluster:
    with LocalCluster(
        processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None
    ) as c:
        yield c


def test_two_worker_cluster_gives_identical_matrix(cluster: LocalCluster) -> None:
    picks = [ports.resolve(c) for c in [*CODES, "USOAK", "USSEA", "CNNGB", "HKHKG", "AUSYD"]]
    picks += [p for p in ports.catalogue() if p.kind == "catalogue"][::400]
    here = atlas.matrix_job(picks)
    there = atlas.matrix_job(picks, scheduler=Scheduler("tcp", address=cluster.scheduler_address))
    assert len(picks) > atlas.ORIGINS_PER_TASK  # several tasks
    pd.testing.assert_frame_equal(here, there, check_exact=True)


def test_cli_local_cluster_writes_the_same_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    assert run_main_plain(["matrix", *CODES, "--out", str(a)])[0] == 0
    assert run_main_plain(["matrix", *CODES, "--scheduler", "local:2", "--out", str(b)])[0] == 0
    assert a.read_bytes() == b.read_bytes()
