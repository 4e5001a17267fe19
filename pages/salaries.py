"""Salary bands per region for both roles, in local currency or on one scale, the gap, and a map."""

import streamlit as st

from dashboard.app import data, filters, market, salary_sections, shell, ui
from dashboard.core import export, listing
from dashboard.core.text import escape_markdown
from dashboard.salaries import band_figures, gap_figures, gaps, rates, tables

shell.ensure_app_shell()

st.title("Salary bands by region")
salaries = ui.load_or_stop(data.load_salaries)
fx = ui.load_or_stop(data.load_fx_rates)
unit = filters.money_unit()
st.caption(
    "Salary ranges from the article's 2026 table, per year (the article says so for India, in lakh per "
    "annum; the dashboard assumes it for the other regions), "
    + ("each region in its own currency." if unit.is_local else f"in {escape_markdown(unit.label)}.")
    + " Change the money unit in the sidebar."
)

codes = filters.chosen(filters.REGION)
ui.stop_if_nothing_chosen(codes, filters.REGION, "in the sidebar")
view = listing.filter_regions(salaries, codes)
converted = market.beside_bands(rates.convert_salaries(view, fx, unit), codes, fx, unit)
region_scope = filters.REGION.scope(codes)
scope = region_scope if unit.is_local else f"{region_scope}_{unit.key}"
source = escape_markdown(rates.source_caption(view["year"], fx, unit))

ui.chart(
    band_figures.salary_figure(converted, unit),
    key="salary-bands",
    alt=band_figures.salary_bands_alt(converted, unit),
)
if not unit.is_local:
    st.caption(escape_markdown(rates.rates_caption(fx, unit, list(dict.fromkeys(view["currency"])))))
st.caption(source)
market.bands_caption(converted)
ui.static_table(tables.salary_display_table(converted, unit))
ui.download_csv(
    tables.salary_export_table(converted, unit),
    export.csv_filename("salary-bands", scope),
    label="Download salary bands (CSV)",
    key="download-salaries",
)

st.subheader("Which role earns more, region by region?")
region_gaps = gaps.salary_gaps(converted)
st.caption(
    "ML Engineer minus AI Engineer at the midpoint of each region's bands, largest ML lead first. "
    "Percentages are of the AI Engineer's midpoint (+10% means the ML Engineer's is 10% higher), so "
    "regions with different currencies sit on one scale."
)
ui.chart(
    gap_figures.salary_gap_figure(region_gaps, unit),
    key="salary-gaps",
    alt=gap_figures.salary_gap_alt(region_gaps, unit),
)
st.caption(source)
st.markdown("\n".join(f"- {escape_markdown(s)}" for s in region_gaps["statement"]))
salary_sections.faq_claim(region_gaps)
ui.static_table(tables.gap_display_table(region_gaps))
ui.download_csv(
    tables.gap_export_table(region_gaps),
    export.csv_filename("salary-gaps", scope),
    label="Download gaps between roles (CSV)",
    key="download-gaps",
)

salary_sections.map_section(view, fx, unit)
