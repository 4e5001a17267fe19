"""Keyboard alone: reach the region filter, change it, and download what the page then shows."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Page

from tests.browser_support import wait_for_app

pytestmark = pytest.mark.browser


MAX_TABS = 80  # every page has fewer tab stops than this (the Salaries page about 35)


@pytest.fixture
def page(browser, base_url) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    tab = context.new_page()
    tab.goto(f"{base_url}/salaries")
    wait_for_app(tab)
    yield tab
    context.close()


def focused(page: Page) -> dict:
    return page.evaluate(
        """() => { const el = document.activeElement;
            return { text: (el.innerText || el.getAttribute('aria-label') || '').trim(),
                     inSidebarPills: Boolean(
                         el.closest('[data-testid="stSidebar"] [data-testid="stButtonGroup"]')),
                     pressed: el.getAttribute('aria-pressed') }; }"""
    )


def tab_until(page: Page, wanted) -> dict:
    """Press Tab until the focused element satisfies `wanted`; fail after MAX_TABS presses."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        state = focused(page)
        if wanted(state):
            return state
    raise AssertionError(f"{MAX_TABS} presses of Tab never reached it; last focus: {focused(page)}")


def test_tab_to_the_region_filter_change_it_and_download_without_the_mouse(page):
    state = tab_until(page, lambda s: s["inSidebarPills"] and s["pressed"] is not None)
    assert state["pressed"] == "true"
    assert "United States" in state["text"]
    page.keyboard.press("Enter")  # toggles the focused pill: the United States off
    wait_for_app(page)
    assert "region=CA&region=AU&region=GB&region=IN" in page.url

    tab_until(page, lambda s: s["text"].endswith("Download salary bands (CSV)"))
    with page.expect_download() as caught:
        page.keyboard.press("Enter")
    raw = Path(caught.value.path()).read_bytes()
    rows = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    assert sorted(set(rows["country_code"])) == ["AU", "CA", "GB", "IN"]
    assert len(rows) == 8
