"""What only a browser shows: every page without console errors, the filter driven by a person, the URL,
deep links as a server's first visit, hostile link values."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest

from tests.browser_support import (
    chosen_regions,
    download_csv,
    first_chart,
    open_app,
    panel_titles,
    pick_only,
    pill_texts,
    pills,
    running_app,
    wait_for_app,
)

pytestmark = pytest.mark.browser


# Streamlit's frontend probes for its base path under the page URL first (/salaries/_stcore/...),
# gets a 404, then finds it at the root. That is the framework's start-up, not an app error.


@pytest.mark.parametrize("path", ["", "salaries", "skills", "aws_services"])
def test_every_page_renders_without_console_errors(page, base_url, path):
    open_app(page, f"{base_url}/{path}")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[role="dialog"]').count() == 0, "no 'page not found' on a deep link"
    assert page.locator("h1").first.inner_text()
    assert page.console_errors == []


def test_filter_chart_url_and_download_follow_the_region_picked_in_the_ui(page, base_url):
    open_app(page, f"{base_url}/salaries")
    assert len(panel_titles(page)) == 5

    pick_only(page, '[data-testid="stSidebar"]', "🇮🇳 India")
    assert chosen_regions(page) == ["🇮🇳 India"]
    assert panel_titles(page) == ["🇮🇳 India · INR"]
    assert page.url.endswith("/salaries?region=IN")
    bars = first_chart(page, "g.trace.bars text").locator("g.trace.bars text").all_text_contents()
    assert bars == ["₹10L–₹18L", "₹6L–₹10L"]

    name, rows = download_csv(page, "Download salary bands (CSV)")
    assert name == "ml-vs-ai-engineer_salary-bands_IN.csv"
    assert rows["country_code"].tolist() == ["IN", "IN"]
    assert sorted(zip(rows["role"], rows["salary_min"], rows["salary_max"], strict=True)) == [
        ("AI Engineer", 600_000, 1_000_000),
        ("ML Engineer", 1_000_000, 1_800_000),
    ]
    assert page.console_errors == []


def test_a_link_with_regions_restores_the_filter_on_every_page(page, base_url):
    open_app(page, f"{base_url}/salaries?region=GB&region=IN")
    assert chosen_regions(page) == ["🇬🇧 United Kingdom", "🇮🇳 India"]
    assert panel_titles(page) == ["🇬🇧 United Kingdom · GBP", "🇮🇳 India · INR"]

    sidebar_pills = pills(page, '[data-testid="stSidebar"]')
    sidebar_pills.locator("button").nth(
        pill_texts(sidebar_pills.locator("button")).index("🇬🇧 United Kingdom")
    ).click()
    wait_for_app(page)
    assert page.url.endswith("/salaries?region=IN")
    page.go_back()
    wait_for_app(page)
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .annotation-text').length >= 2")
    assert chosen_regions(page) == ["🇬🇧 United Kingdom", "🇮🇳 India"], "Back restores the earlier filter"
    assert panel_titles(page) == ["🇬🇧 United Kingdom · GBP", "🇮🇳 India · INR"]

    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Overview").click()
    wait_for_app(page)
    assert chosen_regions(page) == ["🇬🇧 United Kingdom", "🇮🇳 India"]
    assert "region=GB&region=IN" in page.url
    assert page.console_errors == []


def test_a_deep_link_as_a_servers_first_visit_gets_the_full_app(browser):
    """A pages/ folder starts Streamlit in its legacy mode; the first visitor must not notice.

    Legacy mode also draws a sidebar menu and the page's heading, but from file names and without
    the app's shared region filter: only the real shell has "Skills overlap" and the filter.
    """
    with running_app() as fresh:
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        tab = context.new_page()
        open_app(tab, f"{fresh}/salaries?region=IN")
        assert tab.locator('[role="dialog"]').count() == 0
        menu = tab.locator('[data-testid="stSidebarNav"]').get_by_role("link").all_inner_texts()
        assert [m.split("\n")[-1].strip() for m in menu] == [
            "Overview",
            "Salaries",
            "Survey",
            "Skills overlap",
            "AWS services",
            "Certifications & careers",
            "Which role fits you?",
        ]
        assert chosen_regions(tab) == ["🇮🇳 India"]
        assert panel_titles(tab) == ["🇮🇳 India · INR"]
        assert tab.url.endswith("/salaries?region=IN")
        context.close()


# Each short enough to be quoted whole; a long value is shortened (tests/test_pages.py).
HOSTILE_LINK_VALUES = [
    "[Sign in](http://evil.example/x)",
    "![x](http://evil.example/p.png)",
    ":red[**alarm**] $x^2$",
    "<img src=x onerror=alert(1)>",
]


def test_a_hostile_link_value_is_shown_as_text_and_fetches_nothing(browser, base_url):
    """Link values land in the app's own warning: they must stay text, not links, images or styles."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    outside: list[str] = []
    context.route(
        re.compile(r"^https?://(?!127\.0\.0\.1[:/]).*"),
        lambda route: (outside.append(route.request.url), route.abort()),
    )
    tab = context.new_page()
    tab.on("dialog", lambda d: (outside.append(f"dialog: {d.message}"), d.dismiss()))
    query = urlencode({"region": HOSTILE_LINK_VALUES}, doseq=True)
    open_app(tab, f"{base_url}/salaries?{query}")
    warning = tab.locator('[data-testid="stSidebar"] [data-testid="stAlert"]')
    shown = " ".join(warning.inner_text().replace("\u2060", "").split())
    for value in HOSTILE_LINK_VALUES:
        assert value in shown
    assert warning.locator("a, img, strong, span[class*=katex]").count() == 0
    assert outside == []
    context.close()
