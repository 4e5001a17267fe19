"""The salary, gap and rate tables as pages show and download them: plain DataFrames tests can read."""

from __future__ import annotations

import pandas as pd

from dashboard.core.money import (
    format_amount,
    format_each,
    format_money,
    format_optional,
    format_range,
    format_signed_amount,
    format_signed_percent,
    local_band_label,
)
from dashboard.salaries import rates
from dashboard.salaries.gaps import PERCENT_BASE

SALARY_EXPORT_COLUMNS = [
    "role", "country_code", "country", "currency", "salary_min", "salary_max", "year", "source",
]  # fmt: skip
# Named so a spreadsheet reader needs no legend: min_in_unit = salary_min / rate_local_per_unit.
SALARY_UNIT_EXPORT_COLUMNS = [
    *SALARY_EXPORT_COLUMNS, "unit", "min_in_unit", "max_in_unit", "midpoint_in_unit",
    "rate_local_per_unit", "rate_indicator", "rate_year", "rate_source",
]  # fmt: skip
GAP_EXPORT_COLUMNS = [
    "country_code", "country", "currency", "unit", "gap_min", "gap_max", "ml_midpoint", "ai_midpoint",
    "gap_midpoint", "gap_midpoint_pct", "earns_more", "rate_local_per_unit", "rate_indicator", "rate_year",
]  # fmt: skip
# The survey's figures for the same country and role, in the band's unit (salaries.market).
SURVEY_EXPORT_COLUMNS = ["survey_n", "survey_thin", "survey_p25", "survey_p50", "survey_p75", "survey_factor"]
_UNIT_COLUMN_NAMES = {
    "converted_currency": "unit",
    "converted_min": "min_in_unit",
    "converted_max": "max_in_unit",
    "converted_midpoint": "midpoint_in_unit",
    "rate": "rate_local_per_unit",
}
# The percentage says its base in words: of the AI Engineer's midpoint, on every page.
GAP_PERCENT_HEADER = f"ML − AI, {PERCENT_BASE}"


def _rate_cell(currency: str, value: float, unit: rates.Unit) -> str:
    return f"{currency} {rates.rate_number(value)} {unit.per}"


def salary_display_table(converted: pd.DataFrame, unit: rates.Unit) -> pd.DataFrame:
    """The bands under the chart: in local currency ('₹10 LPA', '£35,000'), or band and midpoint in the
    unit beside the local band and the rate used; and the survey's median, p25–p75 and n where the
    bands carry them (salaries.market.beside_bands)."""
    table = _band_table(converted, unit)
    if "survey_p50" in converted:
        cur = converted["converted_currency"]
        table["Survey median"] = format_each(converted["survey_p50"], cur, format_optional)
        table["Survey p25–p75"] = [
            "–" if not n else f"{format_money(lo, c)} – {format_money(hi, c)}"
            for n, lo, hi, c in zip(
                converted["survey_n"], converted["survey_p25"], converted["survey_p75"], cur, strict=True
            )
        ]
        table["Survey n"] = [
            f"{n:,}" + (" (thin)" if t and n else "")
            for n, t in zip(converted["survey_n"], converted["survey_thin"], strict=True)
        ]
    return table


def _band_table(converted: pd.DataFrame, unit: rates.Unit) -> pd.DataFrame:
    if unit.is_local:
        return pd.DataFrame(
            {
                "Region": converted["flag"] + " " + converted["country"],
                "Role": converted["role"],
                "Minimum": format_each(converted["salary_min"], converted["currency"]),
                "Maximum": format_each(converted["salary_max"], converted["currency"]),
            }
        ).reset_index(drop=True)
    cur = unit.currency
    return pd.DataFrame(
        {
            "Region": converted["flag"] + " " + converted["country"],
            "Role": converted["role"],
            f"Band, {unit.label}": [
                format_range(lo, hi, cur)
                for lo, hi in zip(converted["converted_min"], converted["converted_max"], strict=True)
            ],
            f"Midpoint, {unit.label}": [format_amount(m, cur) for m in converted["converted_midpoint"]],
            "Band, local currency": [
                local_band_label(lo, hi, c)
                for lo, hi, c in zip(
                    converted["salary_min"], converted["salary_max"], converted["currency"], strict=True
                )
            ],
            "Rate used": [
                _rate_cell(c, r, unit) for c, r in zip(converted["currency"], converted["rate"], strict=True)
            ],
        }
    ).reset_index(drop=True)


def salary_export_table(converted: pd.DataFrame, unit: rates.Unit) -> pd.DataFrame:
    """The bands as downloaded: raw whole numbers in local currency with their source, and in US$ or PPP
    also the converted figures (to the cent) and the rate each row used."""
    survey = [c for c in SURVEY_EXPORT_COLUMNS if c in converted]
    if unit.is_local:
        return converted[SALARY_EXPORT_COLUMNS + survey].reset_index(drop=True)
    renamed = converted.rename(columns=_UNIT_COLUMN_NAMES)
    return renamed[SALARY_UNIT_EXPORT_COLUMNS + survey].reset_index(drop=True)


def gap_display_table(gaps: pd.DataFrame) -> pd.DataFrame:
    """ML − AI per region at the band midpoint, in the gaps' order: who earns more, the %, the amount.

    Four columns fit a phone's width; the gaps at the bottom and top of the bands are in the
    download (gap_export_table), where more columns cost nothing.
    """
    return pd.DataFrame(
        {
            "Region": gaps["flag"] + " " + gaps["country"],
            "Earns more": gaps["earns_more"],
            # The percentage first: the one figure that compares across currencies, and the one
            # still on screen when a phone cuts the table off.
            GAP_PERCENT_HEADER: [format_signed_percent(v) for v in gaps["gap_midpoint_pct"]],
            "At midpoint": format_each(
                gaps["gap_midpoint"], gaps["converted_currency"], format_signed_amount
            ),
        }
    ).reset_index(drop=True)


def gap_export_table(gaps: pd.DataFrame) -> pd.DataFrame:
    """The gaps as downloaded: exact amounts in the unit, the % and the rate each region used."""
    return gaps.rename(columns=_UNIT_COLUMN_NAMES)[GAP_EXPORT_COLUMNS].reset_index(drop=True)
