"""The Survey page's words and choices, worked out here so tests can reach them: no Streamlit here.

Every text built from outside data (a file name, a currency the rates file lacks) is made literal.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.core.export import scope_label
from dashboard.core.text import escape_markdown, literal
from dashboard.salaries.rates import MARKET_RATE
from dashboard.survey import tables
from dashboard.survey.compare import RESAMPLES, SEED
from dashboard.survey.schema import (
    SHIPPED_SURVEY_NAME,
    SHIPPED_SURVEY_URL,
    SURVEY_COLUMNS,
    THIN_BELOW,
    Survey,
)

# The filters under "Year, experience, …": survey column, label, the meanings of its codes, URL parameter.
MORE_FILTERS: tuple[tuple[str, str, dict, str], ...] = (
    ("work_year", "Work year", {}, "year"),
    ("experience_level", "Experience level", tables.EXPERIENCE_LEVELS, "level"),
    ("employment_type", "Employment type", tables.EMPLOYMENT_TYPES, "type"),
    ("remote_ratio", "Remote work", tables.REMOTE_RATIOS, "remote"),
    ("company_size", "Company size", tables.COMPANY_SIZES, "size"),
)


def market_rates(fx_rates: pd.DataFrame) -> dict[str, float]:
    """Local currency units per US$ at the World Bank market rate, by currency (from fx_rates.csv)."""
    market = fx_rates[fx_rates["indicator"] == MARKET_RATE]
    return dict(zip(market["currency"], market["value"].astype(float), strict=True))


def rate_years(fx_rates: pd.DataFrame) -> str:
    """'2025': the years of the market rates, as captions name them."""
    market = fx_rates[fx_rates["indicator"] == MARKET_RATE]
    return ", ".join(str(y) for y in sorted(set(market["year"])))


def source_line(name: str) -> str:
    """Which survey everyone sees unless they upload their own."""
    if name == SHIPPED_SURVEY_NAME:
        return (
            f"Showing {literal(name)}, published by aijobs.net at "
            f"[aijobs.net/salaries]({SHIPPED_SURVEY_URL}) and shipped with this dashboard (its source, "
            "licence and checksum are in data/README.md)."
        )
    return (
        f"Showing the survey this app was started with: **{literal(name)}**. To use another for everyone, "
        "restart the app with a different `--survey` path or `CAREERS_SURVEY_PATH`."
    )


def upload_help() -> str:
    """What the page says before anything is uploaded: the columns a survey needs, and where to get one."""
    return (
        "Upload one CSV file with one row per answer and these columns (more are ignored): "
        + ", ".join(f"`{c}`" for c in SURVEY_COLUMNS)
        + f".\n\naijobs.net publishes newer versions of its survey in the public domain (CC0) at "
        f"[aijobs.net/salaries]({SHIPPED_SURVEY_URL})."
    )


def summary_line(name: str, loaded: Survey, title_bases: tuple[str, ...] | None = None) -> str:
    """'**survey.csv**: 40 rows read, 38 accepted, 2 skipped (why). 30 answers count (exact title only;
    34 with related titles); …' as the sidebar's title switch counts them."""
    mapped = loaded.rows["role"].notna()
    counted = (
        int((mapped & loaded.rows["title_basis"].isin(list(title_bases))).sum()) if title_bases else None
    )
    titles = (
        f"{int(mapped.sum()):,} answers have an ML Engineer or AI Engineer title (related titles too)"
        if counted is None
        else f"{counted:,} answers count (exact title only; {int(mapped.sum()):,} with related titles)"
    )
    return (
        f"**{literal(name)}**: {loaded.read_rows:,} rows read, {len(loaded.rows):,} accepted, "
        f"{len(loaded.rejects):,} skipped ([why](#rows-skipped)). {titles}; {int(loaded.unmapped.sum()):,} "
        f"answers under {len(loaded.unmapped):,} other titles are not counted "
        "([which](#which-job-titles-count))."
    )


def duplicates_caption(loaded: Survey, dropped: bool) -> str:
    share = loaded.duplicates / len(loaded.rows)
    return (
        f"{loaded.duplicates:,} of the {len(loaded.rows):,} accepted rows ({share:.0%}) repeat an earlier "
        "row exactly. The survey has no row ids, so a repeat may be another person with the same answers: "
        + ("they are left out now." if dropped else "they are kept unless you drop them.")
    )


def chart_caption(years: str) -> str:
    return (
        "Each box: whiskers from p10 to p90, the box from p25 to p75, the line at the median, in US$ "
        "as the survey reports them (salary_in_usd). Faded boxes are thin: fewer than "
        f"{THIN_BELOW} answers, so read them as anecdotes. The dashed line is the article's "
        f"band for the same country and role, converted at the World Bank market rate ({years})."
    )


def local_currency_caption(table: pd.DataFrame, years: str) -> str:
    """How the local-currency columns were worked out, naming any currency the rates file lacks."""
    no_rate = sorted({c for c, r in zip(table["currency"], table["rate"], strict=True) if c and pd.isna(r)})
    return (
        "Local currency: the US$ figures times the World Bank official exchange rate "
        f"({MARKET_RATE}, {years}) from data/fx_rates.csv"
        + (
            f"; it has no rate for {escape_markdown(', '.join(no_rate))}, so those cells say 'no rate'."
            if no_rate
            else "."
        )
        + " The sidebar's money unit does not change this page: the survey itself reports US$."
    )


def titles_caption(title_map: pd.DataFrame, counted: pd.DataFrame, loaded: Survey) -> str:
    return (
        f"The reviewed table data/title_map.csv names {len(title_map):,} titles and the role each counts "
        f"as; {len(counted):,} of them occur in this survey. Titles it does not name are not counted, never "
        f"guessed: the {min(len(loaded.unmapped), tables.MAX_TITLES_SHOWN)} most frequent are on the "
        "right, so a reviewer can judge whether one belongs."
    )


def difference_caption() -> str:
    return (
        "The ML Engineer's median minus the AI Engineer's, in US$. The interval is a bootstrap: each role's "
        f"answers in a country resampled with replacement {RESAMPLES:,} times (numpy's generator, seed "
        f"{SEED}), the middle 95% of the resampled differences. The verdict names a role only where both "
        f"have {THIN_BELOW} answers or more and the interval is clear of zero; otherwise the survey can't "
        "tell."
    )


SKIPPED_CAPTION = (
    "Rows with a missing, non-numeric or negative salary, an unknown currency or country code, or the "
    "wrong number of fields are skipped, each counted under its first problem. Accepted rows are "
    "never altered."
)
NONE_SKIPPED = "None: every row had a salary, known currency and country codes, and the right fields."


def countries_scope(countries: Sequence[str], everything: Sequence[str]) -> str:
    """The downloads' file-name scope: 'all-countries', the chosen codes, or 'no-countries'."""
    return scope_label(countries, everything, "all-countries") or "no-countries"
