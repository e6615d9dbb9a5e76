"""Throwaway Streamlit page for the browser harness's own test (not the product).

A folium map with the plugins the app uses, every asset served from this page's own
``static/vendor/`` (Streamlit serves ``static/`` next to the main script at ``/app/static/``).
The harness runs a copy of this file from a temporary folder, so nothing lands in the repo.
"""

from __future__ import annotations

from pathlib import Path

import folium
import folium.plugins
import streamlit as st
from streamlit_folium import st_folium

from geo.render.folium.assets import (
    app_static_dir,
    localise_for_streamlit,
    solid_tile_layer,
    stable_ids,
)

LANE_LAT_LON = [(31.23, 121.47), (34.0, 140.0), (45.0, 180.0), (40.0, 215.0), (33.74, 241.73)]


def build_map() -> folium.Map:
    m = folium.Map(location=(38.0, 180.0), zoom_start=3, tiles=None)
    solid_tile_layer("#eef3f5").add_to(m)
    folium.plugins.Fullscreen().add_to(m)
    folium.plugins.MiniMap(tile_layer=solid_tile_layer("#dde7ea")).add_to(m)
    folium.plugins.MeasureControl().add_to(m)
    lane = folium.PolyLine(LANE_LAT_LON, color="#0b6e69", weight=4).add_to(m)
    folium.plugins.PolyLineTextPath(lane, "  Pacific lane  ", repeat=False, offset=-6).add_to(m)
    folium.CircleMarker(
        LANE_LAT_LON[0], radius=8, color="#0b6e69", fill=True, popup=folium.Popup("Shanghai")
    ).add_to(m)
    return m


st.title("Harness demo map")
demo_map = build_map()
stable_ids(demo_map, "demo")
localise_for_streamlit(demo_map, app_static_dir(Path(__file__)))
st_folium(demo_map, key="demo", returned_objects=[], height=500, use_container_width=True)
