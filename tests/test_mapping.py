"""Map builder: layers present, labels escaped, local assets only, deterministic, continuous."""

from __future__ import annotations

import itertools
import re

import pytest
from jinja2.utils import htmlsafe_json_dumps

from geo.present.text import esc
from geo.present.view import LaneView, build_view
from geo.render.folium import assets, mapping

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "${alert(1)}",
    "`backtick`",
    "a\\b",
    "\"quoted\" 'single'",
]


@pytest.fixture(scope="module")
def view() -> LaneView:
    return build_view("Shanghai", "San Pedro Bay")


@pytest.fixture(scope="module")
def html(view: LaneView) -> str:
    return mapping.full_map(view).get_root().render()


@pytest.mark.parametrize("text", HOSTILE)
def test_esc_neutralises_html_and_template_literals(text: str) -> None:
    out = esc(text)
    for ch in "<>\"'`$\\":
        assert ch not in out
    assert "&" not in out.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "").replace(
        "&quot;", ""
    ).replace("&#x27;", "").replace("&#x60;", "").replace("&#x24;", "").replace("&#x5C;", "")


def test_map_has_every_layer_and_control(html: str) -> None:
    for needle in (
        "Regulatory zones",
        "Segments by zone",
        "Port labels",
        "lane-route",
        "lane-segment",
        "port-marker",
        "L.control.scale",
        "L.control.fullscreen",
        "L.Control.Measure",
        "L.Control.MiniMap",
        "L.control.layers",
        "lane-legend",
    ):
        assert needle in html, needle


def test_lane_is_labelled_with_its_sourced_trade_value(view: LaneView, html: str) -> None:
    assert view.lane.headline is not None
    assert "lane-trade-label" in html
    assert str(htmlsafe_json_dumps(esc(mapping.lane_label(view))))[1:-1] in html
    assert "US$300 B" in mapping.lane_label(view)
    assert mapping.lane_weight(view) > 3.0


def test_port_popups_carry_teu_years_and_sources(html: str) -> None:
    assert "Container volume" in html
    assert "9,881,595 TEU (2025)" in html  # Long Beach 2025
    assert "freightwaves.com" in html  # the source link of LA's TEU
    assert 'target=\\"_blank\\"' in html or 'target="_blank"' in html


def test_segment_tooltips_give_name_nm_hours_and_rules(html: str) -> None:
    assert "North American ECA" in html
    assert re.search(r"[\d,]+ nm · [\d,.]+ h", html)
    assert "0.10" in html  # ECA sulphur limit in the rules


def test_route_is_continuous_in_one_pacific_window(view: LaneView) -> None:
    assert view.window_west_deg == 0.0
    m = mapping.build_map(view)
    lines = [
        el.locations
        for el in assets.walk_elements(m)
        if isinstance(el, mapping.folium.PolyLine) and "lane-route" in str(el.options)
    ]
    assert lines
    for line in lines:
        lons = [lon for _, lon in line]
        assert all(0 <= lon < 360 for lon in lons)
        assert all(abs(b - a) < 30 for a, b in itertools.pairwise(lons))
        assert lons[0] < 180 < lons[-1]  # Shanghai west of 180, Los Angeles east of it


def test_hostile_custom_label_is_shown_as_text(view: LaneView) -> None:
    for label in HOSTILE[:3]:
        out = mapping.full_map(view, mapping.MapOptions(label=label)).get_root().render()
        assert label not in out
        assert str(htmlsafe_json_dumps(esc(label)))[1:-1] in out


def test_standalone_html_uses_local_assets_only(view: LaneView) -> None:
    out = mapping.standalone_html(view)
    assert assets.external_asset_urls(out) == []
    assert "cdn.jsdelivr" not in out and "unpkg.com" not in out and "cdnjs" not in out
    assert "L.Map" in out or "L.map" in out


def test_base_map_is_deterministic_and_does_not_depend_on_speed(view: LaneView) -> None:
    slow = build_view("Shanghai", "San Pedro Bay", speed_kn=12)
    a = mapping.build_map(view).get_root().render()
    b = mapping.build_map(view).get_root().render()
    c = mapping.build_map(slow).get_root().render()
    assert a == b == c
    seg_fast = mapping.segments_layer_for_app(view)
    seg_slow = mapping.segments_layer_for_app(slow)
    assert _group_js(seg_fast) != _group_js(seg_slow)


def _group_js(group: mapping.folium.FeatureGroup) -> str:
    m = mapping.folium.Map(tiles=None)
    group.add_to(m)
    return m.get_root().render()


def test_layers_can_be_switched_off(view: LaneView) -> None:
    out = mapping.build_map(view, mapping.MapOptions(layers=("route",))).get_root().render()
    assert "lane-route" in out
    assert "port-marker" not in out and "Regulatory zones" not in out


def test_online_basemap_is_optional_and_offline_is_default(view: LaneView, html: str) -> None:
    assert "arcgisonline" not in html
    online = mapping.build_map(view, mapping.MapOptions(basemap="online")).get_root().render()
    assert "arcgisonline" in online


def test_atlantic_lane_uses_the_normal_window() -> None:
    v = build_view("Rotterdam", "New York")
    assert v.window_west_deg == -180.0
    m = mapping.build_map(v)
    assert m.get_root().render()


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("US$333 B", "US\\$333 B"),
        ("*bold* [x](y)", "\\*bold\\* \\[x\\]\\(y\\)"),
        ("<b>", "\\<b\\>"),
    ],
)
def test_markdown_text_is_made_literal(text: str, shown: str) -> None:
    from geo.present.text import md

    assert md(text) == shown


def test_a_route_past_the_window_edge_keeps_its_port_segments_and_land_beside_it() -> None:
    # Shanghai → Rotterdam avoiding Suez runs east through Panama: its end lies past 360°.
    v = build_view("Shanghai", "Rotterdam", avoid=["suez"])
    route = v.display_routes().geometry.iloc[0]
    end_lon = route.coords[-1][0]
    assert end_lon > 360
    ports = v.display_ports().set_index("id")
    assert abs(ports.loc["NLRTM"].geometry.x - end_lon) < 2
    segs = v.display_segments()
    assert abs(segs.geometry.iloc[-1].coords[-1][0] - end_lon) < 1e-6
    assert segs.geometry.iloc[0].coords[0] == route.coords[0]
    land = mapping._land_geojson(v.window_west_deg, 0.05, mapping._beyond_window(v))
    east = mapping.shapely.geometry.shape(land["geometry"]).bounds[2]
    assert east > end_lon  # Europe is drawn again beside the route's end


def test_the_lane_label_sits_midway_and_reads_upright(view: LaneView) -> None:
    coords = list(view.display_routes().geometry.iloc[0].coords)
    lon, lat, angle = mapping.label_anchor(coords)
    assert -90 <= angle <= 90
    assert 160 < lon < 215 and 40 < lat < 55  # mid-Pacific, near the lane's crest
    # a westbound line gives the same upright reading
    assert mapping.label_anchor(coords[::-1])[2] == pytest.approx(angle, abs=0.2)
