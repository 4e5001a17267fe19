"""Certifications side by side, career paths per role, and the FAQ's claims against the dashboard's data."""

from __future__ import annotations

import pandas as pd

from dashboard.core.domain import AI, ML, ROLES
from dashboard.core.text import escape_markdown
from dashboard.salaries.gaps import exceptions_in_words, local_gaps

SUMMARY_COLUMNS = ["code", "name", "level", "role", "experience", "next_certification"]
# The facts of the side-by-side table, and the lists under each certification, as the page names them.
FACT_LABELS = {
    "name": "Certification",
    "level": "Level",
    "role": "Serves the role",
    "experience": "Experience the article expects",
    "next_certification": "Next certification on the path",
}
LISTS = {"summary": "In short", "validates": "What the exam validates", "knowledge": "Knowledge it expects"}


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


def side_by_side(summary: pd.DataFrame) -> pd.DataFrame:
    """One row per fact, one column per certification: the two exams compared line by line."""
    side = summary.set_index("code")[list(FACT_LABELS)].rename(columns=FACT_LABELS).T
    return side.rename_axis("").reset_index()


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


def careers_export(careers: pd.DataFrame, paths: pd.DataFrame) -> pd.DataFrame:
    """The career rows as downloaded: role, career, whether both roles lead to it, the article's words."""
    shared = set(paths.loc[paths["shared"], "career"])
    return careers.assign(shared=careers["career"].isin(shared))[["role", "career", "shared", "quote"]]


def paths_caption(paths: pd.DataFrame, source: str) -> str:
    """The line beside the career diagram: what it draws, the careers on both lists, and its source."""
    shared = paths.loc[paths["shared"], "career"].tolist()
    both = f"On both lists, so drawn once in the shared colour: {', '.join(shared)}. " if shared else ""
    return f"The article's lists of career options for each role. {both}{source}."


def advice_markdown(role: str, points: pd.DataFrame) -> str:
    """'Choose the … if' and the article's points, each with its words under it, as literal Markdown."""
    lines = [
        f"- {escape_markdown(p.point)}  \n  :gray[“{escape_markdown(p.quote)}”]" for p in points.itertuples()
    ]
    return f"**Choose the {escape_markdown(role)} if**\n\n" + "\n".join(lines)


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
            against = exceptions_in_words(local_gaps(salaries))
            evidence.append(
                f"The ML Engineer does not earn more at the band midpoint in {against}."
                if against
                else "The salary table pays the ML Engineer more in every region."
            )
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
