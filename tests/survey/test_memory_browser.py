"""A visitor who uploads a survey and leaves: the server gives the upload back (issue 19).

Streamlit frees a departed session's uploads and its session_state only when it shuts that session
down, and for a session that timed out that waited for Python's collector: with runner.postScriptGC
off, as it is for rerun speed, each visitor who uploaded and left kept the file's bytes and the
parsed survey (session_state's SESSION_SURVEY) in the server's memory. Here one visitor uploads a
file, replaces it with another and leaves, with the disconnected-session TTL cut to 2 s so the test
takes seconds. The server's RSS is too noisy for a test this short; instead the test reads the
uploads' bytes the server holds (its own /_stcore/metrics) and counts the parsed uploads left in
its process (tests/probe/sitecustomize.py). benchmarks/upload_memory.py measures RSS at the
issue's sizes.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchmarks import survey_synth
from dashboard.survey import schema
from tests.memory_support import serving, upload_and_leave, uploads_held_mb, wait_until
from tests.survey_support import survey_lines, write_survey

pytestmark = pytest.mark.browser

TTL_SECONDS = 2
PROBE = Path(__file__).resolve().parents[1] / "probe"


def parsed_uploads(out: Path) -> int:
    return int(out.read_text()) if out.exists() else -1


def test_the_upload_of_a_visitor_who_left_is_freed(browser, tmp_path):
    # A small server survey keeps the page quick; any upload size shows the leak.
    server = write_survey(tmp_path, survey_lines(), "server.csv")
    first = survey_synth.write(tmp_path / "first.csv", 2_000)
    second = survey_synth.write(tmp_path / "second.csv", 2_001)
    out = tmp_path / "parsed-uploads"
    env = {
        schema.SURVEY_PATH_ENV: str(server),
        "MEMORY_PROBE_OUT": str(out),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(PROBE), os.environ.get("PYTHONPATH")])),
    }
    on_page: list[int] = []
    with serving(["--server.disconnectedSessionTTL", str(TTL_SECONDS)], env=env) as (base, _pid):

        def while_there() -> None:
            wait_until(lambda: parsed_uploads(out) == 1, timeout=5)
            on_page.append(parsed_uploads(out))

        upload_and_leave(browser, base, [first, second], on_page=while_there)
        # The second upload replaced the first: only it is left while the visitor is there.
        assert on_page == [1]
        # Before the fix: the bytes and the parsed survey held for good. Metrics are cached up to 5 s.
        freed = wait_until(lambda: uploads_held_mb(base) == 0 and parsed_uploads(out) == 0, TTL_SECONDS + 15)
        assert freed, (
            f"{uploads_held_mb(base):.2f} MB of uploads and {parsed_uploads(out)} parsed uploads "
            "still held after the visitor left"
        )
