"""Parse and validate the comparison, certification, career, advice and FAQ files (no Streamlit).

Each file quotes the article row by row; these parsers refuse anything outside the closed
vocabularies below, a blank where a value is needed, a repeated row, and a caveat without the check
it belongs to, naming the file, line and column (dashboard.core.validation does the reading).
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.pandas import Check, Column

from dashboard.core.datafile import not_blank, one_of, read_validated, role_column
from dashboard.core.validation import DataFileError, Problem, check_duplicates

# Closed vocabularies: a typo ("Associate", "validate") is an error, not a new group the page drops.
LEVELS: tuple[str, ...] = ("foundational", "associate")
CERTIFICATION_KINDS: tuple[str, ...] = (
    "name", "level", "summary", "experience", "validates", "knowledge", "next certification",
)  # fmt: skip
# Kinds a certification must give exactly once (the others are lists).
SINGLE_KINDS: tuple[str, ...] = ("name", "level", "next certification")
ADVICE_KINDS: tuple[str, ...] = ("interest", "experience", "goal")
# What one of our caveats checks an article claim against.
CHECKS: tuple[str, ...] = ("salary table", "certification level", "career list")


_QUOTE = Column(str, not_blank("article's exact words this row comes from"))
_CHECKS = Column(str, one_of(CHECKS, "checks", blank_ok=True))

COMPARISON_SCHEMA = pa.DataFrameSchema(
    {
        "aspect": Column(str, not_blank("aspect")),
        "ml_engineer": Column(str, not_blank("ML Engineer entry")),
        "ai_engineer": Column(str, not_blank("AI Engineer entry")),
    }
)

CERTIFICATION_SCHEMA = pa.DataFrameSchema(
    {
        "code": Column(
            str,
            Check.str_matches(r"^[A-Z]{2,4}-C\d{2}$", error="is not an AWS exam code such as MLA-C01"),
        ),
        "role": role_column(),
        "kind": Column(str, one_of(CERTIFICATION_KINDS, "kinds")),
        "value": Column(str, not_blank("value as the page shows it")),
        "quote": _QUOTE,
        "checks": _CHECKS,
        "caveat": Column(str),
    }
)

CAREER_SCHEMA = pa.DataFrameSchema(
    {"role": role_column(), "career": Column(str, not_blank("career")), "quote": _QUOTE}
)

ADVICE_SCHEMA = pa.DataFrameSchema(
    {
        "role": role_column(),
        "kind": Column(str, one_of(ADVICE_KINDS, "kinds")),
        "point": Column(str, not_blank("point in a few words")),
        "quote": _QUOTE,
    }
)

FAQ_SCHEMA = pa.DataFrameSchema(
    {
        "number": Column("int64", Check.ge(1, error="must be 1 or more"), coerce=True),
        "role": role_column(blank_ok=True),
        "question": Column(str, not_blank("question, word for word")),
        "quote": _QUOTE,
        "checks": _CHECKS,
        "caveat": Column(str),
    }
)


def _check_caveats(frame: pd.DataFrame, label: str) -> None:
    """A caveat says what it checks, and a check has a caveat: one without the other is a half-edit."""
    problems = [
        Problem("a caveat needs the check it belongs to; name one in 'checks': " + ", ".join(CHECKS) + ".",
                int(i), "checks")
        for i in frame.index[(frame["caveat"] != "") & (frame["checks"] == "")]
    ] + [
        Problem(f"the check '{frame.at[i, 'checks']}' needs a caveat: say, in our words, what it finds.",
                int(i), "caveat")
        for i in frame.index[(frame["checks"] != "") & (frame["caveat"] == "")]
    ]  # fmt: skip
    if problems:
        raise DataFileError(label, sorted(problems, key=lambda p: p.line or 0))


def parse_certifications() -> pd.DataFrame:
    """Facts about each certification, one row per fact (name, level, experience, list items…)."""
    frame, label = read_validated("certifications.csv", CERTIFICATION_SCHEMA)
    check_duplicates(frame, ["code", "kind", "value"], label)
    _check_caveats(frame, label)
    problems = [
        Problem(f"'{frame.at[i, 'value']}' is not a level; use one of: {', '.join(LEVELS)}.", int(i), "value")
        for i in frame.index[(frame["kind"] == "level") & ~frame["value"].isin(LEVELS)]
    ]
    for code, rows in frame.groupby("code", sort=False):
        first_role = rows["role"].iloc[0]
        problems += [
            Problem(f"{code} serves '{first_role}' on line {rows.index[0]} but '{role}' here; "
                    "one certification serves one role.", int(i), "role")
            for i, role in rows["role"].items()
            if role != first_role
        ]  # fmt: skip
        for kind in SINGLE_KINDS:
            count = int((rows["kind"] == kind).sum())
            if count != 1:
                where = rows.index[rows["kind"] == kind]
                problems.append(
                    Problem(
                        f"{code} has {count} '{kind}' rows; it needs exactly one.",
                        int(where[1]) if count > 1 else int(rows.index[0]),
                        "kind",
                    )
                )
    if problems:
        raise DataFileError(label, sorted(problems, key=lambda p: p.line or 0))
    return frame


def parse_careers() -> pd.DataFrame:
    """Career paths out of each role, one row per role and career, in the article's order."""
    frame, label = read_validated("careers.csv", CAREER_SCHEMA)
    # Case-folded, so 'NLP engineer' and 'NLP Engineer' are caught as the same career twice.
    keyed = frame.assign(career=frame["career"].str.casefold())
    check_duplicates(keyed, ["role", "career"], label)
    return frame


def parse_advice() -> pd.DataFrame:
    """The article's 'Choose the … if' points, one row per point."""
    frame, label = read_validated("advice.csv", ADVICE_SCHEMA)
    check_duplicates(frame, ["role", "point"], label)
    return frame


def parse_faq() -> pd.DataFrame:
    """The article's FAQ, one row per question, with our caveat where its own figures disagree."""
    frame, label = read_validated("faq.csv", FAQ_SCHEMA)
    check_duplicates(frame, ["number"], label)
    check_duplicates(frame, ["question"], label)
    _check_caveats(frame, label)
    return frame.sort_values("number", kind="stable")


def parse_comparison() -> pd.DataFrame:
    """The article's side-by-side comparison table, one row per aspect."""
    frame, label = read_validated("comparison.csv", COMPARISON_SCHEMA)
    check_duplicates(frame, ["aspect"], label)
    return frame
