"""Reading a salary survey in the aijobs.net schema: validate every row, map titles to roles, keep the rest.

No Streamlit here. The engine is pyarrow's multi-threaded CSV reader with every text column read
dictionary-encoded, handed to pandas as categoricals: validation then looks at a few hundred
distinct values instead of a million cells, and a million rows cost ~40 MB in memory (what a
cache keeps). benchmarks/bench_survey.py has the measurements that chose it over DuckDB and Polars.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow
import pyarrow.csv as pcsv

from dashboard.core.domain import ROLES
from dashboard.core.validation import DataFileError, Problem
from dashboard.survey.header import MAX_HEADER_BYTES, check_header
from dashboard.survey.paths import check_survey_path, path_error
from dashboard.survey.schema import (
    BAD_NUMBER,
    COUNTRY_CODES,
    CURRENCY_CODES,
    IMPLAUSIBLE,
    MALFORMED,
    MAX_PATH_BYTES,
    MAX_PAY_USD,
    MAX_UPLOAD_BYTES,
    MISSING_SALARY,
    NEGATIVE_PAY,
    NON_NUMERIC_SALARY,
    NUMBER_COLUMNS,
    REASONS,
    SURVEY_COLUMNS,
    TEXT_COLUMNS,
    TITLE_BASES,
    UNKNOWN_COUNTRY,
    UNKNOWN_CURRENCY,
    YEARS,
    Survey,
)


def content_key(source: Path | bytes) -> str:
    """A cache key that changes exactly when the survey's content can: a digest of uploaded bytes, or a
    file's path, size and modification time (hashing a multi-GB file on every rerun would cost more
    than reading it)."""
    if isinstance(source, bytes | bytearray | memoryview):
        return "sha256:" + hashlib.sha256(source).hexdigest()
    stat = Path(source).stat()
    return f"file:{Path(source).resolve()}:{stat.st_size}:{stat.st_mtime_ns}"


def read_survey(
    source: Path | str | bytes, title_map: pd.DataFrame, label: str | None = None, limit: int | None = None
) -> Survey:
    """Read and validate a survey from a path or an upload's bytes; a DataFileError says what is wrong.

    limit defaults to MAX_UPLOAD_BYTES for bytes and MAX_PATH_BYTES for a path.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        raw = bytes(source)
        label = label or "the uploaded survey"
        size, limit = len(raw), limit or MAX_UPLOAD_BYTES
        head = raw[:MAX_HEADER_BYTES]
        stream: object = lambda: pyarrow.BufferReader(raw)  # noqa: E731
    else:
        path = Path(source)
        label = label or path.name  # a visitor reads it: the server's folders are not theirs to see
        size, limit = check_survey_path(path, label), limit or MAX_PATH_BYTES
        try:
            with path.open("rb") as handle:
                head = handle.read(MAX_HEADER_BYTES)
        except OSError as err:
            raise path_error(path, label, f"the server may not read it ({err.strerror}).") from None
        stream = lambda: str(path)  # noqa: E731
    if size > limit:
        raise DataFileError(
            label, [Problem(f"the file is {size / 1e6:,.1f} MB; the limit is {limit / 1e6:,.0f} MB.")]
        )
    if not head.strip(b"\xef\xbb\xbf \t\r\n"):
        raise DataFileError(
            label, [Problem(f"the file is empty. A survey needs a header row: {', '.join(SURVEY_COLUMNS)}.")]
        )
    header = check_header(head, label)
    malformed: list[str] = []
    table, raw_numbers = _read_table(stream, header, label, malformed)
    if table.num_rows == 0 and not malformed:
        raise DataFileError(label, [Problem("the file has a header but no data rows.")])
    return _validate(table, raw_numbers, malformed, title_map, label)


_DICT = pyarrow.dictionary(pyarrow.int32(), pyarrow.string())


def _read_table(
    stream, header: list[str], label: str, malformed: list[str]
) -> tuple[pyarrow.Table, dict[str, pd.Series]]:
    """The fast path reads numbers as int64; a non-numeric or decimal cell makes pyarrow refuse the
    column, and then (only then) those columns are read again as text and parsed cell by cell.

    The columns are named from `header` (as the header check stripped them), not by pyarrow, which
    would keep ' salary_in_usd ' with its spaces and then not find salary_in_usd.
    """

    def skip(row) -> str:
        malformed.append(row.text)
        return "skip"

    def read(number_type: pyarrow.DataType) -> pyarrow.Table:
        malformed.clear()
        types = {c: _DICT for c in TEXT_COLUMNS} | {c: number_type for c in NUMBER_COLUMNS}
        if number_type == pyarrow.int64():
            # Years and remote ratios are small; an out-of-range cell falls back to the text path.
            types |= {"work_year": pyarrow.int16(), "remote_ratio": pyarrow.int16()}
        return pcsv.read_csv(
            stream(),
            read_options=pcsv.ReadOptions(column_names=header, skip_rows=1),
            parse_options=pcsv.ParseOptions(invalid_row_handler=skip),
            convert_options=pcsv.ConvertOptions(
                column_types=types, include_columns=list(SURVEY_COLUMNS), strings_can_be_null=False
            ),
            # malloc, not Arrow's own pool: memory freed column by column is then reused by numpy.
            memory_pool=pyarrow.system_memory_pool(),
        )

    try:
        try:
            return read(pyarrow.int64()), {}
        except pyarrow.ArrowInvalid as err:
            if "conversion error to int" not in str(err):
                raise
        table = read(pyarrow.string())
    except pyarrow.ArrowInvalid as err:
        if "UTF8" in str(err):
            raise DataFileError(
                label, [Problem("the file is not valid UTF-8 text. Save it as UTF-8.")]
            ) from None
        raise DataFileError(label, [Problem(f"the file is not a readable CSV ({err}).")]) from None
    raw = {c: table[c].to_pandas() for c in NUMBER_COLUMNS}
    return table, raw


def _validate(
    table: pyarrow.Table,
    raw_numbers: dict[str, pd.Series],
    malformed: list[str],
    title_map: pd.DataFrame,
    label: str,
) -> Survey:
    """Assign each bad row its first reason; keep the rest exactly as read."""
    numbers: dict[str, np.ndarray] = {}
    columns: dict[str, object] = {}
    for c in SURVEY_COLUMNS:
        chunked = table[c]
        # Free each column's Arrow buffers as soon as it is converted: this halves the peak memory.
        table = table.drop_columns([c])
        if c in raw_numbers:
            values = np.array(pd.to_numeric(raw_numbers[c].str.strip(), errors="coerce"), dtype=float)
            values[~np.isfinite(values)] = np.nan
            numbers[c] = values
        elif c in NUMBER_COLUMNS:
            # Whole numbers stay int64 (no copy to float) unless a cell is empty, which becomes NaN.
            numbers[c] = chunked.to_numpy() if chunked.null_count == 0 else chunked.to_numpy().astype(float)
        else:
            columns[c] = chunked.to_pandas()
        del chunked
    # Built column by column in file order: selecting columns of a frame later costs a copy each time.
    frame = pd.DataFrame({c: numbers[c] if c in numbers else columns[c] for c in SURVEY_COLUMNS}, copy=False)
    del table, columns
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="row")

    def blank(c: str) -> np.ndarray:
        if c in raw_numbers:
            return raw_numbers[c].str.strip().fillna("").eq("").to_numpy()
        return _nan(numbers[c])

    pay = ("salary", "salary_in_usd")
    tests = [
        (MISSING_SALARY, blank("salary") | blank("salary_in_usd")),
        (NON_NUMERIC_SALARY, _nan(numbers["salary"]) | _nan(numbers["salary_in_usd"])),
        (NEGATIVE_PAY, np.logical_or.reduce([numbers[c] < 0 for c in pay])),
        (UNKNOWN_CURRENCY, _not_in(frame["salary_currency"], CURRENCY_CODES)),
        (UNKNOWN_COUNTRY, _not_in(frame["employee_residence"], COUNTRY_CODES)
         | _not_in(frame["company_location"], COUNTRY_CODES)),
        (BAD_NUMBER, _nan(numbers["work_year"]) | _nan(numbers["remote_ratio"])
         | _fractional(numbers["work_year"]) | _fractional(numbers["remote_ratio"])),
        (IMPLAUSIBLE, (numbers["salary_in_usd"] > MAX_PAY_USD)
         | (numbers["work_year"] < YEARS[0]) | (numbers["work_year"] > YEARS[1])
         | (numbers["remote_ratio"] < 0) | (numbers["remote_ratio"] > 100)),
    ]  # fmt: skip
    reason = np.full(len(frame), -1, dtype=np.int8)
    for code, (_, mask) in enumerate(tests):
        reason[(reason < 0) & mask] = code
    bad = reason >= 0
    rejects = frame[bad].astype(object)
    for c in NUMBER_COLUMNS:
        if c in raw_numbers:
            rejects[c] = raw_numbers[c][bad].to_numpy()  # the cell as written, not its failed parse
        else:
            rejects[c] = [_number_text(v) for v in numbers[c][bad]]
    rejects.insert(0, "reason", [REASONS[r] for r in reason[bad]])
    rejects = rejects.reset_index()
    if malformed:
        extra = pd.DataFrame({"row": pd.NA, "reason": MALFORMED, "raw_text": malformed})
        rejects = pd.concat([rejects, extra], ignore_index=True)
    counts = {r: 0 for r in REASONS}
    counts.update(rejects["reason"].value_counts().to_dict())

    # Categories are left as read (unused ones included): pruning them costs a sort per column.
    rows = frame[~bad] if bad.any() else frame
    mapping = dict(zip(title_map["job_title"], title_map["role"], strict=True))
    titles = rows["job_title"].cat.categories
    role_codes = np.array([ROLES.index(mapping[t]) if t in mapping else -1 for t in titles] + [-1])
    rows["role"] = pd.Categorical.from_codes(
        role_codes[rows["job_title"].cat.codes.to_numpy()], categories=list(ROLES)
    )
    basis = dict(zip(title_map["job_title"], title_map["basis"], strict=True))
    basis_codes = np.array([TITLE_BASES.index(basis[t]) if t in basis else -1 for t in titles] + [-1])
    rows["title_basis"] = pd.Categorical.from_codes(
        basis_codes[rows["job_title"].cat.codes.to_numpy()], categories=list(TITLE_BASES)
    )
    unmapped = rows.loc[rows["role"].isna(), "job_title"].value_counts()
    unmapped = unmapped[unmapped > 0].rename("rows")
    return Survey(rows, rejects, counts, unmapped, label)


def _nan(values: np.ndarray) -> np.ndarray:
    """Which cells are missing: NaN in a float column, none in an int64 one."""
    return np.isnan(values) if values.dtype.kind == "f" else np.zeros(len(values), dtype=bool)


def _fractional(values: np.ndarray) -> np.ndarray:
    """Which cells hold a number with a fraction (NaN is missing, not fractional)."""
    if values.dtype.kind != "f":
        return np.zeros(len(values), dtype=bool)
    with np.errstate(invalid="ignore"):
        return np.isfinite(values) & (values % 1 != 0)


def _number_text(value: float) -> str:
    """150000.0 -> '150000', NaN -> '' (an empty cell), so a reject reads as the file did."""
    if np.isnan(value):
        return ""
    return str(int(value)) if value == int(value) else str(value)


def _not_in(column: pd.Series, valid: frozenset[str]) -> np.ndarray:
    """Test the few distinct values, not every cell, then spread the answer over the rows."""
    ok = np.array([c in valid for c in column.cat.categories] + [False])
    return ~ok[column.cat.codes.to_numpy()]
