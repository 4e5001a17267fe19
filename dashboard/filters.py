"""Filter state: the shared sidebar widgets (bound to the URL) and the pure functions that apply them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.regions import region_label

REGION_KEY = "region"
CATEGORY_KEY = "category"
FAMILY_KEY = "family"


def region_filter(codes: Sequence[str]) -> list[str]:
    """The sidebar region multiselect, kept in the URL as ?region=IN&region=GB."""
    return url_multiselect(
        st.sidebar,
        "Regions",
        codes,
        REGION_KEY,
        format_func=region_label,
        help="Shared by every page and kept in the link, so a copied URL reproduces this view.",
    )


def url_multiselect(
    container: Any,
    label: str,
    options: Sequence[str],
    key: str,
    help: str,
    format_func: Callable[[str], str] = str,
) -> list[str]:
    """A multiselect defaulting to every option, whose value lives in the URL under `key`.

    Synced by hand rather than with bind="query-params": the binding writes the display labels
    (flag and name) into the URL, and a page switch clears the query string. This keeps plain
    values in the link, puts them back after every switch, follows the browser's Back and Forward
    buttons, and remembers a page's own filter while you visit other pages.
    """
    if not options:  # the file behind this filter failed to load; its page says why
        return container.multiselect(label, [], key=key, disabled=True, help=help)
    kept, written = f"{key}__kept", f"{key}__in_url"
    in_url = st.query_params.get_all(key)
    unknown: list[str] = []
    # First run of the session, or the URL changed under us (Back/Forward, an edited link). A page
    # switch empties the query string, so an absent parameter never overrides the current choice.
    if key not in st.session_state or (in_url and in_url != st.session_state.get(written)):
        if in_url:
            chosen, unknown = values_from_url(in_url, options)
            st.session_state[key] = chosen if chosen or not unknown else list(options)
        else:
            st.session_state[key] = [o for o in st.session_state.get(kept, options) if o in options]
    chosen = container.multiselect(
        label, options=list(options), format_func=format_func, key=key, help=help, placeholder="Choose…"
    )
    if unknown:
        container.warning(
            f"The link asked for {label.lower()} this dashboard does not have: {', '.join(unknown)}. "
            + ("Showing the others." if chosen != list(options) else "Showing all of them."),
            icon=":material/link_off:",
        )
    st.session_state[kept] = chosen
    st.session_state[written] = write_to_url(key, chosen, options)
    return chosen


def values_from_url(values: Sequence[str], options: Sequence[str]) -> tuple[list[str], list[str]]:
    """The options a link asks for (case-insensitive, in option order) and the values it names that
    are not options. An empty parameter (?region=) asks for none."""
    by_key = {o.casefold(): o for o in options}
    wanted = [v.strip() for v in values if v.strip()]
    chosen = {by_key[v.casefold()] for v in wanted if v.casefold() in by_key}
    unknown = [v for v in wanted if v.casefold() not in by_key]
    return [o for o in options if o in chosen], unknown


def write_to_url(key: str, chosen: Sequence[str], everything: Sequence[str]) -> list[str]:
    """Keep the link short: no parameter when all is chosen, an empty one when nothing is.

    Returns the parameter's values as st.query_params.get_all will read them back.
    """
    if list(chosen) == list(everything):
        if key in st.query_params:
            del st.query_params[key]
        return []
    st.query_params[key] = list(chosen) if chosen else ""
    return list(chosen) if chosen else [""]


def selected_regions(all_codes: Sequence[str]) -> list[str]:
    """The regions chosen in the sidebar, in the data's order (all of them before the widget exists)."""
    chosen = st.session_state.get(REGION_KEY, list(all_codes))
    return [c for c in all_codes if c in chosen]


def filter_regions(frame: pd.DataFrame, codes: Sequence[str]) -> pd.DataFrame:
    """Rows whose country_code is among `codes`, in the frame's order."""
    return frame[frame["country_code"].isin(list(codes))].reset_index(drop=True)


def filter_values(frame: pd.DataFrame, column: str, values: Sequence[str]) -> pd.DataFrame:
    """Rows whose `column` is among `values`."""
    return frame[frame[column].isin(list(values))].reset_index(drop=True)
