"""The Survey page through AppTest, on small generated surveys: by path, by upload, filters, bad files."""

from __future__ import annotations

import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.survey import schema
from tests.conftest import shown
from tests.pages_support import APP, charts  # noqa: F401
from tests.survey_support import HEADER, US_ML, line, open_survey, survey_lines


def cells(at: AppTest) -> dict[tuple[str, str], dict]:
    """The aggregated table as a reader sees it, keyed by (country shown, role)."""
    table = next(t.value for t in at.table if "p90, US$" in t.value.columns)
    rows = [
        {k: shown(v) if isinstance(v, str) else v for k, v in r.items()} for r in table.to_dict("records")
    ]
    return {(r["Country"], r["Role"]): r for r in rows}


def test_without_a_path_or_an_upload_the_page_shows_the_shipped_survey(survey_env):
    at = open_survey(titles=None)
    assert not at.error
    source = shown(at.info[0].value)
    assert "the aijobs.net salary survey (snapshot of 2025-01-19, CC0)" in source
    assert "(https://aijobs.net/salaries/)" in source and "data/README.md" in source
    assert at.file_uploader(key="survey-upload").label == "Upload a salary survey (CSV, up to 200 MB)"
    assert "Uploads are limited to 200 MB" in " ".join(c.value for c in at.caption)
    text = shown(" ".join(m.value for m in at.markdown))
    assert "`salary_in_usd`" in text and "`company_location`" in text and "CC0" in text
    assert "74,301 rows read" in text
    assert charts(at)


def test_a_survey_by_path_shows_the_us_ml_engineer_median_with_n(survey_env):
    survey_env(survey_lines(), name="my_[survey]*.csv")
    at = open_survey()
    assert not at.error
    assert "**my\\_\\[survey\\]\\*\\.csv**" in at.info[0].value  # the file name, escaped
    table = cells(at)
    us_ml = table[("🇺🇸 United States", "ML Engineer")]
    assert us_ml["n"] == 41
    assert us_ml["Median, US$"] == f"${np.percentile(US_ML, 50):,.0f}"
    assert us_ml["p90, US$"] == f"${np.percentile(US_ML, 90):,.0f}"
    assert us_ml["Thin (n < 30)"] == ""
    assert table[("🇺🇸 United States", "AI Engineer")]["Thin (n < 30)"] == "thin"
    gb = table[("🇬🇧 United Kingdom", "ML Engineer")]
    assert gb["n"] == 3 and gb["Local currency"] == "GBP"
    assert gb["Median, local"].startswith("£")
    # The sidebar's five regions preset the countries: Germany is in the survey but not preset.
    assert ("🇩🇪 Germany", "AI Engineer") not in table
    assert at.multiselect(key="survey-f-countries").value == ["US", "GB"]
    summary = shown(next(m.value for m in at.markdown if "rows read" in m.value))
    assert "60 rows read, 60 accepted, 0 skipped" in summary
    assert (
        "58 answers have an ML Engineer or AI Engineer title (related titles too); 2 answers under 1 other"
        in summary
    )


def test_the_chart_draws_every_cell_and_the_articles_band(survey_env):
    survey_env(survey_lines())
    at = open_survey()
    traces = json.loads(charts(at)[0].spec)["data"]
    boxes = {t["name"]: t for t in traces if t["type"] == "box"}
    ml = boxes["ML Engineer"]
    us = ml["y"].index("🇺🇸 United States · ML Engineer")
    assert ml["median"][us] == pytest.approx(np.percentile(US_ML, 50))
    assert boxes["ML Engineer (thin, n < 30)"]["opacity"] < 1
    article = next(t for t in traces if t["name"] == "The article says")
    assert "🇺🇸 United States · ML Engineer" in article["y"]
    n_text = next(t for t in traces if t["name"] == "n")["text"]
    assert "  n = 41" in n_text and "  n = 3 (thin)" in n_text


def test_filters_and_countries_change_the_table(survey_env):
    survey_env(survey_lines())
    at = open_survey()
    at.multiselect(key="survey-f-experience_level").set_value(["EN"]).run()
    us_ml = cells(at)[("🇺🇸 United States", "ML Engineer")]
    assert us_ml["n"] == 11
    assert us_ml["Median, US$"] == f"${np.percentile(US_ML[:11], 50):,.0f}"
    assert ("🇺🇸 United States", "AI Engineer") not in cells(at)
    at.multiselect(key="survey-f-experience_level").set_value(["EN", "SE"]).run()
    at.multiselect(key="survey-f-countries").set_value(["DE"]).run()
    assert list(cells(at)) == [("🇩🇪 Germany", "AI Engineer")]
    at.multiselect(key="survey-f-countries").set_value([]).run()
    assert "No country is selected" in at.info[-1].value
    assert not charts(at)


def test_the_shared_region_filter_presets_the_countries(survey_env):
    survey_env(survey_lines())
    at = open_survey(regions=["GB", "IN"])
    # India has no answers in this survey, so only the United Kingdom is preset.
    assert at.multiselect(key="survey-f-countries").value == ["GB"]
    assert at.multiselect(key="survey-f-countries").options == [
        "🇩🇪 Germany",
        "🇬🇧 United Kingdom",
        "🇺🇸 United States",
    ]
    assert list(cells(at)) == [("🇬🇧 United Kingdom", "ML Engineer")]


def test_the_country_field_counts_by_residence_when_asked(survey_env):
    lines = [line("AI Engineer", 100_000 + i, "US", residence="CA") for i in range(5)]
    survey_env(lines)
    at = open_survey()
    assert list(cells(at)) == [("🇺🇸 United States", "AI Engineer")]
    at.segmented_control(key="survey-f-field").set_value("employee_residence").run()
    assert list(cells(at)) == [("🇨🇦 Canada", "AI Engineer")]


def test_dropping_exact_duplicates_changes_n_and_says_how_many(survey_env):
    lines = survey_lines()
    survey_env(lines + lines[:5] + [lines[0]])  # six repeats, all US ML Engineers
    at = open_survey()
    assert cells(at)[("🇺🇸 United States", "ML Engineer")]["n"] == 47
    assert "6 of the 66 accepted rows (9%) repeat an earlier row exactly" in next(
        c.value for c in at.caption if "repeat an earlier row" in c.value
    )
    at.toggle(key="survey-f-drop-duplicates").set_value(True).run()
    assert cells(at)[("🇺🇸 United States", "ML Engineer")]["n"] == 41
    assert "they are left out now" in next(c.value for c in at.caption if "repeat an earlier row" in c.value)


def test_titles_and_skipped_rows_are_counted_listed_and_downloadable(survey_env):
    lines = survey_lines()
    lines += [line(usd=-5, salary=-5), line(usd=100_000, currency="XXQ"), line("=cmd|' /C calc'!A0", 10_000)]
    survey_env(lines)
    at = open_survey()
    unmapped = at.dataframe[1].value
    assert unmapped.to_dict("list") == {
        "Survey job title": ["Data Scientist", "=cmd|' /C calc'!A0"],
        "Rows": [2, 1],
    }
    mapped = at.dataframe[0].value
    assert mapped.values.tolist() == [
        ["ML Engineer", "Machine Learning Engineer", 41],
        ["ML Engineer", "ML Engineer", 3],
        ["AI Engineer", "AI Engineer", 14],
    ]
    reasons = next(t.value for t in at.table if "Rows skipped" in t.value.columns)
    assert reasons.values.tolist() == [["negative pay", 1], ["unknown currency code", 1]]
    buttons = {b.label: b for b in at.get("download_button")}
    assert "Download the 2 skipped rows (CSV)" in buttons
    assert buttons["Download the 2 skipped rows (CSV)"].proto.help.startswith("2 rows")


def test_the_answers_download_counts_the_filtered_rows(survey_env):
    survey_env(survey_lines())
    at = open_survey(regions=["GB"])
    labels = [b.label for b in at.get("download_button")]
    assert "Download the 3 answers behind it (CSV)" in labels
    helps = [b.proto.help for b in at.get("download_button")]
    assert any("ml-vs-ai-engineer_survey-answers_GB.csv" in h for h in helps)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"work_year,job_title,salary\n2024,AI Engineer,1\n", "missing columns: experience_level"),
        (b"", "the file is empty"),
        ((HEADER + "\n").encode(), "the file has a header but no data rows"),
        ((HEADER + "\n" + line()).encode("utf-16"), "the file is UTF-16"),
        ((HEADER + "\n" + line("Ingénieur \xe9")).encode("latin-1"), "not valid UTF-8"),
    ],
    ids=["wrong-schema", "empty", "header-only", "utf-16", "latin-1"],
)
def test_a_bad_survey_file_gets_its_message_and_the_app_keeps_running(
    tmp_path, monkeypatch, content, expected
):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    monkeypatch.setenv(schema.SURVEY_PATH_ENV, str(path))
    at = open_survey()
    assert len(at.error) == 1
    message = shown(at.error[0].value)
    assert message.startswith(f"**{path.name} cannot") and str(path.parent) not in message
    assert expected in message
    assert not charts(at)
    at.switch_page("pages/salaries.py").run()
    assert not at.exception and not at.error


def test_a_path_with_no_file_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv(schema.SURVEY_PATH_ENV, str(tmp_path / "nowhere.csv"))
    at = open_survey()
    assert "there is no such file" in shown(at.error[0].value)


def upload(at: AppTest, name: str, lines: list[str]) -> AppTest:
    content = ("\n".join([HEADER, *lines]) + "\n").encode("utf-8")
    return at.file_uploader(key="survey-upload").set_value((name, content, "text/csv")).run()


def test_an_upload_shows_the_bands_and_each_session_its_own_file_name(survey_env):
    first = upload(open_survey(), "alpha.csv", survey_lines())
    assert not first.exception and not first.error
    assert cells(first)[("🇺🇸 United States", "ML Engineer")]["n"] == 41
    assert charts(first)
    # A second session uploads the same bytes under another name: the cached survey is shared, the
    # name is not.
    second = upload(open_survey(), "beta.csv", survey_lines())
    assert "**beta\\.csv**" in next(m.value for m in second.markdown if "rows read" in m.value)
    assert "alpha" not in " ".join(m.value for m in second.markdown)
    # A third uploads different content and sees only its own rows.
    third = upload(open_survey(), "gamma.csv", [line("AI Engineer", 99_000, "US")])
    assert list(cells(third)) == [("🇺🇸 United States", "AI Engineer")]
    assert cells(third)[("🇺🇸 United States", "AI Engineer")]["n"] == 1


def test_an_upload_replaces_the_survey_for_its_session_only_and_on_every_page(survey_env):
    """One visitor uploads a survey; another, on the same server, keeps the shipped one; the upload
    follows its visitor to the Overview and back, and its x (or the button) returns to the shipped one."""
    mine = upload(open_survey(), "mine.csv", [line("AI Engineer", 99_000 + i, "US") for i in range(40)])
    other = open_survey()
    assert cells(mine)[("🇺🇸 United States", "AI Engineer")]["n"] == 40
    assert ("🇺🇸 United States", "ML Engineer") not in cells(mine)
    assert cells(other)[("🇺🇸 United States", "ML Engineer")]["n"] > 5000  # the shipped survey
    assert "shipped with this dashboard" in shown(other.info[0].value)
    assert "Showing your upload, **mine\\.csv**" in mine.info[0].value
    mine.switch_page("pages/overview.py").run()
    overview = next(t.value for t in mine.table if "The survey: median ML / AI" in t.value.columns)
    assert (
        shown(overview.iloc[0]["The survey: median ML / AI"])
        == f"– / ${np.median([99_000 + i for i in range(40)]):,.0f} (n = 0 / 40)"
    )
    assert "mine.csv" in shown(" ".join(c.value for c in mine.caption))
    mine.switch_page("pages/survey.py").run()
    assert "Showing your upload" in mine.info[0].value  # leaving the page kept it
    mine.button(key="survey-back").click().run()
    assert cells(mine)[("🇺🇸 United States", "ML Engineer")]["n"] > 5000


def test_a_bad_upload_names_the_uploaded_file(survey_env):
    at = open_survey()
    at.file_uploader(key="survey-upload").set_value(("notes.csv", b"a,b\n1,2\n", "text/csv")).run()
    message = shown(at.error[0].value)
    assert message.startswith("**notes.csv cannot be used as it is.**")
    assert "missing columns: work_year" in message


def test_absurd_numbers_are_skipped_with_their_reason_not_charted(survey_env):
    # A salary of 1e300 US$ and a work year of 1e20 parse as numbers; no answer has them.
    huge_year = "99999999999999999999"
    survey_env([line("AI Engineer", "1e300", "US"), line("AI Engineer", 90_000, "GB", year=huge_year),
                line("AI Engineer", 95_000, "GB")])  # fmt: skip
    at = open_survey()
    assert not at.exception
    assert not [w for w in at.warning if "trillion" in w.value]
    assert "Download the 2 skipped rows (CSV)" in [b.label for b in at.get("download_button")]
    assert cells(at)[("🇬🇧 United Kingdom", "AI Engineer")]["Median, US$"] == "$95,000"
