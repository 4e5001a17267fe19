"""Cached loading of the data files: the one place that caches, so every page reads each file once.

Parsing and validation live in each feature's `files` module, which needs no Streamlit; this module
only keys the cache on each file's path, modification time and size, so an edited file is re-read.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.app import sessions
from dashboard.careers import files as career_files
from dashboard.core.datafile import data_dir
from dashboard.core.validation import DataFileError, Problem
from dashboard.salaries import files as salary_files
from dashboard.skills import files as skill_files
from dashboard.survey import aggregate, compare, paths, reader, schema
from dashboard.survey import tables as survey_tables

__all__ = [
    "DataFileError",
    "load_advice",
    "load_aws_services",
    "load_careers",
    "load_certifications",
    "load_comparison",
    "load_faq",
    "load_fx_rates",
    "load_salaries",
    "load_skills",
    "load_survey_file",
    "load_survey_upload",
    "load_title_map",
    "survey_options",
    "survey_table",
]


def _stamp(name: str) -> tuple[str, float, int]:
    """Cache key for a data file: its path, mtime and size."""
    path = data_dir() / name
    try:
        stat = path.stat()
    except OSError:
        return str(path), 0.0, -1
    return str(path), stat.st_mtime, stat.st_size


@st.cache_data(show_spinner=False)
def _cached(parser_name: str, *stamps: tuple[str, float, int]) -> pd.DataFrame:
    return _PARSERS[parser_name]()


_PARSERS: dict[str, Callable[[], pd.DataFrame]] = {
    "salaries": salary_files.parse_salaries,
    "skills": skill_files.parse_skills,
    # The skills are already parsed and cached for the pages; re-parsing them here is waste.
    "aws_services": lambda: skill_files.parse_aws_services(load_skills()),
    "comparison": career_files.parse_comparison,
    # Validated against the salary currencies, which are already parsed and cached.
    "fx_rates": lambda: salary_files.parse_fx_rates(load_salaries()),
    "certifications": career_files.parse_certifications,
    "careers": career_files.parse_careers,
    "advice": career_files.parse_advice,
    "faq": career_files.parse_faq,
}


def load_salaries() -> pd.DataFrame:
    return _cached("salaries", _stamp("salaries.csv"))


def load_skills() -> pd.DataFrame:
    return _cached("skills", _stamp("skills.csv"))


def load_aws_services() -> pd.DataFrame:
    return _cached("aws_services", _stamp("aws_services.csv"), _stamp("skills.csv"))


def load_comparison() -> pd.DataFrame:
    return _cached("comparison", _stamp("comparison.csv"))


def load_fx_rates() -> pd.DataFrame:
    return _cached("fx_rates", _stamp("fx_rates.csv"), _stamp("salaries.csv"))


def load_certifications() -> pd.DataFrame:
    return _cached("certifications", _stamp("certifications.csv"))


def load_careers() -> pd.DataFrame:
    return _cached("careers", _stamp("careers.csv"))


def load_advice() -> pd.DataFrame:
    return _cached("advice", _stamp("advice.csv"))


def load_faq() -> pd.DataFrame:
    return _cached("faq", _stamp("faq.csv"))


# --- The salary survey ----------------------------------------------------------------------------
# A survey is far larger than the data files, so it is kept as a resource (no pickled copy per
# rerun) and at most two at a time. Every session shares the cache, so each entry is keyed on the
# survey's content alone and holds nothing session-specific: an upload is cached under a generic
# label (the page names the session's own file), and pages only ever read the cached Survey.
UPLOAD_LABEL = "the uploaded survey"
_UPLOAD_MEMO = "_survey_upload_key"


@st.cache_data(show_spinner=False)
def _cached_title_map(stamp: tuple[str, float, int]) -> pd.DataFrame:
    return schema.parse_title_map()


def load_title_map() -> pd.DataFrame:
    """data/title_map.csv, validated and cached like every other data file."""
    return _cached_title_map(_stamp("title_map.csv"))


@st.cache_resource(max_entries=2, show_spinner=False)
def _cached_survey(
    key: str, limit: int | None, _source: Path | Any, _title_map: pd.DataFrame
) -> schema.Survey:
    if isinstance(_source, Path):
        loaded = reader.read_survey(_source, _title_map)
    else:
        loaded = reader.read_survey(_source.getvalue(), _title_map, label=UPLOAD_LABEL, limit=limit)
    _ = loaded.repeats  # worked out now, so the cached object carries it (pages must not write to it)
    return loaded


def load_survey_file(path: Path) -> tuple[str, schema.Survey]:
    """The survey named at start-up and its cache key; re-read only when its path, size or
    modification time (or the title map) change."""
    paths.check_survey_path(path)  # what is wrong with it, in words that name no server folder
    title_map = load_title_map()  # a broken map is its own error, not the survey's
    key = f"{reader.content_key(path)}|{_stamp('title_map.csv')}"
    return key, _cached_survey(key, None, path, title_map)


def load_survey_upload(uploaded: Any, limit_bytes: int) -> tuple[str, schema.Survey]:
    """An uploaded survey (a st.file_uploader file) and its key, the SHA-256 of its bytes.

    The bytes are hashed once per upload (Streamlit's file_id), not on every rerun. A DataFileError
    names the session's own file, never a cached label.
    """
    if not uploaded.name.lower().endswith(".csv"):
        # The uploader's own type check is off (survey_page.choose_survey says why): this is the check.
        raise DataFileError(
            uploaded.name,
            [Problem("only a CSV file can be used, and this file's name does not end in .csv.")],
        )
    title_map = load_title_map()  # a broken map is its own error, not the upload's
    memo = st.session_state.get(_UPLOAD_MEMO)
    if memo is None or memo[0] != uploaded.file_id:
        memo = (uploaded.file_id, reader.content_key(uploaded.getvalue()))
        st.session_state[_UPLOAD_MEMO] = memo
    key = f"{memo[1]}|{_stamp('title_map.csv')}"
    hold_survey_upload(key, limit_bytes)  # before reading: a bad upload's bytes are held too
    try:
        return key, _cached_survey(key, limit_bytes, uploaded, title_map)
    except DataFileError as err:
        raise DataFileError(uploaded.name, err.problems) from None


def hold_survey_upload(key: str, limit_bytes: int) -> None:
    """This session shows the cached upload under `key`, and no other: the cache drops an upload once
    no live session shows it, and a session whose visitor left is closed (dashboard.app.sessions)."""
    drop = partial(_cached_survey.clear, key, limit_bytes, None, None)  # _-named arguments are no keys
    sessions.hold(("survey upload", key, limit_bytes), drop)


def release_survey_upload() -> None:
    """This session shows no upload any more (its visitor removed it or went back to the server's)."""
    sessions.let_go()


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_survey_table(
    key: str, chosen: schema.SurveyFilter, rates: tuple[tuple[str, float], ...], _loaded: schema.Survey
) -> pd.DataFrame:
    return aggregate.aggregate(aggregate.filter_rows(_loaded, chosen), chosen.country_field, dict(rates))


def survey_table(
    loaded: schema.Survey, key: str, chosen: schema.SurveyFilter, rates: dict[str, float]
) -> pd.DataFrame:
    """aggregate.aggregate of the filtered rows, cached per survey, filter and rates (a copy per call)."""
    return _cached_survey_table(key, chosen, tuple(sorted(rates.items())), loaded)


@st.cache_data(show_spinner=False, max_entries=4)
def _cached_survey_options(key: str, _loaded: schema.Survey) -> dict[str, list]:
    return aggregate.filter_options(_loaded)


def survey_options(loaded: schema.Survey, key: str) -> dict[str, list]:
    """aggregate.filter_options, worked out once per survey content (each caller gets its own copy)."""
    return _cached_survey_options(key, loaded)


@st.cache_data(show_spinner=False, max_entries=4)
def _cached_title_tables(key: str, _loaded: schema.Survey) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    t = survey_tables
    return t.mapped_titles(_loaded), t.scope_counts(_loaded), t.unmapped_titles(_loaded)


def title_tables(loaded: schema.Survey, key: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The Survey page's title tables (counted titles, what each reading counts, frequent others), once
    per survey content: they do not depend on the filters, and were 12 % of the page's run."""
    return _cached_title_tables(key, loaded)


def server_survey() -> tuple[str, str, schema.Survey]:
    """(its name, its cache key, the survey) the server shows when a visitor has uploaded none."""
    path, name = paths.server_survey()
    key, loaded = load_survey_file(path)
    return name, key, loaded


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_differences(
    key: str, chosen: schema.SurveyFilter, countries: tuple[str, ...] | None, _loaded: schema.Survey
) -> pd.DataFrame:
    rows = aggregate.filter_rows(_loaded, chosen)
    return compare.country_differences(rows, chosen.country_field, countries)


def survey_differences(
    loaded: schema.Survey, key: str, chosen: schema.SurveyFilter, countries: list[str] | None = None
) -> pd.DataFrame:
    """compare.country_differences of the filtered rows (the bootstrap runs once per survey and filter)."""
    return _cached_differences(key, chosen, None if countries is None else tuple(countries), loaded)


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_spread(key: str, chosen: schema.SurveyFilter, by: str, _loaded: schema.Survey) -> pd.DataFrame:
    labels = compare.LEVELS if by == "experience_level" else None
    return compare.pay_spread(aggregate.filter_rows(_loaded, chosen), by, labels)


def survey_spread(loaded: schema.Survey, key: str, chosen: schema.SurveyFilter, by: str) -> pd.DataFrame:
    """compare.pay_spread of the filtered rows by experience_level or work_year, cached per filter."""
    return _cached_spread(key, chosen, by, loaded)
