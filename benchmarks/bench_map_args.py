"""Server time the lane map costs each run of the page: ``st_folium`` on the cached map (as the
page did until 2026-11-29) against the cached component arguments (``app_pages/map_component``).

Run: ``.venv/bin/python benchmarks/bench_map_args.py``. Both paths start from what the page's
cache hands a run (a pickle: Streamlit's ``st.cache_data`` unpickles its entry for every run)
and end with the frontend's arguments; the frontend call itself is replaced by a function that
returns them. Medians of 15 after one warm-up, default lane, every layer.
"""

from __future__ import annotations

import os
import pickle
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    import streamlit_folium as sf

    from app_pages import map_component
    from geo.present.model import present
    from geo.present.options import ALL_LAYERS
    from geo.present.view import build_view
    from geo.render.folium import assets, mapping

    sf._component_func = lambda **kwargs: kwargs["default"]  # no Streamlit runtime here
    pres = present(build_view("CNSHA", "SAN-PEDRO-BAY"), layers=ALL_LAYERS)

    def fresh_map() -> Any:
        m = mapping.build_map(pres, mapping.MapOptions(basemap="offline"))
        assets.localise_for_streamlit(m, assets.app_static_dir(ROOT / "app.py"), bundle_js=True)
        return m

    cached_map = pickle.dumps(fresh_map())
    args = map_component.map_args(
        fresh_map(),
        "k",
        group=mapping.segments_layer_for_app(pres),
        control=mapping.layer_control(),
    )
    cached_args = pickle.dumps(args)

    def old() -> None:  # the page until 2026-11-29
        sf.st_folium(
            pickle.loads(cached_map),
            key="k",
            height=560,
            use_container_width=True,
            returned_objects=["bounds"],
            feature_group_to_add=mapping.segments_layer_for_app(pres),
            layer_control=mapping.layer_control(),
        )

    def new() -> None:
        map_component.mount(pickle.loads(cached_args), height=560)

    times: dict[str, list[float]] = {"old": [], "new": []}
    for n in range(16):
        for name, run in (("old", old), ("new", new)):
            t0 = time.perf_counter()
            run()
            if n:
                times[name].append(time.perf_counter() - t0)
    o, w = statistics.median(times["old"]), statistics.median(times["new"])
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print("Command: .venv/bin/python benchmarks/bench_map_args.py")
    print()
    print("| server time of the lane map per page run (median of 15) | time | ratio |")
    print("|---|---:|---:|")
    print(
        f"| `st_folium` on the cached map (until 2026-11-29; baseline) | {o * 1e3:.0f} ms | 1.00 |"
    )
    print(f"| cached component arguments, mounted | {w * 1e3:.2f} ms | 1/{o / w:,.0f} |")
    print(
        f"| cached entry sizes: map {len(cached_map):,} B, arguments {len(cached_args):,} B | | |"
    )


if __name__ == "__main__":
    main()
