"""Smoke run of the capacity benchmark (benchmarks/capacity.py): a few simulated users for a few
seconds against a server started here, read back from its JSON. The real runs are a benchmark.

Locust patches the standard library for gevent when imported, so the benchmark runs in a process of
its own and is never imported here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.browser_support import ROOT, running_app

USERS, SECONDS = 3, 8


def test_a_few_simulated_users_use_every_page_without_an_error(tmp_path: Path):
    out = tmp_path / "capacity.json"
    with running_app() as base:
        run = subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "capacity.py"), "--url", base,
             "--users", str(USERS), "--duration", str(SECONDS), "--think", "0.3", "--timeout", "20",
             "--settle", "0", "--json", str(out)],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(out.read_text())
    assert result["users"] == USERS
    assert result["errors"] == 0, result["error_samples"]
    assert result["actions"] >= 3 * USERS
    # The page list comes from the server's navigation message: the dashboard's seven pages.
    assert len(result["pages_in_app"]) == 7
    assert result["pages_visited"] == sorted(result["pages_in_app"])
    assert all(page["actions"] > 0 and page["errors"] == 0 for page in result["pages"].values())
    # Each page was switched to and its filter changed, and the sidebar's filters were used. A person's
    # first page ("open") falls in the warm-up unless a tour ends in the window, which a busy machine
    # (the other test worker) can delay past 8 s: every user's session was opened, though.
    kinds = {name.split(" ", 1)[1] for name in result["by_action"]}
    assert {"switch", "filter:region", "filter:unit", "filter:category", "filter:family"} <= kinds
    assert result["sessions_opened"] >= USERS
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["p99_ms"] < 20_000
    assert result["actions_per_s"] > 0
    server = result["server"]
    assert server["cpu_s"] > 0 and server["cpu_ms_per_action"] > 0
    assert server["peak_rss_bytes"] > 50 * 2**20
