"""Every page through AppTest: it runs, keeps the shared sidebar, follows the region filter in the link."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.app import filters
from tests.conftest import rewrite
from tests.pages_support import APP, article_traces, charts, open_page

PAGES = ["pages/overview.py", "pages/salaries.py", "pages/skills.py", "pages/aws_services.py"]


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_without_exception_and_keeps_the_shared_sidebar(page):
    at = open_page(page)
    assert not at.exception
    assert not at.error
    assert at.pills(key="region").value == ["US", "CA", "AU", "GB", "IN"]


def test_region_filter_follows_you_to_another_page():
    at = open_page("pages/salaries.py", regions=["GB"])
    at.switch_page("pages/overview.py").run()
    at.switch_page("pages/salaries.py").run()
    assert at.pills(key="region").value == ["GB"]
    assert {t["name"] for t in article_traces(at)} == {"ML Engineer", "AI Engineer"}
    assert len(article_traces(at)) == 2


def test_empty_region_selection_shows_a_hint_not_an_empty_chart():
    at = open_page("pages/salaries.py", regions=[])
    assert not at.exception
    assert "No region is selected" in at.info[0].value
    assert not charts(at)


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
    at.query_params[filters.CATEGORY.key] = ["data", "nonsense"]
    at.run()
    at.switch_page("pages/skills.py").run()
    assert at.pills(key=filters.CATEGORY.key).value == ["data"]
    assert "does not have: nonsense. Showing the others." in at.warning[0].value


def test_a_page_filter_is_remembered_while_visiting_other_pages():
    at = open_page("pages/skills.py")
    at.pills(key=filters.CATEGORY.key).set_value(["data"]).run()
    at.switch_page("pages/aws_services.py").run()
    # A browser's page switch empties the query string; AppTest keeps it unless told.
    for key in list(at.query_params):
        del at.query_params[key]
    at.switch_page("pages/skills.py").run()
    assert at.pills(key=filters.CATEGORY.key).value == ["data"]
    assert at.query_params[filters.CATEGORY.key] == "data"


def test_a_changed_url_wins_over_the_widget_as_browser_back_does():
    at = open_page("pages/salaries.py", regions=["GB"])
    at.query_params["region"] = ["IN", "US"]  # what Back to an earlier link sends
    at.run()
    assert at.pills(key="region").value == ["US", "IN"]
    assert len(article_traces(at)) == 4


def test_a_broken_salaries_file_leaves_the_region_link_alone(data_dir):
    rewrite(data_dir / "salaries.csv", "US,USD,140000", "US,USD,140k")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["region"] = ["IN"]
    at.run()
    assert not at.exception
    assert not at.sidebar.warning
    assert at.pills(key="region").disabled
    assert at.query_params["region"] == "IN"
