"""Survey files that are valid or merely odd, and survey paths the server should not name or cannot read.

Each case was found by a hostile run against the app (issue 19): it either ended in Streamlit's
generic error box, was read wrongly, or named the server's own directories.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dashboard.core import export
from dashboard.core.validation import DataFileError
from dashboard.survey import aggregate, reader, schema, tables
from tests.conftest import shown
from tests.pages_support import charts
from tests.survey_support import HEADER, csv_bytes, line, open_survey, survey_lines

MAX_MESSAGE_CHARS = 700


def page_error(at) -> str:
    assert not at.exception, [e.value for e in at.exception]
    (error,) = at.error
    message = shown(error.value)
    assert len(message) < MAX_MESSAGE_CHARS, message
    return message


def summary(at) -> str:
    """The page's line on the survey it shows: '**name**: 40 rows read, …'."""
    (line_,) = [shown(m.value) for m in at.markdown if "rows read" in m.value]
    return line_


# --- Valid or odd files that ended in the generic error box, or were read wrongly ----------------------


def test_a_header_with_spaces_around_a_name_is_read(title_map, survey_env):
    spaced = HEADER.replace("salary_in_usd", " salary_in_usd ").replace("work_year", "work_year ")
    content = "\n".join([spaced, line(usd=150_000), line(usd=170_000)]) + "\n"
    loaded = reader.read_survey(content.encode(), title_map)
    assert loaded.rows["salary_in_usd"].tolist() == [150_000, 170_000]
    survey_env([]).write_text(content, encoding="utf-8")
    at = open_survey()
    assert not at.exception and not at.error
    assert summary(at).startswith("**survey.csv**: 2 rows read, 2 accepted")
    assert charts(at)


def test_a_name_that_appears_twice_once_stripped_gets_a_message(title_map):
    doubled = HEADER + ", salary "
    with pytest.raises(DataFileError, match=r"salary.*more than once"):
        reader.read_survey((doubled + "\n" + line() + ",1\n").encode(), title_map)


def test_cr_only_line_endings_are_read(title_map, survey_env):
    content = csv_bytes(*survey_lines()).replace(b"\n", b"\r")
    loaded = reader.read_survey(content, title_map)
    assert (loaded.read_rows, len(loaded.rows), len(loaded.rejects)) == (len(survey_lines()), 60, 0)
    survey_env([]).write_bytes(content)
    at = open_survey()
    assert not at.exception and not at.error
    assert summary(at).startswith(f"**survey.csv**: {len(survey_lines())} rows read")


def test_a_carriage_return_inside_a_quoted_title_stays_in_its_row(title_map):
    # A guard for the CR-only fix: the report's "43 rows read" did not reproduce (pyarrow 26).
    lines = [line(usd=100_000 + i) for i in range(37)]
    for pos in (0, 20, 39):
        lines.insert(pos, line('"Machine Learning\rEngineer"', 99_000))
    for ending in (b"\n", b"\r\n"):
        content = csv_bytes(*lines).replace(b"\n", ending)
        loaded = reader.read_survey(content, title_map)
        assert (loaded.read_rows, len(loaded.rows), len(loaded.rejects)) == (40, 40, 0)
        assert (loaded.rows["job_title"] == "Machine Learning\rEngineer").sum() == 3


def test_a_fractional_work_year_is_skipped_and_the_years_stay_whole(title_map):
    loaded = reader.read_survey(
        csv_bytes(line(year="2024.5"), line(year=2024), line(year=2025), line(remote="50.5")), title_map
    )
    assert len(loaded.rows) == 2
    assert loaded.reject_counts[schema.BAD_NUMBER] == 2
    assert sorted(loaded.rejects["work_year"]) == ["2024", "2024.5"]  # as the file wrote them
    options = aggregate.filter_options(loaded)
    assert options["work_year"] == [2024, 2025]
    # Dropping 2025 keeps every 2024 row: none is left out because it was 2024.5.
    kept = aggregate.filter_rows(loaded, schema.SurveyFilter(work_years=(2024,)))
    assert len(kept) == 1
    written = export.to_csv_bytes(tables.rows_for_download(loaded.rows)).decode("utf-8-sig")
    assert "2024.0" not in written and "\r\n2024,SE" in written


def test_a_long_first_line_before_the_header_is_named_as_such(title_map):
    content = b"x" * 70_000 + b"\n" + csv_bytes(line())
    with pytest.raises(DataFileError) as caught:
        reader.read_survey(content, title_map)
    message = str(caught.value)
    assert "missing columns: work_year" not in message
    assert "line 2" in message and "header" in message


def test_a_header_longer_than_64_kb_is_read_whole(title_map):
    # The survey's own columns come after 70 KB of other columns.
    extra = ",".join(f"extra_column_{i:05d}" for i in range(4_000))
    header = extra + "," + HEADER
    content = (header + "\n" + ",".join(["x"] * 4_000) + "," + line() + "\n").encode()
    loaded = reader.read_survey(content, title_map)
    assert loaded.rows["salary_in_usd"].tolist() == [150_000]


# --- Survey paths: what the server may not read, and what must not be named ---------------------------


def _unreadable(tmp_path: Path) -> Path:
    """A file the app's process may not read: /proc/1/mem refuses even root."""
    if os.geteuid() != 0:
        locked = tmp_path / "locked.csv"
        locked.write_bytes(csv_bytes(line()))
        locked.chmod(0)
        return locked
    return Path("/proc/1/mem")


def test_a_survey_path_the_server_may_not_read_gets_a_message(tmp_path, monkeypatch, title_map):
    path = _unreadable(tmp_path)
    with pytest.raises(DataFileError, match="may not read"):
        reader.read_survey(path, title_map)
    monkeypatch.setenv(schema.SURVEY_PATH_ENV, str(path))
    message = page_error(open_survey())
    assert message.startswith(f"**{path.name} cannot be used as it is.**")
    assert "may not read" in message and str(path.parent) not in message


def _paths(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Each bad survey path, and what the message must say is wrong with it."""
    folder = tmp_path / "secret_server_dir"
    (folder / "archive.csv").mkdir(parents=True)
    fifo = folder / "pipe.csv"
    os.mkfifo(fifo)
    link = folder / "shadow.csv"
    link.symlink_to("/etc/shadow")
    huge = folder / "huge.csv"
    with huge.open("wb") as handle:
        handle.truncate(5 * 1024**3)  # sparse: 5 GB on paper, nothing on disk
    return {
        "missing": (folder / "no_such_dir" / "missing.csv", "no such file"),
        "a directory": (folder / "archive.csv", "folder"),
        "a device": (Path("/dev/zero"), "not a regular file"),
        "a fifo": (fifo, "not a regular file"),
        "a link to /etc/shadow": (link, ""),
        "a 5 GB file": (huge, "the limit is"),
    }


CASES = ["missing", "a directory", "a device", "a fifo", "a link to /etc/shadow", "a 5 GB file"]


@pytest.mark.parametrize("case", CASES)
def test_a_bad_survey_path_names_the_file_never_the_servers_directories(tmp_path, monkeypatch, case):
    path, says = _paths(tmp_path)[case]
    monkeypatch.setenv(schema.SURVEY_PATH_ENV, str(path))
    message = page_error(open_survey())
    assert message.startswith(f"**{path.name} cannot be used as it is.**"), message
    assert says in message
    for secret in ("secret_server_dir", str(tmp_path), "/dev/", "/etc/"):
        assert secret not in message, message
    if case != "missing":
        assert "no file" not in message  # a folder, a device or a pipe is something, not nothing


# --- An upload whose name was changed in the request -------------------------------------------------


@pytest.mark.parametrize("name", ["survey.html", "survey.exe", "survey.csv.php"])
def test_an_upload_renamed_to_another_type_is_refused_and_the_uploader_stays(survey_env, name):
    survey_env(survey_lines(), name="server.csv")
    at = open_survey()
    content = csv_bytes(*survey_lines()[:20])
    at.file_uploader(key="survey-upload").set_value((name, content, "text/html")).run()
    message = page_error(at)
    assert message.startswith(f"**{name} cannot be used as it is.**")
    assert ".csv" in message
    # The uploader stays, and the page goes on with the server's survey.
    assert at.get("file_uploader") and summary(at).startswith("**server.csv**")
    # Replacing it with a real CSV works in the same session.
    at.file_uploader(key="survey-upload").set_value(("mine.csv", content, "text/csv")).run()
    assert not at.exception and not at.error
    assert summary(at).startswith("**mine.csv**: 20 rows read")


def test_a_renamed_upload_keeps_the_rest_of_the_app_working(survey_env):
    survey_env(survey_lines())
    at = open_survey()
    at.file_uploader(key="survey-upload").set_value(("x.exe", b"MZ", "a/b")).run()
    assert not at.exception
    at.switch_page("pages/salaries.py").run()
    assert not at.exception and not at.error
