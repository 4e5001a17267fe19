"""The bookkeeping behind freeing a departed uploader's memory (dashboard.app.sessions, issue 19).

Visits and Streamlit's runtime are stand-ins here; tests/survey/test_memory_browser.py runs the
real thing in a live server.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from streamlit import runtime
from streamlit.runtime.state import SafeSessionState, SessionState

from dashboard.app import sessions


def run_loop(main):
    """asyncio.run(main()) in a thread of its own: the browser tests' Playwright runs a loop in this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, main()).result(timeout=30)


@pytest.fixture
def visits(monkeypatch: pytest.MonkeyPatch):
    """visit(name): make that session the one whose script is running."""
    monkeypatch.setattr(sessions, "_HOLDERS", {})
    monkeypatch.setattr(sessions, "_DROPS", {})
    made: dict[str, sessions._Visit] = {}

    def visit(name: str) -> sessions._Visit:
        if name not in made:
            # The real (thread-safe) state a script run holds, as sessions keeps it.
            state = SafeSessionState(SessionState(), lambda: None)
            state["survey-session"] = "the parsed upload"
            made[name] = sessions._Visit(name, state=state)
        current = made[name]
        monkeypatch.setattr(sessions, "_this_visit", lambda: current)
        return current

    return visit


def test_a_thing_is_dropped_once_no_session_holds_it(visits):
    dropped: list[str] = []
    visits("a")
    sessions.hold("X", lambda: dropped.append("X"))
    visits("b")
    sessions.hold("X", lambda: dropped.append("X"))
    visits("a")
    sessions.let_go()
    assert dropped == []  # b still shows it
    visits("b")
    sessions.hold("Y", lambda: dropped.append("Y"))  # b's new upload replaced X
    assert dropped == ["X"]
    sessions.let_go()  # b removed it, or went back to the server's survey
    assert dropped == ["X", "Y"] and not sessions._HOLDERS


class FakeRuntime:
    def __init__(self, active: set[str]) -> None:
        self.active, self.closed = active, []

    def is_active_session(self, session_id: str) -> bool:
        return session_id in self.active

    def close_session(self, session_id: str) -> None:
        self.closed.append(session_id)


@pytest.fixture
def fake_runtime(monkeypatch: pytest.MonkeyPatch):
    def install(active: set[str]) -> FakeRuntime:
        fake = FakeRuntime(active)
        monkeypatch.setattr(runtime, "exists", lambda: True)
        monkeypatch.setattr(runtime, "get_instance", lambda: fake)
        return fake

    return install


def test_a_session_whose_visitor_left_is_closed_emptied_and_collected(visits, fake_runtime, monkeypatch):
    dropped, collected = [], []
    monkeypatch.setattr(sessions, "_collect", lambda: collected.append(1))
    monkeypatch.setattr(sessions, "_SECOND_COLLECTION_S", 0.0)
    gone = visits("gone")
    sessions.hold("X", lambda: dropped.append("X"))
    fake = fake_runtime(active=set())

    async def leave() -> None:
        sessions._end_if_gone(gone)
        await asyncio.sleep(0.05)  # the second collection

    run_loop(leave)
    assert fake.closed == ["gone"] and dropped == ["X"] and collected == [1, 1]
    # Closing does not free the state while Streamlit's runtime still refers to the session.
    assert "survey-session" not in gone.state and not gone.state.filtered_state


def test_a_visitor_who_came_back_keeps_the_session(visits, fake_runtime):
    dropped = []
    back = visits("back")
    sessions.hold("X", lambda: dropped.append("X"))
    fake = fake_runtime(active={"back"})
    sessions._end_if_gone(back)
    assert fake.closed == [] and dropped == [] and "survey-session" in back.state


def test_the_check_is_scheduled_before_streamlits_own_expiry(monkeypatch):
    scheduled = []
    monkeypatch.setattr(sessions, "_end_if_gone", lambda visit: scheduled.append(visit))
    sessions._visitor_left(sessions._Visit("x"))  # no event loop: a cache clear, not a disconnect
    assert scheduled == []
    monkeypatch.setattr(sessions.st, "get_option", {"server.disconnectedSessionTTL": 1}.get)

    async def disconnect() -> float:
        loop = asyncio.get_running_loop()
        start = loop.time()
        sessions._visitor_left(sessions._Visit("x"))
        while not scheduled:
            await asyncio.sleep(0.02)
        return loop.time() - start

    waited = run_loop(disconnect)
    assert 0.4 < waited < 1.0  # half the TTL (at most 2 s before it): Streamlit's expiry comes at 1 s
