"""skills.csv and aws_services.csv hold the article's words, and their typos are refused by name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dashboard.core import domain
from dashboard.skills import files as skill_files
from tests.conftest import file_error, rewrite


def test_skills_cover_every_section_for_both_roles():
    skills = skill_files.parse_skills()
    sections = {
        "Comparison table",
        "Responsibilities",
        "Tools",
        "Cloud services",
        "Business use cases",
        "Certification skill depth",
        "Certification required skills",
        "Choosing a role",
    }
    for role in domain.ROLES:
        assert set(skills.loc[skills["role"] == role, "section"]) == sections


def test_every_aws_service_in_skills_has_a_family():
    skills = skill_files.parse_skills()
    services = skill_files.parse_aws_services(skills)
    named = set(skills.loc[skills["category"] == domain.AWS_SERVICE, "skill"])
    assert named <= set(services["service"])


def test_skill_quotes_are_the_articles_words():
    article = Path(__file__).resolve().parents[3] / "shared" / "source" / "ml-vs-ai-engineer-on-aws.txt"
    if not article.is_file():
        # CI lays shared/ beside the clone: there a missing article is a broken check, not a skip.
        assert os.environ.get("CI") != "true", f"the source article is missing: {article}"
        pytest.skip("the source article is not beside this checkout (../shared/source)")
    text = article.read_text(encoding="utf-8")
    skills = skill_files.parse_skills()
    missing = skills.loc[~skills["quote"].map(lambda q: q in text), ["skill", "quote"]]
    assert missing.empty, missing.to_string()


def test_skill_with_two_categories_is_refused(data_dir):
    rewrite(
        data_dir / "skills.csv",
        "AI Engineer,Amazon S3,AWS service,Comparison table",
        "AI Engineer,Amazon S3,data,Comparison table",
    )
    problem = file_error(skill_files.parse_skills).problems[0]
    assert problem.column == "category"
    assert "one skill needs one category" in problem.message


def test_category_and_family_typos_are_refused(data_dir):
    rewrite(
        data_dir / "skills.csv",
        "AI Engineer,Amazon Polly,AWS service",
        "AI Engineer,Amazon Polly,AWS Service",
    )
    problem = file_error(skill_files.parse_skills).problems[0]
    assert problem.column == "category"
    assert "'AWS Service' is not one of the categories" in problem.message
    rewrite(data_dir / "skills.csv", "Amazon Polly,AWS Service", "Amazon Polly,AWS service")
    rewrite(data_dir / "aws_services.csv", "Amazon S3,storage", "Amazon S3,Storage")
    problem = file_error(lambda: skill_files.parse_aws_services(skill_files.parse_skills())).problems[0]
    assert (problem.column, problem.line) == ("family", 16)


def test_aws_service_without_family_points_at_skills_csv(data_dir):
    rewrite(data_dir / "aws_services.csv", "Amazon Polly,AI services\n", "")
    err = file_error(lambda: skill_files.parse_aws_services(skill_files.parse_skills()))
    assert err.file == "data/skills.csv"
    assert err.problems[0].column == "skill"
    assert "'Amazon Polly' is an AWS service with no family" in err.problems[0].message
