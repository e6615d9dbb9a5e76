"""Build the zone layer ``data/zones.geojson`` from the definitions in ``geo.zones.build``.

Run from the project root after changing a zone definition or ``data/land.geojson``::

    .venv/bin/python scripts/build_zones.py

The output is deterministic (same inputs → byte-identical file); ``tests/test_zones_file.py``
rebuilds the layer in memory and checks the file matches.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo.zones.build import build_extents
from geo.zones.store import ZONES_PATH, extents_to_geojson


def main() -> int:
    text = extents_to_geojson(build_extents())
    ZONES_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {ZONES_PATH} ({len(text.encode('utf-8')):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
