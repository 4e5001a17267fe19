"""Entry point: page config, navigation, the shared sidebar filter, then the chosen page."""

from pathlib import Path

import streamlit as st

from dashboard import data, filters

PAGES_DIR = Path(__file__).parent / "pages"


def build_pages() -> list:
    """Every page gets a url_path: clean links, and AppTest keeps the shared sidebar across switches."""
    return [
        st.Page(
            PAGES_DIR / "overview.py",
            title="Overview",
            icon=":material/compare_arrows:",
            url_path="overview",
            default=True,
        ),
        st.Page(
            PAGES_DIR / "salary_bands.py", title="Salaries", icon=":material/payments:", url_path="salaries"
        ),
    ]


st.set_page_config(
    page_title="ML Engineer vs AI Engineer", page_icon=":material/compare_arrows:", layout="wide"
)
page = st.navigation(build_pages())

try:
    region_codes = list(dict.fromkeys(data.load_salaries()["country_code"]))
except data.DataFileError:
    region_codes = []  # the Salaries page shows what is wrong with the file
filters.region_filter(region_codes)
st.sidebar.caption(
    "Figures: Whizlabs, *ML Engineer vs AI Engineer on AWS* (2026). Salaries are annual, in local currency."
)
page.run()
