"""The one path every CSV download goes through."""

from __future__ import annotations

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


def csv_filename(topic: str, region_codes: Iterable[str] | None = None, all_codes: Iterable[str] = ()) -> str:
    """'ml-vs-ai-engineer_salaries_IN-GB.csv', '..._all-regions.csv' when nothing is filtered out,
    or '..._comparison.csv' for a table that does not depend on region."""
    if region_codes is None:
        return f"ml-vs-ai-engineer_{topic}.csv"
    chosen = list(region_codes)
    scope = "all-regions" if set(chosen) == set(all_codes) else "-".join(chosen)
    return f"ml-vs-ai-engineer_{topic}_{scope}.csv"
