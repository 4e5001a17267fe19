"""A live server's memory across visitors who upload a survey and leave: for the memory test and its
benchmark (benchmarks/upload_memory.py).

The server's resident memory is read from /proc (Linux), and what it still holds of uploads from its
own /_stcore/metrics (the UploadedFileManager's bytes). A visitor is a fresh browser context: it
opens the Survey page, opens the uploader's expander, uploads through the file input as a person
would, waits for the page to show the upload, and closes, which drops its websocket like a closed tab.
"""

from __future__ import annotations

import contextlib
import re
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from tests.browser_support import running_server, wait_for_app

UPLOADS_HELD = re.compile(r'cache_memory_bytes\{cache_type="UploadedFileManager"[^}]*\}\s+(\d+)')


@contextlib.contextmanager
def serving(
    args: list[str], env: dict[str, str] | None = None, script: str = "serve.py"
) -> Iterator[tuple[str, int]]:
    """running_server with extra options; yields (base URL, process id)."""
    with running_server(env, script, args) as (base, proc):
        yield base, proc.pid


def rss_mb(pid: int) -> float:
    """The process's resident memory now, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def settled_rss_mb(pid: int, timeout: float = 5.0) -> float:
    """Resident memory once it stops falling (a collection may still be handing pages back)."""
    deadline = time.monotonic() + timeout
    last = rss_mb(pid)
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = rss_mb(pid)
        if abs(now - last) < 2:
            return now
        last = now
    return last


def uploads_held_mb(base: str) -> float:
    """What the server still holds of uploaded files, from its own metrics, in MB."""
    with urllib.request.urlopen(f"{base}/_stcore/metrics", timeout=10) as resp:
        text = resp.read().decode()
    return sum(int(m) for m in UPLOADS_HELD.findall(text)) / 1e6


def upload(page, survey: Path, timeout_ms: int) -> None:
    """Upload `survey` on the open Survey page and wait until the page shows it."""
    uploader = page.locator("[data-testid='stFileUploader'] input[type='file']")
    if not uploader.count():
        page.get_by_text("Use your own survey file").click()  # the uploader sits in a closed expander
    uploader.set_input_files(str(survey))
    page.get_by_text(f"Showing your upload, {survey.name}").wait_for(timeout=timeout_ms)
    wait_for_app(page, timeout_ms)  # the page is drawn: what a visitor came for


def upload_and_leave(
    browser,
    base: str,
    surveys: list[Path],
    timeout_ms: int = 300_000,
    on_page: Callable[[], None] | None = None,
) -> None:
    """One visitor: open the Survey page, upload each of `surveys` in turn (each replacing the one
    before), close the tab. on_page, if given, is called while the visitor is still there."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{base}/survey?titles=related")
        wait_for_app(page, timeout_ms)
        for survey in surveys:
            upload(page, survey, timeout_ms)
        if on_page is not None:
            on_page()
    finally:
        context.close()


def wait_until(condition: Callable[[], bool], timeout: float, step: float = 0.5) -> bool:
    """Poll `condition` until it holds or `timeout` seconds pass; whether it held."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()
