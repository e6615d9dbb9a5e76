"""The server settings `make run` serves the page with (``.streamlit/config.toml``): the ones
that keep a page load from waiting on the server (BENCHMARKS.md, 2026-11-30)."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit.config

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the project's Python is 3.11
    import tomli as tomllib

CONFIG = Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml"


def _settings() -> dict[str, object]:
    with CONFIG.open("rb") as f:
        raw = tomllib.load(f)
    return {f"{part}.{key}": value for part, keys in raw.items() for key, value in keys.items()}


def test_every_setting_is_one_streamlit_knows() -> None:
    """A misspelt option would be ignored without a word: each must be one of Streamlit's."""
    known = set(streamlit.config._config_options_template)
    assert set(_settings()) <= known


def test_the_server_neither_watches_sources_nor_forces_a_full_collection_per_run() -> None:
    """Each new session registered every module's folder with the source watcher, and each
    run ended in ``gc.collect(2)`` (≈ 0.25 s with the catalogue and zones in memory): both
    held the server while the browser waited for the page's scripts."""
    settings = _settings()
    assert settings["server.fileWatcherType"] == "none"
    assert settings["runner.postScriptGC"] is False
    assert settings["server.runOnSave"] is False
    assert settings["browser.gatherUsageStats"] is False  # offline: nothing sent anywhere
