"""What the market says: a salary survey's pay by country, role, level and year, beside the article."""

import streamlit as st

from dashboard.app import data, filters, shell, survey_page, survey_sections, ui
from dashboard.core import export
from dashboard.survey import aggregate, tables, view

shell.ensure_app_shell()

st.title("What the market says: a salary survey")
st.caption(
    "Real answers, country by country: the spread of pay for each role, how many people answered, "
    "the article's band drawn over it, and whether the difference between the roles is clear."
)

name, key, loaded = survey_page.choose_survey()
title_map = ui.load_or_stop(data.load_title_map)
salaries = ui.load_or_stop(data.load_salaries)
fx = ui.load_or_stop(data.load_fx_rates)
market_rates, rate_years = view.market_rates(fx), view.rate_years(fx)
st.markdown(view.summary_line(name, loaded, filters.title_bases()))

if loaded.rows["role"].notna().any():
    st.subheader("Filters")
    chosen, field_countries = survey_page.survey_filters(loaded, data.survey_options(loaded, key))
    scope = view.countries_scope(chosen.countries, field_countries)
    st.subheader("Pay by country and role")
    table = data.survey_table(loaded, key, chosen, market_rates)
    shown = survey_sections.bands_section(table, chosen, salaries, market_rates, rate_years)
    ui.download_csv(
        tables.export_table(table, fx, chosen.country_field),
        export.csv_filename("survey-percentiles", scope),
        label="Download the percentile table (CSV)",
        key="download-survey-table",
    )
    rows = aggregate.filter_rows(loaded, chosen) if chosen.countries else loaded.rows.iloc[:0]
    ui.download_csv(
        tables.rows_for_download(rows),
        export.csv_filename("survey-answers", scope),
        label=f"Download the {len(rows):,} answers behind it (CSV)",
        key="download-survey-rows",
    )
    if shown:
        st.subheader("Which role earns more, country by country?")
        survey_sections.differences_section(loaded, key, chosen, scope)
        st.subheader("Pay by experience level")
        survey_sections.spread_section(loaded, key, chosen, "experience_level", "Experience level", scope)
        st.subheader("Pay by work year")
        survey_sections.spread_section(loaded, key, chosen, "work_year", "Work year", scope)
    survey_sections.map_section(loaded, key, chosen, market_rates)
else:
    st.warning(
        "No accepted row has a job title the title map counts as ML Engineer or AI Engineer, so there "
        "is nothing to chart. The titles the survey does have are listed below.",
        icon=":material/search_off:",
    )

st.subheader("Which job titles count")
survey_sections.titles_section(loaded, key, title_map)
st.subheader("Rows skipped")
survey_sections.rejects_section(loaded)
