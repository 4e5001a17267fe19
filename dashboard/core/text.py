"""Text from a link, a data file or an upload, made safe to show: literal, and a few lines long.

Streamlit renders Markdown nearly everywhere (messages, captions, labels, tabs, tables), plus its
own directives (:red[…], :material/…:, emoji shortcodes), maths ($…$), HTML and autolinked URLs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Every ASCII punctuation character: CommonMark lets a backslash escape any of them, and each
# Markdown construct, Streamlit directive, maths span, HTML tag, entity and autolink needs at least
# one (":red\[" is no longer a colour, "\$x\$" no longer maths, "\<b\>" no longer a tag).
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# Streamlit's renderer also autolinks URLs and e-mail addresses found in the text after escapes are
# resolved (GFM autolink literals: "http://", "www.", "a@b", "mailto:"). An invisible word joiner
# (U+2060) before their colon, at sign and the dot after "www" leaves nothing for it to find.
_AUTOLINK_TRIGGERS = re.compile(r"(?i)(?=[:@])|(?<=www)(?=\.)")
WORD_JOINER = "\u2060"
_WHITESPACE = re.compile(r"\s+")
MAX_TEXT_CHARS = 120
MAX_ITEMS_SHOWN = 5


# Line breaks and tabs are text's own layout (shorten folds them); every other control character is not.
_LAYOUT = frozenset("\t\n\r")


def reveal_invisible(text: str) -> str:
    """Every format or control character as a visible marker: 'U\u200bS' -> 'U⟨U+200B⟩S'.

    Format characters (Unicode category Cf) reorder or hide what is around them: a right-to-left
    override (U+202E) in a link reversed the app's own sentence after it, and a zero-width space
    made "U\u200bS" read as "US". Shown as markers, they do neither, and the reader sees what the
    link really held. Runs before escape_markdown adds its own (invisible) word joiners.
    """
    if text.isprintable():  # no Cc, Cf or odd separator: nothing to do, at C speed
        return text
    return "".join(
        f"⟨U+{ord(c):04X}⟩" if c not in _LAYOUT and unicodedata.category(c) in ("Cf", "Cc") else c
        for c in text
    )


def escape_markdown(text: str) -> str:
    """Show `text` as the characters it holds, never as Markdown, HTML, maths, icons or links."""
    return _PUNCTUATION.sub(r"\\\1", _AUTOLINK_TRIGGERS.sub(WORD_JOINER, reveal_invisible(text)))


def shorten(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """One line of at most `limit` characters: line breaks folded, format characters shown, the rest
    cut with a count (of the characters the text had)."""
    flat = _WHITESPACE.sub(" ", str(text)).strip()
    # Only the part that can be shown is scanned: a 10 MB cell costs no more than a short one.
    shown = reveal_invisible(flat[: limit + 1])
    if len(flat) <= limit and len(shown) <= limit:
        return shown
    return f"{shown[:limit].rstrip()}… ({len(flat):,} characters)"


def summarize(values: Sequence[str], limit: int = MAX_ITEMS_SHOWN) -> str:
    """'a, b, c and 497 more': the first few values, shortened, and how many are left out."""
    shown = [shorten(v, 40) for v in values[:limit]]
    rest = len(values) - len(shown)
    return ", ".join(shown) + (f" and {rest:,} more" if rest > 0 else "")


def literal(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """Shortened, then escaped: how a value from outside the app enters any Markdown string."""
    return escape_markdown(shorten(text, limit))
