"""Money formatting per currency, and the CSV export every download goes through."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from dashboard import datafiles, export, tables
from dashboard.money import format_money, format_money_short, format_signed_money, nice_ticks


@pytest.mark.parametrize(
    ("amount", "currency", "full", "short"),
    [
        (150_000, "USD", "$150,000", "$150K"),
        (120_000, "CAD", "CA$120,000", "CA$120K"),
        (100_000, "AUD", "A$100,000", "A$100K"),
        (43_000, "GBP", "£43,000", "£43K"),
        (1_000_000, "INR", "₹10 LPA", "₹10 LPA"),
        (650_000, "INR", "₹6.5 LPA", "₹6.5 LPA"),
    ],
)
def test_money_is_formatted_the_way_each_market_writes_it(amount, currency, full, short):
    assert format_money(amount, currency) == full
    assert format_money_short(amount, currency) == short


def test_signed_money_uses_a_real_minus():
    assert format_signed_money(-2_500, "GBP") == "−£2,500"
    assert format_signed_money(400_000, "INR") == "+₹4 LPA"


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
    assert back["text"].tolist() == ["'=1+1", "'+SUM(A1)", "'-2", "'@cmd", "'\tx", "'\rx", "plain", "a=b"]
    assert back["number"].tolist() == [-5, 1, 2, 3, 4, 5, 6, 7]
    assert pd.api.types.is_integer_dtype(back["number"])


def test_salary_export_round_trips_with_currency_symbols_intact():
    view = datafiles.parse_salaries().reset_index(drop=True)
    view["note"] = "₹ and £ stay"
    raw = export.to_csv_bytes(view[[*tables.SALARY_EXPORT_COLUMNS, "note"]])
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 byte-order mark"
    back = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    pd.testing.assert_frame_equal(
        back[tables.SALARY_EXPORT_COLUMNS], view[tables.SALARY_EXPORT_COLUMNS], check_dtype=False
    )
    assert back["note"].iloc[0] == "₹ and £ stay"


def test_file_names_say_what_is_in_them():
    codes = ["US", "CA", "AU", "GB", "IN"]
    assert export.scope_label(codes, codes, "all-regions") == "all-regions"
    assert export.scope_label(["GB", "IN"], codes, "all-regions") == "GB-IN"
    assert export.scope_label(["AWS service"], ["AWS service", "data"], "all") == "AWS-service"
    assert export.csv_filename("salary-bands", "GB-IN") == "ml-vs-ai-engineer_salary-bands_GB-IN.csv"
    assert export.csv_filename("comparison") == "ml-vs-ai-engineer_comparison.csv"


def test_short_ranges_fit_inside_a_bar():
    from dashboard.money import format_range_short

    assert format_range_short(150_000, 240_000, "USD") == "$150K–$240K"
    assert format_range_short(43_000, 77_000, "GBP") == "£43K–£77K"
    assert format_range_short(650_000, 1_250_000, "INR") == "₹6.5–12.5 LPA"
