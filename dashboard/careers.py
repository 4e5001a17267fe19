"""Certifications side by side, career paths per role, and the FAQ's claims against the dashboard's data."""

from __future__ import annotations

import pandas as pd

from dashboard.domain import AI, ML, ROLES
from dashboard.salary import salary_gaps

SUMMARY_COLUMNS = ["code", "name", "level", "role", "experience", "next_certification"]


def certification_summary(certs: pd.DataFrame) -> pd.DataFrame:
    """One row per certification (file order): code, name, level, role, experience, next certification."""
    rows = []
    for code, facts in certs.groupby("code", sort=False):
        by_kind = facts.groupby("kind", sort=False)["value"].agg(list)
        rows.append(
            {
                "code": code,
                "name": by_kind["name"][0],
                "level": by_kind["level"][0],
                "role": facts["role"].iloc[0],
                "experience": "; ".join(by_kind.get("experience", [])),
                "next_certification": by_kind["next certification"][0],
            }
        )
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def certification_items(certs: pd.DataFrame, code: str, kind: str) -> pd.DataFrame:
    """One list of a certification ('validates', 'knowledge', …) with quotes and caveats, article order."""
    rows = certs[(certs["code"] == code) & (certs["kind"] == kind)]
    return rows[["value", "quote", "checks", "caveat"]].reset_index(drop=True)


def certification_for_role(certs: pd.DataFrame, role: str) -> pd.Series | None:
    """The certification to start with for `role`: the one certifications.csv says serves that role.

    With several, the first in the file (the article names one per role); None when the file has none.
    """
    summary = certification_summary(certs)
    match = summary[summary["role"] == role]
    return None if match.empty else match.iloc[0]


def career_paths(careers: pd.DataFrame) -> pd.DataFrame:
    """One row per career: which roles lead to it, and whether both do (ML-only, shared, AI-only order)."""
    named = careers.groupby("career", sort=False)["role"].agg(set)
    table = pd.DataFrame({"career": named.index})
    table["ml"] = [ML in roles for roles in named]
    table["ai"] = [AI in roles for roles in named]
    table["shared"] = table["ml"] & table["ai"]
    # 0 ML only, 1 shared, 2 AI only: the shared careers sit between the two roles' own.
    group = [1 if s else (2 if a else 0) for s, a in zip(table["shared"], table["ai"], strict=True)]
    return table.assign(_g=group).sort_values("_g", kind="stable").drop(columns="_g").reset_index(drop=True)


def salary_claim_check(salaries: pd.DataFrame) -> pd.DataFrame:
    """Regions where the article's own table pays the AI Engineer more at the band midpoint."""
    gaps = salary_gaps(salaries)
    return gaps[gaps["gap_midpoint"] < 0].reset_index(drop=True)


def career_list_check(answer: str, careers: pd.DataFrame, role: str) -> list[str]:
    """Careers the article lists for `role` that an answer does not name (case-insensitive)."""
    text = answer.casefold()
    listed = careers.loc[careers["role"] == role, "career"]
    return [c for c in listed if c.casefold() not in text]


def faq_table(faq: pd.DataFrame, salaries: pd.DataFrame, careers: pd.DataFrame) -> pd.DataFrame:
    """The FAQ with, beside each caveat, the figures of the dashboard's own data that back it."""
    evidence = []
    for row in faq.itertuples():
        if row.checks == "salary table":
            higher = salary_claim_check(salaries)
            evidence.append(
                "AI Engineer paid more at the band midpoint in: "
                + ", ".join(f"{r.country} (+{(r.ai_midpoint / r.ml_midpoint - 1) * 100:.1f}%)"
                            for r in higher.itertuples())
                if len(higher) else "The salary table pays the ML Engineer more in every region."
            )  # fmt: skip
        elif row.checks == "career list" and row.role in ROLES:
            missing = career_list_check(row.quote, careers, row.role)
            evidence.append(
                f"Listed for the {row.role} but not in this answer: {', '.join(missing)}"
                if missing
                else "This answer names every career the article lists."
            )
        else:
            evidence.append("")
    columns = ["number", "role", "question", "quote", "caveat", "evidence"]
    return faq.assign(evidence=evidence)[columns].reset_index(drop=True)
