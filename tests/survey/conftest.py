"""The survey tests' fixtures: a fresh survey cache for each test, and a survey named by path."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import streamlit as st

from dashboard.survey import schema
from tests.survey_support import write_survey


@pytest.fixture(autouse=True)
def _fresh_resources():
    # The survey cache is a resource shared by every AppTest in this process.
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


@pytest.fixture
def survey_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Point the app at a generated survey file, as CAREERS_SURVEY_PATH does for an analyst."""

    def point(lines: list[str], name: str = "survey.csv") -> Path:
        path = write_survey(tmp_path, lines, name)
        monkeypatch.setenv(schema.SURVEY_PATH_ENV, str(path))
        return path

    monkeypatch.delenv(schema.SURVEY_PATH_ENV, raising=False)
    return point


@pytest.fixture(scope="module")
def title_map() -> pd.DataFrame:
    return schema.parse_title_map()
