"""Start the app on a free local port and wait for Streamlit to finish rendering, for browser tests."""

from __future__ import annotations

import contextlib
import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps dialling out on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_server(
    env: dict[str, str] | None = None, script: str = "serve.py", args: Sequence[str] = ()
) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run `streamlit run serve.py` (as `make run` does) on 127.0.0.1, with extra options `args`; yield
    its base URL and process, and stop it afterwards."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start: {proc.stderr.read().decode()[-2000:]}")
            time.sleep(0.3)
        yield base, proc
    finally:
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=10)
        if proc.poll() is None:
            proc.kill()


@contextlib.contextmanager
def running_app(env: dict[str, str] | None = None, script: str = "serve.py") -> Iterator[str]:
    """running_server's base URL: the app as `make run` starts it, for a browser test."""
    with running_server(env, script) as (base, _proc):
        yield base


IDLE = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return Boolean(app) && app.getAttribute('data-test-script-state') === 'notRunning'
        && !document.querySelector('[data-stale="true"]')
        && ![...document.querySelectorAll('[data-testid="stSkeleton"], [data-testid="stAppSkeleton"]')]
            .some(el => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })
        && Boolean(document.querySelector('[data-testid="stMain"] h1'))
        && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
            .every(chart => chart.querySelector('.main-svg'));
}"""


def wait_for_app(page, timeout_ms: int = 60_000) -> None:
    """Wait until Streamlit has finished running the script and the page itself is drawn.

    Drawn means: the page's own heading is there, no element on screen is a skeleton (Streamlit
    shows one while it fetches an element's lazy chunk, Plotly's among them, after the run has ended;
    one below the fold waits until it is scrolled to) and every chart has its SVG. Idle must hold
    twice, 400 ms apart: a page can rerun right after its first run (a deep link's first visit does).
    """
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    for _ in range(timeout_ms // 400):
        page.wait_for_function(IDLE, timeout=timeout_ms)
        page.wait_for_load_state("networkidle", timeout=timeout_ms)
        page.wait_for_timeout(400)
        if page.evaluate(IDLE):
            return
    raise TimeoutError("the app never settled")


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
