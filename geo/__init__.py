"""Sea route, corridor layers and trade figures for the LA–Long Beach–Shanghai lane.

The package never imports streamlit; ``app.py`` is the only Streamlit page.
Every coordinate inside ``geo`` is ``(lon, lat)``.
"""

__version__ = "0.1.0"
