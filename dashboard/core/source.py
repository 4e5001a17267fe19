"""The article every figure quotes: its source line and year, for the caption under each chart."""

from __future__ import annotations

from collections.abc import Iterable

ARTICLE_SOURCE = "Whizlabs, ML Engineer vs AI Engineer on AWS"
# The article's date (data/README.md); skills.csv and the career files carry no year of their own.
ARTICLE_YEAR = 2026


def article_caption(years: Iterable[object] = (ARTICLE_YEAR,)) -> str:
    """'Source: Whizlabs, ML Engineer vs AI Engineer on AWS (2026)', years from the data the chart draws."""
    shown = sorted({int(y) for y in years})
    return f"Source: {ARTICLE_SOURCE} ({', '.join(str(y) for y in shown)})"
