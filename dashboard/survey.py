"""A salary survey in the aijobs.net schema: read, validate, map titles to roles, filter, aggregate.

No Streamlit here. The engine is pyarrow's multi-threaded CSV reader with every text column read
dictionary-encoded, handed to pandas as categoricals: validation then looks at a few hundred
distinct values instead of a million cells, and a million rows cost ~40 MB in memory (what a
cache keeps). benchmarks/bench_survey.py has the measurements that chose it over DuckDB and Polars.

Percentiles are numpy's default method ('linear': interpolate between the two nearest ranks),
which is what pandas' groupby quantile computes too. Local-currency figures are the US$ ones times
a rate (local units per US$), so they are exactly the percentiles of the converted salaries.
"""

from __future__ import annotations

import csv
import hashlib
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow
import pyarrow.csv as pcsv
import pycountry
from pandera.pandas import Check, Column

from dashboard import regions
from dashboard.datafiles import data_dir
from dashboard.domain import ROLES
from dashboard.validation import DataFileError, Problem, check_duplicates, read_text_table, validate_columns

SURVEY_COLUMNS: tuple[str, ...] = (
    "work_year", "experience_level", "employment_type", "job_title", "salary", "salary_currency",
    "salary_in_usd", "employee_residence", "remote_ratio", "company_location", "company_size",
)  # fmt: skip
TEXT_COLUMNS = (
    "experience_level", "employment_type", "job_title", "salary_currency", "employee_residence",
    "company_location", "company_size",
)  # fmt: skip
NUMBER_COLUMNS = ("work_year", "salary", "salary_in_usd", "remote_ratio")
COUNTRY_FIELDS = ("company_location", "employee_residence")

# Streamlit's default server.maxUploadSize is 200 MB; a path given at start-up may be far larger.
MAX_UPLOAD_BYTES = 200 * 1024 * 1024
MAX_PATH_BYTES = 4 * 1024 * 1024 * 1024
SURVEY_PATH_ENV = "CAREERS_SURVEY_PATH"

PERCENTILES = {"p10": 0.10, "p25": 0.25, "p50": 0.50, "p75": 0.75, "p90": 0.90}
THIN_BELOW = 30  # answers; fewer and a cell is flagged thin (and drawn faded)

# Why a row is skipped, in the order they are tested: a row is counted under its first reason.
MISSING_SALARY = "missing salary"
NON_NUMERIC_SALARY = "non-numeric salary"
NEGATIVE_PAY = "negative pay"
UNKNOWN_CURRENCY = "unknown currency code"
UNKNOWN_COUNTRY = "unknown country code"
BAD_NUMBER = "missing or non-numeric work_year or remote_ratio"
# Numbers no real answer has: they parse, but one of them makes every percentile meaningless.
MAX_PAY_USD = 100_000_000
YEARS = (1990, 2100)
IMPLAUSIBLE = (
    "implausible number (pay over US$100 million, work_year outside 1990–2100 or remote_ratio outside 0–100)"
)
MALFORMED = "wrong number of fields"
REASONS: tuple[str, ...] = (
    MISSING_SALARY, NON_NUMERIC_SALARY, NEGATIVE_PAY, UNKNOWN_CURRENCY, UNKNOWN_COUNTRY, BAD_NUMBER,
    IMPLAUSIBLE, MALFORMED,
)  # fmt: skip

# Exact ISO codes as the survey writes them (upper case); 'us' is not accepted as 'US'.
_CURRENCIES = frozenset(c.alpha_3 for c in pycountry.currencies)
_COUNTRIES = frozenset(c.alpha_2 for c in pycountry.countries)

TITLE_BASES: tuple[str, ...] = (
    "exact title", "same title in other words", "same title with a level", "related title",
)  # fmt: skip
TITLE_MAP_SCHEMA = pa.DataFrameSchema(
    {
        "job_title": Column(str, Check(lambda s: s.str.len() > 0, error="must not be empty")),
        "role": Column(str, Check.isin(ROLES, error=f"is not a role; use one of: {', '.join(ROLES)}")),
        "basis": Column(str, Check.isin(TITLE_BASES, error=f"is not one of: {', '.join(TITLE_BASES)}")),
        "reason": Column(str, Check(lambda s: s.str.len() > 0, error="must not be empty: say why")),
    }
)


def parse_title_map(path: Path | None = None) -> pd.DataFrame:
    """data/title_map.csv validated: one reviewed row per survey job title, with its role and why."""
    label = "data/title_map.csv"
    frame = read_text_table(path or data_dir() / "title_map.csv", label, list(TITLE_MAP_SCHEMA.columns))
    frame = validate_columns(frame, TITLE_MAP_SCHEMA, label)
    check_duplicates(frame, ["job_title"], label)
    return frame


@dataclass(frozen=True)
class Survey:
    """A validated survey: accepted rows (unaltered, plus a role column) and what was skipped.

    rows: one row per accepted answer, indexed by data row (1 = first row under the header); text
    columns are categoricals; role is NaN for a title the map does not know.
    """

    rows: pd.DataFrame
    rejects: pd.DataFrame
    reject_counts: dict[str, int]
    unmapped: pd.Series  # job title -> accepted rows with that title and no role, most first
    label: str

    @cached_property
    def repeats(self) -> np.ndarray:
        """True for every accepted row that exactly repeats an earlier one (the first copy is False).

        Worked out on first use (a third of the load time at 1M rows) and then kept: a cached loader
        should touch .duplicates before returning, so the cache holds it.
        """
        return _repeats(self.rows, SURVEY_COLUMNS)

    @property
    def duplicates(self) -> int:
        """How many accepted rows exactly repeat an earlier row."""
        return int(self.repeats.sum())

    @property
    def read_rows(self) -> int:
        return len(self.rows) + len(self.rejects)


@dataclass(frozen=True)
class SurveyFilter:
    """What the page's widgets choose; None means no restriction on that field."""

    work_years: tuple[int, ...] | None = None
    experience_levels: tuple[str, ...] | None = None
    employment_types: tuple[str, ...] | None = None
    remote_ratios: tuple[int, ...] | None = None
    company_sizes: tuple[str, ...] | None = None
    country_field: str = "company_location"
    countries: tuple[str, ...] | None = None
    drop_duplicates: bool = False


# SurveyFilter attribute -> the survey column it restricts
FILTER_FIELDS = {
    "work_years": "work_year",
    "experience_levels": "experience_level",
    "employment_types": "employment_type",
    "remote_ratios": "remote_ratio",
    "company_sizes": "company_size",
}


def configured_survey_path(
    argv: list[str] | None = None, environ: Mapping[str, str] | None = None
) -> Path | None:
    """The survey file an analyst named at start-up: `streamlit run app.py -- --survey PATH` or the
    CAREERS_SURVEY_PATH environment variable (the option wins); None when neither is given."""
    argv = sys.argv[1:] if argv is None else argv
    environ = os.environ if environ is None else environ
    for i, arg in enumerate(argv):
        if arg == "--survey" and i + 1 < len(argv):
            return Path(argv[i + 1])
        if arg.startswith("--survey="):
            return Path(arg.split("=", 1)[1])
    value = environ.get(SURVEY_PATH_ENV, "").strip()
    return Path(value) if value else None


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
        head = raw[:65536]
        stream: object = lambda: pyarrow.BufferReader(raw)  # noqa: E731
    else:
        path = Path(source)
        label = label or str(path)
        if not path.is_file():
            raise DataFileError(label, [Problem(f"there is no file at {path}.")])
        size, limit = path.stat().st_size, limit or MAX_PATH_BYTES
        with path.open("rb") as handle:
            head = handle.read(65536)
        stream = lambda: str(path)  # noqa: E731
    if size > limit:
        raise DataFileError(
            label, [Problem(f"the file is {size / 1e6:,.1f} MB; the limit is {limit / 1e6:,.0f} MB.")]
        )
    if not head.strip(b"\xef\xbb\xbf \t\r\n"):
        raise DataFileError(
            label, [Problem(f"the file is empty. A survey needs a header row: {', '.join(SURVEY_COLUMNS)}.")]
        )
    _check_header(head, label)
    malformed: list[str] = []
    table, raw_numbers = _read_table(stream, label, malformed)
    if table.num_rows == 0 and not malformed:
        raise DataFileError(label, [Problem("the file has a header but no data rows.")])
    return _validate(table, raw_numbers, malformed, title_map, label)


def _check_header(head: bytes, label: str) -> None:
    """The first line must be UTF-8 and hold every survey column (extra columns are ignored)."""
    first = head.split(b"\n", 1)[0]
    try:
        text = first.decode("utf-8-sig")
    except UnicodeDecodeError:
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise DataFileError(label, [Problem("the file is UTF-16. Save it as UTF-8.", 1)]) from None
        raise DataFileError(
            label, [Problem("the header is not valid UTF-8. Save the file as UTF-8.", 1)]
        ) from None
    header = [c.strip() for c in next(csv.reader([text.strip()]), [])]
    missing = [c for c in SURVEY_COLUMNS if c not in header]
    if missing:
        raise DataFileError(
            label,
            [
                Problem(
                    f"missing column{'s' if len(missing) > 1 else ''}: {', '.join(missing)}. This is not a "
                    f"salary survey in the aijobs.net schema, whose header is: {','.join(SURVEY_COLUMNS)}.",
                    1,
                )
            ],
        )


_DICT = pyarrow.dictionary(pyarrow.int32(), pyarrow.string())


def _read_table(stream, label: str, malformed: list[str]) -> tuple[pyarrow.Table, dict[str, pd.Series]]:
    """The fast path reads numbers as int64; a non-numeric or decimal cell makes pyarrow refuse the
    column, and then (only then) those columns are read again as text and parsed cell by cell."""

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
        (UNKNOWN_CURRENCY, _not_in(frame["salary_currency"], _CURRENCIES)),
        (UNKNOWN_COUNTRY, _not_in(frame["employee_residence"], _COUNTRIES)
         | _not_in(frame["company_location"], _COUNTRIES)),
        (BAD_NUMBER, _nan(numbers["work_year"]) | _nan(numbers["remote_ratio"])),
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
    unmapped = rows.loc[rows["role"].isna(), "job_title"].value_counts()
    unmapped = unmapped[unmapped > 0].rename("rows")
    return Survey(rows, rejects, counts, unmapped, label)


def _nan(values: np.ndarray) -> np.ndarray:
    """Which cells are missing: NaN in a float column, none in an int64 one."""
    return np.isnan(values) if values.dtype.kind == "f" else np.zeros(len(values), dtype=bool)


def _number_text(value: float) -> str:
    """150000.0 -> '150000', NaN -> '' (an empty cell), so a reject reads as the file did."""
    if np.isnan(value):
        return ""
    return str(int(value)) if value == int(value) else str(value)


def _not_in(column: pd.Series, valid: frozenset[str]) -> np.ndarray:
    """Test the few distinct values, not every cell, then spread the answer over the rows."""
    ok = np.array([c in valid for c in column.cat.categories] + [False])
    return ~ok[column.cat.codes.to_numpy()]


def _repeats(frame: pd.DataFrame, columns: tuple[str, ...]) -> np.ndarray:
    """True for each row that exactly repeats an earlier one, via one int64 key per row.

    The key packs each column's code in mixed radix; before it could overflow it is renumbered
    densely (factorize), so the result is exact, not a hash.
    """
    key = np.zeros(len(frame), dtype=np.int64)
    span = 1
    for name in columns:
        column = frame[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            codes, card = column.cat.codes.to_numpy().astype(np.int64) + 1, len(column.cat.categories) + 1
        else:
            values = column.to_numpy()
            low, high = (values.min(), values.max()) if len(values) else (0, 0)
            if (values % 1 == 0).all() and high - low < 2**31:
                # Whole numbers in a modest range are their own codes (no NaN: rejected earlier).
                codes, card = (values - low).astype(np.int64), int(high - low) + 1
            else:
                codes, uniques = pd.factorize(values)
                codes, card = codes.astype(np.int64), len(uniques)
        if span * card >= 2**62:
            key, uniques = pd.factorize(key)
            span = len(uniques)
        key = key * card + codes
        span *= card
    return pd.Series(key).duplicated().to_numpy()


def filter_rows(survey: Survey, chosen: SurveyFilter) -> pd.DataFrame:
    """The accepted rows with a role that match every chosen filter (what the aggregate and the
    filtered-rows download use)."""
    rows = survey.rows
    mask = rows["role"].notna().to_numpy().copy()
    if chosen.drop_duplicates:
        mask &= ~survey.repeats
    for attr, column in FILTER_FIELDS.items():
        values = getattr(chosen, attr)
        if values is not None:
            mask &= rows[column].isin(list(values)).to_numpy()
    if chosen.country_field not in COUNTRY_FIELDS:
        raise ValueError(f"country_field must be one of {COUNTRY_FIELDS}")
    if chosen.countries is not None:
        mask &= rows[chosen.country_field].isin(list(chosen.countries)).to_numpy()
    return rows[mask]


def filter_options(survey: Survey) -> dict[str, list]:
    """Every value each filter can take in this survey, sorted, for the page's widgets."""
    rows = survey.rows[survey.rows["role"].notna()]
    options = {
        c: sorted(rows[c].astype(object).dropna().unique().tolist())
        for c in ("work_year", "experience_level", "employment_type", "remote_ratio", "company_size")
    }
    for c in COUNTRY_FIELDS:
        options[c] = sorted(rows[c].astype(str).unique().tolist())
    options["work_year"] = [int(v) for v in options["work_year"]]
    options["remote_ratio"] = [int(v) for v in options["remote_ratio"]]
    return options


AGGREGATE_COLUMNS = [
    "country_code", "country", "flag", "role", "n", "thin", *PERCENTILES, "currency", "rate",
    *(f"{p}_local" for p in PERCENTILES),
]  # fmt: skip


def aggregate(rows: pd.DataFrame, country_field: str, rates: Mapping[str, float]) -> pd.DataFrame:
    """Per country and role: n, p10–p90 of salary_in_usd, thin flag, and the same in local currency.

    rates maps an ISO 4217 code to local units per US$; a country whose currency has no rate gets
    NaN local figures (USD is 1 without asking). Countries come most answers first, ML before AI.
    """
    if rows.empty:  # unstacking no groups gives no percentile columns to name
        return pd.DataFrame(columns=AGGREGATE_COLUMNS)
    groups = rows.groupby(
        [rows[country_field].astype(str), rows["role"].astype(str)], observed=True, sort=False
    )["salary_in_usd"]
    stats = groups.quantile(list(PERCENTILES.values())).unstack()
    stats.columns = list(PERCENTILES)
    stats.insert(0, "n", groups.size())
    stats = stats.reset_index(names=["country_code", "role"])
    if stats.empty:
        return pd.DataFrame(columns=AGGREGATE_COLUMNS)
    total = stats.groupby("country_code")["n"].transform("sum")
    stats = stats.assign(_total=total, _role=stats["role"].map(ROLES.index))
    stats = stats.sort_values(
        ["_total", "country_code", "_role"], ascending=[False, True, True], ignore_index=True
    )
    info = {code: regions.country(code) for code in stats["country_code"].unique()}
    stats["country"] = stats["country_code"].map(lambda c: info[c].name)
    stats["flag"] = stats["country_code"].map(lambda c: info[c].flag)
    stats["thin"] = stats["n"] < THIN_BELOW
    stats["currency"] = stats["country_code"].map(_local_currency)
    usd_rates = {"USD": 1.0} | dict(rates)
    stats["rate"] = stats["currency"].map(lambda c: usd_rates.get(c, np.nan) if c else np.nan).astype(float)
    for p in PERCENTILES:
        stats[f"{p}_local"] = stats[p] * stats["rate"]
    return stats[AGGREGATE_COLUMNS]


def _local_currency(code: str) -> str | None:
    currencies = regions.local_currencies(code)
    return currencies[0] if currencies else None


def aggregate_payload_bytes(table: pd.DataFrame) -> int:
    """Size of the aggregate as JSON: what the browser gets, the same at 10k and 1M rows."""
    return len(table.to_json(orient="records").encode("utf-8"))


def article_bands_usd(salaries: pd.DataFrame, rates: Mapping[str, float]) -> pd.DataFrame:
    """The article's bands (data/salaries.csv, local currency) in US$ through rates; bands whose
    currency has no rate are left out rather than guessed."""
    usd_rates = {"USD": 1.0} | dict(rates)
    rate = salaries["currency"].map(usd_rates).astype(float)
    out = salaries[["country_code", "role", "currency", "salary_min", "salary_max"]].copy()
    out["usd_min"] = salaries["salary_min"] / rate
    out["usd_max"] = salaries["salary_max"] / rate
    return out[rate.notna()].reset_index(drop=True)


def rows_for_download(rows: pd.DataFrame) -> pd.DataFrame:
    """Filtered rows as the file had them, plus the role they were counted under."""
    out = rows[[*SURVEY_COLUMNS, "role"]].copy()
    for c in NUMBER_COLUMNS:
        if (out[c].dropna() % 1 == 0).all():
            out[c] = out[c].astype("Int64")  # whole numbers back as written, not 150000.0
    return out
