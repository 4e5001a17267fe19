"""How many people one server serves: simulated users speaking Streamlit's own websocket protocol, on Locust.

    python benchmarks/capacity.py --url http://127.0.0.1:8501 --users 50 --duration 60 --json out.json
    python benchmarks/capacity.py --replicas 1,2,4 --users 25,50,100,200,400 --duration 60 --json out.json
    python benchmarks/capacity.py --replicas 2 --kill-one --users 50 --duration 60 --json kill.json
    python benchmarks/capacity.py --replicas 1 --app bare,app --pages each --users 25,50,100 --duration 60

No browser: each simulated user is one websocket, so the load generator costs a few per cent of what
the server spends, where a headless Chromium per user took most of the machine (benchmarks/load.py).

The protocol (Streamlit 1.67, checked in its source: web/server/starlette/starlette_websocket.py,
runtime/app_session.py, proto/*.proto):
- A user GETs the page (as a browser does; behind HAProxy this sets the STREAMLIT_REPLICA cookie),
  /_stcore/health and /_stcore/host-config, then opens the websocket /_stcore/stream with the
  subprotocol "streamlit" and the cookies of those responses (so HAProxy keeps it on that replica).
- Nothing runs until the client sends a BackMsg whose `rerun_script` is a ClientState: `page_name`
  (the URL path, for the first load, as a deep link), or `page_script_hash` (a page switch or a rerun),
  `query_string` and `widget_states`. The server answers with ForwardMsgs: `new_session` (starts each
  script run), `navigation` (the app's pages: page_script_hash, title, url_pathname; st.navigation
  sends it, so the page list comes from the server and this file does not import the dashboard),
  `page_info_changed` (the query string the script wrote), deltas, and `script_finished` with a
  status: 0 finished, 1 compile error, 2 stopped early for a rerun (another run follows: keep
  reading), 3 a fragment finished.
- A widget change is a rerun whose widget_states carry every widget of the last run (as the browser
  sends them), the changed one with its new value. A widget is found in the deltas by its user key:
  its element id is "$$ID-<hash>-<key>". Values go as the widget's serde wants them: pills and
  multiselect `string_array_value` of the formatted options (a pill's icon, a space, its content),
  radio and selectbox `string_value`, toggle `bool_value`.
- Large elements are cached like the browser does: the client lists the hashes it holds in
  `cached_message_hashes` and the server sends a `ref_hash` instead (kept for the
  `max_cached_message_age` runs that new_session's config names).
- A page switch sends an empty query string, as the browser does; the dashboard puts its filters back.
- A closed socket is reconnected at once (as the browser does: health check, then the websocket,
  then a rerun of the page it was on with its query string and widgets); behind HAProxy a dead
  replica's cookie is redispatched to a live one.

What a user does ("person" plan): a first page opened as a deep link (the users' first pages spread
over the app), then every page in turn, each as a page switch followed by one filter change: the
page's own filter (Skills: a category pill, AWS services: a family pill, Survey: the duplicate-rows
toggle or the country field, Fit: a skill pill, the bare app: its multiselect) or, where a page has
none, the sidebar's regions or money unit, in turn. Then the person leaves (the socket closes) and a
new one arrives. Actions are paced, one every --think seconds per user (constant pacing), whatever
their latency, so N users offer N/think actions per second; arrivals are spread over one think time,
and a step measures --duration seconds after a --warmup (one think time) while they arrive. --pages
restricts the tour to some pages (the first opened, then their filters in turn). The "browser" plan
mirrors benchmarks/pages.py for a check against the browser: every page in a new session, then one
rerun that unticks the first chosen pill of the page's own filter or of the regions (the bare app:
removes its first chip).

Latency of an action = sending its BackMsg -> its script_finished (a status 2 is not the end).
An error = a script that did not finish successfully (status 1), an exception element in the deltas,
`page_not_found`, a closed socket, a failed connect, no script_finished within --timeout seconds,
or a filter the dashboard keeps in the URL that the query string the server wrote does not show.
Latency percentiles are over the successful actions; errors are counted apart.

Server CPU (user + system of the replicas and their children, from /proc) is measured over each run;
per action it is that total / actions. With one user it is also taken around each action. Memory is
the replicas' RSS before the users, at its peak, with every session open, and --settle seconds after
they all closed, with one probe session opened then: Streamlit keeps a closed session for
server.disconnectedSessionTTL (120 s) and drops expired ones only when its store next changes.
Everything is bounded: users, seconds, retries; only loopback is reached; it stops by itself.
As a locustfile (`locust -f benchmarks/capacity.py -H URL`) the same user runs under Locust's
own CLI, for its master/worker mode and web UI.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import random
import resource
import signal
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

# Locust patches the standard library for gevent when imported: before requests (and ssl) load.
from locust import User, events, task
from locust.env import Environment

# isort: split
import gevent
import requests
import websocket
from gevent.event import Event
from gevent.queue import Empty, Queue
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.cluster import (  # noqa: E402
    STICKY_COOKIE,
    Cluster,
    listening_pids,
    machine_busy_seconds,
    tree_cpu_seconds,
    tree_rss_bytes,
)

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
MAX_USERS = 5000
MAX_DURATION_S = 3600
# The apps --replicas can start: script, extra environment. The yardstick runs as the dashboard does
# (.streamlit/config.toml turns the post-script gc.collect off); "bare-defaults" runs it with
# Streamlit's defaults, as benchmarks/pages.py does, where that collection costs ~60 ms a rerun.
APPS: dict[str, tuple[str, dict[str, str]]] = {
    "app": ("serve.py", {}),
    "bare": ("benchmarks/bare_app.py", {"STREAMLIT_RUNNER_POST_SCRIPT_GC": "false"}),
    "bare-defaults": ("benchmarks/bare_app.py", {}),
}
FINISHED, COMPILE_ERROR, EARLY_FOR_RERUN, FRAGMENT = (
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
    ForwardMsg.FINISHED_EARLY_FOR_RERUN,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
)
# The dashboard's filters by widget key (dashboard/app/filters.py, pages/*.py); the sidebar's two are on
# every page. A page's own filter is the first of OWN_FILTERS its last run drew.
SIDEBAR_FILTERS = ("region", "unit")
OWN_FILTERS = ("category", "family", "survey-f-drop-duplicates", "survey-f-field", "skill-pills-")
# The survey page without a survey has no filter of its own; its action is then a sidebar filter.
# The filters the dashboard keeps in the URL under their key (dashboard/app/filters.py): after a change
# the query string the server writes shows whether it took the value the client sent.
URL_KEPT = ("region", "unit", "category", "family")
VALUE_WIDGETS = ("button_group", "radio", "checkbox", "multiselect", "selectbox", "text_input")


@dataclass
class Settings:
    """What every simulated user of this process reads (set by the CLI or by Locust's options)."""

    think: float = 10.0
    timeout: float = 30.0
    plan: str = "person"
    pages: list[str] | None = None  # page names to tour; None: every page
    seed: int = 1
    users: int = 0  # how many run at once: their first pages are spread over the app
    server_pids: list[int] = field(default_factory=list)  # for CPU around each action (one user)
    catalog: list[Page] = field(default_factory=list)  # learnt from the server before the users start


@dataclass(frozen=True)
class Page:
    name: str  # the URL path, or the title in lower case for the default page ("overview")
    url_path: str  # what a deep link sends as page_name ("" for the default page)
    script_hash: str
    title: str


SETTINGS = Settings()


def page_name(url_path: str, title: str) -> str:
    return url_path or title.casefold().replace(" ", "_") or "main"


# ---------------------------------------------------------------------------------------------------
# Widgets as the deltas describe them, and the states the browser would send for them.


@dataclass
class Widget:
    kind: str
    id: str
    proto: Any

    @property
    def key(self) -> str:
        # "$$ID-<hash>-<key>", "None" for a widget without a key; keys may contain "-".
        parts = self.id.split("-", 2)
        return parts[2] if len(parts) == 3 and parts[2] != "None" else ""

    def options(self) -> list[str]:
        """Every option as the widget's serde spells it on the wire."""
        if self.kind == "button_group":
            # The server splits a leading icon off the formatted option; the wire value joins them again.
            return [
                f"{o.content_icon} {o.content}" if o.content_icon else o.content for o in self.proto.options
            ]
        return list(getattr(self.proto, "options", []))

    def multi(self) -> bool:
        if self.kind == "button_group":
            return self.proto.click_mode == self.proto.MULTI_SELECT
        return self.kind == "multiselect"

    def drawn_value(self) -> Any:
        """The value this delta gives the widget: the server's (set_value), else its default."""
        p, options = self.proto, self.options()
        if self.kind in ("button_group", "multiselect"):
            return list(p.raw_values) if p.set_value else [options[i] for i in p.default if i < len(options)]
        if self.kind in ("radio", "selectbox"):
            if p.set_value and p.HasField("raw_value"):
                return p.raw_value
            return options[p.default] if p.HasField("default") and p.default < len(options) else None
        if self.kind == "checkbox":
            return p.value if p.set_value else p.default
        if self.kind == "text_input":
            return p.value if p.set_value and p.HasField("value") else p.default
        return None

    def state(self, value: Any) -> WidgetState | None:
        state = WidgetState(id=self.id)
        if value is None:
            return None
        if self.kind == "button_group" or self.kind == "multiselect":
            state.string_array_value.data.extend(value)
        elif self.kind == "checkbox":
            state.bool_value = bool(value)
        else:
            state.string_value = value
        return state

    def changed(self, current: Any, rng: random.Random, first_chosen: bool = False) -> Any:
        """A new value, as a person would pick it: toggle one option (never the last one off), or
        pick another single option; `first_chosen` unticks the first chosen option, as pages.py does."""
        options = self.options()
        if self.kind == "checkbox":
            return not current
        if self.multi():
            if first_chosen and current:
                return current[1:]
            option = rng.choice(options)
            if option in current and len(current) > 1:
                return [o for o in current if o != option]
            return [o for o in options if o in current or o == option]
        others = [o for o in options if o != current]
        return rng.choice(others) if others else current


# ---------------------------------------------------------------------------------------------------
# One browser tab's worth of protocol.


class ActionError(Exception):
    """An action that did not end in a successful script run; `closed` when the socket closed under it."""

    def __init__(self, message: str, closed: bool = False) -> None:
        super().__init__(message)
        self.closed = closed


class Connection:
    """One websocket and the greenlet reading it; what it reads goes into the session's state."""

    def __init__(self, session: Session, ws: websocket.WebSocket) -> None:
        self.session, self.ws = session, ws
        self.finished: Queue = Queue()
        self.closing = False
        self.reader = gevent.spawn(self._read)

    def _read(self) -> None:
        reason = "closed by the server"
        try:
            for _ in range(10**9):  # bounded in principle; ends when the socket does
                frame = self.ws.recv()
                if not frame:
                    break
                msg = ForwardMsg()
                msg.ParseFromString(frame)
                self.session.handle(msg, len(frame), self.finished)
        except (websocket.WebSocketException, OSError) as err:
            reason = f"closed socket: {type(err).__name__}"
        self.finished.put(("closed", reason))
        if not self.closing:
            self.session.lost(self, reason)

    def send(self, msg: BackMsg) -> None:
        self.ws.send_binary(msg.SerializeToString())

    def close(self) -> None:
        self.closing = True
        with contextlib.suppress(Exception):
            self.ws.close(timeout=1)
        self.reader.kill(block=False)


class Session:
    """What a browser tab knows of its Streamlit session: pages, current page, query string, widgets."""

    def __init__(self, base: str, timeout: float, report: Any) -> None:
        self.base, self.timeout, self.report = base, timeout, report
        self.http = requests.Session()
        self.conn: Connection | None = None
        self.ready = Event()  # set while connected and not reconnecting
        self.pages: dict[str, Page] = {}
        self.page_hash = ""
        self.query = ""
        self.widgets: dict[str, Widget] = {}
        # The browser keeps what the user set; a delta overrides it only when the server sets the value.
        self.values: dict[str, Any] = {}
        self.cache: dict[str, list] = {}  # hash -> [ForwardMsg, run number last seen]
        self.cache_age = 2
        self.runs = 0
        self.exceptions: list[str] = []
        self.replica = "direct"
        self.bytes = 0
        self.lost_at: float | None = None
        self.reconnecting = False
        self.left = False  # closed on purpose: no reconnecting
        self.recovered: list[tuple[str, float, float]] = []  # (replica before, lost at, recovered at)

    # -- messages --------------------------------------------------------------------------------

    def handle(self, msg: ForwardMsg, size: int, finished: Queue) -> None:
        self.bytes += size
        if msg.HasField("ref_hash"):
            cached = self.cache.get(msg.ref_hash)
            if cached is None:
                self.exceptions.append(f"ref_hash {msg.ref_hash} not cached")
                return
            cached[1] = self.runs
            metadata = msg.metadata
            msg = ForwardMsg()
            msg.CopyFrom(cached[0])
            msg.metadata.CopyFrom(metadata)
        elif msg.metadata.cacheable and msg.hash:
            self.cache[msg.hash] = [msg, self.runs]
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            self.widgets = {}
            self.page_hash = msg.new_session.page_script_hash
            self.cache_age = msg.new_session.config.max_cached_message_age or self.cache_age
            if not self.pages:  # an app without st.navigation: its main script is its page
                for p in msg.new_session.app_pages:
                    url = "" if p.page_script_hash == msg.new_session.main_script_hash else p.url_pathname
                    self.pages[page_name(url, p.page_name)] = Page(
                        page_name(url, p.page_name), url, p.page_script_hash, p.page_name
                    )
        elif kind == "navigation":
            self.pages = {
                page_name(p.url_pathname, p.page_name): Page(
                    page_name(p.url_pathname, p.page_name), p.url_pathname, p.page_script_hash, p.page_name
                )
                for p in msg.navigation.app_pages
            }
            self.page_hash = msg.navigation.page_script_hash or self.page_hash
        elif kind == "page_info_changed":
            self.query = msg.page_info_changed.query_string
        elif kind == "page_not_found":
            self.exceptions.append(f"page not found: {msg.page_not_found.page_name!r}")
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            which = element.WhichOneof("type")
            if which == "exception":
                self.exceptions.append(
                    f"exception: {element.exception.type} {element.exception.message[:120]}"
                )
            elif which in VALUE_WIDGETS and getattr(element, which).id:
                proto = getattr(element, which)
                widget = self.widgets[proto.id] = Widget(which, proto.id, proto)
                if proto.set_value or proto.id not in self.values:
                    self.values[proto.id] = widget.drawn_value()
        elif kind == "script_finished":
            self.runs += 1
            stale = [h for h, (_, seen) in self.cache.items() if self.runs - seen > self.cache_age]
            for h in stale:
                del self.cache[h]
            if msg.script_finished != EARLY_FOR_RERUN:
                # As the browser does after a run: a widget the run did not draw loses its state.
                self.values = {k: v for k, v in self.values.items() if k in self.widgets}
                finished.put(("finished", msg.script_finished))

    # -- connecting --------------------------------------------------------------------------------

    def connect(self, url_path: str, reconnect_of: str = "") -> None:
        """What a browser does before the websocket: the page, the health check, the host config."""
        for path in (f"/{url_path}", "/_stcore/health", "/_stcore/host-config"):
            if reconnect_of and path == f"/{url_path}":
                continue  # a reconnecting tab does not reload its page
            resp = self.http.get(self.base + path, timeout=self.timeout)
            resp.raise_for_status()
        self.replica = self.http.cookies.get(STICKY_COOKIE, "direct")
        parsed = urlparse(self.base)
        cookies = "; ".join(f"{k}={v}" for k, v in self.http.cookies.items())
        ws = websocket.create_connection(
            f"ws://{parsed.netloc}{parsed.path.rstrip('/')}/_stcore/stream",
            subprotocols=["streamlit"],
            cookie=cookies or None,
            timeout=self.timeout,
            enable_multithread=True,
        )
        ws.settimeout(None)  # the reader waits as long as the socket is open; actions time out instead
        self.conn = Connection(self, ws)

    def lost(self, conn: Connection, reason: str) -> None:
        """The socket closed under us: reconnect at once, as the browser does, and rerun the page."""
        if conn is not self.conn or self.reconnecting or self.left:
            return
        self.ready.clear()
        self.lost_at = time.monotonic()
        self.reconnecting = True
        gevent.spawn(self._reconnect, reason)

    def _reconnect(self, reason: str) -> None:
        before, lost_at = self.replica, self.lost_at or time.monotonic()
        deadline = lost_at + self.timeout
        last: Exception | None = None
        try:
            for attempt in range(1000):  # bounded by the deadline too
                if self.left:
                    return
                if time.monotonic() > deadline:
                    break
                try:
                    if self.conn is not None:
                        self.conn.close()
                    self.connect("", reconnect_of=before)
                    ms = self.run(self.client_state(), wait_ready=False)
                    extra = {"replica": self.replica, "replica_before": before}
                    self.report("reconnect", self.current_page_name(), ms, None, extra)
                    self.recovered.append((before, lost_at, time.monotonic()))
                    self.ready.set()
                    return
                except (ActionError, OSError, requests.RequestException, websocket.WebSocketException) as err:
                    last = err
                    gevent.sleep(min(0.25 * (attempt + 1), 2))
            extra = {"replica_before": before}
            error = f"{reason}; gave up reconnecting after {self.timeout:g} s: {last}"
            self.report("reconnect", self.current_page_name(), 0.0, error, extra)
            self.close()
        finally:
            self.reconnecting = False

    def close(self) -> None:
        self.left = True
        if self.conn:
            self.conn.close()
        self.conn = None
        self.ready.clear()

    # -- actions -----------------------------------------------------------------------------------

    def current_page_name(self) -> str:
        return next((p.name for p in self.pages.values() if p.script_hash == self.page_hash), "?")

    def value(self, widget: Widget) -> Any:
        return self.values.get(widget.id, widget.drawn_value())

    def client_state(self) -> ClientState:
        state = ClientState(query_string=self.query, page_script_hash=self.page_hash)
        state.cached_message_hashes.extend(self.cache)
        for widget in self.widgets.values():
            ws = widget.state(self.value(widget))
            if ws is not None:
                state.widget_states.widgets.append(ws)
        return state

    def run(self, state: ClientState, wait_ready: bool = True) -> float:
        """Send one rerun_script and wait for its script_finished; the latency in ms, or ActionError."""
        if wait_ready and not self.ready.wait(self.timeout):
            raise ActionError("not connected (reconnecting did not finish)")
        conn = self.conn
        if conn is None:
            raise ActionError("not connected")
        while not conn.finished.empty():  # nothing should be pending; a leftover is not this run's
            conn.finished.get_nowait()
        self.exceptions = []
        msg = BackMsg()
        msg.rerun_script.CopyFrom(state)
        start = time.perf_counter()
        conn.send(msg)
        try:
            what, value = conn.finished.get(timeout=self.timeout)
        except Empty:
            raise ActionError(f"timeout: no script_finished in {self.timeout:g} s") from None
        ms = (time.perf_counter() - start) * 1e3
        if what == "closed":
            raise ActionError(value, closed=True)
        if value not in (FINISHED, FRAGMENT):
            raise ActionError(f"script_finished status {value}")
        if self.exceptions:
            raise ActionError(self.exceptions[0])
        return ms

    def open(self, page: Page) -> float:
        """A new tab on a deep link: connect, then the first rerun_script names the page by its path."""
        self.connect(page.url_path)
        state = ClientState(query_string="", page_name=page.url_path)
        ms = self.run(state, wait_ready=False)
        self.ready.set()
        return ms

    def switch(self, page: Page) -> float:
        state = self.client_state()
        state.page_script_hash, state.query_string = page.script_hash, ""
        return self.run(state)

    def change(self, widget: Widget, value: Any) -> float:
        self.values[widget.id] = value
        ms = self.run(self.client_state())
        if widget.key in URL_KEPT and not self.in_url(widget, value):
            raise ActionError(f"the server did not take {widget.key}={value!r}: the URL says {self.query!r}")
        return ms

    def in_url(self, widget: Widget, value: Any) -> bool:
        """Whether the query string holds `value` as the dashboard writes it: no parameter for the
        default (every option, or the radio's first), an empty one for none, else one per choice."""
        params = parse_qs(self.query, keep_blank_values=True).get(widget.key)
        options = widget.options()
        if not widget.multi():
            return (value == options[widget.proto.default]) == (params is None)
        if len(value) == len(options):
            return params is None
        return params == [""] if not value else params is not None and len(params) == len(value)

    def find(self, prefix: str) -> Widget | None:
        # Exact key, or a key family ("skill-pills-" for one pills widget per skill category).
        for widget in self.widgets.values():
            if widget.key == prefix or (prefix.endswith("-") and widget.key.startswith(prefix)):
                return widget
        return None


# ---------------------------------------------------------------------------------------------------
# What a person does, step by step.


@dataclass
class Step:
    kind: str  # "open", "switch" or "filter"
    page: Page
    filter: str = ""  # "own" (the page's own filter, else a sidebar one) or a sidebar key


def person_tour(catalog: list[Page], start: int) -> list[Step]:
    """Every page in turn from page `start` on, each opened then filtered once (see the docstring)."""
    start %= len(catalog)
    pages = catalog[start:] + catalog[:start]
    steps: list[Step] = []
    for i, page in enumerate(pages):
        steps.append(Step("open" if i == 0 else "switch", page))
        steps.append(Step("filter", page, "own"))
    if len(pages) == 1:  # one page only: stay a while, changing its filters
        steps += [Step("filter", pages[0], f) for f in ("region", "own", "unit", "own", "region", "own")]
    return steps


def browser_tour(catalog: list[Page]) -> list[Step]:
    """benchmarks/pages.py's measurement: each page in a new session, then one rerun."""
    steps: list[Step] = []
    for page in catalog:
        steps += [Step("open", page), Step("filter", page, "first-chosen")]
    return steps


class Person:
    """One simulated user: a tour of steps, a new session per tour (a new person arrives)."""

    def __init__(self, index: int, base: str, settings: Settings, report: Any) -> None:
        self.index, self.base, self.settings, self.report = index, base, settings, report
        self.rng = random.Random(settings.seed * 100_003 + index)
        self.session: Session | None = None
        self.steps: list[Step] = []
        self.sidebar_turn = index  # alternates regions and money unit
        self.sessions_opened = 0
        self.finished_sessions: list[Session] = []

    def catalog(self) -> list[Page]:
        pages = self.settings.catalog
        if self.settings.pages:
            pages = [p for p in pages if p.name in self.settings.pages]
        return pages

    def next_tour(self) -> list[Step]:
        if self.settings.plan == "browser":
            return browser_tour(self.catalog())
        pages = self.catalog()
        # Few users start far apart, so that even a short run meets every page.
        start = self.index * len(pages) // self.settings.users if self.settings.users else self.index
        return person_tour(pages, start + self.sessions_opened)

    def act(self) -> None:
        """One action, reported; a failed one ends the session (the next action opens a new one)."""
        if not self.steps:
            self.leave()
            self.steps = self.next_tour()
        step = self.steps.pop(0)
        if step.kind == "open" or self.session is None:
            self.leave()
            self.session = Session(self.base, self.settings.timeout, self._report)
            self.sessions_opened += 1
            step = Step("open", step.page)
        name, extra, cpu0 = step.kind, {"replica": self.session.replica}, self._cpu()
        try:
            try:
                if step.kind == "open":
                    ms = self.session.open(step.page)
                elif step.kind == "switch":
                    ms = self.session.switch(step.page)
                else:
                    widget, value, name = self.pick_filter(step)
                    ms = self.session.change(widget, value)
            except (OSError, requests.RequestException, websocket.WebSocketException) as err:
                what = "connect failed" if step.kind == "open" else "socket failed"
                raise ActionError(f"{what}: {type(err).__name__}: {err}") from err
            extra["replica"] = self.session.replica
            if cpu0 is not None:
                extra["server_cpu_ms"] = (self._cpu() - cpu0) * 1e3
            self._report(name, step.page.name, ms, None, extra)
            if self.settings.plan == "browser" and step.kind == "filter":
                self.leave()  # pages.py closes its browser context after the rerun
        except ActionError as err:
            self._report(name, step.page.name, 0.0, str(err), extra)
            if not (err.closed and self.session.reconnecting):
                self.leave()  # a lost session: the next action starts a new one
                self.steps = []
            # else the tab reconnects by itself (Session.lost) and the next action waits for it

    def pick_filter(self, step: Step) -> tuple[Widget, Any, str]:
        session = self.session
        assert session is not None
        widget = None
        if not any(session.find(k) for k in SIDEBAR_FILTERS):
            # An app without the dashboard's filters (the bare app): its first multi-choice widget.
            widget = next((w for w in session.widgets.values() if w.multi()), None)
        elif step.filter in ("own", "first-chosen"):
            # pages.py reruns Skills and AWS services by their own pills, every other page by the regions.
            keys = OWN_FILTERS if step.filter == "own" else ("category", "family")
            widget = next((w for key in keys if (w := session.find(key))), None)
        if widget is None and session.widgets:
            key = step.filter if step.filter in SIDEBAR_FILTERS else None
            if key is None:
                key = "region" if step.filter == "first-chosen" else SIDEBAR_FILTERS[self.sidebar_turn % 2]
                self.sidebar_turn += 1
            widget = session.find(key)
        if widget is None:
            raise ActionError(f"no filter to change on {step.page.name} (widgets: {sorted(session.widgets)})")
        label = widget.key.removeprefix("survey-f-") if widget.key else widget.kind
        if widget.key.startswith("skill-pills-"):
            label = "skill"
        first = step.filter == "first-chosen"
        return widget, widget.changed(session.value(widget), self.rng, first_chosen=first), f"filter:{label}"

    def _cpu(self) -> float | None:
        return tree_cpu_seconds(self.settings.server_pids) if self.settings.server_pids else None

    def _report(self, action: str, page: str, ms: float, error: str | None, extra: dict) -> None:
        self.report(self.index, action, page, ms, error, extra)

    def leave(self) -> None:
        if self.session is not None:
            self.session.close()
            self.finished_sessions.append(self.session)
            self.session = None


# ---------------------------------------------------------------------------------------------------
# Locust: the user class, and what it reports.


@dataclass
class Sample:
    user: int
    action: str
    page: str
    ms: float
    error: str | None
    at: float
    extra: dict


class Collector:
    """Every action as it happened, exactly (Locust's own statistics round response times)."""

    def __init__(self) -> None:
        self.samples: list[Sample] = []
        self.people: list[Person] = []

    def reset(self) -> None:
        self.samples, self.people = [], []


COLLECTOR = Collector()


class StreamlitUser(User):
    """A person on the dashboard, over the websocket (see the module docstring)."""

    def on_start(self) -> None:
        self.person = Person(len(COLLECTOR.people), self.environment.host, SETTINGS, self._report)
        COLLECTOR.people.append(self.person)
        self._last = 0.0

    def wait_time(self) -> float:
        # Constant pacing: one action every `think` seconds, however long the action took.
        return max(0.0, self._last + SETTINGS.think - time.monotonic())

    @task
    def act(self) -> None:
        self._last = time.monotonic()
        self.person.act()

    def on_stop(self) -> None:
        self.person.leave()

    def _report(self, index: int, action: str, page: str, ms: float, error: str | None, extra: dict) -> None:
        COLLECTOR.samples.append(Sample(index, action, page, ms, error, time.monotonic(), extra))
        self.environment.events.request.fire(
            request_type="ws",
            name=f"{page} {action}",
            response_time=ms,
            response_length=0,
            exception=ActionError(error) if error else None,
            context=extra,
        )


def discover(base: str, timeout: float, warm: list[str] | None = None) -> list[Page]:
    """The app's pages, as its navigation message lists them; each opened once on each server of
    `warm` (default: `base`), so that no measured step pays a replica's first imports and caches."""
    probe = Session(base, timeout, lambda *a: None)
    probe.connect("")
    try:
        probe.run(ClientState(query_string="", page_name=""), wait_ready=False)
        catalog = list(probe.pages.values())
    finally:
        probe.close()
    for server in warm or [base]:
        for page in catalog:
            session = Session(server, timeout, lambda *a: None)
            try:
                session.open(page)
            finally:
                session.close()
    return catalog


@events.init_command_line_parser.add_listener
def _locust_options(parser: Any) -> None:
    parser.add_argument("--think", type=float, default=10.0, help="seconds between one user's actions")
    parser.add_argument("--pages", default="", help="comma-separated page names to tour (default all)")
    parser.add_argument("--action-timeout", type=float, default=30.0, help="seconds an action may take")


@events.test_start.add_listener
def _locust_test_start(environment: Environment, **_: Any) -> None:
    """Under Locust's own CLI: its options into SETTINGS, and the page list from the server."""
    options = environment.parsed_options
    if options is None or not hasattr(options, "think"):
        return  # our own CLI has set SETTINGS already
    check_loopback(environment.host or "")
    SETTINGS.think, SETTINGS.timeout = options.think, options.action_timeout
    SETTINGS.pages = [p for p in options.pages.split(",") if p] or None
    if not SETTINGS.catalog and environment.host:
        SETTINGS.catalog = discover(environment.host, SETTINGS.timeout)


# ---------------------------------------------------------------------------------------------------
# Runs, and what they measured.


def check_loopback(url: str) -> None:
    host = urlparse(url).hostname or ""
    if host not in LOOPBACK:
        raise SystemExit(
            f"refusing {url!r}: this benchmark only targets loopback (127.0.0.1, localhost, ::1)"
        )


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def summarize(samples: list[Sample], seconds: float) -> dict:
    ok = [s.ms for s in samples if s.error is None]
    return {
        "actions": len(samples),
        "errors": sum(s.error is not None for s in samples),
        "p50_ms": pct(ok, 0.50),
        "p95_ms": pct(ok, 0.95),
        "p99_ms": pct(ok, 0.99),
        "max_ms": max(ok, default=None),
        "mean_ms": statistics.fmean(ok) if ok else None,
        "actions_per_s": len(samples) / seconds if seconds else None,
    }


def cpu_by_action(samples: list[Sample]) -> dict:
    """Server CPU around each action (one user only), median per page and action, ms."""
    by: dict[str, list[float]] = defaultdict(list)
    for s in samples:
        if s.error is None and "server_cpu_ms" in s.extra:
            by[f"{s.page} {s.action}"].append(s.extra["server_cpu_ms"])
    return {
        k: {"median_ms": statistics.median(v), "mean_ms": statistics.fmean(v), "n": len(v)}
        for k, v in by.items()
    }


def rss_mib(value: int) -> float:
    return round(value / 2**20, 1)


def run_once(
    base: str,
    users: int,
    duration: float,
    server_pids: Any,
    settle: float,
    kill: Any = None,
    warmup: float = 0.0,
) -> dict:
    """`users` simulated users for `warmup` + `duration` seconds against `base`; the summary as a dict.

    Latencies, actions and CPU are of the `duration` after the warm-up (all users have arrived);
    errors are counted over the whole run.

    `server_pids` is a callable giving the replicas' pids now; `kill(index)` kills one replica.
    """
    COLLECTOR.reset()
    env = Environment(
        user_classes=[StreamlitUser], host=base, events=events, stop_timeout=SETTINGS.timeout + 5
    )
    SETTINGS.server_pids = list(server_pids()) if users == 1 else []
    SETTINGS.users = users
    pids0 = list(server_pids())
    # Per replica, so that a replica killed halfway leaves the survivors' readings comparable.
    rss0 = {pid: tree_rss_bytes([pid]) for pid in pids0}
    rss_before = sum(rss0.values())
    peak = [rss_before]
    sampling = [True]

    def sample_rss() -> None:
        for _ in range(int(MAX_DURATION_S * 4)):  # bounded: the longest run at 4 samples a second
            if not sampling[0]:
                return
            peak[0] = max(peak[0], tree_rss_bytes(list(server_pids())))
            gevent.sleep(0.25)

    sampler = gevent.spawn(sample_rss)
    runner = env.create_local_runner()
    # Arrivals spread over one think time (at most a quarter of the run): no stampede at t=0.
    ramp = max(0.5, min(SETTINGS.think, duration / 4))
    runner.start(users, spawn_rate=max(users / ramp, 1))
    gevent.sleep(warmup)
    started = time.monotonic()
    cpu0 = {pid: tree_cpu_seconds([pid]) for pid in pids0}
    busy0, self0 = machine_busy_seconds(), _own_cpu()
    kill_info: dict | None = None
    if kill is not None:
        gevent.sleep(duration / 2)
        kill_info = {"victim": None, "at_s": round(time.monotonic() - started, 2)}
        replicas = [p.session.replica for p in COLLECTOR.people if p.session]
        victim = "app1"
        kill_info["victim"] = victim
        kill_info["users_on_victim"] = sum(r == victim for r in replicas)
        kill_info["users_elsewhere"] = len(replicas) - kill_info["users_on_victim"]
        killed_at = time.monotonic()
        kill(int(victim.removeprefix("app")) - 1)
        gevent.sleep(max(0.0, started + duration - time.monotonic()))
    else:
        gevent.sleep(duration)
    alive = [pid for pid in server_pids() if pid in rss0]
    elapsed = time.monotonic() - started
    cpu = sum(tree_cpu_seconds([pid]) - cpu0[pid] for pid in alive)
    busy, own = machine_busy_seconds() - busy0, _own_cpu() - self0
    rss_open = tree_rss_bytes(alive)
    open_sessions = sum(p.session is not None for p in COLLECTOR.people)
    runner.stop()
    for person in COLLECTOR.people:
        person.leave()
    runner.quit()
    gevent.sleep(settle)
    if settle > 0:
        poke(base)
    rss_after = tree_rss_bytes(alive)
    rss_alive_before = sum(rss0[pid] for pid in alive)
    sampling[0] = False
    sampler.join(timeout=2)

    everything = COLLECTOR.samples
    # An action belongs to the measured window if it was sent in it.
    samples = [s for s in everything if started <= s.at - s.ms / 1e3 <= started + elapsed]
    actions = [s for s in samples if s.action != "reconnect"]
    result = {"users": users, "duration_s": round(elapsed, 2), "warmup_s": warmup}
    result.update(summarize(actions, elapsed))
    result["errors"] = sum(s.error is not None for s in everything)
    result["errors_in_window"] = sum(s.error is not None for s in samples)
    pages: dict[str, list[Sample]] = defaultdict(list)
    by_action: dict[str, list[Sample]] = defaultdict(list)
    for s in actions:
        pages[s.page].append(s)
        by_action[f"{s.page} {s.action}"].append(s)
    result["pages"] = {name: summarize(group, elapsed) for name, group in sorted(pages.items())}
    result["by_action"] = {name: summarize(group, elapsed) for name, group in sorted(by_action.items())}
    result["pages_visited"] = sorted(pages)
    result["pages_in_app"] = [p.name for p in SETTINGS.catalog]
    result["page_titles"] = {p.name: p.title for p in SETTINGS.catalog}
    errors = [s for s in everything if s.error]
    result["error_samples"] = [f"user {s.user} {s.page} {s.action}: {s.error}" for s in errors[:20]]
    result["sessions_opened"] = sum(p.sessions_opened for p in COLLECTOR.people)
    result["server"] = {
        "pids": pids0,
        "pids_alive_at_end": alive,  # CPU and the RSS after "before" are of these
        "cpu_s": round(cpu, 2) if cpu is not None else None,
        "cpu_ms_per_action": round(cpu * 1e3 / len(actions), 1) if cpu and actions else None,
        "cpu_share_of_one_core": round(cpu / elapsed, 3) if cpu is not None else None,
        "rss_before_mib": rss_mib(rss_before),
        "rss_peak_mib": rss_mib(peak[0]),
        "peak_rss_bytes": peak[0],
        "rss_open_mib": rss_mib(rss_open),
        "open_sessions": open_sessions,
        "rss_growth_per_100_sessions_mib": rss_mib(
            (rss_open - rss_alive_before) * 100 / max(open_sessions, 1)
        ),
        "rss_after_close_mib": rss_mib(rss_after),
        "settle_s": settle,
        "rss_after_close_vs_before": round(rss_after / rss_alive_before, 3) if rss_alive_before else None,
    }
    if users == 1:
        result["server"]["cpu_by_action"] = cpu_by_action(actions)
    result["client"] = {"cpu_s": round(own, 2), "machine_busy_s": round(busy, 2), "cores": os.cpu_count()}
    if kill_info is not None:
        result["kill_one"] = kill_report(kill_info, killed_at, everything)
    return result


def poke(base: str) -> None:
    """One short session: Streamlit drops closed sessions past server.disconnectedSessionTTL (120 s)
    only when its session store next changes, so the after-close reading needs one more session."""
    probe = Session(base, SETTINGS.timeout, lambda *a: None)
    with contextlib.suppress(ActionError, OSError, requests.RequestException, websocket.WebSocketException):
        probe.open(SETTINGS.catalog[0])
    probe.close()
    gevent.sleep(1)


def kill_report(info: dict, killed_at: float, samples: list[Sample]) -> dict:
    """What the killed replica's users lost, and how long until each carried on."""
    victim = info["victim"]
    after = [s for s in samples if s.at >= killed_at]
    hit = {
        s.user for s in after if s.extra.get("replica") == victim or s.extra.get("replica_before") == victim
    }
    failed = [s for s in after if s.error and s.user in hit]
    carried_on: dict[int, float] = {}
    for s in after:
        if s.user in hit and s.error is None and s.user not in carried_on:
            carried_on[s.user] = s.at - killed_at
    others_failed = [s for s in after if s.error and s.user not in hit]
    waits = sorted(carried_on.values())
    reconnects = [s.ms for s in after if s.action == "reconnect" and s.error is None]
    return {
        **info,
        "users_hit": len(hit),
        "failed_actions": len(failed),
        "failed_samples": [f"user {s.user} {s.page} {s.action}: {s.error}" for s in failed[:10]],
        "users_carried_on": len(carried_on),
        "users_never_carried_on": len(hit) - len(carried_on),
        "carry_on_s_p50": round(statistics.median(waits), 2) if waits else None,
        "carry_on_s_max": round(waits[-1], 2) if waits else None,
        "reconnects": len(reconnects),
        # The reconnecting rerun alone; carry_on_s adds finding a live replica (HAProxy retries, checks).
        "reconnect_rerun_ms_p50": round(statistics.median(reconnects), 1) if reconnects else None,
        "other_users_failed_actions": len(others_failed),
        "what_is_lost": "the action in flight, and session state not held in widgets or the URL; "
        "the page, its query string and widget values are sent again by the client on reconnect",
    }


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def print_result(label: str, r: dict) -> None:
    def ms(value: float | None) -> str:
        return "–" if value is None else f"{value:.0f}"

    server = r["server"]
    print(f"\n## {label}: {r['users']} users, {r['duration_s']:.0f} s, think {SETTINGS.think:g} s")
    print(f"{'page / action':<34}{'n':>6}{'err':>5}{'p50':>7}{'p95':>7}{'p99':>7}")
    rows = [("all", r), *r["pages"].items(), *((f"  {k}", v) for k, v in r["by_action"].items())]
    for name, v in rows:
        cells = "".join(f"{ms(v[k]):>7}" for k in ("p50_ms", "p95_ms", "p99_ms"))
        print(f"{name:<34}{v['actions']:>6}{v['errors']:>5}{cells}")
    print(f"actions/s {r['actions_per_s']:.2f}; server CPU {server['cpu_s']} s "
          f"({server['cpu_ms_per_action']} ms/action, {server['cpu_share_of_one_core']} of a core); "
          f"client CPU {r['client']['cpu_s']} s; machine busy {r['client']['machine_busy_s']} s")  # fmt: skip
    print(f"server RSS MiB: before {server['rss_before_mib']}, peak {server['rss_peak_mib']}, "
          f"{server['open_sessions']} sessions open {server['rss_open_mib']} "
          f"({server['rss_growth_per_100_sessions_mib']} per 100), after close +{server['settle_s']:g} s "
          f"{server['rss_after_close_mib']}")  # fmt: skip
    for line in r["error_samples"]:
        print(f"  error: {line}")
    if "kill_one" in r:
        k = r["kill_one"]
        print(f"kill-one: {k['victim']} killed at {k['at_s']} s; {k['users_hit']} users hit, "
              f"{k['failed_actions']} actions failed, {k['users_carried_on']} carried on "
              f"(p50 {k['carry_on_s_p50']} s, max {k['carry_on_s_max']} s), "
              f"{k['users_never_carried_on']} never did; other users' failed actions: "
              f"{k['other_users_failed_actions']}")  # fmt: skip


def targets(args: argparse.Namespace, catalog: list[Page]) -> list[tuple[str, list[str] | None]]:
    """(label, pages) for each series: every page together, each page alone, or the pages named."""
    names = [p.name for p in catalog]
    if args.pages == "all" or len(catalog) == 1:
        return [("all pages" if len(catalog) > 1 else names[0], None)]
    if args.pages == "each":
        return [(name, [name]) for name in names]
    wanted = [p for p in args.pages.split(",") if p]
    unknown = [p for p in wanted if p not in names]
    if unknown:
        raise SystemExit(f"unknown pages {unknown}; the app has {names}")
    return [(",".join(wanted), wanted)]


def series(
    args: argparse.Namespace,
    base: str,
    pids: Any,
    app: str,
    replicas: int | None,
    kill: Any,
    warm: list[str] | None = None,
) -> list:
    """Each target, stepping users until p95 passes the limit; one result per step."""
    SETTINGS.catalog = discover(base, SETTINGS.timeout, warm)
    results = []
    for label, pages in targets(args, SETTINGS.catalog):
        SETTINGS.pages = pages
        for step in args.users:
            users = step * (replicas or 1) if args.per_replica else step
            warmup = SETTINGS.think if args.warmup is None else args.warmup
            result = run_once(base, users, args.duration, pids, args.settle, kill, warmup)
            result.update(app=app, replicas=replicas, target=label, think_s=SETTINGS.think, url=base)
            where = f"{app}, {replicas} replica(s) via HAProxy" if replicas else f"{app} at {base}"
            print_result(f"{where}: {label}", result)
            results.append(result)
            if result["p95_ms"] is None or result["p95_ms"] > args.p95_limit_ms or result["errors"]:
                break
    return results


def capacity(results: list[dict], limit_ms: float) -> list[dict]:
    """Per app, replicas and target: the most users whose run kept p95 within the limit and had no error."""
    best: dict[tuple, dict] = {}
    for r in results:
        key = (r["app"], r["replicas"], r["target"])
        entry = best.setdefault(key, {"app": r["app"], "replicas": r["replicas"], "target": r["target"],
                                      "users": 0, "cpu_ms_per_action": None})  # fmt: skip
        passed = r["p95_ms"] is not None and r["p95_ms"] <= limit_ms and not r["errors"]
        if passed and r["users"] > entry["users"]:
            cpu = r["server"]["cpu_ms_per_action"]
            entry.update(users=r["users"], p95_ms=r["p95_ms"], cpu_ms_per_action=cpu)
    for entry in best.values():
        bare = best.get(("bare", entry["replicas"], "main"), {}).get("users")
        entry["vs_bare"] = round(entry["users"] / bare, 2) if bare and entry["app"] != "bare" else None
    return list(best.values())


def compare_browser(results: list[dict], browser_json: Path) -> dict:
    """This client's one-user times per page against benchmarks/pages.py's (its --json output); the
    bare app's row comes from a bare-defaults run (pages.py runs it with Streamlit's defaults)."""
    browser = json.loads(browser_json.read_text())["pages"]
    rows = {}
    for (title, loads), result in (
        (item, r) for r in results for item in browser.items() if r.get("app") != "bare"
    ):
        titles = result["page_titles"]
        if title == "bare app":
            name = next(iter(titles)) if len(titles) == 1 else None  # the bare app's one page
        else:
            name = next((n for n, t in titles.items() if t == title), None)
        if name is None:
            continue

        def med(field: str, loads: list = loads) -> float | None:
            values = [x[field] for x in loads if x.get(field) is not None]
            return statistics.median(values) if values else None

        proto = {k.split(" ", 1)[1]: v for k, v in result["by_action"].items() if k.split(" ", 1)[0] == name}
        cpu = {k.split(" ", 1)[1]: v for k, v in result["server"].get("cpu_by_action", {}).items()
               if k.split(" ", 1)[0] == name}  # fmt: skip
        rerun = next((v for k, v in proto.items() if k.startswith("filter:")), {})
        rerun_cpu = next((v for k, v in cpu.items() if k.startswith("filter:")), {})
        rows["bare app" if title == "bare app" else name] = {
            "browser_load_script_done_ms": med("script_done_ms"),
            "browser_load_wire_ms": med("wire_load_ms"),
            "proto_open_ms": proto.get("open", {}).get("p50_ms"),
            "browser_rerun_script_done_ms": med("rerun_script_done_ms"),
            "browser_rerun_wire_ms": med("wire_rerun_ms"),
            "proto_rerun_ms": rerun.get("p50_ms"),
            "browser_load_server_cpu_ms": med("server_cpu_ms"),
            "proto_open_server_cpu_ms": cpu.get("open", {}).get("median_ms"),
            "browser_rerun_server_cpu_ms": med("rerun_server_cpu_ms"),
            "proto_rerun_server_cpu_ms": rerun_cpu.get("median_ms"),
        }
    # Script done in the browser = its wire time + input handling and drawing; the wire time (Chromium's
    # websocket frame timestamps, rerun_script sent -> script_finished) is what this client measures.
    print("\n## against the browser (benchmarks/pages.py), medians in ms")
    print(f"{'':<14}{'load: browser script done':>26}{'wire':>6}{'proto':>6}"
          f"{'rerun: script done':>20}{'wire':>6}{'proto':>6}"
          f"{'server CPU load: browser':>26}{'proto':>6}{'rerun: browser':>16}{'proto':>6}")  # fmt: skip
    widths = (26, 6, 6, 20, 6, 6, 26, 6, 16, 6)
    for name, row in rows.items():
        cells = "".join(
            f"{(f'{v:.0f}' if v is not None else '–'):>{w}}"
            for v, w in zip(row.values(), widths, strict=True)
        )
        print(f"{name:<14}{cells}")
    return rows


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--url", help="a server or balancer already running on loopback")
    where.add_argument(
        "--replicas", help="comma-separated replica counts to start behind HAProxy, e.g. 1,2,4"
    )
    parser.add_argument(
        "--users", required=True, help="simulated users, or a comma-separated series of steps"
    )
    parser.add_argument("--duration", type=float, required=True, help="seconds each step is measured")
    parser.add_argument(
        "--warmup",
        type=float,
        help="seconds before that, while the users arrive (default: one think time); errors still count",
    )
    parser.add_argument("--think", type=float, default=10.0, help="seconds between one user's actions (10)")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--kill-one", action="store_true", help="kill replica app1 halfway (2+ replicas)")
    parser.add_argument(
        "--app", default="app", help="with --replicas: app, bare, bare-defaults, or several (bare,app)"
    )
    parser.add_argument("--pages", default="all", help="all (one tour of every page), each (a series per "
                        "page alone), or comma-separated page names")  # fmt: skip
    parser.add_argument("--per-replica", action="store_true", help="--users counts per replica")
    parser.add_argument(
        "--p95-limit-ms", type=float, default=1000.0, help="stop stepping past this p95 (1000)"
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds an action may take (30)")
    parser.add_argument(
        "--settle",
        type=float,
        default=2.0,
        help="seconds after closing before the RSS reading, then one probe session (past 120 s Streamlit "
        "has dropped the closed sessions)",
    )
    parser.add_argument("--plan", choices=("person", "browser"), default="person", help="what users do")
    parser.add_argument("--browser-json", type=Path, help="benchmarks/pages.py --json output to compare with")
    parser.add_argument("--survey", help="CAREERS_SURVEY_PATH for the servers this starts")
    parser.add_argument(
        "--server-pids", help="with --url: the server processes (default: the port's listener)"
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    args.users = [int(u) for u in args.users.split(",")]
    if not all(0 < u <= MAX_USERS for u in args.users) or not 0 < args.duration <= MAX_DURATION_S:
        parser.error(f"users must be 1..{MAX_USERS} and duration 0..{MAX_DURATION_S} s")
    if args.url:
        check_loopback(args.url)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # each step's table as it finishes, also into a log file
    # `kill` must still stop the replicas and HAProxy (the finally blocks), not leave them running.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    SETTINGS.think, SETTINGS.timeout = args.think, args.timeout
    SETTINGS.plan, SETTINGS.seed = args.plan, args.seed
    results: list[dict] = []
    if args.url:
        base = args.url.rstrip("/")
        port = urlparse(base).port or 80
        pids = [int(p) for p in args.server_pids.split(",")] if args.server_pids else listening_pids(port)
        results += series(args, base, lambda: pids, "given", None, None)
    else:
        env = {"CAREERS_SURVEY_PATH": str(Path(args.survey).resolve())} if args.survey else {}
        for app in args.app.split(","):
            for replicas in [int(r) for r in args.replicas.split(",")]:
                script, app_env = APPS[app]
                cluster = Cluster(replicas, via_haproxy=True, script=script, env={**env, **app_env})
                try:
                    cluster.start()
                    kill = cluster.kill if args.kill_one and replicas > 1 else None
                    if kill and len(args.users) > 1:
                        raise SystemExit("--kill-one takes one --users value (the killed replica stays down)")
                    # Each replica warmed directly: through HAProxy a page's first visit lands on one.
                    warm = [f"http://127.0.0.1:{port}" for port in cluster.ports]
                    results += series(args, cluster.base, cluster.pids, app, replicas, kill, warm)
                finally:
                    cluster.stop()
    out = {**results[-1], "results": results, "capacity": capacity(results, args.p95_limit_ms)}
    out["config"] = {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()}
    if args.browser_json:
        out["browser_comparison"] = compare_browser(results, args.browser_json)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
