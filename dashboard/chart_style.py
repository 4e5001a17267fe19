"""Styling shared by every figure builder, and the one way data text reaches a Plotly label."""

from __future__ import annotations

from html import escape

FONT = dict(family="Source Sans Pro, sans-serif", size=14)
# Half-transparent grey reads on a light and on a dark background alike.
GRID_COLOUR = "rgba(128,128,128,0.25)"


def plot_text(value: object) -> str:
    """Plotly renders a subset of HTML in labels and hovers; data must never reach it unescaped."""
    return escape(str(value), quote=False)


# Label colour on each role's fill, for WCAG AA (4.5:1) at 13px: white on the blue is 5.2:1, but white
# on the vermillion only 3.9:1, where black is 5.4:1. The fills themselves stay the role colours.
TEXT_ON_ROLE = {"ML Engineer": "#FFFFFF", "AI Engineer": "#000000"}
# Role colours as text must be large (bold, >= 18.66px: 3:1) to read on both the light and the dark
# background; no colour reaches 4.5:1 on both #FFFFFF and #0E1117.
LARGE_BOLD_PX = 19
