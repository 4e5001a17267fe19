"""Entry point: page config, navigation, the shared sidebar filter, then the chosen page."""

import streamlit as st

from dashboard.app import filters, shell, survey_page, url_state

st.set_page_config(page_title="ML Engineer vs AI Engineer", page_icon="⚖️", layout="wide")
page = st.navigation(shell.build_pages())
url_state.dropped_link_warning(st.sidebar)
survey_page.session_upload()
filters.widget(filters.REGION, st.sidebar)
filters.url_choice(filters.UNIT, st.sidebar)
filters.url_choice(filters.TITLES, st.sidebar)
st.sidebar.caption(
    "Figures: Whizlabs, *ML Engineer vs AI Engineer on AWS* (2026); the aijobs.net salary survey (2025). "
    "Exchange rates and PPP: World Bank (2025)."
)
shell.run_page(page)
