"""Many browser sessions at once against the dashboard, on one server or behind HAProxy.

    python benchmarks/load.py                       # 10 sessions, then 25, on one server
    python benchmarks/load.py --sessions 10 --replicas 1,2,4 --via-haproxy
    python benchmarks/load.py --sessions 10 --replicas 2 --via-haproxy --kill-one

It starts the app itself on 127.0.0.1 (and HAProxy when asked), walks every page of
dashboard.app.shell.PAGES in each session, and prints per-page ready times (p50/p90/max) against one
session measured in the same run, pages per second, the servers' peak memory and every error.
Only loopback is reachable: any other request is aborted and counted. Every wait has a timeout and
every loop a bound, so the script stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from playwright.async_api import Browser, BrowserContext, Page, Route, async_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.app.shell import PAGES  # noqa: E402
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, IDLE  # noqa: E402

TEMPLATE = ROOT / "deploy" / "haproxy.cfg.template"
# One secret for every replica: Streamlit signs its XSRF cookie with it, so a form or upload
# started on one replica still validates on another after a failover.
COOKIE_SECRET = "load-benchmark-shared-secret-not-for-production"
PAGE_TIMEOUT_MS = 120_000
STICKY_COOKIE = "STREAMLIT_REPLICA"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as resp:
            if resp.status == 200:
                return
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args[0]} exited with {proc.returncode}")
        time.sleep(0.3)
    raise TimeoutError(f"{url} not healthy after {timeout}s")


@dataclass
class Cluster:
    """N Streamlit replicas on loopback ports, optionally behind one HAProxy."""

    replicas: int
    via_haproxy: bool
    apps: list[subprocess.Popen] = field(default_factory=list)
    ports: list[int] = field(default_factory=list)
    proxy: subprocess.Popen | None = None
    base: str = ""
    config: Path | None = None

    def start(self) -> None:
        for _ in range(self.replicas):
            port = free_port()
            self.ports.append(port)
            command = [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port),
                       "--server.address", "127.0.0.1", "--server.headless", "true",
                       "--browser.gatherUsageStats", "false"]  # fmt: skip
            # Streamlit refuses the secret as a command-line flag (it would show in ps).
            env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": COOKIE_SECRET}
            self.apps.append(
                subprocess.Popen(
                    command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                )
            )
        for port, proc in zip(self.ports, self.apps, strict=True):
            wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", proc)
        if not self.via_haproxy:
            self.base = f"http://127.0.0.1:{self.ports[0]}"
            return
        listen = free_port()
        servers = "\n".join(
            f"    server app{i} 127.0.0.1:{port} check cookie app{i}" for i, port in enumerate(self.ports, 1)
        )
        text = TEMPLATE.read_text().replace("{listen}", f"127.0.0.1:{listen}").replace("{servers}", servers)
        with tempfile.NamedTemporaryFile("w", suffix=".cfg", prefix="haproxy-", delete=False) as handle:
            handle.write(text)
        self.config = Path(handle.name)
        # -db: stay in the foreground, so this script owns (and stops) the process.
        self.proxy = subprocess.Popen(
            ["haproxy", "-db", "-f", str(self.config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        self.base = f"http://127.0.0.1:{listen}"
        wait_healthy(f"{self.base}/_stcore/health", self.proxy)

    def kill(self, index: int) -> None:
        """Kill replica `index` (0-based) hard, as a crash would."""
        self.apps[index].kill()
        self.apps[index].wait(timeout=10)

    def pids(self) -> list[int]:
        return [p.pid for p in self.apps if p.poll() is None]

    def stop(self) -> None:
        for proc in [*self.apps, *([self.proxy] if self.proxy else [])]:
            if proc.poll() is None:
                proc.terminate()
        for proc in [*self.apps, *([self.proxy] if self.proxy else [])]:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        if self.config:
            self.config.unlink(missing_ok=True)


def tree(pids: list[int]) -> set[int]:
    """These processes and all their descendants, from /proc."""
    children: dict[int, list[int]] = defaultdict(list)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, ValueError, IndexError):
            stat = (entry / "stat").read_text()
            children[int(stat.rsplit(")", 1)[1].split()[1])].append(int(entry.name))
    todo, seen = list(pids), set()
    while todo:
        pid = todo.pop()
        if pid not in seen:
            seen.add(pid)
            todo += children.get(pid, [])
    return seen


def tree_rss_bytes(pids: list[int]) -> int:
    """Resident memory of these processes and all their descendants, from /proc."""
    total = 0
    for pid in tree(pids):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
    return total


def tree_cpu_seconds(pids: list[int]) -> float:
    """CPU (user + system) these processes and their descendants have used so far."""
    ticks = 0
    for pid in tree(pids):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU the whole machine has spent busy (all cores, everything but idle and iowait), from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(values) - values[3] - values[4]) / os.sysconf("SC_CLK_TCK")


@dataclass
class Run:
    ready: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    blocked: Counter = field(default_factory=Counter)
    replica_of: dict[int, str] = field(default_factory=dict)
    loads: int = 0


async def new_session(browser: Browser, run: Run) -> tuple[BrowserContext, Page]:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})

    async def only_loopback(route: Route) -> None:
        host = urlparse(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost", "::1"):
            await route.continue_()
        else:
            run.blocked[host] += 1
            await route.abort()

    await context.route("**/*", only_loopback)
    page = await context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.on("pageerror", lambda err: run.errors.append(f"page error: {err}"))
    return context, page


async def wait_ready(page: Page, timeout_ms: int | None = None) -> None:
    """Streamlit idle with the page drawn (tests/browser_support.IDLE), twice 300 ms apart."""
    timeout_ms = timeout_ms or PAGE_TIMEOUT_MS
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        await page.wait_for_function(IDLE, timeout=timeout_ms, polling=100)
        await asyncio.sleep(0.3)
        if await page.evaluate(IDLE):
            return
    raise TimeoutError("never settled")


async def sticky_replica(context: BrowserContext) -> str:
    cookies = await context.cookies()
    return next((c["value"] for c in cookies if c["name"] == STICKY_COOKIE), "direct")


async def walk(page: Page, base: str, run: Run, who: int, rounds: int = 1) -> None:
    """Open every page in menu order (`rounds` times), timing each until it is ready."""
    for _ in range(rounds):
        for spec in PAGES:
            name = spec.url_path or "overview"
            start = time.monotonic()
            try:
                await page.goto(f"{base}/{spec.url_path}", wait_until="commit")
                await wait_ready(page)
                if await page.locator('[data-testid="stException"]').count():
                    raise RuntimeError("exception shown on the page")
                run.ready[name].append(time.monotonic() - start)
                run.loads += 1
            except Exception as err:
                run.errors.append(f"session {who} {name}: {type(err).__name__}: {str(err)[:160]}")


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def measure(browser: Browser, cluster: Cluster, sessions: int, kill_one: bool) -> dict:
    """One session alone, then `sessions` at once; with kill_one, replica 1 dies mid-run."""
    single = Run()
    context, page = await new_session(browser, single)
    await walk(page, cluster.base, single, 0)
    await context.close()

    many = Run()
    peak = 0
    stop = asyncio.Event()

    async def sample_memory() -> None:
        nonlocal peak
        for _ in range(100_000):  # bounded: about 14 hours at 0.5 s
            peak = max(peak, tree_rss_bytes(cluster.pids()))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 0.5)
            if stop.is_set():
                return

    sampler = asyncio.create_task(sample_memory())
    opened = [await new_session(browser, many) for _ in range(sessions)]
    started = time.monotonic()
    server_cpu, machine_cpu = tree_cpu_seconds(cluster.pids()), machine_busy_seconds()
    await asyncio.gather(*(walk(p, cluster.base, many, i) for i, (_, p) in enumerate(opened)))
    server_cpu = tree_cpu_seconds(cluster.pids()) - server_cpu
    machine_cpu = machine_busy_seconds() - machine_cpu
    for i, (ctx, _) in enumerate(opened):
        many.replica_of[i] = await sticky_replica(ctx)
    elapsed = time.monotonic() - started
    failover = await kill_and_check(cluster, opened, many) if kill_one else None
    stop.set()
    await sampler
    for ctx, _ in opened:
        await ctx.close()
    return {"single": single, "many": many, "elapsed": elapsed, "peak": peak, "failover": failover,
            "server_cpu": server_cpu, "machine_cpu": machine_cpu}  # fmt: skip


async def kill_and_check(cluster: Cluster, opened: list[tuple[BrowserContext, Page]], run: Run) -> dict:
    """Kill the replica serving session 0 while every session sits on a page with its websocket
    open; then each session must redraw its page without a reload (Streamlit reconnects, HAProxy
    redispatches a dead replica's cookie), and the others must keep answering."""
    victim = run.replica_of[0]
    index = int(victim.removeprefix("app")) - 1
    on_victim = [i for i, r in run.replica_of.items() if r == victim]
    others = [i for i in run.replica_of if i not in on_victim]
    # Everyone on the Salaries page; its region filter is what each then changes.
    await asyncio.gather(*(p.goto(f"{cluster.base}/salaries", wait_until="commit") for _, p in opened))
    await asyncio.gather(*(wait_ready(p) for _, p in opened))
    killed_at = time.monotonic()
    cluster.kill(index)
    result: dict = {"victim": victim, "on_victim": on_victim, "others": others, "recovered": {}, "failed": {}}

    async def still_works(i: int, page: Page) -> None:
        # A rerun needs the server: change the region in the URL's widget by navigating within the
        # app (no reload) when connected; a lost session first shows "Connecting" then redraws.
        try:
            await asyncio.sleep(0.5)
            await page.wait_for_function(
                """() => {
                    const status = document.querySelector('[data-testid="stStatusWidget"]');
                    return !status || !/connect/i.test(status.innerText);
                }""",
                timeout=PAGE_TIMEOUT_MS,
            )
            await page.locator('[data-testid="stSidebarNav"] a').first.click()
            await wait_ready(page)
            result["recovered"][i] = round(time.monotonic() - killed_at, 1)
        except Exception as err:
            result["failed"][i] = f"{type(err).__name__}: {str(err)[:120]}"

    await asyncio.gather(*(still_works(i, p) for i, (_, p) in enumerate(opened)))
    for i, (ctx, _) in enumerate(opened):
        result.setdefault("now_on", {})[i] = await sticky_replica(ctx)
    return result


def report(label: str, sessions: int, out: dict) -> None:
    single, many = out["single"], out["many"]
    print(f"\n## {label}: {sessions} sessions")
    print(f"{'page':<14}{'single':>8}{'p50':>8}{'p90':>8}{'max':>8}{'n':>5}")
    for spec in PAGES:
        name = spec.url_path or "overview"
        one = single.ready.get(name, [float("nan")])[0]
        times = many.ready.get(name, [])
        print(f"{name:<14}{one:>8.2f}{pct(times, .5):>8.2f}{pct(times, .9):>8.2f}"
              f"{max(times, default=float('nan')):>8.2f}{len(times):>5}")  # fmt: skip
    rate = many.loads / out["elapsed"]
    print(f"pages ready: {many.loads}/{sessions * len(PAGES)} in {out['elapsed']:.1f} s, {rate:.2f} pages/s;"
          f" servers' peak memory {out['peak'] / 2**20:.0f} MiB")  # fmt: skip
    # The browsers run on the same cores: the servers' share of the busy CPU says who the bottleneck is.
    share = out["server_cpu"] / max(out["machine_cpu"], 1e-9)
    print(f"CPU during the walk: servers {out['server_cpu']:.1f} s of {out['machine_cpu']:.1f} s busy"
          f" ({share:.0%}), the rest mostly Chromium")  # fmt: skip
    print(f"sessions per replica: {dict(Counter(many.replica_of.values()))}")
    blocked = single.blocked + many.blocked
    print(f"non-loopback requests aborted: {sum(blocked.values())} {dict(blocked) if blocked else ''}")
    errors = single.errors + many.errors
    print(f"errors: {len(errors)}")
    for line in errors:
        print(f"  - {line}")
    if out["failover"]:
        f = out["failover"]
        print(f"kill-one: killed {f['victim']}, which served sessions {f['on_victim']}; others {f['others']}")
        print(f"  recovered (s after kill): {f['recovered']}")
        print(f"  failed: {f['failed'] or 'none'}")
        print(f"  replica after: {f['now_on']}")


async def main(args: argparse.Namespace) -> None:
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for replicas in [int(r) for r in args.replicas.split(",")]:
                cluster = Cluster(replicas, args.via_haproxy)
                try:
                    cluster.start()
                    for sessions in [int(s) for s in args.sessions.split(",")]:
                        kill = args.kill_one and args.via_haproxy and replicas > 1
                        out = await asyncio.wait_for(measure(browser, cluster, sessions, kill), args.timeout)
                        where = f"{replicas} replica(s) via HAProxy" if args.via_haproxy else "one server"
                        report(where + (" + kill one" if kill else ""), sessions, out)
                finally:
                    cluster.stop()
        finally:
            await browser.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sessions", default="10,25", help="comma-separated session counts (default 10,25)")
    parser.add_argument("--replicas", default="1", help="comma-separated replica counts (default 1)")
    parser.add_argument("--via-haproxy", action="store_true", help="put HAProxy in front of the replicas")
    parser.add_argument("--kill-one", action="store_true", help="kill one replica after the walk (needs 2+)")
    parser.add_argument("--page-timeout", type=float, default=120, help="seconds a page may take to be ready")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per measurement before giving up")
    os.chdir(ROOT)
    parsed = parser.parse_args()
    PAGE_TIMEOUT_MS = int(parsed.page_timeout * 1000)
    asyncio.run(main(parsed))
