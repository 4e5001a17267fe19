"""Which requests serve.py's link guard redirects: nested page paths, and query strings Streamlit drops."""

from __future__ import annotations

import pytest

from dashboard.core import routes


@pytest.mark.parametrize(
    ("path", "nested"),
    [("/salaries/extra", True), ("/pages/salaries.py", True), ("/etc/passwd", True), ("/a/b/c", True),
     ("/", False), ("/salaries", False), ("/unknown", False), ("/_stcore/health", False),
     ("/salaries/_stcore/health", False), ("/static/js/index.js", False), ("/media/x.png", False),
     ("/app/static/logo.png", False), ("/component/x/index.html", False),
     ("/_stcore/upload_file/a/b", False)],
)  # fmt: skip
def test_only_nested_page_paths_are_redirected(path, nested):
    assert routes.is_nested_page_path(path) is nested
    assert (routes.redirect_for(path, "") == routes.NOT_FOUND_PATH) is nested


def test_a_query_string_streamlit_would_drop_is_redirected_with_a_marker():
    assert routes.redirect_for("/", "&".join(["region=US"] * 2000)) == "/?link=too-long"
    assert routes.redirect_for("/salaries", "&".join(["region=US"] * 1000)) is None  # Streamlit reads it
    assert routes.redirect_for("/skills", "q=" + "x" * 600_000) == "/skills?link=too-long"
    assert routes.redirect_for("/_stcore/health", "&".join(["a=1"] * 2000)) is None


def test_the_limits_are_streamlits_own():
    from streamlit.runtime.state import query_params

    assert routes.MAX_QUERY_FIELDS == query_params.CLIENT_STATE_QUERY_STRING_MAX_FIELDS
    assert routes.MAX_QUERY_CHARS == query_params.CLIENT_STATE_QUERY_STRING_MAX_LENGTH
