"""The page language, shared by every page: the URL's ``lang``, the control at the top of the
sidebar and the session (which keeps the choice when the user changes page).

Streamlit glue only: the words are in ``geo``'s catalogues (:func:`geo.i18n.translator`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Final

import streamlit as st

from geo.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, Translator, translator

#: The sidebar control's key (its value is the language code).
CONTROL_KEY: Final[str] = "lang"
#: The choice kept in the session across pages (a widget's own state is dropped when the page
#: that shows it is left).
KEPT_KEY: Final[str] = "page-lang"
#: Each language in its own words; the label is in both, so it reads the same either way.
NAMES: Final[dict[str, str]] = {"en": "English", "zh": "中文"}
LABEL: Final[str] = "Language · 语言"


def current() -> str:
    """The language of this run: the control's value once it exists, else the URL's ``lang``
    (a bad value: English; the page's URL parser warns about it), else the session's."""
    ss = st.session_state
    if ss.get(CONTROL_KEY) in LANGUAGES:
        return str(ss[CONTROL_KEY])
    raw = st.query_params.get("lang")
    if raw is not None:
        code = raw.strip().lower()
        return code if code in LANGUAGES else DEFAULT_LANGUAGE
    kept = ss.get(KEPT_KEY)
    return str(kept) if kept in LANGUAGES else DEFAULT_LANGUAGE


def control() -> Translator:
    """The language control at the top of the sidebar (call it before any other sidebar
    element); the translator of the language chosen."""
    lang = current()
    choice = st.sidebar.radio(
        LABEL,
        LANGUAGES,
        index=LANGUAGES.index(lang),
        key=CONTROL_KEY,
        format_func=NAMES.__getitem__,
        horizontal=True,
    )
    st.session_state[KEPT_KEY] = choice
    return translator(str(choice))


#: Streamlit's own widget words (it has no locale setting), as they appear in its frontend.
STREAMLIT_WORDS: Final[tuple[str, ...]] = (
    N_("Select all"),
    N_("No results"),
    N_("Press Enter to apply"),
    N_("Choose an option"),
    N_("Choose options"),
    N_("Clear all"),
    N_("Open"),
    N_("Skip to main content"),  # the page's first link, for keyboards and screen readers
    # the toolbar of a chart or a table (its buttons' titles and labels)
    N_("Download as PNG"),
    N_("Download as SVG"),
    N_("Download as CSV"),
    N_("Copy Vega-Lite spec"),
    N_("Fullscreen"),
    N_("Close fullscreen"),
    N_("Search"),
    N_("Show/hide columns"),
)
#: The same for words with a count: (pattern of the whole text, message with ``{n}``).
STREAMLIT_COUNTED: Final[tuple[tuple[str, str], ...]] = (
    (r"^Select (\d+) matches$", N_("Select {n} matches")),
    (r"^(\d+) options? available\.$", N_("{n} options available.")),
    (
        r"^You can only select up to (\d+) options?\. Remove an option first\.$",
        N_("You can only select up to {n} options. Remove an option first."),
    ),
    # a port picker's offer to look up what was typed ({n}: the text typed)
    (r"^Add: (.+)$", N_("Add: {n}")),
)
_WORDS_JS = (Path(__file__).with_name("streamlit_words.js")).read_text(encoding="utf-8")


def streamlit_words(tr: Translator) -> None:
    """Streamlit's own widget words in the page's language (nothing in English): a script
    that rewords them where they appear, fed from the gettext catalogue."""
    if not tr.chinese:
        return
    data = {
        "exact": {w: tr(w) for w in STREAMLIT_WORDS},
        "patterns": [[pattern, tr(message, n="{n}")] for pattern, message in STREAMLIT_COUNTED],
    }
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")  # no </script>
    script = _WORDS_JS.replace("})(WORDS);", "})(" + payload + ");")
    st.html(
        f'<span id="streamlit-words-marker" hidden></span><script>{script}</script>',
        unsafe_allow_javascript=True,
    )
