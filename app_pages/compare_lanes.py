"""Compare lanes: several sea lanes side by side, in a table and on one map.

Thin by design: reads widgets and the URL, calls ``geo`` (``geo.present.compare`` measures and
formats, ``geo.render.folium.compare`` draws), renders. No computation here.
"""

from __future__ import annotations

import dataclasses
import hashlib
import urllib.parse
from pathlib import Path
from typing import Any

import streamlit as st

from app_pages import language, map_component
from geo.errors import GeoError
from geo.i18n import N_, Translator, translator
from geo.present import avoidance, compare, compare_co2, compare_url, portlabels
from geo.present.choices import MODE_LABELS
from geo.present.errtext import error_text
from geo.present.text import keep_units, md
from geo.present.wording import passage_labels
from geo.render.folium import assets
from geo.render.folium.compare import compare_map
from geo.routing import engine as routing
from geo.settings import DEFAULT_SPEED_KN, MAX_SPEED_KN, MIN_SPEED_KN

APP_DIR = Path(__file__).resolve().parents[1]  # app.py's folder: its static/ is served
MAP_HEIGHT_PX = 540
TITLE = N_("Compare lanes")
#: the Chinese page's styles (headings wrap between names, metric sizes), as on the lane page
ZH_CSS = (APP_DIR / "app_pages" / "page_zh.css").read_text(encoding="utf-8")
PAGE_TITLE = N_("Compare lanes · Pacific lane")
#: Avoidance sets offered in the sidebar (URL keys, see geo.present.compare_url).
SET_CHOICES = (
    "none",
    "suez",
    "panama",
    "south_africa",
    "panama,suez",
    "south_africa,suez",
    "panama,south_africa,suez",
    "bering",
    "malacca",
)

st.set_page_config(
    page_title=translator(language.current())(PAGE_TITLE),
    page_icon="🚢",
    layout="wide",
)


@st.cache_data(show_spinner=False)
def port_options(lang: str = "en") -> tuple[list[str], dict[str, str]]:
    """Catalogue ids in display order, and their labels as the lane page's pickers have them
    (searchable by code or name; in Chinese the Chinese name first where there is one, the
    country in Chinese: ``"西雅图 Seattle (Wa)，美国（USSEA）"``: :mod:`geo.present.portlabels`)."""
    return portlabels.picker_labels(lang)


@st.cache_data(show_spinner=False, max_entries=16)
def lanes_map(state: compare_url.CompareState) -> dict[str, Any]:
    """The map component's arguments for a selection (the map does not depend on the speed),
    assets served locally: drawn once, not on every run."""
    m = compare_map(comparison(state))
    assets.localise_for_streamlit(m, assets.app_static_dir(APP_DIR / "app.py"), bundle_js=True)
    key = hashlib.sha256(repr(compare_url.to_query(state)).encode()).hexdigest()[:12]
    return map_component.map_args(m, f"compare-map-{key}", returned=())


def comparison(state: compare_url.CompareState) -> compare.Comparison:
    if state.mode == "avoid":
        return compare.compare_avoidance(
            state.origin, state.dest, state.sets, speed_kn=state.speed, lang=state.lang
        )
    return compare.compare_pairs(
        state.origins, state.dests, speed_kn=state.speed, avoid=state.avoid, lang=state.lang
    )


def sidebar(url: compare_url.CompareState, tr: Translator) -> compare_url.CompareState:
    """The controls, opened on the URL's choice; returns the choice on screen."""
    ids, labels = port_options(tr.lang)
    sb = st.sidebar
    sb.header(tr("Compare"))
    search_help = tr("Type a port name or UN/LOCODE to search the whole catalogue.")
    choose = tr("Choose options") if tr.chinese else None  # English: Streamlit's own
    mode = sb.radio(
        tr("Lanes"),
        list(MODE_LABELS),
        index=list(MODE_LABELS).index(url.mode),
        format_func=lambda m: tr(MODE_LABELS[m]),
        key="cmp-mode",
    )

    def many(title: str, current: tuple[str, ...], key: str) -> tuple[str, ...]:
        options = [*(c for c in current if c not in labels), *ids]
        picked = sb.multiselect(
            title,
            options,
            placeholder=choose,
            default=list(current),
            key=key,
            format_func=lambda i: labels.get(i, i),
            max_selections=compare.MAX_PORTS_PER_SIDE,
            help=search_help,
        )
        return tuple(picked)

    def one(title: str, current: str, key: str) -> str:
        options = ids if current in labels else [current, *ids]
        return str(
            sb.selectbox(
                title,
                options,
                index=options.index(current),
                key=key,
                format_func=lambda i: labels.get(i, i),
                help=search_help,
            )
        )

    state = url
    if mode == "pairs":
        origins = many(tr("Origins"), url.origins, "cmp-origins")
        dests = many(tr("Destinations"), url.dests, "cmp-dests")
        avoid = sb.multiselect(
            tr("Avoid passages"),
            list(routing.PASSAGES),
            placeholder=choose,
            default=list(url.avoid),
            key="cmp-avoid",
            format_func=lambda p: passage_labels([p], tr)[0],
        )
        state = compare_url.CompareState(
            mode="pairs", origins=origins, dests=dests, avoid=tuple(sorted(avoid)), lang=tr.lang
        )
    else:
        origin = one(tr("Origin"), url.origin, "cmp-origin")
        dest = one(tr("Destination"), url.dest, "cmp-dest")
        current = [avoidance.avoid_set_key(s) for s in url.sets]
        picked = sb.multiselect(
            tr("Avoidance sets (one lane each)"),
            [*current, *(c for c in SET_CHOICES if c not in current)],
            placeholder=choose,
            default=current,
            key="cmp-sets",
            format_func=lambda k: avoidance.avoid_label(avoidance.parse_avoid_set(k), tr),
            max_selections=compare.MAX_AVOID_SETS,
        )
        sets = tuple(avoidance.parse_avoid_set(k) for k in picked)
        state = compare_url.CompareState(
            mode="avoid", origin=origin, dest=dest, sets=sets, lang=tr.lang
        )
    speed = sb.slider(
        tr("Speed (knots)"),
        min_value=float(MIN_SPEED_KN),
        max_value=float(MAX_SPEED_KN),
        step=0.5,
        value=float(url.speed),
        key="cmp-speed",
        format="%.1f",
    )
    return dataclasses.replace(state, speed=float(speed))


def share_link(state: compare_url.CompareState) -> None:
    query = urllib.parse.urlencode(compare_url.to_query(state), safe=",;")
    base = str(getattr(st.context, "url", "") or "").split("?")[0]
    st.code(f"{base}?{query}", language=None, wrap_lines=True)
    tr = translator(state.lang)
    st.caption(tr("Copy link: the button at the right of the box copies the link to this view."))


def main() -> None:
    tr = language.control()  # first in the sidebar
    if tr.chinese:  # before the first heading, so it wraps between names from the start
        st.html(ZH_CSS)
    url_state, warnings = compare_url.parse_compare_state(st.query_params.to_dict(), tr)
    for w in warnings:
        st.warning(md(w))
    state = sidebar(url_state, tr)
    st.query_params.from_dict(compare_url.to_query(state))
    try:
        cmp = comparison(state)
        lanes = dataclasses.replace(state, speed=DEFAULT_SPEED_KN)  # the map shows no days
        m = lanes_map(lanes)
    except GeoError as exc:
        st.title(tr(TITLE))
        st.error(md(error_text(exc, tr)))
        language.streamlit_words(tr)
        st.stop()
    except Exception as exc:  # never a traceback on the page
        st.title(tr(TITLE))
        st.error(
            md(
                tr(
                    "These lanes could not be computed ({error}). Choose others.",
                    error=type(exc).__name__,
                )
            )
        )
        language.streamlit_words(tr)
        st.stop()
    st.title(keep_units(cmp.title) if tr.chinese else cmp.title)  # 洛杉矶／长滩 stays whole
    for note in cmp.notes():  # the lanes asked for that the title does not count
        st.info(md(note))
    st.caption(
        md(
            tr(
                "Sea distance, days at sea and CO₂ of several lanes, each measured exactly as "
                "on the lane map; differences are to the shortest lane."
            )
        )
    )
    st.markdown(md(cmp.summary()))
    map_component.mount(m, height=MAP_HEIGHT_PX)
    st.table(cmp.table().set_index("#"))
    for w in cmp.warnings():
        st.warning(md(w))
    st.caption(
        md(
            tr(
                "Distances are geodesic (WGS 84) along the sea-lane network; days are time at "
                "sea at the chosen speed, no port time; CO₂ is tank-to-wake per voyage for an "
                "{ship}, as on the lane map. Not for navigation.",
                ship=compare_co2.co2_note(tr),
            )
        )
    )
    share = st.expander(tr("Share this comparison"), key="cmp-share", on_change="rerun")
    if share.open:
        with share:
            share_link(state)
    language.streamlit_words(tr)  # last: a script, nothing to see


main()
