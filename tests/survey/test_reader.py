"""Survey import on generated files: percentiles, titles, rejects, duplicates, thin cells, errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard.core.validation import DataFileError
from dashboard.survey import aggregate, paths, reader, schema
from dashboard.survey import figures as survey_figures
from tests.conftest import rewrite
from tests.survey_support import HEADER, csv_bytes, line, load, summary


def test_percentiles_equal_numpys_default_method_per_country_and_role(title_map):
    rng = np.random.default_rng(7)
    us_ml = rng.integers(80_000, 400_000, 53)
    gb_ai = rng.integers(30_000, 150_000, 8)
    lines = [line("Machine Learning Engineer", v, "US") for v in us_ml]
    lines += [line("AI Engineer", v, "GB") for v in gb_ai]
    lines += [line("Data Scientist", 999_999, "US")]  # unmapped: must not leak into any cell
    loaded = load(title_map, *lines)
    table = summary(loaded)
    cells = table.set_index(["country_code", "role"])
    for key, values in {("US", "ML Engineer"): us_ml, ("GB", "AI Engineer"): gb_ai}.items():
        expected = np.percentile(values, [10, 25, 50, 75, 90])
        assert cells.loc[key, list(schema.PERCENTILES)].to_numpy(dtype=float) == pytest.approx(
            expected, rel=1e-12
        )
        assert cells.loc[key, "n"] == len(values)
    assert len(table) == 2


def test_local_figures_are_usd_figures_times_the_rate_and_missing_rates_give_none(title_map):
    loaded = load(
        title_map,
        *[line(usd=v, country="GB", currency="GBP", salary=v) for v in (50_000, 60_000, 70_000)],
        *[line(usd=v, country="IN") for v in (20_000, 30_000)],
        line(usd=100_000, country="US"),
    )
    table = aggregate.aggregate(
        aggregate.filter_rows(loaded, schema.SurveyFilter()), "company_location", {"GBP": 0.8}
    )
    cells = table.set_index("country_code")
    assert cells.loc["GB", "currency"] == "GBP"
    assert cells.loc["GB", "p50_local"] == pytest.approx(60_000 * 0.8)
    assert cells.loc["GB", "p10_local"] == pytest.approx(cells.loc["GB", "p10"] * 0.8)
    assert cells.loc["US", "p50_local"] == 100_000  # a US$ is a US$, no rate needed
    assert cells.loc["IN", "currency"] == "INR"
    assert cells.loc["IN", ["rate", "p50_local"]].isna().all()


def test_titles_map_to_roles_and_unmapped_titles_are_counted_and_listed(title_map):
    loaded = load(
        title_map,
        line("Machine Learning Engineer"),
        line("MLOps Engineer"),
        line("AI Engineer"),
        line("Prompt Engineer"),
        line("Data Scientist"),
        line("Data Scientist", 120_000),
        line("Engineer"),
    )
    roles = loaded.rows.set_index("job_title")["role"].astype(object).to_dict()
    # MLOps fits the article's ML Engineer only in part and prompting is not in the article: both are
    # left out by data/README.md's rules, like a title that names no field.
    assert (
        pd.isna(roles["MLOps Engineer"]) and pd.isna(roles["Prompt Engineer"]) and pd.isna(roles["Engineer"])
    )
    assert loaded.unmapped.to_dict() == {
        "Data Scientist": 2,
        "Engineer": 1,
        "MLOps Engineer": 1,
        "Prompt Engineer": 1,
    }
    assert len(aggregate.filter_rows(loaded, schema.SurveyFilter())) == 2


def test_bad_rows_are_skipped_counted_by_reason_and_kept_as_written(title_map):
    loaded = load(
        title_map,
        line(usd=150_000),
        line(usd=120_000, salary=""),  # missing salary
        line(usd="", salary=100_000),  # missing salary_in_usd
        line(usd=90_000, salary="ninety"),  # non-numeric
        line(usd=-5, salary=-5),  # negative pay
        line(usd=80_000, currency="XXY"),  # unknown currency
        line(usd=80_000, country="ZZ"),  # unknown country (both fields)
        line(usd=80_000, residence="Narnia"),  # unknown residence
        line(usd=80_000) + ",extra",  # one field too many
        line(usd=160_000, year="soon"),
        line(usd="1e300"),  # a number, but no one's pay
        line(usd=100_000, year=20_240),
        line(usd=100_000, remote=150),
    )
    assert {k: v for k, v in loaded.reject_counts.items() if v} == {
        schema.MISSING_SALARY: 2,
        schema.NON_NUMERIC_SALARY: 1,
        schema.NEGATIVE_PAY: 1,
        schema.UNKNOWN_CURRENCY: 1,
        schema.UNKNOWN_COUNTRY: 2,
        schema.MALFORMED: 1,
        schema.BAD_NUMBER: 1,
        schema.IMPLAUSIBLE: 3,
    }
    assert len(loaded.rejects) == 12
    assert loaded.rows["salary_in_usd"].tolist() == [150_000]
    rejects = loaded.rejects.set_index("reason")
    assert rejects.loc[schema.NON_NUMERIC_SALARY, "salary"] == "ninety"  # the cell as written
    assert rejects.loc[schema.NON_NUMERIC_SALARY, "row"] == 4
    assert rejects.loc[schema.UNKNOWN_CURRENCY, "salary_currency"] == "XXY"
    assert rejects.loc[schema.MALFORMED, "raw_text"].endswith(",extra")


def test_accepted_rows_are_not_altered(title_map):
    loaded = load(title_map, line(usd=123_456, salary=98_765, currency="GBP", country="GB", remote=50))
    row = aggregate.rows_for_download(loaded.rows).iloc[0]
    assert (row["salary"], row["salary_in_usd"], row["salary_currency"], row["remote_ratio"]) == (
        98_765, 123_456, "GBP", 50,
    )  # fmt: skip


def test_exact_duplicates_are_counted_and_dropped_only_on_request(title_map):
    a, b = line(usd=100_000), line(usd=200_000)
    loaded = load(title_map, a, b, a, a, b, line(usd=100_000, remote=100))
    assert loaded.duplicates == 3
    keep = aggregate.filter_rows(loaded, schema.SurveyFilter())
    drop = aggregate.filter_rows(loaded, schema.SurveyFilter(drop_duplicates=True))
    assert (len(keep), len(drop)) == (6, 3)


def test_cells_under_30_answers_are_thin(title_map):
    lines = [line("AI Engineer", 100_000 + i) for i in range(29)]
    lines += [line("Machine Learning Engineer", 100_000 + i) for i in range(30)]
    table = summary(load(title_map, *lines))
    assert table.set_index("role")["thin"].to_dict() == {"ML Engineer": False, "AI Engineer": True}


def test_filters_and_the_country_field(title_map):
    loaded = load(
        title_map,
        line(country="US", residence="CA", year=2023),
        line(country="US", residence="US", year=2024, level="MI"),
        line(country="GB", residence="GB", year=2024),
    )
    chosen = schema.SurveyFilter(
        work_years=(2024,), country_field="employee_residence", countries=("US", "CA")
    )
    assert aggregate.filter_rows(loaded, chosen)["employee_residence"].tolist() == ["US"]
    by_residence = aggregate.aggregate(
        aggregate.filter_rows(loaded, schema.SurveyFilter()), "employee_residence", {}
    )
    assert sorted(by_residence["country_code"]) == ["CA", "GB", "US"]
    options = aggregate.filter_options(loaded)
    assert options["work_year"] == [2023, 2024]
    assert options["experience_level"] == ["MI", "SE"]
    levels = schema.SurveyFilter(experience_levels=("MI",))
    assert aggregate.filter_rows(loaded, levels)["experience_level"].tolist() == ["MI"]


def test_a_file_in_the_wrong_schema_names_the_missing_columns(title_map):
    text = b"work_year,job_title,salary,currency\n2024,AI Engineer,1,USD\n"
    with pytest.raises(DataFileError) as err:
        reader.read_survey(text, title_map)
    message = str(err.value)
    assert "missing columns: experience_level, employment_type, salary_currency, salary_in_usd" in message
    assert "job_title" not in message.split("missing columns:")[1].split(".")[0]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (b"\n\n", "the file is empty"),
        ((HEADER + "\n").encode(), "header but no data rows"),
        (csv_bytes(line("Ingeni\xe9ro")).replace(b"\xc3\xa9", b"\xe9"), "not valid UTF-8"),
        (HEADER.encode("utf-16"), "UTF-16"),
    ],
    ids=["empty", "blank-lines", "header-only", "latin-1-body", "utf-16"],
)
def test_unusable_files_get_a_clear_message(title_map, content, expected):
    with pytest.raises(DataFileError, match=expected):
        reader.read_survey(content, title_map)


def test_a_path_reads_like_an_upload_and_the_size_limit_holds(title_map, tmp_path: Path):
    content = csv_bytes(line(usd=111_000), line(usd=222_000))
    path = tmp_path / "survey.csv"
    path.write_bytes(content)
    from_path = reader.read_survey(path, title_map)
    assert from_path.rows["salary_in_usd"].tolist() == [111_000, 222_000]
    assert reader.content_key(content) == reader.content_key(content)
    assert reader.content_key(content) != reader.content_key(content + b"\n")
    with pytest.raises(DataFileError, match="the limit is"):
        reader.read_survey(content, title_map, limit=10)
    with pytest.raises(DataFileError, match="no such file"):
        reader.read_survey(tmp_path / "absent.csv", title_map)


def test_title_map_rows_are_validated(data_dir: Path):
    assert schema.parse_title_map().set_index("job_title").loc["AI Engineer", "basis"] == "exact title"
    rewrite(
        data_dir / "title_map.csv", "AI Developer,AI Engineer,related title", "AI Developer,AI Engineer,hunch"
    )
    with pytest.raises(DataFileError, match="hunch"):
        schema.parse_title_map()


def test_title_map_refuses_a_title_twice(data_dir: Path):
    rewrite(data_dir / "title_map.csv", "AI Programmer,", "AI Developer,")
    with pytest.raises(DataFileError, match="job_title=AI Developer appears on 2 lines"):
        schema.parse_title_map()


def test_aggregate_payload_does_not_grow_with_rows(title_map):
    few = [line(usd=100_000 + i) for i in range(40)] + [line("AI Engineer", 90_000 + i) for i in range(40)]
    many = few * 25
    tables = [summary(load(title_map, *rows)) for rows in (few, many)]
    assert [t["n"].sum() for t in tables] == [80, 2000]
    sizes = [aggregate.aggregate_payload_bytes(t) for t in tables]
    # Same cells, same columns: only the digits of the numbers can differ.
    assert len(tables[0]) == len(tables[1]) == 2
    assert abs(sizes[0] - sizes[1]) < 0.02 * sizes[0]


def test_a_survey_path_comes_from_the_command_line_or_the_environment():
    env = {schema.SURVEY_PATH_ENV: "/data/env.csv"}
    assert paths.configured_survey_path(["--survey", "/data/cli.csv"], env) == Path("/data/cli.csv")
    assert paths.configured_survey_path(["--survey=/data/cli.csv"], {}) == Path("/data/cli.csv")
    assert paths.configured_survey_path([], env) == Path("/data/env.csv")
    assert paths.configured_survey_path([], {schema.SURVEY_PATH_ENV: " "}) is None


def test_decimal_salaries_take_the_text_path_and_stay_exact(title_map):
    loaded = load(title_map, line(usd="150000.5", salary="150000.5"), line(usd=90_000))
    assert loaded.rows["salary_in_usd"].tolist() == [150_000.5, 90_000]
    assert sum(loaded.reject_counts.values()) == 0


def test_filters_that_match_nothing_give_an_empty_table_and_figure(title_map):
    loaded = load(title_map, line(usd=100_000), line("Data Scientist"))
    nothing = aggregate.filter_rows(loaded, schema.SurveyFilter(countries=("GB",)))
    table = aggregate.aggregate(nothing, "company_location", {})
    assert table.empty and list(table.columns) == aggregate.AGGREGATE_COLUMNS
    assert "no answers match" in survey_figures.survey_bands_alt(table)
    assert all(len(t.y or []) == 0 for t in survey_figures.survey_bands_figure(table).data)
