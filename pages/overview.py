"""Home: what the two roles are, the article's comparison side by side, and where to go next."""

import streamlit as st

from dashboard import data, export, shell, ui

shell.ensure_app_shell()

st.title("ML Engineer vs AI Engineer")
st.markdown(
    "Two careers on AWS, side by side. An **ML Engineer** builds, trains and tunes models; an "
    "**AI Engineer** builds intelligent applications on top of existing models. Compare what "
    "they pay by region, which skills they share, and which AWS services each one uses."
)

comparison = ui.load_or_stop(data.load_comparison)
header = st.columns([1, 2, 2])
header[1].subheader("ML Engineer", divider="blue")
header[2].subheader("AI Engineer", divider="orange")
for row in comparison.itertuples(index=False):
    aspect, ml, ai = st.columns([1, 2, 2])
    aspect.markdown(f"**{ui.escape_markdown(row.aspect)}**")
    ml.markdown(ui.escape_markdown(row.ml_engineer))
    ai.markdown(ui.escape_markdown(row.ai_engineer))

ui.download_csv(
    comparison,
    export.csv_filename("comparison"),
    label="Download comparison (CSV)",
    key="download-comparison",
)

st.subheader("Explore")
st.page_link(
    "pages/salaries.py",
    label="Salary bands in five regions, and the ML − AI gap",
    icon=":material/payments:",
)
st.caption(
    "Source: Whizlabs, *ML Engineer vs AI Engineer on AWS: Certification, Skills & Salary "
    "Comparison* (Mythili Sivakumar, 2026). See data/README.md for how each figure was taken."
)
