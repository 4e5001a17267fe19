"""Which survey a session sees, and the Survey page's filters (each kept in the URL).

The server shows one survey to everyone: the one named at start-up, else the snapshot the app ships.
A visitor's upload replaces it for that session only, on every page, until they go back to the
server's; the session keeps the parsed survey (never the uploaded bytes) so other pages can use it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from dashboard.app import data, filters, ui, url_state
from dashboard.core import regions
from dashboard.core.text import literal
from dashboard.core.validation import DataFileError
from dashboard.survey import tables, view
from dashboard.survey.schema import COUNTRY_FIELDS, Survey, SurveyFilter

# The multiselect chips' colour (see the file): style-only HTML, which Streamlit puts in no layout slot.
WIDGETS_CSS = Path(__file__).with_name("widgets.css")

STATE = "survey-f-"  # every filter's widget key starts with this, so a new survey resets them all
UPLOAD = "survey-upload"
SESSION_SURVEY = "survey-session"  # (name, key, Survey) of this session's upload, while it is used


def current_survey() -> tuple[str, str, Survey]:
    """(its name, its cache key, the survey) this session sees on every page: its own upload, else the
    server's; a broken server survey stops the page with its problems."""
    return session_upload() or ui.load_or_stop(data.server_survey)


def survey_or_note() -> tuple[str, str, Survey] | None:
    """current_survey, or None and a short note when it cannot be read: a page beside the article
    keeps showing the article."""
    mine = session_upload()
    if mine is not None:
        return mine
    try:
        return data.server_survey()
    except DataFileError as err:
        st.warning(ui.data_error_message(err), icon=":material/error:")
        return None


def _limit_bytes() -> int:
    return int(st.get_option("server.maxUploadSize")) * 1024 * 1024


def session_upload() -> tuple[str, str, Survey] | None:
    """This session's upload (name, key, survey), if it has one, held (app.py asks on every page): a
    visitor who reconnected after a network blip and then left from any page is still one whose
    session is closed and whose upload is freed (dashboard.app.sessions)."""
    mine = st.session_state.get(SESSION_SURVEY)
    if mine is not None:
        data.hold_survey_upload(mine[1], _limit_bytes())
    return mine


def _upload_changed() -> None:
    # The uploader's own callback: removing the file (x) goes back to the server's survey. Leaving the
    # page clears the widget too, but runs no callback, so an upload outlives a visit to another page.
    if st.session_state.get(UPLOAD) is None:
        _back_to_server()


def _back_to_server() -> None:
    st.session_state.pop(SESSION_SURVEY, None)
    data.release_survey_upload()  # the cached survey goes when no other session shows it


def choose_survey() -> tuple[str, str, Survey]:
    """The Survey page's source: this session's upload or the server's survey, named; the uploader to
    replace it; a bad upload gets its problems and the page goes on with the server's survey."""
    limit_mb = _limit_bytes() // (1024 * 1024)
    with st.expander("Use your own survey file", icon=":material/upload_file:"):
        uploaded = st.file_uploader(
            f"Upload a salary survey (CSV, up to {limit_mb:,} MB)",
            # The MIME type keeps the file picker offering CSV files but turns off Streamlit's own
            # server-side name check, which fails the whole run (its generic error box, no uploader)
            # when a request renames the file to .html; data.load_survey_upload refuses it instead.
            type=["csv", "text/csv"],
            key=UPLOAD,
            on_change=_upload_changed,
            help="A CSV in the aijobs.net salary survey schema. It replaces the survey for you only; "
            "the page shows only aggregates.",
        )
        st.markdown(view.upload_help())
        st.caption(
            f"Uploads are limited to {limit_mb:,} MB. For a larger file, start the app with "
            "`streamlit run serve.py -- --survey PATH` or the environment variable `CAREERS_SURVEY_PATH` "
            "(see the README)."
        )
    if uploaded is not None:
        try:
            with st.spinner("Reading the survey…"):
                key, loaded = data.load_survey_upload(uploaded, _limit_bytes())
            st.session_state[SESSION_SURVEY] = (uploaded.name, key, loaded)
        except DataFileError as err:
            st.error(ui.data_error_message(err), icon=":material/error:")
            st.session_state.pop(SESSION_SURVEY, None)
    name, key, loaded = current_survey()
    if SESSION_SURVEY in st.session_state:
        st.info(f"Showing your upload, **{literal(name)}**, for you only.", icon=":material/description:")
        st.button(
            "Back to the server's survey", key="survey-back", on_click=_back_to_server, icon=":material/undo:"
        )
    else:
        st.info(view.source_line(name), icon=":material/description:")
    # A different survey (or title map) starts every filter afresh: old choices may not exist in it.
    if st.session_state.get("survey-loaded") != key:
        for stale in [k for k in st.session_state if str(k).startswith(STATE)]:
            del st.session_state[stale]
        st.session_state["survey-loaded"] = key
    return name, key, loaded


def survey_filters(loaded: Survey, options: dict[str, list]) -> tuple[SurveyFilter, list[str]]:
    """The page's filters, drawn and kept in the URL: country field, countries, the five 'more' filters
    and duplicates; the sidebar's title switch applies too. Returns the filter and every country the
    survey has for the chosen field."""
    st.html(WIDGETS_CSS)
    left, right = st.columns([1, 2])
    field = url_state.url_single(
        left.segmented_control, "Count each answer in the country of", COUNTRY_FIELDS, f"{STATE}field",
        COUNTRY_FIELDS[0], param="field", format_func=tables.COUNTRY_FIELD_LABELS.get, required=True,
    )  # fmt: skip
    field_countries = tables.country_options(options, field)
    shared = filters.chosen(filters.REGION)
    preset = tables.preset_countries(loaded, field, shared)
    # The sidebar's regions preset the countries (again whenever they or the field change); the
    # list then takes any country the survey has.
    marker = (tuple(shared), field)
    if st.session_state.get(f"{STATE}countries-from") != marker:
        st.session_state[f"{STATE}countries"] = preset
        st.session_state[f"{STATE}countries__kept"] = preset
        st.session_state[f"{STATE}countries-from"] = marker
    countries = url_state.url_multi(
        right.multiselect, f"Countries ({len(field_countries)} in this survey)", field_countries,
        f"{STATE}countries", param="country", default=preset, format_func=regions.region_label,
        placeholder="Choose countries…",
        help="Starts with the sidebar's regions that the survey has answers from; add any other.",
    )  # fmt: skip
    picked: dict[str, Any] = {}
    with st.expander("Year, experience, employment type, remote work, company size", icon=":material/tune:"):
        columns = st.columns(3)
        for i, (column, label, labels, param) in enumerate(view.MORE_FILTERS):
            picked[column] = url_state.url_multi(
                columns[i % 3].multiselect, label, options[column], f"{STATE}{column}", param=param,
                format_func=lambda v, labels=labels: tables.code_label(v, labels), placeholder="Choose…",
            )  # fmt: skip
    drop = url_state.url_flag("Drop exact duplicate rows", f"{STATE}drop-duplicates", param="dedupe")
    st.caption(view.duplicates_caption(loaded, drop))
    chosen = tables.survey_filter(options, picked, field, countries, drop, filters.title_bases())
    return chosen, field_countries
