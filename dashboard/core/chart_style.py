"""What every figure shares: fonts, grid, role text colours, titles, ticks, colour mixing, and the one way
data text reaches a Plotly label."""

from __future__ import annotations

import math
from html import escape

from dashboard.core.text import reveal_invisible

FONT = dict(family="Source Sans Pro, sans-serif", size=14)
# Half-transparent grey reads on a light and on a dark background alike.
GRID_COLOUR = "rgba(128,128,128,0.25)"
ZERO_LINE_COLOUR = "rgba(128,128,128,0.8)"

# Label colour on each role's fill, for WCAG AA (4.5:1) at 13px: white on the blue is 5.2:1, but white
# on the vermillion only 3.9:1, where black is 5.4:1. The fills themselves stay the role colours.
TEXT_ON_ROLE = {"ML Engineer": "#FFFFFF", "AI Engineer": "#000000"}
# Role colours as text must be large (bold, >= 18.66px: 3:1) to read on both the light and the dark
# background; no colour reaches 4.5:1 on both #FFFFFF and #0E1117.
LARGE_BOLD_PX = 19


def plot_text(value: object) -> str:
    """Plotly renders a subset of HTML in labels and hovers; data must never reach it unescaped, nor
    bidi controls that would reorder the label around it (text.reveal_invisible)."""
    return escape(reveal_invisible(str(value)), quote=False)


def two_line_title(what: str, unit_title: str) -> dict:
    """What the chart shows, then its unit on a line of its own: one long line is cut off on a phone."""
    return dict(text=plot_text(what), subtitle=dict(text=plot_text(unit_title), font=dict(size=13)), x=0)


def bottom_legend(**extra: object) -> dict:
    """A horizontal legend at the very bottom: above the plot it ran into the subtitle on a phone."""
    return (
        dict(orientation="h", yref="container", yanchor="bottom", y=0, x=0, xanchor="left", title=None)
        | extra
    )


def nice_ticks(upper: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to just past `upper`, steps of 1, 2, 2.5 or 5 × 10^n."""
    if upper <= 0:
        return [0.0]
    raw_step = upper / count
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw_step)
    return [i * step for i in range(math.ceil(upper / step) + 1)]


def signed_ticks(values: list[float]) -> list[float]:
    """Round ticks covering negative and positive values alike, 0 included."""
    span = max([abs(v) for v in values] + [1.0])
    ticks = nice_ticks(span, count=2)
    return sorted({-t for t in ticks} | set(ticks)) if min(values, default=0) < 0 else ticks


def wrap_label(text: str, width: int = 22) -> str:
    """Break a long axis label onto lines of about `width` characters, so phones keep room for the dots."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def _rgb(hex_colour: str) -> list[int]:
    return [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]


def rgba(hex_colour: str, alpha: float) -> str:
    """'#0072B2' at `alpha` opacity: 'rgba(0,114,178,0.3)'."""
    red, green, blue = _rgb(hex_colour)
    return f"rgba({red},{green},{blue},{alpha})"


def tint(hex_colour: str, white_share: float = 0.75) -> str:
    """The colour mixed with white, so a colour scale's low end still stands apart from grey land."""
    return "#" + "".join(f"{round(c + (255 - c) * white_share):02x}" for c in _rgb(hex_colour))


# --- World maps: Plotly draws the outlines from static/topojson/world_110m.json, served by the app ----
# Streamlit's static serving puts static/ under app/static/; Plotly appends 'world_110m.json'.
TOPOJSON_URL = "app/static/topojson/"
MAP_CONFIG = {"topojsonURL": TOPOJSON_URL}
# Half-transparent greys: land and borders read on the light and the dark theme alike.
LAND_COLOUR = "rgba(128,128,128,0.22)"
BORDER_COLOUR = "rgba(128,128,128,0.55)"
WORLD_GEO = dict(
    projection_type="natural earth",
    showcountries=True,
    countrycolor=BORDER_COLOUR,
    showland=True,
    landcolor=LAND_COLOUR,
    showcoastlines=False,
    showframe=False,
    lataxis_range=[-58, 85],  # no Antarctica: it has no salaries and takes a fifth of the height
)


def map_colorbar(title: str, ticks: list[float], labels: list[str]) -> dict:
    """A map's colour bar under the map, not beside it: on a phone a side bar takes a third of the width."""
    return dict(
        title=dict(text=plot_text(title), side="top"),
        orientation="h",
        x=0.5,
        xanchor="center",
        y=0,
        yanchor="top",
        tickvals=ticks,
        ticktext=labels,
        thickness=12,
        len=0.9,
    )
