"""The money switch and the map in a real browser: a link restores the unit, the map draws offline."""

from __future__ import annotations

import re

import pytest

from tests.browser_support import (
    download_csv,
    wait_for_app,
)

pytestmark = pytest.mark.browser


GBP_PER_INTL = 0.677133


def test_a_link_with_ppp_restores_the_unit_and_the_map_draws_with_nothing_from_outside(browser, base_url):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    outside: list[str] = []
    context.route(
        re.compile(r"^(?!(https?://127\.0\.0\.1[:/]|data:|blob:)).*"),
        lambda route: (outside.append(route.request.url), route.abort()),
    )
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console", lambda m: errors.append(m.text) if m.type == "error" and "_stcore" not in m.text else None
    )
    page.goto(f"{base_url}/salaries?unit=ppp&region=GB&region=IN")
    wait_for_app(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.get_by_role("radio", name="International $ (PPP)").is_checked()
    axis_title = page.locator(".js-plotly-plot").first.locator(".g-xtitle").text_content()
    assert axis_title == "International $ (PPP)"

    # The map: a coloured country shape per chosen region, over outlines the app itself served.
    # The map is built only once its expander is opened (a rerun); then it draws from the app's outline.
    opener = page.locator(".st-key-salary-map-open summary")
    opener.scroll_into_view_if_needed()
    opener.click()
    the_map = page.locator(".st-key-salary-map")
    the_map.wait_for(timeout=30_000)
    the_map.scroll_into_view_if_needed()  # Streamlit draws a chart below the fold only once shown
    the_map.locator(".choroplethlocation").first.wait_for()
    assert the_map.locator(".choroplethlocation").count() == 2
    assert the_map.locator(".geo .countries path, .geo .land path").count() > 0
    assert outside == [], f"requests left the app: {outside[:3]}"
    assert [e for e in errors if "topojson" in e.lower()] == []

    name, rows = download_csv(page, "Download salary bands (CSV)")
    assert name == "ml-vs-ai-engineer_salary-bands_GB-IN_ppp.csv"
    gb_ml = rows[(rows["country_code"] == "GB") & (rows["role"] == "ML Engineer")].iloc[0]
    assert gb_ml["min_in_unit"] == round(35_000 / GBP_PER_INTL, 2)
    assert (gb_ml["rate_local_per_unit"], gb_ml["rate_indicator"], gb_ml["rate_year"]) == (
        GBP_PER_INTL,
        "PA.NUS.PPP",
        2025,
    )
    context.close()


def test_choosing_us_dollars_in_the_sidebar_writes_the_link(browser, base_url):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(f"{base_url}/salaries")
    wait_for_app(page)
    page.locator('[data-testid="stSidebar"]').get_by_text("US$ (market rate)").click()
    wait_for_app(page)
    assert page.url.endswith("/salaries?unit=usd")
    ticks = page.locator(".js-plotly-plot").first.locator(".xtick text").all_text_contents()
    assert ticks[0] == "$0" and ticks[-1] == "$250k"
    context.close()
