"""The Certifications & careers page through AppTest: certifications side by side, paths, advice, the
checked FAQ and its downloads."""

from __future__ import annotations

import itertools
import re

import pytest

from dashboard.careers import careers
from dashboard.careers import files as career_files
from dashboard.core.domain import AI, ML, ROLE_COLOURS, SHARED_COLOUR
from tests.conftest import rewrite, shown
from tests.pages_support import APP, open_page, plotly_traces, read_csv  # noqa: F401

CAREERS, FIT = "pages/careers.py", "pages/fit.py"


NOTE = "**Dashboard's note, not the article's:**"


ML_HAVE, ML_TOTAL, AI_HAVE, AI_TOTAL = 3, 63, 4, 57


@pytest.mark.parametrize("page", [CAREERS, FIT])
def test_new_page_runs_without_exception_and_keeps_the_sidebar(page):
    at = open_page(page)
    assert not at.exception
    assert not at.error
    assert at.pills(key="region").value == ["US", "CA", "AU", "GB", "IN"]


def test_certifications_side_by_side_hold_the_datas_values_and_no_exam_facts():
    at = open_page(CAREERS)
    side = at.table[0].value.set_index("")
    summary = careers.certification_summary(career_files.parse_certifications()).set_index("code")
    assert list(side.columns) == ["MLA-C01", "AIF-C01"]
    for code in ("MLA-C01", "AIF-C01"):
        column = [shown(v) for v in side[code]]
        expected = summary.loc[code, ["name", "level", "role", "experience", "next_certification"]]
        assert column == expected.tolist()
    assert shown(side.at["Level", "MLA-C01"]) == "associate"
    assert shown(side.at["Level", "AIF-C01"]) == "foundational"
    assert (
        shown(side.at["Next certification on the path", "AIF-C01"])
        == "AWS Certified Solutions Architect – Associate"
    )
    # The article's words behind every fact, one table per certification.
    words = [df.value for df in at.dataframe]
    certs = career_files.parse_certifications()
    assert [w["quote"].tolist() for w in words] == [
        certs.loc[certs["code"] == code, "quote"].tolist() for code in ("MLA-C01", "AIF-C01")
    ]
    cells = [str(v) for table in at.table for v in table.value.to_numpy().ravel()]
    lists = itertools.takewhile(lambda m: "Choose the" not in m.value, at.markdown)
    certification_text = " ".join([*(shown(m.value) for m in lists), *cells]).casefold()
    assert "sagemaker capabilities" in certification_text
    assert not re.search(r"\b(cost|price|fee|usd|minutes|hours|questions)\b", certification_text)
    # AIF-C01 called "best" yet foundational: the dashboard's note, labelled as such.
    assert any(NOTE in i.value and "foundational certification" in shown(i.value) for i in at.info)


def test_career_paths_draw_the_shared_careers_as_shared_and_note_the_faq_omission():
    at = open_page(CAREERS)
    traces = {t["name"]: t for t in plotly_traces(at)}
    careers_drawn = traces["Careers"]
    colour = dict(
        zip((c[0] for c in careers_drawn["customdata"]), careers_drawn["marker"]["color"], strict=True)
    )
    assert colour["NLP engineer"] == colour["Computer vision engineer"] == SHARED_COLOUR
    assert colour["Data scientist"] == ROLE_COLOURS[ML] and colour["AI consultant"] == ROLE_COLOURS[AI]
    assert sorted(traces[ML]["customdata"]) == sorted(
        ["Data scientist", "Data engineer", "Business intelligence developer", "NLP engineer",
         "Computer vision engineer"]
    )  # fmt: skip
    note = next(i.value for i in at.info if "career prospects" in i.value)
    assert note.startswith(NOTE) and "leaves out computer vision engineer" in note


def test_advice_lists_both_roles_points_with_the_articles_words():
    at = open_page(CAREERS)
    texts = [shown(m.value) for m in at.markdown]
    assert "Choose the AI Engineer if" in " ".join(texts) and "Choose the ML Engineer if" in " ".join(texts)
    advice = career_files.parse_advice()
    joined = "\n".join(texts)
    for row in advice.itertuples():
        assert f"- {row.point}  \n  :gray[“{row.quote}”]" in joined


def test_faq_salary_evidence_follows_the_chosen_regions():
    at = open_page(CAREERS)
    salary = next(w.value for w in at.warning if "salary table" in w.value)
    assert salary.startswith(NOTE)
    salary = shown(salary)
    evidence = (
        "The ML Engineer does not earn more at the band midpoint in the United Kingdom (the ML Engineer's "
        "midpoint is 4.2% below the AI Engineer's), Australia (the ML Engineer's midpoint is 11.8% below the "
        "AI Engineer's)."
    )
    assert f"From the dashboard's data:** {evidence}" in salary
    assert len(at.warning) == 2  # one per FAQ answer the data contradicts

    at.pills(key="region").set_value(["US", "IN"]).run()
    salary = next(shown(w.value) for w in at.warning if "salary table" in w.value)
    assert "The salary table pays the ML Engineer more in every region." in salary
    assert "now: 🇺🇸 United States, 🇮🇳 India" in shown(at.main.caption[-1].value)


def test_careers_downloads_are_what_the_page_shows(downloads):
    at = open_page(CAREERS, regions=["GB"])
    assert not at.exception
    certs = read_csv(downloads["ml-vs-ai-engineer_certifications.csv"])
    assert certs["quote"].tolist() == career_files.parse_certifications()["quote"].tolist()
    paths = read_csv(downloads["ml-vs-ai-engineer_careers.csv"])
    assert sorted(paths.loc[paths["shared"], "career"].unique()) == [
        "Computer vision engineer",
        "NLP engineer",
    ]
    faq = read_csv(downloads["ml-vs-ai-engineer_faq_GB.csv"])
    heads = [shown(m.value).split("\n")[0] for m in at.markdown if re.match(r"\*\*[^*]*\?\*\*\n", m.value)]
    questions = [h.strip("*") for h in heads]
    assert faq["question"].tolist() == questions == career_files.parse_faq()["question"].tolist()
    assert faq.loc[faq["number"] == 2, "evidence"].item() == (
        "The ML Engineer does not earn more at the band midpoint in the United Kingdom (the ML Engineer's "
        "midpoint is 4.2% below the AI Engineer's)."
    )


def test_a_broken_certifications_file_is_explained(data_dir):
    rewrite(
        data_dir / "certifications.csv",
        "MLA-C01,ML Engineer,level,associate",
        "MLA-C01,ML Engineer,level,Associate",
    )
    at = open_page(CAREERS)
    assert not at.exception
    assert "data/certifications.csv" in shown(at.error[0].value)
