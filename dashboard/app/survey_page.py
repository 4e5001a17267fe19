"""The Survey page's Streamlit parts: which survey a session sees, and the filters that narrow it."""

from __future__ import annotations

from typing import Any

import streamlit as st

from dashboard.app import data, filters, ui
from dashboard.core import regions
from dashboard.core.text import literal
from dashboard.core.validation import DataFileError
from dashboard.survey import reader, tables, view
from dashboard.survey.schema import COUNTRY_FIELDS, Survey, SurveyFilter

STATE = "survey-f-"  # every filter's widget key starts with this, so a new survey resets them all


def choose_survey() -> tuple[str, str, Survey]:
    """(the file's name, its cache key, the survey): the one the server was started with, or an upload.

    With neither, the page explains what to upload and stops here; a bad file stops it with the
    file's problems (ui.load_or_stop).
    """
    limit_mb = int(st.get_option("server.maxUploadSize"))
    path = reader.configured_survey_path()
    if path is not None:
        st.info(
            f"Showing the survey this app was started with: **{literal(path.name)}**. To use another file, "
            "restart the app with a different `--survey` path or `CAREERS_SURVEY_PATH`.",
            icon=":material/description:",
        )
        name, load = path.name, lambda: data.load_survey_file(path)
    else:
        uploaded = st.file_uploader(
            f"Upload a salary survey (CSV, up to {limit_mb:,} MB)",
            type=["csv"],
            key="survey-upload",
            help="A CSV in the aijobs.net salary survey schema. The page shows only aggregates.",
        )
        st.caption(
            f"Uploads are limited to {limit_mb:,} MB. For a larger file, start the app with "
            "`streamlit run app.py -- --survey PATH` or the environment variable `CAREERS_SURVEY_PATH` "
            "(see the README)."
        )
        if uploaded is None:
            st.markdown(view.upload_help())
            st.stop()
        name, load = uploaded.name, lambda: data.load_survey_upload(uploaded, limit_mb * 1024 * 1024)
    with st.spinner("Reading the survey…"):
        key, loaded = ui.load_or_stop(load)
    # A different survey (or title map) starts every filter afresh: old choices may not exist in it.
    if st.session_state.get("survey-loaded") != key:
        for stale in [k for k in st.session_state if str(k).startswith(STATE)]:
            del st.session_state[stale]
        st.session_state["survey-loaded"] = key
    return name, key, loaded


def current_survey() -> tuple[str, str, Survey]:
    """(its name, its cache key, the survey) this session sees on every page: the server's (the one
    named at start-up, else the one the app ships); a broken one stops the page with its problems."""
    return ui.load_or_stop(data.server_survey)


def survey_or_note() -> tuple[str, str, Survey] | None:
    """current_survey, or None and a short note when it cannot be read: a page beside the article
    keeps showing the article."""
    try:
        return data.server_survey()
    except DataFileError as err:
        st.warning(ui.data_error_message(err), icon=":material/error:")
        return None


def survey_filters(loaded: Survey, options: dict[str, list]) -> tuple[SurveyFilter, list[str]]:
    """The page's filters, drawn: country field, countries, the five 'more' filters and duplicates.

    Returns the filter and every country the survey has for the chosen field.
    """
    left, right = st.columns([1, 2])
    field = left.segmented_control(
        "Count each answer in the country of",
        COUNTRY_FIELDS,
        format_func=tables.COUNTRY_FIELD_LABELS.get,
        default=COUNTRY_FIELDS[0],
        required=True,
        key=f"{STATE}field",
    )
    field_countries = tables.country_options(options, field)
    shared = filters.chosen(filters.REGION)
    # The sidebar's regions preset the countries (again whenever they or the field change); the
    # list then takes any country the survey has.
    marker = (tuple(shared), field)
    if (
        st.session_state.get(f"{STATE}countries-from") != marker
        or f"{STATE}countries" not in st.session_state
    ):
        st.session_state[f"{STATE}countries"] = tables.preset_countries(loaded, field, shared)
        st.session_state[f"{STATE}countries-from"] = marker
    countries = right.multiselect(
        f"Countries ({len(field_countries)} in this survey)",
        field_countries,
        format_func=regions.region_label,
        key=f"{STATE}countries",
        placeholder="Choose countries…",
        help="Starts with the sidebar's regions that the survey has answers from; add any other.",
    )
    picked: dict[str, Any] = {}
    with st.expander("Year, experience, employment type, remote work, company size", icon=":material/tune:"):
        columns = st.columns(3)
        for i, (column, label, labels) in enumerate(view.MORE_FILTERS):
            picked[column] = columns[i % 3].multiselect(
                label,
                options[column],
                default=options[column],
                format_func=lambda v, labels=labels: tables.code_label(v, labels),
                key=f"{STATE}{column}",
                placeholder="Choose…",
            )
    drop = st.toggle("Drop exact duplicate rows", key=f"{STATE}drop-duplicates")
    st.caption(view.duplicates_caption(loaded, drop))
    return tables.survey_filter(options, picked, field, countries, drop), field_countries
