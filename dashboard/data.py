"""Cached loading of the data files: the one place that caches, so every page reads each file once.

Parsing and validation live in dashboard.datafiles, which needs no Streamlit; this module only
keys the cache on each file's path, modification time and size, so an edited file is re-read.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard import career_files, datafiles
from dashboard.validation import DataFileError

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
]


def _stamp(name: str) -> tuple[str, float, int]:
    """Cache key for a data file: its path, mtime and size."""
    path = datafiles.data_dir() / name
    try:
        stat = path.stat()
    except OSError:
        return str(path), 0.0, -1
    return str(path), stat.st_mtime, stat.st_size


@st.cache_data(show_spinner=False)
def _cached(parser_name: str, *stamps: tuple[str, float, int]) -> pd.DataFrame:
    return _PARSERS[parser_name]()


_PARSERS: dict[str, Callable[[], pd.DataFrame]] = {
    "salaries": datafiles.parse_salaries,
    "skills": datafiles.parse_skills,
    # The skills are already parsed and cached for the pages; re-parsing them here is waste.
    "aws_services": lambda: datafiles.parse_aws_services(load_skills()),
    "comparison": datafiles.parse_comparison,
    # Validated against the salary currencies, which are already parsed and cached.
    "fx_rates": lambda: datafiles.parse_fx_rates(load_salaries()),
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
