"""Start the app on a free local port and wait for Streamlit to finish rendering, for browser tests."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

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
def running_app(env: dict[str, str] | None = None) -> Iterator[str]:
    """Run `streamlit run app.py` on 127.0.0.1 and yield its base URL; stop it afterwards."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
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
        yield base
    finally:
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=10)
        if proc.poll() is None:
            proc.kill()


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
