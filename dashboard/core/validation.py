"""Reading a CSV a person edits by hand, and turning everything wrong with it into precise messages.

Every problem is a Problem with the file line (header = line 1) and column, collected in a
DataFileError, so a page can say what to fix instead of showing a traceback.
"""

from __future__ import annotations

import csv
import io
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from dashboard.core.text import shorten, summarize

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


def _quoted(value: object) -> str:
    """A cell as a message quotes it: short, whatever the file holds."""
    text = str(value)
    return "an empty cell" if text == "" else f"'{shorten(text, 60)}'"


def read_text_table(path: Path, label: str, columns: list[str]) -> pd.DataFrame:
    """Read a CSV as stripped strings indexed by file line, or fail with a DataFileError.

    The csv module, not pandas, does the reading: it reports the physical line of every record
    (blank lines and quoted line breaks included), and a row with an extra field is an error here,
    where pandas would silently turn its first field into the index.
    """
    _check_safe_file(path, label)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DataFileError(
            label,
            [Problem(f"the file is {size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB.")],
        )
    text = _decode(path.read_bytes(), label)
    records = _records(text, label)
    if not records:
        raise DataFileError(
            label, [Problem(f"the file is empty. It needs a header row: {','.join(columns)}.")]
        )
    header_line, header = records[0]
    header = [cell.strip() for cell in header]
    _check_header(header, header_line, columns, label)
    rows = records[1:]
    ragged = [
        Problem(
            f"this row has {len(record)} values but the header has {len(header)} columns. Remove the "
            'extra comma (or add the missing value); quote a value that holds a comma, like "a, b".',
            line,
        )
        for line, record in rows
        if len(record) != len(header)
    ]
    if ragged:
        raise DataFileError(label, ragged)
    if not rows:
        raise DataFileError(label, [Problem("the file has a header but no data rows.")])
    return pd.DataFrame(
        [[cell.strip() for cell in record] for _, record in rows],
        columns=header,
        index=pd.Index([line for line, _ in rows], name="line"),
        dtype=str,
    )


def _check_safe_file(path: Path, label: str) -> None:
    """Refuse what is not a plain file inside its own folder, before reading a byte of it.

    A symlink in data/ could point at /etc/passwd (read as a CSV, and echoed in error messages) or
    at /dev/zero (read forever); a FIFO blocks the reader. lstat, not exists(): a dangling link is
    a link to refuse, not a missing file.
    """
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        raise DataFileError(label, [Problem(f"the file is missing; expected it at {path}.")]) from None
    except OSError as err:
        raise DataFileError(label, [Problem(f"the file cannot be opened ({err.strerror}).")]) from None
    if stat.S_ISLNK(mode):
        folder = path.parent.resolve()
        target = path.resolve()
        if not target.is_relative_to(folder):
            raise DataFileError(
                label,
                [Problem(f"the file is a symbolic link to {target}, outside {folder}; "
                         "data files are only read from inside their folder. Copy the file in instead.")],
            )  # fmt: skip
        try:
            mode = target.stat().st_mode
        except OSError:
            raise DataFileError(
                label, [Problem(f"the file is a symbolic link to {target}, which does not exist.")]
            ) from None
    if not stat.S_ISREG(mode):
        kind = (
            "a folder" if stat.S_ISDIR(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a named pipe (FIFO)" if stat.S_ISFIFO(mode)
            else "a socket" if stat.S_ISSOCK(mode)
            else "not a regular file"
        )  # fmt: skip
        raise DataFileError(
            label, [Problem(f"the path is {kind}, not a regular file; expected a CSV at {path}.")]
        )


def _records(text: str, label: str) -> list[tuple[int, list[str]]]:
    """Every non-blank record with the file line it starts on.

    strict=True: an unclosed quote or a stray one ('"Py"thon') is an error, where the lenient
    reader would swallow the rest of the file into one cell and lose rows without a word.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records = []
    last_line = 0
    try:
        for record in reader:
            first_line, last_line = last_line + 1, reader.line_num
            if any(cell.strip() for cell in record):
                records.append((first_line, record))
    except csv.Error as err:
        raise DataFileError(
            label,
            [
                Problem(
                    f"the file is not valid CSV ({err}). Check the quotes in the record starting "
                    "here: a value in quotes must end with a quote, and a quote inside it is written twice.",
                    last_line + 1,
                )
            ],
        ) from None
    return records


def _check_header(header: list[str], line: int, columns: list[str], label: str) -> None:
    """Every required column present, and none named twice (a second one would shadow the first)."""
    seen: set[str] = set()
    repeated = [c for c in header if c in seen or seen.add(c)]
    problems = [
        Problem("this column name appears twice in the header; rename or remove one.", line, c)
        for c in dict.fromkeys(repeated)
    ]
    problems += [
        Problem(f"the required column is missing. The header must include: {', '.join(columns)}.", line, c)
        for c in missing_columns(header, columns)
    ]
    if problems:
        raise DataFileError(label, problems)


def missing_columns(header: Sequence[str], required: Sequence[str]) -> list[str]:
    """The required columns a header lacks, in the required order (names compared as written)."""
    present = set(header)
    return [c for c in required if c not in present]


def _decode(raw: bytes, label: str) -> str:
    """The file's text as UTF-8 (a byte-order mark, as Excel writes, is fine)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataFileError(label, [Problem("the file is UTF-16. Save it as UTF-8 (in Excel: 'CSV UTF-8').")])
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
                    column=_column_at(raw, err.start) if line > 1 else None,
                )
            ],
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise DataFileError(
            label,
            [Problem("the file holds NUL bytes, so it is not a text CSV (UTF-16 saved without a BOM?). "
                     "Save it as UTF-8.", line)],
        )  # fmt: skip
    return text.lstrip("\ufeff")  # Excel can leave a second byte-order mark


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
            problems[key] = Problem(message, key[0], key[1])
        raise DataFileError(label, sorted(problems.values(), key=lambda p: (p.line, p.column))) from None


def check_duplicates(frame: pd.DataFrame, keys: list[str], label: str) -> None:
    dupes = frame[frame.duplicated(keys, keep=False)]
    if dupes.empty:
        return
    problems = []
    for values, group in dupes.groupby(keys, sort=False):
        lines = [int(i) for i in group.index]
        # A list of keys makes pandas group by tuples, even for a single key.
        pair = ", ".join(f"{k}={shorten(v, 60)}" for k, v in zip(keys, values, strict=True))
        problems.append(
            Problem(
                f"{pair} appears on {len(lines):,} lines ({summarize([str(n) for n in lines])}); "
                f"keep one row per {' and '.join(keys)}.",
                lines[1],
                keys[-1],
            )
        )
    raise DataFileError(label, problems)
