"""'Which role fits you?': coverage of each role's skills by a person's own, what is missing, and a plan.

Everything is counted on distinct skills per role from skills.csv (a skill the article names in three
sections counts once), so 'all skills' is 100 % for both roles and 'none' is 0 %.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dashboard.core.domain import ROLES, SKILL_CATEGORIES

NO_SELECTION_HINT = (
    "Tick the skills you already have (search by name, or open a category) to see how much of each "
    "role you cover and what is left to learn."
)
COVERAGE_COLUMNS = ["role", "have", "total", "percent"]
PLAN_COLUMNS = ["role", "skill", "category", "sections", "wording"]


def _category_rank(category: str) -> int:
    return SKILL_CATEGORIES.index(category) if category in SKILL_CATEGORIES else len(SKILL_CATEGORIES)


def skill_choices(skills: pd.DataFrame, query: str = "") -> dict[str, list[str]]:
    """Every distinct skill by category (vocabulary order, names A–Z); a query keeps names containing it."""
    distinct = skills.drop_duplicates("skill")
    needle = query.strip().casefold()
    if needle:
        distinct = distinct[distinct["skill"].str.casefold().str.contains(needle, regex=False)]
    choices: dict[str, list[str]] = {}
    for category in sorted(distinct["category"].unique(), key=_category_rank):
        names = distinct.loc[distinct["category"] == category, "skill"]
        choices[category] = sorted(names, key=str.casefold)
    return choices


def parse_skill_list(values: Iterable[str], skills: pd.DataFrame) -> tuple[list[str], list[str]]:
    """(known skills spelled as in the data, unknown names as given) from a URL's values.

    Matching ignores case and surrounding spaces, so a hand-typed link still works; blanks and
    repeats are dropped; unknown names come back for a warning instead of being silently lost.
    """
    spelling = {name.casefold(): name for name in skills["skill"].unique()}
    known: dict[str, None] = {}
    unknown: dict[str, None] = {}
    for value in values:
        cleaned = value.strip()
        if not cleaned:
            continue
        match = spelling.get(cleaned.casefold())
        if match is None:
            unknown[cleaned] = None
        else:
            known[match] = None
    return list(known), list(unknown)


def _role_skills(skills: pd.DataFrame, role: str) -> set[str]:
    return set(skills.loc[skills["role"] == role, "skill"])


def coverage(skills: pd.DataFrame, chosen: Iterable[str]) -> pd.DataFrame:
    """Per role: how many of its distinct skills are chosen, out of how many, and the percent (0–100)."""
    mine = set(chosen)
    rows = []
    for role in ROLES:
        needed = _role_skills(skills, role)
        have = len(needed & mine)
        rows.append(
            {
                "role": role,
                "have": have,
                "total": len(needed),
                "percent": 100 * have / len(needed) if needed else 0.0,
            }
        )
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS)


def closer_roles(cover: pd.DataFrame) -> list[str]:
    """The role(s) the profile covers the largest share of: both when they tie."""
    top = cover["percent"].max()
    return cover.loc[cover["percent"] == top, "role"].tolist()


def coverage_hint(chosen: Iterable[str]) -> str | None:
    """A nudge to start ticking when nothing is chosen; None once something is."""
    return None if any(True for _ in chosen) else NO_SELECTION_HINT


def missing_skills(skills: pd.DataFrame, chosen: Iterable[str]) -> pd.DataFrame:
    """One row per role and skill not chosen: role, category, skill (role, category, name order)."""
    mine = set(chosen)
    rows = skills.drop_duplicates(["role", "skill"])
    rows = rows[~rows["skill"].isin(mine)][["role", "category", "skill"]]
    ordered = rows.assign(
        _r=rows["role"].map({r: i for i, r in enumerate(ROLES)}),
        _c=rows["category"].map(_category_rank),
        _s=rows["skill"].str.casefold(),
    ).sort_values(["_r", "_c", "_s"])
    return ordered.drop(columns=["_r", "_c", "_s"]).reset_index(drop=True)


def missing_by_category(skills: pd.DataFrame, chosen: Iterable[str], role: str) -> dict[str, list[str]]:
    """The skills `role` still needs, grouped by category in vocabulary order."""
    return group_missing(missing_skills(skills, chosen), role)


def group_missing(missing: pd.DataFrame, role: str) -> dict[str, list[str]]:
    """missing_skills' rows for `role`, grouped by category in vocabulary order."""
    missing = missing[missing["role"] == role]
    return {cat: group["skill"].tolist() for cat, group in missing.groupby("category", sort=False)}


def learning_plan(
    skills: pd.DataFrame, chosen: Iterable[str], missing: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The download: per role, each missing skill with its category, the article sections to read and
    the article's words for it there (sections in article order, joined with '; ' and ' / ').
    `missing`: missing_skills(skills, chosen), when the caller has it already."""
    missing = missing_skills(skills, chosen) if missing is None else missing
    section_order = {s: i for i, s in enumerate(dict.fromkeys(skills["section"]))}
    mentions = skills.assign(_o=skills["section"].map(section_order)).sort_values("_o", kind="stable")
    grouped = mentions.groupby(["role", "skill"], sort=False)
    sections = grouped["section"].agg(lambda s: "; ".join(dict.fromkeys(s)))
    wording = grouped["quote"].agg(lambda q: " / ".join(dict.fromkeys(q)))
    keys = list(zip(missing["role"], missing["skill"], strict=True))
    plan = missing.assign(
        sections=[sections[k] for k in keys],
        wording=[wording[k] for k in keys],
    )
    return plan[PLAN_COLUMNS]
