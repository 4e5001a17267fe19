"""Small Streamlit helpers shared by the pages: the data-error box and the download button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from dashboard.app import chart as in_place
from dashboard.app.filters import Filter, what_plural
from dashboard.core.export import to_csv_bytes
from dashboard.core.text import escape_markdown, literal
from dashboard.core.validation import DataFileError

T = TypeVar("T")
MAX_PROBLEMS_SHOWN = 5
MAX_PROBLEM_CHARS = 300


def data_error_message(err: DataFileError) -> str:
    """The error box: the file, then its first few problems (line, column, what to fix), each one line.

    Problems quote cells of the file, so each is shortened and escaped: a 10,000-character cell or
    100,000 bad rows still make a message of a few lines.
    """
    shown = err.problems[:MAX_PROBLEMS_SHOWN]
    lines = [f"**{literal(err.file)} cannot be used as it is.** Fix the file and reload the page."]
    lines += [f"- {literal(str(p), MAX_PROBLEM_CHARS)}" for p in shown]
    if len(err.problems) > len(shown):
        lines.append(f"- …and {len(err.problems) - len(shown):,} more problems in the same file.")
    return "\n".join(lines)


def load_or_stop(loader: Callable[[], T]) -> T:
    """Run a data loader; on a bad file show what to fix and stop this page (the app keeps running)."""
    try:
        return loader()
    except DataFileError as err:
        st.error(data_error_message(err), icon=":material/error:")
        st.stop()


def chart(figure: Any, key: str, alt: str, config: dict | None = None) -> None:
    """A Plotly chart as every page draws one: full width, described for screen readers, no logo.

    Not st.plotly_chart: it hashes the figure into the element's id, so a filter change tears the chart
    down and draws it afresh. chart.py keeps the node (by `key`) and diffs the figure in place.
    """
    in_place.chart(figure, key=key, alt=alt, config=config)


def download_csv(
    frame: pd.DataFrame, file_name: str, label: str = "Download CSV", key: str | None = None
) -> None:
    """The download of exactly `frame`, through the one export path; clicking it does not rerun the app.

    The CSV is written when the button is clicked (a callable: Streamlit's deferred download), not on
    every run: building every page's downloads was 6–9 % of a replica's CPU under load.
    """
    st.download_button(
        label,
        data=lambda: to_csv_bytes(frame),
        file_name=file_name,
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
        key=key or f"download-{file_name}",
        help=f"{len(frame)} rows, as shown above: {file_name}",
    )


def region_independent_note(what: str) -> None:
    """Say why the region filter does nothing here, rather than ignore it silently."""
    st.info(
        f"{what} do not differ by region in the article, so the region filter does not change this page.",
        icon=":material/public:",
    )


def stop_if_nothing_chosen(chosen: list[str], spec: Filter, where: str) -> None:
    """An empty filter gets a hint, not an empty chart."""
    if not chosen:
        st.info(
            f"No {spec.noun} is selected. "
            f"Pick one or more {what_plural(spec.noun)} {where} to see them here.",
            icon=":material/filter_alt:",
        )
        st.stop()


def static_table(frame: pd.DataFrame) -> None:
    """st.table renders Markdown inside cells (and '$…$' as maths): show text cells as written."""
    safe = frame.copy()
    for name in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[name]):
            safe[name] = safe[name].map(lambda v: escape_markdown(v) if isinstance(v, str) else v)
    st.table(safe, hide_index=True, border="horizontal")


def table_controls(labels: dict[str, str], key: str) -> tuple[str, str | None, bool]:
    """A search box and a sort choice above a list: what the data grid offered, without its bundle.

    Returns (query, column or None for the page's own order, descending).
    """
    search, sort = st.columns([3, 2])
    query = search.text_input(
        "Search", key=f"{key}-search", placeholder="Type to filter the rows", icon=":material/search:"
    )
    choices: list[tuple[str | None, bool]] = [(None, False)]
    choices += [(c, d) for c in labels for d in (False, True)]
    column, descending = sort.selectbox(
        "Sort rows by",
        choices,
        key=f"{key}-sort",
        format_func=lambda c: "As listed" if c[0] is None else f"{labels[c[0]]} {'↓' if c[1] else '↑'}",
    )
    return query, column, descending


NOTE = "**Dashboard's note, not the article's:**"


def dashboard_note(text: str, evidence: str | None = None, warn: bool = False) -> None:
    """A note that is ours, not the article's, marked so; with the figures from our data that back it."""
    body = f"{NOTE} {escape_markdown(text)}"
    if evidence is not None:
        body += f"  \n**From the dashboard's data:** {escape_markdown(evidence)}"
    (st.warning if warn else st.info)(body, icon=":material/fact_check:")


def quote_table(frame: pd.DataFrame, labels: dict[str, str]) -> None:
    """Rows beside the article's words for them: the columns `labels` names, the last one wide."""
    last = list(labels)[-1]
    st.dataframe(
        frame[list(labels)],
        hide_index=True,
        column_config={
            c: st.column_config.TextColumn(label, width="large" if c == last else "medium")
            for c, label in labels.items()
        },
    )
