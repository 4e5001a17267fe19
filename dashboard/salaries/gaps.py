"""The gap between the roles' bands, region by region: computed here once, for every page and download.

The gap is ML Engineer minus AI Engineer at the midpoint of each region's bands. Its percentage is
always of the AI Engineer's midpoint (the one base every page and file uses, and says in words):
+8.3 % means the ML Engineer's midpoint is 8.3 % above the AI Engineer's.
"""

from __future__ import annotations

import pandas as pd

from dashboard.core.domain import AI, ML
from dashboard.core.money import format_money, format_signed_percent
from dashboard.core.regions import place_name
from dashboard.salaries.rates import LOCAL, convert_salaries, exact_difference

TIE = "tie"  # what `earns_more` says when the two midpoints are equal
PERCENT_BASE = "% of the AI Engineer's midpoint"
GAP_COLUMNS = [
    "country_code", "country", "flag", "currency", "converted_currency", "gap_min", "gap_max",
    "ml_midpoint", "ai_midpoint", "gap_midpoint", "gap_midpoint_pct", "earns_more", "rate",
    "rate_indicator", "rate_year", "statement",
]  # fmt: skip


def earns_more(gap: float) -> str:
    """Who earns more for an ML − AI gap: ML Engineer, AI Engineer, or a tie (never counted as either)."""
    return ML if gap > 0 else AI if gap < 0 else TIE


def gap_percent(ml_midpoint: float, ai_midpoint: float) -> float:
    """ML − AI in % of the AI Engineer's midpoint, to one decimal."""
    return round(exact_difference(ml_midpoint, ai_midpoint) / ai_midpoint * 100, 1)


def percent_in_words(pct: float) -> str:
    """'the ML Engineer's midpoint is 8.3% above the AI Engineer's' (or below, or equal to it)."""
    if pct == 0:
        return "the ML Engineer's midpoint equals the AI Engineer's"
    side = "above" if pct > 0 else "below"
    return f"the ML Engineer's midpoint is {abs(pct):.1f}% {side} the AI Engineer's"


def salary_gaps(converted: pd.DataFrame) -> pd.DataFrame:
    """Per region: ML − AI in the converted unit, largest ML lead first, and who earns more in plain words.

    Takes rates.convert_salaries output. Sorted by the midpoint gap in %, the one measure that
    compares regions in every unit (a region's two bands share one rate, so the % is the same in
    local currency, US$ and PPP). A region with only one role has no gap and no row.
    """
    # Plain Python over the few rows: a pandas filter per region cost more than the whole page's chart.
    by_region: dict[str, dict[str, dict]] = {}
    for record in converted.to_dict("records"):
        by_region.setdefault(record["country_code"], {})[record["role"]] = record
    rows = []
    for code, region in by_region.items():
        if not {ML, AI} <= set(region):
            continue
        ml, ai = region[ML], region[AI]
        gap_mid = exact_difference(ml["converted_midpoint"], ai["converted_midpoint"])
        pct = gap_percent(ml["converted_midpoint"], ai["converted_midpoint"])
        rows.append(
            {
                "country_code": code,
                "country": ml["country"],
                "flag": ml["flag"],
                "currency": ml["currency"],
                "converted_currency": ml["converted_currency"],
                "gap_min": exact_difference(ml["converted_min"], ai["converted_min"]),
                "gap_max": exact_difference(ml["converted_max"], ai["converted_max"]),
                "ml_midpoint": ml["converted_midpoint"],
                "ai_midpoint": ai["converted_midpoint"],
                "gap_midpoint": gap_mid,
                "gap_midpoint_pct": pct,
                "earns_more": earns_more(gap_mid),
                "rate": ml["rate"],
                "rate_indicator": ml["rate_indicator"],
                "rate_year": ml["rate_year"],
                "statement": _statement(ml["country"], ml, ai, gap_mid, pct),
            }
        )
    rows.sort(key=lambda r: (-r["gap_midpoint_pct"], -r["gap_midpoint"]))  # stable: ties keep data order
    return pd.DataFrame(rows, columns=GAP_COLUMNS)


def local_gaps(salaries: pd.DataFrame) -> pd.DataFrame:
    """salary_gaps of the bands in each region's own currency (no rates needed)."""
    return salary_gaps(convert_salaries(salaries, None, LOCAL))


def not_ml_ahead(gaps: pd.DataFrame) -> pd.DataFrame:
    """The regions against the claim that the ML Engineer earns more: the AI Engineer does, or a tie."""
    return gaps[gaps["earns_more"] != ML].reset_index(drop=True)


def exceptions_in_words(gaps: pd.DataFrame) -> str:
    """'the United Kingdom (the ML Engineer's midpoint is 4.2% below the AI Engineer's), …'; '' if none."""
    return ", ".join(
        f"{place_name(r.country)} ({percent_in_words(r.gap_midpoint_pct)})"
        for r in not_ml_ahead(gaps).itertuples()
    )


def claim_verdict(gaps: pd.DataFrame) -> str:
    """What the article's own table says of its FAQ's claim that the ML Engineer earns more."""
    against = exceptions_in_words(gaps)
    if not against:
        return "In the regions chosen, the article's own salary table agrees."
    return f"Its own salary table says otherwise in {against} (figures above)."


def _statement(country: str, ml: dict, ai: dict, gap: float, pct: float) -> str:
    """'In India an ML Engineer earns more: a band midpoint of ₹14 LPA against ₹8 LPA for an AI
    Engineer (+75.0% of the AI Engineer's midpoint).'"""
    country = place_name(country)
    cur = ml["converted_currency"]
    ml_mid, ai_mid = format_money(ml["converted_midpoint"], cur), format_money(ai["converted_midpoint"], cur)
    if gap > 0:
        return (
            f"In {country} an ML Engineer earns more: a band midpoint of {ml_mid} against {ai_mid} "
            f"for an AI Engineer ({format_signed_percent(pct)} of the AI Engineer's midpoint)."
        )
    if gap < 0:
        return (
            f"In {country} an AI Engineer earns more: a band midpoint of {ai_mid} against {ml_mid} "
            f"for an ML Engineer, whose midpoint is {abs(pct):.1f}% below the AI Engineer's."
        )
    return f"In {country} the two roles tie: both bands have a midpoint of {ml_mid}."
