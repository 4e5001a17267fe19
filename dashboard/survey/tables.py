"""What the Survey page shows and exports, built from aggregate.aggregate() and a Survey: no Streamlit here.

The survey writes its categories as codes (SE, FT, M, 50); the labels below are the meanings
aijobs.net documents for its columns (https://aijobs.net/salaries/), shown beside the code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from dashboard.core import regions
from dashboard.core.domain import ROLES
from dashboard.core.money import format_optional, format_signed_amount
from dashboard.salaries.rates import MARKET_RATE
from dashboard.survey import aggregate
from dashboard.survey.schema import (
    EXACT,
    FILTER_FIELDS,
    PERCENTILES,
    REASONS,
    RELATED,
    SURVEY_COLUMNS,
    TITLE_SCOPE_LABELS,
    TITLE_SCOPES,
    Survey,
    SurveyFilter,
)

EXPERIENCE_LEVELS = {"EN": "Entry-level", "MI": "Mid-level", "SE": "Senior", "EX": "Executive"}
EMPLOYMENT_TYPES = {"FT": "Full-time", "PT": "Part-time", "CT": "Contract", "FL": "Freelance"}
REMOTE_RATIOS = {0: "On-site", 50: "Hybrid", 100: "Remote"}
COMPANY_SIZES = {"S": "Small, under 50", "M": "Medium, 50 to 250", "L": "Large, over 250"}
COUNTRY_FIELD_LABELS = {"company_location": "Company location", "employee_residence": "Employee residence"}
MONEY_LABELS = {"p10": "p10", "p25": "p25", "p50": "Median", "p75": "p75", "p90": "p90"}
THIN_MARK = "thin"
MAX_TITLES_SHOWN = 20
# No salary reaches this; a file that says so is wrong, and money formatting (Babel's decimals) cannot
# print such amounts, so the page lists them as numbers and does not draw them.
IMPLAUSIBLE_USD = 1e12


def code_label(value: object, labels: Mapping) -> str:
    """'SE · Senior' for a known code, the value as written for any other (a survey may add codes)."""
    meaning = labels.get(value)
    if isinstance(value, int) and meaning:
        return f"{meaning} ({value}%)"
    return f"{value} · {meaning}" if meaning else str(value)


def survey_filter(
    options: Mapping[str, Sequence],
    picked: Mapping[str, Sequence],
    country_field: str,
    countries: Sequence[str],
    drop_duplicates: bool,
    title_bases: tuple[str, ...] | None = None,
) -> SurveyFilter:
    """The SurveyFilter for the widgets' choices; a field with every option chosen is left unrestricted
    (None), so a value the widget never offered is not dropped by accident."""

    def restrict(attr: str) -> tuple | None:
        column = FILTER_FIELDS[attr]
        chosen = list(picked.get(column, options[column]))
        return None if set(chosen) >= set(options[column]) else tuple(chosen)

    return SurveyFilter(
        **{attr: restrict(attr) for attr in FILTER_FIELDS},
        country_field=country_field,
        countries=tuple(countries),
        drop_duplicates=drop_duplicates,
        title_bases=title_bases,
    )


def _cell(amount: float, currency: str | None) -> str:
    """A percentile as the table shows it; one no salary reaches as a plain number, not as money."""
    if currency is not None and pd.notna(amount) and abs(amount) >= IMPLAUSIBLE_USD:
        return f"{amount:.3g} {currency}"
    return format_optional(amount, currency)


def implausible_cells(table: pd.DataFrame) -> int:
    """How many cells have a percentile of a trillion US$ or more: a broken file, not a salary."""
    return int((table[list(PERCENTILES)] >= IMPLAUSIBLE_USD).any(axis=1).sum())


def rows_for_download(rows: pd.DataFrame) -> pd.DataFrame:
    """aggregate.rows_for_download, or the rows with numbers as floats when a column holds a whole number
    too large for an integer (a year of 1e20 passes the survey's checks): a download never fails."""
    try:
        return aggregate.rows_for_download(rows)
    except (TypeError, ValueError, OverflowError):
        return rows[[*SURVEY_COLUMNS, "role"]].copy()


def display_table(table: pd.DataFrame) -> pd.DataFrame:
    """One row per country and role: n, the thin flag, p10–p90 in US$ and in local currency, as text."""
    out = pd.DataFrame(
        {
            "Country": [f"{f} {c}" for f, c in zip(table["flag"], table["country"], strict=True)],
            "Role": table["role"].tolist(),
            "n": table["n"].astype(int).tolist(),
            "Thin (n < 30)": [THIN_MARK if t else "" for t in table["thin"]],
        }
    )
    for p, label in MONEY_LABELS.items():
        out[f"{label}, US$"] = [_cell(v, "USD") for v in table[p]]
    out["Local currency"] = [
        c if c and pd.notna(r) else f"{c or 'unknown'} (no rate)"
        for c, r in zip(table["currency"], table["rate"], strict=True)
    ]
    for p, label in MONEY_LABELS.items():
        out[f"{label}, local"] = [
            _cell(v, c if pd.notna(r) else None)
            for v, c, r in zip(table[f"{p}_local"], table["currency"], table["rate"], strict=True)
        ]
    return out


def export_table(table: pd.DataFrame, fx_rates: pd.DataFrame, country_field: str) -> pd.DataFrame:
    """The aggregate as a download: plain numbers, which country field it counts, and each rate's source."""
    market = fx_rates[fx_rates["indicator"] == MARKET_RATE].set_index("currency")
    out = table.drop(columns=["flag"]).copy()
    out.insert(0, "country_field", country_field)
    known = out["rate"].notna() & out["currency"].isin(market.index)
    out["rate_indicator"] = [MARKET_RATE if k else "" for k in known]
    out["rate_year"] = out["currency"].where(known).map(market["year"]).astype("Int64")
    # A US$ figure needs no rate; the file still says it is 1 by definition rather than by lookup.
    out.loc[out["currency"].eq("USD"), ["rate_indicator"]] = "US$ (no conversion)"
    return out


def reject_table(counts: Mapping[str, int]) -> pd.DataFrame:
    """Skipped rows by reason, in the order the reasons are tested; reasons that never occurred left out."""
    rows = [(reason, counts.get(reason, 0)) for reason in REASONS if counts.get(reason, 0)]
    return pd.DataFrame(rows, columns=["Reason", "Rows skipped"])


def mapped_titles(loaded: Survey) -> pd.DataFrame:
    """Which survey titles were counted under each role, and how many rows each brought (most first)."""
    rows = loaded.rows[loaded.rows["role"].notna()]
    counts = rows.groupby(["role", "job_title"], observed=True).size().rename("Rows").reset_index()
    counts["role"] = pd.Categorical(counts["role"].astype(str), categories=list(ROLES))
    counts = counts.sort_values(["role", "Rows"], ascending=[True, False], ignore_index=True)
    return counts.rename(columns={"role": "Role", "job_title": "Survey job title"}).astype(
        {"Role": str, "Survey job title": str}
    )


def unmapped_titles(loaded: Survey, limit: int = MAX_TITLES_SHOWN) -> pd.DataFrame:
    """The most frequent titles the map does not know: what a reviewer would consider adding."""
    top = loaded.unmapped.head(limit)
    return pd.DataFrame({"Survey job title": [str(t) for t in top.index], "Rows": top.to_numpy()})


def country_options(options: Mapping[str, Sequence], country_field: str) -> list[str]:
    """The survey's country codes for the chosen field, by name (as a person scans a list)."""
    return sorted(options[country_field], key=lambda c: regions.country(c).name)


def preset_countries(loaded: Survey, country_field: str, shared: Sequence[str]) -> list[str]:
    """The shared region filter's countries the survey has answers for; if none, its five largest."""
    counts = loaded.rows.loc[loaded.rows["role"].notna(), country_field].value_counts()
    counts = counts[counts > 0]
    picked = [c for c in shared if c in counts.index]
    return picked or [str(c) for c in counts.index[:5]]


def spread_table(cells: pd.DataFrame, label: str) -> pd.DataFrame:
    """Median, p25–p75 and n per row as text, a row per country (aggregate output) or per level or year
    (compare.pay_spread output); thin rows say so."""
    if "country" in cells:
        names = [f"{f} {c}" for f, c in zip(cells["flag"], cells["country"], strict=True)]
    else:
        names = cells["label"].astype(str).tolist()
    return pd.DataFrame(
        {
            label: names,
            "Median": [format_optional(v, "USD") for v in cells["p50"]],
            "p25–p75": [
                f"{format_optional(lo, 'USD')} – {format_optional(hi, 'USD')}"
                for lo, hi in zip(cells["p25"], cells["p75"], strict=True)
            ],
            "n": [
                f"{n:,}" + (" (thin)" if t else "") for n, t in zip(cells["n"], cells["thin"], strict=True)
            ],
        }
    )


def difference_table(diffs: pd.DataFrame) -> pd.DataFrame:
    """compare.country_differences as text: medians with n, the difference, its interval, the verdict."""
    return pd.DataFrame(
        {
            "Country": [f"{f} {c}" for f, c in zip(diffs["flag"], diffs["country"], strict=True)],
            "ML median (n)": [
                f"{format_optional(m, 'USD')} ({n:,})"
                for m, n in zip(diffs["ml_median"], diffs["ml_n"], strict=True)
            ],
            "AI median (n)": [
                f"{format_optional(m, 'USD')} ({n:,})"
                for m, n in zip(diffs["ai_median"], diffs["ai_n"], strict=True)
            ],
            "ML − AI": [format_signed_amount(d, "USD") for d in diffs["difference"]],
            "95% interval": [
                f"{format_signed_amount(lo, 'USD')} to {format_signed_amount(hi, 'USD')}"
                for lo, hi in zip(diffs["low"], diffs["high"], strict=True)
            ],
            "Verdict": [
                v + (" (thin)" if t else "") for v, t in zip(diffs["verdict"], diffs["thin"], strict=True)
            ],
        }
    )


def scope_counts(loaded: Survey) -> pd.DataFrame:
    """How many answers each reading of 'which answers count' takes per role, and what related titles add."""
    rows = loaded.rows[loaded.rows["role"].notna()]
    exact = rows["title_basis"].isin(list(TITLE_SCOPES[EXACT] or ())).to_numpy()
    out = []
    for role in ROLES:
        mine = (rows["role"] == role).to_numpy()
        n_exact, n_all = int((mine & exact).sum()), int(mine.sum())
        out.append(
            {
                "Role": role,
                TITLE_SCOPE_LABELS[EXACT]: f"{n_exact:,}",
                TITLE_SCOPE_LABELS[RELATED]: f"{n_all:,}",
                "Related titles add": f"{n_all - n_exact:,}",
            }
        )
    return pd.DataFrame(out)
