"""Where the data files live, and the column checks every schema of a hand-edited file shares."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.pandas import Check, Column

from dashboard.core import regions
from dashboard.core.domain import ROLES
from dashboard.core.validation import read_text_table, validate_columns

DATA_DIR_ENV = "CAREERS_DATA_DIR"


# Resolved once: every cache key stats its data file on every run (Path.resolve was 6 % of a Fit run).
SHIPPED_DATA = Path(__file__).resolve().parents[2] / "data"


def data_dir() -> Path:
    """The folder holding the CSVs; tests point CAREERS_DATA_DIR at a temporary copy."""
    return Path(os.environ.get(DATA_DIR_ENV) or SHIPPED_DATA)


def not_blank(what: str) -> Check:
    return Check(lambda s: s.str.len() > 0, error=f"must not be empty: give the {what}")


def one_of(allowed: tuple[str, ...], what: str, blank_ok: bool = False) -> Check:
    """A closed vocabulary: a typo is an error, not a new group that silently drops rows out of the pages."""
    values = (*allowed, "") if blank_ok else allowed
    extra = " or leave it empty" if blank_ok else ""
    return Check.isin(values, error=f"is not one of the {what} ({', '.join(allowed)}){extra}")


def role_column(blank_ok: bool = False) -> Column:
    return Column(str, one_of(ROLES, "roles", blank_ok=blank_ok))


def currency_column() -> Column:
    return Column(
        str,
        Check(
            regions.is_currency_code,
            element_wise=True,
            error="is not an ISO 4217 currency code (such as USD, GBP or INR)",
        ),
    )


def year_column() -> Column:
    return Column("int64", Check.in_range(1990, 2100, error="is not a plausible year"), coerce=True)


def read_validated(name: str, schema: pa.DataFrameSchema) -> tuple[pd.DataFrame, str]:
    """data/<name> read, checked against `schema`, and the label its messages name it by."""
    label = f"data/{name}"
    frame = read_text_table(data_dir() / name, label, list(schema.columns))
    return validate_columns(frame, schema, label), label
