"""Page speed against a bare Streamlit app, as a new user meets it: a benchmark, not a timed test.

Starts the dashboard (`streamlit run serve.py`) and the bare one-chart app (benchmarks/bare_app.py) on
free loopback ports, then opens every page and the bare app in headless Chromium, interleaved, each
load in a new browser context (empty cache), and prints per page the median ready and rerun times,
their ratios to the bare app measured in the same sitting, and what each load costs on the wire.

Usage: python benchmarks/pages.py [--runs 3] [--json results.json]

Ready = navigation start (performance.timeOrigin) -> the moment the DOM reached the state in which
  (a) Streamlit says no script is running (stApp's data-test-script-state is "notRunning"),
  (b) no element is stale (data-stale="true", left over from an earlier run), no lazily loaded element
      still shows its placeholder (stSkeleton: its JS chunk, e.g. Plotly's 4.7 MB, has not run), and
  (c) every Plotly chart is drawn: each stPlotlyChart holds a .js-plotly-plot with its .main-svg
      layer, and there are as many drawn charts as the page had after a warm-up load.
  A MutationObserver (installed before any page script runs) stamps the last DOM mutation; when the
  three conditions hold and the DOM has then been quiet for QUIET_MS, the page was ready at that last
  mutation, because the conditions depend only on the DOM and it has not changed since. This is exact
  to the mutation (not to a polling tick), and a momentary "notRunning" between two runs (a deep link
  reruns once) does not count, because the next run's mutations follow within the quiet window.
Rerun = the pointerdown on a chosen filter pill (the bare app: a chip's remove button), by the
  event's own timestamp -> ready again, where ready also needs the script state to have gone to
  "running" after the click. The pill is the first chosen one of the page's own filter (Skills:
  categories, AWS services: families) or, elsewhere, of the sidebar region filter; the bare app's one
  multiselect sits in its sidebar.
Cold start = process spawn -> /_stcore/health answers 200 (median of --runs starts of each).
Every request not to 127.0.0.1 is aborted and reported.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, CDPSession, Locator, Page, Route, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from dashboard.app import shell  # noqa: E402  (the page list; needs the repo on the path)

BENCH_DIR = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1440, "height": 900}
SIDEBAR = '[data-testid="stSidebar"]'
MAIN = '[data-testid="stMain"]'

# Every page of the app's menu (dashboard.app.shell.PAGES), with where its rerun trigger sits: the
# page's own filter (Skills: categories, AWS services: families) or the sidebar's region filter.
OWN_FILTER = {"skills", "aws_services"}
PAGES: list[tuple[str, str, str]] = [
    (spec.title, f"/{spec.url_path}", MAIN if spec.url_path in OWN_FILTER else SIDEBAR)
    for spec in shell.PAGES
]
BARE = ("bare app", "/", SIDEBAR)

QUIET_MS = 600
WARM_UP_QUIET_MS = 3000
LOAD_TIMEOUT_MS = 60_000
START_TIMEOUT_S = 60.0

# Runs in every new document before the page's own scripts.
INIT_SCRIPT = """(() => {
  const b = window.__bench = {lastMutation: 0, armed: false, trigger: null, sawRunning: false, expected: 0,
                               scriptDone: null};
  new MutationObserver(records => {
    const now = b.lastMutation = performance.now();
    for (const r of records) {
      if (r.type !== 'attributes' || r.attributeName !== 'data-test-script-state') continue;
      // oldValue too: running -> notRunning can arrive in one batch, and getAttribute sees only the last.
      const state = r.target.getAttribute('data-test-script-state');
      if (b.trigger !== null && (state === 'running' || r.oldValue === 'running')) b.sawRunning = true;
      if (state === 'notRunning') b.scriptDone = now;
    }
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true,
                        attributeOldValue: true});
  const stamp = e => { if (b.armed) { b.trigger = e.timeStamp; b.armed = false; } };
  document.addEventListener('pointerdown', stamp, true);
  document.addEventListener('keydown', stamp, true);
  b.drawnCharts = () => [...document.querySelectorAll('.js-plotly-plot')]
      .filter(plot => plot.querySelector('.main-svg')).length;
  b.ready = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (document.querySelector('[data-stale="true"]')) return false;
    // A lazily loaded element (Plotly, the data grid, ...) shows this placeholder until its chunk runs.
    if (document.querySelector('[data-testid="stSkeleton"]')) return false;
    const holders = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
    if (!holders.every(h => h.querySelector('.js-plotly-plot .main-svg'))) return false;
    return b.drawnCharts() >= b.expected;
  };
})();"""

# Polled every animation frame; returns the ready time once the DOM has been quiet for quietMs.
SETTLED = """([quietMs, rerun]) => {
  const b = window.__bench, now = performance.now();
  if (rerun && (b.trigger === null || !b.sawRunning || b.lastMutation < b.trigger)) return false;
  if (!b.ready() || now - b.lastMutation < quietMs) return false;
  return {at: b.lastMutation, charts: b.drawnCharts(), scriptDone: b.scriptDone};
}"""

RESOURCES = """() => performance.getEntriesByType('resource').map(e => ({
  name: e.name, type: e.initiatorType, transfer: e.transferSize, body: e.decodedBodySize,
  end: e.responseEnd}))"""


@dataclass
class Load:
    """One page load and one rerun, in a fresh browser context."""

    ready_ms: float
    rerun_ms: float | None
    ws_load_bytes: int
    ws_rerun_bytes: int
    requests: int
    js_bytes: int
    js_transfer_bytes: int
    charts: int
    script_done_ms: float | None = None  # when the script run that ended the load finished
    rerun_script_done_ms: float | None = None  # the same for the rerun, from the click
    plotly_js_ms: float | None = None  # when the Plotly chunk (the largest script) finished downloading
    server_cpu_ms: float | None = None  # CPU the server spent on the load (10 ms resolution)
    rerun_server_cpu_ms: float | None = None
    browser_cpu_ms: float | None = None  # CPU all of Chromium's processes spent on the load
    rerun_browser_cpu_ms: float | None = None
    # On the wire (Chromium's websocket frame timestamps): the page's first rerun_script sent -> the
    # script_finished that ended the load, and the rerun's -> its script_finished. What
    # benchmarks/capacity.py times, without the browser's input handling and drawing.
    wire_load_ms: float | None = None
    wire_rerun_ms: float | None = None
    js_files: list[str] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def server(script: str, cwd: Path, log: Path) -> Iterator[tuple[str, float, subprocess.Popen]]:
    """Run `streamlit run script` on a free loopback port; yield its URL, spawn -> healthy time, process."""
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
        "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    with log.open("ab") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=os.environ.copy())
        try:
            deadline = start + START_TIMEOUT_S
            while not healthy(base):
                if proc.poll() is not None or time.perf_counter() > deadline:
                    raise RuntimeError(f"{script} did not start; see {log}")
                time.sleep(0.02)
            yield base, (time.perf_counter() - start) * 1e3, proc
        finally:
            proc.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=10)
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=10)


STATE = """() => ({
  script: document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state'),
  stale: document.querySelectorAll('[data-stale="true"]').length,
  skeletons: document.querySelectorAll('[data-testid="stSkeleton"]').length,
  charts: window.__bench.drawnCharts(), expected: window.__bench.expected,
  quietFor: performance.now() - window.__bench.lastMutation, sawRunning: window.__bench.sawRunning})"""


class NotSettled(RuntimeError):
    """A load or rerun that never became ready within LOAD_TIMEOUT_MS."""


def wait_settled(
    page: Page, rerun: bool, quiet_ms: int = QUIET_MS, timeout_ms: int = LOAD_TIMEOUT_MS
) -> dict[str, Any]:
    try:
        handle = page.wait_for_function(SETTLED, arg=[quiet_ms, rerun], polling="raf", timeout=timeout_ms)
    except PlaywrightTimeoutError as err:
        what = "rerun" if rerun else "load"
        raise NotSettled(f"{what} of {page.url} never ready: {page.evaluate(STATE)}") from err
    return handle.json_value()


def cpu_ms(pid: int) -> float:
    """CPU time (user + system, all threads) the process has used: immune to waiting on a busy machine."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1e3 / os.sysconf("SC_CLK_TCK")


def chromium_cpu(cdp: CDPSession) -> dict[int, float]:
    """CPU seconds each Chromium process (browser, GPU, renderers...) has used so far."""
    return {p["id"]: p["cpuTime"] for p in cdp.send("SystemInfo.getProcessInfo")["processInfo"]}


def cpu_since(cdp: CDPSession, before: dict[int, float]) -> float:
    """Milliseconds of CPU all Chromium processes used since `before` (a process born since counts whole)."""
    return sum(t - before.get(pid, 0.0) for pid, t in chromium_cpu(cdp).items()) * 1e3


ARM = "() => { const b = window.__bench; b.armed = true; b.trigger = null; b.sawRunning = false; }"


def click_and_wait(page: Page, remove: Locator) -> dict[str, Any]:
    """Remove a chip and wait for the rerun; click once more if the first click started nothing.

    About one bare-app click in fifteen on a busy machine left the page untouched (no mutation at
    all, so no rerun was ever requested); a second click is then the user's natural retry.
    """
    for attempt in range(2):
        page.evaluate(ARM)
        remove.first.click(timeout=LOAD_TIMEOUT_MS)
        try:
            return wait_settled(page, rerun=True, timeout_ms=LOAD_TIMEOUT_MS // 3)
        except NotSettled:
            started = page.evaluate("(b => b.sawRunning || b.lastMutation > b.trigger)(window.__bench)")
            if attempt or started:
                raise
    raise AssertionError("unreachable")


def measure(
    browser: Browser,
    browser_cdp: CDPSession,
    url: str,
    scope: str,
    expected: int,
    blocked: list[str],
    server_pid: int,
    quiet_ms: int = QUIET_MS,
) -> Load:
    """Open `url` in an empty context, wait until ready, then remove a chip in `scope` and wait again."""
    context = browser.new_context(viewport=VIEWPORT)
    try:

        def block(route: Route) -> None:
            blocked.append(route.request.url)
            route.abort()

        # Only non-loopback URLs are intercepted, so the local requests being timed are not slowed.
        context.route(re.compile(r"^(?!(?:https?|wss?)://127\.0\.0\.1[:/])"), block)
        context.add_init_script(INIT_SCRIPT.replace("expected: 0", f"expected: {expected}"))
        page = context.new_page()
        ws_bytes = [0]
        requests = [0]

        def on_frame(payload: str | bytes) -> None:
            ws_bytes[0] += len(payload.encode() if isinstance(payload, str) else payload)

        page.on("websocket", lambda ws: ws.on("framereceived", on_frame))
        page.on("request", lambda _req: requests.__setitem__(0, requests[0] + 1))
        frames: list[tuple[str, float, str]] = []
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        for direction in ("Sent", "Received"):
            cdp.on(
                f"Network.webSocketFrame{direction}",
                lambda e, d=direction: frames.append((d, e["timestamp"], e["response"]["payloadData"])),
            )
        browser0, server0 = chromium_cpu(browser_cdp), cpu_ms(server_pid)
        page.goto(url, wait_until="commit", timeout=LOAD_TIMEOUT_MS)
        loaded = wait_settled(page, rerun=False, quiet_ms=quiet_ms)
        wire_load, seen = wire_ms(frames, 0)
        browser_load, server1 = cpu_since(browser_cdp, browser0), cpu_ms(server_pid)
        browser1, browser_rerun, server2 = chromium_cpu(browser_cdp), None, server1
        ws_load, request_count = ws_bytes[0], requests[0]
        resources = page.evaluate(RESOURCES)
        scripts = [r for r in resources if r["name"].endswith(".js")]

        rerun_ms = rerun_script_done = None
        plotly = [r["end"] for r in scripts if r["name"].rsplit("/", 1)[-1].startswith("PlotlyChart.")]
        # The bare app removes a multiselect chip; the dashboard toggles off a chosen filter pill.
        remove = page.locator(
            f"{scope} [data-testid='stMultiSelect'] button[aria-label^='Remove'], "
            f"{scope} [data-testid='stButtonGroup'] button[aria-pressed='true']"
        )
        if remove.count():
            rerun = click_and_wait(page, remove)
            trigger = page.evaluate("window.__bench.trigger")
            rerun_ms = rerun["at"] - trigger
            rerun_script_done = rerun["scriptDone"] - trigger
            browser_rerun, server2 = cpu_since(browser_cdp, browser1), cpu_ms(server_pid)
        wire_rerun = wire_ms(frames, seen)[0] if rerun_ms is not None else None
        return Load(
            ready_ms=loaded["at"],
            rerun_ms=rerun_ms,
            ws_load_bytes=ws_load,
            ws_rerun_bytes=ws_bytes[0] - ws_load,
            requests=request_count,
            js_bytes=sum(r["body"] for r in scripts),
            js_transfer_bytes=sum(r["transfer"] for r in scripts),
            charts=loaded["charts"],
            script_done_ms=loaded["scriptDone"],
            rerun_script_done_ms=rerun_script_done,
            plotly_js_ms=plotly[0] if plotly else None,
            server_cpu_ms=server1 - server0,
            rerun_server_cpu_ms=server2 - server1 if rerun_ms is not None else None,
            browser_cpu_ms=browser_load,
            rerun_browser_cpu_ms=browser_rerun,
            wire_load_ms=wire_load,
            wire_rerun_ms=wire_rerun,
            js_files=sorted(r["name"].rsplit("/", 1)[-1] for r in scripts),
        )
    finally:
        context.close()


def wire_ms(frames: list[tuple[str, float, str]], start: int) -> tuple[float | None, int]:
    """From frames[start:]: the first rerun_script sent -> the last script_finished after it that is
    not "stopped early for a rerun"; in ms, and the index where this reading stopped."""
    sent = finished = None
    for direction, stamp, payload in frames[start:]:
        raw = base64.b64decode(payload)
        if direction == "Sent":
            msg = BackMsg.FromString(raw)
            if sent is None and msg.WhichOneof("type") == "rerun_script":
                sent = stamp
        elif sent is not None:
            msg = ForwardMsg.FromString(raw)
            if (
                msg.WhichOneof("type") == "script_finished"
                and msg.script_finished != msg.FINISHED_EARLY_FOR_RERUN
            ):
                finished = stamp
    return ((finished - sent) * 1e3 if sent is not None and finished is not None else None), len(frames)


def median(values: list[float]) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value: float | None, spec: str = ".0f") -> str:
    return "–" if value is None else format(value, spec)


def ratio(value: float | None, base: float | None) -> str:
    return "–" if value is None or not base else f"{value / base:.2f}×"


def warm_up(
    browser: Browser, browser_cdp: CDPSession, url: str, blocked: list[str], server_pid: int
) -> tuple[int, float]:
    """First load after the server starts (imports the page's modules): its chart count and time.

    It cannot know yet how many charts to wait for, so it also waits for a longer quiet spell.
    """
    load = measure(browser, browser_cdp, url, "nothing", 0, blocked, server_pid, quiet_ms=WARM_UP_QUIET_MS)
    return load.charts, load.ready_ms


# The dashboard as make run and deploy/ start it (serve.py: app.py in st.App with its link guard).
SERVERS = {"bare": ("bare_app.py", BENCH_DIR), "app": ("serve.py", ROOT)}


LOAD_STEPS = ("wire_load_ms", "script_done_ms", "plotly_js_ms", "ready_ms")
RERUN_STEPS = ("wire_rerun_ms", "rerun_script_done_ms", "rerun_ms")
CPU_STEPS = ("server_cpu_ms", "browser_cpu_ms", "rerun_server_cpu_ms", "rerun_browser_cpu_ms")


def ordered(results: dict[str, list[Load]]) -> list[tuple[str, list[Load]]]:
    """The bare app first, then the pages in menu order, whichever load finished first."""
    return [(name, results[name]) for name, _path, _scope in [BARE, *PAGES] if name in results]


def print_table(results: dict[str, list[Load]], runs: int) -> None:
    bare = results[BARE[0]]
    bare_ready, bare_rerun = median([x.ready_ms for x in bare]), median([x.rerun_ms for x in bare])
    header = (
        f"{'page':<16}{'ready ms':>9}{'ratio':>8}{'rerun ms':>10}{'ratio':>8}{'ws kB':>8}{'rerun ws kB':>12}"
        f"{'requests':>9}{'JS kB':>8}{'charts':>7}"
    )
    print(f"median of {runs} loads per page, each in an empty browser context; ratios to the bare app")
    print(header)
    print("-" * len(header))
    for name, loads in ordered(results):
        ready, rerun = median([x.ready_ms for x in loads]), median([x.rerun_ms for x in loads])
        ws_load = median([x.ws_load_bytes / 1e3 for x in loads])
        ws_rerun = median([x.ws_rerun_bytes / 1e3 for x in loads])
        requests, js_kb = median([x.requests for x in loads]), median([x.js_bytes / 1e3 for x in loads])
        print(
            f"{name:<16}{fmt(ready):>9}{ratio(ready, bare_ready):>8}"
            f"{fmt(rerun):>10}{ratio(rerun, bare_rerun):>8}{fmt(ws_load, '.1f'):>8}{fmt(ws_rerun, '.1f'):>12}"
            f"{fmt(requests):>9}{fmt(js_kb):>8}{loads[0].charts:>7}"
        )
    print(
        "\nwhere the time goes (medians, ms): load = script run on the wire / script done / Plotly JS "
        "downloaded / ready; rerun = script run on the wire / script done / ready, from the click"
    )
    for name, loads in ordered(results):
        load = " / ".join(fmt(median([getattr(x, f) for x in loads])) for f in LOAD_STEPS)
        rerun = " / ".join(fmt(median([getattr(x, f) for x in loads])) for f in RERUN_STEPS)
        print(f"{name:<16} load {load:<30} rerun {rerun}")
    print("\nCPU, which waiting on a busy machine does not inflate (medians, ms): "
          "load = server CPU / Chromium CPU; rerun = the same")  # fmt: skip
    bare_cpu = [median([getattr(x, f) for x in results[BARE[0]]]) for f in CPU_STEPS]
    for name, loads in ordered(results):
        cpu = [median([getattr(x, f) for x in loads]) for f in CPU_STEPS]
        cells = [f"{fmt(v)} ({ratio(v, b)})" for v, b in zip(cpu, bare_cpu, strict=True)]
        print(f"{name:<16} load {cells[0]} / {cells[1]:<18} rerun {cells[2]} / {cells[3]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="loads of each page (median reported)")
    parser.add_argument("--json", type=Path, help="write every measurement to this file")
    args = parser.parse_args()
    # `kill` must still stop both servers (the finally blocks), not leave them running.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    runs = max(1, args.runs)
    logs = Path(tempfile.mkdtemp(prefix="bench-pages-"))

    cold: dict[str, list[float]] = {"bare": [], "app": []}
    for _ in range(runs):
        for name, (script, cwd) in SERVERS.items():
            with server(script, cwd, logs / f"{name}.log") as (_url, ms, _pid):
                cold[name].append(ms)

    blocked: list[str] = []
    failures: list[str] = []
    results: dict[str, list[Load]] = {}
    first_load: dict[str, float] = {}
    with (
        server(*SERVERS["bare"], logs / "bare.log") as (bare_url, _, bare_proc),
        server(*SERVERS["app"], logs / "app.log") as (app_url, _, app_proc),
        sync_playwright() as pw,
    ):
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        browser_cdp = browser.new_browser_cdp_session()
        try:
            urls = {BARE[0]: bare_url + BARE[1]} | {name: app_url + path for name, path, _ in PAGES}
            procs = {name: bare_proc if name == BARE[0] else app_proc for name in urls}
            expected: dict[str, int] = {}
            for name, url in urls.items():
                expected[name], ms = warm_up(browser, browser_cdp, url, blocked, procs[name].pid)
                first_load.setdefault("bare" if name == BARE[0] else "app", ms)
            for _ in range(runs):  # interleaved, so that noise on the shared machine hits every page alike
                for name, _path, scope in [BARE, *PAGES]:
                    if procs[name].poll() is not None:  # e.g. killed by another user of the machine
                        raise RuntimeError(f"the server of {urls[name]} exited ({procs[name].returncode})")
                    try:
                        load = measure(
                            browser, browser_cdp, urls[name], scope, expected[name], blocked, procs[name].pid
                        )
                    except NotSettled as err:  # reported, and left out of the medians
                        failures.append(str(err))
                        continue
                    results.setdefault(name, []).append(load)
        finally:
            browser.close()

    print_table(results, runs)
    cold_bare, cold_app = median(cold["bare"]), median(cold["app"])
    print(
        f"cold start (spawn -> health OK): app {fmt(cold_app)} ms, bare {fmt(cold_bare)} ms, "
        f"ratio {ratio(cold_app, cold_bare)}"
    )
    print(
        f"first load after start (the script's imports included): app {fmt(first_load['app'])} ms, "
        f"bare {fmt(first_load['bare'])} ms, ratio {ratio(first_load['app'], first_load['bare'])}"
    )
    print(f"blocked non-local requests: {len(blocked)}" + "".join(f"\n  {u}" for u in sorted(set(blocked))))
    print(f"loads that never became ready: {len(failures)}" + "".join(f"\n  {f}" for f in failures))
    print(f"server logs: {logs}")
    if args.json:
        report = {
            "runs": runs,
            "cold_start_ms": cold,
            "first_load_ms": first_load,
            "blocked": blocked,
            "failures": failures,
            "pages": {name: [vars(x) for x in loads] for name, loads in results.items()},
        }
        args.json.write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
