"""The Venn and the AWS service chart: hovers, section counts, family headers, labels that fit a phone."""

from __future__ import annotations

import pytest

from dashboard.core import chart_style, listing
from dashboard.skills import figures as skill_figures
from dashboard.skills import sets as overlap


def test_venn_hover_lists_the_skills_of_each_region(all_skills):
    sets = overlap.skill_sets(listing.filter_values(all_skills, "category", ["AWS service"]))
    hover = skill_figures.skills_venn_figure(sets).data[0].hovertext
    for name in sets.both:
        assert name in hover[1]
    assert "Amazon Polly" in hover[2] and "Amazon Polly" not in hover[0]


def test_service_chart_dots_carry_the_section_counts(usage):
    view = overlap.sort_usage(usage, "family")
    fig = skill_figures.service_usage_figure(view)
    dots = {t.name: t for t in fig.data if t.mode == "markers+text"}
    for role, prefix in ((overlap.ML, "ml"), (overlap.AI, "ai")):
        got = {c[0]: c[1] for c in dots[role].customdata}
        used = view[view[f"{prefix}_sections_count"] > 0]
        assert got == dict(zip(used["service"], used[f"{prefix}_sections_count"], strict=True))
        assert [int(t) for t in dots[role].text] == used[f"{prefix}_sections_count"].tolist()
    bridges = next(t for t in fig.data if t.name == "Used by both roles")
    assert len([y for y in bridges.y if y is not None]) == 2 * (view["used_by"] == "both").sum()
    # Each dot sits on its service's row: the axis names row y by its tick label.
    names = list(fig.layout.yaxis.ticktext)
    assert {names[y] for y in dots[overlap.ML].y} == {
        chart_style.wrap_label(s) for s in view.loc[view["ml_sections_count"] > 0, "service"]
    }


def test_family_grouping_puts_a_header_above_each_family(usage):
    view = overlap.sort_usage(usage, "family")
    rows = list(skill_figures.service_usage_figure(view).layout.yaxis.ticktext)
    assert rows[0] == "<b>ML PLATFORM</b>"
    assert rows[1] == "Amazon SageMaker"
    assert len(rows) == len(view) + view["family"].nunique()


def test_long_service_names_wrap_for_narrow_screens():
    assert chart_style.wrap_label("Amazon Elastic File System (Amazon EFS)") == (
        "Amazon Elastic File<br>System (Amazon EFS)"
    )
    assert chart_style.wrap_label("Amazon S3") == "Amazon S3"


def test_a_very_long_service_name_is_shortened_on_the_axis_and_whole_in_the_hover(usage):
    view = overlap.sort_usage(usage, "total").copy()
    long_name = "Amazon " + "x" * 5000
    view.loc[0, "service"] = long_name
    fig = skill_figures.service_usage_figure(view, grouped_by_family=False)
    label = fig.layout.yaxis.ticktext[0]
    assert len(label) < 120 and "5,007 characters" in label
    hovers = [c[0] for t in fig.data if t.mode == "markers+text" for c in t.customdata]
    assert long_name in hovers


def test_role_names_sit_just_above_the_first_row(usage):
    fig = skill_figures.service_usage_figure(overlap.sort_usage(usage, "family"))
    top, bottom = fig.layout.yaxis.range[1], fig.layout.yaxis.range[0]
    assert top == pytest.approx(-0.6) and bottom == len(fig.layout.yaxis.ticktext) - 0.5
