"""Reading a CSV a person edits by hand, and turning everything wrong with it into precise messages.

Every problem is a Problem with the file line (header = line 1) and column, collected in a
DataFileError, so a page can say what to fix instead of showing a traceback.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

# The real files are a few kB; anything this big is a mistake (or an attack), not data.
MAX_FILE_BYTES = 5_000_000


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


def line_of(index: int) -> int:
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


def validate_columns(frame: pd.DataFrame, schema: pa.DataFrameSchema, label: str) -> pd.DataFrame:
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
            problems[key] = Problem(message, line_of(key[0]), key[1])
        raise DataFileError(label, sorted(problems.values(), key=lambda p: (p.line, p.column))) from None


def check_duplicates(frame: pd.DataFrame, keys: list[str], label: str) -> None:
    dupes = frame[frame.duplicated(keys, keep=False)]
    if dupes.empty:
        return
    problems = []
    for values, group in dupes.groupby(keys, sort=False):
        lines = [line_of(i) for i in group.index]
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
