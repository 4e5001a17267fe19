"""Filter values from a link: matched to the options ignoring case, unknown ones reported."""

from __future__ import annotations

from dashboard.app import filters


def test_values_from_url_match_case_insensitively_and_report_unknowns():
    options = ["US", "CA", "GB"]
    assert filters.values_from_url(["gb", "US", "XX"], options) == (["US", "GB"], ["XX"])
    assert filters.values_from_url([""], options) == ([], [])
