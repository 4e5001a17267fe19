"""A widget's value kept in the URL: read from a link, written back as plain values, remembered across pages.

Synced by hand rather than with bind="query-params": the binding writes the display labels (flag
and name) into the URL, and a page switch clears the query string. This keeps plain values in the
link, puts them back after every switch, follows the browser's Back and Forward buttons, and
remembers a page's own filter while you visit other pages. A parameter is left out of the link
while its widget holds the default, so links stay short.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from dashboard.core import routes, text


def _changed(key: str, in_url: list[str]) -> bool:
    """First run of the session, or the URL changed under us (Back/Forward, an edited link). A page switch
    empties the query string, so an absent parameter never overrides the current choice."""
    return key not in st.session_state or bool(in_url and in_url != st.session_state.get(f"{key}__in_url"))


def url_multi(
    draw: Callable[..., Any],
    label: str,
    options: Sequence,
    key: str,
    param: str | None = None,
    default: Sequence | None = None,
    warn_in: Any = st,
    **widget: Any,
) -> list:
    """draw(label, options, key=key, **widget) for a multi-choice widget (pills, multiselect) whose
    choice lives in the URL under `param` (the key by default); unknown values in a link are named."""
    param = param or key
    default = list(options) if default is None else list(default)
    kept = f"{key}__kept"
    in_url = st.query_params.get_all(param)
    unknown: list[str] = []
    if _changed(key, in_url):
        if in_url:
            picked, unknown = values_from_url(in_url, options)
            st.session_state[key] = picked if picked or not unknown else default
        else:
            st.session_state[key] = [o for o in st.session_state.get(kept, default) if o in options]
    picked = draw(label, list(options), key=key, **widget)
    if unknown:
        warn_in.warning(
            unknown_values_message(label, unknown, all_shown=list(picked) == list(options)),
            icon=":material/link_off:",
        )
    st.session_state[kept] = picked
    st.session_state[f"{key}__in_url"] = write_to_url(param, picked, default)
    return picked


def url_single(
    draw: Callable[..., Any],
    label: str,
    options: Sequence,
    key: str,
    default: Any,
    param: str | None = None,
    format_func: Callable[[Any], str] = str,
    warn_in: Any = st,
    **widget: Any,
) -> Any:
    """draw(label, options, key=key, format_func=..., **widget) for a single choice (radio, segmented
    control) whose value lives in the URL; an unknown value in a link gets a warning and the default."""
    param = param or key
    kept = f"{key}__kept"
    in_url = st.query_params.get_all(param)[:1]
    unknown = None
    if _changed(key, in_url):
        if in_url:
            match = {str(o).casefold(): o for o in options}.get(in_url[0].strip().casefold())
            unknown = None if match is not None else in_url[0]
            st.session_state[key] = default if match is None else match
        else:
            st.session_state[key] = st.session_state.get(kept, default)
    value = draw(label, list(options), key=key, format_func=format_func, **widget)
    if unknown is not None:
        warn_in.warning(
            f"The link asked for {text.escape_markdown(label.lower())} “{text.literal(unknown, 40)}”, "
            f"which this dashboard does not have. Showing {format_func(default)}.",
            icon=":material/link_off:",
        )
    st.session_state[kept] = value
    st.session_state[f"{key}__in_url"] = write_to_url(param, [value], [default])[:1]
    return value


def url_flag(label: str, key: str, param: str | None = None, **widget: Any) -> bool:
    """A toggle kept in the URL as ?param=1 while it is on."""
    param = param or key
    in_url = st.query_params.get_all(param)[:1]
    if _changed(key, in_url):
        on = in_url[0].strip().casefold() in ("1", "true", "on") if in_url else None
        st.session_state[key] = st.session_state.get(f"{key}__kept", False) if on is None else on
    value = st.toggle(label, key=key, **widget)
    st.session_state[f"{key}__kept"] = value
    st.session_state[f"{key}__in_url"] = write_to_url(param, ["1" if value else "0"], ["0"])[:1]
    return value


def dropped_link_warning(container: Any = st) -> None:
    """Say why a link's filters were ignored, when serve.py marked it as one Streamlit drops unread.

    Streamlit ignores a query string of over 1,000 fields and tells only its log; the page would show
    every region without a word (dashboard.core.routes explains the marker).
    """
    if st.query_params.get(routes.LINK_KEY) != routes.TOO_LONG:
        return
    del st.query_params[routes.LINK_KEY]  # a copied link is clean again
    container.warning(
        f"The link had more than {routes.MAX_QUERY_FIELDS:,} parameters, more than this dashboard reads, "
        "so none of its choices were applied. Showing every region and the default choices.",
        icon=":material/link_off:",
    )


def unknown_values_message(label: str, unknown: Sequence[str], all_shown: bool) -> str:
    """A few lines whatever the link holds, and every value in it shown literally, never as Markdown."""
    what = f"{len(unknown):,} values" if len(unknown) > 1 else "a value"
    return (
        f"The link asked for {what} under {text.escape_markdown(label.lower())} that this dashboard does "
        f"not have: {text.escape_markdown(text.summarize(unknown))}. "
        + ("Showing all of them." if all_shown else "Showing the others.")
    )


def values_from_url(values: Sequence[str], options: Sequence) -> tuple[list, list[str]]:
    """The options a link asks for (case-insensitive, in option order; 2024 for '2024') and the values it
    names that are not options. An empty parameter (?region=) asks for none."""
    by_key = {str(o).casefold(): o for o in options}
    wanted = [v.strip() for v in values if v.strip()]
    picked = {by_key[v.casefold()] for v in wanted if v.casefold() in by_key}
    unknown = list(dict.fromkeys(v for v in wanted if v.casefold() not in by_key))
    return [o for o in options if o in picked], unknown


def write_to_url(param: str, picked: Sequence, default: Sequence) -> list[str]:
    """Keep the link short: no parameter while the default is chosen, an empty one when nothing is.

    Returns the parameter's values as st.query_params.get_all will read them back.
    """
    if list(picked) == list(default):
        if param in st.query_params:
            del st.query_params[param]
        return []
    values = [str(v) for v in picked]
    st.query_params[param] = values if values else ""
    return values if values else [""]
