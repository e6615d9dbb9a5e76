"""geo.render.folium.assets: every map asset is local, in Streamlit and in a standalone file."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any, ClassVar

import branca.colormap
import folium
import folium.plugins
import pytest
from folium.elements import JSCSSMixin

from geo.render.folium import assets, vendor
from geo.render.folium.assets import localise_for_streamlit, stable_ids
from geo.render.folium.standalone import external_asset_urls, render_standalone_html
from geo.render.folium.vendor import UnknownAssetError

PREFIX = assets.DEFAULT_URL_PREFIX
ASSET_TAG = re.compile(r'<script src="([^"]*)"></script>|<link rel="stylesheet" href="([^"]*)"/>')


def build_map() -> folium.Map:
    """Every element family the app uses, with no online tiles."""
    m = folium.Map(location=(38.0, 180.0), zoom_start=3, tiles=None)
    assets.solid_tile_layer("#eef3f5").add_to(m)
    folium.plugins.Fullscreen().add_to(m)
    folium.plugins.MiniMap(tile_layer=assets.solid_tile_layer("#dde7ea")).add_to(m)
    folium.plugins.MeasureControl().add_to(m)
    group = folium.FeatureGroup(name="Lane").add_to(m)
    lane = folium.PolyLine([(31.2, 121.5), (45.0, 180.0), (33.7, 241.7)]).add_to(group)
    folium.plugins.PolyLineTextPath(lane, "lane").add_to(m)
    folium.GeoJson(
        {"type": "Point", "coordinates": [200.0, 40.0]}, tooltip=folium.Tooltip("zone")
    ).add_to(m)
    folium.CircleMarker((31.2, 121.5), radius=6, popup=folium.Popup("Shanghai")).add_to(m)
    folium.Marker((33.7, 241.7), icon=folium.DivIcon(html="<b>LB</b>")).add_to(m)
    folium.LayerControl().add_to(m)
    return m


def asset_urls(html: str) -> list[str]:
    return [a or b for a, b in ASSET_TAG.findall(html)]


@pytest.fixture
def static_dir(tmp_path: Path) -> Path:
    return tmp_path / "static"


@pytest.fixture
def captured_st_folium(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Call st_folium without a Streamlit runtime; return the component's arguments."""
    import streamlit_folium

    calls: list[dict[str, Any]] = []

    def fake_component(**kwargs: Any) -> None:
        kwargs.pop("on_change", None)
        calls.append(kwargs)

    monkeypatch.setattr(streamlit_folium, "_component_func", fake_component)

    def run(m: folium.Map, **kwargs: Any) -> dict[str, Any]:
        streamlit_folium.st_folium(m, key="map", returned_objects=[], **kwargs)
        return calls[-1]

    return run


# --------------------------------------------------------------------------- streamlit mode


def test_localised_map_has_only_local_asset_urls(static_dir: Path) -> None:
    m = build_map()
    localise_for_streamlit(m, static_dir)
    html = m.get_root().render()

    assert external_asset_urls(html) == []
    urls = asset_urls(html)
    assert urls, "the map still declares its assets"
    for url in urls:
        assert url.startswith(f"{PREFIX}/"), url
        assert (static_dir / "vendor" / url.removeprefix(f"{PREFIX}/")).is_file(), url


def test_st_folium_loads_exactly_the_local_files(static_dir: Path, captured_st_folium: Any) -> None:
    m = build_map()
    stable_ids(m, "t")
    localise_for_streamlit(m, static_dir)
    args = captured_st_folium(m)

    links = [*args["js_links"], *args["css_links"]]
    for url in links:
        assert url.startswith(f"{PREFIX}/"), url
        assert (static_dir / "vendor" / url.removeprefix(f"{PREFIX}/")).is_file(), url
    names = " ".join(links)
    for needed in ("leaflet.js", "leaflet.css", "jquery", "FullScreen", "MiniMap", "measure"):
        assert needed in names
    assert "textpath" in names
    for dropped in ("bootstrap", "awesome", "fontawesome", "glyphicons"):
        assert dropped not in names.lower()
    assert args["js_links"][0].endswith("/leaflet.js"), "Leaflet loads before its plugins"
    assert external_asset_urls(args["header"]) == []


def test_feature_group_to_add_is_localised_too(static_dir: Path, captured_st_folium: Any) -> None:
    m = build_map()
    localise_for_streamlit(m, static_dir)
    extra = folium.FeatureGroup(name="Extra")
    line = folium.PolyLine([(0.0, 0.0), (1.0, 1.0)]).add_to(extra)
    folium.plugins.PolyLineTextPath(line, "extra").add_to(extra)
    folium.CircleMarker((0.0, 0.0), popup=folium.Popup("x")).add_to(extra)
    stable_ids(extra, "extra")
    localise_for_streamlit(extra, static_dir)

    args = captured_st_folium(m, feature_group_to_add=extra)
    assert all(url.startswith(f"{PREFIX}/") for url in args["js_links"] + args["css_links"])
    assert "$(`" in args["feature_group"], "a dynamic popup needs jQuery, which is kept"


def test_leaflet_comes_from_xstatic_with_its_images(static_dir: Path) -> None:
    import xstatic.pkg.leaflet as xstatic_leaflet

    localise_for_streamlit(build_map(), static_dir)
    leaflet_dir = static_dir / "vendor" / f"leaflet-{xstatic_leaflet.VERSION}"
    shipped = Path(xstatic_leaflet.BASE_DIR)
    assert (leaflet_dir / "leaflet.css").read_bytes() == (shipped / "leaflet.css").read_bytes()
    assert "sourceMappingURL" not in (leaflet_dir / "leaflet.js").read_text()
    for image in ("layers.png", "layers-2x.png", "marker-icon.png"):
        assert (leaflet_dir / "images" / image).read_bytes() == (
            shipped / "images" / image
        ).read_bytes()


def test_vendored_css_refers_to_nothing_missing(static_dir: Path) -> None:
    localise_for_streamlit(build_map(), static_dir)
    for css in (static_dir / "vendor").rglob("*.css"):
        for ref in re.findall(r"""url\(\s*["']?([^"')]*)""", css.read_text()):
            if ref.startswith(("data:", "#")):
                continue
            assert (css.parent / ref).is_file(), f"{css.name} refers to missing {ref}"


def test_localising_twice_rewrites_nothing(static_dir: Path) -> None:
    first = build_map()
    localise_for_streamlit(first, static_dir)
    before = {p: p.stat().st_mtime_ns for p in static_dir.rglob("*") if p.is_file()}
    links = [(el.default_js, el.default_css) for el in assets.asset_elements(first)]

    localise_for_streamlit(first, static_dir)  # same map again: idempotent
    localise_for_streamlit(build_map(), static_dir)  # a rerun's fresh map

    after = {p: p.stat().st_mtime_ns for p in static_dir.rglob("*") if p.is_file()}
    assert after == before
    assert [(el.default_js, el.default_css) for el in assets.asset_elements(first)] == links


def test_a_changed_file_is_rewritten(static_dir: Path) -> None:
    localise_for_streamlit(build_map(), static_dir)
    leaflet_js = next((static_dir / "vendor").rglob("leaflet.js"))
    good = leaflet_js.read_bytes()
    leaflet_js.write_text("broken")
    assets._written.clear()  # a new process: nothing remembered
    localise_for_streamlit(build_map(), static_dir)
    assert leaflet_js.read_bytes() == good


def test_class_level_links_are_never_mutated(static_dir: Path, captured_st_folium: Any) -> None:
    classes = (
        folium.Map,
        folium.plugins.Fullscreen,
        folium.plugins.MiniMap,
        folium.plugins.MeasureControl,
        folium.plugins.PolyLineTextPath,
    )
    before = {
        cls: (copy.deepcopy(cls.default_js), copy.deepcopy(cls.default_css)) for cls in classes
    }

    m = build_map()
    localise_for_streamlit(m, static_dir)
    captured_st_folium(m)
    render_standalone_html(build_map())

    for cls in classes:
        assert (cls.default_js, cls.default_css) == before[cls], cls.__name__
        assert "default_js" not in vars(cls) or cls.default_js[0][1].startswith("https://")
    assert folium.Map().default_js[0][1].startswith("https://"), "a new map is untouched"


def test_optional_map_assets_are_kept_when_needed(static_dir: Path) -> None:
    with_icon = build_map()
    folium.Marker((0.0, 0.0), icon=folium.Icon(icon="ship", prefix="fa")).add_to(with_icon)
    localise_for_streamlit(with_icon, static_dir)
    names = {name for name, _ in [*with_icon.default_js, *with_icon.default_css]}
    assert {"awesome_markers", "awesome_markers_css", "awesome_markers_font_css"} <= names
    assert "bootstrap" not in names

    kept = build_map()
    localise_for_streamlit(kept, static_dir, keep=["bootstrap_css"])
    assert "bootstrap_css" in {name for name, _ in kept.default_css}


def test_url_prefix_is_used_verbatim(static_dir: Path) -> None:
    m = build_map()
    localise_for_streamlit(m, static_dir, url_prefix="/base/app/static/vendor/")
    assert all(url.startswith("/base/app/static/vendor/") for _, url in m.default_js)
    assert all("//" not in url for _, url in m.default_js)


# --------------------------------------------------------------------------- unknown assets


class _CdnOnlyPlugin(JSCSSMixin):
    default_js: ClassVar[list[tuple[str, str]]] = [
        ("mystery", "https://cdn.example.com/mystery@1.0/mystery.min.js")
    ]


def test_unknown_cdn_url_raises_and_names_it(static_dir: Path) -> None:
    m = build_map()
    _CdnOnlyPlugin().add_to(m)
    with pytest.raises(UnknownAssetError, match=r"mystery\.min\.js.*_CdnOnlyPlugin"):
        localise_for_streamlit(m, static_dir)
    assert "default_js" not in vars(m), "nothing half-localised"
    with pytest.raises(UnknownAssetError, match=r"mystery\.min\.js"):
        render_standalone_html(m)


def test_colormap_is_refused_for_streamlit(static_dir: Path) -> None:
    m = build_map()
    branca.colormap.LinearColormap(["#ffffff", "#0b6e69"], vmin=0, vmax=1).add_to(m)
    with pytest.raises(UnknownAssetError, match="d3"):
        localise_for_streamlit(m, static_dir)
    # Standalone HTML can still inline d3 (folium-offline ships it).
    assert external_asset_urls(render_standalone_html(m)) == []


def test_css_that_points_at_the_internet_raises() -> None:
    with pytest.raises(UnknownAssetError, match="netdna"):
        vendor.rewrite_css("x.css", "a{background:url(//netdna.example/x.png)}", {}, inline=False)


# --------------------------------------------------------------------------- standalone


def test_standalone_html_inlines_everything() -> None:
    html = render_standalone_html(build_map())

    assert external_asset_urls(html) == []
    assert asset_urls(html) == [], "no <script src> or stylesheet <link> is left"
    assert 't.version="1.9.3"' in html, "Leaflet is inlined"
    assert ".leaflet-control-layers-toggle" in html, "Leaflet's CSS is inlined"
    assert "url(images/" not in html, "Leaflet's images are data URIs"
    assert "L.Icon.Default.mergeOptions" in html
    assert ".Control.FullScreen=" in html, "the fullscreen plug-in is inlined"
    assert html.count("jQuery v3.7.1") == 1, "jQuery inlined once"
    assert "bootstrap" not in html.lower()


def test_standalone_after_localising_starts_from_the_cdn_links(static_dir: Path) -> None:
    m = build_map()
    localise_for_streamlit(m, static_dir)
    local_links = m.default_js
    html = render_standalone_html(m)
    assert external_asset_urls(html) == []
    assert PREFIX not in html
    assert m.default_js == local_links, "the map's links are restored"


# --------------------------------------------------------------------------- determinism


def test_stable_ids_make_rendering_deterministic(static_dir: Path) -> None:
    def render(seed: str) -> str:
        m = build_map()
        stable_ids(m, seed)
        localise_for_streamlit(m, static_dir)
        return m.get_root().render()

    first, second = render("route"), render("route")
    assert first == second
    assert render("other") != first


def test_standalone_html_is_deterministic() -> None:
    def render() -> str:
        m = build_map()
        stable_ids(m, "route")
        return render_standalone_html(m)

    assert render() == render()


def test_st_folium_arguments_are_deterministic(static_dir: Path, captured_st_folium: Any) -> None:
    def run() -> dict[str, Any]:
        m = build_map()
        stable_ids(m, "route")
        localise_for_streamlit(m, static_dir)
        return captured_st_folium(m)

    first, second = run(), run()
    assert first == second
    # The popup's inner html_<id> is not renamed by st_folium: stable_ids must cover it.
    assert re.search(r"var html_[0-9a-f]{32} = \$\(", first["script"])


def test_stable_ids_keep_names_unique_and_folium_shaped() -> None:
    m = build_map()
    stable_ids(m, "x")
    ids = [el._id for el in assets.walk_elements(m)]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids)


# --------------------------------------------------------------------------- checks


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<script src="https://cdn.x/a.js"></script>', ["https://cdn.x/a.js"]),
        ("<link rel='stylesheet' href='//cdn.x/a.css'>", ["//cdn.x/a.css"]),
        ('<link rel="preconnect" href=http://fonts.x>', ["http://fonts.x"]),
        ("<style>a{background:url('https://x/y.png')}</style>", ["https://x/y.png"]),
        ('<style>@import "https://x/y.css";</style>', ["https://x/y.css"]),
        ('<script src="/app/static/vendor/a.js"></script>', []),
        ('<script src="vendor/a.js"></script><link href="data:text/css,">', []),
        ("<script>var s = '<script src=\"https://x/a.js\">';</script>", []),
        ("<style>a{background:url(data:image/png;base64,AA==)}</style>", []),
    ],
)
def test_external_asset_urls(html: str, expected: list[str]) -> None:
    assert external_asset_urls(html) == expected


def test_solid_tile_layer_needs_no_network() -> None:
    layer = assets.solid_tile_layer("#abcdef")
    assert layer.tiles.startswith("data:image/svg+xml;base64,")
    assert "attribution" not in layer.options
    with pytest.raises(ValueError, match="fill_colour"):
        assets.solid_tile_layer('red"/><script>')
