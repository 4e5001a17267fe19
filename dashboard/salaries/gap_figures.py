"""The gap chart: ML − AI at the band midpoint per region, in % or in one unit; and its alt text."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.core.chart_style import (
    FONT,
    GRID_COLOUR,
    ZERO_LINE_COLOUR,
    plot_text,
    signed_ticks,
    two_line_title,
)
from dashboard.core.domain import AI, ML, ROLE_COLOURS
from dashboard.core.money import format_money, format_signed_amount, format_signed_percent
from dashboard.salaries import rates
from dashboard.salaries.band_figures import axis_tick
from dashboard.salaries.gaps import PERCENT_BASE


def gap_row_label(flag: str, country: str, value: str) -> str:
    """A gap chart's row: the region, and under it the gap itself.

    The figure sits under the bar's row label rather than beside the bar, where on a phone a
    negative bar's text runs into the region names and a positive one's off the edge.
    """
    return f"{plot_text(f'{flag} {country}')}<br><b>{plot_text(value)}</b>"


def _signed_tick(value: float, currency: str) -> str:
    return ("−" if value < 0 else "+" if value > 0 else "") + axis_tick(abs(value), currency)


def salary_gap_figure(gaps: pd.DataFrame, unit: rates.Unit) -> go.Figure:
    """ML − AI at the band midpoint, regions in the gaps' order (largest ML lead first); one bar each,
    in the colour of the role that earns more.

    Takes gaps.salary_gaps output. In local mode money gaps do not compare across currencies, so the
    bars show the gap in % of the AI Engineer's midpoint; in US$ or PPP they show the amount.
    """
    pct = gaps["gap_midpoint_pct"].tolist()
    if unit.is_local:
        values = pct
        labels = [format_signed_percent(p) for p in pct]
        hover = [
            f"{c}: ML midpoint {format_money(m, cur)}, AI midpoint {format_money(a, cur)}: "
            f"ML {'pays more' if p > 0 else 'pays less' if p < 0 else 'pays the same'}"
            for c, m, a, p, cur in zip(
                gaps["country"], gaps["ml_midpoint"], gaps["ai_midpoint"], pct, gaps["currency"], strict=True
            )
        ]
        span = max([abs(v) for v in values] + [10]) * 1.1
        subtitle = PERCENT_BASE
        xaxis = dict(title="ML vs AI, band midpoint", ticksuffix="%")
    else:
        values = gaps["gap_midpoint"].tolist()
        labels = [
            f"{format_signed_amount(v, unit.currency)} ({format_signed_percent(p)})"
            for v, p in zip(values, pct, strict=True)
        ]
        hover = gaps["statement"].tolist()
        ticks = signed_ticks(values)
        span = max(abs(t) for t in ticks) * 1.05
        subtitle = f"{rates.unit_title(unit, gaps)}; in brackets {PERCENT_BASE}"
        xaxis = dict(
            title=plot_text(f"ML minus AI, {unit.label}"),
            tickvals=ticks,
            ticktext=[_signed_tick(t, unit.currency) for t in ticks],
        )
    bar = dict(
        type="bar",
        orientation="h",
        y=[gap_row_label(f, c, t) for f, c, t in zip(gaps["flag"], gaps["country"], labels, strict=True)],
        x=values,
        marker=dict(color=[ROLE_COLOURS[ML] if v >= 0 else ROLE_COLOURS[AI] for v in values]),
        customdata=[plot_text(h) for h in hover],
        hovertemplate="%{customdata}<extra></extra>",
    )
    top_px = 70
    layout = dict(
        title=two_line_title("ML − AI at the band midpoint", subtitle),
        height=top_px + 60 + 56 * len(values),
        margin=dict(l=10, r=20, t=top_px, b=50),
        font=FONT,
        yaxis=dict(autorange="reversed"),
        showlegend=False,
        xaxis=dict(
            range=[-span, span],
            zeroline=True,
            zerolinewidth=2,
            zerolinecolor=ZERO_LINE_COLOUR,
            gridcolor=GRID_COLOUR,
            **xaxis,
        ),
    )
    return go.Figure(dict(data=[bar], layout=layout))


def salary_gap_alt(gaps: pd.DataFrame, unit: rates.Unit) -> str:
    """The gap chart's description: regions in the chart's order, the gap in the unit and in %."""
    if unit.is_local:
        items = ", ".join(
            f"{c} {format_signed_percent(p)}"
            for c, p in zip(gaps["country"], gaps["gap_midpoint_pct"], strict=True)
        )
        return f"ML Engineer pay versus AI Engineer at the band midpoint, in {PERCENT_BASE}: {items}."
    items = ", ".join(
        f"{c} {format_signed_amount(g, unit.currency)} ({format_signed_percent(p)})"
        for c, g, p in zip(gaps["country"], gaps["gap_midpoint"], gaps["gap_midpoint_pct"], strict=True)
    )
    return (
        f"ML Engineer minus AI Engineer at the band midpoint, in {rates.unit_title(unit, gaps)}, "
        f"largest ML lead first, with the gap in {PERCENT_BASE}: {items}."
    )
