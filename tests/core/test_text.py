"""Text from outside the app is shown literally and briefly, checked against a real Markdown parser."""

from __future__ import annotations

import html
import re

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

from dashboard.core import text

HOSTILE = [
    "[Your session expired, sign in](http://evil.example/login)",
    "![x](http://evil.example/pixel.png)",
    "**bold** _em_ ~~gone~~ `code`",
    ":red[alarm] :material/warning: :smile: :blue-background[x]",
    "$x^2$ and $$\\int f$$",
    "<script>alert(1)</script><img src=x onerror=alert(1)>",
    "http://evil.example www.evil.example mail@evil.example",
    "# heading\n- item\n1. item\n> quote",
    "&lt;b&gt; &amp; &#x41;",
    "a\\*b\\",
]


# CommonMark with GFM autolinks and tables, plus $maths$, the constructs Streamlit's renderer adds.
MARKDOWN = MarkdownIt("commonmark", {"linkify": True}).enable(["linkify", "table", "strikethrough"])


MARKDOWN.use(dollarmath_plugin)


def rendered_text(markdown: str) -> tuple[str, str]:
    """The HTML a Markdown renderer makes of `markdown`, and the text a reader sees in it."""
    out = MARKDOWN.render(markdown)
    return out, html.unescape(re.sub(r"<[^>]+>", "", out)).strip()


@pytest.mark.parametrize("value", HOSTILE)
def test_escaped_text_renders_as_the_characters_it_holds(value):
    out, seen = rendered_text(text.escape_markdown(value))
    seen = seen.replace(text.WORD_JOINER, "")  # invisible: a reader sees the value as written
    assert re.sub(r"\s+", " ", seen) == re.sub(r"\s+", " ", value).strip()
    # Only the paragraph wrapper and the line breaks a multi-line value has: no link, image, emphasis,
    # code, maths, heading, list or raw HTML.
    assert set(re.findall(r"<(\w+)", out)) <= {"p"}, out


@pytest.mark.parametrize("value", HOSTILE)
def test_streamlit_directives_and_maths_lose_their_markers(value):
    escaped = text.escape_markdown(value)
    # Streamlit's :colour[…], :material/…: and :emoji: need a bare colon; maths a bare dollar.
    assert not re.search(r"(?<!\\):", escaped)
    assert not re.search(r"(?<!\\)\$", escaped)


# GFM's autolink literals as mdast-util-gfm-autolink-literal finds them in a text node, after the
# renderer has resolved the escapes: Streamlit links what these match even inside escaped text.
GFM_AUTOLINKS = [
    re.compile(r"(https?://|www(?=\.))([-.\w]+)([^ \t\r\n]*)", re.IGNORECASE),
    re.compile(r"(mailto:|xmpp:)?[-.\w+]+@[-\w]+(\.[-\w]+)+", re.IGNORECASE),
]


@pytest.mark.parametrize(
    "value", [*HOSTILE, "see https://x.example/a?b=c or WWW.x.example, mailto:a@b.example"]
)
def test_escaped_text_leaves_no_url_or_address_to_autolink(value):
    _, seen = rendered_text(text.escape_markdown(value))
    for pattern in GFM_AUTOLINKS:
        assert not pattern.search(seen), (pattern.pattern, seen)


def test_a_long_value_is_shortened_to_one_line_with_its_length():
    short = text.shorten("x" * 10_000 + "\n" + "y")
    assert len(short) < 160
    assert short.endswith("(10,002 characters)")
    assert "\n" not in short


def test_many_values_are_summarised_with_a_count():
    summary = text.summarize([f"v{i}" for i in range(500)])
    assert summary == "v0, v1, v2, v3, v4 and 495 more"
