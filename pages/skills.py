"""Skill overlap: a Venn of what each role needs, the three groups, and the overlap in numbers."""

import streamlit as st

from dashboard import (
    alt_text,
    data,
    export,
    figures,
    filters,
    shell,
    skill_figures,
    skill_quotes,
    skills,
    tables,
    ui,
)
from dashboard.text import escape_markdown

shell.ensure_app_shell()

SKILL_TAB_KEY = "skills-tab"

st.title("Skills: what each role needs, and what they share")
st.caption("Every skill, tool and service the article names for each role, from all of its lists.")
ui.region_independent_note("Skills")

all_skills = ui.load_or_stop(data.load_skills)
chosen = filters.widget(filters.CATEGORY)
ui.stop_if_nothing_chosen(chosen, filters.CATEGORY, "above")
view = filters.filter_values(all_skills, "category", chosen)
sets = skills.skill_sets(view)

shared, similarity, total = st.columns(3)
shared.metric("Shared skills", len(sets.both), border=True)
similarity.metric(
    "Jaccard similarity",
    f"{sets.jaccard:.2f}",
    help="Shared skills divided by all distinct skills of both roles: 0 is nothing in common, 1 identical.",
    border=True,
)
total.metric("Distinct skills", len(sets.ml_only) + len(sets.both) + len(sets.ai_only), border=True)

ui.chart(skill_figures.skills_venn_figure(sets), key="skills-venn", alt=alt_text.venn_alt(sets))
st.caption(
    f"{escape_markdown(figures.source_caption([figures.ARTICLE_YEAR]))}, all of its skill lists. "
    "“ML only” means the article names the skill only for the ML Engineer, not that an AI Engineer does "
    "not need it: the article lists programming languages only for the AI Engineer, for instance. "
    "“AI only” likewise."
)

table = skill_quotes.with_quotes(skills.skill_overlap_table(view), view)
labels = list(skills.OVERLAP_LABELS.values())
st.caption(
    "Each skill with the article's words for it. A row with **Our reading** is the dashboard's "
    "interpretation of the article (a merge of different words, or a slip read one way), not its words."
)
query, column, descending = ui.table_controls(tables.SKILL_LABELS, key="skills-table")
shown_rows = tables.sort_rows(tables.search_rows(table, query), column, descending)
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
            ui.static_table(tables.labelled(part, tables.SKILL_LABELS))
ui.download_csv(
    table,
    export.csv_filename("skills", export.scope_label(chosen, filters.CATEGORY.options(), "all-categories")),
    label="Download skills (CSV)",
    key="download-skills",
)
