"""Shared fixtures: a private copy of data/ that a test may break, and a clean Streamlit cache."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import streamlit as st
from playwright.sync_api import Browser, Page, sync_playwright

from dashboard.core import datafile, validation
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, running_app

REAL_DATA = Path(__file__).resolve().parent.parent / "data"
# Requests a base-path probe of Streamlit's own client makes, which a server without one answers 404.
BASE_PATH_PROBE = re.compile(r"/[\w-]+/_stcore/(health|host-config)$")


@pytest.fixture(autouse=True)
def _clear_cache():
    # st.cache_data outlives AppTest instances within one pytest process.
    st.cache_data.clear()
    yield
    st.cache_data.clear()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of data/ that the app reads instead of the real one."""
    target = tmp_path / "data"
    shutil.copytree(REAL_DATA, target)
    monkeypatch.setenv(datafile.DATA_DIR_ENV, str(target))
    return target


def file_error(loader: Callable[[], object]) -> validation.DataFileError:
    """The DataFileError a loader raises (the test fails if it raises none)."""
    with pytest.raises(validation.DataFileError) as caught:
        loader()
    return caught.value


def rewrite(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of a data file, failing loudly if it is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def shown(markdown: str) -> str:
    """What a reader sees of Markdown that only carries backslash escapes: the escapes removed."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace("\u2060", "")


def tables_by_tab(at, key: str = "skills-tab") -> dict[str, list]:
    """Each tab's tables, opening the tabs one by one as a click does: a page that tracks its tabs
    (on_change="rerun") builds only the open one. The tab opened last is left open."""
    out = {}
    for tab in list(at.tabs):
        at.session_state[key] = tab.label
        at.run()
        out[tab.label] = [t.value for t in at.table]
    return out


# One app server and one Chromium for every browser test that needs the app as shipped: each
# server's cold start costs seconds, and tests keep their state in their own browser contexts.
@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    with running_app() as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    tab = context.new_page()
    tab.console_errors = []  # type: ignore[attr-defined]

    def record(msg) -> None:
        if msg.type == "error" and not BASE_PATH_PROBE.search(msg.location.get("url", "")):
            tab.console_errors.append(f"{msg.text} ({msg.location.get('url')})")

    tab.on("console", record)
    tab.on("pageerror", lambda err: tab.console_errors.append(f"page error: {err}"))
    yield tab
    context.close()


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """The bytes every download button of a run was given, by file name."""
    caught: dict[str, bytes] = {}
    original = st.download_button

    def recording(label, data, file_name=None, *args, **kwargs):
        caught[file_name] = data() if callable(data) else data  # a deferred download's bytes
        return original(label, data, file_name, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", recording)
    return caught
