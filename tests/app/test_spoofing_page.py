"""Bidi controls and zero-width marks in links and skill links, as the pages show them (issue 19).

The helpers' own cases are in tests/core/test_spoofing.py, an upload's name in
tests/survey/test_uploads_page.py.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.careers.test_fit_page import open_fit
from tests.conftest import shown
from tests.core.test_spoofing import RLO, SPOOFS, hidden
from tests.pages_support import APP


@pytest.mark.parametrize("case", list(SPOOFS))
def test_a_spoofed_region_in_a_link_is_shown_as_it_is(case):
    value, visible = SPOOFS[case]
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["region"] = [value]
    at.run()
    warning = at.sidebar.warning[0].value
    assert not hidden(warning), hidden(warning)
    assert f"does not have: {visible}. Showing all of them." in shown(warning)


def test_a_right_to_left_override_in_a_skill_link_cannot_reverse_the_warning():
    at = open_fit(["Python", RLO + "Showing"])
    (warning,) = [w.value for w in at.warning]
    assert not hidden(warning)
    assert "does not have: ⟨U+202E⟩Showing. The others are ticked." in shown(warning)


def test_a_ten_thousand_character_search_gets_a_short_caption():
    at = open_fit()
    at.text_input(key="skill-search").set_value("q" * 10_000).run()
    (caption,) = [c.value for c in at.caption if "No skill's name contains" in c.value]
    assert len(caption) < 300, len(caption)
    assert "(10,000 characters)" in shown(caption)
