"""The survey's pay beside the article's bands, in the unit the bands are shown in. No Streamlit here.

The survey reports US$ (its salary_in_usd). Into local currency it goes at the World Bank market rate
(local units per US$); into international dollars at the market rate over the PPP factor (local units
per international $), the same rates the bands use. Percentiles convert exactly, since the
conversion is one factor per country: the median in local currency is the median times the rate.
"""

from __future__ import annotations

import pandas as pd

from dashboard.salaries.rates import MARKET_RATE, PPP_FACTOR, Unit

SURVEY_COLUMNS = ["survey_n", "survey_thin", "survey_p25", "survey_p50", "survey_p75", "survey_factor"]


def usd_factor(currency: str, fx_rates: pd.DataFrame, unit: Unit) -> float | None:
    """What one US$ of survey pay is in `unit` for a region paid in `currency`; None without a rate."""
    value = {
        (c, i): v
        for c, i, v in zip(fx_rates["currency"], fx_rates["indicator"], fx_rates["value"], strict=True)
    }
    market = value.get((currency, MARKET_RATE))
    if unit.is_local:
        return market
    if unit.indicator == MARKET_RATE:
        return 1.0
    ppp = value.get((currency, PPP_FACTOR))
    return None if market is None or ppp is None else market / ppp


def beside_bands(
    converted: pd.DataFrame, cells: pd.DataFrame, fx_rates: pd.DataFrame, unit: Unit
) -> pd.DataFrame:
    """The bands (rates.convert_salaries output) with the survey's n, thin flag and p25, median and p75 for
    the same country and role, in the bands' unit (aggregate.aggregate output for `cells`); NaN where
    the survey has no answers for a band."""
    survey = cells.set_index(["country_code", "role"])
    out = converted.copy()
    factors = {c: usd_factor(c, fx_rates, unit) for c in out["currency"].unique()}
    rows = []
    for r in out.itertuples():
        factor = factors[r.currency]
        hit = survey.loc[(r.country_code, r.role)] if (r.country_code, r.role) in survey.index else None
        if hit is None or factor is None:
            rows.append([0, True, float("nan"), float("nan"), float("nan"), factor])
            continue
        rows.append(
            [
                int(hit["n"]),
                bool(hit["thin"]),
                *(round(float(hit[p]) * factor, 2) for p in ("p25", "p50", "p75")),
                factor,
            ]
        )
    out[SURVEY_COLUMNS] = pd.DataFrame(rows, index=out.index, columns=SURVEY_COLUMNS)
    out["survey_n"] = out["survey_n"].astype(int)
    out["survey_thin"] = out["survey_thin"].astype(bool)
    return out
