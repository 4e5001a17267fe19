"""The Survey page in headless Chromium: a survey by path and by upload draws its bands, the skipped
rows download holds exactly the bad rows, and the console stays clean."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from dashboard.survey import schema
from tests import browser_support
from tests.browser_support import (
    download_csv,
    running_app,
    wait_for_app,
)
from tests.survey_support import (
    HEADER,
    line,
    survey_lines,
)

pytestmark = pytest.mark.browser


BAD_ROWS = [
    line("AI Engineer", -5, "US", salary=-5),
    line("ML Engineer", 120_000, "US", currency="ZZZ"),
    line("AI Engineer", 120_000, "QQ"),
]


def survey_text(lines: list[str]) -> str:
    return "\n".join([HEADER, *lines]) + "\n"


@pytest.fixture(scope="module")
def survey_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("survey") / "generated_survey.csv"
    path.write_text(survey_text(survey_lines() + BAD_ROWS), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def path_app(survey_file: Path) -> Iterator[str]:
    with running_app(env={schema.SURVEY_PATH_ENV: str(survey_file)}) as url:
        yield url


@pytest.fixture(scope="module")
def upload_app() -> Iterator[str]:
    with running_app(env={schema.SURVEY_PATH_ENV: ""}) as url:
        yield url


def bands(tab: Page) -> dict[str, list[str]]:
    """What the bands chart draws: its y labels, the n beside each cell, and its legend."""
    chart = tab.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').first
    chart.locator(".boxlayer path.box").first.wait_for()
    return {
        "cells": chart.locator(".yaxislayer-above .ytick text").all_text_contents(),
        "n": [t.strip() for t in chart.locator(".textpoint text").all_text_contents()],
        "legend": chart.locator(".legendtext").all_text_contents(),
        "boxes": [str(chart.locator(".boxlayer path.box").count())],
    }


def test_a_survey_by_path_draws_its_bands_with_the_articles_band(page, path_app):
    page.goto(f"{path_app}/survey?titles=related")
    wait_for_app(page)
    drawn = bands(page)
    assert "🇺🇸 United States · ML Engineer" in drawn["cells"]
    assert "🇬🇧 United Kingdom · ML Engineer" in drawn["cells"]
    assert "n = 41" in drawn["n"] and "n = 3 (thin)" in drawn["n"]
    assert "The article says" in drawn["legend"]
    assert "ML Engineer (thin, n < 30)" in drawn["legend"]
    assert int(drawn["boxes"][0]) == 3  # US ML, US AI, GB ML (thin) with the sidebar's five regions
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.console_errors == []


def test_the_skipped_rows_download_holds_exactly_the_bad_rows(page, path_app):
    page.goto(f"{path_app}/survey?titles=related")
    wait_for_app(page)
    name, rejects = download_csv(page, "Download the 3 skipped rows (CSV)")
    assert name == "ml-vs-ai-engineer_survey-skipped-rows.csv"
    first_bad = len(survey_lines()) + 1  # data rows count from 1 under the header
    assert rejects[["row", "reason", "job_title", "salary_currency", "company_location"]].values.tolist() == [
        [first_bad, "negative pay", "AI Engineer", "USD", "US"],
        [first_bad + 1, "unknown currency code", "ML Engineer", "ZZZ", "US"],
        [first_bad + 2, "unknown country code", "AI Engineer", "USD", "QQ"],
    ]
    assert rejects["salary"].tolist() == [-5, 120_000, 120_000]  # as written: numbers stay numbers
    assert page.console_errors == []


def test_an_upload_through_the_file_input_draws_the_bands(page, upload_app, tmp_path):
    page.goto(f"{upload_app}/survey?titles=related")
    wait_for_app(page)
    page.get_by_text("Use your own survey file").click()  # the uploader sits in a closed expander
    assert (
        "Upload a salary survey (CSV, up to 200 MB)"
        in page.locator("[data-testid='stFileUploader']").inner_text()
    )
    upload = tmp_path / "my survey.csv"
    upload.write_text(survey_text(survey_lines()), encoding="utf-8")
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(upload))
    page.get_by_text("Showing your upload").wait_for(timeout=60_000)  # the shipped survey's chart was there
    wait_for_app(page)
    drawn = bands(page)
    assert "🇺🇸 United States · ML Engineer" in drawn["cells"]
    assert "n = 41" in drawn["n"]
    assert "my survey.csv" in page.locator('[data-testid="stMain"]').inner_text()
    assert page.console_errors == []


def test_a_wrong_file_uploaded_gets_its_message_and_no_console_error(page, upload_app, tmp_path):
    page.goto(f"{upload_app}/survey?titles=related")
    wait_for_app(page)
    upload = tmp_path / "notes.csv"
    upload.write_text("name,amount\nx,1\n", encoding="utf-8")
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(upload))
    alert = page.locator('[data-testid="stAlertContentError"]')
    alert.wait_for(timeout=60_000)
    text = alert.inner_text().replace("\u2060", "")  # the word joiners that stop autolinking
    assert "missing columns: work_year, experience_level" in text
    assert "notes.csv cannot be used as it is" in text
    assert page.console_errors == []


def test_sessions_uploading_at_once_each_see_only_their_own_survey(browser, upload_app, tmp_path):
    """Two people upload different surveys at the same time: each sees its own rows, file name and
    filter changes. (The same bytes under two names, which share one cached survey, are checked in
    tests/test_survey_page.py with AppTest sessions.)"""
    us_team = survey_text(survey_lines())
    canada = survey_text([line("AI Engineer", v, "CA", salary=round(v * 1.35), currency="CAD")
                          for v in range(100_000, 135_000, 1_000)])  # fmt: skip
    people = {"ana": ("team-a.csv", us_team), "ben": ("team-b.csv", canada)}
    tabs = {}
    try:
        for who in people:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            tabs[who] = context.new_page()
            tabs[who].set_default_timeout(120_000)
            tabs[who].goto(f"{upload_app}/survey?titles=related", wait_until="commit")
        for who, (name, text) in people.items():
            wait_for_app(tabs[who], 120_000)
            (tmp_path / name).write_text(text, encoding="utf-8")
            tabs[who].locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
                str(tmp_path / name)
            )

        def sees(who: str, cells: set[str], n: str) -> None:
            tab = tabs[who]
            tab.get_by_text("Showing your upload").wait_for()
            wait_for_app(tab, 120_000)
            drawn = bands(tab)
            assert set(drawn["cells"]) == cells, (who, drawn)
            assert n in drawn["n"], (who, drawn)
            text = tab.locator('[data-testid="stMain"]').inner_text()
            assert people[who][0] in text, who
            assert not [other for other, _ in people.values() if other != people[who][0] and other in text], (
                who
            )

        us_cells = {
            "🇺🇸 United States · ML Engineer",
            "🇺🇸 United States · AI Engineer",
            "🇬🇧 United Kingdom · ML Engineer",
        }
        sees("ana", us_cells, "n = 41")
        sees("ben", {"🇨🇦 Canada · AI Engineer"}, "n = 35")

        # Ana narrows her regions to the United Kingdom; Ben's page is unchanged.
        browser_support.pick_only(tabs["ana"], '[data-testid="stSidebar"]', "🇬🇧 United Kingdom")
        sees("ana", {"🇬🇧 United Kingdom · ML Engineer"}, "n = 3 (thin)")
        sees("ben", {"🇨🇦 Canada · AI Engineer"}, "n = 35")
    finally:
        for tab in tabs.values():
            tab.context.close()
