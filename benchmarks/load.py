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
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from playwright.async_api import Browser, BrowserContext, Page, Route, async_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The replicas, HAProxy and /proc readings are shared with benchmarks/capacity.py.
from benchmarks.cluster import (  # noqa: E402
    STICKY_COOKIE,
    Cluster,
    machine_busy_seconds,
    tree_cpu_seconds,
    tree_rss_bytes,
)
from dashboard.app.shell import PAGES  # noqa: E402
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, IDLE  # noqa: E402

PAGE_TIMEOUT_MS = 120_000


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
