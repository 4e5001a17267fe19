"""Two replicas behind HAProxy (deploy/haproxy.cfg.template): sessions stick to a replica, and
killing one replica leaves the other's sessions working while its own reconnect and redraw."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.browser_support import wait_for_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        shutil.which("haproxy") is None,
        reason="haproxy is not installed (apt-get install -y haproxy); the replica test needs it",
    ),
]


SLOW_MS = 240_000


_spec = importlib.util.spec_from_file_location(
    "load_benchmark", Path(__file__).resolve().parents[2] / "benchmarks" / "load.py"
)


load = importlib.util.module_from_spec(_spec)


sys.modules[_spec.name] = load  # dataclasses look their module up while the file runs


_spec.loader.exec_module(load)


@pytest.fixture
def cluster() -> Iterator[load.Cluster]:
    running = load.Cluster(2, via_haproxy=True)
    try:
        running.start()
        yield running
    finally:
        running.stop()


def replica(context: BrowserContext) -> str:
    return next(c["value"] for c in context.cookies() if c["name"] == load.STICKY_COOKIE)


def panel_titles(page: Page) -> list[str]:
    chart = page.locator(".js-plotly-plot").first
    chart.locator(".annotation-text").first.wait_for(timeout=SLOW_MS)
    return chart.locator(".annotation-text").all_text_contents()


def test_killing_a_replica_loses_only_its_sessions_which_reconnect_and_redraw(cluster, browser):
    contexts: list[BrowserContext] = []
    # The session's Chromium (tests/conftest.py): one Playwright per test process.
    try:
        pages: dict[str, Page] = {}
        for who, query in (("india", "region=IN"), ("britain", "region=GB")):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            contexts.append(context)
            page = context.new_page()
            page.set_default_timeout(SLOW_MS)
            page.goto(f"{cluster.base}/salaries?{query}")
            wait_for_app(page, SLOW_MS)
            pages[who] = page
        india, britain = pages["india"], pages["britain"]
        # leastconn sends the second browser to the replica without a websocket open.
        assert replica(india.context) != replica(britain.context)
        assert panel_titles(india) == ["🇮🇳 India · INR"]
        assert panel_titles(britain) == ["🇬🇧 United Kingdom · GBP"]

        survivor = replica(britain.context)
        victim = int(replica(india.context).removeprefix("app")) - 1
        cluster.kill(victim)

        # The other session keeps working on its replica: a navigation reruns there.
        britain.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Overview").click()
        wait_for_app(britain, SLOW_MS)
        assert britain.locator("h1").first.inner_text() == "ML Engineer vs AI Engineer"
        assert replica(britain.context) == survivor

        # The lost session reconnects by itself (HAProxy redispatches its dead cookie) and
        # redraws its page, filter included (it lives in the URL), without a reload.
        india.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Salaries").click()
        wait_for_app(india, SLOW_MS)
        assert panel_titles(india) == ["🇮🇳 India · INR"]
        # Only one replica is alive, so the redraw came from it. (HAProxy need not re-issue the
        # cookie: a websocket-only rerun gets no HTTP response to carry it.)
        assert cluster.apps[victim].poll() is not None
        assert [p.poll() for p in cluster.apps].count(None) == 1
    finally:
        for context in contexts:
            context.close()
