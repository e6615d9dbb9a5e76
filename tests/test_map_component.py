"""The page's map component hands its frame exactly what ``st_folium`` would hand
streamlit-folium's (app_pages/map_component.py builds the arguments once per map instead of on
every run), and the frame is the project's own, served from the package (no URL)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import folium
import pytest
import streamlit_folium as sf

from app_pages import map_component
from geo.present.model import present
from geo.present.options import ALL_LAYERS
from geo.present.view import build_view
from geo.render.folium import assets, mapping

APP = Path(__file__).resolve().parents[1] / "app.py"

ST_FOLIUM_ONLY = {
    "width": None,
    "zoom": None,
    "center": None,
    "return_on_hover": False,
    "pixelated": False,
    "wrap_longitude": False,
}

LANES = [
    ("CNSHA", "SAN-PEDRO-BAY", ALL_LAYERS, "en"),
    ("CNSHA", "NLRTM", ("route", "ports"), "zh"),
    ("KRPUS", "USOAK", ("route", "segments", "labels"), "en"),
]


def _fresh(pres: Any, basemap: str) -> folium.Map:
    m = mapping.build_map(pres, mapping.MapOptions(basemap=basemap))
    assets.localise_for_streamlit(m, assets.app_static_dir(APP), bundle_js=True)
    return m


@pytest.mark.parametrize(("origin", "dest", "layers", "lang"), LANES)
@pytest.mark.parametrize("basemap", ["offline", "online"])
def test_the_arguments_are_those_of_st_folium(
    monkeypatch: pytest.MonkeyPatch,
    origin: str,
    dest: str,
    layers: tuple[str, ...],
    lang: str,
    basemap: str,
) -> None:
    sent: list[dict[str, Any]] = []

    def frontend(**kwargs: Any) -> Any:
        sent.append(kwargs)
        return kwargs["default"]

    monkeypatch.setattr(sf, "_component_func", frontend)
    monkeypatch.setattr(map_component, "_frontend", frontend)
    pres = present(build_view(origin, dest), layers=layers, lang=lang)

    def group() -> folium.FeatureGroup | None:
        return mapping.segments_layer_for_app(pres) if "segments" in layers else None

    key = f"lane-map-{origin}-{dest}"
    given = sf.st_folium(
        _fresh(pres, basemap),
        key=key,
        height=560,
        use_container_width=True,
        returned_objects=list(map_component.RETURNED),
        feature_group_to_add=group(),
        layer_control=mapping.layer_control(),
    )
    args = map_component.map_args(
        _fresh(pres, basemap), key, group=group(), control=mapping.layer_control()
    )
    ours = map_component.mount(args, height=560)
    theirs, mine = sent
    assert given == args["default"]  # st_folium's report before the browser's: all drawn
    assert ours is None  # the page's: nothing until the map has framed the lane
    assert theirs.pop("on_change") is not None  # st_folium's own: copies the report to `key`
    # st_folium's options the page does not use, at the values that leave the map as drawn
    # (the project's frame does not implement them)
    unused = {k: theirs.pop(k) for k in ST_FOLIUM_ONLY}
    assert unused == ST_FOLIUM_ONLY
    assert mine.pop("default") is None and theirs.pop("default") == args["default"]
    assert mine == theirs
    assert mine["script"] and "map_div" in mine["script"]
    assert (mine["feature_group"] is not None) == ("segments" in layers)


def test_cached_arguments_are_plain_data() -> None:
    """What the page caches holds strings, lists and dicts only: no folium object to unpickle
    (a rendered map takes ≈ 0.25 s to unpickle)."""
    pres = present(build_view("CNSHA", "SAN-PEDRO-BAY"), layers=ALL_LAYERS)
    args = map_component.map_args(
        _fresh(pres, "offline"),
        "k",
        group=mapping.segments_layer_for_app(pres),
        control=mapping.layer_control(),
    )

    def plain(value: object) -> bool:
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return all(plain(v) for v in value)
        return value is None or isinstance(value, (str, int, float, bool))

    assert plain(args)


def test_the_frame_is_served_from_the_project() -> None:
    """The map's frame is ``app_pages/lane_map`` (a local path, never a URL): its page loads
    only its own script, and that script only what the map's arguments name."""
    folder = Path(map_component.__file__).with_name("lane_map")
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert '<div id="map_div">' in page  # the id streamlit-folium's helpers give the map
    assert '<script defer src="./lane_map.js">' in page
    script = (folder / "lane_map.js").read_text(encoding="utf-8")
    assert "http" not in page + script.replace("streamlit:", "")
    assert "streamlit:componentReady" in script and "streamlit:setComponentValue" in script
