"""Short chart descriptions for screen readers, written from the same data the charts draw."""

from __future__ import annotations

import pandas as pd

from dashboard.money import format_money, format_signed_percent
from dashboard.skills import SkillSets


def salary_bands_alt(view: pd.DataFrame) -> str:
    """'Salary bands. United States: ML Engineer $150,000 to $240,000; AI Engineer …'"""
    parts = []
    for code in dict.fromkeys(view["country_code"]):
        region = view[view["country_code"] == code]
        bands = "; ".join(
            f"{r.role} {format_money(r.salary_min, r.currency)} to {format_money(r.salary_max, r.currency)}"
            for r in region.itertuples()
        )
        parts.append(f"{region['country'].iloc[0]}: {bands}")
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
