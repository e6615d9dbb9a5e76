"""Map builder: it draws the presentation (layers, legend, lane label, custom label, extent),
escapes every text, loads local assets only, is deterministic and continuous past 180°."""

from __future__ import annotations

import itertools
import math
import re

import folium
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2.utils import htmlsafe_json_dumps

from geo.errors import GeoError
from geo.present import compare
from geo.present.model import LanePresentation, present
from geo.present.text import esc
from geo.present.view import LaneView, build_view
from geo.render.folium import assets, elements, geometry, mapping
from geo.render.folium import compare as compare_map_module
from geo.render.folium.standalone import external_asset_urls
from geo.render.templating import colour

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "${alert(1)}",
    "`backtick`",
    "a\\b",
    "\"quoted\" 'single'",
]


def shown(text: str) -> str:
    """How a text appears in the map page: escaped, then JSON-encoded into a script."""
    return str(htmlsafe_json_dumps(esc(text)))[1:-1]


@pytest.fixture(scope="module")
def view() -> LaneView:
    return build_view("Shanghai", "San Pedro Bay", as_of="2026-01-15")


@pytest.fixture(scope="module")
def pres(view: LaneView) -> LanePresentation:
    return present(view)


@pytest.fixture(scope="module")
def html(pres: LanePresentation) -> str:
    return mapping.full_map(pres).get_root().render()


def legend_of(html: str) -> str:
    """The legend control's HTML (JSON-decoded from its script)."""
    found = re.search(r'div\.innerHTML = ("(?:[^"\\]|\\.)*");\s*var folded', html)
    assert found, "no legend control"
    import json

    return str(json.loads(found.group(1)))


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


def test_lane_is_labelled_and_sized_from_the_presentation(
    pres: LanePresentation, html: str
) -> None:
    assert "US$300 B" in pres.lane_label
    assert "lane-trade-label" in html
    assert shown(pres.lane_label) in html
    assert f'"weight": {pres.lane_weight_px + 4}' in html


def test_legend_is_the_presentations_legend_only(
    view: LaneView, pres: LanePresentation, html: str
) -> None:
    legend = legend_of(html)
    for item in pres.legend:
        assert esc(item.label) in legend, item.label
    assert legend.count('class="row') == len(pres.legend)
    entered = {i.key for i in pres.legend if i.kind == "zone"}
    skipped = [
        (str(z), str(n))
        for z, n in zip(view.zones_gdf()["zone_id"], view.zones_gdf()["zone_name"])
        if str(z) not in entered
    ]
    assert skipped, "the fixture lane should pass by a zone it does not enter"
    for zone_id, name in skipped:
        assert f'data-zone="{zone_id}"' not in legend
        assert esc(name) not in legend


def test_port_popups_carry_teu_years_and_sources(html: str) -> None:
    assert "Container volume" in html
    assert "9.88 M TEU (2025)" in html  # Long Beach 2025 (9,881,595, to the nearest 10,000)
    assert "freightwaves.com" in html  # the source link of LA's TEU
    assert 'target="_blank"' in html


def test_segment_tooltips_give_name_nm_hours_and_rules(html: str) -> None:
    assert "North American ECA" in html
    assert re.search(r"[\d,]+ nm · [\d,.]+ h", html)
    assert "0.10" in html  # ECA sulphur limit in the rules


def test_route_is_continuous_in_one_pacific_window(pres: LanePresentation) -> None:
    assert pres.view.window_west_deg == 0.0
    m = mapping.build_map(pres)
    lines = [
        el.locations
        for el in assets.walk_elements(m)
        if isinstance(el, folium.PolyLine) and "lane-route" in str(el.options)
    ]
    assert lines
    for line in lines:
        lons = [lon for _, lon in line]
        assert all(0 <= lon < 360 for lon in lons)
        assert all(abs(b - a) < 30 for a, b in itertools.pairwise(lons))
        assert lons[0] < 180 < lons[-1]  # Shanghai west of 180, Los Angeles east of it


@pytest.mark.parametrize("label", HOSTILE)
def test_hostile_custom_label_is_shown_as_text(view: LaneView, label: str) -> None:
    out = mapping.full_map(present(view, label=label)).get_root().render()
    assert label not in out
    assert shown(label) in out
    assert "custom-label" in out


def test_hostile_title_is_escaped_in_the_legend_and_the_page_title(view: LaneView) -> None:
    title = "Board `${x}` <b>"
    page = mapping.standalone_html(present(view, title=title))
    assert "<title>Board &#x60;&#x24;{x}&#x60; &lt;b&gt;</title>" in page
    assert shown(title) in page
    assert "Board `" not in page and "Board <" not in page


def test_standalone_html_uses_local_assets_only_and_has_a_title(pres: LanePresentation) -> None:
    out = mapping.standalone_html(pres)
    assert external_asset_urls(out) == []
    assert "cdn.jsdelivr" not in out and "unpkg.com" not in out and "cdnjs" not in out
    assert "L.map" in out
    assert f"<title>{esc(pres.title)}</title>" in out


def test_base_map_is_deterministic_and_does_not_depend_on_speed(view: LaneView) -> None:
    slow = present(build_view("Shanghai", "San Pedro Bay", speed_kn=12, as_of="2026-01-15"))
    fast = present(view)
    a = mapping.build_map(fast).get_root().render()
    b = mapping.build_map(present(view)).get_root().render()
    c = mapping.build_map(slow).get_root().render()
    assert a == b == c
    assert _group_js(mapping.segments_layer_for_app(fast)) != _group_js(
        mapping.segments_layer_for_app(slow)
    )


def _group_js(group: folium.FeatureGroup) -> str:
    m = folium.Map(tiles=None)
    group.add_to(m)
    return m.get_root().render()


def test_layers_switched_off_are_not_drawn(view: LaneView) -> None:
    only_route = mapping.full_map(present(view, layers=("route",))).get_root().render()
    assert "lane-route" in only_route
    for absent in ("port-marker", "Regulatory zones", "lane-segment", '"port-label"', "Ports"):
        assert absent not in only_route, absent
    no_ports = mapping.full_map(present(view, layers=("route", "segments", "zones", "labels")))
    out = no_ports.get_root().render()
    assert "port-marker" not in out and "circle area" not in out
    assert '"port-label"' in out  # names still shown: the labels layer is on
    no_route = mapping.build_map(present(view, layers=("ports",))).get_root().render()
    assert "lane-route" not in no_route and 'class=\\"lane-trade-label' not in no_route


def test_online_basemap_is_optional_and_offline_is_default(
    pres: LanePresentation, html: str
) -> None:
    assert "arcgisonline" not in html
    online = mapping.build_map(pres, mapping.MapOptions(basemap="online")).get_root().render()
    assert "arcgisonline" in online
    with pytest.raises(GeoError, match=r"'satellite'.*offline, online"):
        mapping.MapOptions(basemap="satellite")


def test_the_map_frames_the_extent_when_given_else_the_lane(view: LaneView) -> None:
    framed = present(view, extent=(150.0, 20.0, 250.0, 60.0))
    assert mapping.map_bounds(framed) == [[20.0, 150.0], [60.0, 250.0]]
    out = mapping.build_map(framed).get_root().render()
    assert "[[20.0, 150.0], [60.0, 250.0]]" in out
    west, south, east, north = shapely.GeometryCollection(
        list(view.display_routes().geometry)
    ).bounds
    [[s, w], [n, e]] = mapping.map_bounds(present(view))
    assert (w, s, e, n) == pytest.approx((west, south, east, north), abs=1e-3)


def test_atlantic_lane_uses_the_normal_window() -> None:
    v = build_view("Rotterdam", "New York")
    assert v.window_west_deg == -180.0
    out = mapping.build_map(present(v)).get_root().render()
    assert "lane-route" in out and "US$" not in present(v).lane_label


def test_template_colours_are_checked() -> None:
    assert colour("#0b6e69") == "#0b6e69"
    with pytest.raises(GeoError, match="red;}"):
        colour("red;}")


@pytest.mark.parametrize(
    ("text", "md_text"),
    [
        ("US$333 B", "US\\$333 B"),
        ("*bold* [x](y)", "\\*bold\\* \\[x\\]\\(y\\)"),
        ("<b>", "\\<b\\>"),
    ],
)
def test_markdown_text_is_made_literal(text: str, md_text: str) -> None:
    from geo.present.text import md

    assert md(text) == md_text


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
    land = geometry.land_geojson(v.window_west_deg, 0.05, geometry.beyond_window(v))
    east = shapely.geometry.shape(land["geometry"]).bounds[2]
    assert east > end_lon + 60  # Europe and beyond drawn again: no hard edge by Rotterdam


def test_the_lane_label_sits_midway_and_reads_upright(view: LaneView) -> None:
    coords = list(view.display_routes().geometry.iloc[0].coords)
    lon, lat, angle = geometry.label_anchor(coords)
    assert -90 <= angle <= 90
    assert 160 < lon < 215 and 40 < lat < 55  # mid-Pacific, near the lane's crest
    # a westbound line gives the same upright reading
    assert geometry.label_anchor(coords[::-1])[2] == pytest.approx(angle, abs=0.2)


def test_the_map_keeps_the_wheel_for_the_page_and_zooms_to_the_land_layers_limit(
    pres: LanePresentation, html: str
) -> None:
    assert '"scrollWheelZoom": false' in html
    assert "map.setMaxZoom(o.maxZoom)" in html and "maxZoom: 7," in html
    online = mapping.build_map(pres, mapping.MapOptions(basemap="online")).get_root().render()
    assert "maxZoom: 12," in online


def test_online_tiles_keep_the_land_layer_in_the_page_as_a_fallback(
    pres: LanePresentation, html: str
) -> None:
    online = mapping.build_map(pres, mapping.MapOptions(basemap="online")).get_root().render()
    assert "tileerror" not in html  # offline: nothing to fall back from
    assert "tileerror" in online and "tile-fallback-note" in online
    assert mapping.TILE_FALLBACK_MESSAGE in online
    # the land layer is in the page (a feature group not yet on the map)
    land = [
        el
        for el in assets.walk_elements(mapping.build_map(pres, mapping.MapOptions("online")))
        if isinstance(el, folium.FeatureGroup) and el.layer_name == "Land (Natural Earth)"
    ]
    assert len(land) == 1 and land[0].show is False


def test_measure_tool_reads_nautical_miles(html: str) -> None:
    assert 'primaryLengthUnit: "nauticalmiles"' in html
    assert "factor: 1 / 1852" in html
    assert "kilometers" not in html.split("L.Control.Measure")[0]  # no folium default control


def test_port_names_sit_clear_of_their_markers_and_popups_fit_a_phone(
    pres: LanePresentation,
) -> None:
    m = mapping.build_map(pres)
    names = [
        el
        for el in assets.walk_elements(m)
        if isinstance(el, folium.Tooltip) and el.options.get("permanent")
    ]
    assert names
    for tip in names:
        dx, dy = tip.options["offset"]
        assert abs(dx) + abs(dy) >= 4, "a name sits on its marker"
    popups = [el for el in assets.walk_elements(m) if isinstance(el, folium.Popup)]
    assert popups and all(p.options["max_width"] <= 300 for p in popups)


def test_the_frame_keeps_the_lane_clear_unless_an_extent_is_given(view: LaneView) -> None:
    lane = present(view)
    points = [point for line in mapping.keep_clear(lane) for point in line]
    assert len(points) >= 4
    assert all(0 <= lon < 360 and -90 <= lat <= 90 for lat, lon in points)  # [lat, lon]
    # a given extent is framed exactly: the lines are only kept clear of notes there
    assert mapping.keep_clear(present(view, extent=(150.0, 20.0, 250.0, 60.0))) == (
        mapping.keep_clear(lane)
    )
    assert mapping.keep_clear(present(view, layers=("ports",))) == []
    out = mapping.build_map(present(view, extent=(150.0, 20.0, 250.0, 60.0))).get_root().render()
    assert "exact: true" in out


# --------------------------------------------------------------------------- placement


def _elements(m: folium.Map, kind: type) -> list:
    return [el for el in assets.walk_elements(m) if isinstance(el, kind)]


def test_the_custom_label_is_a_note_the_fit_leaves_out(view: LaneView) -> None:
    m = mapping.build_map(present(view, label="hello world this is a long label for the board"))
    notes = _elements(m, elements.MapNote)
    assert [n.css_class for n in notes] == ["custom-label"]
    # not a control: the frame makes room for every control's corner, never for a note
    assert all(c.css_class != "custom-label" for c in _elements(m, elements.HtmlControl))
    assert not _elements(mapping.build_map(present(view)), elements.MapNote)


def test_online_tiles_fall_back_to_the_offline_maps_zoom_limit() -> None:
    hop = build_view("USLAX", "USLGB", as_of="2026-01-15")  # a short hop: deeper than 7
    offline = _elements(mapping.build_map(present(hop)), elements.LaneFrame)[0].max_zoom
    assert offline > mapping.OFFLINE_MAX_ZOOM
    online = mapping.build_map(present(hop), mapping.MapOptions(basemap="online"))
    assert [f.max_zoom for f in _elements(online, elements.TileFallback)] == [offline]
    assert "lanefallback" in online.get_root().render()  # LaneFrame refits with that limit


def test_port_popups_leave_panning_and_limits_to_the_browser(pres: LanePresentation) -> None:
    for popup in _elements(mapping.build_map(pres), folium.Popup):
        assert popup.options["max_width"] == 300
        assert not any(key.startswith("auto_pan_padding") for key in popup.options)


lines_st = st.lists(
    st.tuples(st.floats(-400, 760, allow_nan=False), st.floats(-80, 80, allow_nan=False)),
    min_size=2,
    max_size=12,
)


@given(line=lines_st, west=st.floats(-180, 179))
@settings(max_examples=200, deadline=None)
def test_a_line_cut_to_one_world_keeps_its_course(
    line: list[tuple[float, float]], west: float
) -> None:
    parts = geometry.cut_to_window(line, west)
    assert parts
    for part in parts:
        assert all(west - 1e-9 <= lon <= west + 360 + 1e-9 for lon, _ in part)
    # moved back by whole turns, the parts join end to end into the original line
    turns = (line[0][0] - parts[0][0][0]) / 360.0
    assert turns == pytest.approx(round(turns), abs=1e-9)
    joined = [(lon + 360.0 * round(turns), lat) for lon, lat in parts[0]]
    for part in parts[1:]:
        turns = (joined[-1][0] - part[0][0]) / 360.0
        assert turns == pytest.approx(round(turns), abs=1e-9)
        assert part[0][1] == pytest.approx(joined[-1][1])
        joined.extend((lon + 360.0 * round(turns), lat) for lon, lat in part[1:])
    assert joined[0] == pytest.approx(line[0]) and joined[-1] == pytest.approx(line[-1])
    length = sum(math.dist(a, b) for a, b in itertools.pairwise(line))
    assert sum(math.dist(a, b) for a, b in itertools.pairwise(joined)) == pytest.approx(length)


def test_lanes_round_the_world_are_drawn_on_one_world_each_place_once() -> None:
    cmp = compare.compare_avoidance("CNSHA", "NLRTM", ["none", "suez", "panama,suez"])
    spans = [lon for row in cmp.rows for lon, _ in cmp.display_coords(row)]
    assert max(spans) - min(spans) > 360  # by Suez westward, by Panama eastward
    lay = compare_map_module.compare_layout(cmp)
    assert -60 <= lay.west_deg <= -20  # the edge in the open Atlantic
    ids = [p.id for p, _ in lay.ports]
    assert sorted(ids) == ["CNSHA", "NLRTM"]
    for parts in lay.parts.values():
        for part in parts:
            assert all(lay.west_deg <= lon <= lay.west_deg + 360 for lon, _ in part)
    assert sum(len(parts) for parts in lay.parts.values()) == len(cmp.routed) + 1  # one cut
    # both ends of the cut marked, each pointing to its edge
    assert len(lay.cuts) == 2
    for cut in lay.cuts:
        lon = cut.at[0]
        assert lon == pytest.approx(lay.west_deg) or lon == pytest.approx(lay.west_deg + 360)
        towards_west = lon == pytest.approx(lay.west_deg)
        assert (abs(cut.heading_deg) > 90) == towards_west, cut
    # the land goes on past both edges, by a world each side (zoomed out, the map shows more)
    assert lay.land_range() == (lay.west_deg - 360, lay.west_deg + 720)
    html = compare_map_module.compare_map(cmp).get_root().render()
    assert html.count('"className": "port-label"') == 2
    assert html.count('class=\\"lane-continues\\"') == 2
    assert html.count("Avoid Suez Canal continues at the map") == 2  # the cut lane's name


def test_lanes_within_one_world_are_drawn_whole_in_their_window() -> None:
    cmp = compare.compare_pairs(("CNSHA", "KRPUS"), ("USLAX", "USLGB"))
    lay = compare_map_module.compare_layout(cmp)
    assert lay.west_deg == cmp.window_west_deg
    for row in cmp.routed:
        assert lay.parts[row.number] == [cmp.display_coords(row)]
    assert lay.ports == cmp.display_ports()
    assert lay.cuts == () and lay.land_range() == lay.beyond
