"""Entry point: page config, navigation, the shared sidebar filter, then the chosen page."""

import streamlit as st

from dashboard import data, filters, shell

st.set_page_config(page_title="ML Engineer vs AI Engineer", page_icon="⚖️", layout="wide")
page = st.navigation(shell.build_pages())

try:
    region_codes = list(dict.fromkeys(data.load_salaries()["country_code"]))
except data.DataFileError:
    region_codes = []  # the Salaries page shows what is wrong with the file
filters.region_filter(region_codes)
st.sidebar.caption(
    "Figures: Whizlabs, *ML Engineer vs AI Engineer on AWS* (2026). Salaries are annual, in local currency."
)
page.run()
