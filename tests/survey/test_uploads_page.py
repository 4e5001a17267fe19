"""Uploads we did not write: every broken or hostile file gets a short, literal message, never a traceback."""

from __future__ import annotations

import gc
import io
import weakref
import zipfile
from functools import partial

import pandas as pd
import pytest
from streamlit.runtime import caching
from streamlit.testing.v1 import AppTest

from dashboard.app import sessions
from dashboard.app.survey_page import SESSION_SURVEY
from dashboard.core import export, validation
from dashboard.core.text import escape_markdown
from dashboard.survey import reader, schema
from tests.conftest import shown
from tests.core.test_spoofing import RLO, hidden
from tests.pages_support import charts
from tests.survey_support import HEADER, line, open_survey, survey_lines

MAX_MESSAGE_CHARS = 700


HOSTILE = "<script>alert(1)</script> [x](http://evil.example) :red[**x**] $y$ ![i](http://evil.example/i.png)"


GOOD = [line("Machine Learning Engineer", 150_000 + i * 1000, "US") for i in range(5)]


def rows(*lines: str, header: str = HEADER, end: str = "\n") -> bytes:
    return (end.join([header, *lines]) + end).encode("utf-8")


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("survey.csv", rows(*GOOD))
    return buffer.getvalue()


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)


WIDE_HEADER = HEADER + "".join(f",extra_{i}" for i in range(89))


# (bytes, what the page must do): "error" with a phrase, or "bands" (the file is usable).
CASES = {
    "empty file": (b"", "error", "empty"),
    "an image": (PNG, "error", ""),
    "a zip archive": (_zip(), "error", ""),
    "random binary": (bytes(range(256)) * 40, "error", ""),
    "wrong columns": (b"name,pay\nAda,100\n", "error", "missing columns"),
    "header only": (rows(), "error", ""),
    "Latin-1": (rows(*GOOD).replace(b"Machine", "Machiné".encode("latin-1"), 1), "error", "UTF-8"),
    "UTF-16": (rows(*GOOD).decode("utf-8").encode("utf-16"), "error", "UTF-16"),
    "UTF-8 with BOM": (b"\xef\xbb\xbf" + rows(*GOOD), "bands", ""),
    "mixed line endings": (rows(*GOOD).replace(b"\n", b"\r\n", 3), "bands", ""),
    "quoted newlines": (rows(*GOOD, line('"Machine Learning\nEngineer"', 160_000, "US")), "bands", ""),
    "100 columns": (rows(*[g + ",x" * 89 for g in GOOD], header=WIDE_HEADER), "bands", ""),
    "every row rejected": (rows(*[line("Machine Learning Engineer", -5, "US")] * 3), "warning", ""),
}


def upload(at: AppTest, name: str, content: bytes) -> AppTest:
    return at.file_uploader(key="survey-upload").set_value((name, content, "text/csv")).run()


@pytest.mark.parametrize("case", list(CASES))
def test_a_broken_upload_gets_a_clear_short_message_or_works(survey_env, case):
    content, outcome, phrase = CASES[case]
    at = upload(open_survey(), "upload.csv", content)
    assert not at.exception, case
    messages = [shown(e.value) for e in [*at.error, *at.warning]]
    assert all(len(m) < MAX_MESSAGE_CHARS for m in messages), messages
    if outcome == "error":
        (message,) = [shown(e.value) for e in at.error]
        assert "upload.csv" in message and phrase in message
        # The page goes on with the server's survey, and says so.
        assert "shipped with this dashboard" in shown(" ".join(i.value for i in at.info))
    elif outcome == "warning":
        assert not at.error and at.warning
    else:
        assert not at.error, messages
        assert charts(at)
    at.switch_page("pages/salaries.py").run()  # the rest of the app keeps working
    assert not at.exception and not at.error


def test_a_file_over_the_limit_is_refused_before_it_is_read():
    with pytest.raises(validation.DataFileError) as caught:
        reader.read_survey(rows(*GOOD) * 50, schema.parse_title_map(), label="big.csv", limit=1_000)
    assert "big.csv" in str(caught.value) and "limit" in str(caught.value)


def test_hostile_cells_in_an_upload_stay_literal_and_its_downloads_are_defused(survey_env):
    hostile_title = f'=HYPERLINK("http://x","y") {HOSTILE}'
    content = rows(
        *GOOD,
        line('"' + hostile_title.replace('"', '""') + '"', 120_000, "US"),  # unmapped: counted and listed
        line("AI Engineer", 90_000, "US", currency=HOSTILE[:20]),  # an unknown currency: rejected
        line("AI Engineer", 90_000, "ZZ"),  # an unknown country: rejected
    )
    at = upload(open_survey(), f"{HOSTILE}.csv", content)
    assert not at.exception and not at.error
    bodies = [e.value for e in [*at.markdown, *at.caption, *at.info, *at.warning, *at.success]]
    for body in bodies:
        if "evil" in body:
            assert escape_markdown(HOSTILE) in body or escape_markdown(HOSTILE[:20]) in body, body
    titles = pd.concat([df.value for df in at.dataframe if "evil" in df.value.to_csv()])
    assert hostile_title in titles["Survey job title"].tolist()  # a dataframe cell is text, never Markdown
    # What a spreadsheet gets: the formula defused, the text otherwise whole.
    exported = export.to_csv_bytes(pd.DataFrame({"job_title": [hostile_title], "salary": [-4.2]}))
    back = pd.read_csv(io.BytesIO(exported), encoding="utf-8-sig")
    assert back.at[0, "job_title"] == "'" + hostile_title and back.at[0, "salary"] == -4.2


def test_a_right_to_left_override_in_an_uploaded_file_name_is_shown_as_it_is(survey_env):
    survey_env(survey_lines())
    name = f"pay{RLO}vsc.exe.csv"
    content = ("\n".join([HEADER, line(), line()]) + "\n").encode()
    at = open_survey()
    at.file_uploader(key="survey-upload").set_value((name, content, "text/csv")).run()
    assert not at.exception
    (lead,) = [m.value for m in at.markdown if "rows read" in m.value]
    assert not hidden(lead)
    assert shown(lead).startswith("**pay⟨U+202E⟩vsc.exe.csv**: 2 rows read")
    (showing,) = [i.value for i in at.info if "Showing your upload" in i.value]
    assert not hidden(showing) and "pay⟨U+202E⟩vsc.exe.csv" in shown(showing)
    # And in an error about the same upload.
    at.file_uploader(key="survey-upload").set_value((name, b"a,b\n1,2\n", "text/csv")).run()
    error = at.error[0].value
    assert not hidden(error) and "pay⟨U+202E⟩vsc.exe.csv cannot be used" in shown(error)


def test_removing_an_upload_frees_its_parsed_survey(survey_env):
    # The cache would otherwise keep it (two surveys at a time) though no session shows it (issue 19).
    survey_env(survey_lines())
    at = open_survey()
    upload(at, "mine.csv", rows(*GOOD))
    parsed = weakref.ref(at.session_state[SESSION_SURVEY][2])
    at.file_uploader(key="survey-upload").set_value(None).run()  # its x
    assert SESSION_SURVEY not in at.session_state
    gc.collect()
    assert parsed() is None


def test_a_visitor_who_reconnected_on_another_page_is_still_tracked(survey_env, monkeypatch):
    # A dropped websocket clears the session's caches, and with them the record that it holds an
    # upload; every page holds it again, so leaving from the Skills page still frees it (issue 19).
    survey_env(survey_lines())
    at = open_survey()
    upload(at, "mine.csv", rows(*GOOD))
    at.switch_page("pages/skills.py").run()
    released: list[set] = []
    monkeypatch.setattr(sessions, "_visitor_left", lambda visit: released.append(set(visit.held)))
    # What Streamlit does to a session whose websocket dropped (AppTest's session has this id).
    disconnect = partial(caching.clear_session_resource_cache, "test session id")
    disconnect()
    at.run()  # the visitor is back, on the Skills page
    disconnect()  # and leaves from there
    assert len(released) == 2 and released[0] == released[1] and len(released[1]) == 1
