"""One scale for all regions: the rates file, its validation, conversion to the cent, gaps and formats."""

from __future__ import annotations

import csv
import io
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd
import pytest

from dashboard.core import export
from dashboard.core.validation import DataFileError
from dashboard.salaries import files as salary_files
from dashboard.salaries import gaps as role_gaps
from dashboard.salaries import rates
from dashboard.salaries import tables as salary_tables
from tests.conftest import rewrite


def _file_rates(data_dir: Path, indicator: str) -> dict[str, str]:
    """The rates as the file writes them, so the expected cents come from the file, not from our parser."""
    with (data_dir / "fx_rates.csv").open(encoding="utf-8") as f:
        return {r["currency"]: r["value"] for r in csv.DictReader(f) if r["indicator"] == indicator}


def _load(unit: rates.Unit) -> tuple[pd.DataFrame, pd.DataFrame]:
    salaries = salary_files.parse_salaries()
    fx = salary_files.parse_fx_rates(salaries)
    return rates.convert_salaries(salaries, fx, unit), fx


@pytest.mark.parametrize("unit", [rates.USD, rates.PPP], ids=["usd", "ppp"])
def test_conversions_equal_the_rates_file_to_the_cent(data_dir, unit):
    converted, _ = _load(unit)
    file_rates = _file_rates(data_dir, unit.indicator)
    assert len(converted) == 10
    for row in converted.itertuples():
        rate = Decimal(file_rates[row.currency])
        for local, got in ((row.salary_min, row.converted_min), (row.salary_max, row.converted_max)):
            expected = (Decimal(local) / rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            assert Decimal(str(got)) == expected, (row.country_code, row.role)
        assert row.rate == float(file_rates[row.currency])
        assert (row.rate_indicator, row.rate_year) == (unit.indicator, 2025)
        assert row.rate_source.startswith(f"World Bank WDI {unit.indicator}")
        assert row.converted_currency == unit.currency


def test_a_rate_edited_in_the_file_is_the_rate_used(data_dir):
    rewrite(data_dir / "fx_rates.csv", "GBP,PA.NUS.FCRF,2025,0.759473957338608", "GBP,PA.NUS.FCRF,2025,0.8")
    converted, _ = _load(rates.USD)
    gb = converted[converted["country_code"] == "GB"].set_index("role")
    # 43000 / 0.8 and 77000 / 0.8, exactly; 35000 / 0.8 = 43750
    assert gb.loc["AI Engineer", ["converted_min", "converted_max"]].tolist() == [53_750.0, 96_250.0]
    assert gb.loc["ML Engineer", "converted_min"] == 43_750.0


def test_half_cents_round_up_as_a_spreadsheet_does():
    assert rates.to_cents(1, 8) == 0.13  # 0.125 → 0.13, where float round() gives 0.12
    assert rates.to_cents(600_000, 87.1584483507393) == 6884.01


def test_ppp_raises_indian_pay_compared_with_market_dollars(data_dir):
    usd, _ = _load(rates.USD)
    ppp, _ = _load(rates.PPP)
    india_usd = usd[usd["country_code"] == "IN"].set_index("role")
    india_ppp = ppp[ppp["country_code"] == "IN"].set_index("role")
    for role in ("ML Engineer", "AI Engineer"):
        assert india_ppp.loc[role, "converted_midpoint"] > 4 * india_usd.loc[role, "converted_midpoint"]
    # ML Engineer in India: ₹10–18 lakh is $11,473.36–$20,652.04 at market rates, Int$49,779.41–89,602.93
    assert india_usd.loc["ML Engineer", ["converted_min", "converted_max"]].tolist() == [11_473.36, 20_652.04]
    assert india_ppp.loc["ML Engineer", ["converted_min", "converted_max"]].tolist() == [49_779.41, 89_602.93]
    # The US dollar is its own PPP unit: nothing moves there.
    us = ppp[ppp["country_code"] == "US"]
    assert us["converted_min"].tolist() == us["salary_min"].astype(float).tolist()


def test_local_mode_keeps_the_local_amounts_and_no_rate(data_dir):
    converted, _ = _load(rates.LOCAL)
    assert converted["converted_min"].tolist() == converted["salary_min"].astype(float).tolist()
    assert converted["converted_currency"].tolist() == converted["currency"].tolist()
    assert set(converted["rate_indicator"]) == {""}


def test_unit_from_a_link():
    assert rates.unit_for("usd") is rates.USD
    assert rates.unit_for(" PPP ") is rates.PPP
    assert rates.unit_for("local") is rates.LOCAL
    assert rates.unit_for("eur") is None
    assert rates.unit_for(None) is None
    assert rates.DEFAULT_UNIT is rates.LOCAL


def test_gaps_in_the_unit_are_ordered_and_say_who_earns_more(data_dir):
    converted, _ = _load(rates.USD)
    gaps = role_gaps.salary_gaps(converted)
    assert gaps["country_code"].tolist() == ["IN", "CA", "US", "GB", "AU"]
    assert gaps["gap_midpoint_pct"].tolist() == [75.0, 10.3, 8.3, -4.2, -11.8]
    assert gaps["earns_more"].tolist() == ["ML Engineer"] * 3 + ["AI Engineer"] * 2
    au = gaps.set_index("country_code").loc["AU"]
    # (64,433.08 + 128,866.15) / 2 − (83,763.00 + 135,309.46) / 2
    assert au["gap_midpoint"] == pytest.approx(96_649.615 - 109_536.23, abs=1e-9)
    assert au["gap_min"] == pytest.approx(64_433.08 - 83_763.00, abs=1e-9)
    assert au["statement"] == (
        "In Australia an AI Engineer earns more: a band midpoint of $109,536 against $96,650 for an "
        "ML Engineer, whose midpoint is 11.8% below the AI Engineer's."
    )
    assert (
        gaps.set_index("country_code")
        .loc["GB", "statement"]
        .startswith("In the United Kingdom an AI Engineer earns more")
    )
    assert gaps.set_index("country_code").loc["IN", "statement"] == (
        "In India an ML Engineer earns more: a band midpoint of $16,063 against $9,179 for an AI Engineer "
        "(+75.0% of the AI Engineer's midpoint)."
    )


def test_local_gap_statements_keep_the_articles_lakh_form(data_dir):
    converted, _ = _load(rates.LOCAL)
    india = role_gaps.salary_gaps(converted).set_index("country_code").loc["IN"]
    assert india["statement"] == (
        "In India an ML Engineer earns more: a band midpoint of ₹14 LPA against ₹8 LPA for an AI Engineer "
        "(+75.0% of the AI Engineer's midpoint)."
    )


def test_caption_names_every_rate_its_indicator_year_and_source(data_dir):
    salaries = salary_files.parse_salaries()
    fx = salary_files.parse_fx_rates(salaries)
    caption = rates.rates_caption(fx, rates.PPP, ["GBP", "INR"])
    assert "GBP 0.677133; INR 20.0886288014602" in caption
    assert "PA.NUS.PPP" in caption and "2025" in caption
    assert "https://data.worldbank.org/indicator/PA.NUS.PPP" in caption
    assert "USD" not in caption.split("Source")[0].split(":", 2)[-1], "only the chosen regions' rates"
    assert rates.rates_caption(fx, rates.LOCAL, ["GBP"]).startswith("Amounts in each region's own currency")
    used = rates.rates_used(fx, rates.USD, ["INR", "GBP"])
    assert used["currency"].tolist() == ["INR", "GBP"]
    assert [rates.rate_number(v) for v in used["value"]] == ["87.1584483507393", "0.759473957338608"]


def test_export_lets_a_spreadsheet_redo_the_arithmetic(data_dir):
    converted, _ = _load(rates.PPP)
    raw = export.to_csv_bytes(salary_tables.salary_export_table(converted, rates.PPP))
    back = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", dtype={"rate_local_per_unit": str})
    assert list(back.columns) == salary_tables.SALARY_UNIT_EXPORT_COLUMNS
    for row in back.itertuples():
        for local, got in ((row.salary_min, row.min_in_unit), (row.salary_max, row.max_in_unit)):
            redo = (Decimal(int(local)) / Decimal(row.rate_local_per_unit)).quantize(
                Decimal("0.01"), rounding=ROUND_HALF_UP
            )
            assert Decimal(str(got)) == redo
    assert set(back["rate_indicator"]) == {"PA.NUS.PPP"} and set(back["rate_year"]) == {2025}
    assert set(back["unit"]) == {"Int$"}
    assert back.loc[back["currency"] == "INR", "rate_local_per_unit"].tolist() == ["20.0886288014602"] * 2


def test_gap_export_and_display_in_the_unit(data_dir):
    converted, _ = _load(rates.USD)
    gaps = role_gaps.salary_gaps(converted)
    shown = salary_tables.gap_display_table(gaps)
    assert shown["Region"].tolist()[0] == "🇮🇳 India"
    assert shown["Earns more"].tolist() == ["ML Engineer"] * 3 + ["AI Engineer"] * 2
    assert shown["At midpoint"].tolist()[-1] == "−$12,887"
    # Four columns fit a phone; the bottom and top of the bands stay in the download.
    assert list(shown.columns) == ["Region", "Earns more", salary_tables.GAP_PERCENT_HEADER, "At midpoint"]
    out = salary_tables.gap_export_table(gaps)
    assert {"gap_min", "gap_max"} <= set(out.columns)
    assert out.loc[0, ["unit", "rate_indicator", "rate_year"]].tolist() == ["USD", "PA.NUS.FCRF", 2025]
    shown_salaries = salary_tables.salary_display_table(converted, rates.USD)
    india_ml = shown_salaries[
        (shown_salaries["Region"] == "🇮🇳 India") & (shown_salaries["Role"] == "ML Engineer")
    ]
    assert india_ml.iloc[0].tolist()[2:] == [
        "$11,473 – $20,652", "$16,063", "₹10 LPA – ₹18 LPA (₹10,00,000 – ₹18,00,000)",
        "INR 87.1584483507393 per US$",
    ]  # fmt: skip


BAD_FILES = [
    pytest.param(
        "INR,PA.NUS.PPP,2025,20.0886288014602", "INR,PA.NUS.FCRF,2025,20.0886288014602",
        11, "indicator", "currency=INR, indicator=PA.NUS.FCRF appears on 2 lines (6, 11); keep one row per",
        id="duplicate",
    ),
    pytest.param(
        "GBP,PA.NUS.PPP,2025,0.677133", "GBP,PA.NUS.PPP,2025,-0.677133",
        10, "value", "'-0.677133' is not a positive number",
        id="negative-rate",
    ),
    pytest.param(
        "AUD,PA.NUS.FCRF,2025,1.5519978866485", "AUD,PA.NUS.FCRF,2025,0",
        4, "value", "'0' is not a positive number",
        id="zero-rate",
    ),
    pytest.param(
        "CAD,PA.NUS.FCRF,2025,1.39810565893901", "CAD,PA.NUS.FCRF,2025,1,398",
        3, None, "this row has 6 values but the header has 5 columns",
        id="comma-in-rate",
    ),
    pytest.param(
        "CAD,PA.NUS.FCRF,2025,1.39810565893901", "CAD,PA.NUS.FCRF,2025,about 1.4",
        3, "value", "'about 1.4' is not a positive number",
        id="text-rate",
    ),
    pytest.param(
        "CAD,PA.NUS.FCRF,2025,1.39810565893901", "CAD,PA.NUS.FCRF,2025,nan",
        3, "value", "'nan' is not a positive number",
        id="nan-rate",
    ),
    pytest.param(
        "AUD,PA.NUS.PPP,2025,1.398943", "AUX,PA.NUS.PPP,2025,1.398943",
        9, "currency", "'AUX' is not an ISO 4217 currency code",
        id="unknown-currency",
    ),
    pytest.param(
        "AUD,PA.NUS.PPP,2025,1.398943", "AUD,PA.NUS.PPP.X,2025,1.398943",
        9, "indicator", "'PA.NUS.PPP.X' is not one of the World Bank indicators",
        id="unknown-indicator",
    ),
    pytest.param(
        "GBP,PA.NUS.FCRF,2025,0.759473957338608", "GBP,PA.NUS.FCRF,1925,0.759473957338608",
        5, "year", "'1925' is not a plausible year",
        id="implausible-year",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "line", "column", "message"), BAD_FILES)
def test_a_bad_rates_file_gets_a_precise_message(data_dir, old, new, line, column, message):
    rewrite(data_dir / "fx_rates.csv", old, new)
    salaries = salary_files.parse_salaries()
    with pytest.raises(DataFileError) as caught:
        salary_files.parse_fx_rates(salaries)
    assert caught.value.file == "data/fx_rates.csv"
    problem = caught.value.problems[0]
    assert message in problem.message
    if line is not None:
        assert problem.line == line
    assert problem.column == column


def test_a_salary_currency_without_a_rate_is_named_with_its_salary_lines(data_dir):
    path = data_dir / "fx_rates.csv"
    kept = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("INR,PA.NUS.PPP")]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        salary_files.parse_fx_rates(salary_files.parse_salaries())
    [problem] = caught.value.problems
    assert problem.column == "currency"
    assert problem.message.startswith(
        "INR has no PA.NUS.PPP rate, but data/salaries.csv uses it (line 10, 11). Add a row INR,PA.NUS.PPP,"
    )


def test_a_currency_with_no_salary_rows_is_refused(data_dir):
    path = data_dir / "fx_rates.csv"
    with path.open("a", encoding="utf-8") as f:
        f.write('EUR,PA.NUS.FCRF,2025,0.9,"World Bank WDI PA.NUS.FCRF"\n')
    with pytest.raises(DataFileError) as caught:
        salary_files.parse_fx_rates(salary_files.parse_salaries())
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (12, "currency")
    assert "EUR has rates here but no row in data/salaries.csv uses it" in problem.message


def test_a_missing_rates_file_and_a_missing_column(data_dir):
    salaries = salary_files.parse_salaries()
    rewrite(
        data_dir / "fx_rates.csv",
        "currency,indicator,year,value,source",
        "currency,indicator,year,rate,source",
    )
    with pytest.raises(DataFileError) as caught:
        salary_files.parse_fx_rates(salaries)
    assert (caught.value.problems[0].line, caught.value.problems[0].column) == (1, "value")
    (data_dir / "fx_rates.csv").unlink()
    with pytest.raises(DataFileError, match="the file is missing"):
        salary_files.parse_fx_rates(salaries)


def test_codes_in_lower_case_are_accepted_and_stored_upper(data_dir):
    rewrite(data_dir / "fx_rates.csv", "GBP,PA.NUS.PPP", "gbp,PA.NUS.PPP")
    fx = salary_files.parse_fx_rates(salary_files.parse_salaries())
    assert "gbp" not in set(fx["currency"]) and (fx["currency"] == "GBP").sum() == 2
