"""The Skills and AWS services pages in Chromium: a filter driven by a person redraws chart and download."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser_support import chart_rows, download_csv, metric, open_app, pick_only, venn_counts

pytestmark = pytest.mark.browser


def test_skills_category_filter_redraws_the_venn_and_the_download(page, base_url):
    open_app(page, f"{base_url}/skills")
    assert venn_counts(page) == [43, 21, 36]
    assert metric(page, "Shared skills") == "21"

    pick_only(page, '[data-testid="stMain"]', "AWS service")
    assert "category=AWS+service" in page.url
    assert venn_counts(page) == [9, 7, 12]
    assert metric(page, "Shared skills") == "7"
    assert metric(page, "Jaccard similarity") == "0.25"

    name, rows = download_csv(page, "Download skills (CSV)")
    assert name == "ml-vs-ai-engineer_skills_AWS-service.csv"
    assert set(rows["category"]) == {"AWS service"}
    assert rows["overlap"].value_counts().to_dict() == {"AI only": 12, "ML only": 9, "both": 7}
    assert "Amazon Comprehend" in set(rows.loc[rows["overlap"] == "AI only", "skill"])

    # Only the open tab's table is built: clicking another tab reruns and draws its rows.
    main = page.locator('[data-testid="stMain"]')
    main.get_by_role("tab", name="AI only").click()
    main.get_by_text("12 skills.", exact=True).wait_for()
    table = main.locator('[data-testid="stTable"]')
    expect(table).to_have_count(1)
    expect(table).to_contain_text("Amazon Comprehend")
    expect(table).not_to_contain_text("ML Engineer: the article's words")
    assert page.console_errors == []


def test_aws_services_download_matches_the_chart_shown(page, base_url):
    open_app(page, f"{base_url}/aws_services?family=storage&family=compute")
    assert metric(page, "Used by both") == "2"
    name, rows = download_csv(page, "Download AWS services (CSV)")
    assert name == "ml-vs-ai-engineer_aws-services_storage-compute.csv"
    assert rows["service"].tolist() == chart_rows(page)
    assert len(rows) == 5
    assert rows.set_index("service").at["Amazon S3", "used_by"] == "both"
    assert page.console_errors == []
