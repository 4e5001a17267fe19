"""Short chart descriptions for screen readers, written from the same data the charts draw."""

from __future__ import annotations

import pandas as pd

from dashboard import rates
from dashboard.map_figures import map_unit
from dashboard.money import format_amount, format_money, format_signed_amount, format_signed_percent
from dashboard.skills import SkillSets


def salary_bands_alt(view: pd.DataFrame) -> str:
    """'Salary bands. United States: ML Engineer $150,000 to $240,000; AI Engineer …'"""
    regions: dict[str, list] = {}
    for r in view.itertuples():
        regions.setdefault(r.country_code, []).append(r)
    parts = [
        f"{rows[0].country}: "
        + "; ".join(
            f"{r.role} {format_money(r.salary_min, r.currency)} to {format_money(r.salary_max, r.currency)}"
            for r in rows
        )
        for rows in regions.values()
    ]
    return "Annual salary bands. " + ". ".join(parts) + "."


def salary_gap_alt(gaps: pd.DataFrame) -> str:
    """'ML Engineer pay versus AI Engineer at the band midpoint: United States +8.3%, …'"""
    items = ", ".join(
        f"{c} {format_signed_percent(p)}"
        for c, p in zip(gaps["country"], gaps["gap_midpoint_pct"], strict=True)
    )
    return f"ML Engineer pay versus AI Engineer at the band midpoint: {items}."


def venn_alt(sets: SkillSets) -> str:
    return (
        f"Venn diagram of skills: {len(sets.ml_only)} only for ML Engineers, {len(sets.both)} shared, "
        f"{len(sets.ai_only)} only for AI Engineers."
    )


def service_usage_alt(view: pd.DataFrame) -> str:
    shared = view.loc[view["used_by"] == "both", "service"].tolist()
    return (
        f"{len(view)} AWS services by role, sized by how many article sections name them. "
        f"Used by both roles: {', '.join(shared) if shared else 'none'}."
    )


# --- One scale for all regions ------------------------------------------------------------------------


def salary_bands_unit_alt(converted: pd.DataFrame, unit: rates.Unit) -> str:
    """The salary chart's description in the chosen unit; in local mode the same as salary_bands_alt."""
    if unit.is_local:
        return salary_bands_alt(converted)
    regions: dict[str, list] = {}
    for r in converted.itertuples():
        regions.setdefault(r.country_code, []).append(r)
    parts = [
        f"{rows[0].country}: "
        + "; ".join(
            f"{r.role} {format_amount(r.converted_min, unit.currency)} to "
            f"{format_amount(r.converted_max, unit.currency)}"
            for r in rows
        )
        for rows in regions.values()
    ]
    return (
        f"Annual salary bands on one scale, in {rates.unit_title(unit, converted)}. " + ". ".join(parts) + "."
    )


def salary_gap_unit_alt(gaps: pd.DataFrame, unit: rates.Unit) -> str:
    """The gap chart's description: regions in the chart's order, the gap in the unit and in %."""
    if unit.is_local:
        return salary_gap_alt(gaps)
    items = ", ".join(
        f"{c} {format_signed_amount(g, unit.currency)} ({format_signed_percent(p)})"
        for c, g, p in zip(gaps["country"], gaps["gap_midpoint"], gaps["gap_midpoint_pct"], strict=True)
    )
    return (
        f"ML Engineer minus AI Engineer at the band midpoint, in {rates.unit_title(unit, gaps)}, "
        f"largest ML lead first: {items}."
    )


def salary_map_alt(view: pd.DataFrame, fx_rates: pd.DataFrame, role: str, unit: rates.Unit) -> str:
    """The map's description: each coloured country with its midpoint; every other country is grey."""
    shown = map_unit(unit)
    converted = rates.convert_salaries(view[view["role"] == role], fx_rates, shown)
    items = ", ".join(
        f"{c} {format_amount(m, shown.currency)}"
        for c, m in zip(converted["country"], converted["converted_midpoint"], strict=True)
    )
    return (
        f"World map of the {role} band midpoint in {rates.unit_title(shown, converted)}, darker for "
        f"more: {items}. Countries without data are grey."
    )
