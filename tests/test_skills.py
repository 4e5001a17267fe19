"""Skill sets, the Venn, and AWS service usage: every number comes from skills.csv."""

from __future__ import annotations

import pytest

from dashboard import datafiles, domain, filters, skill_figures, skills, tables


@pytest.fixture(scope="module")
def all_skills():
    return datafiles.parse_skills()


@pytest.fixture(scope="module")
def usage(all_skills):
    return skills.service_usage(all_skills, datafiles.parse_aws_services(all_skills))


def by_role(frame, role):
    return set(frame.loc[frame["role"] == role, "skill"])


@pytest.mark.parametrize("categories", [None, ["AWS service"], ["operations", "data"]])
def test_venn_counts_equal_the_set_computation(all_skills, categories):
    view = all_skills if categories is None else filters.filter_values(all_skills, "category", categories)
    ml, ai = by_role(view, skills.ML), by_role(view, skills.AI)
    sets = skills.skill_sets(view)
    assert (set(sets.ml_only), set(sets.both), set(sets.ai_only)) == (ml - ai, ml & ai, ai - ml)
    fig = skill_figures.skills_venn_figure(sets)
    counts = [c[1] for c in fig.data[0].customdata]
    assert counts == [len(ml - ai), len(ml & ai), len(ai - ml)]
    assert [t.replace("<b>", "").replace("</b>", "") for t in fig.data[0].text] == [str(c) for c in counts]
    assert sets.jaccard == pytest.approx(len(ml & ai) / len(ml | ai))


def test_full_data_overlap_numbers(all_skills):
    sets = skills.skill_sets(all_skills)
    assert (len(sets.ml_only), len(sets.both), len(sets.ai_only)) == (42, 21, 36)
    assert round(sets.jaccard, 3) == 0.212


def test_venn_hover_lists_the_skills_of_each_region(all_skills):
    sets = skills.skill_sets(filters.filter_values(all_skills, "category", ["AWS service"]))
    hover = skill_figures.skills_venn_figure(sets).data[0].hovertext
    for name in sets.both:
        assert name in hover[1]
    assert "Amazon Polly" in hover[2] and "Amazon Polly" not in hover[0]


@pytest.mark.parametrize(
    ("service", "used_by"),
    [
        *[(s, "both") for s in ("Amazon SageMaker", "Amazon Bedrock", "Amazon S3", "AWS Lambda")],
        *[(s, "both") for s in ("Amazon Transcribe", "Amazon Translate")],
        *[(s, "ML only") for s in ("AWS Glue", "Amazon Kinesis", "Amazon SageMaker Ground Truth")],
        *[
            (s, "AI only")
            for s in ("Amazon Comprehend", "Amazon Lex", "Amazon Polly", "Amazon OpenSearch Service")
        ],
    ],
)
def test_services_sit_where_the_article_places_them(all_skills, usage, service, used_by):
    sets = skills.skill_sets(all_skills)
    region = {"both": sets.both, "ML only": sets.ml_only, "AI only": sets.ai_only}[used_by]
    assert service in region
    assert usage.set_index("service").at[service, "used_by"] == used_by


def test_service_counts_are_the_number_of_sections_naming_it(all_skills, usage):
    services = all_skills[all_skills["category"] == domain.AWS_SERVICE]
    expected = services.groupby(["skill", "role"])["section"].nunique()
    indexed = usage.set_index("service")
    for (service, role), count in expected.items():
        column = "ml_sections_count" if role == skills.ML else "ai_sections_count"
        assert indexed.at[service, column] == count
    assert indexed.at["Amazon SageMaker", "ml_sections"] == (
        "Comparison table; Responsibilities; Certification required skills"
    )


def test_service_chart_dots_carry_the_section_counts(usage):
    view = skills.sort_usage(usage, "family")
    fig = skill_figures.service_usage_figure(view)
    dots = {t.name: t for t in fig.data if t.mode == "markers+text"}
    for role, prefix in ((skills.ML, "ml"), (skills.AI, "ai")):
        got = {c[0]: c[1] for c in dots[role].customdata}
        used = view[view[f"{prefix}_sections_count"] > 0]
        assert got == dict(zip(used["service"], used[f"{prefix}_sections_count"], strict=True))
        assert [int(t) for t in dots[role].text] == used[f"{prefix}_sections_count"].tolist()
    bridges = next(t for t in fig.data if t.name == "Used by both roles")
    assert len([y for y in bridges.y if y is not None]) == 2 * (view["used_by"] == "both").sum()
    # Each dot sits on its service's row: the axis names row y by its tick label.
    names = list(fig.layout.yaxis.ticktext)
    assert {names[y] for y in dots[skills.ML].y} == {
        skill_figures.wrap_label(s) for s in view.loc[view["ml_sections_count"] > 0, "service"]
    }


def test_family_grouping_puts_a_header_above_each_family(usage):
    view = skills.sort_usage(usage, "family")
    rows = list(skill_figures.service_usage_figure(view).layout.yaxis.ticktext)
    assert rows[0] == "<b>ML PLATFORM</b>"
    assert rows[1] == "Amazon SageMaker"
    assert len(rows) == len(view) + view["family"].nunique()


def test_sort_by_total_puts_the_most_used_first(usage):
    ordered = skills.sort_usage(usage, "total")
    assert ordered["service"].iloc[0] == "Amazon SageMaker"
    assert ordered["total_sections"].is_monotonic_decreasing
    rows = list(skill_figures.service_usage_figure(ordered, grouped_by_family=False).layout.yaxis.ticktext)
    assert len(rows) == len(ordered)


def test_overlap_table_labels_and_sections(all_skills):
    table = skills.skill_overlap_table(all_skills).set_index("skill")
    assert table.at["Fraud detection", "overlap"] == "both"
    assert table.at["Fraud detection", "ml_sections"] == "Business use cases"
    assert table.at["Apache Kafka", "overlap"] == "ML only"
    assert table.at["Apache Kafka", "ai_sections"] == ""
    assert table.at["Responsible AI", "overlap"] == "AI only"
    assert set(table["overlap"]) == {"ML only", "both", "AI only"}


def test_long_service_names_wrap_for_narrow_screens():
    assert skill_figures.wrap_label("Amazon Elastic File System (Amazon EFS)") == (
        "Amazon Elastic File<br>System (Amazon EFS)"
    )
    assert skill_figures.wrap_label("Amazon S3") == "Amazon S3"


def test_a_very_long_service_name_is_shortened_on_the_axis_and_whole_in_the_hover(usage):
    view = skills.sort_usage(usage, "total").copy()
    long_name = "Amazon " + "x" * 5000
    view.loc[0, "service"] = long_name
    fig = skill_figures.service_usage_figure(view, grouped_by_family=False)
    label = fig.layout.yaxis.ticktext[0]
    assert len(label) < 120 and "5,007 characters" in label
    hovers = [c[0] for t in fig.data if t.mode == "markers+text" for c in t.customdata]
    assert long_name in hovers


def test_role_names_sit_just_above_the_first_row(usage):
    fig = skill_figures.service_usage_figure(skills.sort_usage(usage, "family"))
    top, bottom = fig.layout.yaxis.range[1], fig.layout.yaxis.range[0]
    assert top == pytest.approx(-0.6) and bottom == len(fig.layout.yaxis.ticktext) - 0.5


def test_list_search_sort_and_labels_without_the_data_grid(all_skills):
    table = skills.skill_overlap_table(all_skills)
    found = tables.search_rows(table, "  KAFKA ")
    assert found["skill"].tolist() == ["Apache Kafka"]
    assert tables.search_rows(table, "").equals(table)
    ordered = tables.sort_rows(table, "skill", descending=True)["skill"].tolist()
    assert ordered == sorted(table["skill"], key=str.casefold, reverse=True)
    ml_only = tables.labelled(table[table["overlap"] == "ML only"], tables.SKILL_LABELS)
    assert list(ml_only.columns) == ["Skill", "Category", "Named for ML Engineer in"]
