"""Skill sets and AWS service usage: every number comes from skills.csv."""

from __future__ import annotations

import pytest

from dashboard.core import domain, listing
from dashboard.skills import figures as skill_figures
from dashboard.skills import sets as overlap


def by_role(frame, role):
    return set(frame.loc[frame["role"] == role, "skill"])


@pytest.mark.parametrize("categories", [None, ["AWS service"], ["operations", "data"]])
def test_venn_counts_equal_the_set_computation(all_skills, categories):
    view = all_skills if categories is None else listing.filter_values(all_skills, "category", categories)
    ml, ai = by_role(view, overlap.ML), by_role(view, overlap.AI)
    sets = overlap.skill_sets(view)
    assert (set(sets.ml_only), set(sets.both), set(sets.ai_only)) == (ml - ai, ml & ai, ai - ml)
    fig = skill_figures.skills_venn_figure(sets)
    counts = [c[1] for c in fig.data[0].customdata]
    assert counts == [len(ml - ai), len(ml & ai), len(ai - ml)]
    assert [t.replace("<b>", "").replace("</b>", "") for t in fig.data[0].text] == [str(c) for c in counts]
    assert sets.jaccard == pytest.approx(len(ml & ai) / len(ml | ai))


def test_full_data_overlap_numbers(all_skills):
    sets = overlap.skill_sets(all_skills)
    assert (len(sets.ml_only), len(sets.both), len(sets.ai_only)) == (43, 21, 36)
    assert round(sets.jaccard, 3) == 0.21


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
    sets = overlap.skill_sets(all_skills)
    region = {"both": sets.both, "ML only": sets.ml_only, "AI only": sets.ai_only}[used_by]
    assert service in region
    assert usage.set_index("service").at[service, "used_by"] == used_by


def test_service_counts_are_the_number_of_sections_naming_it(all_skills, usage):
    services = all_skills[all_skills["category"] == domain.AWS_SERVICE]
    expected = services.groupby(["skill", "role"])["section"].nunique()
    indexed = usage.set_index("service")
    for (service, role), count in expected.items():
        column = "ml_sections_count" if role == overlap.ML else "ai_sections_count"
        assert indexed.at[service, column] == count
    assert indexed.at["Amazon SageMaker", "ml_sections"] == (
        "Comparison table; Responsibilities; Certification required skills"
    )


def test_sort_by_total_puts_the_most_used_first(usage):
    ordered = overlap.sort_usage(usage, "total")
    assert ordered["service"].iloc[0] == "Amazon SageMaker"
    assert ordered["total_sections"].is_monotonic_decreasing
    rows = list(skill_figures.service_usage_figure(ordered, grouped_by_family=False).layout.yaxis.ticktext)
    assert len(rows) == len(ordered)


def test_overlap_table_labels_and_sections(all_skills):
    table = overlap.skill_overlap_table(all_skills).set_index("skill")
    assert table.at["Fraud detection", "overlap"] == "both"
    assert table.at["Fraud detection", "ml_sections"] == "Business use cases"
    assert table.at["Apache Kafka", "overlap"] == "ML only"
    assert table.at["Apache Kafka", "ai_sections"] == ""
    assert table.at["Responsible AI", "overlap"] == "AI only"
    assert set(table["overlap"]) == {"ML only", "both", "AI only"}
