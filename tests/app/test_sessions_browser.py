"""Several people on one server at once: each browser session sees only its own filters and unit.

Streamlit keeps widget state per session and dashboard.data caches parsed files (shared by all
sessions, keyed on file stamps). A cache keyed on the wrong thing, a module-level variable or a
query parameter read from the wrong session would show one person's regions or unit to another.
The sessions below run side by side on one server with their actions interleaved, and every check
reads what that person sees: the chart's text, the table and the downloaded file."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Browser, Page

from tests import browser_support
from tests.browser_support import wait_for_app

pytestmark = pytest.mark.browser


# Three sessions share one server and two cores: a first render can take a minute under load.
SLOW_MS = 240_000


COUNTRIES = {"US": "United States", "CA": "Canada", "AU": "Australia", "GB": "United Kingdom", "IN": "India"}


def _session(browser: Browser) -> Page:
    # A context per person: its own cookies, so its own Streamlit session.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(SLOW_MS)
    return page


def chart_text(page: Page) -> str:
    """Every piece of text the charts draw (titles, ticks, labels, hover-free)."""
    page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=SLOW_MS)
    return " | ".join(page.locator(".js-plotly-plot").first.locator("text").all_text_contents())


def table_text(page: Page) -> str:
    return page.locator('[data-testid="stTable"]').first.inner_text()


def download(page: Page, button: str) -> tuple[str, pd.DataFrame]:
    with page.expect_download() as caught:
        page.get_by_role("button", name=button).click()
    raw = Path(caught.value.path()).read_bytes()
    return caught.value.suggested_filename, pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")


def sees_only(page: Page, codes: set[str], unit: str) -> None:
    """The page's chart, table and download show exactly `codes`, in `unit` ('local' or 'usd')."""
    drawn, table = chart_text(page), table_text(page)
    for code, name in COUNTRIES.items():
        assert (name in drawn) == (code in codes), f"{name} in the chart: {drawn}"
        assert (name in table) == (code in codes), f"{name} in the table: {table}"
    name, rows = download(page, "Download salary bands (CSV)")
    assert set(rows["country_code"]) == codes, name
    if unit == "usd":
        assert name.endswith("_usd.csv") and set(rows["unit"]) == {"USD"}
        assert "US$" in page.locator('[data-testid="stMain"]').inner_text()
    else:
        assert not name.endswith(("_usd.csv", "_ppp.csv")) and "unit" not in rows.columns
    gaps_name, gaps = download(page, "Download gaps between roles (CSV)")
    assert set(gaps["country_code"]) == codes, gaps_name


def pick_only(page: Page, option: str) -> None:
    """Toggle the sidebar's region pills until only `option` is on, as a person would."""
    browser_support.pick_only(page, '[data-testid="stSidebar"]', option)


def test_concurrent_sessions_each_see_only_their_own_filters_and_unit(browser: Browser, base_url: str):
    people = {
        "india-local": (f"{base_url}/salaries?region=IN", {"IN"}, "local"),
        "gb-us-usd": (f"{base_url}/salaries?region=GB&region=US&unit=usd", {"GB", "US"}, "usd"),
        "everything": (f"{base_url}/salaries", set(COUNTRIES), "local"),
    }
    pages = {who: _session(browser) for who in people}
    try:
        # All sessions start before any is checked, so their first runs overlap on the server.
        for who, (url, _, _) in people.items():
            pages[who].goto(url, wait_until="commit")
        for who, (_, codes, unit) in people.items():
            wait_for_app(pages[who], SLOW_MS)
            sees_only(pages[who], codes, unit)

        # One person changes region in the UI, another the unit in the URL, while the third idles;
        # then everyone is checked again, the idle one first.
        pick_only(pages["india-local"], "🇬🇧 United Kingdom")
        pages["everything"].goto(f"{base_url}/salaries?unit=usd", wait_until="commit")
        sees_only(pages["gb-us-usd"], {"GB", "US"}, "usd")
        wait_for_app(pages["everything"], SLOW_MS)
        sees_only(pages["india-local"], {"GB"}, "local")
        sees_only(pages["everything"], set(COUNTRIES), "usd")

        # And back: the session that went to GB picks India again; an idle one is unchanged.
        pick_only(pages["india-local"], "🇮🇳 India")
        sees_only(pages["india-local"], {"IN"}, "local")
        sees_only(pages["gb-us-usd"], {"GB", "US"}, "usd")
    finally:
        for page in pages.values():
            page.context.close()
