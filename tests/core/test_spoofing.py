"""Outside text that would reorder or hide the app's own words: bidi controls, zero-width marks (issue 19).

Every Unicode format character (category Cf: bidi overrides, embeddings and isolates, zero-width
spaces and joiners, the byte-order mark…) from a link, a file or an upload is shown as a visible
marker such as ⟨U+202E⟩, so it can neither reverse the sentence around it nor make "U​S" read as
"US". The app's own word joiners (U+2060, inserted to stop autolinks) stay invisible.
tests/app/test_spoofing_page.py follows the same characters through the pages.
"""

from __future__ import annotations

import json
import unicodedata

import pytest

from dashboard.core import chart_style, text
from tests.conftest import shown

RLO = "\u202e"
SPOOFS = {
    "right-to-left override": ("\u202eXX", "⟨U+202E⟩XX"),
    "left-to-right isolate": ("\u2066XX\u2069", "⟨U+2066⟩XX⟨U+2069⟩"),
    "zero-width space": ("U\u200bS", "U⟨U+200B⟩S"),
    "byte-order mark": ("\ufeffUS", "⟨U+FEFF⟩US"),
    "word joiner from outside": ("U\u2060S", "U⟨U+2060⟩S"),
}


def hidden(message: str) -> list[str]:
    """Format characters left in what a reader sees (the app's own word joiners are taken out)."""
    return [f"U+{ord(c):04X}" for c in shown(message) if unicodedata.category(c) == "Cf"]


@pytest.mark.parametrize("case", list(SPOOFS))
def test_text_helpers_show_format_characters_visibly(case):
    value, visible = SPOOFS[case]
    for made in (text.shorten(value), text.summarize([value]), shown(text.literal(value))):
        assert visible in made
    assert not hidden(text.escape_markdown(value))
    assert visible in chart_style.plot_text(value)


def test_the_apps_own_word_joiners_still_stop_autolinks():
    assert text.escape_markdown("see http://x.example") == "see http\u2060\\:\\/\\/x\\.example"


def test_a_long_text_is_cut_by_the_characters_it_had_and_shown_with_its_markers():
    cut = text.shorten(RLO * 200, 20)
    assert cut.endswith("… (200 characters)") and RLO not in cut


def test_a_spoofed_title_in_a_chart_label_is_shown_as_it_is():
    figure_text = json.dumps(chart_style.plot_text(f"<b>{RLO}AI</b>"))
    assert "\\u202e" not in figure_text.lower() and "⟨U+202E⟩" in json.loads(figure_text)
