"""The survey's vocabulary: its columns, why a row is skipped, the title map, and the validated Survey.

No Streamlit here (dashboard.app.data caches what survey.reader builds from these).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pycountry
from pandera.pandas import Check, Column

from dashboard.core.datafile import data_dir, role_column
from dashboard.core.validation import check_duplicates, read_text_table, validate_columns

SURVEY_COLUMNS: tuple[str, ...] = (
    "work_year", "experience_level", "employment_type", "job_title", "salary", "salary_currency",
    "salary_in_usd", "employee_residence", "remote_ratio", "company_location", "company_size",
)  # fmt: skip
TEXT_COLUMNS = (
    "experience_level", "employment_type", "job_title", "salary_currency", "employee_residence",
    "company_location", "company_size",
)  # fmt: skip
NUMBER_COLUMNS = ("work_year", "salary", "salary_in_usd", "remote_ratio")
COUNTRY_FIELDS = ("company_location", "employee_residence")

# Streamlit's default server.maxUploadSize is 200 MB; a path given at start-up may be far larger.
MAX_UPLOAD_BYTES = 200 * 1024 * 1024
MAX_PATH_BYTES = 4 * 1024 * 1024 * 1024
SURVEY_PATH_ENV = "CAREERS_SURVEY_PATH"
# The survey the app ships (data/README.md: source, commit, licence, sha256), shown when no other is given.
SHIPPED_SURVEY = "aijobs_salaries_2025-01-19.csv"
SHIPPED_SURVEY_NAME = "the aijobs.net salary survey (snapshot of 2025-01-19, CC0)"
SHIPPED_SURVEY_URL = "https://aijobs.net/salaries/"

PERCENTILES = {"p10": 0.10, "p25": 0.25, "p50": 0.50, "p75": 0.75, "p90": 0.90}
THIN_BELOW = 30  # answers; fewer and a cell is flagged thin (and drawn faded)

# Why a row is skipped, in the order they are tested: a row is counted under its first reason.
MISSING_SALARY = "missing salary"
NON_NUMERIC_SALARY = "non-numeric salary"
NEGATIVE_PAY = "negative pay"
UNKNOWN_CURRENCY = "unknown currency code"
UNKNOWN_COUNTRY = "unknown country code"
# A year or a ratio of 2024.5 or 50.5 parses, but the filters list whole years and ratios: such a row
# would show as a second "2024" and drop out of every choice.
BAD_NUMBER = "missing, non-numeric or fractional work_year or remote_ratio"
# Numbers no real answer has: they parse, but one of them makes every percentile meaningless.
MAX_PAY_USD = 100_000_000
YEARS = (1990, 2100)
IMPLAUSIBLE = (
    "implausible number (pay over US$100 million, work_year outside 1990–2100 or remote_ratio outside 0–100)"
)
MALFORMED = "wrong number of fields"
REASONS: tuple[str, ...] = (
    MISSING_SALARY, NON_NUMERIC_SALARY, NEGATIVE_PAY, UNKNOWN_CURRENCY, UNKNOWN_COUNTRY, BAD_NUMBER,
    IMPLAUSIBLE, MALFORMED,
)  # fmt: skip

# Exact ISO codes as the survey writes them (upper case); 'us' is not accepted as 'US'.
CURRENCY_CODES = frozenset(c.alpha_3 for c in pycountry.currencies)
COUNTRY_CODES = frozenset(c.alpha_2 for c in pycountry.countries)

# data/README.md gives the rules: an exact title is the role's name verbatim; a related title its name
# at a level, in other words, or with Engineer written as Developer, Programmer or Software Engineer.
TITLE_BASES: tuple[str, ...] = ("exact title", "related title")
# The switch between the two readings of "which answers count": the roles' own titles only, or every
# title the map names (data/README.md gives the rules for each row's basis).
EXACT, RELATED = "exact", "related"
TITLE_SCOPES: dict[str, tuple[str, ...] | None] = {EXACT: ("exact title",), RELATED: None}
TITLE_SCOPE_LABELS = {EXACT: "Exact title only", RELATED: "Related titles too"}
DEFAULT_TITLE_SCOPE = EXACT

TITLE_MAP_SCHEMA = pa.DataFrameSchema(
    {
        "job_title": Column(str, Check(lambda s: s.str.len() > 0, error="must not be empty")),
        "role": role_column(),
        "basis": Column(str, Check.isin(TITLE_BASES, error=f"is not one of: {', '.join(TITLE_BASES)}")),
        "reason": Column(str, Check(lambda s: s.str.len() > 0, error="must not be empty: say why")),
    }
)


def parse_title_map(path: Path | None = None) -> pd.DataFrame:
    """data/title_map.csv validated: one reviewed row per survey job title, with its role and why."""
    label = "data/title_map.csv"
    frame = read_text_table(path or data_dir() / "title_map.csv", label, list(TITLE_MAP_SCHEMA.columns))
    frame = validate_columns(frame, TITLE_MAP_SCHEMA, label)
    check_duplicates(frame, ["job_title"], label)
    return frame


@dataclass(frozen=True)
class Survey:
    """A validated survey: accepted rows (unaltered, plus a role column) and what was skipped.

    rows: one row per accepted answer, indexed by data row (1 = first row under the header); text
    columns are categoricals; role and title_basis (the map's reason to count the title) are NaN for
    a title the map does not know.
    """

    rows: pd.DataFrame
    rejects: pd.DataFrame
    reject_counts: dict[str, int]
    unmapped: pd.Series  # job title -> accepted rows with that title and no role, most first
    label: str

    @cached_property
    def repeats(self) -> np.ndarray:
        """True for every accepted row that exactly repeats an earlier one (the first copy is False).

        Worked out on first use (a third of the load time at 1M rows) and then kept: a cached loader
        should touch .duplicates before returning, so the cache holds it.
        """
        return _repeats(self.rows, SURVEY_COLUMNS)

    @property
    def duplicates(self) -> int:
        """How many accepted rows exactly repeat an earlier row."""
        return int(self.repeats.sum())

    @property
    def read_rows(self) -> int:
        return len(self.rows) + len(self.rejects)


@dataclass(frozen=True)
class SurveyFilter:
    """What the page's widgets choose; None means no restriction on that field."""

    work_years: tuple[int, ...] | None = None
    experience_levels: tuple[str, ...] | None = None
    employment_types: tuple[str, ...] | None = None
    remote_ratios: tuple[int, ...] | None = None
    company_sizes: tuple[str, ...] | None = None
    country_field: str = "company_location"
    countries: tuple[str, ...] | None = None
    drop_duplicates: bool = False
    title_bases: tuple[str, ...] | None = None  # which rows of the title map count; None: all of them


# SurveyFilter attribute -> the survey column it restricts
FILTER_FIELDS = {
    "work_years": "work_year",
    "experience_levels": "experience_level",
    "employment_types": "employment_type",
    "remote_ratios": "remote_ratio",
    "company_sizes": "company_size",
}


def _repeats(frame: pd.DataFrame, columns: tuple[str, ...]) -> np.ndarray:
    """True for each row that exactly repeats an earlier one, via one int64 key per row.

    The key packs each column's code in mixed radix; before it could overflow it is renumbered
    densely (factorize), so the result is exact, not a hash.
    """
    key = np.zeros(len(frame), dtype=np.int64)
    span = 1
    for name in columns:
        column = frame[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            codes, card = column.cat.codes.to_numpy().astype(np.int64) + 1, len(column.cat.categories) + 1
        else:
            values = column.to_numpy()
            low, high = (values.min(), values.max()) if len(values) else (0, 0)
            if (values % 1 == 0).all() and high - low < 2**31:
                # Whole numbers in a modest range are their own codes (no NaN: rejected earlier).
                codes, card = (values - low).astype(np.int64), int(high - low) + 1
            else:
                codes, uniques = pd.factorize(values)
                codes, card = codes.astype(np.int64), len(uniques)
        if span * card >= 2**62:
            key, uniques = pd.factorize(key)
            span = len(uniques)
        key = key * card + codes
        span *= card
    return pd.Series(key).duplicated().to_numpy()
