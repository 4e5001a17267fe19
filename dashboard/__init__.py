"""ML Engineer vs AI Engineer dashboard: the logic behind the Streamlit pages, importable on its own."""
