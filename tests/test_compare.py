"""Compare lanes: the model (figures, order, differences, errors), its URL state, the
multi-lane map (every lane, local assets only, continuous past 180°) and the page (AppTest)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.catalogue import ports
from geo.errors import GeoError, UnknownPassageError, UnknownPortError
from geo.present import compare, compare_url, portlabels
from geo.present.model import present
from geo.present.view import build_view
from geo.render.folium import assets
from geo.render.folium.compare import compare_map, legend_html
from geo.render.folium.standalone import external_asset_urls, render_standalone_html
from geo.routing import engine

ROOT = Path(__file__).resolve().parents[1]
PAGE = str(ROOT / "app_pages" / "compare_lanes.py")
#: Asia to Europe with Suez, Panama, the Cape and both ways round South America closed.
BLOCKED = ("cape_horn", "magellan", "panama", "south_africa", "suez")


@pytest.fixture(scope="module")
def pairs() -> compare.Comparison:
    return compare.compare_pairs(compare_url.DEFAULT_ORIGINS, compare_url.DEFAULT_DESTS)


@pytest.fixture(scope="module")
def avoid() -> compare.Comparison:
    return compare.compare_avoidance(
        "CNSHA", "NLRTM", ["none", "suez", "panama,suez", "suez,south_africa"]
    )


# --------------------------------------------------------------------------- the model


def test_every_pair_is_measured_by_route_and_sorted_shortest_first(
    pairs: compare.Comparison,
) -> None:
    assert len(pairs.rows) == 12
    assert [r.number for r in pairs.rows] == list(range(1, 13))
    lengths = [r.distance_nm for r in pairs.rows]
    assert lengths == sorted(lengths)  # type: ignore[type-var]
    for r in pairs.rows:
        same = engine.route(r.origin, r.destination, speed_kn=18)
        assert r.distance_nm == same.distance_nm
        assert r.days == same.duration_days
    assert {(r.origin.id, r.destination.id) for r in pairs.rows} == set(
        itertools.product(compare_url.DEFAULT_ORIGINS, compare_url.DEFAULT_DESTS)
    )


def test_differences_are_to_the_shortest_lane(pairs: compare.Comparison) -> None:
    best = pairs.rows[0]
    assert pairs.shortest is best and best.delta_nm == 0.0 and best.delta_days == 0.0
    for r in pairs.rows:
        assert r.delta_nm == pytest.approx(r.distance_nm - best.distance_nm)  # type: ignore[operator]
        assert r.delta_days == pytest.approx(r.days - best.days)  # type: ignore[operator]


def test_the_table_is_formatted_without_spurious_decimals(pairs: compare.Comparison) -> None:
    table = pairs.table()
    assert list(table.columns) == [
        "#",
        "Origin",
        "Destination",
        "Distance (nm)",
        "Days at 18 kn",
        "Δ nm",
        "Δ days",
        "CO₂ per voyage (t)",
        "Passages",
    ]
    first = table.iloc[0]
    assert first["Δ nm"] == "shortest" and first["Δ days"] == "—"
    for _, row in table.iloc[1:].iterrows():
        assert re.fullmatch(r"\d{1,2}(,\d{3})*", row["Distance (nm)"])
        assert re.fullmatch(r"\d+\.\d", row["Days at 18 kn"])
        assert re.fullmatch(r"\+\d{1,3}(,\d{3})*|0", row["Δ nm"])
        assert re.fullmatch(r"\+\d+\.\d|0", row["Δ days"])
    shanghai_la = table[(table["Origin"] == "Shanghai") & (table["Destination"] == "Los Angeles")]
    expected = engine.route("CNSHA", "USLAX", speed_kn=18)
    assert shanghai_la["Distance (nm)"].item() == f"{expected.distance_nm:,.0f}"
    assert shanghai_la["Days at 18 kn"].item() == f"{expected.duration_days:,.1f}"


def test_co2_is_the_lane_pages_voyage_figure() -> None:
    cmp = compare.compare_pairs(["CNSHA"], ["USLAX"], speed_kn=14)
    pres = present(build_view("CNSHA", "USLAX", speed_kn=14))
    assert cmp.table()["CO₂ per voyage (t)"].item() == pres.metric("co2").value.removesuffix(" t")
    assert cmp.rows[0].co2_t == pytest.approx(pres.view.emissions().co2_ttw_t)


def test_the_speed_changes_days_and_co2_not_miles() -> None:
    slow = compare.compare_pairs(["CNSHA"], ["USLAX"], speed_kn=12)
    fast = compare.compare_pairs(["CNSHA"], ["USLAX"], speed_kn=24)
    assert slow.rows[0].distance_nm == fast.rows[0].distance_nm
    assert slow.rows[0].co2_t < fast.rows[0].co2_t  # type: ignore[operator]
    assert slow.rows[0].days == pytest.approx(2 * fast.rows[0].days)  # type: ignore[operator]
    assert "Days at 12 kn" in slow.table().columns


def test_an_alias_stands_for_its_member_ports() -> None:
    cmp = compare.compare_pairs(["Shanghai"], ["San Pedro Bay"])
    assert {r.destination.id for r in cmp.rows} == {"USLAX", "USLGB"}


def test_avoidance_sets_send_the_lane_round_suez_panama_and_the_cape(
    avoid: compare.Comparison,
) -> None:
    by_set = {r.avoid: r for r in avoid.rows}
    assert "suez" in by_set[()].route.passages  # type: ignore[union-attr]
    assert by_set[("suez",)].route.passages  # type: ignore[union-attr] == ("panama",)
    assert "south_africa" in by_set[("panama", "suez")].route.passages  # type: ignore[union-attr]
    assert avoid.rows[0].avoid == ()  # Suez is the shortest way to Europe
    table = avoid.table()
    assert "Avoiding" in table.columns
    # avoiding the Cape as well as Suez gives the very Panama lane: the table says so
    twin = table[table["Avoiding"] == "Avoid Cape of Good Hope + Suez Canal"]
    assert twin["Passages"].item().endswith(f"(same lane as #{by_set[('suez',)].number})")


def test_a_lane_with_no_route_is_a_row_with_the_reason_listed_last() -> None:
    cmp = compare.compare_avoidance("CNSHA", "NLRTM", [",".join(BLOCKED), "none"])
    last = cmp.rows[-1]
    assert last.route is None and last.avoid == tuple(sorted(BLOCKED))
    assert "no sea route" in last.reason and last.delta_nm is None
    row = cmp.table().iloc[-1]
    assert row["Distance (nm)"] == "no route" and row["Δ nm"] == "—"
    assert "no sea route" in row["Passages"]
    assert cmp.shortest is cmp.rows[0] and cmp.rows[0].route is not None
    assert cmp.display_coords(last) == []
    assert "no route" in legend_html(cmp)


def test_no_lane_at_all_says_so() -> None:
    cmp = compare.compare_avoidance("CNSHA", "NLRTM", [",".join(BLOCKED)])
    assert cmp.shortest is None
    assert cmp.summary() == "No lane has a sea route with these choices."


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: compare.compare_pairs(["Shanghia"], ["USLAX"]), UnknownPortError, "Shanghai"),
        (lambda: compare.compare_pairs(["CNSHA"], []), compare.TooManyLanesError, "0 destin"),
        (
            lambda: compare.compare_pairs(
                ["CNSHA"], ["USLAX", "USLGB", "USOAK", "USSEA", "USTIW", "CAVAN", "USHNL"]
            ),
            compare.TooManyLanesError,
            "accepted: 1 to 6",
        ),
        (lambda: compare.compare_pairs(["CNSHA"], ["USLAX"], speed_kn=0), GeoError, "speed 0"),
        (
            lambda: compare.compare_avoidance("CNSHA", "NLRTM", ["warp"]),
            UnknownPassageError,
            "warp",
        ),
        (lambda: compare.compare_pairs(["CNSHA"], ["CNSHA"]), GeoError, "same port"),
    ],
)
def test_bad_choices_raise_errors_naming_the_value(call, error, words) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error, match=re.escape(words)):
        call()


def test_every_lane_looks_different_in_colour_blind_safe_colours(
    pairs: compare.Comparison,
) -> None:
    styles = [r.style for r in pairs.rows]
    assert len(set(styles)) == len(styles)
    assert {s.colour for s in styles} <= set(compare.LANE_COLOURS)
    # four destinations, three origins: the destination gives the colour
    assert pairs.colour_by == "destination"
    by_dest = {(r.destination.id, r.style.colour) for r in pairs.rows}
    assert len(by_dest) == 4
    colours, lines = pairs.legend()
    assert colours.heading == "Colour: destination" and len(colours.items) == 4
    assert lines.heading == "Line: origin" and len(lines.items) == 3


def test_lanes_are_continuous_in_one_pacific_window(pairs: compare.Comparison) -> None:
    assert pairs.window_west_deg == 0.0
    for r in pairs.rows:
        coords = pairs.display_coords(r)
        assert all(abs(b[0] - a[0]) < 180 for a, b in itertools.pairwise(coords))
        assert 100 < coords[0][0] < 140 and 230 < coords[-1][0] < 250  # Asia → America
    ports = {p.id: lon for p, (lon, _) in pairs.display_ports()}
    assert 240 < ports["USLAX"] < 243 and 121 < ports["CNSHA"] < 122


def test_a_port_reached_both_ways_round_the_world_is_shown_at_both_ends(
    avoid: compare.Comparison,
) -> None:
    rotterdam = [lon for p, (lon, _) in avoid.display_ports() if p.id == "NLRTM"]
    assert sorted(round(lon) for lon in rotterdam) == [4, 364]


# --------------------------------------------------------------------------- the URL


def test_url_state_round_trips_and_bad_values_fall_back_with_named_warnings() -> None:
    state, warnings = compare_url.parse_compare_state(
        {"origins": "CNSHA,Shanghia,KRPUS", "dests": "USLAX", "speed": "warp\x1b[31m"}
    )
    assert state.origins == ("CNSHA", "KRPUS") and state.dests == ("USLAX",)
    assert state.speed == 18.0
    text = " ".join(warnings)
    assert "'Shanghia'" in text and "Did you mean: Shanghai" in text
    assert "speed='warp[31m'" in text and "\x1b" not in text
    again, none = compare_url.parse_compare_state(compare_url.to_query(state))
    assert again == state and none == []


def test_url_avoid_mode_keeps_good_sets_and_names_bad_ones() -> None:
    state, warnings = compare_url.parse_compare_state(
        {"mode": "avoid", "origin": "CNSHA", "dest": "NLRTM", "sets": "none;suez;bogus;cape,suez"}
    )
    assert state.mode == "avoid"
    assert state.sets == ((), ("suez",), ("south_africa", "suez"))
    assert warnings == [
        "URL sets: 'bogus' ignored: unknown passage 'bogus'; accepted: "
        + ", ".join(engine.PASSAGES)
    ]
    assert compare_url.to_query(state)["sets"] == "none;suez;south_africa,suez"
    _, warnings = compare_url.parse_compare_state({"mode": "fly", "origins": "Atlantis"})
    assert any("mode='fly'" in w for w in warnings)
    assert any("'Atlantis'" in w for w in warnings)


# --------------------------------------------------------------------------- the map


def test_the_map_draws_every_lane_port_and_legend_row(pairs: compare.Comparison) -> None:
    html = compare_map(pairs).get_root().render()
    assert html.count("compare-lane") == len(pairs.rows)
    for r in pairs.rows:
        assert f"{r.number} · {r.origin.name} → {r.destination.name}" in html
    for name in ("Shanghai", "Ningbo", "Busan", "Los Angeles", "Long Beach", "Oakland"):
        assert name in html
    assert "Colour: destination" in html and "Line: origin" in html
    assert '"dashArray": "10 7"' in html  # the second origin's lanes are dashed
    assert 'worldCopyJump": false' in html


def test_the_map_is_deterministic(pairs: compare.Comparison) -> None:
    assert compare_map(pairs).get_root().render() == compare_map(pairs).get_root().render()


def test_the_map_loads_local_assets_only(pairs: compare.Comparison, tmp_path: Path) -> None:
    m = compare_map(pairs)
    assets.localise_for_streamlit(m, tmp_path / "static", bundle_js=True)
    html = m.get_root().render()
    assert external_asset_urls(html) == []
    assert f"{assets.DEFAULT_URL_PREFIX}/bundle-" in html
    assert external_asset_urls(render_standalone_html(compare_map(pairs))) == []


# --------------------------------------------------------------------------- the page


def run(**params: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=180)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_page_shows_the_default_comparison() -> None:
    at = run()
    assert at.title[0].value == "Compare lanes: 3 origins × 4 destinations"
    assert not at.warning and not at.error
    table = at.table[0].value
    assert len(table) == 12
    row = table[(table["Origin"] == "Shanghai") & (table["Destination"] == "Los Angeles")]
    expected = engine.route("CNSHA", "USLAX", speed_kn=18)
    assert row["Distance (nm)"].item() == f"{expected.distance_nm:,.0f}"
    assert row["Days at 18 kn"].item() == f"{expected.duration_days:,.1f}"
    assert at.query_params["origins"] in ("CNSHA,CNNGB,KRPUS", ["CNSHA,CNNGB,KRPUS"])


def test_the_page_reproduces_a_url_and_warns_about_bad_values() -> None:
    at = run(
        mode="avoid",
        origin="CNSHA",
        dest="NLRTM",
        sets=f"none;{','.join(BLOCKED)};<b>x</b>",
        speed="12",
    )
    assert at.title[0].value == "Compare lanes: Shanghai → Rotterdam, 1 avoidance set"  # 1 routed
    table = at.table[0].value
    expected = engine.route("CNSHA", "NLRTM", speed_kn=12)
    assert table["Distance (nm)"].tolist() == [f"{expected.distance_nm:,.0f}", "no route"]
    assert table["Days at 12 kn"].iloc[0] == f"{expected.duration_days:,.1f}"
    warning = " ".join(w.value for w in at.warning)
    assert "\\<b\\>x\\</b\\>" in warning  # named, and escaped for markdown
    assert at.sidebar.slider[0].value == 12.0


def test_the_page_shows_an_error_not_a_traceback_when_no_port_is_left() -> None:
    at = run(origins="CNSHA")
    at.sidebar.multiselect[0].set_value([]).run()
    assert not at.exception
    assert "0 origins given" in at.error[0].value


def test_switching_to_avoidance_sets_in_the_sidebar_updates_table_and_url() -> None:
    at = run()
    at.sidebar.radio(key="cmp-mode").set_value("avoid").run()
    assert not at.exception
    assert at.title[0].value == "Compare lanes: Shanghai → Rotterdam, 3 avoidance sets"
    assert at.table[0].value["Avoiding"].tolist()[0] == "No avoidance"
    assert at.query_params["mode"] in ("avoid", ["avoid"])


# --------------------------------------------------------------------------- port names


def test_a_picker_option_reads_as_on_the_lane_page() -> None:
    """One convention for a port picker's option: in Chinese the Chinese name first, then the
    catalogue's name and its other names, the country in Chinese, the code."""
    seattle = ports.get("USSEA")
    assert portlabels.picker_label(seattle, "zh") == "西雅图 Seattle (Wa)，美国（USSEA）"
    assert portlabels.picker_label(seattle, "en") == "Seattle (Wa), United States (USSEA)"
    assert portlabels.picker_label(ports.get("KRPUS"), "zh") == "釜山 Busan · Pusan，韩国（KRPUS）"
    ids, labels = portlabels.picker_labels("zh")
    assert ids[0] == "CNSHA" and set(ids) == set(labels)


def test_the_compare_pickers_name_ports_as_the_lane_page_does() -> None:
    """Issue 11 (fresh-user trial): the compare page's chips read "西雅图 Seattle (Wa)
    (USSEA)" where the lane page's picker reads "西雅图 Seattle (Wa), 美国 (USSEA)"; both
    pages now label every default port alike, and every other label names it in Chinese."""
    lane_page = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    lane_page.query_params["lang"] = "zh"
    lane_page.run()
    assert not lane_page.exception
    cmp_page = run(lang="zh")
    main = lane_page.sidebar.selectbox[0]
    origins = cmp_page.sidebar.multiselect(key="cmp-origins")
    dests = cmp_page.sidebar.multiselect(key="cmp-dests")
    for picker in (origins, dests):
        for port in picker.value:
            assert picker.format_func(port) == main.format_func(port), port
    assert dests.format_func("USSEA") == "西雅图 Seattle (Wa)，美国（USSEA）"
    table = cmp_page.table[0].value
    assert set(table["目的港"]) == {"洛杉矶", "长滩", "奥克兰", "西雅图"}
    assert "Seattle" not in cmp_page.title[0].value + cmp_page.markdown[0].value
