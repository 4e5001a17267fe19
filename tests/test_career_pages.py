"""The careers and 'Which role fits you?' pages through AppTest, and the fidelity fixes on the Skills and
Overview pages: what each page shows, follows and downloads."""

from __future__ import annotations

import io
import itertools
import re

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard import career_files, careers, datafiles, filters, fit
from dashboard.domain import AI, ML, ROLE_COLOURS, SHARED_COLOUR
from tests.conftest import rewrite, shown, tables_by_tab
from tests.test_pages import APP, open_page, plotly_traces

CAREERS, FIT = "pages/careers.py", "pages/fit.py"
NOTE = "**Dashboard's note, not the article's:**"
# Counted by hand in data/skills.csv (as in tests/test_fit.py): of these five, the ML Engineer's 63
# distinct skills hold SageMaker, Model deployment and Apache Kafka; the AI Engineer's 57 hold
# Python, SageMaker, Model deployment and Responsible AI.
SELECTION = {
    "AWS service": ["Amazon SageMaker"],
    "software engineering": ["Python"],
    "operations": ["Model deployment"],
    "data": ["Apache Kafka"],
    "security and governance": ["Responsible AI"],
}
ML_HAVE, ML_TOTAL, AI_HAVE, AI_TOTAL = 3, 63, 4, 57


def pills(at: AppTest, category: str):
    return at.pills(key=f"{filters.SKILL_KEY}-pills-{category}")


def open_fit(skills: list[str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if skills is not None:
        at.query_params[filters.SKILL_KEY] = skills
    at.run()
    return at.switch_page(FIT).run()


def tick(at: AppTest, selection: dict[str, list[str]]) -> AppTest:
    for category, names in selection.items():
        pills(at, category).set_value(names).run()
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def profile_in_url(at: AppTest) -> list[str]:
    value = at.query_params.get(filters.SKILL_KEY, [])
    return [value] if isinstance(value, str) else list(value)  # AppTest gives one value as a str


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """The bytes every download button of a run was given, by file name."""
    caught: dict[str, bytes] = {}
    original = st.download_button

    def recording(label, data, file_name=None, *args, **kwargs):
        caught[file_name] = data
        return original(label, data, file_name, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", recording)
    return caught


def read_csv(raw: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", keep_default_na=False)


def missing_shown(at: AppTest) -> list[tuple[str, str]]:
    """(role, skill) of the 'Still to learn' lists as the page draws them: '- *category* (n): a, b'."""
    shown_pairs: list[tuple[str, str]] = []
    role = None
    for md in at.markdown:
        text = shown(md.value)
        if text.startswith("#### "):
            role = text[5:]
        elif text.startswith("- *") and role:
            for line in text.splitlines():
                names = re.match(r"- \*[^*]+\* \(\d+\): (.*)$", line).group(1)
                # Skill names hold no ", " (checked below), so the list splits cleanly.
                shown_pairs += [(role, n) for n in names.split(", ")]
    return shown_pairs


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
    evidence = "AI Engineer paid more at the band midpoint in: Australia (+13.3%), United Kingdom (+4.3%)"
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
    questions = [shown(m.value).strip("*") for m in at.markdown if re.fullmatch(r"\*\*.*\?\*\*", m.value)]
    assert faq["question"].tolist() == questions == career_files.parse_faq()["question"].tolist()
    assert faq.loc[faq["number"] == 2, "evidence"].item() == (
        "AI Engineer paid more at the band midpoint in: United Kingdom (+4.3%)"
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


def test_no_skill_ticked_gives_the_hint_not_an_error():
    at = open_fit()
    assert not at.exception and not at.error
    assert at.info[0].value == fit.NO_SELECTION_HINT
    assert not at.get("plotly_chart") and not at.get("download_button")


def test_ticking_skills_changes_coverage_to_the_hand_count_and_writes_the_url():
    at = tick(open_fit(), SELECTION)
    assert not at.exception
    assert metrics(at) == {
        "Coverage of the ML Engineer's skills": f"{100 * ML_HAVE / ML_TOTAL:.0f}%",  # 5%
        "Coverage of the AI Engineer's skills": f"{100 * AI_HAVE / AI_TOTAL:.0f}%",  # 7%
    }
    bars = plotly_traces(at)[0]
    assert bars["x"] == pytest.approx([100 * 3 / 63, 100 * 4 / 57])
    assert bars["text"] == ["5% · 3 of 63", "7% · 4 of 57"]
    # In the picker's order: categories as data/README.md lists them, names A–Z.
    assert profile_in_url(at) == [
        "Amazon SageMaker",
        "Apache Kafka",
        "Python",
        "Model deployment",
        "Responsible AI",
    ]
    assert any(
        shown(c.value).startswith("5 of 99 skills ticked: Amazon SageMaker, Apache Kafka") for c in at.caption
    )


def test_a_search_hides_skills_but_keeps_them_ticked():
    at = tick(open_fit(), {"software engineering": ["Python"]})
    at.text_input(key="skill-search").set_value("sagemaker").run()
    assert [p.options for p in at.main.pills] == [
        ["Amazon SageMaker", "Amazon SageMaker Data Wrangler", "Amazon SageMaker Ground Truth",
         "Amazon SageMaker JumpStart"]
    ]  # fmt: skip
    pills(at, "AWS service").set_value(["Amazon SageMaker"]).run()
    assert set(profile_in_url(at)) == {"Python", "Amazon SageMaker"}
    at.text_input(key="skill-search").set_value("").run()
    assert pills(at, "software engineering").value == ["Python"]
    assert pills(at, "AWS service").value == ["Amazon SageMaker"]


def test_a_link_restores_the_profile_and_survives_a_page_switch():
    at = open_fit(["python", " Amazon SageMaker "])
    assert pills(at, "software engineering").value == ["Python"]
    assert pills(at, "AWS service").value == ["Amazon SageMaker"]
    assert profile_in_url(at) == ["Amazon SageMaker", "Python"]  # the data's spelling, picker order
    at.switch_page("pages/skills.py").run()
    for key in list(at.query_params):  # a browser's page switch empties the query string
        del at.query_params[key]
    at.switch_page(FIT).run()
    assert pills(at, "software engineering").value == ["Python"]
    assert profile_in_url(at) == ["Amazon SageMaker", "Python"]


def test_a_link_with_unknown_skills_warns_literally_and_briefly():
    hostile = "[x](http://evil.example/x) :red[**y**]"
    at = open_fit(["Python", hostile, *[f"Nope{i}" for i in range(20)]])
    warning = at.warning[0].value
    assert warning.startswith("The link names 21 skills this dashboard does not have: ")
    assert f"{hostile}, Nope0, Nope1, Nope2, Nope3 and 16 more. The others are ticked." in shown(warning)
    assert "](http" not in warning.replace("\\]\\(", "")
    assert len(warning) < 400
    assert pills(at, "software engineering").value == ["Python"]
    assert profile_in_url(at) == ["Python"]


def test_the_learning_plan_download_equals_the_missing_skills_shown(downloads):
    at = tick(open_fit(), SELECTION)
    plan = read_csv(downloads["ml-vs-ai-engineer_learning-plan.csv"])
    assert len(plan) == (ML_TOTAL - ML_HAVE) + (AI_TOTAL - AI_HAVE)
    drawn = missing_shown(at)
    assert sorted(zip(plan["role"], plan["skill"], strict=True)) == sorted(drawn)
    assert plan.equals(at.dataframe[0].value.reset_index(drop=True))
    assert not any(", " in s for s in datafiles.parse_skills()["skill"])  # what missing_shown relies on
    row = plan[(plan["role"] == AI) & (plan["skill"] == "Software engineering best practices")].iloc[0]
    assert row["wording"] == "have experience in software engineering"
    assert "Python" not in set(plan["skill"])


def test_each_role_shows_its_start_certification_and_salary_band_in_the_chosen_regions():
    at = tick(open_fit(), {"software engineering": ["Python"]})
    at.pills(key="region").set_value(["IN"]).run()
    texts = [shown(m.value) for m in at.markdown]
    assert any(
        t.startswith("**Start with** AWS Certified Machine Learning Engineer – Associate (MLA-C01")
        for t in texts
    )
    assert any(t.startswith("**Start with** AWS Certified AI Practitioner (AIF-C01") for t in texts)
    bands = [t.value[["Minimum", "Maximum"]].values.tolist() for t in at.table]
    assert bands == [[["₹10 LPA", "₹18 LPA"]], [["₹6 LPA", "₹10 LPA"]]]


def test_skills_page_shows_the_articles_words_and_marks_our_readings():
    at = open_page("pages/skills.py")
    by_tab = {label: tables[0] for label, tables in tables_by_tab(at).items()}
    both = by_tab["both"].map(shown).set_index("Skill")
    assert (
        both.at["Monitoring and troubleshooting", "AI Engineer: the article's words"]
        == "continuous monitoring"
    )
    reading = both.at["Software engineering best practices", "Our reading (not the article's words)"]
    assert reading.startswith("Our reading:")
    assert both.at["Amazon SageMaker", "Our reading (not the article's words)"] == ""
    ml_only = by_tab["ML only"].map(shown)
    # The ML-only tab has no AI columns at all (not an empty one), and the mirror on the AI-only tab.
    assert not [c for c in ml_only.columns if "AI Engineer" in c]
    assert ml_only["ML Engineer: the article's words"].ne("").all()
    assert not [c for c in by_tab["AI only"].columns if "ML Engineer" in c]
    assert any("not that an AI Engineer does not need it" in c.value for c in at.caption)


def test_overview_keeps_the_articles_may_or_may_not_include_ml_models():
    at = open_page("pages/overview.py")
    assert "may or may not include ML models" in at.markdown[0].value
