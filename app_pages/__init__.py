"""Further pages of the app (run by st.navigation in app.py) and their shared Streamlit glue."""
