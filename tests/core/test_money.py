"""The one money family (full, article, compact, signed), and the CSV export every download goes through."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from dashboard.core import export
from dashboard.core.chart_style import nice_ticks
from dashboard.core.money import (
    format_amount,
    format_band,
    format_money,
    format_optional,
    format_range_compact,
    format_signed_amount,
    format_signed_percent,
    format_tick,
    local_band_label,
)
from dashboard.salaries import files as salary_files
from dashboard.salaries import tables as salary_tables


@pytest.mark.parametrize(
    ("amount", "currency", "full", "tick"),
    [
        (140_000, "USD", "$140,000", "$140k"),
        (110_000, "CAD", "CA$110,000", "CA$110k"),
        (130_000, "AUD", "A$130,000", "A$130k"),
        (43_000, "GBP", "£43,000", "£43k"),
        (600_000, "INR", "₹6,00,000", "₹6L"),
        (1_000_000, "INR", "₹10,00,000", "₹10L"),
        (12_345_678, "INR", "₹1,23,45,678", "₹1.2Cr"),
        (150_000, "Int$", "Int$150,000", "Int$150k"),
        (0, "Int$", "Int$0", "Int$0"),
    ],
)
def test_each_currency_is_written_as_its_country_writes_it(amount, currency, full, tick):
    assert format_amount(amount, currency) == full
    assert format_tick(amount, currency) == tick


def test_cents_ranges_and_signs():
    assert format_amount(11_473.36, "USD", cents=True) == "$11,473.36"
    assert format_amount(49_779.41, "Int$", cents=True) == "Int$49,779.41"
    assert format_tick(250_000, "INR") == "₹2.5L"
    assert format_tick(12_500, "USD") == "$12.5k"
    assert format_range_compact(1_000_000, 1_800_000, "INR") == "₹10L–₹18L"
    assert format_range_compact(85_830.42, 143_050.70, "USD") == "$86k–$143k"
    assert format_signed_amount(-3_291.75, "Int$") == "−Int$3,292"
    assert format_signed_amount(600_000, "INR") == "+₹6 LPA"


@pytest.mark.parametrize(
    ("amount", "currency", "article"),
    [
        (150_000, "USD", "$150,000"),
        (43_000, "GBP", "£43,000"),
        (1_000_000, "INR", "₹10 LPA"),
        (650_000, "INR", "₹6.5 LPA"),
    ],
)
def test_the_articles_form_writes_indian_pay_in_lakh_per_annum(amount, currency, article):
    assert format_money(amount, currency) == article


def test_signed_money_uses_a_real_minus():
    assert format_signed_amount(-2_500, "GBP") == "−£2,500"
    assert format_signed_amount(400_000, "INR") == "+₹4 LPA"
    assert format_signed_percent(-4.2) == "−4.2%"
    assert format_signed_percent(0) == "0.0%"


def test_one_band_label_for_every_page():
    assert format_band(43_000, 77_000, "GBP") == "£43,000 – £77,000"
    assert local_band_label(43_000, 77_000, "GBP") == "£43,000 – £77,000"
    assert local_band_label(600_000, 1_000_000, "INR") == "₹6 LPA – ₹10 LPA (₹6,00,000 – ₹10,00,000)"
    assert format_range_compact(150_000, 240_000, "USD") == "$150k–$240k"
    assert format_range_compact(650_000, 1_250_000, "INR") == "₹6.5L–₹12.5L"
    assert format_optional(float("nan"), "USD") == "–"
    assert format_optional(150_000, None) == "–"


def test_nice_ticks_cover_the_range_in_round_steps():
    assert nice_ticks(240_000) == [0, 50_000, 100_000, 150_000, 200_000, 250_000]
    assert nice_ticks(1_800_000) == [0, 500_000, 1_000_000, 1_500_000, 2_000_000]
    assert nice_ticks(80_000) == [0, 20_000, 40_000, 60_000, 80_000]


def test_formulas_are_defused_and_numbers_stay_numbers():
    frame = pd.DataFrame(
        {
            "text": ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx", "plain", "a=b"],
            "number": [-5, 1, 2, 3, 4, 5, 6, 7],
        }
    )
    back = pd.read_csv(io.BytesIO(export.to_csv_bytes(frame)), encoding="utf-8-sig", keep_default_na=False)
    assert back["text"].tolist() == ["'=1+1", "'+SUM(A1)", "-2", "'@cmd", "'\tx", "'\rx", "plain", "a=b"]
    assert back["number"].tolist() == [-5, 1, 2, 3, 4, 5, 6, 7]
    assert pd.api.types.is_integer_dtype(back["number"])


def test_salary_export_round_trips_with_currency_symbols_intact():
    view = salary_files.parse_salaries().reset_index(drop=True)
    view["note"] = "₹ and £ stay"
    raw = export.to_csv_bytes(view[[*salary_tables.SALARY_EXPORT_COLUMNS, "note"]])
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 byte-order mark"
    back = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    pd.testing.assert_frame_equal(
        back[salary_tables.SALARY_EXPORT_COLUMNS],
        view[salary_tables.SALARY_EXPORT_COLUMNS],
        check_dtype=False,
    )
    assert back["note"].iloc[0] == "₹ and £ stay"


def test_file_names_say_what_is_in_them():
    codes = ["US", "CA", "AU", "GB", "IN"]
    assert export.scope_label(codes, codes, "all-regions") == "all-regions"
    assert export.scope_label(["GB", "IN"], codes, "all-regions") == "GB-IN"
    assert export.scope_label(["AWS service"], ["AWS service", "data"], "all") == "AWS-service"
    assert export.csv_filename("salary-bands", "GB-IN") == "ml-vs-ai-engineer_salary-bands_GB-IN.csv"
    assert export.csv_filename("comparison") == "ml-vs-ai-engineer_comparison.csv"
