"""The chosen multiselect options as the browser draws them, in both themes: widgets.css reaches them
(Streamlit 1.67's chips are span[data-tag], white on primaryColor unless the CSS says otherwise)."""

from __future__ import annotations

import re

import pytest

from tests.browser_support import wait_for_app
from tests.core.test_contrast import AA_NORMAL, contrast

pytestmark = pytest.mark.browser

CHIP = """() => [...document.querySelectorAll('[data-testid="stMultiSelectTagsContainer"] [data-tag]')]
  .map(t => [getComputedStyle(t).backgroundColor, getComputedStyle(t).color])"""


def hex_of(rgb: str) -> str:
    return "#" + "".join(f"{int(c):02X}" for c in re.findall(r"\d+", rgb)[:3])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_survey_countries_chips_read_in_both_themes(browser, base_url, scheme):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(base_url + "/survey")
        wait_for_app(page)
        chips = page.evaluate(CHIP)
    finally:
        context.close()
    assert len(chips) >= 5, "the countries (preset from the five regions) and the other filters have chips"
    for background, text in chips:
        assert contrast(hex_of(text), hex_of(background)) >= AA_NORMAL, (scheme, background, text)
