"""Text from links and data files reaches the page literally, and every message about it stays short."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard.app import filters
from dashboard.core.text import escape_markdown
from tests.conftest import rewrite, shown, tables_by_tab
from tests.pages_support import APP, open_page

HOSTILE_CELL = (
    "[Sign in](http://evil.example/x) ![x](http://evil.example/p.png) :red[**alarm**] "
    ":material/warning: $x^2$ <img src=x onerror=alert(1)> www.evil.example"
)


MAX_MESSAGE_CHARS = 700


def markdown_bodies(at: AppTest) -> list[str]:
    """Every Markdown string the page sent: text, captions, messages, in main and sidebar."""
    elements = [*at.markdown, *at.caption, *at.info, *at.warning, *at.error, *at.success]
    return [e.value for e in elements]


def test_a_huge_link_value_gets_a_short_warning():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["region"] = ["x" * 10_000]
    at.run()
    warning = at.sidebar.warning[0].value
    assert len(warning) < MAX_MESSAGE_CHARS
    assert "(10,000 characters)" in shown(warning)
    assert at.pills(key="region").value == ["US", "CA", "AU", "GB", "IN"]


def test_five_hundred_unknown_link_values_get_a_count_not_a_list():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["region"] = [f"Z{i}" for i in range(500)] + ["IN"]
    at.run()
    warning = shown(at.sidebar.warning[0].value)
    assert len(warning) < MAX_MESSAGE_CHARS
    assert "500 values" in warning
    assert "Z0, Z1, Z2, Z3, Z4 and 495 more" in warning
    assert at.pills(key="region").value == ["IN"]


def test_a_data_file_with_100000_duplicate_rows_gets_a_short_message(data_dir: Path):
    rows = ["aspect,ml_engineer,ai_engineer"] + ["Primary role,a,b"] * 100_000
    (data_dir / "comparison.csv").write_text("\n".join(rows) + "\n", "utf-8")
    at = open_page("pages/overview.py")
    assert not at.exception
    message = shown(at.error[0].value)
    assert len(message) < MAX_MESSAGE_CHARS
    assert "aspect=Primary role appears on 100,000 lines (2, 3, 4, 5, 6 and 99,995 more)" in message


def test_many_bad_rows_show_the_first_few_and_a_count(data_dir: Path):
    rows = [f"Aspect {i},{'y' * 500},z" for i in range(1_000)]
    (data_dir / "comparison.csv").write_text(
        "aspect,ml_engineer,ai_engineer\n" + "\n".join(rows + rows) + "\n", "utf-8"
    )
    at = open_page("pages/overview.py")
    message = at.error[0].value
    assert len(message) < 2 * MAX_MESSAGE_CHARS
    assert "and 995 more problems" in shown(message)


def _put_in_every_text_cell(path: Path, columns: list[str]) -> None:
    """Prefix each named column of every row with the hostile text, keeping the CSV valid."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        for column in columns:
            row[column] = f"{HOSTILE_CELL} {row[column]}"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_comparison_cells_show_literally_on_the_overview(data_dir: Path):
    _put_in_every_text_cell(data_dir / "comparison.csv", ["aspect", "ml_engineer", "ai_engineer"])
    at = open_page("pages/overview.py")
    assert not at.exception and not at.error
    cells = [shown(body) for body in markdown_bodies(at) if "evil.example" in shown(body)]
    assert len(cells) == 3 * 6  # every aspect, ML and AI cell of the six rows
    assert all(HOSTILE_CELL in cell for cell in cells)
    # Sent escaped, every construct of it: tests/test_text.py shows a Markdown parser renders that as text.
    assert all(escape_markdown(HOSTILE_CELL) in body for body in markdown_bodies(at) if "evil" in body)


def test_a_hostile_cell_in_an_error_is_quoted_literally_and_briefly(data_dir: Path):
    rewrite(data_dir / "salaries.csv", "US,USD,140000", f'US,USD,"{HOSTILE_CELL * 50}"')
    at = open_page("pages/salaries.py")
    assert not at.exception
    message = at.error[0].value
    assert len(message) < MAX_MESSAGE_CHARS
    assert "is not a whole number" in shown(message)
    assert escape_markdown(HOSTILE_CELL[:40]) in message


def test_hostile_skill_and_category_names_reach_the_skills_page_as_text(data_dir: Path):
    _put_in_every_text_cell(data_dir / "skills.csv", ["skill", "section", "quote"])
    _put_in_every_text_cell(data_dir / "aws_services.csv", ["service"])
    at = open_page("pages/skills.py")
    assert not at.exception and not at.error
    assert not [
        body for body in markdown_bodies(at) if "evil" in body and escape_markdown(HOSTILE_CELL) not in body
    ]
    tables = [t for ts in tables_by_tab(at).values() for t in ts]
    listed = set().union(*({shown(v) for v in t["Skill"]} for t in tables))
    assert listed and all(name.startswith(HOSTILE_CELL) for name in listed)  # tables show text as text
    at.switch_page("pages/aws_services.py").run()
    assert not at.exception and not at.error
    assert at.pills(key=filters.FAMILY.key).value
