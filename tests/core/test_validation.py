"""Reading a hand-edited data file: every kind of bad file gets a message naming file, line and column."""

from __future__ import annotations

import pytest

from dashboard.app import data
from dashboard.careers import files as career_files
from dashboard.core import validation
from dashboard.salaries import files as salary_files
from dashboard.skills import files as skill_files
from tests.conftest import file_error, rewrite


@pytest.mark.parametrize(
    ("old", "new", "line", "column", "words"),
    [
        ("US,USD,140000", "US,USD,abc", 2, "salary_min", "'abc' is not a whole number"),
        (
            "IN,INR,1000000,1800000",
            "IN,INR,1000000,",
            11,
            "salary_max",
            "an empty cell is not a whole number",
        ),
        ("GB,GBP,43000,77000", "GB,GBP,83000,77000", 8, "salary_min", "83000 is above salary_max 77000"),
        ("AI Engineer,CA,CAD", "AI Engineer,XX,CAD", 4, "country_code", "'XX' is not an ISO 3166-1 alpha-2"),
        ("AI Engineer,AU,AUD", "AI Engineer,AU,AUX", 6, "currency", "'AUX' is not an ISO 4217 currency code"),
        (
            "ML Engineer,US,USD",
            "Data Engineer,US,USD",
            3,
            "role",
            "'Data Engineer' is not one of the roles (ML Engineer, AI Engineer)",
        ),
        ("ML Engineer,IN,INR", "ML Engineer,GB,GBP", 11, "country_code", "appears on 2 lines (9, 11)"),
        ("US,USD,150000,240000,2026", "US,USD,150000,240000,20266", 3, "year", "not a plausible year"),
        (
            "ML Engineer,GB,GBP",
            "ML Engineer,GB,USD",
            9,
            "currency",
            "USD is not a currency of United Kingdom",
        ),
        ("AI Engineer,US,USD", "AI Engineer,US,EUR", 2, "currency", "which uses USD"),
    ],
)
def test_bad_salary_cells_name_file_line_and_column(data_dir, old, new, line, column, words):
    rewrite(data_dir / "salaries.csv", old, new)
    err = file_error(salary_files.parse_salaries)
    assert err.file == "data/salaries.csv"
    problem = err.problems[0]
    assert (problem.line, problem.column) == (line, column)
    assert words in problem.message
    assert f"line {line}, column '{column}'" in str(err)


def test_missing_column_is_named_on_the_header_line(data_dir):
    rewrite(data_dir / "salaries.csv", "salary_max,", "salary_top,")
    problem = file_error(salary_files.parse_salaries).problems[0]
    assert (problem.line, problem.column) == (1, "salary_max")
    assert "required column is missing" in problem.message


def test_empty_file(data_dir):
    (data_dir / "salaries.csv").write_text("", encoding="utf-8")
    err = file_error(salary_files.parse_salaries)
    assert "data/salaries.csv" in str(err)
    assert "the file is empty" in str(err)
    assert "role,country_code,currency" in str(err)


def test_header_without_rows(data_dir):
    path = data_dir / "skills.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert "header but no data rows" in str(file_error(skill_files.parse_skills))


def test_missing_file(data_dir):
    (data_dir / "comparison.csv").unlink()
    assert "data/comparison.csv: the file is missing" in str(file_error(career_files.parse_comparison))


def test_not_utf8_names_the_line_and_column(data_dir):
    path = data_dir / "salaries.csv"
    text = path.read_text(encoding="utf-8").replace("Sivakumar", "Sivakumär")
    path.write_bytes(text.encode("latin-1"))
    problem = file_error(salary_files.parse_salaries).problems[0]
    assert (problem.line, problem.column) == (2, "source")
    assert "not valid UTF-8" in problem.message


def test_a_row_with_an_extra_value_is_named_not_crashed_on(data_dir):
    # pandas would quietly make the first field of such rows the index.
    rewrite(data_dir / "salaries.csv", "GB,GBP,43000,77000,2026,", "GB,GBP,43000,77000,2026,extra,")
    problem = file_error(salary_files.parse_salaries).problems[0]
    assert problem.line == 8
    assert "this row has 8 values but the header has 7 columns" in problem.message


def test_trailing_commas_on_every_row_are_reported_per_line(data_dir):
    path = data_dir / "salaries.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0], *(line + "," for line in lines[1:])]) + "\n", encoding="utf-8")
    err = file_error(salary_files.parse_salaries)
    assert [p.line for p in err.problems] == list(range(2, 12))


def test_line_numbers_count_blank_lines_and_quoted_line_breaks(data_dir):
    path = data_dir / "salaries.csv"
    text = path.read_text(encoding="utf-8")
    text = text.replace("\nAI Engineer,CA", "\n\nAI Engineer,CA", 1)  # blank line 4: CA moves to line 5
    text = text.replace("Whizlabs, ML", "Whizlabs,\nML", 1)  # line 2's quoted source spans two lines
    text = text.replace("GB,GBP,43000", "GB,GBP,43k")
    path.write_text(text, encoding="utf-8")
    problem = file_error(salary_files.parse_salaries).problems[0]
    assert (problem.line, problem.column) == (10, "salary_min")


def test_utf16_file_is_named_as_such(data_dir):
    path = data_dir / "salaries.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    assert "the file is UTF-16. Save it as UTF-8" in str(file_error(salary_files.parse_salaries))


def test_oversized_file_is_refused_before_parsing(data_dir, monkeypatch):
    monkeypatch.setattr(validation, "MAX_FILE_BYTES", 100)
    assert "the limit is" in str(file_error(salary_files.parse_salaries))


def test_byte_order_mark_and_stray_spaces_are_accepted(data_dir):
    path = data_dir / "salaries.csv"
    text = path.read_text(encoding="utf-8").replace("ML Engineer,IN,INR", " ML Engineer , in , inr ")
    path.write_bytes(text.encode("utf-8-sig"))
    salaries = salary_files.parse_salaries()
    assert salaries.iloc[-1][["role", "country_code", "currency"]].tolist() == ["ML Engineer", "IN", "INR"]


def test_loader_rereads_an_edited_file(data_dir):
    assert data.load_salaries()["salary_min"].iloc[0] == 140_000
    rewrite(data_dir / "salaries.csv", "US,USD,140000", "US,USD,141000")
    assert data.load_salaries()["salary_min"].iloc[0] == 141_000


def test_a_column_named_twice_is_refused_on_its_header_line(data_dir):
    rewrite(data_dir / "salaries.csv", "year,source", "year,currency")
    err = file_error(salary_files.parse_salaries)
    assert (err.problems[0].line, err.problems[0].column) == (1, "currency")
    assert "appears twice in the header" in err.problems[0].message


def test_a_file_of_empty_cells_is_called_empty(data_dir):
    (data_dir / "skills.csv").write_text(",,,,\n , ,,,\n", encoding="utf-8")
    assert "the file is empty. It needs a header row" in str(file_error(skill_files.parse_skills))


def test_an_unclosed_quote_is_an_error_at_the_record_that_opened_it(data_dir):
    # A lenient reader would swallow every later row into this one cell and lose them silently.
    path = data_dir / "salaries.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].rstrip('"')  # line 6 opens a quoted source and never closes it
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problem = file_error(salary_files.parse_salaries).problems[0]
    assert problem.line == 6
    assert "not valid CSV" in problem.message


def test_a_stray_quote_inside_a_value_is_anfile_error(data_dir):
    rewrite(data_dir / "skills.csv", "AI Engineer,Python,", 'AI Engineer,"Py"thon,')
    assert "not valid CSV" in str(file_error(skill_files.parse_skills))


def test_nul_bytes_and_a_second_byte_order_mark(data_dir):
    path = data_dir / "salaries.csv"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(("\ufeff\ufeff" + text).encode("utf-8"))
    assert len(salary_files.parse_salaries()) == 10
    path.write_bytes(text.encode("utf-16-le"))
    assert "NUL bytes" in str(file_error(salary_files.parse_salaries))
