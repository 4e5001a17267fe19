"""salaries.csv holds the article's ten bands, with country names and flags from pycountry."""

from __future__ import annotations

from dashboard.salaries import files as salary_files

ARTICLE_BANDS = {
    ("AI Engineer", "US"): ("USD", 140_000, 220_000),
    ("ML Engineer", "US"): ("USD", 150_000, 240_000),
    ("AI Engineer", "CA"): ("CAD", 110_000, 180_000),
    ("ML Engineer", "CA"): ("CAD", 120_000, 200_000),
    ("AI Engineer", "AU"): ("AUD", 130_000, 210_000),
    ("ML Engineer", "AU"): ("AUD", 100_000, 200_000),
    ("AI Engineer", "GB"): ("GBP", 43_000, 77_000),
    ("ML Engineer", "GB"): ("GBP", 35_000, 80_000),
    ("AI Engineer", "IN"): ("INR", 600_000, 1_000_000),
    ("ML Engineer", "IN"): ("INR", 1_000_000, 1_800_000),
}


def test_salaries_hold_the_articles_ten_bands_exactly():
    salaries = salary_files.parse_salaries()
    got = {
        (r.role, r.country_code): (r.currency, r.salary_min, r.salary_max)
        for r in salaries.itertuples(index=False)
    }
    assert got == ARTICLE_BANDS
    assert len(salaries) == 10
    assert set(salaries["year"]) == {2026}
    assert salaries["source"].str.contains("Whizlabs").all()


def test_salaries_are_enriched_with_country_names_and_flags():
    india = salary_files.parse_salaries().query("country_code == 'IN'").iloc[0]
    assert (india["country"], india["country_alpha3"], india["flag"]) == ("India", "IND", "🇮🇳")
