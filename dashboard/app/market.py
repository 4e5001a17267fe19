"""The market beside the article: the survey's figures drawn next to the article's on the Overview, Salaries
and Fit pages (the Survey page has its own)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.app import data, filters, survey_page, ui
from dashboard.core import export, listing
from dashboard.core.text import escape_markdown, shorten
from dashboard.salaries import gaps, rates
from dashboard.salaries import market as salary_market
from dashboard.survey import answer, compare, schema
from dashboard.survey import tables as survey_tables


def survey_filter(countries: list[str] | None = None) -> schema.SurveyFilter:
    """The survey as the pages beside the article read it: every answer whose title counts (the sidebar's
    switch), counted where the company is, repeats kept (the survey has no row ids)."""
    return schema.SurveyFilter(
        countries=None if countries is None else tuple(countries), title_bases=filters.title_bases()
    )


def beside_bands(
    converted: pd.DataFrame, codes: list[str], fx: pd.DataFrame, unit: rates.Unit
) -> pd.DataFrame:
    """The bands with the survey's p25, median, p75 and n for the same country and role, in their unit;
    the bands alone (and a note) when the survey cannot be read."""
    found = survey_page.survey_or_note()
    if found is None:
        return converted
    _, key, loaded = found
    cells = data.survey_table(loaded, key, survey_filter(codes), {})
    return salary_market.beside_bands(converted, cells, fx, unit)


def bands_caption(converted: pd.DataFrame) -> None:
    """What the survey rows under the bands are, which survey, and how its US$ reached this unit."""
    if "survey_p50" not in converted:
        return
    name, _, _ = survey_page.current_survey()
    st.caption(
        escape_markdown(
            "Under each band: the survey's middle half (p25–p75, the light bar) and median (the mark) for "
            f"the same country and role, with n; fainter where fewer than {schema.THIN_BELOW} answered. The "
            "survey reports US$: local currency is that times the World Bank market rate, international $ "
            "that times the market rate over the PPP factor. The article gives bands, the survey a spread of "
            "answers: a band is not a percentile range."
        )
        + " "
        + how_counted(name)
    )


def how_counted(name: str) -> str:
    """The caption every market section carries: which survey, which answers, how the verdict is reached."""
    titles = schema.TITLE_SCOPE_LABELS[filters.choice(filters.TITLES)].lower()
    return escape_markdown(
        f"Survey: {shorten(name)}, answers by company location, {titles} (the sidebar's switch), repeated "
        "rows kept. Medians in US$ as the survey reports them. The difference's 95% interval is a bootstrap "
        f"({compare.RESAMPLES:,} resamples, seed {compare.SEED}); it decides only where both roles have "
        f"{schema.THIN_BELOW} answers or more and the interval excludes zero."
    )


def answer_section() -> None:
    """Per chosen region: who earns more by the article's bands and by the survey's medians, and whether
    they agree; a table, a sentence per region, and the download of both."""
    codes = filters.chosen(filters.REGION)
    if not codes:
        st.info(
            "No region is selected. Pick one or more regions in the sidebar.", icon=":material/filter_alt:"
        )
        return
    salaries = ui.load_or_stop(data.load_salaries)
    name, key, loaded = survey_page.current_survey()
    diffs = data.survey_differences(loaded, key, survey_filter(codes), codes)
    table = answer.article_vs_survey(gaps.local_gaps(listing.filter_regions(salaries, codes)), diffs, codes)
    st.markdown(f"**{escape_markdown(answer.headline(table))}**")
    ui.static_table(answer.display_table(table))
    st.markdown(
        "\n".join(f"- {escape_markdown(answer.sentence(r, 'the survey'))}" for r in table.itertuples())
    )
    st.caption(how_counted(name))
    ui.download_csv(
        table,
        export.csv_filename("article-vs-survey", filters.REGION.scope(codes)),
        label="Download the article against the survey (CSV)",
        key="download-answer",
    )


def fit_section(role: str, codes: list[str]) -> None:
    """What the survey pays `role` in the chosen regions: per region, and per experience level across
    them, each with n (the Fit page shows it for the role the profile is closer to)."""
    found = survey_page.survey_or_note()
    if found is None or not codes:
        return
    name, key, loaded = found
    chosen = survey_filter(codes)
    cells = data.survey_table(loaded, key, chosen, {})
    levels = data.survey_spread(loaded, key, chosen, "experience_level")
    st.markdown(f"**What the survey pays the {escape_markdown(role)}**, in US$, by region and by experience")
    ui.static_table(survey_tables.spread_table(cells[cells["role"] == role], "Region"))
    ui.static_table(survey_tables.spread_table(levels[levels["role"] == role], "Experience"))
    st.caption(how_counted(name))
