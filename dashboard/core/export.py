"""The one path every CSV download goes through."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

# OWASP CSV injection: a spreadsheet treats a cell starting with these as a formula (or, for tab, CR
# and LF, shifts it so the next character leads). The full-width forms are included because some
# spreadsheets (and IMEs typing them) normalise ＝ to = before evaluating.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# What a spreadsheet may skip before it looks for a trigger: spaces of any kind, invisible
# joiners and byte-order marks, and quote marks left around a value.
_SKIPPED = (
    " \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    '\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"\u201c\u201d\u2018\u2019\x0b\x0c'
)


# A whole cell that is a plain decimal number: a spreadsheet reads it as that number, never runs it.
_PLAIN_NUMBER = re.compile(r" *[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)? *")


def is_formula_like(value: str) -> bool:
    """Would a spreadsheet run this text cell as a formula (ignoring what it skips first)?

    A number column is never asked, so a gap of -4.2 stays the number -4.2; nor is a text cell that
    is just a number: the skipped rows keep each cell as the file wrote it, and "-150000" there
    must stay the number a spreadsheet reads, not become the text "'-150000".
    """
    if value.startswith(("\t", "\r", "\n")):
        return True
    if _PLAIN_NUMBER.fullmatch(value):
        return False
    return value.lstrip(_SKIPPED).startswith(FORMULA_TRIGGERS)


def defuse_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that a spreadsheet would run as formulas with an apostrophe; numbers stay numbers."""
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
            continue
        out[name] = column.map(lambda v: "'" + v if isinstance(v, str) and is_formula_like(v) else v)
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
