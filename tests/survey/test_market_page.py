"""The shipped survey beside the article on the Overview, Salaries, Survey and Fit pages, every figure
checked against an independent computation from data/aijobs_salaries_2025-01-19.csv in this file.

The independent side reads the CSV with pandas (not the app's reader), maps titles with the title
map's own rows, and recomputes percentiles (numpy's default), medians and the bootstrap: once in the
method the app documents (per country a fresh default_rng(SEED), the ML cell's resamples drawn before
the AI cell's, each resample as counts over the distinct amounts) and once by the textbook resampling
of answers, which must agree within Monte Carlo noise.
"""

from __future__ import annotations

import hashlib
import io
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.survey import compare, schema
from tests.conftest import shown
from tests.pages_support import APP, open_page

DATA = Path(__file__).resolve().parents[2] / "data"
SHIPPED = DATA / "aijobs_salaries_2025-01-19.csv"
ML, AI = "ML Engineer", "AI Engineer"
FIVE = ["US", "CA", "AU", "GB", "IN"]


@cache
def answers(scope: str = "exact") -> pd.DataFrame:
    rows = pd.read_csv(SHIPPED, dtype=str, keep_default_na=False)
    titles = pd.read_csv(DATA / "title_map.csv", dtype=str, keep_default_na=False)
    if scope == "exact":
        titles = titles[titles["basis"] == "exact title"]
    role = dict(zip(titles["job_title"], titles["role"], strict=True))
    rows = rows.assign(role=rows["job_title"].map(role), usd=rows["salary_in_usd"].astype(float))
    return rows[rows["role"].notna()]


def cell(country: str, role: str, scope: str = "exact", **where: str) -> np.ndarray:
    rows = answers(scope)
    mask = (rows["company_location"] == country) & (rows["role"] == role)
    for column, value in where.items():
        mask &= rows[column] == value
    return rows.loc[mask, "usd"].to_numpy()


def medians_by_counts(values: np.ndarray, rng: np.random.Generator, resamples: int) -> np.ndarray:
    distinct, counts = np.unique(values, return_counts=True)
    n = len(values)
    cumulative = np.cumsum(rng.multinomial(n, counts / n, size=resamples), axis=1)
    lower = np.argmax(cumulative >= (n + 1) // 2, axis=1)
    upper = np.argmax(cumulative >= n // 2 + 1, axis=1)
    return (distinct[lower] + distinct[upper]) / 2


def interval(country: str) -> tuple[float, float]:
    rng = np.random.default_rng(compare.SEED)
    ml = medians_by_counts(cell(country, ML), rng, compare.RESAMPLES)
    ai = medians_by_counts(cell(country, AI), rng, compare.RESAMPLES)
    low, high = np.percentile(ml - ai, [2.5, 97.5])
    return float(low), float(high)


def as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """A table as a reader sees it: escapes removed from its text cells."""
    return frame.map(lambda v: shown(v) if isinstance(v, str) else v)


def table_with(at: AppTest, *columns: str) -> pd.DataFrame:
    """The first table on the page that has all of `columns`, as a reader sees it."""
    return as_text(next(t.value for t in at.table if set(columns) <= set(t.value.columns)))


def money(value: float) -> str:
    return f"${value:,.0f}"


def signed(value: float) -> str:
    return ("+" if value > 0 else "−" if value < 0 else "") + money(abs(value))


def test_the_shipped_survey_is_the_original_file():
    digest = hashlib.sha256(SHIPPED.read_bytes()).hexdigest()
    assert digest == "fce1318d2fa6f574cd36ce192bf3c38debcb61892d15255eb8f772a05e4a5aef"
    assert digest in (DATA / "README.md").read_text(encoding="utf-8")


def test_the_documented_bootstrap_agrees_with_resampling_answers_one_by_one():
    us_ml, us_ai = cell("US", ML), cell("US", AI)
    rng = np.random.default_rng(7)
    naive = [
        np.median(rng.choice(us_ml, len(us_ml))) - np.median(rng.choice(us_ai, len(us_ai)))
        for _ in range(compare.RESAMPLES)
    ]
    naive_low, naive_high = np.percentile(naive, [2.5, 97.5])
    low, high = interval("US")
    # Two random streams: the ends agree within the noise of 2,000 resamples (about $1,300).
    assert abs(low - naive_low) < 3_000 and abs(high - naive_high) < 3_000
    assert (low, high) == compare.median_difference(us_ml, us_ai)[1:]


def test_the_overview_answers_first_with_the_surveys_figures():
    at = open_page("pages/overview.py")
    assert not at.exception
    assert shown(next(m.value for m in at.markdown if m.value.startswith("**"))) == (
        "**The survey agrees with the article in the United States; it can't tell in Canada, Australia, the "
        "United Kingdom and India, where too few answered or the difference is not clear.**"
    )
    table = table_with(at, "The survey: median ML / AI")
    rows = table.set_index("Region")
    for code, name in zip(FIVE, rows.index, strict=True):
        ml, ai = cell(code, ML), cell(code, AI)
        medians = f"{money(np.median(ml))} / {money(np.median(ai))} (n = {len(ml):,} / {len(ai):,})"
        assert rows.at[name, "The survey: median ML / AI"] == medians
        thin = min(len(ml), len(ai)) < schema.THIN_BELOW
        assert rows.at[name, "The survey: who earns more"].endswith("(thin)") == thin
        if thin:  # a handful of answers never decides, even where its interval is clear of zero (Canada)
            assert rows.at[name, "The survey: who earns more"] == "the survey can't tell (thin)"
    assert rows.at["🇺🇸 United States", "The survey: who earns more"] == "ML Engineer earns more"
    assert rows.at["🇺🇸 United States", "Agree?"] == "agrees"
    assert rows.at["🇬🇧 United Kingdom", "The survey: who earns more"] == "the survey can't tell (thin)"
    low, high = interval("US")
    sentences = shown(next(m.value for m in at.markdown if m.value.startswith("- In ")))
    us = next(line for line in sentences.splitlines() if "United States" in line)
    assert f"a difference of +$26,000 (95% interval {signed(low)} to {signed(high)})" in us
    assert "the survey agrees" in us
    uk = next(line for line in sentences.splitlines() if "United Kingdom" in line)
    assert "the article says the AI Engineer earns more" in uk and "the survey can't tell" in uk
    assert "(n = 108)" in uk and "(n = 14)" in uk


def test_the_survey_page_shows_differences_levels_and_years_as_text():
    at = open_page("pages/survey.py")
    assert not at.exception
    summary = shown(next(m.value for m in at.markdown if "rows read" in m.value))
    rows = answers()
    assert (
        f"{len(rows):,} answers count (exact title only; {len(answers('related')):,} with related" in summary
    )
    tables = [as_text(t.value) for t in at.table]
    diffs = next(t for t in tables if "95% interval" in t.columns).set_index("Country")
    low, high = interval("US")
    assert diffs.at["🇺🇸 United States", "95% interval"] == f"{signed(low)} to {signed(high)}"
    assert diffs.at["🇺🇸 United States", "ML − AI"] == signed(
        np.median(cell("US", ML)) - np.median(cell("US", AI))
    )
    rows = answers()
    chosen = rows[rows["company_location"].isin(FIVE)]
    levels = next(t for t in tables if "Experience level" in t.columns).set_index("Experience level")
    for code, label in compare.LEVELS.items():
        pay = chosen.loc[(chosen["role"] == ML) & (chosen["experience_level"] == code), "usd"].to_numpy()
        p25, p50, p75 = np.percentile(pay, [25, 50, 75])
        row = levels.loc[f"ML Engineer · {label}"]
        assert row["Median"] == money(p50) and row["p25–p75"] == f"{money(p25)} – {money(p75)}"
        assert row["n"] == f"{len(pay):,}" + (" (thin)" if len(pay) < schema.THIN_BELOW else "")
    years = next(t for t in tables if "Work year" in t.columns).set_index("Work year")
    for year in sorted(chosen["work_year"].unique()):
        pay = chosen.loc[(chosen["role"] == AI) & (chosen["work_year"] == year), "usd"].to_numpy()
        key = f"AI Engineer · {year}"
        if len(pay) == 0:
            assert key not in years.index
            continue
        assert years.at[key, "Median"] == money(np.median(pay))
        assert years.at[key, "n"].split(" ")[0] == f"{len(pay):,}"


@pytest.mark.parametrize("unit", ["local", "ppp"])
def test_salaries_put_the_surveys_spread_under_each_band_in_the_unit(unit, downloads):
    at = open_page("pages/salaries.py")
    if unit != "local":
        at.radio(key="unit").set_value(unit).run()
    fx = pd.read_csv(DATA / "fx_rates.csv").set_index(["currency", "indicator"])["value"]
    name = "ml-vs-ai-engineer_salary-bands_all-regions" + ("" if unit == "local" else f"_{unit}") + ".csv"
    bands = pd.read_csv(io.BytesIO(downloads[name]), encoding="utf-8-sig")
    gb = bands[(bands["country_code"] == "GB") & (bands["role"] == ML)].iloc[0]
    pay = cell("GB", ML)
    factor = fx[("GBP", "PA.NUS.FCRF")] / (1 if unit == "local" else fx[("GBP", "PA.NUS.PPP")])
    assert gb["survey_n"] == len(pay) == 108
    assert gb["survey_p50"] == pytest.approx(np.median(pay) * factor, abs=0.01)
    assert gb["survey_p25"] == pytest.approx(np.percentile(pay, 25) * factor, abs=0.01)
    shown_table = table_with(at, "Survey n")
    assert "14 (thin)" in shown_table["Survey n"].tolist()


def test_the_title_switch_counts_the_related_titles_too():
    at = open_page("pages/overview.py")
    at.radio(key="titles").set_value("related").run()
    table = table_with(at, "The survey: median ML / AI")
    us = table.set_index("Region").loc["🇺🇸 United States"]
    ml, ai = cell("US", ML, scope="related"), cell("US", AI, scope="related")
    assert us["The survey: median ML / AI"] == (
        f"{money(np.median(ml))} / {money(np.median(ai))} (n = {len(ml):,} / {len(ai):,})"
    )
    assert len(ai) > len(cell("US", AI))
    assert at.query_params["titles"] == "related"


def test_the_fit_page_shows_what_the_survey_pays_the_closer_role():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["skill"] = ["Python"]  # named for the AI Engineer only: the profile is closer to it
    at.run()
    at.switch_page("pages/fit.py").run()
    region = table_with(at, "Region", "Median")
    us = region.set_index("Region").loc["🇺🇸 United States"]
    assert us["Median"] == money(np.median(cell("US", AI))) and us["n"] == f"{len(cell('US', AI)):,}"
    level = table_with(at, "Experience").set_index("Experience")
    rows = answers()
    senior = rows.loc[
        rows["company_location"].isin(FIVE) & (rows["role"] == AI) & (rows["experience_level"] == "SE"), "usd"
    ]
    assert level.at["Senior", "Median"] == money(np.median(senior))
