"""Salary bands per region for both roles, the ML − AI gap, and the download of both."""

import streamlit as st

from dashboard import alt_text, data, export, figures, filters, salary, shell, tables, ui

shell.ensure_app_shell()

st.title("Salary bands by region")
st.caption("Annual salary ranges from the article's 2026 table, each region in its own currency.")

salaries = ui.load_or_stop(data.load_salaries)
codes = filters.chosen(filters.REGION)
ui.stop_if_nothing_chosen(codes, filters.REGION, "in the sidebar")
view = filters.filter_regions(salaries, codes)
scope = export.scope_label(codes, filters.REGION.options(), "all-regions")

ui.chart(figures.salary_bands_figure(view), key="salary-bands", alt=alt_text.salary_bands_alt(view))
ui.static_table(tables.salary_display_table(view))
ui.download_csv(
    tables.salary_export_table(view),
    export.csv_filename("salary-bands", scope),
    label="Download salary bands (CSV)",
    key="download-salaries",
)

st.subheader("How much more does an ML Engineer earn?")
gaps = salary.salary_gaps(view)
st.caption(
    "ML Engineer minus AI Engineer in each region, at the bottom, top and midpoint of the bands. "
    "The percentage compares midpoints, so regions with different currencies sit on one scale."
)
ui.chart(figures.salary_gap_figure(gaps), key="salary-gaps", alt=alt_text.salary_gap_alt(gaps))
ui.static_table(tables.gap_display_table(gaps))
ui.download_csv(
    gaps.drop(columns="flag"),
    export.csv_filename("salary-gaps", scope),
    label="Download ML − AI gaps (CSV)",
    key="download-gaps",
)
