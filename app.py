"""LA–Long Beach–Shanghai lane: the Streamlit page.

Thin by design: reads widgets and the URL, calls ``geo``, renders. No computation here.
"""

from __future__ import annotations

import copy
import dataclasses
import urllib.parse
from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

from geo.catalogue import ports, sealanes
from geo.errors import GeoError
from geo.jobs import snapshot
from geo.present import urlstate
from geo.present.model import LanePresentation, check_extent, present
from geo.present.options import ALL_LAYERS, BASEMAPS
from geo.present.progress import markdown_line, timeline
from geo.present.text import md, safe_url
from geo.present.tradeoff import markdown_caption, speed_tradeoff
from geo.present.view import build_view, segments_table
from geo.render import charts
from geo.render.folium import assets, mapping
from geo.routing import engine as routing
from geo.settings import MAX_SPEED_KN
from geo.voyage.factors import fuels, ship_classes

APP_DIR = Path(__file__).resolve().parent
MAP_HEIGHT_PX = 560
PAGE_CSS = (APP_DIR / "app_pages" / "page.css").read_text(encoding="utf-8")

st.set_page_config(
    page_title="Shanghai ⇄ San Pedro Bay green corridor", page_icon="🚢", layout="wide"
)


@st.cache_data(show_spinner=False)
def port_options() -> tuple[list[str], dict[str, str]]:
    """Catalogue ids in display order, and their labels (searchable by code or name)."""
    ids: list[str] = []
    labels: dict[str, str] = {}
    for p in ports.catalogue():
        ids.append(p.id)
        extra = " — Los Angeles + Long Beach" if p.members else ""
        if not p.members and sealanes.far_from_sea_lanes(p):
            extra = f" — far from the sea lanes ({sealanes.sea_lane_distance_nm(p):,.0f} nm)"
        country = f", {p.country}" if p.country else ""
        labels[p.id] = f"{p.name}{country} ({p.locode or p.id}){extra}"
    return ids, labels


@st.cache_resource(show_spinner=False, max_entries=32)
def base_map(
    origin: str,
    dest: str,
    avoid: tuple[str, ...],
    layers: tuple[str, ...],
    basemap: str,
    label: str,
    extent: tuple[float, float, float, float] | None,
    ship: int,
) -> folium.Map:
    view = build_view(origin, dest, avoid=avoid, ship_teu=ship)  # the ship decides canals
    pres = present(view, layers=layers, label=label, extent=extent)
    m = mapping.build_map(pres, mapping.MapOptions(basemap=basemap))
    assets.localise_for_streamlit(m, assets.app_static_dir(APP_DIR / "app.py"), bundle_js=True)
    return m


def sidebar(state: urlstate.ViewState) -> None:
    """The controls. Built last; their values reach the page through session state
    (:func:`widget_state`) on the next run."""
    ids, labels = port_options()
    st.sidebar.header("Lane")

    def pick(title: str, current: str, key: str) -> None:
        options = ids if current in labels else [current, *ids]
        st.sidebar.selectbox(
            title,
            options,
            index=options.index(current),
            key=key,
            format_func=lambda i: labels.get(i, i),
            help="Type a port name or UN/LOCODE to search the whole catalogue.",
        )

    pick("Origin", state.origin, "origin")
    pick("Destination", state.dest, "dest")
    st.sidebar.slider(
        "Speed (knots)",
        min_value=0.5,
        max_value=float(MAX_SPEED_KN),  # the same range the URL and the CLI accept
        step=0.5,
        value=float(state.speed),
        key="speed",
    )
    st.sidebar.multiselect(
        "Avoid passages",
        list(routing.PASSAGES),
        default=list(state.avoid),
        key="avoid",
        format_func=lambda p: routing.PASSAGE_LABELS.get(p, p),
    )
    st.sidebar.header("Ship")
    classes = {c.teu: c.name for c in ship_classes()}
    ships = sorted({*classes, state.ship})
    st.sidebar.selectbox(
        "Ship size",
        ships,
        index=ships.index(state.ship),
        key="ship",
        format_func=lambda teu: (
            f"{teu:,} TEU" + (f" · {classes[teu]}" if "TEU" not in classes.get(teu, "TEU") else "")
        ),
    )
    fuel_table = fuels()
    st.sidebar.selectbox(
        "Fuel",
        list(fuel_table),
        index=list(fuel_table).index(state.fuel),
        key="fuel",
        format_func=lambda f: fuel_table[f].label,
        help="Ships on VLSFO switch to 0.10 % S fuel (MGO) inside emission control areas.",
    )
    st.sidebar.slider(
        "Load factor", 0.05, 1.0, float(state.load), step=0.05, key="load", format="%.2f"
    )
    st.sidebar.header("Map")
    st.sidebar.multiselect(
        "Layers",
        list(ALL_LAYERS),
        default=list(state.layers),
        key="layers",
        format_func=str.capitalize,
    )
    st.sidebar.radio(
        "Basemap",
        list(BASEMAPS),
        index=list(BASEMAPS).index(state.basemap),
        key="basemap",
        format_func=lambda b: (
            "Offline land (Natural Earth)" if b == "offline" else "Online tiles (needs internet)"
        ),
    )
    st.sidebar.text_input(
        "Custom map label", value=state.label, key="label", max_chars=urlstate.MAX_LABEL_CHARS
    )


def metrics(pres: LanePresentation) -> None:
    """The key figures as metric cards, read from the presentation model."""
    st.html(PAGE_CSS)
    cols = st.columns(len(pres.metrics))
    for col, m in zip(cols, pres.metrics):
        col.metric(m.label, m.value, m.note or None, delta_color="off", delta_arrow="off")
    view = pres.view
    notes = []
    if len(view.routes) > 1:
        others = "; ".join(
            f"{x.destination.name}: {x.distance_nm:,.0f} nm, {x.duration_days:,.1f} days"
            for x in view.routes[1:]
        )
        notes.append(
            f"Headline figures for {view.main.origin.name} → {view.main.destination.name}. "
            f"Also: {others}."
        )
    caption = md(" ".join([*notes, pres.passages_text() + "."]))
    trade_value = pres.metric("trade")
    if trade_value.source:
        cited = md(trade_value.source)
        if safe_url(trade_value.source_url):
            cited = f"[{cited}]({trade_value.source_url})"
        caption += f" Trade value: {cited}. Every source: Sources tab."
    st.caption(caption)
    for w in pres.warnings:
        st.warning(md(w))


def details(pres: LanePresentation) -> None:
    """Segments, the speed trade-off, the corridor's progress and sources; only the open tab
    is built (lazy tabs keep the first paint light)."""
    tab_seg, tab_speed, tab_prog, tab_src = st.tabs(
        ["Segments", "Speed trade-off", "Corridor progress", "Sources"],
        key="details-tab",
        on_change="rerun",
    )
    view = pres.view
    if tab_seg.open:
        with tab_seg:
            st.table(segments_table(view).set_index("Route"))
    if tab_speed.open:
        with tab_speed:
            speeds = speed_tradeoff(view)
            st.altair_chart(charts.tradeoff_chart(speeds), width="content", theme=None)
            st.caption(markdown_caption(speeds))
            st.dataframe(speeds.table_rows(), hide_index=True, width="content")
    if tab_prog.open:
        with tab_prog:
            st.markdown("\n".join(markdown_line(e) for e in timeline()))
            in_place = pres.measures
            if in_place:
                st.markdown("**In place at the ports of this lane** (markers on the map)")
                st.markdown("\n".join(markdown_line(m) for m in in_place))
    if tab_src.open:
        with tab_src:
            if not view.lane.sourced:
                st.info(view.lane.message)
            st.markdown(
                "\n".join(
                    f"- [{md(s.title)}]({s.url})" if safe_url(s.url) else f"- {md(s.title)}"
                    for s in pres.sources
                )
            )
            st.caption(md(pres.assumptions))


def snapshot_panel(pres: LanePresentation) -> None:
    """Format, size and title for a slide-ready snapshot, rendered on demand."""
    panel = st.expander("Snapshot for a presentation", key="snapshot-panel", on_change="rerun")
    if not panel.open:  # built only when opened: keeps the first paint light
        return
    with panel:
        cols = st.columns(3)
        fmt = cols[0].selectbox("Format", ["png", "svg", "pdf", "html", "geojson", "gpkg", "csv"])
        size = cols[1].selectbox("Size", list(snapshot.SIZES), index=0)
        title = cols[2].text_input("Title", value=pres.title, max_chars=120)
        if st.button("Render snapshot", key="render-snapshot"):
            try:
                with st.spinner("Rendering…"):
                    slide = pres.with_title(title or None)
                    result = snapshot.render_bytes(slide, fmt, size=snapshot.parse_size(size))
            except GeoError as exc:
                st.error(md(str(exc)))
                return
            st.caption(md(f"Rendered by: {result.renderer_label}. {result.note}".strip()))
            st.download_button(
                f"Download {result.filename}",
                result.data,
                file_name=result.filename,
                mime=result.mime,
                on_click="ignore",  # the button stays after the click
            )
        if st.button("Prepare every format (zip)", key="render-all"):
            try:
                with st.spinner("Rendering every format…"):
                    slide = pres.with_title(title or None)
                    bundle = snapshot.render_zip(slide, size=snapshot.parse_size(size))
            except GeoError as exc:
                st.error(md(str(exc)))
                return
            st.download_button(
                f"Download all ({bundle.filename})",
                bundle.data,
                file_name=bundle.filename,
                mime=bundle.mime,
                on_click="ignore",
            )


def widget_state(url_state: urlstate.ViewState) -> urlstate.ViewState:
    """The choice on screen: the sidebar widgets' values once they exist, else the URL's; the
    map's extent as the user last left it.

    Reading them here lets the page draw the map before the sidebar (whose port lists are
    large), so the lane appears sooner; the sidebar is built at the end of the run.
    """
    ss = st.session_state
    return urlstate.ViewState(
        origin=ss.get("origin", url_state.origin),
        dest=ss.get("dest", url_state.dest),
        speed=float(ss.get("speed", url_state.speed)),
        avoid=tuple(sorted(ss.get("avoid", url_state.avoid))),
        layers=tuple(x for x in ALL_LAYERS if x in ss.get("layers", url_state.layers)),
        basemap=ss.get("basemap", url_state.basemap),
        label=ss.get("label", url_state.label),
        extent=ss.get("map-extent", url_state.extent),
        ship=int(ss.get("ship", url_state.ship)),
        fuel=ss.get("fuel", url_state.fuel),
        load=float(ss.get("load", url_state.load)),
    )


def _extent_from(returned: object) -> tuple[float, float, float, float] | None:
    """The (west, south, east, north) of st_folium's ``bounds``, or None."""
    if not isinstance(returned, dict):
        return None
    bounds = returned.get("bounds") or {}
    try:
        sw, ne = bounds["_southWest"], bounds["_northEast"]
        return check_extent((sw["lng"], sw["lat"], ne["lng"], ne["lat"]))
    except (KeyError, TypeError, GeoError):
        return None


def share_link(state: urlstate.ViewState) -> None:
    """The link to this exact view (lane, speed, layers, extent), with a copy button."""
    query = urllib.parse.urlencode(urlstate.to_query(state), safe=",")
    base = str(getattr(st.context, "url", "") or "").split("?")[0]
    st.code(f"{base}?{query}", language=None)
    st.caption("Copy link: the button at the right of the box copies the link to this view.")


@st.fragment
def lane_map(state: urlstate.ViewState, pres: LanePresentation) -> None:
    """The map. A fragment: when the user pans or zooms, only this reruns — it keeps the
    map's extent in the session and the URL (for the share link and the snapshot) without
    re-running, and dimming, the whole page under the user's pointer."""
    ss = st.session_state
    m = base_map(
        state.origin,
        state.dest,
        state.avoid,
        state.layers,
        state.basemap,
        state.label,
        ss["initial-extent"],
        state.ship,
    )
    segments = mapping.segments_layer_for_app(pres) if "segments" in state.layers else None
    returned = st_folium(
        copy.deepcopy(m),  # st_folium renames and re-renders the map it is given
        key=f"lane-map-{state.origin}-{state.dest}",
        height=MAP_HEIGHT_PX,
        use_container_width=True,
        returned_objects=["bounds"],
        feature_group_to_add=segments,
        layer_control=mapping.layer_control(),
    )
    extent = _extent_from(returned)
    if extent is not None and extent != ss.get("map-extent"):
        ss["map-extent"] = extent
        st.query_params.from_dict(urlstate.to_query(dataclasses.replace(state, extent=extent)))


def main() -> None:
    url_state, warnings = urlstate.parse_state(st.query_params.to_dict())
    ss = st.session_state
    # the first run's warnings stay: the URL is rewritten at once, and the map's first report
    # of its bounds reruns the page, which would otherwise drop them before anyone read them
    for w in ss.setdefault("url-warnings", warnings):
        st.warning(md(w))
    state = widget_state(url_state)
    st.query_params.from_dict(urlstate.to_query(state))
    ss.setdefault("initial-extent", url_state.extent)  # the map opens on the shared view

    try:
        view = build_view(
            state.origin,
            state.dest,
            speed_kn=state.speed,
            avoid=state.avoid,
            ship_teu=state.ship,
            load_factor=state.load,
            fuel=state.fuel,
        )
        pres = present(view, layers=state.layers, label=state.label, extent=state.extent)
    except GeoError as exc:
        st.title("Shanghai ⇄ San Pedro Bay: the green shipping corridor lane")
        st.error(md(str(exc)))
        sidebar(state)
        st.stop()
    except Exception as exc:  # never a traceback on the page
        st.title("Shanghai ⇄ San Pedro Bay: the green shipping corridor lane")
        st.error(md(f"This lane could not be computed ({type(exc).__name__}). Choose another."))
        sidebar(state)
        st.stop()
    st.title(pres.title)
    st.caption(
        md(
            f"{pres.subtitle}. The sea route, the regulatory zones it crosses and what the "
            "lane is worth, for the LA–Long Beach–Shanghai Green Shipping Corridor."
        )
    )
    metrics(pres)
    if not view.lane.sourced:
        st.info(md(view.lane.message))
    lane_map(state, pres)
    snapshot_panel(pres)
    share = st.expander("Share this view", key="share-panel", on_change="rerun")
    if share.open:  # built only when opened
        with share:
            share_link(state)
    details(pres)
    sidebar(state)


# The pages, named in the navigation, this one first. They live in app_pages/, not pages/:
# Streamlit treats a pages/ folder as the legacy automatic menu (this page would be "app"),
# and until this script has called st.navigation once in the process, a link straight to
# another page would run that page alone under the legacy menu.
st.navigation(
    [
        st.Page(main, title="Lane map", icon=":material/map:", default=True),
        st.Page(
            "app_pages/compare_lanes.py",
            title="Compare lanes",
            icon=":material/compare_arrows:",
            url_path="compare",
        ),
    ]
).run()
