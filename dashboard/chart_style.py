"""Styling shared by every figure builder, and the one way data text reaches a Plotly label."""

from __future__ import annotations

from html import escape

FONT = dict(family="Source Sans Pro, sans-serif", size=14)
# Half-transparent grey reads on a light and on a dark background alike.
GRID_COLOUR = "rgba(128,128,128,0.25)"


def plot_text(value: object) -> str:
    """Plotly renders a subset of HTML in labels and hovers; data must never reach it unescaped."""
    return escape(str(value), quote=False)
