"""The server's memory across visitors who upload a survey and leave, with and without the cleanup.

    python benchmarks/upload_memory.py                   # 4 rounds of a 150 MB upload
    python benchmarks/upload_memory.py --rows 600000 --rounds 6 --ttl 5

Each round is one visitor in a fresh headless Chromium context: it opens the Survey page (the
shipped survey), opens the uploader's expander, uploads the file through the file input, waits
until the page shows and has drawn the upload, and closes the tab. The
server runs with server.disconnectedSessionTTL cut to --ttl seconds; after each round the script
waits for the TTL and a few seconds more, then reads the server's resident memory (/proc) and
what it still holds of uploads (its own /_stcore/metrics). It also samples RSS every 0.2 s for
the peak and reads it while the visitor is still on the page.

Two servers are measured in the same run, the app as shipped and the baseline: the same app with
the departed-session cleanup switched off (dashboard.app.sessions._end_if_gone made a no-op, through
benchmarks/upload_memory_baseline.py), which is the app before issue 19. Both run as `streamlit run`
of a plain script (app.py, or the baseline wrapped around it): serve.py's link guard plays no part
in memory. The last lines are the ratios, cleanup / baseline. Only loopback is used; every wait has
a timeout.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import survey_synth  # noqa: E402
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.memory_support import (  # noqa: E402
    rss_mb,
    serving,
    settled_rss_mb,
    upload_and_leave,
    uploads_held_mb,
    wait_until,
)

BASELINE_SCRIPT = "benchmarks/upload_memory_baseline.py"


class PeakSampler:
    """The highest RSS seen while it runs, sampled every 0.2 s."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_mb(self.pid))
            self._stop.wait(0.2)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def measure(label: str, script: str, survey: Path, rounds: int, ttl: int, browser) -> dict:
    args = ["--server.disconnectedSessionTTL", str(ttl)]
    with serving(args, env={"CAREERS_SURVEY_PATH": ""}, script=script) as (base, pid):
        start = settled_rss_mb(pid)
        after, held, living = [], [], []
        with PeakSampler(pid) as sampler:
            for _ in range(rounds):
                upload_and_leave(browser, base, [survey], on_page=lambda: living.append(rss_mb(pid)))
                time.sleep(ttl + 2)
                # Metrics are cached for 5 s: wait until they show no upload, or give up.
                wait_until(lambda: uploads_held_mb(base) == 0, timeout=8)
                held.append(uploads_held_mb(base))
                after.append(settled_rss_mb(pid))
        result = {"start": start, "peak": sampler.peak, "living": living, "after": after, "held": held}
    print(f"\n{label}")
    print(f"  RSS at start {start:,.0f} MB; peak {result['peak']:,.0f} MB")
    for i in range(rounds):
        print(
            f"  round {i + 1}: while on the page {living[i]:,.0f} MB, after leaving {after[i]:,.0f} MB, "
            f"uploads held {held[i]:,.1f} MB"
        )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=2_750_000, help="survey rows (2.75M is about 150 MB)")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--ttl", type=int, default=5, help="server.disconnectedSessionTTL, seconds")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        survey = survey_synth.write(Path(tmp) / "survey.csv", opts.rows)
        size = survey.stat().st_size / 1e6
        print(f"Upload: {size:,.1f} MB ({opts.rows:,} rows); {opts.rounds} rounds; TTL {opts.ttl} s")
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            base = measure("Baseline (no cleanup)", BASELINE_SCRIPT, survey, opts.rounds, opts.ttl, browser)
            fixed = measure("As shipped (cleanup)", "app.py", survey, opts.rounds, opts.ttl, browser)
        finally:
            browser.close()
    # From the first visitor's departure on: what each further visitor who left added.
    grown = {k: r["after"][-1] - r["after"][0] for k, r in (("base", base), ("fixed", fixed))}
    print("\nRatios, as shipped / baseline, same run:")
    print(f"  RSS after the last visitor left: {fixed['after'][-1] / base['after'][-1]:.2f}")
    print(f"  RSS growth from round 1 to {opts.rounds}: {grown['fixed']:,.0f} / {grown['base']:,.0f} MB")
    print(f"  uploads held after the last round: {fixed['held'][-1]:,.1f} / {base['held'][-1]:,.1f} MB")
    print(f"  peak RSS: {fixed['peak'] / base['peak']:.2f}")


if __name__ == "__main__":
    main()
