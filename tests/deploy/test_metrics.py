"""HAProxy (deploy/haproxy.cfg.template) refuses /_stcore/metrics and passes the rest (issue 19).

Streamlit serves its metrics to anyone: internal function names, the bytes of uploads held, the
session counts. The replica itself still answers them on loopback, for scraping.
"""

from __future__ import annotations

import http.client
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from dashboard.core import routes
from tests.browser_support import _free_port

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("haproxy") is None, reason="haproxy is not installed"),
]

TEMPLATE = Path(__file__).resolve().parents[2] / "deploy" / "haproxy.cfg.template"


def _status(base: str, path: str) -> tuple[int, str]:
    """One GET through http.client (no redirect followed): the status and any Location."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        resp.read()
        return resp.status, resp.getheader("Location") or ""
    finally:
        conn.close()


def test_haproxy_refuses_the_metrics_endpoint_and_passes_the_rest(base_url):
    listen = _free_port()
    config = (
        TEMPLATE.read_text()
        .replace("{listen}", f"127.0.0.1:{listen}")
        .replace("{servers}", f"    server app1 {urlsplit(base_url).netloc} check cookie app1")
    )
    with tempfile.NamedTemporaryFile("w", suffix=".cfg") as handle:
        handle.write(config)
        handle.flush()
        proxy = subprocess.Popen(["haproxy", "-db", "-f", handle.name], stdout=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{listen}"
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                try:
                    if _status(base, "/_stcore/health")[0] == 200:
                        break
                except OSError:
                    pass
                time.sleep(0.3)
            assert _status(base_url, "/_stcore/metrics")[0] == 200  # the replica itself still has it
            assert _status(base, "/_stcore/metrics")[0] == 403
            assert _status(base, "/_stcore/metrics?families=session_events")[0] == 403
            assert _status(base, "/_stcore/health")[0] == 200
            assert _status(base, "/salaries")[0] == 200
            assert _status(base, "/salaries/extra") == (302, routes.NOT_FOUND_PATH)
        finally:
            proxy.terminate()
            proxy.wait(timeout=10)
