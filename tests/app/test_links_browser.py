"""Links a hostile or broken page sends, in Chromium against the app as `make run` starts it (serve.py,
with dashboard.core.routes.LinkGuard): nested paths and a link of 2,000 parameters (issue 19)."""

from __future__ import annotations

import pytest

from tests.browser_support import wait_for_app

pytestmark = pytest.mark.browser

NESTED = ["/salaries/extra", "/pages/salaries.py", "/salaries/../../etc/passwd"]


@pytest.mark.parametrize("path", NESTED)
def test_a_nested_path_lands_on_page_not_found_with_the_menu(page, base_url, path):
    page.goto(base_url + path)
    wait_for_app(page)
    assert "Page not found" in page.locator('[role="dialog"]').inner_text()
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "Salaries" in nav and "Which role fits you?" in nav


def test_a_link_with_two_thousand_parameters_gets_a_word_why(page, base_url):
    page.goto(base_url + "/salaries?" + "&".join(["region=IN"] * 2000))
    wait_for_app(page)
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert "more than 1,000 parameters" in sidebar
    assert page.locator("h1").first.inner_text() == "Salary bands by region"
    assert "link=" not in page.url  # the marker leaves the URL
