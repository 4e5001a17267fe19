"""Charts change in place: tag each chart node on a page, change a filter, and find the same nodes
showing the new data, with no chart torn down (issue 17): st.plotly_chart fails it, since a changed
figure is a new element there. `browser` and `base_url` are tests/conftest.py's session fixtures.
"""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser_support import pills, wait_for_app

pytestmark = pytest.mark.browser

CHARTS = '[data-testid="stPlotlyChart"]'
# Each chart node: our tag (an attribute and a JS property, which survive only on the same node),
# whether Plotly's own SVG is the tagged one, what it shows, and how many figures it has been sent.
SHOWN = """() => [...document.querySelectorAll('@CHARTS')].map(box => ({
  tag: box.dataset.inPlace ?? null, same: box.__inPlace === Number(box.dataset.inPlace),
  svg: box.querySelector('.main-svg')?.dataset.inPlace ?? null,
  figure: JSON.stringify((box.querySelector('.js-plotly-plot')?.data ?? [])
    .map(t => [t.x, t.y, t.base, t.text, t.z, t.locations])),
  drawnText: [...box.querySelectorAll('.main-svg text')].map(t => t.textContent).join('|'),
  label: box.getAttribute('aria-label'), drawn: box.dataset.drawn,
}))""".replace("@CHARTS", CHARTS)
TAG = """() => {
  window.__rebuilt = 0;  // Plotly.purge: a chart torn down (st.plotly_chart's unmount does it)
  const purge = window.Plotly.purge;
  window.Plotly.purge = (...a) => (window.__rebuilt++, purge(...a));
  document.querySelectorAll('@CHARTS').forEach((box, i) => {
    box.dataset.inPlace = String(i); box.__inPlace = i;
    box.querySelector('.main-svg').dataset.inPlace = String(i);
  });
}""".replace("@CHARTS", CHARTS)


def shown_after_toggling(page: Page, url: str, scope: str) -> tuple[list[dict], list[dict], int]:
    page.goto(url)
    wait_for_app(page)
    page.evaluate(TAG)
    before = page.evaluate(SHOWN)
    pills(page, scope).locator('button[aria-pressed="true"]').first.click()
    wait_for_app(page)
    with contextlib.suppress(PlaywrightTimeoutError):  # st.plotly_chart never gets here: the asserts say why
        page.wait_for_function(
            "n => [...document.querySelectorAll('@CHARTS')]"
            ".filter(b => Number(b.dataset.drawn) > 1).length >= n".replace("@CHARTS", CHARTS),
            arg=len(before),
            timeout=15_000,
        )  # each chart whose data changed has drawn its second figure in place
    return before, page.evaluate(SHOWN), page.evaluate("window.__rebuilt")


@pytest.mark.parametrize(
    ("path", "scope", "drawn"),
    [
        ("/salaries", '[data-testid="stSidebar"]', 2),  # bands, gaps (the map only on request)
        ("/survey", '[data-testid="stSidebar"]', 4),  # bands, difference, by level, by year
        ("/skills", '[data-testid="stMain"]', 1),
        ("/aws_services", '[data-testid="stMain"]', 1),
    ],
)
def test_a_filter_change_redraws_each_chart_in_its_own_node(browser, base_url, path, scope, drawn):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        before, after, rebuilt = shown_after_toggling(context.new_page(), base_url + path, scope)
    finally:
        context.close()
    assert len(before) == drawn, "the page drew its charts"
    tags = [str(i) for i in range(len(before))]
    assert [c["tag"] for c in after] == tags and all(c["same"] for c in after), "the same nodes"
    assert [c["svg"] for c in after] == tags, "Plotly kept its SVG: a diff, not a rebuild"
    assert rebuilt == 0
    for old, new in zip(before, after, strict=True):
        assert new["figure"] != old["figure"], "each node got the new figure"
        assert new["drawnText"] != old["drawnText"], "and draws it"
        assert new["label"] != old["label"], "the accessible name followed the data"
