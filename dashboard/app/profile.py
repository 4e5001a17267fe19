"""The skill profile of "Which role fits you?": the ticked skills, kept in the URL (?skill=Python&skill=…)
so a person can send their profile to a mentor.

Unlike the filters, no parameter means no skill ticked (a fresh link starts empty), and the profile
spans one pills widget per category.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from dashboard.app import derived
from dashboard.careers import fit
from dashboard.core import text
from dashboard.core.text import escape_markdown, literal, summarize

SKILL_KEY = "skill"
_SKILL_IN_URL = f"{SKILL_KEY}__in_url"


def skill_profile(all_skills: pd.DataFrame) -> tuple[list[str], list[str]]:
    """(the ticked skills, the unknown names a link asked for), read from the URL when it is new.

    The URL wins on a session's first run and whenever it changed under us (Back/Forward, an edited
    link); a page switch empties the query string, so an absent parameter keeps the current profile.
    """
    in_url = st.query_params.get_all(SKILL_KEY)
    unknown: list[str] = []
    if SKILL_KEY not in st.session_state or (in_url and in_url != st.session_state.get(_SKILL_IN_URL)):
        st.session_state[SKILL_KEY], unknown = fit.parse_skill_list(in_url, all_skills)
    return list(st.session_state[SKILL_KEY]), unknown


def skill_pills(category: str, names: list[str], everything: Sequence[str]) -> None:
    """The pills of one category (only the search's matches); a click updates the whole profile.

    Each pills widget holds only its own options, so a skill hidden by the search stays ticked: a
    click replaces this category's part of the profile and keeps the rest.
    """
    key = f"{SKILL_KEY}-pills-{category}"
    st.session_state[key] = [n for n in names if n in st.session_state[SKILL_KEY]]
    st.pills(
        text.escape_markdown(category),
        names,
        selection_mode="multi",
        format_func=text.escape_markdown,
        key=key,
        on_change=_merge_pills,
        args=(key, names, list(everything)),
        label_visibility="collapsed",
    )


def _merge_pills(key: str, names: list[str], everything: list[str]) -> None:
    ticked = set(st.session_state[key]) | (set(st.session_state[SKILL_KEY]) - set(names))
    st.session_state[SKILL_KEY] = [s for s in everything if s in ticked]


def clear_skill_profile() -> None:
    """Untick every skill (a button's callback)."""
    st.session_state[SKILL_KEY] = []


def save_skill_profile(everything: Sequence[str]) -> list[str]:
    """Write the profile to the URL in the picker's order and return it; no parameter when it is empty."""
    ticked = set(st.session_state[SKILL_KEY])
    ordered = [s for s in everything if s in ticked]
    st.session_state[SKILL_KEY] = ordered
    if ordered:
        st.query_params[SKILL_KEY] = ordered
    elif SKILL_KEY in st.query_params:
        del st.query_params[SKILL_KEY]
    st.session_state[_SKILL_IN_URL] = ordered
    return ordered


def skill_picker(all_skills: pd.DataFrame, everything: list[str]) -> list[str]:
    """The picker: a search, the skills by category as pills, the count and 'Clear all'; the profile."""
    profile, unknown = skill_profile(all_skills)
    if unknown:
        what = f"{len(unknown):,} skills" if len(unknown) > 1 else "a skill"
        st.warning(
            f"The link names {what} this dashboard does not have: {escape_markdown(summarize(unknown))}. "
            "The others are ticked.",
            icon=":material/link_off:",
        )

    with st.container(border=True, key="skill-picker"):
        query = st.text_input(
            "Search skills",
            key="skill-search",
            type="search",
            live=True,
            placeholder="SageMaker, Python, pipelines…",
            icon=":material/search:",
        )
        choices = derived.skill_choices(query)
        if not choices:
            st.caption(f"No skill's name contains “{literal(query)}”.")
        # Categories closed (a phone shows ten short rows, not 99 pills) unless a search opens its matches;
        # two per row on a wide screen, in order when a phone stacks the rows.
        groups = list(choices.items())
        for start in range(0, len(groups), 2):
            for column, (category, names) in zip(st.columns(2), groups[start : start + 2], strict=False):
                with column.expander(
                    f"{escape_markdown(category)} ({len(names)})", expanded=bool(query.strip())
                ):
                    skill_pills(category, names, everything)
        profile = save_skill_profile(everything)
        count, clear = st.columns([3, 1], vertical_alignment="center")
        count.caption(
            f"{len(profile)} of {len(everything)} skills ticked"
            + (f": {escape_markdown(summarize(profile, 8))}." if profile else ".")
        )
        clear.button(
            "Clear all",
            key="skill-clear",
            on_click=clear_skill_profile,
            disabled=not profile,
            icon=":material/close:",
            width="stretch",
        )
    return profile
