"""'Which role fits you?': coverage, missing skills, the learning plan and their charts, from skills.csv."""

from __future__ import annotations

import pytest

from dashboard.careers import careers, fit
from dashboard.careers import figures as career_figures
from dashboard.careers import files as career_files
from dashboard.core.domain import AI, ML, ROLE_COLOURS, SHARED_COLOUR, SKILL_CATEGORIES
from dashboard.skills import files as skill_files

# Counted by hand in data/skills.csv: distinct skills per role, and which of these five each role names.
ML_TOTAL, AI_TOTAL = 64, 57


SELECTION = ["Python", "Amazon SageMaker", "Model deployment", "Apache Kafka", "Responsible AI"]


ML_HAS = {"Amazon SageMaker", "Model deployment", "Apache Kafka"}


AI_HAS = {"Python", "Amazon SageMaker", "Model deployment", "Responsible AI"}


@pytest.fixture(scope="module")
def skills():
    return skill_files.parse_skills()


def test_coverage_of_a_known_selection_equals_the_hand_count(skills):
    cover = fit.coverage(skills, SELECTION).set_index("role")
    assert cover.loc[ML, ["have", "total"]].tolist() == [3, ML_TOTAL]
    assert cover.loc[AI, ["have", "total"]].tolist() == [4, AI_TOTAL]
    assert cover.at[ML, "percent"] == pytest.approx(300 / 64)
    assert cover.at[AI, "percent"] == pytest.approx(400 / 57)
    assert fit.coverage_hint(SELECTION) is None


def test_every_skill_is_100_percent_for_both_roles(skills):
    cover = fit.coverage(skills, skills["skill"].unique())
    assert cover["percent"].tolist() == [100.0, 100.0]
    assert cover["have"].tolist() == cover["total"].tolist() == [ML_TOTAL, AI_TOTAL]
    assert fit.missing_skills(skills, skills["skill"].unique()).empty
    assert fit.learning_plan(skills, skills["skill"].unique()).empty


def test_no_skill_is_0_percent_with_a_hint_not_an_error(skills):
    cover = fit.coverage(skills, [])
    assert cover["percent"].tolist() == [0.0, 0.0] and cover["have"].tolist() == [0, 0]
    assert "Tick the skills" in fit.coverage_hint([])
    assert len(fit.learning_plan(skills, [])) == ML_TOTAL + AI_TOTAL


def test_missing_skills_per_role_grouped_by_category(skills):
    missing = fit.missing_skills(skills, SELECTION)
    for role, has, total in ((ML, ML_HAS, ML_TOTAL), (AI, AI_HAS, AI_TOTAL)):
        names = set(missing.loc[missing["role"] == role, "skill"])
        assert len(names) == total - len(has)
        assert not names & set(SELECTION)
        assert names | has == set(skills.loc[skills["role"] == role, "skill"])
    grouped = fit.missing_by_category(skills, SELECTION, AI)
    assert list(grouped) == sorted(grouped, key=SKILL_CATEGORIES.index)
    assert "Python" not in grouped["software engineering"] and "Java" in grouped["software engineering"]
    assert "Amazon SageMaker" not in grouped["AWS service"]


def test_learning_plan_rows_equal_the_missing_skills(skills):
    plan = fit.learning_plan(skills, SELECTION)
    missing = fit.missing_skills(skills, SELECTION)
    assert list(zip(plan["role"], plan["skill"], strict=True)) == list(
        zip(missing["role"], missing["skill"], strict=True)
    )
    assert list(plan.columns) == ["role", "skill", "category", "sections", "wording"]
    row = plan[(plan["role"] == AI) & (plan["skill"] == "Software engineering best practices")].iloc[0]
    assert (row["sections"], row["wording"]) == ("Choosing a role", "have experience in software engineering")
    row = plan[(plan["role"] == ML) & (plan["skill"] == "Monitoring")].iloc[0]
    assert row["sections"] == (
        "Comparison table; Responsibilities; Certification skill depth; Certification required skills"
    )
    assert row["wording"].startswith("monitoring cloud and on-premises ML resources / Track performance")


def test_a_skill_list_from_a_url_ignores_case_and_returns_unknown_names(skills):
    known, unknown = fit.parse_skill_list(
        [" python", "AMAZON SAGEMAKER", "Cobol", "", "Python", "cobol"], skills
    )
    assert known == ["Python", "Amazon SageMaker"]
    assert unknown == ["Cobol", "cobol"]
    assert fit.parse_skill_list([], skills) == ([], [])


def test_skill_choices_by_category_and_search(skills):
    choices = fit.skill_choices(skills)
    assert list(choices) == [c for c in SKILL_CATEGORIES if c in choices]
    assert sum(len(v) for v in choices.values()) == skills["skill"].nunique()
    assert fit.skill_choices(skills, "  KAFKA ") == {"data": ["Apache Kafka"]}
    assert fit.skill_choices(skills, "no such skill") == {}


def test_start_certification_for_each_role():
    certs = career_files.parse_certifications()
    assert (
        careers.certification_for_role(certs, ML)["name"]
        == "AWS Certified Machine Learning Engineer – Associate"
    )
    assert careers.certification_for_role(certs, AI)["code"] == "AIF-C01"


def test_skills_fidelity_fixes(skills):
    def roles_of(skill):
        return set(skills.loc[skills["skill"] == skill, "role"])

    assert roles_of("Software engineering best practices") == {ML, AI}
    assert roles_of("ML and AI pipelines") == {ML, AI}
    assert "ML pipelines" not in set(skills["skill"]) and "AI pipelines and infrastructure" not in set(
        skills["skill"]
    )
    iam_ml = skills[(skills["skill"] == "AWS Identity and Access Management (IAM)") & (skills["role"] == ML)]
    assert iam_ml["quote"].tolist() == ["AWS security best practices to identify and access management"]
    assert iam_ml["note"].str.startswith("Our reading").all()
    assert (skills.loc[skills["quote"] == "access controls", "skill"] == "Access control").all()


def test_coverage_bars_hold_the_numbers(skills):
    cover = fit.coverage(skills, SELECTION)
    bar = career_figures.coverage_figure(cover).data[0]
    assert list(bar.x) == pytest.approx([300 / 64, 400 / 57])
    assert [tuple(c) for c in bar.customdata] == [(3, 64), (4, 57)]
    assert list(bar.marker.color) == [ROLE_COLOURS[ML], ROLE_COLOURS[AI]]
    assert list(bar.text) == ["5% · 3 of 64", "7% · 4 of 57"]
    assert career_figures.coverage_alt(cover) == (
        "Bar chart: your skills cover 5% of the ML Engineer's skills (3 of 64) "
        "and 7% of the AI Engineer's skills (4 of 57)."
    )


def test_career_diagram_draws_shared_paths_as_shared():
    paths = careers.career_paths(career_files.parse_careers())
    fig = career_figures.career_paths_figure(paths)
    lines = {t.name: t for t in fig.data if t.mode == "lines"}
    assert list(lines[ML].customdata) == [
        "Data scientist",
        "Data engineer",
        "Business intelligence developer",
        "Computer vision engineer",
        "NLP engineer",
    ]
    assert len(lines[AI].customdata) == 6
    assert sum(y is None for y in lines[ML].y) == 5
    dots = next(t for t in fig.data if t.name == "Careers")
    colour = {c[0]: col for c, col in zip(dots.customdata, dots.marker.color, strict=True)}
    assert colour["NLP engineer"] == colour["Computer vision engineer"] == SHARED_COLOUR
    assert colour["Data scientist"] == ROLE_COLOURS[ML] and colour["AI consultant"] == ROLE_COLOURS[AI]
    assert len(fig.layout.shapes) == 1  # the band behind the shared careers
    assert "From both roles: Computer vision engineer, NLP engineer." in career_figures.career_paths_alt(
        paths
    )


def test_data_text_is_escaped_in_the_figures(data_dir):
    from tests.conftest import rewrite

    rewrite(data_dir / "careers.csv", "AI Engineer,AI consultant,", "AI Engineer,<b>AI</b> consultant,")
    paths = careers.career_paths(career_files.parse_careers())
    dots = next(t for t in career_figures.career_paths_figure(paths).data if t.name == "Careers")
    assert "&lt;b&gt;AI&lt;/b&gt;<br>consultant" in list(dots.text)
    assert "&lt;b&gt;AI&lt;/b&gt; consultant" in [c[0] for c in dots.customdata]
