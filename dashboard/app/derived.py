"""What pages derive from the data files, built once per version of the files instead of on every run.

Each result is kept as a resource (no copy per call), keyed on the files' path, size and modification
time, so an edited file is read again. Callers must not modify what they get.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.app.data import _stamp, load_careers, load_certifications, load_faq, load_salaries, load_skills
from dashboard.careers import careers, figures, fit
from dashboard.core import listing


@st.cache_resource(show_spinner=False, max_entries=16)
def _cached_options(
    name: str, _build: Callable[[], list[str]], *stamps: tuple[str, float, int]
) -> tuple[str, ...]:
    return tuple(_build())


def options_of(name: str, build: Callable[[], list[str]], *also: str) -> list[str]:
    """A filter's options, built from its data file once per version of the file (every rerun of every
    page asks for the sidebar's; building them from a copy of the cached frame was 4.5 % of a run)."""
    return list(_cached_options(name, build, _stamp(name), *(_stamp(a) for a in also)))


@st.cache_resource(show_spinner=False, max_entries=4)
def _cached_paths(*stamps: tuple[str, float, int]) -> tuple[pd.DataFrame, Any, str]:
    paths = careers.career_paths(load_careers())
    return paths, figures.career_paths_figure(paths), figures.career_paths_alt(paths)


def career_paths() -> tuple[pd.DataFrame, Any, str]:
    """(careers.career_paths, its figure, its alt text) for careers.csv as it is now."""
    return _cached_paths(_stamp("careers.csv"))


@st.cache_resource(show_spinner=False, max_entries=32)
def _cached_faq(codes: tuple[str, ...], *stamps: tuple[str, float, int]) -> pd.DataFrame:
    return careers.faq_table(load_faq(), listing.filter_regions(load_salaries(), codes), load_careers())


def checked_faq(codes: list[str]) -> pd.DataFrame:
    """careers.faq_table for the regions chosen, once per region choice and version of the files."""
    return _cached_faq(tuple(codes), _stamp("faq.csv"), _stamp("salaries.csv"), _stamp("careers.csv"))


@st.cache_resource(show_spinner=False, max_entries=64)
def _cached_choices(query: str, *stamps: tuple[str, float, int]) -> dict[str, list[str]]:
    return fit.skill_choices(load_skills(), query)


def skill_choices(query: str = "") -> dict[str, list[str]]:
    """fit.skill_choices for skills.csv as it is now, once per search (the picker asks on every run)."""
    return _cached_choices(query, _stamp("skills.csv"))


@st.cache_resource(show_spinner=False, max_entries=256)
def _cached_fit(ticked: tuple[str, ...], *stamps: tuple[str, float, int]) -> dict[str, Any]:
    skills, certs = load_skills(), load_certifications()
    cover, missing = fit.coverage(skills, ticked), fit.missing_skills(skills, ticked)
    return {
        "cover": cover,
        "plan": fit.learning_plan(skills, ticked, missing),
        "missing": {role: fit.group_missing(missing, role) for role in cover["role"]},
        "certification": {role: careers.certification_for_role(certs, role) for role in cover["role"]},
    }


def fit_view(ticked: list[str]) -> dict[str, Any]:
    """For a skill profile: its coverage, learning plan, missing skills by category and starting
    certification per role, once per profile and version of skills.csv and certifications.csv (under
    load the Fit page spent two thirds of its run on these, each rebuilt from the frames every rerun)."""
    return _cached_fit(tuple(ticked), _stamp("skills.csv"), _stamp("certifications.csv"))
