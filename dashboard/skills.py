"""Set arithmetic on skills.csv: what each role needs, what they share, which AWS services they use."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.domain import AI, AWS_SERVICE, ML, OVERLAP_LABELS


@dataclass(frozen=True)
class SkillSets:
    """The three regions of the Venn diagram, each sorted alphabetically."""

    ml_only: list[str]
    both: list[str]
    ai_only: list[str]

    @property
    def jaccard(self) -> float:
        """Shared skills over all skills: 1 means the roles need exactly the same things."""
        union = len(self.ml_only) + len(self.both) + len(self.ai_only)
        return len(self.both) / union if union else 0.0


def skill_sets(skills: pd.DataFrame) -> SkillSets:
    """Split the skills named for each role into ML only, both and AI only."""
    ml = set(skills.loc[skills["role"] == ML, "skill"])
    ai = set(skills.loc[skills["role"] == AI, "skill"])
    return SkillSets(
        sorted(ml - ai, key=str.casefold),
        sorted(ml & ai, key=str.casefold),
        sorted(ai - ml, key=str.casefold),
    )


def _sections_by_skill(skills: pd.DataFrame, role: str, order: list[str]) -> pd.Series:
    """'Tools; Cloud services' per skill, in article order."""
    rank = {s: i for i, s in enumerate(order)}
    rows = skills[skills["role"] == role]
    return rows.groupby("skill")["section"].agg(lambda s: "; ".join(sorted(s, key=rank.__getitem__)))


def skill_overlap_table(skills: pd.DataFrame) -> pd.DataFrame:
    """One row per skill: its category, ML only / both / AI only, and the sections naming it per role."""
    sections = list(dict.fromkeys(skills["section"]))
    sets = skill_sets(skills)
    overlap = {s: OVERLAP_LABELS["ml"] for s in sets.ml_only}
    overlap |= {s: OVERLAP_LABELS["both"] for s in sets.both}
    overlap |= {s: OVERLAP_LABELS["ai"] for s in sets.ai_only}
    table = skills.groupby("skill", sort=False)["category"].first().reset_index()
    table["overlap"] = table["skill"].map(overlap)
    table["ml_sections"] = table["skill"].map(_sections_by_skill(skills, ML, sections)).fillna("")
    table["ai_sections"] = table["skill"].map(_sections_by_skill(skills, AI, sections)).fillna("")
    order = {label: i for i, label in enumerate(OVERLAP_LABELS.values())}
    table = table.assign(_o=table["overlap"].map(order), _s=table["skill"].str.casefold())
    return table.sort_values(["_o", "_s"]).drop(columns=["_o", "_s"]).reset_index(drop=True)


def service_usage(skills: pd.DataFrame, services: pd.DataFrame) -> pd.DataFrame:
    """Per AWS service: its family and, per role, how many article sections name it and which."""
    rows = skills[skills["category"] == AWS_SERVICE]
    sections = list(dict.fromkeys(skills["section"]))
    usage = services[services["service"].isin(rows["skill"])].reset_index(drop=True)
    for role, prefix in ((ML, "ml"), (AI, "ai")):
        named = rows[rows["role"] == role]
        usage[f"{prefix}_sections_count"] = (
            usage["service"].map(named.groupby("skill").size()).fillna(0).astype(int)
        )
        usage[f"{prefix}_sections"] = (
            usage["service"].map(_sections_by_skill(named, role, sections)).fillna("")
        )
    usage["total_sections"] = usage["ml_sections_count"] + usage["ai_sections_count"]
    usage["used_by"] = usage.apply(
        lambda r: (
            "both"
            if r.ml_sections_count and r.ai_sections_count
            else ("ML only" if r.ml_sections_count else "AI only")
        ),
        axis=1,
    )
    return usage


def sort_usage(usage: pd.DataFrame, by: str) -> pd.DataFrame:
    """'family': families in data order, most-used first within each; 'total': most-used first overall.

    Ties go alphabetically, ignoring case ('Amazon S3' before 'AWS Lambda').
    """
    ranked = usage.assign(_name=usage["service"].str.casefold())
    if by == "total":
        keys, ascending = ["total_sections", "_name"], [False, True]
    else:
        family_rank = {f: i for i, f in enumerate(dict.fromkeys(usage["family"]))}
        ranked["_family"] = ranked["family"].map(family_rank)
        keys, ascending = ["_family", "total_sections", "_name"], [True, False, True]
    ordered = ranked.sort_values(keys, ascending=ascending, kind="stable")
    return ordered.drop(columns=[c for c in ("_name", "_family") if c in ordered]).reset_index(drop=True)
