"""Transforms of the salary bands: the ML − AI gap per region."""

from __future__ import annotations

import pandas as pd


def salary_gaps(salaries: pd.DataFrame) -> pd.DataFrame:
    """Per region: ML minus AI at the bottom, top and midpoint of the bands, and the midpoint gap in %."""
    wide = salaries.pivot_table(
        index=["country_code", "country", "flag", "currency"],
        columns="role",
        values=["salary_min", "salary_max"],
        sort=False,
    )
    rows = []
    for (code, country, flag, currency), band in wide.iterrows():
        ml_min, ml_max = band[("salary_min", "ML Engineer")], band[("salary_max", "ML Engineer")]
        ai_min, ai_max = band[("salary_min", "AI Engineer")], band[("salary_max", "AI Engineer")]
        if pd.isna([ml_min, ai_min]).any():
            continue  # a region with only one role has no gap to show
        ml_mid, ai_mid = (ml_min + ml_max) / 2, (ai_min + ai_max) / 2
        rows.append(
            {
                "country_code": code,
                "country": country,
                "flag": flag,
                "currency": currency,
                "gap_min": int(ml_min - ai_min),
                "gap_max": int(ml_max - ai_max),
                "ml_midpoint": ml_mid,
                "ai_midpoint": ai_mid,
                "gap_midpoint": ml_mid - ai_mid,
                "gap_midpoint_pct": round((ml_mid - ai_mid) / ai_mid * 100, 1),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "country_code", "country", "flag", "currency", "gap_min", "gap_max",
            "ml_midpoint", "ai_midpoint", "gap_midpoint", "gap_midpoint_pct",
        ],
    )  # fmt: skip
