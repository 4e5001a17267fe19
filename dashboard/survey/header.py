"""A survey file's first line: its encoding, its columns, and the names the reader then uses for them.

No Streamlit here.
"""

from __future__ import annotations

import csv
import re

from dashboard.core.validation import DataFileError, Problem, missing_columns
from dashboard.survey.schema import SURVEY_COLUMNS

# How much of a file the header check reads: a header with many extra columns can pass 64 KB.
MAX_HEADER_BYTES = 1_000_000
# The csv module and pyarrow both end a line at CR, LF or CRLF; so must the header check, or a
# CR-only file (old Mac exports) is one endless first line.
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


def check_header(head: bytes, label: str) -> list[str]:
    """The first line must be UTF-8 and hold every survey column once (extra columns are ignored).

    `head` is the file's first MAX_HEADER_BYTES. Returns the header's names with the spaces around
    them stripped, which is how the file is then read: the check and the reader must agree on what
    a column is called, or ' salary_in_usd ' passes here and is not found there.
    """
    lines = _LINE_BREAK.split(head, 2)
    first = lines[0]
    if len(lines) == 1 and len(head) >= MAX_HEADER_BYTES:
        too_long = f"the first line is over {MAX_HEADER_BYTES // 1_000_000} MB long; it must be the header."
        raise DataFileError(label, [Problem(too_long, 1)])
    try:
        text = first.decode("utf-8-sig")
    except UnicodeDecodeError:
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise DataFileError(label, [Problem("the file is UTF-16. Save it as UTF-8.", 1)]) from None
        raise DataFileError(
            label, [Problem("the header is not valid UTF-8. Save the file as UTF-8.", 1)]
        ) from None
    header = _names(text)
    missing = missing_columns(header, SURVEY_COLUMNS)
    if missing:
        # A title line above the header (as some exports write) is named, not reported as every
        # column missing.
        if len(lines) > 1 and not missing_columns(_names(lines[1]), SURVEY_COLUMNS):
            raise DataFileError(
                label,
                [Problem("the header is on line 2: remove the line above it, so the header comes first.", 1)],
            )
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
    twice = [c for c in SURVEY_COLUMNS if header.count(c) > 1]
    if twice:
        raise DataFileError(
            label, [Problem(f"the header names {', '.join(twice)} more than once; keep one of each.", 1)]
        )
    return header


def _names(line: bytes | str) -> list[str]:
    text = line.decode("utf-8-sig", errors="replace") if isinstance(line, bytes) else line
    return [c.strip() for c in next(csv.reader([text.strip()]), [])]
