"""Certifications, careers, advice and FAQ: the article's words, the claims checked, and bad files named."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dashboard.careers import careers
from dashboard.careers import files as career_files
from dashboard.core.domain import AI, ML, ROLE_COLOURS, SHARED_COLOUR
from dashboard.salaries import files as salary_files
from dashboard.skills import files as skill_files
from tests.conftest import file_error, rewrite

ARTICLE_NAME = "ml-vs-ai-engineer-on-aws.txt"


def _article_path() -> Path | None:
    """The source article: $CAREERS_ARTICLE, else ../shared/source beside the checkout, else /work/shared."""
    candidates = [
        os.environ.get("CAREERS_ARTICLE"),
        Path(__file__).resolve().parents[3] / "shared" / "source" / ARTICLE_NAME,
        Path("/work/shared/source") / ARTICLE_NAME,
    ]
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


def _load_article() -> str:
    """The article's text; skipped where it is absent, but a failure in CI, where it must be."""
    path = _article_path()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("the source article is missing; set CAREERS_ARTICLE to its path")
        pytest.skip("the source article is not beside this checkout (set CAREERS_ARTICLE)")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article() -> str:
    return _load_article()


def _outcome_without_article(monkeypatch: pytest.MonkeyPatch, ci: str) -> type[BaseException] | None:
    monkeypatch.setattr(f"{__name__}._article_path", lambda: None)
    monkeypatch.setenv("CI", ci)
    try:
        _load_article()
    except BaseException as outcome:  # pytest's skip and fail are BaseExceptions; catch them to compare
        return type(outcome)
    return None


def test_a_missing_article_skips_locally_but_fails_in_ci(monkeypatch):
    assert _outcome_without_article(monkeypatch, "true") is pytest.fail.Exception
    assert _outcome_without_article(monkeypatch, "false") is pytest.skip.Exception


@pytest.mark.parametrize(
    ("parse", "columns"),
    [
        (career_files.parse_certifications, ["quote"]),
        (career_files.parse_careers, ["quote"]),
        (career_files.parse_advice, ["quote"]),
        (career_files.parse_faq, ["question", "quote"]),
        (skill_files.parse_skills, ["quote"]),
    ],
)
def test_every_quote_is_the_articles_words(article, parse, columns):
    frame = parse()
    for column in columns:
        missing = frame.loc[~frame[column].map(lambda q: q in article), column]
        assert missing.empty, missing.to_string()


def test_the_two_certifications_side_by_side():
    summary = careers.certification_summary(career_files.parse_certifications()).set_index("code")
    assert summary.loc["MLA-C01", ["name", "level", "role", "next_certification"]].tolist() == [
        "AWS Certified Machine Learning Engineer – Associate",
        "associate",
        ML,
        "AWS Certified Machine Learning – Specialty",
    ]
    assert summary.loc["AIF-C01", ["name", "level", "role", "next_certification"]].tolist() == [
        "AWS Certified AI Practitioner",
        "foundational",
        AI,
        "AWS Certified Solutions Architect – Associate",
    ]
    assert (
        "At least 1 year of hands-on experience working with AWS services"
        in summary.at["MLA-C01", "experience"]
    )
    assert "Up to 6 months" in summary.at["AIF-C01", "experience"]


def test_each_exam_keeps_its_own_lists_and_no_invented_figures():
    certs = career_files.parse_certifications()
    counts = {
        (c, k): len(careers.certification_items(certs, c, k))
        for c in ("MLA-C01", "AIF-C01")
        for k in ("validates", "knowledge")
    }
    assert counts == {
        ("MLA-C01", "validates"): 5,
        ("MLA-C01", "knowledge"): 6,
        ("AIF-C01", "validates"): 4,
        ("AIF-C01", "knowledge"): 4,
    }
    # The article gives no cost, length or question count: none may appear.
    assert not certs["value"].str.contains(r"\$|USD|minutes|questions", regex=True).any()


def test_shared_careers_are_nlp_and_computer_vision():
    paths = careers.career_paths(career_files.parse_careers())
    assert paths.loc[paths["shared"], "career"].tolist() == ["Computer vision engineer", "NLP engineer"]
    assert paths["career"].tolist()[:3] == [
        "Data scientist",
        "Data engineer",
        "Business intelligence developer",
    ]
    assert len(paths) == 9


def test_faq_caveats_carry_the_dashboards_own_figures():
    faq = careers.faq_table(
        career_files.parse_faq(), salary_files.parse_salaries(), career_files.parse_careers()
    ).set_index("number")
    assert faq.at[2, "evidence"] == (
        "The ML Engineer does not earn more at the band midpoint in the United Kingdom (the ML Engineer's "
        "midpoint is 4.2% below the AI Engineer's), Australia (the ML Engineer's midpoint is 11.8% below the "
        "AI Engineer's)."
    )
    assert (
        faq.at[4, "evidence"] == "Listed for the ML Engineer but not in this answer: Computer vision engineer"
    )
    assert faq.at[1, "caveat"] == "" and faq.at[1, "evidence"] == ""
    assert (faq["caveat"] != "").sum() == 2


def test_the_foundational_best_certification_is_flagged():
    certs = career_files.parse_certifications()
    flagged = certs[certs["checks"] == "certification level"]
    assert flagged["code"].tolist() == ["AIF-C01"]
    assert "foundational" in flagged["caveat"].iloc[0]


def test_start_certification_is_the_one_serving_the_role(data_dir):
    certs = career_files.parse_certifications()
    assert careers.certification_for_role(certs, ML)["code"] == "MLA-C01"
    assert careers.certification_for_role(certs, AI)["code"] == "AIF-C01"
    text = (data_dir / "certifications.csv").read_text(encoding="utf-8")
    (data_dir / "certifications.csv").write_text(
        "\n".join(line for line in text.splitlines() if not line.startswith("AIF-C01")) + "\n",
        encoding="utf-8",
    )
    assert careers.certification_for_role(career_files.parse_certifications(), AI) is None


CERTS, CAREERS, ADVICE, FAQ = "certifications.csv", "careers.csv", "advice.csv", "faq.csv"


PARSERS = {
    CERTS: career_files.parse_certifications,
    CAREERS: career_files.parse_careers,
    ADVICE: career_files.parse_advice,
    FAQ: career_files.parse_faq,
}


@pytest.mark.parametrize(
    ("name", "old", "new", "line", "column", "words"),
    [
        (
            CERTS,
            "MLA-C01,ML Engineer,level,associate",
            "MLA-C01,ML Engineer,level,Associate",
            3,
            "value",
            "'Associate' is not a level",
        ),
        (
            CERTS,
            "AIF-C01,AI Engineer,level",
            "AIF-C01,AI Engineer,levels",
            21,
            "kind",
            "'levels' is not one of the kinds",
        ),
        (CERTS, "MLA-C01,ML Engineer,name", "MLA C01,ML Engineer,name", 2, "code", "not an AWS exam code"),
        (
            CERTS,
            "AIF-C01,AI Engineer,summary,Focuses",
            "AIF-C01,ML Engineer,summary,Focuses",
            23,
            "role",
            "AIF-C01 serves 'AI Engineer' on line 20 but 'ML Engineer' here",
        ),
        (
            CERTS,
            "MLA-C01,ML Engineer,summary,The first",
            "MLA-C01,ML Engineer,name,The first",
            4,
            "kind",
            "MLA-C01 has 2 'name' rows",
        ),
        (
            CERTS,
            "AIF-C01,AI Engineer,next certification",
            "AIF-C01,AI Engineer,summary",
            20,
            "kind",
            "AIF-C01 has 0 'next certification' rows",
        ),
        (
            CERTS,
            "MLA-C01,ML Engineer,knowledge,Automate CI/CD pipelines",
            "MLA-C01,ML Engineer,knowledge,",
            17,
            "value",
            "must not be empty",
        ),
        (
            CERTS,
            "AWS Certified AI Practitioner,AWS Certified AI Practitioner,,",
            "AWS Certified AI Practitioner,AWS Certified AI Practitioner,,our remark",
            20,
            "checks",
            "a caveat needs the check",
        ),
        (
            CERTS,
            "AWS Certified AI Practitioner,AWS Certified AI Practitioner,,",
            "AWS Certified AI Practitioner,AWS Certified AI Practitioner,career list,",
            20,
            "caveat",
            "needs a caveat",
        ),
        (
            CERTS,
            "AWS Certified AI Practitioner,AWS Certified AI Practitioner,,",
            "AWS Certified AI Practitioner,AWS Certified AI Practitioner,salary,x",
            20,
            "checks",
            "'salary' is not one of the checks",
        ),
        (
            CAREERS,
            "ML Engineer,Data engineer,Data engineer",
            "ML Engineer,Data Scientist,Data scientist",
            9,
            "career",
            "appears on 2 lines (8, 9)",
        ),
        (CAREERS, "AI Engineer,Robotics engineer,", "AI Engineer,,", 4, "career", "must not be empty"),
        (
            CAREERS,
            "AI Engineer,AI consultant",
            "AI engineer,AI consultant",
            7,
            "role",
            "'AI engineer' is not one",
        ),
        (ADVICE, "ML Engineer,goal", "ML Engineer,dream", 7, "kind", "'dream' is not one of the kinds"),
        (
            ADVICE,
            "A fast-paced learning environment,You enjoy a fast-paced learning environment",
            "A fast-paced learning environment,",
            2,
            "quote",
            "must not be empty",
        ),
        (
            FAQ,
            "2,,Which role pays more?",
            "two,,Which role pays more?",
            3,
            "number",
            "'two' is not a whole number",
        ),
        (
            FAQ,
            "5,AI Engineer,How does",
            "4,AI Engineer,How does",
            6,
            "number",
            "number=4 appears on 2 lines (5, 6)",
        ),
        (
            FAQ,
            "3,AI Engineer,Is AWS",
            "3,Data Engineer,Is AWS",
            4,
            "role",
            "'Data Engineer' is not one of the roles",
        ),
    ],
)
def test_bad_career_files_name_file_line_and_column(data_dir, name, old, new, line, column, words):
    rewrite(data_dir / name, old, new)
    err = file_error(PARSERS[name])
    assert err.file == f"data/{name}"
    assert any(p.line == line and p.column == column and words in p.message for p in err.problems), (
        err.problems
    )
    assert f"line {line}" in str(err) and f"column '{column}'" in str(err)


@pytest.mark.parametrize("name", [CERTS, CAREERS, ADVICE, FAQ])
def test_missing_career_file_is_named(data_dir, name):
    (data_dir / name).unlink()
    err = file_error(PARSERS[name])
    assert err.file == f"data/{name}" and "the file is missing" in str(err)


def test_the_diagram_colour_for_shared_is_the_shared_colour():
    # Guards the constant the figure tests rely on: shared must differ from both role colours.
    assert SHARED_COLOUR not in ROLE_COLOURS.values()
