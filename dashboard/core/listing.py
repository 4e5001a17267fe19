"""Choosing and ordering rows: by region or value (what a filter picked), by a search, by a column."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd


def search_rows(frame: pd.DataFrame, query: str) -> pd.DataFrame:
    """The rows with `query` in any cell, ignoring case; every row for an empty query."""
    needle = query.strip().casefold()
    if not needle:
        return frame
    keep = [needle in " ".join(str(v) for v in row).casefold() for row in frame.itertuples(index=False)]
    return frame[keep]


def sort_rows(frame: pd.DataFrame, column: str | None, descending: bool = False) -> pd.DataFrame:
    """Rows by `column` (text ignoring case, numbers by value), ties in the given order; None keeps it."""
    if not column:
        return frame
    numeric = pd.api.types.is_numeric_dtype(frame[column])
    key = None if numeric else (lambda s: s.astype(str).str.casefold())
    return frame.sort_values(column, ascending=not descending, kind="stable", key=key)


def labelled(frame: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """The columns `labels` names, in its order and under its labels; a text column with no text dropped.

    A tab of skills named for one role only would otherwise show the other role's column, empty.
    """
    keep = [
        c
        for c in labels
        if c in frame.columns
        and (pd.api.types.is_numeric_dtype(frame[c]) or frame[c].astype(str).str.strip().ne("").any())
    ]
    return frame[keep].rename(columns=labels).reset_index(drop=True)


def filter_regions(frame: pd.DataFrame, codes: Sequence[str]) -> pd.DataFrame:
    """Rows whose country_code is among `codes`, in the frame's order."""
    return frame[frame["country_code"].isin(list(codes))].reset_index(drop=True)


def filter_values(frame: pd.DataFrame, column: str, values: Sequence[str]) -> pd.DataFrame:
    """Rows whose `column` is among `values`."""
    return frame[frame[column].isin(list(values))].reset_index(drop=True)
