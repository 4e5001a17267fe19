"""The gap between the roles: one computation, one base for its %, one rule for who earns more, and every
page and download showing the same figure for the same region."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from dashboard.careers import careers
from dashboard.careers import files as career_files
from dashboard.core.domain import AI, ML
from dashboard.salaries import files as salary_files
from dashboard.salaries import gaps as role_gaps
from dashboard.salaries import rates
from dashboard.salaries import tables as salary_tables
from tests.conftest import rewrite, shown
from tests.pages_support import open_page

# ML − AI at the band midpoint in % of the AI Engineer's midpoint, from data/salaries.csv by hand: the
# UK's ML band is £35,000–£80,000 (midpoint £57,500) and its AI band £43,000–£77,000 (£60,000): −4.2%.
HAND = {"US": 8.3, "CA": 10.3, "GB": -4.2, "AU": -11.8, "IN": 75.0}


def by_hand(salaries: pd.DataFrame) -> dict[str, float]:
    mid = salaries.assign(mid=(salaries["salary_min"] + salaries["salary_max"]) / 2)
    wide = mid.pivot_table(index="country_code", columns="role", values="mid")
    return {c: round((wide.at[c, ML] - wide.at[c, AI]) / wide.at[c, AI] * 100, 1) for c in wide.index}


def test_the_percentage_is_of_the_ai_engineers_midpoint():
    salaries = salary_files.parse_salaries()
    gaps = role_gaps.local_gaps(salaries).set_index("country_code")
    assert gaps["gap_midpoint_pct"].to_dict() == by_hand(salaries) == HAND
    assert role_gaps.percent_in_words(-4.2) == "the ML Engineer's midpoint is 4.2% below the AI Engineer's"
    assert role_gaps.percent_in_words(8.3) == "the ML Engineer's midpoint is 8.3% above the AI Engineer's"


@pytest.mark.parametrize("unit", list(rates.UNITS.values()))
def test_the_percentage_is_the_same_in_every_unit(unit):
    salaries = salary_files.parse_salaries()
    converted = rates.convert_salaries(salaries, salary_files.parse_fx_rates(salaries), unit)
    gaps = role_gaps.salary_gaps(converted).set_index("country_code")
    assert gaps["gap_midpoint_pct"].to_dict() == HAND


def test_who_earns_more_has_one_rule_and_a_tie_is_a_tie(data_dir):
    assert [role_gaps.earns_more(g) for g in (5.0, -5.0, 0.0)] == [ML, AI, role_gaps.TIE]
    # Canada's bands made equal: a tie is neither role earning more, and said as such.
    rewrite(data_dir / "salaries.csv", "AI Engineer,CA,CAD,110000,180000", "AI Engineer,CA,CAD,120000,200000")
    gaps = role_gaps.local_gaps(salary_files.parse_salaries()).set_index("country_code")
    assert gaps.at["CA", "earns_more"] == role_gaps.TIE
    tie = "In Canada the two roles tie: both bands have a midpoint of CA$160,000."
    assert gaps.at["CA", "statement"] == tie
    against = role_gaps.not_ml_ahead(gaps.reset_index())
    assert against["country_code"].tolist() == ["CA", "GB", "AU"]
    assert "Canada (the ML Engineer's midpoint equals the AI Engineer's)" in role_gaps.exceptions_in_words(
        gaps.reset_index()
    )


def test_the_claim_check_follows_the_salary_file(data_dir):
    rewrite(data_dir / "salaries.csv", "AI Engineer,AU,AUD,130000,210000", "AI Engineer,AU,AUD,90000,150000")
    gaps = role_gaps.local_gaps(salary_files.parse_salaries())
    assert role_gaps.not_ml_ahead(gaps)["country"].tolist() == ["United Kingdom"]


def read(raw: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", keep_default_na=False)


@pytest.mark.parametrize("region", ["GB", "AU"])
def test_every_page_and_download_shows_the_same_gap_for_a_region(region, downloads):
    expected = HAND[region]
    words = role_gaps.percent_in_words(expected)
    salaries_page = open_page("pages/salaries.py", regions=[region])
    table = salaries_page.table[-1].value
    assert [shown(v) for v in table[salary_tables.GAP_PERCENT_HEADER]] == [f"−{abs(expected)}%"]
    assert [shown(v) for v in table["Earns more"]] == [AI]
    gap_file = read(downloads[f"ml-vs-ai-engineer_salary-gaps_{region}.csv"])
    assert gap_file["gap_midpoint_pct"].tolist() == [expected]
    assert gap_file["earns_more"].tolist() == [AI]
    statements = [shown(m.value) for m in salaries_page.markdown if m.value.startswith("- In ")]
    assert statements and f"{abs(expected)}% below the AI Engineer's" in statements[0]
    assert words in shown(next(c.value for c in salaries_page.caption if "salary table says" in c.value))

    careers_page = open_page("pages/careers.py", regions=[region])
    evidence = next(shown(w.value) for w in careers_page.warning if "salary table" in w.value)
    assert words in evidence
    faq_file = read(downloads[f"ml-vs-ai-engineer_faq_{region}.csv"])
    assert words in faq_file.loc[faq_file["number"] == 2, "evidence"].item()
    faq_rows = careers.faq_table(
        career_files.parse_faq(),
        salary_files.parse_salaries().query("country_code == @region"),
        career_files.parse_careers(),
    )
    assert words in faq_rows.loc[faq_rows["number"] == 2, "evidence"].item()
