"""Tables as pages show and download them: plain DataFrames, built here so tests can read them."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from dashboard import rates
from dashboard.money import (
    format_amount,
    format_money,
    format_range,
    format_signed_amount,
    format_signed_money,
    format_signed_percent,
)

SALARY_EXPORT_COLUMNS = [
    "role", "country_code", "country", "currency", "salary_min", "salary_max", "year", "source",
]  # fmt: skip


def _money(
    amounts: pd.Series, currencies: pd.Series, fmt: Callable[[float, str], str] = format_money
) -> list[str]:
    """Each amount formatted in its own row's currency."""
    return [fmt(v, c) for v, c in zip(amounts, currencies, strict=True)]


def salary_display_table(view: pd.DataFrame) -> pd.DataFrame:
    """The bands under the chart, money formatted per currency ('₹10 LPA', '£35,000')."""
    return pd.DataFrame(
        {
            "Region": view["flag"] + " " + view["country"],
            "Role": view["role"],
            "Minimum": _money(view["salary_min"], view["currency"]),
            "Maximum": _money(view["salary_max"], view["currency"]),
        }
    )


def salary_export_table(view: pd.DataFrame) -> pd.DataFrame:
    """The bands as downloaded: raw whole numbers in local currency, with their source."""
    return view[SALARY_EXPORT_COLUMNS].reset_index(drop=True)


def gap_display_table(gaps: pd.DataFrame) -> pd.DataFrame:
    """ML minus AI per region at the band midpoint, in % and in money.

    Three columns and the region fit a phone's width; the gaps at the bottom and top of the bands
    are in the download (gap_unit_export_table), where a fifth and sixth column cost nothing.
    """
    return pd.DataFrame(
        {
            "Region": gaps["flag"] + " " + gaps["country"],
            # The percentage first: the one figure that compares across currencies, and the one
            # still on screen when a phone cuts the table off.
            "Midpoint %": [format_signed_percent(v) for v in gaps["gap_midpoint_pct"]],
            "At midpoint": _money(gaps["gap_midpoint"], gaps["currency"], format_signed_money),
        }
    )


# --- One scale for all regions: converted amounts with the rate each row used --------------------------

# Named so a spreadsheet reader needs no legend: min_in_unit = salary_min / rate_local_per_unit.
SALARY_UNIT_EXPORT_COLUMNS = [
    *SALARY_EXPORT_COLUMNS, "unit", "min_in_unit", "max_in_unit", "midpoint_in_unit",
    "rate_local_per_unit", "rate_indicator", "rate_year", "rate_source",
]  # fmt: skip
GAP_UNIT_EXPORT_COLUMNS = [
    "country_code", "country", "currency", "unit", "gap_min", "gap_max", "ml_midpoint", "ai_midpoint",
    "gap_midpoint", "gap_midpoint_pct", "earns_more", "rate_local_per_unit", "rate_indicator", "rate_year",
]  # fmt: skip
_UNIT_COLUMN_NAMES = {
    "converted_currency": "unit",
    "converted_min": "min_in_unit",
    "converted_max": "max_in_unit",
    "converted_midpoint": "midpoint_in_unit",
    "rate": "rate_local_per_unit",
}


def _rate_cell(currency: str, value: float, unit: rates.Unit) -> str:
    return f"{currency} {rates.rate_number(value)} {unit.per}"


def _local_band(low: float, high: float, currency: str) -> str:
    return f"{format_money(low, currency)} – {format_money(high, currency)}"


def salary_unit_display_table(converted: pd.DataFrame, unit: rates.Unit) -> pd.DataFrame:
    """The bands under the chart: local band, band and midpoint in the unit, and the rate used."""
    if unit.is_local:
        return salary_display_table(converted)
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
                _local_band(lo, hi, c)
                for lo, hi, c in zip(
                    converted["salary_min"], converted["salary_max"], converted["currency"], strict=True
                )
            ],
            "Rate used": [
                _rate_cell(c, r, unit) for c, r in zip(converted["currency"], converted["rate"], strict=True)
            ],
        }
    ).reset_index(drop=True)


def salary_unit_export_table(converted: pd.DataFrame, unit: rates.Unit) -> pd.DataFrame:
    """The bands as downloaded: local figures, converted figures (to the cent) and the rate per row."""
    if unit.is_local:
        return salary_export_table(converted)
    renamed = converted.rename(columns=_UNIT_COLUMN_NAMES)
    return renamed[SALARY_UNIT_EXPORT_COLUMNS].reset_index(drop=True)


def gap_unit_display_table(gaps: pd.DataFrame, unit: rates.Unit) -> pd.DataFrame:
    """ML − AI per region in the unit, in the gaps' order, with who earns more in words."""
    if unit.is_local:
        table = gap_display_table(gaps)
    else:
        cur = unit.currency
        table = pd.DataFrame(
            {
                "Region": gaps["flag"] + " " + gaps["country"],
                "Midpoint %": [format_signed_percent(v) for v in gaps["gap_midpoint_pct"]],
                "At midpoint": [format_signed_amount(v, cur) for v in gaps["gap_midpoint"]],
            }
        )
    table.insert(1, "Earns more", gaps["earns_more"].tolist())
    return table.reset_index(drop=True)


def gap_unit_export_table(gaps: pd.DataFrame) -> pd.DataFrame:
    """The gaps as downloaded: exact amounts in the unit, the % and the rate each region used."""
    return gaps.rename(columns=_UNIT_COLUMN_NAMES)[GAP_UNIT_EXPORT_COLUMNS].reset_index(drop=True)


def rates_table(fx_rates: pd.DataFrame, unit: rates.Unit, currencies: list[str]) -> pd.DataFrame:
    """The rates a converted view used, one row per currency, for the provenance under the chart."""
    used = rates.rates_used(fx_rates, unit, currencies)
    return pd.DataFrame(
        {
            "Currency": used["currency"],
            f"Local currency {unit.per}": [rates.rate_number(v) for v in used["value"]],
            "Indicator": used["indicator"],
            "Year": used["year"],
            "Source": used["source"],
        }
    )


# --- Lists a user searches and sorts, shown as light tables (no data grid) ---------------------------

SKILL_LABELS = {
    "skill": "Skill",
    "category": "Category",
    "ml_sections": "Named for ML Engineer in",
    "ai_sections": "Named for AI Engineer in",
    "ml_wording": "ML Engineer: the article's words",
    "ai_wording": "AI Engineer: the article's words",
    "our_reading": "Our reading (not the article's words)",
}
SERVICE_LABELS = {
    "service": "Service",
    "family": "Family",
    "ml_sections_count": "ML sections",
    "ml_sections": "Named for ML Engineer in",
    "ai_sections_count": "AI sections",
    "ai_sections": "Named for AI Engineer in",
    "total_sections": "Total",
    "used_by": "Used by",
}


def search_rows(frame: pd.DataFrame, query: str) -> pd.DataFrame:
    """The rows with `query` in any cell, ignoring case; every row for an empty query."""
    needle = query.strip().casefold()
    if not needle:
        return frame
    keep = [needle in " ".join(str(v) for v in row).casefold() for row in frame.itertuples(index=False)]
    return frame[keep]


def sort_rows(frame: pd.DataFrame, column: str | None, descending: bool = False) -> pd.DataFrame:
    """Rows by `column` (text ignoring case, numbers by value), ties in the given order; None keeps it."""
    if not column:
        return frame
    numeric = pd.api.types.is_numeric_dtype(frame[column])
    key = None if numeric else (lambda s: s.astype(str).str.casefold())
    return frame.sort_values(column, ascending=not descending, kind="stable", key=key)


def labelled(frame: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """The columns `labels` names, in its order and under its labels; a text column with no text dropped.

    A tab of skills named for one role only would otherwise show the other role's column, empty.
    """
    keep = [
        c
        for c in labels
        if c in frame.columns
        and (pd.api.types.is_numeric_dtype(frame[c]) or frame[c].astype(str).str.strip().ne("").any())
    ]
    return frame[keep].rename(columns=labels).reset_index(drop=True)
