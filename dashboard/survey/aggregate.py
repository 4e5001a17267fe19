"""Filtering and aggregating a validated Survey: percentiles per country and role, and what is downloaded.

Percentiles are numpy's default method ('linear': interpolate between the two nearest ranks),
which is what pandas' groupby quantile computes too. Local-currency figures are the US$ ones times
a rate (local units per US$), so they are exactly the percentiles of the converted salaries.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from dashboard.core import regions
from dashboard.core.domain import ROLES
from dashboard.survey.schema import (
    COUNTRY_FIELDS,
    FILTER_FIELDS,
    NUMBER_COLUMNS,
    PERCENTILES,
    SURVEY_COLUMNS,
    THIN_BELOW,
    Survey,
    SurveyFilter,
)


def filter_rows(survey: Survey, chosen: SurveyFilter) -> pd.DataFrame:
    """The accepted rows with a role that match every chosen filter (what the aggregate and the
    filtered-rows download use)."""
    rows = survey.rows
    mask = rows["role"].notna().to_numpy().copy()
    if chosen.drop_duplicates:
        mask &= ~survey.repeats
    for attr, column in FILTER_FIELDS.items():
        values = getattr(chosen, attr)
        if values is not None:
            mask &= rows[column].isin(list(values)).to_numpy()
    if chosen.country_field not in COUNTRY_FIELDS:
        raise ValueError(f"country_field must be one of {COUNTRY_FIELDS}")
    if chosen.countries is not None:
        mask &= rows[chosen.country_field].isin(list(chosen.countries)).to_numpy()
    if chosen.title_bases is not None:
        mask &= rows["title_basis"].isin(list(chosen.title_bases)).to_numpy()
    return rows[mask]


def filter_options(survey: Survey) -> dict[str, list]:
    """Every value each filter can take in this survey, sorted, for the page's widgets."""
    rows = survey.rows[survey.rows["role"].notna()]
    options = {
        c: sorted(rows[c].astype(object).dropna().unique().tolist())
        for c in ("work_year", "experience_level", "employment_type", "remote_ratio", "company_size")
    }
    for c in COUNTRY_FIELDS:
        options[c] = sorted(rows[c].astype(str).unique().tolist())
    options["work_year"] = [int(v) for v in options["work_year"]]
    options["remote_ratio"] = [int(v) for v in options["remote_ratio"]]
    return options


AGGREGATE_COLUMNS = [
    "country_code", "country", "flag", "role", "n", "thin", *PERCENTILES, "currency", "rate",
    *(f"{p}_local" for p in PERCENTILES),
]  # fmt: skip


def aggregate(rows: pd.DataFrame, country_field: str, rates: Mapping[str, float]) -> pd.DataFrame:
    """Per country and role: n, p10–p90 of salary_in_usd, thin flag, and the same in local currency.

    rates maps an ISO 4217 code to local units per US$; a country whose currency has no rate gets
    NaN local figures (USD is 1 without asking). Countries come most answers first, ML before AI.
    """
    if rows.empty:  # unstacking no groups gives no percentile columns to name
        return pd.DataFrame(columns=AGGREGATE_COLUMNS)
    groups = rows.groupby(
        [rows[country_field].astype(str), rows["role"].astype(str)], observed=True, sort=False
    )["salary_in_usd"]
    stats = groups.quantile(list(PERCENTILES.values())).unstack()
    stats.columns = list(PERCENTILES)
    stats.insert(0, "n", groups.size())
    stats = stats.reset_index(names=["country_code", "role"])
    if stats.empty:
        return pd.DataFrame(columns=AGGREGATE_COLUMNS)
    total = stats.groupby("country_code")["n"].transform("sum")
    stats = stats.assign(_total=total, _role=stats["role"].map(ROLES.index))
    stats = stats.sort_values(
        ["_total", "country_code", "_role"], ascending=[False, True, True], ignore_index=True
    )
    info = {code: regions.country(code) for code in stats["country_code"].unique()}
    stats["country"] = stats["country_code"].map(lambda c: info[c].name)
    stats["flag"] = stats["country_code"].map(lambda c: info[c].flag)
    stats["thin"] = stats["n"] < THIN_BELOW
    stats["currency"] = stats["country_code"].map(_local_currency)
    usd_rates = {"USD": 1.0} | dict(rates)
    stats["rate"] = stats["currency"].map(lambda c: usd_rates.get(c, np.nan) if c else np.nan).astype(float)
    for p in PERCENTILES:
        stats[f"{p}_local"] = stats[p] * stats["rate"]
    return stats[AGGREGATE_COLUMNS]


def _local_currency(code: str) -> str | None:
    currencies = regions.local_currencies(code)
    return currencies[0] if currencies else None


def aggregate_payload_bytes(table: pd.DataFrame) -> int:
    """Size of the aggregate as JSON: what the browser gets, the same at 10k and 1M rows."""
    return len(table.to_json(orient="records").encode("utf-8"))


def article_bands_usd(salaries: pd.DataFrame, rates: Mapping[str, float]) -> pd.DataFrame:
    """The article's bands (data/salaries.csv, local currency) in US$ through rates; bands whose
    currency has no rate are left out rather than guessed."""
    usd_rates = {"USD": 1.0} | dict(rates)
    rate = salaries["currency"].map(usd_rates).astype(float)
    out = salaries[["country_code", "role", "currency", "salary_min", "salary_max"]].copy()
    out["usd_min"] = salaries["salary_min"] / rate
    out["usd_max"] = salaries["salary_max"] / rate
    return out[rate.notna()].reset_index(drop=True)


def rows_for_download(rows: pd.DataFrame) -> pd.DataFrame:
    """Filtered rows as the file had them, plus the role they were counted under."""
    out = rows[[*SURVEY_COLUMNS, "role"]].copy()
    for c in NUMBER_COLUMNS:
        if (out[c].dropna() % 1 == 0).all():
            out[c] = out[c].astype("Int64")  # whole numbers back as written, not 150000.0
    return out
