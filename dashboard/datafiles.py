"""Parse, validate and normalise the CSV files in data/ (no Streamlit: dashboard.data caches these).

Every problem a person editing those files can make is reported as a DataFileError that names
the file, the line and the column, so the page can show it instead of a traceback.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.pandas import Check, Column

from dashboard import rates, regions
from dashboard.domain import AWS_SERVICE, ROLES, SERVICE_FAMILIES, SKILL_CATEGORIES
from dashboard.validation import (
    DataFileError,
    Problem,
    check_duplicates,
    read_text_table,
    validate_columns,
)

DATA_DIR_ENV = "CAREERS_DATA_DIR"


def data_dir() -> Path:
    """The folder holding the CSVs; tests point CAREERS_DATA_DIR at a temporary copy."""
    return Path(os.environ.get(DATA_DIR_ENV) or Path(__file__).resolve().parent.parent / "data")


def _not_blank(what: str) -> Check:
    return Check(lambda s: s.str.len() > 0, error=f"must not be empty: give the {what}")


def _one_of(allowed: tuple[str, ...], what: str) -> Check:
    return Check.isin(allowed, error=f"is not one of the {what} ({', '.join(allowed)})")


_ROLE = Column(str, Check.isin(ROLES, error=f"is not a role; use one of: {', '.join(ROLES)}"))

SALARY_SCHEMA = pa.DataFrameSchema(
    {
        "role": _ROLE,
        "country_code": Column(
            str,
            Check(
                regions.is_country_code,
                element_wise=True,
                error="is not an ISO 3166-1 alpha-2 country code (such as US, GB or IN)",
            ),
        ),
        "currency": Column(
            str,
            Check(
                regions.is_currency_code,
                element_wise=True,
                error="is not an ISO 4217 currency code (such as USD, GBP or INR)",
            ),
        ),
        "salary_min": Column("int64", Check.ge(0, error="must not be negative"), coerce=True),
        "salary_max": Column("int64", Check.ge(0, error="must not be negative"), coerce=True),
        "year": Column("int64", Check.in_range(1990, 2100, error="is not a plausible year"), coerce=True),
        "source": Column(str, _not_blank("source of the figures")),
    }
)

SKILL_SCHEMA = pa.DataFrameSchema(
    {
        "role": _ROLE,
        "skill": Column(str, _not_blank("skill name")),
        "category": Column(str, _one_of(SKILL_CATEGORIES, "categories")),
        "section": Column(str, _not_blank("article section")),
        "quote": Column(str, _not_blank("words of the article this row comes from")),
        # Blank for a row that only restates the quote; otherwise our reading of it, shown as ours.
        "note": Column(str),
    }
)

SERVICE_SCHEMA = pa.DataFrameSchema(
    {
        "service": Column(str, _not_blank("service name")),
        "family": Column(str, _one_of(SERVICE_FAMILIES, "service families")),
    }
)

COMPARISON_SCHEMA = pa.DataFrameSchema(
    {
        "aspect": Column(str, _not_blank("aspect")),
        "ml_engineer": Column(str, _not_blank("ML Engineer entry")),
        "ai_engineer": Column(str, _not_blank("AI Engineer entry")),
    }
)


def _read_validated(name: str, schema: pa.DataFrameSchema) -> tuple[pd.DataFrame, str]:
    label = f"data/{name}"
    frame = read_text_table(data_dir() / name, label, list(schema.columns))
    return validate_columns(frame, schema, label), label


def parse_salaries() -> pd.DataFrame:
    """Validated salary bands, one row per role and country, enriched with country names."""
    frame, label = _read_validated("salaries.csv", SALARY_SCHEMA)
    # Codes are checked case-insensitively; store them as ISO writes them.
    frame["country_code"] = frame["country_code"].str.upper()
    frame["currency"] = frame["currency"].str.upper()
    above = frame.index[frame["salary_min"] > frame["salary_max"]]
    if len(above):
        raise DataFileError(
            label,
            [
                Problem(
                    f"salary_min {frame.at[i, 'salary_min']} is above salary_max "
                    f"{frame.at[i, 'salary_max']}; swap them or fix the figure.",
                    int(i),
                    "salary_min",
                )
                for i in above
            ],
        )
    check_duplicates(frame, ["role", "country_code"], label)
    foreign = [
        Problem(
            f"{cur} is not a currency of {regions.country(code).name}, which uses "
            f"{', '.join(regions.local_currencies(code))}. Give salaries in local currency.",
            int(i),
            "currency",
        )
        for i, code, cur in zip(frame.index, frame["country_code"], frame["currency"], strict=True)
        if cur not in regions.local_currencies(code)
    ]
    if foreign:
        raise DataFileError(label, foreign)
    info = frame["country_code"].map(regions.country)
    frame["country"] = info.map(lambda c: c.name)
    frame["flag"] = info.map(lambda c: c.flag)
    frame["country_alpha3"] = info.map(lambda c: c.alpha3)
    return frame


def parse_skills() -> pd.DataFrame:
    """Validated skill mentions: one row per role, skill and article section."""
    frame, label = _read_validated("skills.csv", SKILL_SCHEMA)
    check_duplicates(frame, ["role", "skill", "section"], label)
    categories = frame.groupby("skill")["category"].unique()
    problems = []
    for skill, cats in categories[categories.map(len) > 1].items():
        rows = frame[(frame["skill"] == skill) & (frame["category"] != cats[0])]
        problems += [
            Problem(
                f"skill '{skill}' has category '{frame.at[i, 'category']}' here but '{cats[0]}' "
                f"elsewhere; one skill needs one category.",
                int(i),
                "category",
            )
            for i in rows.index
        ]
    if problems:
        raise DataFileError(label, problems)
    return frame


def parse_aws_services(skills: pd.DataFrame) -> pd.DataFrame:
    """Validated service-to-family table; every AWS service named in skills.csv must be in it."""
    frame, label = _read_validated("aws_services.csv", SERVICE_SCHEMA)
    check_duplicates(frame, ["service"], label)
    named = skills.loc[skills["category"] == AWS_SERVICE, "skill"]
    unknown = named[~named.isin(frame["service"])]
    if len(unknown):
        raise DataFileError(
            "data/skills.csv",
            [
                Problem(
                    f"'{skill}' is an AWS service with no family; add it to {label} (or fix its spelling).",
                    int(i),
                    "skill",
                )
                for i, skill in unknown.items()
            ],
        )
    return frame


def parse_comparison() -> pd.DataFrame:
    """The article's side-by-side comparison table, one row per aspect."""
    frame, label = _read_validated("comparison.csv", COMPARISON_SCHEMA)
    check_duplicates(frame, ["aspect"], label)
    return frame


# --- fx_rates.csv: World Bank exchange rates and PPP factors, one row per currency and indicator ----


def _is_positive_number(text: str) -> bool:
    try:
        value = float(text)
    except ValueError:
        return False
    return math.isfinite(value) and value > 0


FX_RATE_SCHEMA = pa.DataFrameSchema(
    {
        "currency": Column(
            str,
            Check(
                regions.is_currency_code,
                element_wise=True,
                error="is not an ISO 4217 currency code (such as USD, GBP or INR)",
            ),
        ),
        "indicator": Column(str, _one_of(rates.INDICATORS, "World Bank indicators")),
        "year": Column("int64", Check.in_range(1990, 2100, error="is not a plausible year"), coerce=True),
        # Checked as text: a rate is a decimal (0.75947396), and 'not a whole number' would mislead.
        "value": Column(
            str,
            Check(
                _is_positive_number,
                element_wise=True,
                error="is not a positive number; give local currency units per US$ or per "
                "international $, such as 1.39810566",
            ),
        ),
        "source": Column(str, _not_blank("source of the rate")),
    }
)


def parse_fx_rates(salaries: pd.DataFrame) -> pd.DataFrame:
    """Validated rates (value as float), one per currency and indicator, for exactly the salary currencies."""
    frame, label = _read_validated("fx_rates.csv", FX_RATE_SCHEMA)
    frame["currency"] = frame["currency"].str.upper()
    check_duplicates(frame, ["currency", "indicator"], label)
    frame["value"] = frame["value"].astype(float)
    used = dict.fromkeys(salaries["currency"])
    problems = [
        Problem(
            f"{cur} has rates here but no row in data/salaries.csv uses it; remove its rows or add "
            "the salaries they are for.",
            int(i),
            "currency",
        )
        for i, cur in frame["currency"].items()
        if cur not in used
    ]
    for indicator in rates.INDICATORS:
        have = set(frame.loc[frame["indicator"] == indicator, "currency"])
        for cur in used:
            if cur in have:
                continue
            lines = ", ".join(str(int(i)) for i in salaries.index[salaries["currency"] == cur])
            problems.append(
                Problem(
                    f"{cur} has no {indicator} rate, but data/salaries.csv uses it (line {lines}). Add a row "
                    f"{cur},{indicator},<year>,<local currency {_PER[indicator]}>,<source>.",
                    column="currency",
                )
            )
    if problems:
        raise DataFileError(label, problems)
    return frame


_PER = {rates.MARKET_RATE: "per US$", rates.PPP_FACTOR: "per international $"}
