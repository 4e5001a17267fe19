"""Text from a link, a data file or an upload, made safe to show: literal, and a few lines long.

Streamlit renders Markdown nearly everywhere (messages, captions, labels, tabs, tables), plus its
own directives (:red[…], :material/…:, emoji shortcodes), maths ($…$), HTML and autolinked URLs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Every ASCII punctuation character: CommonMark lets a backslash escape any of them, and each
# Markdown construct, Streamlit directive, maths span, HTML tag, entity and autolink needs at least
# one ("http\://x" and "www\.x" are no longer URLs, ":red\[" no longer a colour).
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_WHITESPACE = re.compile(r"\s+")
MAX_TEXT_CHARS = 120
MAX_ITEMS_SHOWN = 5


def escape_markdown(text: str) -> str:
    """Show `text` as the characters it holds, never as Markdown, HTML, maths, icons or links."""
    return _PUNCTUATION.sub(r"\\\1", text)


def shorten(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """One line of at most `limit` characters: line breaks folded, the rest cut with a count."""
    flat = _WHITESPACE.sub(" ", str(text)).strip()
    if len(flat) <= limit:
        return flat
    return f"{flat[:limit].rstrip()}… ({len(flat):,} characters)"


def summarize(values: Sequence[str], limit: int = MAX_ITEMS_SHOWN) -> str:
    """'a, b, c and 497 more': the first few values, shortened, and how many are left out."""
    shown = [shorten(v, 40) for v in values[:limit]]
    rest = len(values) - len(shown)
    return ", ".join(shown) + (f" and {rest:,} more" if rest > 0 else "")


def literal(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """Shortened, then escaped: how a value from outside the app enters any Markdown string."""
    return escape_markdown(shorten(text, limit))
