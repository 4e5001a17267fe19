"""Searching, sorting and labelling the light tables, and choosing rows by a filter."""

from __future__ import annotations

from dashboard.core import listing
from dashboard.skills import files as skill_files
from dashboard.skills import sets as overlap
from dashboard.skills import tables as skill_tables


def test_list_search_sort_and_labels_without_the_data_grid():
    table = overlap.skill_overlap_table(skill_files.parse_skills())
    found = listing.search_rows(table, "  KAFKA ")
    assert found["skill"].tolist() == ["Apache Kafka"]
    assert listing.search_rows(table, "").equals(table)
    ordered = listing.sort_rows(table, "skill", descending=True)["skill"].tolist()
    assert ordered == sorted(table["skill"], key=str.casefold, reverse=True)
    ml_only = listing.labelled(table[table["overlap"] == "ML only"], skill_tables.SKILL_LABELS)
    assert list(ml_only.columns) == ["Skill", "Category", "Named for ML Engineer in"]
