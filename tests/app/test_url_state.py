"""Filter values from a link: matched to the options ignoring case, unknown ones reported."""

from __future__ import annotations

from dashboard.app import url_state
from tests.conftest import shown


def test_values_from_url_match_case_insensitively_and_report_unknowns():
    options = ["US", "CA", "GB"]
    assert url_state.values_from_url(["gb", "US", "XX"], options) == (["US", "GB"], ["XX"])
    assert url_state.values_from_url([""], options) == ([], [])


def test_values_from_a_link_match_numbers_as_the_url_writes_them():
    assert url_state.values_from_url(["2024", "1999", "100"], [2023, 2024, 100]) == ([2024, 100], ["1999"])


def test_unknown_values_message_isolates_nothing_it_should_not():
    # A right-to-left override from a link is shown as a marker and cannot reverse the sentence after it.
    message = url_state.unknown_values_message("Regions", ["\u202eXX"], all_shown=True)
    assert shown(message).endswith("does not have: ⟨U+202E⟩XX. Showing all of them.")
