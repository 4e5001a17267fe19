"""The 'Which role fits you?' page through AppTest: ticking skills, the profile in the link, the plan."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.app import profile
from dashboard.careers import fit
from dashboard.core.domain import AI
from dashboard.skills import files as skill_files
from tests.conftest import shown
from tests.pages_support import APP, charts, open_page, plotly_traces, read_csv  # noqa: F401

# Counted by hand in data/skills.csv (as in tests/test_fit.py): of these five, the ML Engineer's 64
# distinct skills hold SageMaker, Model deployment and Apache Kafka; the AI Engineer's 57 hold
# Python, SageMaker, Model deployment and Responsible AI.
FIT = "pages/fit.py"
# Of each role's distinct skills: how many SELECTION ticks, and how many there are.
ML_HAVE, ML_TOTAL, AI_HAVE, AI_TOTAL = 3, 64, 4, 57
SELECTION = {
    "AWS service": ["Amazon SageMaker"],
    "software engineering": ["Python"],
    "operations": ["Model deployment"],
    "data": ["Apache Kafka"],
    "security and governance": ["Responsible AI"],
}


def pills(at: AppTest, category: str):
    return at.pills(key=f"{profile.SKILL_KEY}-pills-{category}")


def open_fit(skills: list[str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if skills is not None:
        at.query_params[profile.SKILL_KEY] = skills
    at.run()
    return at.switch_page(FIT).run()


def tick(at: AppTest, selection: dict[str, list[str]]) -> AppTest:
    for category, names in selection.items():
        pills(at, category).set_value(names).run()
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def profile_in_url(at: AppTest) -> list[str]:
    value = at.query_params.get(profile.SKILL_KEY, [])
    return [value] if isinstance(value, str) else list(value)  # AppTest gives one value as a str


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


def test_no_skill_ticked_gives_the_hint_not_an_error():
    at = open_fit()
    assert not at.exception and not at.error
    assert at.info[0].value == fit.NO_SELECTION_HINT
    assert not charts(at) and not at.get("download_button")


def test_ticking_skills_changes_coverage_to_the_hand_count_and_writes_the_url():
    at = tick(open_fit(), SELECTION)
    assert not at.exception
    assert metrics(at) == {
        "Coverage of the ML Engineer's skills": f"{100 * ML_HAVE / ML_TOTAL:.0f}%",  # 5%
        "Coverage of the AI Engineer's skills": f"{100 * AI_HAVE / AI_TOTAL:.0f}%",  # 7%
    }
    bars = plotly_traces(at)[0]
    assert bars["x"] == pytest.approx([100 * 3 / 64, 100 * 4 / 57])
    assert bars["text"] == ["5% · 3 of 64", "7% · 4 of 57"]
    # In the picker's order: categories as data/README.md lists them, names A–Z.
    assert profile_in_url(at) == [
        "Amazon SageMaker",
        "Apache Kafka",
        "Python",
        "Model deployment",
        "Responsible AI",
    ]
    assert any(
        shown(c.value).startswith("5 of 100 skills ticked: Amazon SageMaker, Apache Kafka")
        for c in at.caption
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
    assert not any(", " in s for s in skill_files.parse_skills()["skill"])  # what missing_shown relies on
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
    bands = [t.value[["Minimum", "Maximum"]].values.tolist() for t in at.table if "Minimum" in t.value]
    assert bands == [[["₹10 LPA", "₹18 LPA"]], [["₹6 LPA", "₹10 LPA"]]]
