"""What the market says: a salary survey's pay bands per country and role, the article's band over them."""

import streamlit as st

from dashboard.app import data, shell, survey_page, ui
from dashboard.core import export
from dashboard.survey import aggregate, figures, tables, view

shell.ensure_app_shell()

st.title("What the market says: a salary survey")
st.caption(
    "Real answers, country by country: the spread of pay for each role, how many people answered, "
    "and the article's band drawn over it."
)

name, key, loaded = survey_page.choose_survey()
title_map = ui.load_or_stop(data.load_title_map)
salaries = ui.load_or_stop(data.load_salaries)
fx = ui.load_or_stop(data.load_fx_rates)
market_rates, rate_years = view.market_rates(fx), view.rate_years(fx)
st.markdown(view.summary_line(name, loaded))

if loaded.rows["role"].notna().any():
    st.subheader("Filters")
    chosen, field_countries = survey_page.survey_filters(loaded, data.survey_options(loaded, key))
    st.subheader("Pay by country and role")
    table = data.survey_table(loaded, key, chosen, market_rates)
    broken = tables.implausible_cells(table) if chosen.countries and not table.empty else 0
    if not chosen.countries:
        st.info("No country is selected. Pick one or more countries above.", icon=":material/filter_alt:")
    elif table.empty:
        st.info(
            "No ML Engineer or AI Engineer answers match these filters. Widen them above.",
            icon=":material/filter_alt:",
        )
    elif broken:
        st.warning(
            f"Cells below with a percentile of a trillion US$ or more: {broken:,}. The file's salary_in_usd "
            "cannot be right there, so the chart is left out; the table shows the numbers as they are.",
            icon=":material/warning:",
        )
    else:
        article = aggregate.article_bands_usd(salaries, market_rates)
        ui.chart(
            figures.survey_bands_figure(table, article),
            key="survey-bands",
            alt=figures.survey_bands_alt(table, article),
        )
        st.caption(view.chart_caption(rate_years))
    if chosen.countries and not table.empty:
        st.dataframe(
            tables.display_table(table),
            hide_index=True,
            column_config={"n": st.column_config.NumberColumn("n", help="Answers in this cell")},
        )
        st.caption(view.local_currency_caption(table, rate_years))
    scope = view.countries_scope(chosen.countries, field_countries)
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
else:
    st.warning(
        "No accepted row has a job title the title map counts as ML Engineer or AI Engineer, so there "
        "is nothing to chart. The titles the survey does have are listed below.",
        icon=":material/search_off:",
    )

st.subheader("Which job titles count")
counted = tables.mapped_titles(loaded)
st.caption(view.titles_caption(title_map, counted, loaded))
left, right = st.columns(2)
left.dataframe(counted, hide_index=True)
right.dataframe(tables.unmapped_titles(loaded), hide_index=True)

st.subheader("Rows skipped")
if len(loaded.rejects):
    st.caption(view.SKIPPED_CAPTION)
    ui.static_table(tables.reject_table(loaded.reject_counts))
    ui.download_csv(
        loaded.rejects,
        export.csv_filename("survey-skipped-rows"),
        label=f"Download the {len(loaded.rejects):,} skipped rows (CSV)",
        key="download-survey-rejects",
    )
else:
    st.caption(view.NONE_SKIPPED)
