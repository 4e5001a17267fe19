"""skills.csv and aws_services.csv: parsed and validated (dashboard.app.data caches them)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.pandas import Column

from dashboard.core.datafile import not_blank, one_of, read_validated, role_column
from dashboard.core.domain import AWS_SERVICE, SERVICE_FAMILIES, SKILL_CATEGORIES
from dashboard.core.validation import DataFileError, Problem, check_duplicates

SKILL_SCHEMA = pa.DataFrameSchema(
    {
        "role": role_column(),
        "skill": Column(str, not_blank("skill name")),
        "category": Column(str, one_of(SKILL_CATEGORIES, "categories")),
        "section": Column(str, not_blank("article section")),
        "quote": Column(str, not_blank("words of the article this row comes from")),
        # Blank for a row that only restates the quote; otherwise our reading of it, shown as ours.
        "note": Column(str),
    }
)

SERVICE_SCHEMA = pa.DataFrameSchema(
    {
        "service": Column(str, not_blank("service name")),
        "family": Column(str, one_of(SERVICE_FAMILIES, "service families")),
    }
)


def parse_skills() -> pd.DataFrame:
    """Validated skill mentions: one row per role, skill and article section."""
    frame, label = read_validated("skills.csv", SKILL_SCHEMA)
    check_duplicates(frame, ["role", "skill", "section"], label)
    categories = frame.groupby("skill")["category"].unique()
    problems = []
    for skill, cats in categories[categories.map(len) > 1].items():
        rows = frame[(frame["skill"] == skill) & (frame["category"] != cats[0])]
        problems += [
            Problem(
                f"skill '{skill}' has category '{frame.at[i, 'category']}' here but '{cats[0]}' "
                f"elsewhere; one skill needs one category.",
                int(i),
                "category",
            )
            for i in rows.index
        ]
    if problems:
        raise DataFileError(label, problems)
    return frame


def parse_aws_services(skills: pd.DataFrame) -> pd.DataFrame:
    """Validated service-to-family table; every AWS service named in skills.csv must be in it."""
    frame, label = read_validated("aws_services.csv", SERVICE_SCHEMA)
    check_duplicates(frame, ["service"], label)
    named = skills.loc[skills["category"] == AWS_SERVICE, "skill"]
    unknown = named[~named.isin(frame["service"])]
    if len(unknown):
        raise DataFileError(
            "data/skills.csv",
            [
                Problem(
                    f"'{skill}' is an AWS service with no family; add it to {label} (or fix its spelling).",
                    int(i),
                    "skill",
                )
                for i, skill in unknown.items()
            ],
        )
    return frame
