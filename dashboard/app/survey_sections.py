"""The Survey page's sections, each a chart, its figures as text and its download."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.app import data, ui
from dashboard.core import chart_style, export
from dashboard.core.domain import ROLES
from dashboard.core.text import escape_markdown
from dashboard.survey import aggregate, compare_figures, figures, map_figures, tables, view
from dashboard.survey.schema import Survey, SurveyFilter


def bands_section(
    table: pd.DataFrame, chosen: SurveyFilter, salaries: pd.DataFrame, rates: dict[str, float], years: str
) -> bool:
    """The spread per country and role with the article's band over it, and its figures as text; False
    when there is nothing to show (the page says why)."""
    broken = tables.implausible_cells(table) if chosen.countries and not table.empty else 0
    if not chosen.countries:
        st.info("No country is selected. Pick one or more countries above.", icon=":material/filter_alt:")
        return False
    if table.empty:
        st.info(
            "No ML Engineer or AI Engineer answers match these filters. Widen them above.",
            icon=":material/filter_alt:",
        )
        return False
    if broken:
        st.warning(
            f"Cells below with a percentile of a trillion US$ or more: {broken:,}. The file's salary_in_usd "
            "cannot be right there, so the chart is left out; the table shows the numbers as they are.",
            icon=":material/warning:",
        )
    else:
        article = aggregate.article_bands_usd(salaries, rates)
        ui.chart(
            figures.survey_bands_figure(table, article),
            key="survey-bands",
            alt=figures.survey_bands_alt(table, article),
        )
        st.caption(view.chart_caption(years))
    ui.static_table(tables.display_table(table))
    st.caption(view.local_currency_caption(table, years))
    return True


def differences_section(loaded: Survey, key: str, chosen: SurveyFilter, scope: str) -> None:
    """Per chosen country: ML − AI difference of medians, its interval and a plain verdict."""
    diffs = data.survey_differences(loaded, key, chosen, list(chosen.countries or []))
    diffs = diffs[(diffs["ml_n"] > 0) & (diffs["ai_n"] > 0)]
    if diffs.empty:
        st.caption("No chosen country has answers from both roles.")
        return
    ui.chart(
        compare_figures.difference_figure(diffs),
        key="survey-difference",
        alt=compare_figures.difference_alt(diffs),
    )
    ui.static_table(tables.difference_table(diffs))
    st.caption(escape_markdown(view.difference_caption()))
    ui.download_csv(
        diffs.drop(columns=["flag"]),
        export.csv_filename("survey-differences", scope),
        label="Download the differences (CSV)",
        key="download-survey-differences",
    )


def spread_section(loaded: Survey, key: str, chosen: SurveyFilter, by: str, what: str, scope: str) -> None:
    """Median and p25–p75 per role by experience level or work year, n on every point."""
    spread = data.survey_spread(loaded, key, chosen, by)
    if spread.empty:
        st.caption("No answers match the filters.")
        return
    ui.chart(
        compare_figures.spread_figure(spread, what),
        key=f"survey-by-{by}",
        alt=compare_figures.spread_alt(spread, what),
    )
    ui.static_table(tables.spread_table(spread.assign(label=spread["role"] + " · " + spread["label"]), what))
    ui.download_csv(
        spread,
        export.csv_filename(f"survey-by-{by.replace('_', '-')}", scope),
        label=f"Download pay by {what.lower()} (CSV)",
        key=f"download-survey-by-{by}",
    )


def map_section(loaded: Survey, key: str, chosen: SurveyFilter, rates: dict[str, float]) -> None:
    """The survey's medians for every country it has, on a map drawn only while its section is open."""
    box = st.expander(
        "On the map: the survey's median in every country it has",
        key="survey-map-open",
        on_change="rerun",
        icon=":material/public:",
    )
    if not box.open:
        return
    with box:
        everywhere = SurveyFilter(**{**chosen.__dict__, "countries": None})
        table = data.survey_table(loaded, key, everywhere, rates)
        role = st.segmented_control("Role", ROLES, default=ROLES[0], required=True, key="survey-map-role")
        cells = table[table["role"] == role]
        ui.chart(
            map_figures.survey_map_figure(table, role),
            key="survey-map",
            alt=map_figures.survey_map_alt(table, role),
            config=chart_style.MAP_CONFIG,
        )
        st.caption(
            escape_markdown(
                f"Every country with at least one {role} answer under the filters above, whatever the "
                "country list holds. The same figures as text:"
            )
        )
        ui.static_table(tables.spread_table(cells, "Country"))
        ui.download_csv(
            cells.drop(columns=["flag"]),
            export.csv_filename("survey-map", role.replace(" ", "-")),
            label="Download the map's figures (CSV)",
            key="download-survey-map",
        )


def titles_section(loaded: Survey, key: str, title_map: pd.DataFrame) -> None:
    """Which titles count, what each reading of "which answers count" adds, and the frequent others."""
    counted, scopes, others = data.title_tables(loaded, key)
    st.caption(view.titles_caption(title_map, counted, loaded))
    ui.static_table(scopes)
    left, right = st.columns(2)
    left.dataframe(counted, hide_index=True)
    right.dataframe(others, hide_index=True)


def rejects_section(loaded: Survey) -> None:
    if not len(loaded.rejects):
        st.caption(view.NONE_SKIPPED)
        return
    st.caption(view.SKIPPED_CAPTION)
    ui.static_table(tables.reject_table(loaded.reject_counts))
    ui.download_csv(
        loaded.rejects,
        export.csv_filename("survey-skipped-rows"),
        label=f"Download the {len(loaded.rejects):,} skipped rows (CSV)",
        key="download-survey-rejects",
    )
