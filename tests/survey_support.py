"""Small surveys written line by line, and the Survey page opened on them, for the survey tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

from dashboard.survey import aggregate, reader, schema
from tests.pages_support import APP

HEADER = ",".join(schema.SURVEY_COLUMNS)


def line(title="Machine Learning Engineer", usd=150000, country="US", *, salary=None, currency="USD",
         residence=None, year=2024, level="SE", kind="FT", remote=0, size="M") -> str:  # fmt: skip
    """One survey row as CSV text; salary defaults to the US$ figure, residence to the country."""
    salary = usd if salary is None else salary
    residence = country if residence is None else residence
    return f"{year},{level},{kind},{title},{salary},{currency},{usd},{residence},{remote},{country},{size}"


def csv_bytes(*lines: str) -> bytes:
    return ("\n".join([HEADER, *lines]) + "\n").encode("utf-8")


PAGE = "pages/survey.py"
RNG = np.random.default_rng(9)
US_ML = [int(v) for v in RNG.integers(90_000, 320_000, 41)]
US_AI = [int(v) for v in RNG.integers(80_000, 250_000, 12)]
GB_ML = [60_000, 75_000, 90_000]
DE_AI = [70_000, 80_000]


def survey_lines() -> list[str]:
    """41 US ML Engineers (the first 11 entry-level), 12 US AI Engineers, 3 in GB, 2 in DE, 2 unmapped."""
    lines = [
        line("Machine Learning Engineer", v, "US", level="EN" if i < 11 else "SE")
        for i, v in enumerate(US_ML)
    ]
    lines += [line("AI Engineer", v, "US") for v in US_AI]
    lines += [line("ML Engineer", v, "GB", salary=round(v * 0.8), currency="GBP") for v in GB_ML]
    lines += [line("AI Engineer", v, "DE", salary=round(v * 0.9), currency="EUR") for v in DE_AI]
    lines += [line("Data Scientist", 150_000, "US"), line("Data Scientist", 160_000, "US")]
    return lines


def write_survey(tmp_path: Path, lines: list[str], name: str = "survey.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def open_survey(regions: list[str] | None = None, titles: str | None = "related") -> AppTest:
    """The Survey page through app.py; every title the map names counts unless `titles` says otherwise
    (the small surveys here use the related titles too)."""
    at = AppTest.from_file(APP, default_timeout=60)
    if titles is not None:
        at.query_params["titles"] = titles
    at.run()
    if regions is not None:
        at.pills(key="region").set_value(regions).run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def load(title_map: pd.DataFrame, *lines: str) -> schema.Survey:
    return reader.read_survey(csv_bytes(*lines), title_map)


def summary(loaded: schema.Survey, field: str = "company_location", rates=None) -> pd.DataFrame:
    """The aggregate of every mapped row, no filter."""
    return aggregate.aggregate(aggregate.filter_rows(loaded, schema.SurveyFilter()), field, rates or {})
