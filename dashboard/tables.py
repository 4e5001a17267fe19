"""Tables as pages show and download them: plain DataFrames, built here so tests can read them."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from dashboard.money import format_money, format_signed_money, format_signed_percent

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
    """ML minus AI per region, at the bottom, top and midpoint of the bands."""
    return pd.DataFrame(
        {
            "Region": gaps["flag"] + " " + gaps["country"],
            # The percentage first: the one figure that compares across currencies, and the one
            # still on screen when a phone cuts the table off.
            "Midpoint %": [format_signed_percent(v) for v in gaps["gap_midpoint_pct"]],
            "At midpoint": _money(gaps["gap_midpoint"], gaps["currency"], format_signed_money),
            "At min": _money(gaps["gap_min"], gaps["currency"], format_signed_money),
            "At max": _money(gaps["gap_max"], gaps["currency"], format_signed_money),
        }
    )
