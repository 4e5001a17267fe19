"""Set arithmetic on skills.csv: what each role needs, what they share, which AWS services they use."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.domain import AI, AWS_SERVICE, ML, OVERLAP_LABELS


@dataclass(frozen=True)
class SkillSets:
    """The three regions of the Venn diagram, each sorted alphabetically."""

    ml_only: list[str]
    both: list[str]
    ai_only: list[str]

    @property
    def distinct(self) -> int:
        """How many different skills the two roles need between them."""
        return len(self.ml_only) + len(self.both) + len(self.ai_only)

    @property
    def jaccard(self) -> float:
        """Shared skills over all skills: 1 means the roles need exactly the same things."""
        return len(self.both) / self.distinct if self.distinct else 0.0


def skill_sets(skills: pd.DataFrame) -> SkillSets:
    """Split the skills named for each role into ML only, both and AI only."""
    ml = set(skills.loc[skills["role"] == ML, "skill"])
    ai = set(skills.loc[skills["role"] == AI, "skill"])
    return SkillSets(
        sorted(ml - ai, key=str.casefold),
        sorted(ml & ai, key=str.casefold),
        sorted(ai - ml, key=str.casefold),
    )


def _sections_named(skills: pd.DataFrame) -> tuple[dict[tuple[str, str], list[str]], list[str]]:
    """(skill, role) -> the sections naming it in article order, and the sections in article order.

    Plain Python over the rows: these frames have a few hundred rows, where a pandas groupby per
    role cost more than drawing the page's chart.
    """
    sections = list(dict.fromkeys(skills["section"]))
    rank = {s: i for i, s in enumerate(sections)}
    named: dict[tuple[str, str], list[str]] = {}
    for skill, role, section in zip(skills["skill"], skills["role"], skills["section"], strict=True):
        named.setdefault((skill, role), []).append(section)
    for found in named.values():
        found.sort(key=rank.__getitem__)
    return named, sections


def skill_overlap_table(skills: pd.DataFrame) -> pd.DataFrame:
    """One row per skill: its category, ML only / both / AI only, and the sections naming it per role."""
    sets = skill_sets(skills)
    overlap = {s: OVERLAP_LABELS["ml"] for s in sets.ml_only}
    overlap |= {s: OVERLAP_LABELS["both"] for s in sets.both}
    overlap |= {s: OVERLAP_LABELS["ai"] for s in sets.ai_only}
    named, _ = _sections_named(skills)
    category: dict[str, str] = {}
    for skill, cat in zip(skills["skill"], skills["category"], strict=True):
        category.setdefault(skill, cat)
    order = {label: i for i, label in enumerate(OVERLAP_LABELS.values())}
    names = sorted(category, key=lambda s: (order[overlap[s]], s.casefold()))
    return pd.DataFrame(
        {
            "skill": names,
            "category": [category[s] for s in names],
            "overlap": [overlap[s] for s in names],
            "ml_sections": ["; ".join(named.get((s, ML), [])) for s in names],
            "ai_sections": ["; ".join(named.get((s, AI), [])) for s in names],
        }
    )


def service_usage(skills: pd.DataFrame, services: pd.DataFrame) -> pd.DataFrame:
    """Per AWS service: its family and, per role, how many article sections name it and which."""
    named, _ = _sections_named(skills[skills["category"] == AWS_SERVICE])
    used = {skill for skill, _ in named}
    usage = services[services["service"].isin(used)].reset_index(drop=True)
    names = usage["service"].tolist()
    for role, prefix in ((ML, "ml"), (AI, "ai")):
        usage[f"{prefix}_sections_count"] = [len(named.get((s, role), [])) for s in names]
        usage[f"{prefix}_sections"] = ["; ".join(named.get((s, role), [])) for s in names]
    usage["total_sections"] = usage["ml_sections_count"] + usage["ai_sections_count"]
    usage["used_by"] = [
        "both" if m and a else ("ML only" if m else "AI only")
        for m, a in zip(usage["ml_sections_count"], usage["ai_sections_count"], strict=True)
    ]
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
