"""Property-based: any bytes a loader is handed end as a valid table or a DataFileError, never a
traceback; and any table exported then re-imported gives back the text the page showed."""

from __future__ import annotations

import csv
import io
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.careers import files as career_files
from dashboard.core import export
from dashboard.core.validation import DataFileError
from dashboard.salaries import files as salary_files
from dashboard.skills import files as skill_files
from dashboard.survey import reader, schema

REAL_DATA = Path(__file__).resolve().parents[2] / "data"


# Modest counts keep the suite fast (FUZZ_EXAMPLES=1000 for a long hunt); the derandomised seed
# keeps CI reproducible. The data_dir fixture is shared by every example on purpose: each example
# rewrites the one file it tests.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _rows(name: str) -> list[list[str]]:
    with (REAL_DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


CELL = st.one_of(st.text(max_size=12), st.from_regex(r"-?\d{1,7}", fullmatch=True), st.just(""))


@st.composite
def csv_bytes(draw: st.DrawFn, name: str) -> bytes:
    """A CSV made from data/`name`'s real rows, a few cells, the header or the encoding altered.

    Real rows reach the deep checks (duplicates, cross-row rules); the alterations probe each.
    """
    real = _rows(name)
    header = list(real[0])
    if draw(st.integers(0, 5)) == 0:
        header = draw(st.permutations(header))
    if draw(st.integers(0, 9)) == 0:
        header[draw(st.integers(0, len(header) - 1))] = draw(st.text(max_size=8))
    picked = draw(st.lists(st.sampled_from(real[1:]), max_size=8, unique_by=tuple))
    rows = [[row[real[0].index(c)] if c in real[0] else "" for c in header] for row in picked]
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2, 3])) if rows else 0):
        row = draw(st.sampled_from(rows))
        row[draw(st.integers(0, len(row) - 1))] = draw(CELL)
    if rows and draw(st.integers(0, 9)) == 0:
        draw(st.sampled_from(rows)).append(draw(CELL))  # a ragged row
    out = io.StringIO()
    csv.writer(out, lineterminator=draw(st.sampled_from(["\n", "\r\n", "\r"]))).writerows([header, *rows])
    encoding = draw(st.sampled_from(["utf-8"] * 5 + ["utf-8-sig", "latin-1", "utf-16"]))
    raw = out.getvalue().encode(encoding, "replace")
    if draw(st.integers(0, 4)) == 0:  # a stray quote, comma, NUL, line break or bytes somewhere
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.one_of(st.sampled_from(STRAY), st.binary(min_size=1, max_size=4))) + raw[at:]
    return raw


STRAY = [b'"', b'"', b",", b"\x00", b"\r\n", b"\n\n", b"\xef\xbb\xbf"]


def any_bytes(name: str) -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=200), csv_bytes(name), csv_bytes(name))


def _pristine() -> tuple[pd.DataFrame, pd.DataFrame]:
    return salary_files.parse_salaries(), skill_files.parse_skills()


LOADERS: dict[str, tuple[str, Callable[[], pd.DataFrame], pa.DataFrameSchema]] = {
    "salaries": ("salaries.csv", salary_files.parse_salaries, salary_files.SALARY_SCHEMA),
    "skills": ("skills.csv", skill_files.parse_skills, skill_files.SKILL_SCHEMA),
    "comparison": ("comparison.csv", career_files.parse_comparison, career_files.COMPARISON_SCHEMA),
    "certifications": (
        "certifications.csv",
        career_files.parse_certifications,
        career_files.CERTIFICATION_SCHEMA,
    ),
    "careers": ("careers.csv", career_files.parse_careers, career_files.CAREER_SCHEMA),
    "advice": ("advice.csv", career_files.parse_advice, career_files.ADVICE_SCHEMA),
    "faq": ("faq.csv", career_files.parse_faq, career_files.FAQ_SCHEMA),
    "title_map": ("title_map.csv", schema.parse_title_map, schema.TITLE_MAP_SCHEMA),
}


# What each input got, printed at the end (pytest -s) for the closing note.
OUTCOMES: Counter = Counter()


def _loads_or_explains(load: Callable[[], pd.DataFrame], schema: pa.DataFrameSchema, label: str) -> None:
    try:
        frame = load()
    except DataFileError as err:
        # A service missing from aws_services.csv is reported against the skills.csv row naming it.
        assert err.file in (f"data/{label}", "data/skills.csv") and err.problems, err
        assert all(p.message for p in err.problems)
        OUTCOMES[f"{label}: DataFileError"] += 1
        return
    OUTCOMES[f"{label}: loaded"] += 1
    assert isinstance(frame, pd.DataFrame) and len(frame)
    schema.validate(frame[list(schema.columns)])


@pytest.mark.parametrize("loader", list(LOADERS))
def test_any_bytes_load_or_raise_the_documented_error(loader: str, data_dir: Path):
    name, load, schema = LOADERS[loader]

    @FUZZ
    @given(raw=any_bytes(name))
    def check(raw: bytes) -> None:
        (data_dir / name).write_bytes(raw)
        _loads_or_explains(load, schema, name)

    check()


def test_any_bytes_as_aws_services_or_fx_rates(data_dir: Path):
    """The two loaders checked against another file: any bytes, with valid salaries and skills."""
    salaries, parsed_skills = _pristine()

    @FUZZ
    @given(which=st.sampled_from(["aws_services.csv", "fx_rates.csv"]), data=st.data())
    def check(which: str, data: st.DataObject) -> None:
        (data_dir / which).write_bytes(data.draw(any_bytes(which)))
        if which == "aws_services.csv":
            load, schema = (lambda: skill_files.parse_aws_services(parsed_skills)), skill_files.SERVICE_SCHEMA
        else:
            load, schema = (lambda: salary_files.parse_fx_rates(salaries)), salary_files.FX_RATE_SCHEMA
        _loads_or_explains(load, schema, which)

    check()


SURVEY_CELLS = {
    "work_year": ["2024", "2025", "", "x", "-1", "1e3"],
    "experience_level": ["SE", "MI", "", "=1+1"],
    "employment_type": ["FT", "PT", ""],
    "job_title": ["Machine Learning Engineer", "AI Engineer", "Data Scientist", "", '"q"'],
    "salary": ["150000", "-5", "1.5", "", "abc", "1e308", "99999999999999999999999"],
    "salary_currency": ["USD", "GBP", "usd", "", "XXX"],
    "salary_in_usd": ["150000", "", "nan", "inf"],
    "employee_residence": ["US", "GB", "", "ZZ"],
    "remote_ratio": ["0", "50", "100", "", "x"],
    "company_location": ["US", "IN", "", "gb"],
    "company_size": ["S", "M", "L", ""],
}


@st.composite
def survey_bytes(draw: st.DrawFn) -> bytes:
    header = list(SURVEY_CELLS)
    if draw(st.integers(0, 5)) == 0:
        header = draw(st.permutations(header))[: draw(st.integers(1, len(header)))]
    rows = [
        [draw(st.one_of(st.sampled_from(SURVEY_CELLS.get(c, [""])), st.text(max_size=8))) for c in header]
        + ([draw(st.text(max_size=3))] if draw(st.integers(0, 9)) == 0 else [])
        for _ in range(draw(st.integers(0, 8)))
    ]
    out = io.StringIO()
    csv.writer(out, lineterminator=draw(st.sampled_from(["\n", "\r\n"]))).writerows([header, *rows])
    raw = out.getvalue().encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16"])), "replace")
    if draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=4)) + raw[at:]
    return raw


def test_any_bytes_as_an_uploaded_survey():
    title_map = schema.parse_title_map(REAL_DATA / "title_map.csv")

    @FUZZ
    @given(raw=st.one_of(st.binary(max_size=300), survey_bytes()))
    def check(raw: bytes) -> None:
        try:
            result = reader.read_survey(raw, title_map)
        except DataFileError as err:
            assert err.file == "the uploaded survey" and err.problems
            OUTCOMES["survey: DataFileError"] += 1
            return
        OUTCOMES["survey: loaded"] += 1
        assert set(schema.SURVEY_COLUMNS) <= set(result.rows.columns)
        assert result.read_rows >= len(result.rows)

    check()


# Plain text, and text built to start like a formula: blanks or quotes, a trigger, then anything.
TEXT = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=20),
    st.builds(
        lambda lead, trigger, rest: lead + trigger + rest,
        st.text(st.sampled_from(' \u00a0\u3000\u200b"\t'), max_size=3),
        st.sampled_from([*export.FORMULA_TRIGGERS, "'", "a"]),
        st.text(st.characters(codec="utf-8"), max_size=10),
    ),
)


@settings(FUZZ, max_examples=3 * EXAMPLES)
@given(
    frame=st.integers(1, 6).flatmap(
        lambda n: st.fixed_dictionaries(
            {
                "text": st.lists(TEXT, min_size=n, max_size=n),
                "other": st.lists(TEXT, min_size=n, max_size=n),
                "gap": st.lists(
                    st.floats(allow_nan=False, allow_infinity=False, width=32), min_size=n, max_size=n
                ),
                "count": st.lists(st.integers(-(2**40), 2**40), min_size=n, max_size=n),
            }
        )
    )
)
def test_export_then_import_gives_back_the_text_shown(frame: dict):
    shown = pd.DataFrame(frame)
    raw = export.to_csv_bytes(shown)
    back = pd.read_csv(
        io.BytesIO(raw), encoding="utf-8-sig", dtype={"text": str, "other": str}, keep_default_na=False
    )
    for column in ("text", "other"):
        for before, after in zip(shown[column], back[column], strict=True):
            defused = export.is_formula_like(before)
            assert after == ("'" + before if defused else before)
            assert (after[1:] if defused else after) == before
            assert not export.is_formula_like(after)
    assert back["count"].tolist() == shown["count"].tolist()
    assert back["gap"].tolist() == pytest.approx(shown["gap"].tolist(), rel=1e-15, abs=0)


def test_zz_outcomes_reported():
    """Not a check: the tally of what every fuzzed input got, for the closing note (pytest -s)."""
    print("\nfuzz outcomes:", dict(sorted(OUTCOMES.items())))
