"""What only a browser shows: the filter driven by a person, the URL, the downloaded file, the console."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser_support import running_app, wait_for_app

pytestmark = pytest.mark.browser

# Streamlit's frontend probes for its base path under the page URL first (/salaries/_stcore/...),
# gets a 404, then finds it at the root. That is the framework's start-up, not an app error.
BASE_PATH_PROBE = re.compile(r"/[\w-]+/_stcore/(health|host-config)$")


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    tab = context.new_page()
    tab.console_errors = []  # type: ignore[attr-defined]

    def record(msg) -> None:
        if msg.type == "error" and not BASE_PATH_PROBE.search(msg.location.get("url", "")):
            tab.console_errors.append(f"{msg.text} ({msg.location.get('url')})")

    tab.on("console", record)
    tab.on("pageerror", lambda err: tab.console_errors.append(f"page error: {err}"))
    yield tab
    context.close()


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)


def pills(page: Page, scope: str):
    """The first group of filter pills inside `scope` (the sidebar's is the region filter)."""
    return page.locator(f'{scope} [data-testid="stButtonGroup"]').first


def pill_texts(buttons) -> list[str]:
    """Pill labels as read: a leading emoji is drawn as the pill's icon, apart from its text."""
    return [" ".join(t.split()) for t in buttons.all_inner_texts()]


def chosen_regions(page: Page) -> list[str]:
    return pill_texts(pills(page, '[data-testid="stSidebar"]').locator('button[aria-pressed="true"]'))


def first_chart(page: Page, drawn: str):
    """The first Plotly chart, once `drawn` (a selector inside it) is on screen.

    A chart is a lazy-loaded chunk that can appear after Streamlit reports the run finished.
    """
    chart = page.locator(".js-plotly-plot").first
    chart.locator(drawn).first.wait_for()
    return chart


def panel_titles(page: Page) -> list[str]:
    """The subplot titles of the salary-band chart, one per region drawn."""
    return first_chart(page, ".annotation-text").locator(".annotation-text").all_text_contents()


def pick_only(page: Page, scope: str, option: str) -> None:
    """Toggle off every chosen pill but `option`, then make sure it is on, as a person would."""
    group = pills(page, scope)
    while True:
        chosen = group.locator('button[aria-pressed="true"]')
        others = [i for i, text in enumerate(pill_texts(chosen)) if text != option]
        if not others:
            break
        chosen.nth(others[0]).click()
        wait_for_app(page)
    target = group.locator("button").nth(pill_texts(group.locator("button")).index(option))
    if target.get_attribute("aria-pressed") != "true":
        target.click()
        wait_for_app(page)


def download_csv(page: Page, button: str) -> tuple[str, pd.DataFrame]:
    with page.expect_download() as caught:
        page.get_by_role("button", name=button).click()
    download = caught.value
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 byte-order mark"
    return download.suggested_filename, pd.read_csv(
        io.BytesIO(raw), encoding="utf-8-sig", keep_default_na=False
    )


def venn_counts(page: Page) -> list[int]:
    texts = first_chart(page, ".textpoint text").locator(".textpoint text").all_text_contents()
    return [int(t) for t in texts if t.isdigit()]


def metric(page: Page, label: str) -> str:
    card = page.locator('[data-testid="stMetric"]').filter(has_text=label)
    return card.locator('[data-testid="stMetricValue"]').inner_text()


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
    assert bars == ["₹10–18 LPA", "₹6–10 LPA"]

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


def test_skills_category_filter_redraws_the_venn_and_the_download(page, base_url):
    open_app(page, f"{base_url}/skills")
    assert venn_counts(page) == [42, 21, 36]
    assert metric(page, "Shared skills") == "21"

    pick_only(page, '[data-testid="stMain"]', "AWS service")
    assert "category=AWS+service" in page.url
    assert venn_counts(page) == [9, 7, 12]
    assert metric(page, "Shared skills") == "7"
    assert metric(page, "Jaccard similarity") == "0.25"

    name, rows = download_csv(page, "Download skills (CSV)")
    assert name == "ml-vs-ai-engineer_skills_AWS-service.csv"
    assert set(rows["category"]) == {"AWS service"}
    assert rows["overlap"].value_counts().to_dict() == {"AI only": 12, "ML only": 9, "both": 7}
    assert "Amazon Comprehend" in set(rows.loc[rows["overlap"] == "AI only", "skill"])

    # Only the open tab's table is built: clicking another tab reruns and draws its rows.
    main = page.locator('[data-testid="stMain"]')
    main.get_by_role("tab", name="AI only").click()
    main.get_by_text("12 skills.", exact=True).wait_for()
    table = main.locator('[data-testid="stTable"]')
    expect(table).to_have_count(1)
    expect(table).to_contain_text("Amazon Comprehend")
    expect(table).not_to_contain_text("ML Engineer: the article's words")
    assert page.console_errors == []


def chart_rows(page: Page) -> list[str]:
    """The service rows of the chart as drawn, top to bottom; family headers (in capitals) dropped."""
    ticks = first_chart(page, ".ytick text").locator(".ytick text")
    drawn = ticks.evaluate_all(
        """ns => ns.map(n => {
            const lines = [...n.querySelectorAll('tspan.line')].map(t => t.textContent);
            return [lines.length ? lines.join(' ') : n.textContent, n.getBoundingClientRect().top];
        })"""
    )
    labels = [label for label, _ in sorted(drawn, key=lambda pair: pair[1])]
    return [label for label in labels if label != label.upper()]


def test_aws_services_download_matches_the_chart_shown(page, base_url):
    open_app(page, f"{base_url}/aws_services?family=storage&family=compute")
    assert metric(page, "Used by both") == "2"
    name, rows = download_csv(page, "Download AWS services (CSV)")
    assert name == "ml-vs-ai-engineer_aws-services_storage-compute.csv"
    assert rows["service"].tolist() == chart_rows(page)
    assert len(rows) == 5
    assert rows.set_index("service").at["Amazon S3", "used_by"] == "both"
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
