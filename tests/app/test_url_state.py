"""Filter values from a link: matched to the options ignoring case, unknown ones reported."""

from __future__ import annotations

from dashboard.app import url_state


def test_values_from_url_match_case_insensitively_and_report_unknowns():
    options = ["US", "CA", "GB"]
    assert url_state.values_from_url(["gb", "US", "XX"], options) == (["US", "GB"], ["XX"])
    assert url_state.values_from_url([""], options) == ([], [])


def test_values_from_a_link_match_numbers_as_the_url_writes_them():
    assert url_state.values_from_url(["2024", "1999", "100"], [2023, 2024, 100]) == ([2024, 100], ["1999"])
