"""The one path every CSV download goes through."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

# OWASP CSV injection: a spreadsheet treats a cell starting with these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def defuse_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that a spreadsheet would run as formulas with an apostrophe; numbers stay numbers."""
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
            continue
        out[name] = column.map(
            lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_TRIGGERS) else v
        )
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows ₹ and £ intact; pandas reads it back unchanged."""
    return defuse_formulas(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def scope_label(chosen: Iterable[str], everything: Iterable[str], all_label: str) -> str:
    """'all-regions' when nothing is filtered out, else the chosen values: 'GB-IN', 'AWS-service'."""
    chosen = list(chosen)
    if set(chosen) == set(everything):
        return all_label
    return "-".join(re.sub(r"[^\w]+", "-", c).strip("-") for c in chosen)


def csv_filename(topic: str, scope: str | None = None) -> str:
    """'ml-vs-ai-engineer_salary-bands_GB-IN.csv', or without a scope for unfiltered tables."""
    return f"ml-vs-ai-engineer_{topic}{'_' + scope if scope else ''}.csv"
