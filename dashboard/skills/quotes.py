"""The article's words behind each skill, per role, and where a row is our reading rather than its words."""

from __future__ import annotations

import pandas as pd

from dashboard.core.domain import AI, ML

QUOTE_COLUMNS = ["skill", "ml_wording", "ai_wording", "our_reading"]


def _joined(values: pd.Series, separator: str) -> str:
    return separator.join(dict.fromkeys(v for v in values if v))


def skill_quotes(skills: pd.DataFrame) -> pd.DataFrame:
    """One row per skill: the article's words for it per role (article order, ' / ' between sections)
    and our notes on rows that are a reading of the article, not its words (blank when there are none)."""
    order = {s: i for i, s in enumerate(dict.fromkeys(skills["section"]))}
    rows = skills.assign(_o=skills["section"].map(order)).sort_values("_o", kind="stable")
    table = pd.DataFrame({"skill": list(dict.fromkeys(skills["skill"]))})
    for role, column in ((ML, "ml_wording"), (AI, "ai_wording")):
        words = rows[rows["role"] == role].groupby("skill", sort=False)["quote"].agg(_joined, " / ")
        table[column] = table["skill"].map(words).fillna("")
    notes = rows.groupby("skill", sort=False)["note"].agg(_joined, " ")
    table["our_reading"] = table["skill"].map(notes).fillna("")
    return table[QUOTE_COLUMNS]


def with_quotes(overlap: pd.DataFrame, skills: pd.DataFrame) -> pd.DataFrame:
    """sets.skill_overlap_table() with the article's words and our notes added, rows in its order."""
    return overlap.merge(skill_quotes(skills), on="skill", how="left", validate="one_to_one")
