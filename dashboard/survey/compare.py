"""The survey's answer to "which role pays more where?": the ML − AI difference of medians per country, with
a seeded bootstrap interval and a plain verdict; and pay by experience level and by work year.

No Streamlit here. The bootstrap resamples each role's answers in a country independently, with
replacement, RESAMPLES times from numpy's default generator seeded with SEED, and takes the 2.5th and
97.5th percentiles of the resampled differences (the percentile interval): the same survey, filters
and seed give the same interval on every run and in every test.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.core import regions
from dashboard.core.domain import AI, ML, ROLES
from dashboard.survey.schema import THIN_BELOW

RESAMPLES = 2_000
SEED = 20250119  # the snapshot's date: any fixed number would do, this one is easy to trace
LEVELS = {"EN": "Entry", "MI": "Mid", "SE": "Senior", "EX": "Executive"}
# What a difference can say: the interval clear of zero one way or the other, or not.
ML_MORE, AI_MORE, CANT_TELL = "ML Engineer earns more", "AI Engineer earns more", "the survey can't tell"
DIFFERENCE_COLUMNS = [
    "country_code", "country", "flag", "ml_n", "ai_n", "ml_median", "ai_median", "difference",
    "low", "high", "thin", "verdict",
]  # fmt: skip
SPREAD_COLUMNS = ["role", "key", "label", "n", "p25", "p50", "p75", "thin"]


def bootstrap_medians(values: np.ndarray, resamples: int, rng: np.random.Generator) -> np.ndarray:
    """The median of each of `resamples` resamples (with replacement) of `values`.

    A resample is drawn as how many times each distinct value occurs in it (one multinomial draw over
    the distinct values, weighted by their counts), which is the same resampling as drawing answers
    one by one, and four times faster on survey pay, where 5,340 answers hold 1,025 distinct amounts.
    The median is then read off the cumulative counts: the mean of the n/2-th and (n/2 + 1)-th
    smallest for an even n, the middle one for an odd n.
    """
    distinct, counts = np.unique(values, return_counts=True)
    n = len(values)
    drawn = np.cumsum(rng.multinomial(n, counts / n, size=resamples), axis=1)
    lower = (drawn >= (n + 1) // 2).argmax(axis=1)
    upper = (drawn >= n // 2 + 1).argmax(axis=1)
    return (distinct[lower] + distinct[upper]) / 2


def median_difference(
    ml: np.ndarray, ai: np.ndarray, resamples: int = RESAMPLES, seed: int = SEED
) -> tuple[float, float, float]:
    """(ML median − AI median, the 95 % bootstrap interval's low and high end); NaN where a role has none."""
    if len(ml) == 0 or len(ai) == 0:
        return np.nan, np.nan, np.nan
    rng = np.random.default_rng(seed)
    ml_medians = bootstrap_medians(np.asarray(ml, dtype=float), resamples, rng)
    ai_medians = bootstrap_medians(np.asarray(ai, dtype=float), resamples, rng)
    low, high = np.percentile(ml_medians - ai_medians, [2.5, 97.5])
    return float(np.median(ml) - np.median(ai)), float(low), float(high)


def verdict(ml_n: int, ai_n: int, low: float, high: float) -> str:
    """Who earns more: said only where both cells hold THIN_BELOW answers or more and the interval
    excludes zero; otherwise the survey can't tell."""
    if min(ml_n, ai_n) < THIN_BELOW or np.isnan(low):
        return CANT_TELL
    if low > 0:
        return ML_MORE
    if high < 0:
        return AI_MORE
    return CANT_TELL


def country_differences(
    rows: pd.DataFrame, country_field: str, countries: list[str] | tuple[str, ...] | None = None,
    resamples: int = RESAMPLES, seed: int = SEED,
) -> pd.DataFrame:  # fmt: skip
    """Per country (the given ones in their order, else most answers first): n and median per role, the
    difference of medians with its interval, whether either cell is thin, and the verdict."""
    pay = rows["salary_in_usd"].to_numpy(dtype=float)
    where = rows[country_field].astype(str).to_numpy()
    role = rows["role"].astype(str).to_numpy()
    if countries is None:
        countries = list(pd.Series(where).value_counts().index)
    out = []
    for code in countries:
        ml, ai = pay[(where == code) & (role == ML)], pay[(where == code) & (role == AI)]
        if len(ml) + len(ai) == 0:
            continue
        diff, low, high = median_difference(ml, ai, resamples, seed)
        info = regions.country(code)
        out.append(
            {
                "country_code": code,
                "country": info.name,
                "flag": info.flag,
                "ml_n": len(ml),
                "ai_n": len(ai),
                "ml_median": float(np.median(ml)) if len(ml) else np.nan,
                "ai_median": float(np.median(ai)) if len(ai) else np.nan,
                "difference": diff,
                "low": low,
                "high": high,
                "thin": min(len(ml), len(ai)) < THIN_BELOW,
                "verdict": verdict(len(ml), len(ai), low, high),
            }
        )
    return pd.DataFrame(out, columns=DIFFERENCE_COLUMNS)


def pay_spread(rows: pd.DataFrame, by: str, labels: dict | None = None) -> pd.DataFrame:
    """Per role and value of `by` (experience_level, work_year): n, p25, median, p75 and the thin flag.

    Values come in the order of `labels` when given (Entry, Mid, Senior, Executive), else sorted; a
    value with no answers for a role has no row for it.
    """
    out = []
    keys = list(labels) if labels else sorted(rows[by].dropna().unique().tolist())
    for role in ROLES:
        mine = rows[rows["role"].astype(str) == role]
        for key in keys:
            pay = mine.loc[mine[by] == key, "salary_in_usd"].to_numpy(dtype=float)
            if len(pay) == 0:
                continue
            p25, p50, p75 = np.percentile(pay, [25, 50, 75])
            out.append(
                {
                    "role": role,
                    "key": key,
                    "label": (labels or {}).get(key, str(key)),
                    "n": len(pay),
                    "p25": float(p25),
                    "p50": float(p50),
                    "p75": float(p75),
                    "thin": len(pay) < THIN_BELOW,
                }
            )
    return pd.DataFrame(out, columns=SPREAD_COLUMNS)
