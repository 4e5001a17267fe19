"""A link serve.py marked as one Streamlit would drop unread gets a word why (issue 19)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from dashboard.core import routes
from tests.conftest import shown
from tests.pages_support import APP


def test_the_app_says_why_a_link_was_ignored():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params[routes.LINK_KEY] = routes.TOO_LONG
    at.run()
    (warning,) = [shown(w.value) for w in at.sidebar.warning]
    assert "more than 1,000 parameters" in warning and "Showing every region" in warning
    assert len(warning) < 400
    assert at.pills(key="region").value == ["US", "CA", "AU", "GB", "IN"]
    assert routes.LINK_KEY not in at.query_params  # a copied link is clean again


def test_a_plain_link_gets_no_such_warning():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params[routes.LINK_KEY] = "something-else"
    at.run()
    assert not at.sidebar.warning
