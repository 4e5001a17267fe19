"""The Overview through AppTest: the article's comparison side by side, in its own words."""

from __future__ import annotations

from tests.pages_support import APP, open_page, plotly_traces  # noqa: F401


def test_overview_keeps_the_articles_may_or_may_not_include_ml_models():
    at = open_page("pages/overview.py")
    assert "may or may not include ML models" in at.markdown[0].value


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
    assert [b.label for b in at.get("download_button")] == [
        "Download the article against the survey (CSV)",
        "Download comparison (CSV)",
    ]
