"""LA–Long Beach–Shanghai lane: the Streamlit page.

Thin by design: reads widgets and the URL, calls ``geo``, renders. No computation here.
"""

from __future__ import annotations

import dataclasses
import urllib.parse
from pathlib import Path
from typing import Any

import streamlit as st

from app_pages import language, map_component
from geo.catalogue import ports
from geo.errors import GeoError
from geo.i18n import LANGUAGES, N_, Translator, translator
from geo.jobs import snapshot
from geo.present import portlabels, urlstate
from geo.present.choices import BASEMAP_WORDS, LAYER_WORDS, ship_size_labels
from geo.present.errtext import error_text
from geo.present.model import LanePresentation, check_extent, present
from geo.present.options import ALL_LAYERS, BASEMAPS
from geo.present.progress import markdown_line, timeline
from geo.present.status import snapshot_note
from geo.present.text import keep_units, markdown_table, md, safe_url
from geo.present.tradeoff import markdown_caption, speed_tradeoff
from geo.present.view import LaneView, build_view, lane_message, segments_table
from geo.present.wording import passage_labels
from geo.render import charts
from geo.render.folium import assets, mapping
from geo.routing import engine as routing
from geo.settings import MAX_SPEED_KN, MIN_SPEED_KN
from geo.voyage.factors import fuels, ship_classes

APP_DIR = Path(__file__).resolve().parent
MAP_HEIGHT_PX = map_component.LANE_MAP_HEIGHT_PX
PAGE_CSS = (APP_DIR / "app_pages" / "page.css").read_text(encoding="utf-8")
ZH_CSS = (APP_DIR / "app_pages" / "page_zh.css").read_text(encoding="utf-8")
PAGE_TITLE = N_("Shanghai ⇄ San Pedro Bay green corridor")
HEADING = N_("Shanghai ⇄ San Pedro Bay: the green shipping corridor lane")
LANE_MAP, COMPARE_LANES = N_("Lane map"), N_("Compare lanes")  # the navigation's page names

#: The widgets whose option labels are worded in the page language. Streamlit's frontend keeps
#: a keyed widget's displayed labels when only its format_func changes, so their keys carry
#: the language (:func:`widget_key`) and a language switch builds them anew, with the values
#: carried over (:func:`widget_state`).
WORDED_WIDGETS = ("origin", "dest", "avoid", "ship", "fuel", "layers", "basemap")
#: The lane page's view, kept in the session (not a widget's key: those are dropped when the
#: page is left) for when the page is opened again without a query.
KEPT_VIEW_KEY = "lane-view"
#: A lane from the URL that could not be computed, and the lane shown instead.
FALLBACK_KEY = "lane-fallback"
#: The lane and the map extent of the link the session opened with: ``((origin, dest),
#: extent)``; the map opens on that extent while it shows that lane.
LINK_VIEW_KEY = "link-view"
MAP_DRESS_KEY = "map-dress"  # what the map last drew: (route, (layers, basemap, label, lang))
#: About as many characters as a port picker shows in a 300 px sidebar; a longer choice is
#: also written in full under it.
PICKER_CHARS = 30


def widget_key(name: str, lang: str) -> str:
    """A sidebar widget's key: for the worded widgets, the language is part of it (English:
    the bare name)."""
    if name in WORDED_WIDGETS and lang != LANGUAGES[0]:
        return f"{name}-{lang}"
    return name


st.set_page_config(
    page_title=translator(language.current())(PAGE_TITLE), page_icon="🚢", layout="wide"
)


@st.cache_data(show_spinner=False)
def port_options(lang: str = "en") -> tuple[list[str], dict[str, str]]:
    """The ports the pickers list (:func:`geo.present.portlabels.listed_ids`: the ports this
    project names, about 160), and a label for every port of the catalogue. Any other port is
    typed into the picker (:func:`settle_typed_ports`): two lists of every port were 10–14 %
    of the browser's work on the page (BENCHMARKS.md)."""
    return portlabels.listed_ids(), portlabels.picker_labels(lang)[1]


def settle_typed_ports(url_state: urlstate.ViewState, tr: Translator) -> list[str]:
    """Ports typed into the pickers in place of listed ones (their ``accept_new_options``),
    read before the pickers are built. Text the catalogue resolves (``Valparaiso``, ``釜山``,
    ``cnsha``) becomes the port's catalogue id: the picker then shows its whole label, the URL
    its code; a ``lon,lat`` point stays as typed. Text it does not resolve (unknown, a name
    several ports share) is refused: the picker goes back to the lane's port (the URL's), so
    the page keeps showing the lane, and the returned messages say why, naming the text and
    what is accepted. (The pickers keep their ``index``: Streamlit's warning about a widget
    given both a default and a value through the session is off in
    ``.streamlit/config.toml``.)"""
    ss = st.session_state
    known = port_options(tr.lang)[1]
    refused: list[str] = []
    for name, title in (("origin", tr("Origin")), ("dest", tr("Destination"))):
        for key in {widget_key(name, x) for x in LANGUAGES}:
            typed = ss.get(key)
            if not isinstance(typed, str) or typed in known:
                continue
            try:
                port_id = ports.resolve(typed).id
            except GeoError as exc:
                ss[key] = getattr(url_state, name)  # the lane shown stays
                refused.append(
                    tr(
                        "{picker}: {error} The lane shown is unchanged.",
                        picker=title,
                        error=error_text(exc, tr).rstrip(),
                    )
                )
                continue
            if port_id in known:  # not a lon,lat point: that stays as typed
                ss[key] = port_id
    return refused


@st.cache_data(show_spinner=False, max_entries=32)
def map_frame(
    state: urlstate.ViewState, extent: tuple[float, float, float, float] | None
) -> dict[str, Any]:
    """The map component's arguments (:func:`map_component.map_args`) for the lane of
    ``state`` framed on ``extent`` (None: the lane whole): drawn once per lane and layers,
    not on every run. The map itself does not depend on the speed, fuel or load (so a change
    of those updates the segments without remounting the map); its segments layer does."""
    view = build_view(state.origin, state.dest, avoid=state.avoid, ship_teu=state.ship)
    pres = present(
        view, layers=state.layers, label=state.label, extent=extent, lang=state.lang
    )  # the ship decides canals
    m = mapping.build_map(pres, mapping.MapOptions(basemap=state.basemap))
    assets.localise_for_streamlit(m, assets.app_static_dir(APP_DIR / "app.py"), bundle_js=True)
    _, full = compute(state, translator(state.lang))
    group = mapping.segments_layer_for_app(full) if "segments" in state.layers else None
    key = f"lane-map-{state.origin}-{state.dest}"
    return map_component.map_args(m, key, group=group, control=mapping.layer_control())


def sidebar(state: urlstate.ViewState, tr: Translator) -> None:
    """The controls. Built last (below the language control, built first); their values
    reach the page through session state (:func:`widget_state`) on the next run."""
    ids, labels = port_options(tr.lang)
    st.sidebar.header(tr("Lane"))
    search_help = tr(
        "The list holds the {listed} ports this project names. For any other of the "
        "catalogue's {total}, type its name, UN/LOCODE or lon,lat and press Enter.",
        listed=tr.count(len(ids)),
        total=tr.count(len(labels)),
    )
    choose = tr("Choose options") if tr.chinese else None  # English: Streamlit's own

    def pick(title: str, current: str, key: str) -> None:
        options = ids if current in ids else [current, *ids]
        st.sidebar.selectbox(
            title,
            options,
            index=options.index(current),
            key=key,
            format_func=lambda i: labels.get(i) or portlabels.shown_label(i, tr.lang),
            help=search_help,
            accept_new_options=True,  # any port of the catalogue, typed
        )
        shown = labels.get(current) or portlabels.shown_label(current, tr.lang)
        if len(shown) > PICKER_CHARS:  # the box cuts it: the whole name, UN/LOCODE and all
            st.sidebar.caption(md(shown))

    pick(tr("Origin"), state.origin, widget_key("origin", tr.lang))
    pick(tr("Destination"), state.dest, widget_key("dest", tr.lang))
    st.sidebar.slider(
        tr("Speed (knots)"),
        min_value=float(MIN_SPEED_KN),
        max_value=float(MAX_SPEED_KN),  # the same range the URL and the CLI accept
        step=0.5,
        value=float(state.speed),
        key="speed",
        format="%.1f",  # 18.0 and 18.5, not 18.00
    )
    st.sidebar.multiselect(
        tr("Avoid passages"),
        list(routing.PASSAGES),
        placeholder=choose,
        default=list(state.avoid),
        key=widget_key("avoid", tr.lang),
        format_func=lambda p: passage_labels([p], tr)[0],
    )
    st.sidebar.header(tr("Ship"))
    ships = sorted({*(c.teu for c in ship_classes()), state.ship})
    ship_words = ship_size_labels(ships, tr)  # every size in one notation
    st.sidebar.selectbox(
        tr("Ship size"),
        ships,
        index=ships.index(state.ship),
        key=widget_key("ship", tr.lang),
        format_func=lambda teu: ship_words[teu],
    )
    fuel_table = fuels()
    st.sidebar.selectbox(
        tr("Fuel"),
        list(fuel_table),
        index=list(fuel_table).index(state.fuel),
        key=widget_key("fuel", tr.lang),
        format_func=lambda f: tr(fuel_table[f].label),
        help=tr("Ships on VLSFO switch to 0.10 % S fuel (MGO) inside emission control areas."),
    )
    st.sidebar.slider(
        tr("Load factor"), 0.05, 1.0, float(state.load), step=0.05, key="load", format="%.2f"
    )
    st.sidebar.header(tr("Map"))
    st.sidebar.multiselect(
        tr("Layers"),
        list(ALL_LAYERS),
        placeholder=choose,
        default=list(state.layers),
        key=widget_key("layers", tr.lang),
        format_func=lambda layer: tr(LAYER_WORDS[layer]),
    )
    st.sidebar.radio(
        tr("Basemap"),
        list(BASEMAPS),
        index=list(BASEMAPS).index(state.basemap),
        key=widget_key("basemap", tr.lang),
        format_func=lambda b: tr(BASEMAP_WORDS[b]),
    )
    st.sidebar.text_input(
        tr("Custom map label"), value=state.label, key="label", max_chars=urlstate.MAX_LABEL_CHARS
    )


def metrics(pres: LanePresentation) -> None:
    """The key figures as metric cards, read from the presentation model."""
    tr = pres.tr
    st.html(PAGE_CSS + (ZH_CSS if pres.tr.chinese else ""))
    cols = st.columns(len(pres.metrics))
    for col, m in zip(cols, pres.metrics):
        value, note = m.value, m.note or None
        if tr.chinese:  # with page_zh.css: "4,527 吨…" and "5,729 海里" stay whole
            value, note = keep_units(value), keep_units(note) if note else None
        col.metric(m.label, value, note, delta_color="off", delta_arrow="off")
    view = pres.view
    notes = []
    if len(view.routes) > 1:
        others = tr.join_clauses(
            tr(
                "{name}: {distance}, {days}",
                name=pres.port_name(x.destination.id, x.destination.name),
                distance=tr("{value} nm", value=tr.number(x.distance_nm)),
                days=tr("{value} days", value=tr.number(x.duration_days, 1)),
            )
            for x in view.routes[1:]
        )
        notes.append(
            tr(
                "Headline figures for {origin} → {destination}. Also: {others}.",
                origin=pres.port_name(view.main.origin.id, view.main.origin.name),
                destination=pres.port_name(view.main.destination.id, view.main.destination.name),
                others=others,
            )
        )
    end = "。" if tr.chinese else "."
    caption = ("" if tr.chinese else " ").join([*notes, pres.passages_text() + end])
    caption = md(keep_units(caption) if tr.chinese else caption)  # "5,729 海里" stays whole
    trade_value = pres.metric("trade")
    if trade_value.source:
        cited = md(trade_value.source)
        if safe_url(trade_value.source_url):
            cited = f"[{cited}]({trade_value.source_url})"
        caption += tr(" Trade value: {source}. Every source: Sources tab.", source=cited)
    if not view.lane.sourced:  # a line, not a box: the map stays above the fold at 1280×800
        message = md(lane_message(view, tr.lang))
        caption += message if tr.chinese else " " + message
    st.caption(caption)
    if len(pres.warnings) == 1:
        st.warning(md(pres.warnings[0]))
    elif pres.warnings:  # one line here, the list under the map: it stays above the fold
        st.warning(tr(ROUTE_WARNINGS_BELOW, count=tr.number(len(pres.warnings))))


ROUTE_WARNINGS_BELOW = N_("{count} warnings about this route, listed under the map.")


def route_warnings_below(pres: LanePresentation) -> None:
    """Two or more route warnings, one box under the map, a line each (a line above the map
    says they are there: three boxes above it pushed the lane past the fold at 1280×800)."""
    if len(pres.warnings) > 1:
        st.warning("\n".join(f"- {md(w)}" for w in pres.warnings))


def segment_tables(view: LaneView, tr: Translator) -> None:
    """One narrow table per route (segment, distance, hours, share, a total row), then the
    rules and corridor measures once per zone crossed: seven columns of prose do not read on
    a phone, and the rules of a zone are the same for every route through it. Each table is
    one Markdown element: ``st.table`` drew each cell as a Markdown element of its own."""
    table = segments_table(view, tr.lang)
    route, segment = tr("Route"), tr("Segment")
    rules, measures = tr("Rules"), tr("Corridor measures")
    for name, rows in table.groupby(route, sort=False):
        if len(view.routes) > 1:
            st.markdown(f"**{md(str(name))}**")
        shown = rows.drop(columns=[route, rules, measures])
        st.markdown(
            markdown_table(
                list(shown.columns),
                shown.itertuples(index=False),
                right=range(1, len(shown.columns)),  # the figures
                bold_rows={len(shown) - 1},  # the total
            )
        )
    lines = []
    for _, row in table.drop_duplicates(subset=[segment, rules]).iterrows():
        if str(row[rules]).strip():
            line = tr("**{zone}**: {rules}", zone=md(str(row[segment])), rules=md(str(row[rules])))
            if str(row[measures]).strip():  # a sub-item: the rules do not end in a stop
                line += "\n  - " + tr(
                    "Corridor measures: {measures}", measures=md(str(row[measures]))
                )
            lines.append(f"- {line}")
    if lines:
        st.markdown(f"**{md(rules)}**\n" + "\n".join(lines))


def details(pres: LanePresentation) -> None:
    """Segments, the speed trade-off, the corridor's progress and sources; only the open tab
    is built (lazy tabs keep the first paint light)."""
    tr = pres.tr
    tab_seg, tab_speed, tab_prog, tab_src = st.tabs(
        [tr("Segments"), tr("Speed trade-off"), tr("Corridor progress"), tr("Sources")],
        key="details-tab",
        on_change="rerun",
    )
    view = pres.view
    if tab_seg.open:
        with tab_seg:
            segment_tables(view, tr)
    if tab_speed.open:
        with tab_speed:
            speeds = speed_tradeoff(view, lang=tr.lang)
            st.altair_chart(charts.tradeoff_chart(speeds, tr), width="content", theme=None)
            st.caption(markdown_caption(speeds))
            st.dataframe(speeds.table_rows(), hide_index=True, width="content")
    if tab_prog.open:
        with tab_prog:
            st.markdown("  \n".join(markdown_line(e, tr) for e in timeline()))  # line breaks
            in_place = pres.measures
            if in_place:
                st.markdown(tr("**In place at the ports of this lane** (markers on the map)"))
                st.markdown("\n".join(markdown_line(m, tr) for m in in_place))
    if tab_src.open:
        with tab_src:
            if not view.lane.sourced:
                st.info(md(lane_message(view, tr.lang)))
            st.markdown(
                "\n".join(
                    f"- [{md(s.title)}]({s.url})" if safe_url(s.url) else f"- {md(s.title)}"
                    for s in pres.sources
                )
            )
            st.caption(md(keep_units(pres.assumptions)))


def snapshot_panel(pres: LanePresentation) -> None:
    """Format, size and title for a slide-ready snapshot, rendered on demand (in the
    presentation's language)."""
    tr = pres.tr
    panel = st.expander(tr("Snapshot for a presentation"), key="snapshot-panel", on_change="rerun")
    if not panel.open:  # built only when opened: keeps the first paint light
        return
    with panel:
        cols = st.columns(3)
        fmt = cols[0].selectbox(
            tr("Format"), ["png", "svg", "pdf", "html", "geojson", "gpkg", "csv"], key="snap-fmt"
        )
        size = cols[1].selectbox(tr("Size"), list(snapshot.SIZES), index=0, key="snap-size")
        title = cols[2].text_input(tr("Title"), value=pres.title, max_chars=120)
        if st.button(tr("Render snapshot"), key="render-snapshot"):
            try:
                with st.spinner(tr("Rendering…")):
                    slide = pres.with_title(title or None)
                    result = snapshot.render_bytes(slide, fmt, size=snapshot.parse_size(size))
            except GeoError as exc:
                st.error(md(str(exc)))
                return
            st.caption(
                md(
                    tr(
                        "Rendered by: {renderer}. {note}",
                        renderer=tr(result.renderer_label),
                        note=snapshot_note(result.renderer, result.note, tr),
                    ).strip()
                )
            )
            st.download_button(
                tr("Download {filename}", filename=result.filename),
                result.data,
                file_name=result.filename,
                mime=result.mime,
                on_click="ignore",  # the button stays after the click
            )
        if st.button(tr("Prepare every format (zip)"), key="render-all"):
            try:
                with st.spinner(tr("Rendering every format…")):
                    slide = pres.with_title(title or None)
                    bundle = snapshot.render_zip(slide, size=snapshot.parse_size(size))
            except GeoError as exc:
                st.error(md(str(exc)))
                return
            st.download_button(
                tr("Download all ({filename})", filename=bundle.filename),
                bundle.data,
                file_name=bundle.filename,
                mime=bundle.mime,
                on_click="ignore",
            )


def widget_state(url_state: urlstate.ViewState, lang: str) -> urlstate.ViewState:
    """The choice on screen: the sidebar widgets' values once they exist, else the URL's; the
    map's extent as the user last left it.

    Reading them here lets the page draw the map before the sidebar (whose port lists are
    large), so the lane appears sooner; the sidebar is built at the end of the run.
    """
    ss = st.session_state

    def value(name: str, default: object) -> object:
        # this language's widget, else another language's (the run that switches language
        # builds the worded widgets anew, under new keys), else the URL's
        keys = [widget_key(name, lang), *(widget_key(name, other) for other in LANGUAGES)]
        return next((ss[k] for k in keys if k in ss), default)

    return urlstate.ViewState(
        origin=str(value("origin", url_state.origin)),
        dest=str(value("dest", url_state.dest)),
        speed=float(ss.get("speed", url_state.speed)),
        avoid=tuple(sorted(value("avoid", url_state.avoid))),  # type: ignore[call-overload]
        layers=tuple(x for x in ALL_LAYERS if x in value("layers", url_state.layers)),  # type: ignore[operator]
        basemap=str(value("basemap", url_state.basemap)),
        label=ss.get("label", url_state.label),
        extent=ss.get("map-extent", url_state.extent),
        ship=int(value("ship", url_state.ship)),  # type: ignore[call-overload]
        fuel=str(value("fuel", url_state.fuel)),
        load=float(ss.get("load", url_state.load)),
        lang=lang,
    )


def lane_from_widgets() -> bool:
    """Whether the lane (ports, passages, ship) on screen was chosen in the sidebar, not
    taken from the URL or the session."""
    ss = st.session_state
    names = ("origin", "dest", "avoid", "ship")
    return any(widget_key(n, lang) in ss for n in names for lang in LANGUAGES)


def compute(state: urlstate.ViewState, tr: Translator) -> tuple[LaneView, LanePresentation]:
    """The lane's view and its presentation model."""
    view = build_view(
        state.origin,
        state.dest,
        speed_kn=state.speed,
        avoid=state.avoid,
        ship_teu=state.ship,
        load_factor=state.load,
        fuel=state.fuel,
    )
    pres = present(view, layers=state.layers, label=state.label, extent=state.extent, lang=tr.lang)
    return view, pres


def page_query(state: urlstate.ViewState) -> dict[str, str]:
    """The URL's query for ``state`` (:func:`urlstate.to_query`), with a shared link's
    extent written as the link wrote it while the view is that same box: a box across 180°
    given the RFC 7946 way (``170,-22,-168,-10``) or with east beyond 180 (``120,10,250,45``),
    ``13.0`` or ``13``, stays the link it was."""
    query = urlstate.to_query(state)
    given = st.session_state.get("url-params", {}).get("extent")
    if state.extent is not None and isinstance(given, str):
        try:
            same = check_extent(given.split(",")) == state.extent
        except GeoError:
            same = False
        if same:
            query["extent"] = given.strip()
    return query


def link_lane(state: urlstate.ViewState, tr: Translator) -> str:
    """The lane's values as the URL gives them (``origin=…, dest=…, avoid=…``); in Chinese
    the passages by their Chinese names (``avoid=苏伊士运河、巴拿马运河``)."""
    query = urlstate.to_query(state)
    avoid = query.get("avoid", "")
    if tr.chinese and state.avoid:
        avoid = "、".join(passage_labels(list(state.avoid), tr))
    shown = {"origin": state.origin, "dest": state.dest, "avoid": avoid}
    return ", ".join(f"{k}={v}" for k, v in shown.items() if v)


def fall_back(
    state: urlstate.ViewState, exc: Exception, tr: Translator
) -> tuple[urlstate.ViewState, LaneView, LanePresentation] | None:
    """The default lane with the other settings of ``state`` (the passages to avoid too, if
    the default lane can be computed with them), in place of a lane from the URL that could
    not be computed; None if that fails too. Remembered in the session, with the error, for
    the warning of the next runs."""
    default = urlstate.DEFAULT_STATE
    for avoid in (state.avoid, default.avoid) if state.avoid else (default.avoid,):
        shown = dataclasses.replace(
            state, origin=default.origin, dest=default.dest, avoid=avoid, extent=None
        )
        try:
            view, pres = compute(shown, tr)
        except Exception:  # any failure: try the next, then give up
            continue
        ss = st.session_state
        for name in ("origin", "dest", "avoid"):  # the sidebar shows the lane drawn
            for lang in LANGUAGES:
                ss.pop(widget_key(name, lang), None)
        ss[LINK_VIEW_KEY] = None  # the link's extent was the other lane's
        ss.pop("map-extent", None)
        ss[FALLBACK_KEY] = (link_lane(state, tr), exc, (shown.origin, shown.dest, shown.avoid))
        return shown, view, pres
    return None


def fallback_warning(state: urlstate.ViewState, tr: Translator) -> None:
    """The warning about a lane of the URL replaced by the default one, as long as that lane
    is the one shown."""
    ss = st.session_state
    kept = ss.get(FALLBACK_KEY)
    if kept is None:
        return
    given, exc, lane = kept
    if lane != (state.origin, state.dest, state.avoid):
        del ss[FALLBACK_KEY]
        return
    error = error_text(exc, tr) if isinstance(exc, GeoError) else type(exc).__name__
    error = error.rstrip("。.")  # the sentence around it ends it
    st.warning(
        md(
            tr(
                "The lane in the link ({lane}) could not be computed: {error}. "
                "Showing the default lane instead.",
                lane=given,
                error=error,
            )
        )
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


def link_extent(state: urlstate.ViewState) -> tuple[float, float, float, float] | None:
    """The extent of the link this session opened with, while the map shows that link's
    lane; None for another lane (it is framed whole) or a link without an extent."""
    kept = st.session_state.get(LINK_VIEW_KEY)
    if kept is None:
        return None
    lane, extent = kept
    return extent if lane == (state.origin, state.dest) else None


def keep_view_across_redraw(state: urlstate.ViewState) -> None:
    """A map drawn anew for the same route (another choice of layers, basemap, label or
    language) opens on the view the user chose (moved to, or opened as a link), as a shared
    link would: zoomed into San Pedro Bay, a user who switches the zones off or the page to
    中文 stays there. A view the map framed by itself is framed again (the legend changes
    with the layers), and a new route (another lane, a passage avoided, another ship size)
    is framed as before."""
    ss = st.session_state
    route = (state.origin, state.dest, state.avoid, state.ship)
    dress = (state.layers, state.basemap, state.label, state.lang)
    before = ss.get(MAP_DRESS_KEY)
    ss[MAP_DRESS_KEY] = (route, dress)
    extent = ss.get("map-extent")
    chosen = ss.get("map-moved") or link_extent(state) is not None  # not the map's own fit
    if before is not None and before[0] == route and before[1] != dress and extent and chosen:
        ss[LINK_VIEW_KEY] = ((state.origin, state.dest), extent)


COPY_LINK = N_("Copy link: the button at the right of the box copies the link to this view.")


def share_link(state: urlstate.ViewState) -> None:
    """The link to this exact view (lane, speed, layers, extent, language), with a copy
    button."""
    query = urllib.parse.urlencode(page_query(state), safe=",")
    base = str(getattr(st.context, "url", "") or "").split("?")[0]
    st.code(f"{base}?{query}", language=None, wrap_lines=True)  # all of it in view
    st.caption(translator(state.lang)(COPY_LINK))


@st.fragment
def lane_map(state: urlstate.ViewState) -> None:
    """The map. A fragment: when the user pans or zooms, only this reruns — it keeps the
    map's extent in the session and the URL (for the share link and the snapshot) without
    re-running, and dimming, the whole page under the user's pointer."""
    ss = st.session_state
    link = link_extent(state)
    returned = map_component.mount(
        map_frame(dataclasses.replace(state, extent=None), link), height=MAP_HEIGHT_PX
    )
    extent = _extent_from(returned)
    zoom = returned.get("zoom") if isinstance(returned, dict) else None
    zoom = float(zoom) if isinstance(zoom, int | float) else None
    moved = bool(returned.get("moved")) if isinstance(returned, dict) else False
    ss["map-moved"] = moved
    # the link's view as this map frames it (widened for a port or a name at its edge, or
    # for the controls of a short map) or shows it: the link stays as it was
    if extent and link and (not moved or urlstate.shows_extent(extent, link, zoom=zoom)):
        extent = link
    if extent is not None and extent != ss.get("map-extent"):
        ss["map-extent"] = extent
        st.query_params.from_dict(page_query(dataclasses.replace(state, extent=extent)))


def main() -> None:
    ss = st.session_state
    tr = language.control()  # first in the sidebar
    params = st.query_params.to_dict()
    url_state, _ = urlstate.parse_state(params)
    kept = ss.get(KEPT_VIEW_KEY)
    if not params and isinstance(kept, urlstate.ViewState):  # back from another page
        url_state = dataclasses.replace(kept, lang=tr.lang)
    # the first run's warnings stay: the URL is rewritten at once, and the map's first report
    # of its bounds reruns the page, which would otherwise drop them before anyone read them;
    # they are worded again in the language of each run
    _, warnings = urlstate.parse_state(ss.setdefault("url-params", params), tr)
    for w in warnings:
        st.warning(md(w))
    for refusal in settle_typed_ports(url_state, tr):  # before the sidebar's values are read
        st.warning(md(refusal))
    state = widget_state(url_state, tr.lang)
    # the map opens on the shared view, as long as it shows the lane that was shared
    ss.setdefault(LINK_VIEW_KEY, ((url_state.origin, url_state.dest), url_state.extent))
    keep_view_across_redraw(state)

    try:
        _, pres = compute(state, tr)
    except Exception as exc:
        shown = None if lane_from_widgets() else fall_back(state, exc, tr)
        if shown is None:  # a lane chosen in the sidebar: say why, and let the user choose
            ss[KEPT_VIEW_KEY] = state
            st.query_params.from_dict(page_query(state))
            st.title(tr(HEADING))
            if isinstance(exc, GeoError):
                st.error(md(error_text(exc, tr)))
            else:  # never a traceback on the page
                st.error(
                    md(
                        tr(
                            "This lane could not be computed ({error}). Choose another.",
                            error=type(exc).__name__,
                        )
                    )
                )
            sidebar(state, tr)
            language.streamlit_words(tr)
            st.stop()
        state, _, pres = shown
    ss[KEPT_VIEW_KEY] = state
    st.query_params.from_dict(page_query(state))
    fallback_warning(state, tr)
    st.title(keep_units(pres.title) if tr.chinese else pres.title)  # 洛杉矶／长滩 stays whole
    st.caption(
        md(
            tr(
                "{subtitle}. The sea route, the regulatory zones it crosses and what the "
                "lane is worth, for the LA–Long Beach–Shanghai Green Shipping Corridor.",
                subtitle=pres.subtitle,
            )
        )
    )
    metrics(pres)
    lane_map(state)
    route_warnings_below(pres)
    snapshot_panel(pres)
    share = st.expander(tr("Share this view"), key="share-panel", on_change="rerun")
    if share.open:  # built only when opened
        with share:
            share_link(state)
    details(pres)
    sidebar(state, tr)
    language.streamlit_words(tr)  # last: a script, nothing to see


# The pages, named in the navigation, this one first. They live in app_pages/, not pages/:
# Streamlit treats a pages/ folder as the legacy automatic menu (this page would be "app"),
# and until this script has called st.navigation once in the process, a link straight to
# another page would run that page alone under the legacy menu.
tr_nav = translator(language.current())
st.navigation(
    [
        st.Page(main, title=tr_nav(LANE_MAP), icon=":material/map:", default=True),
        st.Page(
            "app_pages/compare_lanes.py",
            title=tr_nav(COMPARE_LANES),
            icon=":material/compare_arrows:",
            url_path="compare",
        ),
    ]
).run()
