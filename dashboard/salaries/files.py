"""salaries.csv and fx_rates.csv: parsed, validated and normalised (dashboard.app.data caches them).

Every problem a person editing those files can make is reported as a DataFileError that names
the file, the line and the column, so the page can show it instead of a traceback.
"""

from __future__ import annotations

import math

import pandas as pd
import pandera.pandas as pa
from pandera.pandas import Check, Column

from dashboard.core import regions
from dashboard.core.datafile import (
    currency_column,
    not_blank,
    one_of,
    read_validated,
    role_column,
    year_column,
)
from dashboard.core.validation import DataFileError, Problem, check_duplicates
from dashboard.salaries import rates

SALARY_SCHEMA = pa.DataFrameSchema(
    {
        "role": role_column(),
        "country_code": Column(
            str,
            Check(
                regions.is_country_code,
                element_wise=True,
                error="is not an ISO 3166-1 alpha-2 country code (such as US, GB or IN)",
            ),
        ),
        "currency": currency_column(),
        "salary_min": Column("int64", Check.ge(0, error="must not be negative"), coerce=True),
        "salary_max": Column("int64", Check.ge(0, error="must not be negative"), coerce=True),
        "year": year_column(),
        "source": Column(str, not_blank("source of the figures")),
    }
)


def parse_salaries() -> pd.DataFrame:
    """Validated salary bands, one row per role and country, enriched with country names."""
    frame, label = read_validated("salaries.csv", SALARY_SCHEMA)
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


# --- fx_rates.csv: World Bank exchange rates and PPP factors, one row per currency and indicator ----


def _is_positive_number(text: str) -> bool:
    try:
        value = float(text)
    except ValueError:
        return False
    return math.isfinite(value) and value > 0


FX_RATE_SCHEMA = pa.DataFrameSchema(
    {
        "currency": currency_column(),
        "indicator": Column(str, one_of(rates.INDICATORS, "World Bank indicators")),
        "year": year_column(),
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
        "source": Column(str, not_blank("source of the rate")),
    }
)


def parse_fx_rates(salaries: pd.DataFrame) -> pd.DataFrame:
    """Validated rates (value as float), one per currency and indicator, for exactly the salary currencies."""
    frame, label = read_validated("fx_rates.csv", FX_RATE_SCHEMA)
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
