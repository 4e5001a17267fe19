"""Synthetic salary surveys in the aijobs.net schema, vectorised so a million rows take about a second.

Shaped like the public survey (mostly US rows paid in USD, a long tail of titles and countries,
about half the rows exact duplicates of another) so the benchmark exercises the same code paths.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

COLUMNS = [
    "work_year", "experience_level", "employment_type", "job_title", "salary", "salary_currency",
    "salary_in_usd", "employee_residence", "remote_ratio", "company_location", "company_size",
]  # fmt: skip

# country, weight, currency, local units per US$ (rough, only to make plausible local salaries)
COUNTRIES = [
    ("US", 0.86, "USD", 1.0), ("GB", 0.03, "GBP", 0.79), ("CA", 0.03, "CAD", 1.38),
    ("DE", 0.015, "EUR", 0.92), ("AU", 0.005, "AUD", 1.55), ("IN", 0.005, "INR", 84.0),
    ("FR", 0.01, "EUR", 0.92), ("ES", 0.01, "EUR", 0.92), ("NL", 0.01, "EUR", 0.92),
    ("PL", 0.005, "PLN", 4.0), ("BR", 0.005, "BRL", 5.4), ("CH", 0.005, "CHF", 0.88),
]  # fmt: skip
TITLES = [
    ("Data Scientist", 0.16), ("Data Engineer", 0.13), ("Software Engineer", 0.11), ("Data Analyst", 0.10),
    ("Machine Learning Engineer", 0.08), ("Engineer", 0.055), ("Manager", 0.035),
    ("Research Scientist", 0.03), ("Applied Scientist", 0.022), ("Analyst", 0.02), ("AI Engineer", 0.009),
    ("Machine Learning Scientist", 0.004), ("MLOps Engineer", 0.0014), ("AI Developer", 0.0014),
    ("AI Architect", 0.002), ("Research Engineer", 0.015), ("Analytics Engineer", 0.016),
    ("Product Manager", 0.014), ("Data Architect", 0.017), ("Consultant", 0.007),
]  # fmt: skip


def generate(rows: int, seed: int = 0, duplicate_share: float = 0.5) -> pd.DataFrame:
    """A survey of `rows` rows; `duplicate_share` of them repeat an earlier row exactly."""
    rng = np.random.default_rng(seed)
    unique = max(1, int(rows * (1 - duplicate_share)))
    c_idx = rng.choice(len(COUNTRIES), unique, p=_weights(COUNTRIES, 1))
    t_idx = rng.choice(len(TITLES), unique, p=_weights(TITLES, 1))
    usd = np.round(rng.lognormal(np.log(150_000), 0.45, unique)).astype(np.int64)
    rate = np.array([c[3] for c in COUNTRIES])[c_idx]
    codes = np.array([c[0] for c in COUNTRIES], dtype=object)[c_idx]
    # Most non-US answers are in USD in the real survey; a third here are in the local currency.
    local = rng.random(unique) < 0.35
    currency = np.where(local, np.array([c[2] for c in COUNTRIES], dtype=object)[c_idx], "USD")
    salary = np.where(local, np.round(usd * rate), usd).astype(np.int64)
    residence = np.where(rng.random(unique) < 0.95, codes, "US")
    frame = pd.DataFrame(
        {
            "work_year": rng.choice([2022, 2023, 2024, 2025], unique, p=[0.05, 0.15, 0.75, 0.05]),
            "experience_level": rng.choice(["EN", "MI", "SE", "EX"], unique, p=[0.1, 0.3, 0.58, 0.02]),
            "employment_type": rng.choice(["FT", "PT", "CT", "FL"], unique, p=[0.994, 0.003, 0.002, 0.001]),
            "job_title": np.array([t[0] for t in TITLES], dtype=object)[t_idx],
            "salary": salary,
            "salary_currency": currency,
            "salary_in_usd": usd,
            "employee_residence": residence,
            "remote_ratio": rng.choice([0, 50, 100], unique, p=[0.78, 0.01, 0.21]),
            "company_location": codes,
            "company_size": rng.choice(["S", "M", "L"], unique, p=[0.01, 0.95, 0.04]),
        },
        columns=COLUMNS,
    )
    if rows > unique:
        frame = pd.concat([frame, frame.sample(rows - unique, replace=True, random_state=seed)])
        frame = frame.sample(frac=1, random_state=seed + 1)
    return frame.reset_index(drop=True)


def write(path: Path, rows: int, seed: int = 0) -> Path:
    """Write a generated survey as CSV (no index, as aijobs.net publishes it)."""
    generate(rows, seed).to_csv(path, index=False)
    return path


def _weights(table: list[tuple], column: int) -> np.ndarray:
    weights = np.array([row[column] for row in table], dtype=float)
    return weights / weights.sum()
