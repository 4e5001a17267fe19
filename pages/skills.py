"""Skill overlap: a Venn of what each role needs, the three groups, and the overlap in numbers."""

import streamlit as st

from dashboard import alt_text, data, export, filters, shell, skill_figures, skills, ui

shell.ensure_app_shell()

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

table = skills.skill_overlap_table(view)
labels = list(skills.OVERLAP_LABELS.values())
counts = table["overlap"].value_counts()
tabs = st.tabs([f"{label} ({counts.get(label, 0)})" for label in labels])
for tab, label in zip(tabs, labels, strict=True):
    tab.dataframe(
        table[table["overlap"] == label].drop(columns="overlap"),
        hide_index=True,
        column_config=ui.SKILL_COLUMNS,
    )
ui.download_csv(
    table,
    export.csv_filename("skills", export.scope_label(chosen, filters.CATEGORY.options(), "all-categories")),
    label="Download skills (CSV)",
    key="download-skills",
)
