"""Links the page itself cannot see or load, answered at the server (serve.py adds this to Streamlit).

Nested paths. Streamlit answers every unknown path with its index.html, whose scripts load from
relative URLs (./static/js/...). Under one segment (/unknown) they resolve to /static/js/... and
the app says "Page not found" beside its menu; under two or more (/salaries/extra,
/pages/salaries.py, or /etc/passwd, which /salaries/../../etc/passwd becomes in the browser) they
resolve to /salaries/static/js/..., index.html again: the browser refuses it as a script and the
page stays white. Such a request is sent to one unknown segment instead. Streamlit's own paths
(its API under /_stcore/, assets, media, components, the app's static files, login) are left alone.

Links with too many parameters. Streamlit ignores a query string of more than 1,000 fields (or
512 Ki characters) and says so only in the server log: the page sees no parameter at all and
cannot tell such a link from a plain one. Such a request is sent to the same path with only
?link=too-long, which the app explains (dashboard.app.url_state.dropped_link_warning).

No Streamlit here: this is plain ASGI. It assumes the app is served at the root (no
server.baseUrlPath; deploy/README.md says what would change with one).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

NOT_FOUND_PATH = "/page-not-found"
# First path segments Streamlit itself serves below (streamlit/web/server/starlette/starlette_routes.py).
STREAMLIT_PREFIXES = frozenset({"_stcore", "static", "media", "component", "app", "auth"})
# Streamlit's own limits (streamlit/runtime/state/query_params.py, CLIENT_STATE_QUERY_STRING_MAX_*).
MAX_QUERY_FIELDS = 1000
MAX_QUERY_CHARS = 512 * 1024
LINK_KEY, TOO_LONG = "link", "too-long"

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable, Callable], Awaitable[None]]


class LinkGuard:
    """ASGI middleware: a page request Streamlit would answer blank or strip silently is redirected."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Callable, send: Callable) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            location = redirect_for(scope["path"], scope.get("query_string", b"").decode("latin-1"))
            if location is not None:
                headers = [(b"location", location.encode("latin-1")), (b"cache-control", b"no-cache")]
                await send({"type": "http.response.start", "status": 302, "headers": headers})
                await send({"type": "http.response.body", "body": b""})
                return
        await self.app(scope, receive, send)


def redirect_for(path: str, query: str) -> str | None:
    """Where a page request for `path`?`query` should go instead, or None to serve it as it is."""
    if is_nested_page_path(path):
        return NOT_FOUND_PATH
    if not is_streamlit_path(path) and too_many_fields(query):
        return f"{path}?{LINK_KEY}={TOO_LONG}"
    return None


def is_streamlit_path(path: str) -> bool:
    segments = [s for s in path.split("/") if s]
    return bool(segments) and (segments[0] in STREAMLIT_PREFIXES or "_stcore" in segments)


def is_nested_page_path(path: str) -> bool:
    """True for a path of two or more segments that Streamlit does not serve itself.

    A path with _stcore anywhere is Streamlit's: the browser finds the server's base path by asking
    for <candidate>/_stcore/health under each leading part of the page's path, and must get
    Streamlit's own 404 for the wrong ones, not a redirect to a page.
    """
    return len([s for s in path.split("/") if s]) >= 2 and not is_streamlit_path(path)


def too_many_fields(query: str) -> bool:
    """Would Streamlit drop this query string (counted as it counts: '&' + 1, or its length)?"""
    return bool(query) and (query.count("&") + 1 > MAX_QUERY_FIELDS or len(query) > MAX_QUERY_CHARS)
