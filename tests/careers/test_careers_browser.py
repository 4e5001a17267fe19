"""The careers and fit pages in Chromium: skills ticked by a person, the profile in the link, the
learning plan as downloaded, and a clean console at desktop and phone width."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page

from tests.browser_support import download_csv, metric, open_app, wait_for_app

pytestmark = pytest.mark.browser


PROFILE = ["Amazon SageMaker", "Python"]


ML_METRIC, AI_METRIC = "Coverage of the ML Engineer's skills", "Coverage of the AI Engineer's skills"


def picker(tab: Page):
    return tab.locator(".st-key-skill-picker")


def ticked(tab: Page) -> list[str]:
    """The pills shown as pressed, in every category, open or closed."""
    return picker(tab).locator('button[aria-pressed="true"]').evaluate_all("bs => bs.map(b => b.textContent)")


def tick(tab: Page, name: str) -> None:
    picker(tab).get_by_role("button", name=name, exact=True).click()
    tab.wait_for_function(
        "name => [...document.querySelectorAll('.st-key-skill-picker button[aria-pressed=\"true\"]')]"
        ".some(b => b.textContent === name)",
        arg=name,
    )
    wait_for_app(tab)


def search(tab: Page, text: str) -> None:
    box = picker(tab).get_by_role("searchbox", name="Search skills")
    box.fill(text)
    box.press("Enter")
    wait_for_app(tab)


def skills_in_url(tab: Page) -> list[str]:
    return parse_qs(urlsplit(tab.url).query).get("skill", [])


def missing_shown(tab: Page) -> list[tuple[str, str]]:
    """(role, skill) from each role's 'Still to learn' list: one item per category, 'category (n): a, b'."""
    pairs = []
    for column in tab.locator('[data-testid="stColumn"]').filter(has=tab.locator("h4")).all():
        role = column.locator("h4").inner_text().strip()
        for item in column.locator("li").all_inner_texts():
            category, count, names = re.fullmatch(r"(.+) \((\d+)\): (.+)", item.strip()).groups()
            listed = names.split(", ")
            assert len(listed) == int(count), f"{category}: the count and the list disagree"
            pairs += [(role, name) for name in listed]
    return pairs


# Careers at desktop and phone width, fit with a profile on a phone (the empty fit page at desktop
# width is the ticking test's start).
@pytest.mark.parametrize(
    ("path", "width", "height"),
    [("careers", 1440, 900), ("careers", 390, 844), ("fit?skill=Python&skill=Amazon%20SageMaker", 390, 844)],
)  # fmt: skip
def test_career_pages_render_without_console_errors(page, base_url, path, width, height):
    page.set_viewport_size({"width": width, "height": height})
    open_app(page, f"{base_url}/{path}")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[role="dialog"]').count() == 0
    assert page.locator("h1").first.inner_text() in {"Certifications and careers", "Which role fits you?"}
    # A chart below the fold stays a placeholder until scrolled to: walk down the page first.
    for _ in range(6):
        page.mouse.wheel(0, 1400)
        page.wait_for_timeout(150)
    expected = 0 if path == "fit" else 1
    if expected:
        page.wait_for_function(
            f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {expected}", timeout=60_000
        )
    assert page.locator('[data-testid="stPlotlyChart"]').count() == expected
    assert page.console_errors == []


def test_ticking_skills_changes_the_coverage_and_the_link_which_restores_it_elsewhere(
    page,
    base_url,
    browser,
):
    open_app(page, f"{base_url}/fit")
    assert "Tick the skills you already have" in page.locator('[data-testid="stAlert"]').inner_text()

    search(page, "sagemaker")
    tick(page, "Amazon SageMaker")
    # 1 of the ML Engineer's 64 skills, 1 of the AI Engineer's 57.
    assert (metric(page, ML_METRIC), metric(page, AI_METRIC)) == ("2%", "2%")
    assert skills_in_url(page) == ["Amazon SageMaker"]

    search(page, "")
    picker(page).get_by_text("software engineering (8)").click()
    tick(page, "Python")
    # Python is named only for the AI Engineer: 2 of 57 is 4 %; the ML Engineer stays at 1 of 64.
    assert (metric(page, ML_METRIC), metric(page, AI_METRIC)) == ("2%", "4%")
    assert skills_in_url(page) == PROFILE
    bars = page.locator(".js-plotly-plot").first.locator("g.trace.bars text").all_text_contents()
    assert bars == ["2% · 1 of 64", "4% · 2 of 57"]
    assert page.console_errors == []

    # The link alone, in a browser that has never seen this session, brings the profile back.
    elsewhere = browser.new_context(viewport={"width": 390, "height": 844})
    tab = elsewhere.new_page()
    open_app(tab, page.url)
    assert sorted(ticked(tab)) == PROFILE
    assert (metric(tab, ML_METRIC), metric(tab, AI_METRIC)) == ("2%", "4%")
    assert skills_in_url(tab) == PROFILE
    elsewhere.close()


def test_the_learning_plan_download_equals_the_missing_skills_shown(page, base_url):
    open_app(page, f"{base_url}/fit?skill=Python&skill=Amazon%20SageMaker&skill=Model%20deployment")
    assert sorted(ticked(page)) == ["Amazon SageMaker", "Model deployment", "Python"]
    shown = missing_shown(page)
    name, plan = download_csv(page, "Download learning plan (CSV)")
    assert name == "ml-vs-ai-engineer_learning-plan.csv"
    assert list(zip(plan["role"], plan["skill"], strict=True)) == shown
    assert len(plan) == (64 - 2) + (57 - 3)
    assert {"Python", "Amazon SageMaker", "Model deployment"}.isdisjoint(plan["skill"])
    assert plan["wording"].ne("").all() and plan["sections"].ne("").all()
    assert page.console_errors == []


def test_a_link_with_an_unknown_skill_names_it_and_keeps_the_others(page, base_url):
    open_app(page, f"{base_url}/fit?skill=Python&skill=Cobol")
    alerts = page.locator('[data-testid="stMain"] [data-testid="stAlert"]')
    assert alerts.count() == 1
    assert "does not have: Cobol. The others are ticked." in alerts.inner_text().replace("\u2060", "")
    assert ticked(page) == ["Python"]
    assert skills_in_url(page) == ["Python"]
