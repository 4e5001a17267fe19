"""Filter state: the shared sidebar widgets (bound to the URL) and the pure functions that apply them."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from dashboard.regions import region_label

REGION_KEY = "region"
CATEGORY_KEY = "category"
FAMILY_KEY = "family"


def region_filter(codes: Sequence[str]) -> list[str]:
    """The sidebar region multiselect, kept in the URL as ?region=IN&region=GB.

    Synced by hand rather than with bind="query-params": the binding writes the display labels
    (flag and name) into the URL, and a page switch clears the query string; this keeps ISO codes
    in the link and puts them back after every switch.
    """
    if REGION_KEY not in st.session_state:
        st.session_state[REGION_KEY] = regions_from_url(st.query_params.get_all(REGION_KEY), codes)
    chosen = st.sidebar.multiselect(
        "Regions",
        options=list(codes),
        format_func=region_label,
        key=REGION_KEY,
        placeholder="Choose regions",
        help="Shared by every page and kept in the link, so a copied URL reproduces this view.",
    )
    write_to_url(REGION_KEY, chosen, codes)
    return chosen


def regions_from_url(values: Sequence[str], codes: Sequence[str]) -> list[str]:
    """The regions a link asks for: all when it names none, codes it does not know dropped."""
    if not values:
        return list(codes)
    wanted = {v.strip().upper() for v in values}
    return [c for c in codes if c in wanted]


def write_to_url(key: str, chosen: Sequence[str], everything: Sequence[str]) -> None:
    """Keep the link short: no parameter when all is chosen, an empty one when nothing is."""
    if list(chosen) == list(everything):
        if key in st.query_params:
            del st.query_params[key]
    else:
        st.query_params[key] = list(chosen) if chosen else ""


def selected_regions(all_codes: Sequence[str]) -> list[str]:
    """The regions chosen in the sidebar, in the data's order (all of them before the widget exists)."""
    chosen = st.session_state.get(REGION_KEY, list(all_codes))
    return [c for c in all_codes if c in chosen]


def multiselect_in_url(label: str, options: Sequence[str], key: str, help: str) -> list[str]:
    """A page-level multiselect defaulting to everything, kept in the URL under `key`."""
    return st.multiselect(
        label, options=list(options), default=list(options), key=key, bind="query-params", help=help
    )


def filter_regions(frame: pd.DataFrame, codes: Sequence[str]) -> pd.DataFrame:
    """Rows whose country_code is among `codes`, in the frame's order."""
    return frame[frame["country_code"].isin(list(codes))].reset_index(drop=True)


def filter_values(frame: pd.DataFrame, column: str, values: Sequence[str]) -> pd.DataFrame:
    """Rows whose `column` is among `values`."""
    return frame[frame[column].isin(list(values))].reset_index(drop=True)
