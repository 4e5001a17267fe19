"""Load, validate and normalise the CSV files in data/.

Every problem a person editing those files can make is reported as a DataFileError that names
the file, the line and the column, so the page can show it instead of a traceback.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import streamlit as st
from pandera.pandas import Check, Column

from dashboard import regions

ROLES: tuple[str, ...] = ("ML Engineer", "AI Engineer")
AWS_SERVICE = "AWS service"
DATA_DIR_ENV = "CAREERS_DATA_DIR"
# The real files are a few kB; anything this big is a mistake (or an attack), not data.
MAX_FILE_BYTES = 5_000_000


def data_dir() -> Path:
    """The folder holding the CSVs; tests point CAREERS_DATA_DIR at a temporary copy."""
    return Path(os.environ.get(DATA_DIR_ENV) or Path(__file__).resolve().parent.parent / "data")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file; line is the 1-based line in the file (header = 1)."""

    message: str
    line: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class DataFileError(Exception):
    """A data file that cannot be used as it is, with every problem found in it."""

    def __init__(self, file: str, problems: list[Problem]):
        self.file = file
        self.problems = problems
        super().__init__(f"{file}: " + "; ".join(str(p) for p in problems))


def _line(index: int) -> int:
    """The file line of DataFrame row `index`: line 1 is the header."""
    return int(index) + 2


def _quoted(value: object) -> str:
    text = str(value)
    return "an empty cell" if text == "" else f"'{text}'"


def read_text_table(path: Path, label: str, columns: list[str]) -> pd.DataFrame:
    """Read a CSV as stripped strings, failing with a DataFileError on any structural problem."""
    if not path.is_file():
        raise DataFileError(label, [Problem(f"the file is missing; expected it at {path}.")])
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DataFileError(
            label,
            [Problem(f"the file is {size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB.")],
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise DataFileError(
            label,
            [
                Problem(
                    f"byte 0x{raw[err.start]:02x} is not valid UTF-8. Save the file as UTF-8 "
                    "(in Excel: 'CSV UTF-8').",
                    line=line,
                    column=_column_at(raw, err.start),
                )
            ],
        ) from None
    if not text.strip():
        raise DataFileError(
            label, [Problem(f"the file is empty. It needs a header row: {','.join(columns)}.")]
        )
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.ParserError as err:
        raise DataFileError(label, [Problem(f"the file is not valid CSV: {err}")]) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataFileError(
            label,
            [
                Problem(
                    f"the required column is missing. The header must include: {', '.join(columns)}.", 1, c
                )
                for c in missing
            ],
        )
    if frame.empty:
        raise DataFileError(label, [Problem("the file has a header but no data rows.")])
    return frame.apply(lambda col: col.str.strip())


def _column_at(raw: bytes, offset: int) -> str | None:
    """Name the header column that holds byte `offset`, for pointing at a bad byte."""
    header = next(csv.reader([raw.split(b"\n", 1)[0].decode("utf-8", "replace").strip()]))
    line_start = raw.rfind(b"\n", 0, offset) + 1
    # csv, not a comma count: a quoted field may itself hold commas.
    field = len(next(csv.reader([raw[line_start:offset].decode("utf-8", "replace") + "x"]))) - 1
    return header[field].strip() if field < len(header) else None


def _validate_columns(frame: pd.DataFrame, schema: pa.DataFrameSchema, label: str) -> pd.DataFrame:
    """Run pandera's per-column checks and turn its failure cases into Problems."""
    try:
        return schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        problems: dict[tuple[int, str], Problem] = {}
        for case in err.failure_cases.itertuples():
            if case.index is None or pd.isna(case.index):
                continue  # pandera's echo of a failure already reported per cell
            key = (int(case.index), str(case.column))
            check = str(case.check)
            if key in problems:
                continue
            if check.startswith("coerce_dtype") or check.startswith("dtype"):
                message = (
                    f"{_quoted(case.failure_case)} is not a whole number. Write digits only, e.g. 150000."
                )
            else:
                message = f"{_quoted(case.failure_case)} {check}."
            problems[key] = Problem(message, _line(key[0]), key[1])
        raise DataFileError(label, sorted(problems.values(), key=lambda p: (p.line, p.column))) from None


def _check_duplicates(frame: pd.DataFrame, keys: list[str], label: str) -> None:
    dupes = frame[frame.duplicated(keys, keep=False)]
    if dupes.empty:
        return
    problems = []
    for values, group in dupes.groupby(keys, sort=False):
        lines = [_line(i) for i in group.index]
        # A list of keys makes pandas group by tuples, even for a single key.
        pair = ", ".join(f"{k}={v}" for k, v in zip(keys, values, strict=True))
        problems.append(
            Problem(
                f"{pair} appears on lines {', '.join(map(str, lines))}; "
                f"keep one row per {' and '.join(keys)}.",
                lines[1],
                keys[-1],
            )
        )
    raise DataFileError(label, problems)


def _not_blank(what: str) -> Check:
    return Check(lambda s: s.str.len() > 0, error=f"must not be empty: give the {what}")


_ROLE = Column(str, Check.isin(ROLES, error=f"is not a role; use one of: {', '.join(ROLES)}"))

SALARY_SCHEMA = pa.DataFrameSchema(
    {
        "role": _ROLE,
        "country_code": Column(
            str,
            Check(
                regions.is_country_code,
                element_wise=True,
                error="is not an ISO 3166-1 alpha-2 country code (such as US, GB or IN)",
            ),
        ),
        "currency": Column(
            str,
            Check(
                regions.is_currency_code,
                element_wise=True,
                error="is not an ISO 4217 currency code (such as USD, GBP or INR)",
            ),
        ),
        "salary_min": Column("int64", Check.ge(0, error="must not be negative"), coerce=True),
        "salary_max": Column("int64", Check.ge(0, error="must not be negative"), coerce=True),
        "year": Column("int64", Check.in_range(1990, 2100, error="is not a plausible year"), coerce=True),
        "source": Column(str, _not_blank("source of the figures")),
    }
)

SKILL_SCHEMA = pa.DataFrameSchema(
    {
        "role": _ROLE,
        "skill": Column(str, _not_blank("skill name")),
        "category": Column(str, _not_blank("category")),
        "section": Column(str, _not_blank("article section")),
        "quote": Column(str, _not_blank("words of the article this row comes from")),
    }
)

SERVICE_SCHEMA = pa.DataFrameSchema(
    {
        "service": Column(str, _not_blank("service name")),
        "family": Column(str, _not_blank("service family")),
    }
)

COMPARISON_SCHEMA = pa.DataFrameSchema(
    {
        "aspect": Column(str, _not_blank("aspect")),
        "ml_engineer": Column(str, _not_blank("ML Engineer entry")),
        "ai_engineer": Column(str, _not_blank("AI Engineer entry")),
    }
)


def _read_validated(name: str, schema: pa.DataFrameSchema) -> tuple[pd.DataFrame, str]:
    label = f"data/{name}"
    frame = read_text_table(data_dir() / name, label, list(schema.columns))
    return _validate_columns(frame, schema, label), label


def parse_salaries() -> pd.DataFrame:
    """Validated salary bands, one row per role and country, enriched with country names."""
    frame, label = _read_validated("salaries.csv", SALARY_SCHEMA)
    # Codes are checked case-insensitively; store them as ISO writes them.
    frame["country_code"] = frame["country_code"].str.upper()
    frame["currency"] = frame["currency"].str.upper()
    above = frame.index[frame["salary_min"] > frame["salary_max"]]
    if len(above):
        raise DataFileError(
            label,
            [
                Problem(
                    f"salary_min {frame.at[i, 'salary_min']} is above salary_max "
                    f"{frame.at[i, 'salary_max']}; swap them or fix the figure.",
                    _line(i),
                    "salary_min",
                )
                for i in above
            ],
        )
    _check_duplicates(frame, ["role", "country_code"], label)
    info = frame["country_code"].map(regions.country)
    frame["country"] = info.map(lambda c: c.name)
    frame["flag"] = info.map(lambda c: c.flag)
    frame["country_alpha3"] = info.map(lambda c: c.alpha3)
    return frame


def parse_skills() -> pd.DataFrame:
    """Validated skill mentions: one row per role, skill and article section."""
    frame, label = _read_validated("skills.csv", SKILL_SCHEMA)
    _check_duplicates(frame, ["role", "skill", "section"], label)
    categories = frame.groupby("skill")["category"].unique()
    problems = []
    for skill, cats in categories[categories.map(len) > 1].items():
        rows = frame[(frame["skill"] == skill) & (frame["category"] != cats[0])]
        problems += [
            Problem(
                f"skill '{skill}' has category '{frame.at[i, 'category']}' here but '{cats[0]}' "
                f"elsewhere; one skill needs one category.",
                _line(i),
                "category",
            )
            for i in rows.index
        ]
    if problems:
        raise DataFileError(label, problems)
    return frame


def parse_aws_services(skills: pd.DataFrame) -> pd.DataFrame:
    """Validated service-to-family table; every AWS service named in skills.csv must be in it."""
    frame, label = _read_validated("aws_services.csv", SERVICE_SCHEMA)
    _check_duplicates(frame, ["service"], label)
    named = skills.loc[skills["category"] == AWS_SERVICE, "skill"]
    unknown = named[~named.isin(frame["service"])]
    if len(unknown):
        raise DataFileError(
            "data/skills.csv",
            [
                Problem(
                    f"'{skill}' is an AWS service with no family; add it to {label} (or fix its spelling).",
                    _line(i),
                    "skill",
                )
                for i, skill in unknown.items()
            ],
        )
    return frame


def parse_comparison() -> pd.DataFrame:
    """The article's side-by-side comparison table, one row per aspect."""
    frame, label = _read_validated("comparison.csv", COMPARISON_SCHEMA)
    _check_duplicates(frame, ["aspect"], label)
    return frame


def _stamp(name: str) -> tuple[str, float, int]:
    """Cache key for a data file: its path, mtime and size, so an edited file is re-read."""
    path = data_dir() / name
    try:
        stat = path.stat()
    except OSError:
        return str(path), 0.0, -1
    return str(path), stat.st_mtime, stat.st_size


@st.cache_data(show_spinner=False)
def _cached(parser_name: str, *stamps: tuple[str, float, int]) -> pd.DataFrame:
    return _PARSERS[parser_name]()


_PARSERS: dict[str, Callable[[], pd.DataFrame]] = {
    "salaries": parse_salaries,
    "skills": parse_skills,
    "aws_services": lambda: parse_aws_services(parse_skills()),
    "comparison": parse_comparison,
}


def load_salaries() -> pd.DataFrame:
    return _cached("salaries", _stamp("salaries.csv"))


def load_skills() -> pd.DataFrame:
    return _cached("skills", _stamp("skills.csv"))


def load_aws_services() -> pd.DataFrame:
    return _cached("aws_services", _stamp("aws_services.csv"), _stamp("skills.csv"))


def load_comparison() -> pd.DataFrame:
    return _cached("comparison", _stamp("comparison.csv"))
