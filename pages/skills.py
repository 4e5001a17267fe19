"""Skill overlap: a Venn of what each role needs, the three groups, and the overlap in numbers."""

import streamlit as st

from dashboard.app import data, filters, shell, ui
from dashboard.core import export, listing
from dashboard.core.domain import OVERLAP_LABELS
from dashboard.core.source import article_caption
from dashboard.core.text import escape_markdown
from dashboard.skills import figures, quotes, sets, tables

shell.ensure_app_shell()

SKILL_TAB_KEY = "skills-tab"

st.title("Skills: what each role needs, and what they share")
st.caption("Every skill, tool and service the article names for each role, from all of its lists.")
ui.region_independent_note("Skills")

all_skills = ui.load_or_stop(data.load_skills)
chosen = filters.widget(filters.CATEGORY)
ui.stop_if_nothing_chosen(chosen, filters.CATEGORY, "above")
view = listing.filter_values(all_skills, "category", chosen)
skill_sets = sets.skill_sets(view)

shared, similarity, total = st.columns(3)
shared.metric("Shared skills", len(skill_sets.both), border=True)
similarity.metric(
    "Jaccard similarity",
    f"{skill_sets.jaccard:.2f}",
    help="Shared skills divided by all distinct skills of both roles: 0 is nothing in common, 1 identical.",
    border=True,
)
total.metric("Distinct skills", skill_sets.distinct, border=True)

ui.chart(figures.skills_venn_figure(skill_sets), key="skills-venn", alt=figures.venn_alt(skill_sets))
st.caption(
    f"{escape_markdown(article_caption())}, all of its skill lists. "
    "“ML only” means the article names the skill only for the ML Engineer, not that an AI Engineer does "
    "not need it: the article lists programming languages only for the AI Engineer, for instance. "
    "“AI only” likewise."
)

table = quotes.with_quotes(sets.skill_overlap_table(view), view)
labels = list(OVERLAP_LABELS.values())
st.caption(
    "Each skill with the article's words for it. A row with **Our reading** is the dashboard's "
    "interpretation of the article (a merge of different words, or a slip read one way), not its words."
)
query, column, descending = ui.table_controls(tables.SKILL_LABELS, key="skills-table")
shown_rows = listing.sort_rows(listing.search_rows(table, query), column, descending)
# Only the open tab's table is built and sent: the three tables are 99 rows of escaped text, and
# sending all three on every filter change was most of this page's rerun. The labels carry no
# counts, so the open tab stays open when a filter changes them (the Venn gives the counts).
counts = table["overlap"].value_counts()
tabs = st.tabs(labels, key=SKILL_TAB_KEY, on_change="rerun")
for tab, label in zip(tabs, labels, strict=True):
    if tab.open is False:
        continue
    part = shown_rows[shown_rows["overlap"] == label]
    with tab:
        total_here = counts.get(label, 0)
        st.caption(
            f"{len(part)} of {total_here} skills match the search." if query else f"{total_here} skills."
        )
        if not part.empty:
            # A role's columns are dropped in the other role's tab, and "Our reading" where nothing is ours.
            ui.static_table(listing.labelled(part, tables.SKILL_LABELS))
ui.download_csv(
    table,
    export.csv_filename("skills", filters.CATEGORY.scope(chosen)),
    label="Download skills (CSV)",
    key="download-skills",
)
