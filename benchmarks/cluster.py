"""Streamlit replicas on loopback, optionally behind HAProxy, and what they cost: the benchmarks' shared part.

benchmarks/load.py (browsers) and benchmarks/capacity.py (simulated users over the websocket) start
the same deployment as deploy/README.md describes: N identical `streamlit run` processes on free
loopback ports with one shared cookie secret, and HAProxy from deploy/haproxy.cfg.template in front.
CPU and memory are read from /proc for the processes and all their children.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "haproxy.cfg.template"
# One secret for every replica: Streamlit signs its XSRF cookie with it, so a form or upload
# started on one replica still validates on another after a failover.
COOKIE_SECRET = "load-benchmark-shared-secret-not-for-production"
STICKY_COOKIE = "STREAMLIT_REPLICA"
# As deploy/README.md runs a replica. No file watcher: with one, each new session walks every module in
# sys.modules (realpath on each) on its first run, ~150 ms CPU per new session on this app, measured by
# benchmarks/capacity.py; a replica never reloads its source anyway.
REPLICA_FLAGS = [
    "--server.headless",
    "true",
    "--server.fileWatcherType",
    "none",
    "--browser.gatherUsageStats",
    "false",
]


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
    """N Streamlit replicas on loopback ports, optionally behind one HAProxy.

    `script` is the app to run, relative to the repository; it runs from its own folder, so the
    dashboard gets the project's .streamlit/config.toml and the bare app Streamlit's defaults, as in
    benchmarks/pages.py. `env` is added to each replica's environment (e.g. CAREERS_SURVEY_PATH).
    """

    replicas: int
    via_haproxy: bool
    script: str = "serve.py"
    env: dict[str, str] = field(default_factory=dict)
    apps: list[subprocess.Popen] = field(default_factory=list)
    ports: list[int] = field(default_factory=list)
    proxy: subprocess.Popen | None = None
    base: str = ""
    config: Path | None = None

    def start(self) -> None:
        script = ROOT / self.script
        for _ in range(self.replicas):
            port = free_port()
            self.ports.append(port)
            command = [sys.executable, "-m", "streamlit", "run", script.name, "--server.port", str(port),
                       "--server.address", "127.0.0.1", *REPLICA_FLAGS]  # fmt: skip
            # Streamlit refuses the secret as a command-line flag (it would show in ps).
            env = {**os.environ, **self.env, "STREAMLIT_SERVER_COOKIE_SECRET": COOKIE_SECRET}
            self.apps.append(
                subprocess.Popen(
                    command, env=env, cwd=script.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
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


def listening_pids(port: int) -> list[int]:
    """The processes holding a listening TCP socket on `port` (IPv4 or IPv6), from /proc."""
    inodes: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                cols = line.split()
                # st 0A is LISTEN; the local address ends in the port in hex.
                if cols[3] == "0A" and int(cols[1].rsplit(":", 1)[1], 16) == port:
                    inodes.add(cols[9])
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            for fd in (entry / "fd").iterdir():
                with contextlib.suppress(OSError):
                    target = os.readlink(fd)
                    if target.startswith("socket:[") and target[8:-1] in inodes:
                        pids.append(int(entry.name))
                        break
    return pids
