"""What a visitor who uploaded a survey and left still holds, handed back (issue 19).

Streamlit frees a departed session's uploads (its file manager's bytes) and its session_state (where
survey_page keeps the parsed upload, SESSION_SURVEY) only when it shuts that session down, which for
a session that simply timed out happens in AppSession.__del__: its storage drops a timed-out session
without shutting it down, and the session sits in reference cycles, so only Python's collector frees
it, and with runner.postScriptGC off that took as long as the collector's thresholds did (a 150 MB
upload per departed visitor, for good). So a session that holds an upload ends itself: when its
websocket drops, it schedules, on the server's event loop, a check shortly before Streamlit would
expire it; if the visitor has not come back, the session is closed (as Streamlit closes one), its
session_state is emptied, what it held that no live session holds is dropped, and the cycles are
collected (and glibc asked to return the freed pages). The state is emptied by hand because closing
does not free it: Streamlit's runtime loop keeps the last session it served referenced until it
serves another, and that session's state held the departed visitor's parsed upload.

No public API says "this session ended": st.cache_resource(scope="session", on_release=...) is the
public one for "it disconnected". The session's id and state (get_script_run_ctx) and closing it
(the runtime's own close_session, through streamlit.runtime.get_instance()) are Streamlit's internal
but un-prefixed API; this module is the only place that uses them.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import gc
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

_HOLDERS: dict[Hashable, set[str]] = {}  # what is held -> the live sessions holding it
_DROPS: dict[Hashable, Callable[[], None]] = {}  # what is held -> how to free it once nobody does
_LOCK = threading.Lock()
# A departed visitor's script may still be running (they can leave mid-run) and holds what it read
# until it stops: a second collection, a little later, frees that too.
_SECOND_COLLECTION_S = 10.0


@dataclass
class _Visit:
    session_id: str
    held: set[Hashable] = field(default_factory=set)
    state: Any = None  # the session's (thread-safe) session_state, emptied when the session is closed


def hold(thing: Hashable, drop: Callable[[], None]) -> None:
    """This session uses `thing` now, and no longer what it held before; `drop()` frees `thing` once no
    live session holds it. The session is closed when its visitor has left (see above)."""
    visit = _this_visit()
    if visit is None:
        return
    for before in visit.held - {thing}:  # a new file replaced it: it may go now
        _let_go(visit, before)
    visit.held.add(thing)
    with _LOCK:
        _HOLDERS.setdefault(thing, set()).add(visit.session_id)
        _DROPS[thing] = drop


def let_go() -> None:
    """This session holds nothing any more (its visitor removed the upload or went back)."""
    visit = _this_visit()
    for before in list(visit.held) if visit else []:
        _let_go(visit, before)


def _this_visit() -> _Visit | None:
    from streamlit.runtime.scriptrunner import get_script_run_ctx  # internal: see the module's docstring

    ctx = get_script_run_ctx()
    if ctx is None:
        return None
    visit = _visit(ctx.session_id)
    visit.state = ctx.session_state
    return visit


@st.cache_resource(scope="session", on_release=lambda visit: _visitor_left(visit), show_spinner=False)
def _visit(session_id: str) -> _Visit:
    return _Visit(session_id)


def _let_go(visit: _Visit, thing: Hashable) -> None:
    visit.held.discard(thing)
    with _LOCK:
        holders = _HOLDERS.get(thing, set())
        holders.discard(visit.session_id)
        drop = None if holders else _DROPS.pop(thing, None)
        if not holders:
            _HOLDERS.pop(thing, None)
    if drop is not None:
        drop()


def _visitor_left(visit: _Visit) -> None:
    """on_release of _visit: the session's websocket closed (or its caches were cleared)."""
    try:
        loop = asyncio.get_running_loop()  # the server's event loop, where sessions may be closed
    except RuntimeError:
        return  # not a disconnect (a cache clear in a test, say): nothing to end
    ttl = float(st.get_option("server.disconnectedSessionTTL"))
    # Before Streamlit's own expiry, which drops a session without shutting it down.
    loop.call_later(max(ttl - min(2.0, ttl / 2), 0.1), _end_if_gone, visit)


def _end_if_gone(visit: _Visit) -> None:
    from streamlit import runtime  # internal: see the module's docstring

    if not visit.held or not runtime.exists():
        return
    if runtime.get_instance().is_active_session(visit.session_id):
        return  # the visitor came back within the TTL: its next disconnect schedules another check
    runtime.get_instance().close_session(visit.session_id)
    _empty(visit.state)
    for thing in list(visit.held):
        _let_go(visit, thing)
    _collect()
    asyncio.get_running_loop().call_later(_SECOND_COLLECTION_S, _collect)


def _empty(state: Any) -> None:
    """Delete every key of a closed session's state (its widgets' values too): no one reads it again."""
    if state is None:
        return
    for key in list(state.filtered_state):
        with contextlib.suppress(KeyError):  # its script, if still running, may have removed it
            del state[key]


def _collect() -> None:
    gc.collect()  # once or twice per departed uploader, never per rerun: the closed session is a cycle
    # Each session's script thread allocates in its own glibc malloc arena, which otherwise keeps a
    # departed visitor's pages as the server's resident memory.
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to hand back
        ctypes.CDLL("libc.so.6").malloc_trim(0)
