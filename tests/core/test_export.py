"""Hostile data files: formula cells in every text column reach a download defused, and a data file
that is a link out of data/ (or a device, a pipe) is refused before a byte of it is read."""

from __future__ import annotations

import csv
import io
import math
import os
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from dashboard.careers import files as career_files
from dashboard.core import export
from dashboard.core.domain import AWS_SERVICE
from dashboard.core.validation import DataFileError
from dashboard.salaries import files as salary_files
from dashboard.salaries import gaps as role_gaps
from dashboard.salaries import rates
from dashboard.salaries import tables as salary_tables
from dashboard.skills import files as skill_files
from dashboard.skills import sets as overlap
from dashboard.survey import aggregate, reader, schema
from dashboard.survey import tables as survey_tables
from tests.survey_support import csv_bytes, line

# OWASP's CSV-injection classes, each bare, after leading spaces, inside quotes and full-width.
FORMULAS = [
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-2+3",
    "=1+1",
    "=cmd|'/C notepad'!'A1'",
    "@A1",
]


HOSTILE = (
    FORMULAS
    + [f"   {f}" for f in FORMULAS[:4]]
    + [f'"{f}"' for f in FORMULAS[:4]]
    + [f' "{f}"' for f in FORMULAS[:2]]
    + [f"{lead}=1+1" for lead in ("\t", "\r", "\n", "\u00a0", "\u3000", "\u200b", "\ufeff")]
    + ["\tplain", "\rplain", "\nplain", "\r\n=1+1"]
    + ['\uff1dHYPERLINK("http://x","y")', "\uff0b1", "\uff0d1", "\uff20SUM(1)", "  \uff1d1"]
)


TRIGGERS = set(export.FORMULA_TRIGGERS)


def runs_as_formula(cell: str) -> bool:
    """What a spreadsheet would evaluate: after whitespace, invisible marks and quotes, a trigger first."""
    if cell.startswith("'"):
        return False
    if cell[:1] in ("\t", "\r", "\n"):
        return True
    if re.fullmatch(r" *[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)? *", cell):
        return False  # "+1", "-1": a spreadsheet reads the number (issue 19)
    stripped = cell.lstrip(' \t\r\n\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff"\u201c\u201d\u2018\u2019')
    return stripped[:1] in TRIGGERS


def read_back(raw: bytes) -> list[list[str]]:
    """The cells as a spreadsheet's CSV import sees them: unquoted, nothing else done."""
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def check_download(frame: pd.DataFrame) -> Counter:
    """Export `frame`, assert no cell would run and numbers stay numbers; count what happened."""
    raw = export.to_csv_bytes(frame)
    rows = read_back(raw)
    assert rows[0] == [str(c) for c in frame.columns]
    counts: Counter = Counter()
    for r, row in enumerate(rows[1:]):
        for name, cell in zip(frame.columns, row, strict=True):
            value = frame[name].iloc[r]
            if pd.api.types.is_numeric_dtype(frame[name]) and not pd.api.types.is_bool_dtype(frame[name]):
                if pd.isna(value):
                    assert cell == ""
                else:
                    assert not cell.startswith("'") and math.isclose(float(cell), float(value)), (name, cell)
                counts["numeric cells kept as numbers"] += 1
                continue
            assert not runs_as_formula(cell), f"{name}: {cell!r} would run as a formula"
            if isinstance(value, str):
                if cell == "'" + value:
                    counts["text cells defused"] += 1
                else:
                    assert cell == value, f"{name}: {value!r} came back as {cell!r}"
                    counts["text cells unchanged"] += 1
    return counts


def test_every_hostile_cell_is_defused_and_numbers_stay_numbers():
    """The corpus as-is (leading tabs and line feeds included, which the data readers strip)."""
    frame = pd.DataFrame(
        {
            "text": HOSTILE,
            "gap": [-4.2] * len(HOSTILE),
            "count": pd.array([-3] * (len(HOSTILE) - 1) + [None], dtype="Int64"),
        }
    )
    counts = check_download(frame)
    assert counts["text cells defused"] == len(HOSTILE)
    back = pd.read_csv(io.BytesIO(export.to_csv_bytes(frame)), encoding="utf-8-sig", keep_default_na=False)
    assert back["gap"].tolist() == [-4.2] * len(HOSTILE)
    assert pd.api.types.is_float_dtype(back["gap"])
    assert back["text"].tolist() == ["'" + h for h in HOSTILE]


def test_text_that_only_looks_odd_is_left_alone():
    frame = pd.DataFrame(
        {"text": ["a=b", "x-1", "AWS Lambda", "'=already defused", "C++", "£-2", "+1", "-1"]}
    )
    assert export.defuse_formulas(frame)["text"].tolist() == frame["text"].tolist()


# --- Numbers a hostile or careless survey wrote as text (issue 19) -------------------------------------


def cells(raw: bytes) -> list[dict[str, str]]:
    """The download as a spreadsheet's CSV import reads it: every cell exactly as written."""
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_negative_numbers_in_the_skipped_rows_download_stay_numbers():
    loaded = reader.read_survey(
        csv_bytes(
            line(usd=-150_000),
            line(year=-2024),
            line(usd="=1+1"),
            line(usd="-1+cmd|' /C calc'!A0"),
        ),
        schema.parse_title_map(),
    )
    rows = {r["row"]: r for r in cells(export.to_csv_bytes(loaded.rejects))}
    assert rows["1"]["salary_in_usd"] == "-150000" and rows["1"]["salary"] == "-150000"
    assert rows["2"]["work_year"] == "-2024"
    # The same columns still defuse what a spreadsheet would run.
    assert rows["3"]["salary_in_usd"] == "'=1+1"
    assert rows["4"]["salary_in_usd"] == "'-1+cmd|' /C calc'!A0"


@pytest.mark.parametrize("number", ["-150000", "-2024", "+1", "-1", "-4.25", "-.5", "-1e5", " -7 "])
def test_a_number_written_as_text_is_not_a_formula(number):
    assert not export.is_formula_like(number)
    frame = pd.DataFrame({"raw": [number, "=SUM(A1)"]})
    assert cells(export.to_csv_bytes(frame)) == [{"raw": number}, {"raw": "'=SUM(A1)"}]


@pytest.mark.parametrize(
    "text", ["-2+3", "-1-1", "+A1", "-", "--1", "-1e", "\t-1", "-0x10", "-1,5", "\uff0d1"]
)
def test_what_only_starts_like_a_number_is_still_defused(text):
    assert export.is_formula_like(text)


def _salary_exports(_: Path) -> list[pd.DataFrame]:
    salaries = salary_files.parse_salaries()
    fx = salary_files.parse_fx_rates(salaries)
    out = []
    for unit in (rates.LOCAL, rates.USD, rates.PPP):
        converted = rates.convert_salaries(salaries, fx, unit)
        out += [salary_tables.salary_export_table(converted, unit), salary_tables.gap_export_table(
            role_gaps.salary_gaps(converted))]  # fmt: skip
    return out


def _skill_exports(_: Path) -> list[pd.DataFrame]:
    parsed = skill_files.parse_skills()
    usage = overlap.service_usage(parsed, skill_files.parse_aws_services(parsed))
    ordered = [overlap.sort_usage(usage, by) for by in ("family", "total")]
    return [overlap.skill_overlap_table(parsed), *ordered]


def _frame(parse: Callable[[], pd.DataFrame]) -> Callable[[Path], list[pd.DataFrame]]:
    # Pages not built yet export their table as parsed; the test covers the file's every column.
    return lambda _: [parse().reset_index(drop=True)]


def _survey_exports(data: Path) -> list[pd.DataFrame]:
    loaded = reader.read_survey(data / schema.SHIPPED_SURVEY, schema.parse_title_map(data / "title_map.csv"))
    # The planted rows and a few untouched ones: checking 74,301 rows cell by cell adds nothing.
    planted = loaded.rows["job_title"].astype(str).str.contains(" #job_title").to_numpy().copy()
    planted[:50] = True
    return [
        aggregate.rows_for_download(loaded.rows[planted]),
        survey_tables.mapped_titles(loaded),
        survey_tables.unmapped_titles(loaded),
    ]


EXPORTS: dict[str, Callable[[Path], list[pd.DataFrame]]] = {
    "salaries.csv": _salary_exports,
    "fx_rates.csv": _salary_exports,
    "skills.csv": _skill_exports,
    "aws_services.csv": _skill_exports,
    "comparison.csv": _frame(career_files.parse_comparison),
    "faq.csv": _frame(career_files.parse_faq),
    "certifications.csv": _frame(career_files.parse_certifications),
    "careers.csv": _frame(career_files.parse_careers),
    "advice.csv": _frame(career_files.parse_advice),
    "title_map.csv": lambda d: [schema.parse_title_map(d / "title_map.csv").reset_index(drop=True)],
    schema.SHIPPED_SURVEY: _survey_exports,
}


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _write(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)


def _plant(data: Path, name: str, column: str, values: list[str]) -> int:
    """Write `values` into `column`, one per row, and say how many went in.

    AWS service names must match between aws_services.csv and skills.csv, so skills.csv takes the
    corpus in its other rows and a renamed service is renamed in both files alike.
    """
    rows = _read(data / name)
    at = rows[0].index(column)
    targets = list(range(1, len(rows)))
    if name == "skills.csv" and column == "skill":
        targets = [i for i in targets if rows[i][rows[0].index("category")] != AWS_SERVICE]
    renames: dict[str, str] = {}
    for i, value in zip(targets, values, strict=False):
        # A suffix keeps key columns unique; the hostile start is what matters.
        renames[rows[i][at]] = rows[i][at] = f"{value} #{column}{i}"
    _write(data / name, rows)
    if name == "aws_services.csv" and column == "service":
        skill_rows = _read(data / "skills.csv")
        for row in skill_rows[1:]:
            row[1] = renames.get(row[1], row[1])
        _write(data / "skills.csv", skill_rows)
    return min(len(targets), len(values))


# Free text: any words the article or a source has. Every other column is a code, a number or a
# closed vocabulary, where formula text is refused by the loader.
FREE_TEXT = {
    "salaries.csv": ["source"], "fx_rates.csv": ["source"], "aws_services.csv": ["service"],
    "skills.csv": ["skill", "section", "quote", "note"],
    "comparison.csv": ["aspect", "ml_engineer", "ai_engineer"],
    "faq.csv": ["question", "quote"], "certifications.csv": ["quote"], "careers.csv": ["career", "quote"],
    "advice.csv": ["point", "quote"], "title_map.csv": ["job_title", "reason"],
    schema.SHIPPED_SURVEY: ["job_title"],
}  # fmt: skip


def _restore(data: Path, pristine: dict[str, bytes]) -> None:
    for file, raw in pristine.items():
        (data / file).write_bytes(raw)


def test_hostile_cells_in_every_text_column_of_every_data_file(data_dir: Path):
    pristine = {p.name: p.read_bytes() for p in data_dir.glob("*.csv")}
    assert set(pristine) == set(EXPORTS) == set(FREE_TEXT), "a new data file needs its export here"
    planted: Counter = Counter()
    cells: Counter = Counter()
    # Files that feed the same downloads are planted together; each pass plants the next slice of
    # the corpus into every free-text column of the group (the columns are independent) until each
    # column has held every hostile value.
    groups: dict[Callable, list[str]] = {}
    for name, build in EXPORTS.items():
        groups.setdefault(build, []).append(name)
    for build, names in groups.items():
        offset = {(n, c): 0 for n in names for c in FREE_TEXT[n]}
        while any(o < len(HOSTILE) for o in offset.values()):
            _restore(data_dir, pristine)
            for (name, column), start in offset.items():
                took = _plant(data_dir, name, column, HOSTILE[start:])
                offset[(name, column)] += took
                planted[f"{name}:{column}"] += took
            for frame in build(data_dir):
                cells += check_download(frame)
    assert all(planted[f"{n}:{c}"] >= len(HOSTILE) for n, cols in FREE_TEXT.items() for c in cols)
    refused = []
    for name, build in EXPORTS.items():
        if name == schema.SHIPPED_SURVEY:
            continue  # a survey skips a row with a bad code, by reason (tests/survey), rather than refuse
        for column in _read(data_dir / name)[0]:
            if column in FREE_TEXT[name]:
                continue
            _restore(data_dir, pristine)
            _plant(data_dir, name, column, HOSTILE)
            with pytest.raises(DataFileError) as caught:
                build(data_dir)
            assert caught.value.file == f"data/{name}" or name == "title_map.csv", caught.value
            refused.append(f"{name}:{column}")
    print(
        f"\n{len(HOSTILE)} hostile values; planted {sum(planted.values())} cells in {len(planted)} "
        f"free-text columns; {dict(cells)}; refused in {len(refused)} coded columns: {refused}"
    )
    assert cells["text cells defused"] > 500 and cells["numeric cells kept as numbers"] > 500


def _link(data: Path, name: str, target: str) -> None:
    (data / name).unlink(missing_ok=True)
    (data / name).symlink_to(target)


@pytest.mark.parametrize("target", ["/etc/passwd", "/dev/zero", "/nonexistent/salaries.csv"])
def test_a_link_out_of_the_data_folder_is_refused(data_dir: Path, target: str):
    _link(data_dir, "salaries.csv", target)
    with pytest.raises(DataFileError) as caught:
        salary_files.parse_salaries()
    message = str(caught.value)
    assert caught.value.file == "data/salaries.csv"
    assert "symbolic link" in message and "outside" in message and "missing" not in message
    assert "root:" not in message


def test_a_link_out_through_a_relative_path_is_refused(data_dir: Path, tmp_path: Path):
    outside = tmp_path / "elsewhere.csv"
    outside.write_bytes((data_dir / "comparison.csv").read_bytes())
    _link(data_dir, "comparison.csv", "../elsewhere.csv")
    with pytest.raises(DataFileError, match=r"symbolic link .* outside"):
        career_files.parse_comparison()


def test_a_link_inside_the_data_folder_is_read(data_dir: Path):
    (data_dir / "comparison.csv").rename(data_dir / "comparison-2026.csv")
    _link(data_dir, "comparison.csv", "comparison-2026.csv")
    assert len(career_files.parse_comparison()) == 6


def test_a_pipe_or_a_folder_is_refused_without_blocking(data_dir: Path):
    (data_dir / "comparison.csv").unlink()
    os.mkfifo(data_dir / "comparison.csv")
    with pytest.raises(DataFileError, match="named pipe"):
        career_files.parse_comparison()
    (data_dir / "comparison.csv").unlink()
    (data_dir / "comparison.csv").mkdir()
    with pytest.raises(DataFileError, match="a folder, not a regular file"):
        career_files.parse_comparison()


def test_a_link_inside_to_a_pipe_is_refused(data_dir: Path):
    os.mkfifo(data_dir / "pipe")
    _link(data_dir, "comparison.csv", "pipe")
    with pytest.raises(DataFileError, match="named pipe"):
        career_files.parse_comparison()
