"""The Skills overlap and AWS services pages through AppTest: counts, tabs, filters, the article's words."""

from __future__ import annotations

from dashboard.app import filters
from dashboard.core import listing
from dashboard.skills import files as skill_files
from dashboard.skills import sets as overlap
from tests.conftest import rewrite, shown, tables_by_tab
from tests.pages_support import APP, charts, metric_values, open_page, plotly_traces  # noqa: F401


def test_skills_page_shows_the_articles_words_and_marks_our_readings():
    at = open_page("pages/skills.py")
    by_tab = {label: tables[0] for label, tables in tables_by_tab(at).items()}
    both = by_tab["both"].map(shown).set_index("Skill")
    assert both.at["Monitoring", "AI Engineer: the article's words"] == "continuous monitoring"
    reading = both.at["Software engineering best practices", "Our reading (not the article's words)"]
    assert reading.startswith("Our reading:")
    assert both.at["Amazon SageMaker", "Our reading (not the article's words)"] == ""
    ml_only = by_tab["ML only"].map(shown)
    # The ML-only tab has no AI columns at all (not an empty one), and the mirror on the AI-only tab.
    assert not [c for c in ml_only.columns if "AI Engineer" in c]
    assert ml_only["ML Engineer: the article's words"].ne("").all()
    assert not [c for c in by_tab["AI only"].columns if "ML Engineer" in c]
    assert any("not that an AI Engineer does not need it" in c.value for c in at.caption)


def test_skills_page_counts_follow_the_category_filter():
    at = open_page("pages/skills.py")
    assert "do not differ by region" in at.info[0].value
    assert metric_values(at) == {
        "Shared skills": "21",
        "Jaccard similarity": "0.21",
        "Distinct skills": "100",
    }
    venn = plotly_traces(at)[0]
    assert [c[1] for c in venn["customdata"]] == [43, 21, 36]

    at.pills(key=filters.CATEGORY.key).set_value(["AWS service"]).run()
    expected = overlap.skill_sets(
        listing.filter_values(skill_files.parse_skills(), "category", ["AWS service"])
    )
    venn = plotly_traces(at)[0]
    assert [c[1] for c in venn["customdata"]] == [
        len(expected.ml_only),
        len(expected.both),
        len(expected.ai_only),
    ]
    assert metric_values(at)["Shared skills"] == str(len(expected.both))
    assert at.query_params[filters.CATEGORY.key] == "AWS service"  # AppTest gives one value as a str
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
    at.pills(key=filters.CATEGORY.key).set_value(["AWS service"]).run()
    table = at.table[0].value
    assert len(at.table) == 1
    assert "ML Engineer: the article's words" not in table.columns  # still the AI-only tab
    expected = overlap.skill_sets(skill_files.parse_skills().query("category == 'AWS service'")).ai_only
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
    at.pills(key=filters.FAMILY.key).set_value(["storage", "compute"]).run()
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
    at.pills(key=filters.CATEGORY.key).set_value([]).run()
    assert not at.exception
    assert "No category is selected" in at.info[1].value
    assert not charts(at)


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
