"""Every page through AppTest: it runs, it follows the shared region filter, and a bad file is explained."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import datafiles, filters, skills
from tests.conftest import rewrite, shown, tables_by_tab

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ["pages/overview.py", "pages/salaries.py", "pages/skills.py", "pages/aws_services.py"]


def open_page(page: str, regions: list[str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    if page != "pages/overview.py":
        at.switch_page(page).run()
    if regions is not None:
        at.pills(key="region").set_value(regions).run()
    return at


def plotly_traces(at: AppTest, index: int = 0) -> list[dict]:
    return json.loads(at.get("plotly_chart")[index].proto.spec)["data"]


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_without_exception_and_keeps_the_shared_sidebar(page):
    at = open_page(page)
    assert not at.exception
    assert not at.error
    assert at.pills(key="region").value == ["US", "CA", "AU", "GB", "IN"]


def test_overview_lays_the_comparison_side_by_side():
    at = open_page("pages/overview.py")
    texts = [m.value for m in at.markdown]
    assert "**Primary role**" in texts
    assert ":blue[**ML Engineer**]  \nImproves model accuracy" in texts
    assert ":orange[**AI Engineer**]  \nBuilds end\\-to\\-end intelligent solutions" in texts
    assert [link.proto.page for link in at.get("page_link")] == [
        "salaries", "survey", "skills", "aws_services", "careers", "fit",
    ]  # fmt: skip
    assert "Mythili Sivakumar" in at.expander[0].markdown[0].value
    assert [b.label for b in at.get("download_button")] == ["Download comparison (CSV)"]


def test_salaries_with_india_alone_show_only_indias_two_bands():
    at = open_page("pages/salaries.py", regions=["IN"])
    bands = [(t["name"], t["base"][0], t["base"][0] + t["x"][0]) for t in plotly_traces(at)]
    assert bands == [("ML Engineer", 1_000_000, 1_800_000), ("AI Engineer", 600_000, 1_000_000)]
    table = at.table[0].value
    assert table["Region"].tolist() == ["🇮🇳 India", "🇮🇳 India"]
    assert table[["Role", "Minimum", "Maximum"]].values.tolist() == [
        ["AI Engineer", "₹6 LPA", "₹10 LPA"],
        ["ML Engineer", "₹10 LPA", "₹18 LPA"],
    ]
    gaps = plotly_traces(at, 1)[0]
    assert gaps["x"] == [75.0]
    alts = [chart.proto.alt for chart in at.get("plotly_chart")]
    assert alts[:2] == [
        "Annual salary bands. India: AI Engineer ₹6 LPA to ₹10 LPA; ML Engineer ₹10 LPA to ₹18 LPA.",
        "ML Engineer pay versus AI Engineer at the band midpoint: India +75.0%.",
    ]
    assert [shown(v) for v in at.table[1].value["At midpoint"]] == ["+₹6 LPA"]


def test_salary_downloads_do_not_rerun_and_name_the_regions():
    at = open_page("pages/salaries.py", regions=["GB", "IN"])
    buttons = at.get("download_button")
    assert [b.proto.ignore_rerun for b in buttons] == [True, True]
    assert "ml-vs-ai-engineer_salary-bands_GB-IN.csv" in buttons[0].proto.help
    assert buttons[0].proto.help.startswith("4 rows")


def test_region_filter_follows_you_to_another_page():
    at = open_page("pages/salaries.py", regions=["GB"])
    at.switch_page("pages/overview.py").run()
    at.switch_page("pages/salaries.py").run()
    assert at.pills(key="region").value == ["GB"]
    assert {t["name"] for t in plotly_traces(at)} == {"ML Engineer", "AI Engineer"}
    assert len(plotly_traces(at)) == 2


def test_empty_region_selection_shows_a_hint_not_an_empty_chart():
    at = open_page("pages/salaries.py", regions=[])
    assert not at.exception
    assert "No region is selected" in at.info[0].value
    assert not at.get("plotly_chart")


def test_bad_salary_file_is_explained_and_the_app_keeps_running(data_dir):
    rewrite(data_dir / "salaries.csv", "GB,GBP,43000,77000", "GB,GBP,83000,77000")
    at = open_page("pages/salaries.py")
    assert not at.exception
    message = shown(at.error[0].value)
    assert "data/salaries.csv" in message
    assert "line 8, column 'salary_min'" in message
    assert "above salary_max" in message
    at.switch_page("pages/overview.py").run()
    assert not at.exception and not at.error


def test_a_link_with_regions_restores_the_filter_and_writes_codes_back():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["region"] = ["gb", "IN", "XX"]
    at.run()
    assert at.pills(key="region").value == ["GB", "IN"]
    assert at.query_params["region"] == ["GB", "IN"]
    at.pills(key="region").set_value(["US", "CA", "AU", "GB", "IN"]).run()
    assert "region" not in at.query_params


def test_a_link_with_an_empty_region_list_selects_nothing():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["region"] = ""
    at.run()
    at.switch_page("pages/salaries.py").run()
    assert at.pills(key="region").value == []
    assert "No region is selected" in at.info[0].value


def metric_values(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_skills_page_counts_follow_the_category_filter():
    at = open_page("pages/skills.py")
    assert "do not differ by region" in at.info[0].value
    assert metric_values(at) == {"Shared skills": "21", "Jaccard similarity": "0.21", "Distinct skills": "99"}
    venn = plotly_traces(at)[0]
    assert [c[1] for c in venn["customdata"]] == [42, 21, 36]

    at.pills(key=filters.CATEGORY_KEY).set_value(["AWS service"]).run()
    expected = skills.skill_sets(filters.filter_values(datafiles.parse_skills(), "category", ["AWS service"]))
    venn = plotly_traces(at)[0]
    assert [c[1] for c in venn["customdata"]] == [
        len(expected.ml_only),
        len(expected.both),
        len(expected.ai_only),
    ]
    assert metric_values(at)["Shared skills"] == str(len(expected.both))
    assert at.query_params[filters.CATEGORY_KEY] == "AWS service"  # AppTest gives one value as a str
    tables = [t for ts in tables_by_tab(at).values() for t in ts]
    assert len(tables) == 3  # one table per tab, built when the tab is opened
    listed = set().union(*({shown(v) for v in t["Skill"]} for t in tables))
    assert listed == set(expected.ml_only) | set(expected.both) | set(expected.ai_only)
    button = at.get("download_button")[0]
    assert button.proto.help.startswith(f"{len(listed)} rows")
    assert "ml-vs-ai-engineer_skills_AWS-service.csv" in button.proto.help


def test_skills_page_builds_only_the_open_tab_and_keeps_it_open_when_a_filter_changes():
    at = open_page("pages/skills.py")
    assert [t.label for t in at.tabs] == ["ML only", "both", "AI only"]
    assert len(at.table) == 1 and "AI Engineer: the article's words" not in at.table[0].value.columns
    at.session_state["skills-tab"] = "AI only"
    at.run()
    assert len(at.table) == 1 and "ML Engineer: the article's words" not in at.table[0].value.columns
    at.pills(key=filters.CATEGORY_KEY).set_value(["AWS service"]).run()
    table = at.table[0].value
    assert len(at.table) == 1
    assert "ML Engineer: the article's words" not in table.columns  # still the AI-only tab
    expected = skills.skill_sets(datafiles.parse_skills().query("category == 'AWS service'")).ai_only
    assert sorted(shown(v) for v in table["Skill"]) == sorted(expected)
    assert f"{len(expected)} skills." in [c.value for c in at.caption]


def test_skills_page_ignores_regions_but_says_so():
    at = open_page("pages/skills.py", regions=["IN"])
    assert not at.exception
    assert "region filter does not change this page" in at.info[0].value
    assert metric_values(at)["Shared skills"] == "21"


def test_aws_services_page_follows_the_family_filter_and_sort():
    at = open_page("pages/aws_services.py")
    assert metric_values(at) == {
        "Used by ML Engineers": "16",
        "Used by AI Engineers": "19",
        "Used by both": "7",
    }
    at.pills(key=filters.FAMILY_KEY).set_value(["storage", "compute"]).run()
    assert not at.dataframe  # a light table, not the data grid's bundle
    table = at.table[0].value
    assert [shown(v) for v in table["Service"]] == [
        "Amazon S3", "Amazon Elastic File System (Amazon EFS)", "Amazon FSx for NetApp ONTAP",
        "AWS Lambda", "Amazon EC2",
    ]  # fmt: skip
    assert metric_values(at)["Used by both"] == "2"
    dots = {t["name"]: t for t in plotly_traces(at) if t.get("mode") == "markers+text"}
    assert sorted(c[0] for c in dots["AI Engineer"]["customdata"]) == [
        "AWS Lambda",
        "Amazon EC2",
        "Amazon S3",
    ]
    at.segmented_control(key="service-sort").set_value("total").run()
    assert at.table[0].value["Total"].is_monotonic_decreasing
    at.selectbox(key="services-table-sort").set_value(("service", False)).run()
    assert [shown(v) for v in at.table[0].value["Service"]] == [
        "Amazon EC2", "Amazon Elastic File System (Amazon EFS)", "Amazon FSx for NetApp ONTAP",
        "Amazon S3", "AWS Lambda",
    ]  # fmt: skip
    at.text_input(key="services-table-search").set_value("amazon f").run()
    assert [shown(v) for v in at.table[0].value["Service"]] == ["Amazon FSx for NetApp ONTAP"]
    assert metric_values(at)["Used by both"] == "2", "the search narrows the list, not the chart"


def test_empty_category_selection_shows_a_hint():
    at = open_page("pages/skills.py")
    at.pills(key=filters.CATEGORY_KEY).set_value([]).run()
    assert not at.exception
    assert "No category is selected" in at.info[1].value
    assert not at.get("plotly_chart")


def test_aws_service_missing_a_family_is_explained(data_dir):
    rewrite(data_dir / "aws_services.csv", "Amazon Lex,AI services\n", "")
    at = open_page("pages/aws_services.py")
    assert not at.exception
    assert "Amazon Lex" in shown(at.error[0].value)
    assert "data/skills.csv" in shown(at.error[0].value)


def test_table_cells_are_shown_as_written_not_as_markdown():
    at = open_page("pages/salaries.py", regions=["US"])
    # A backslash keeps two dollar amounts on a line from turning into LaTeX.
    assert at.table[0].value["Minimum"].tolist() == ["\\$140\\,000", "\\$150\\,000"]


def test_a_link_with_only_unknown_regions_says_so_and_shows_all():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["region"] = ["XX"]
    at.run()
    assert at.pills(key="region").value == ["US", "CA", "AU", "GB", "IN"]
    assert "does not have: XX" in at.sidebar.warning[0].value
    assert "Showing all of them" in at.sidebar.warning[0].value
    assert "region" not in at.query_params


def test_a_link_with_an_unknown_category_keeps_the_known_ones():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params[filters.CATEGORY_KEY] = ["data", "nonsense"]
    at.run()
    at.switch_page("pages/skills.py").run()
    assert at.pills(key=filters.CATEGORY_KEY).value == ["data"]
    assert "does not have: nonsense. Showing the others." in at.warning[0].value


def test_a_page_filter_is_remembered_while_visiting_other_pages():
    at = open_page("pages/skills.py")
    at.pills(key=filters.CATEGORY_KEY).set_value(["data"]).run()
    at.switch_page("pages/aws_services.py").run()
    # A browser's page switch empties the query string; AppTest keeps it unless told.
    for key in list(at.query_params):
        del at.query_params[key]
    at.switch_page("pages/skills.py").run()
    assert at.pills(key=filters.CATEGORY_KEY).value == ["data"]
    assert at.query_params[filters.CATEGORY_KEY] == "data"


def test_a_changed_url_wins_over_the_widget_as_browser_back_does():
    at = open_page("pages/salaries.py", regions=["GB"])
    at.query_params["region"] = ["IN", "US"]  # what Back to an earlier link sends
    at.run()
    assert at.pills(key="region").value == ["US", "IN"]
    assert len(plotly_traces(at)) == 4


def test_a_broken_salaries_file_leaves_the_region_link_alone(data_dir):
    rewrite(data_dir / "salaries.csv", "US,USD,140000", "US,USD,140k")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["region"] = ["IN"]
    at.run()
    assert not at.exception
    assert not at.sidebar.warning
    assert at.pills(key="region").disabled
    assert at.query_params["region"] == "IN"
