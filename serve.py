"""Start the app warm: ``python serve.py [streamlit options]`` (what ``make run`` does).

``streamlit run app.py`` starts listening at once but runs the page script only when the first
visitor connects, so that visitor waits for the imports (GeoPandas, Folium, Altair …), the
sea-lane graph, the land and zone layers and the default lane's map (≈ 3–5 s here). This
launcher does that work first, in this process — it imports the libraries, computes the
default lane, its presentation model and its map, and the port picker's sea-lane distances —
then hands over to the ``streamlit run`` command line in the same process, whose page runs
find the modules imported and the ``geo`` caches filled. The server answers its health check
only after the warm-up, like a readiness probe.

The page itself is not run here: Streamlit's custom components (the map) register with the
runtime of the moment they are imported, so they must first be imported by the server.

Every argument is passed to ``streamlit run`` unchanged (``--server.port 8501`` …). A warm-up
that fails is reported on stderr and the server starts anyway (cold).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

APP = Path(__file__).resolve().parent / "app.py"


def warm_up() -> float:
    """Import the page's libraries and fill the ``geo`` caches for the default lane; the
    duration in seconds."""
    started = time.perf_counter()
    import altair  # noqa: F401  (imported for its import time only)

    from geo.catalogue import ports, sealanes
    from geo.present.model import present
    from geo.present.view import build_view
    from geo.render.folium import mapping

    pres = present(build_view())
    mapping.build_map(pres, mapping.MapOptions()).get_root().render()
    for port in ports.catalogue():  # the port picker marks ports far from the sea lanes
        sealanes.far_from_sea_lanes(port)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    try:
        took = warm_up()
        print(f"serve.py: warmed the default lane in {took:.1f} s", file=sys.stderr)
    except Exception as exc:  # the app must still start
        print(f"serve.py: warm-up failed ({exc}); starting cold", file=sys.stderr)
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), *argv]
    return int(cli.main(standalone_mode=False) or 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
