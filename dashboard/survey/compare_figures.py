"""Figures of survey.compare: the ML − AI difference of medians per country with its interval, and pay by
experience level or work year; each with its alt text. No Streamlit here."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.core.chart_style import (
    FONT,
    GRID_COLOUR,
    ZERO_LINE_COLOUR,
    bottom_legend,
    nice_ticks,
    plot_text,
    rgba,
    signed_ticks,
    two_line_title,
)
from dashboard.core.domain import ROLE_COLOURS, ROLES
from dashboard.core.money import format_money, format_signed_amount, format_tick
from dashboard.survey.compare import AI_MORE, ML_MORE, RESAMPLES
from dashboard.survey.schema import THIN_BELOW

THIN_OPACITY = 0.35
UNDECIDED_COLOUR = "#767676"  # 4.5:1 on white and 4.6:1 on Streamlit's dark background
VERDICT_COLOURS = {ML_MORE: ROLE_COLOURS["ML Engineer"], AI_MORE: ROLE_COLOURS["AI Engineer"]}
ROW_PX = 52


def _signed_tick(value: float) -> str:
    return ("−" if value < 0 else "+" if value > 0 else "") + format_tick(abs(value), "USD")


def difference_figure(diffs: pd.DataFrame) -> go.Figure:
    """One row per country: the ML − AI difference of medians (a dot) and its 95 % interval (a bar),
    coloured by the verdict, faded where a cell is thin; n for both roles under the country's name."""
    labels = [
        f"{plot_text(f'{r.flag} {r.country}')}<br><b>n = {r.ml_n:,} / {r.ai_n:,}</b>"
        for r in diffs.itertuples()
    ]
    colours = [VERDICT_COLOURS.get(v, UNDECIDED_COLOUR) for v in diffs["verdict"]]
    hovers = [
        plot_text(
            f"{r.country}: ML median {format_money(r.ml_median, 'USD')} (n = {r.ml_n:,}), AI median "
            f"{format_money(r.ai_median, 'USD')} (n = {r.ai_n:,}); difference "
            f"{format_signed_amount(r.difference, 'USD')}, 95% interval {format_signed_amount(r.low, 'USD')} "
            f"to {format_signed_amount(r.high, 'USD')}: {r.verdict}"
        )
        for r in diffs.itertuples()
    ]
    trace = dict(
        type="scatter",
        mode="markers",
        x=diffs["difference"].tolist(),
        y=labels,
        marker=dict(
            size=14,
            color=[rgba(c, THIN_OPACITY) if t else c for c, t in zip(colours, diffs["thin"], strict=True)],
        ),
        error_x=dict(
            type="data",
            symmetric=False,
            array=(diffs["high"] - diffs["difference"]).tolist(),
            arrayminus=(diffs["difference"] - diffs["low"]).tolist(),
            thickness=3,
            width=6,
            color=UNDECIDED_COLOUR,
        ),
        customdata=diffs[["ml_n", "ai_n", "ml_median", "ai_median", "low", "high"]].to_numpy().tolist(),
        hovertext=hovers,
        hovertemplate="%{hovertext}<extra></extra>",
        showlegend=False,
    )
    ends = diffs[["low", "high", "difference"]].to_numpy().ravel().tolist()
    ticks = signed_ticks([v for v in ends if v == v] or [1.0])
    span = max(abs(t) for t in ticks) * 1.05
    return go.Figure(
        dict(
            data=[trace],
            layout=dict(
                title=two_line_title(
                    "ML − AI: difference of median pay",
                    f"US$, with the 95% bootstrap interval ({RESAMPLES:,} resamples)",
                ),
                height=130 + ROW_PX * max(len(diffs), 1),
                margin=dict(l=10, r=20, t=80, b=50),
                font=FONT,
                yaxis=dict(autorange="reversed"),
                xaxis=dict(
                    range=[-span, span],
                    tickvals=ticks,
                    ticktext=[_signed_tick(t) for t in ticks],
                    zeroline=True,
                    zerolinewidth=2,
                    zerolinecolor=ZERO_LINE_COLOUR,
                    gridcolor=GRID_COLOUR,
                    title="ML median minus AI median, US$",
                ),
            ),
        )
    )


def difference_alt(diffs: pd.DataFrame) -> str:
    """'ML Engineer minus AI Engineer median pay by country: United States +$26,000 (95% interval …)'"""
    if diffs.empty:
        return "Difference of median pay by country: no answers match the filters."
    items = "; ".join(
        f"{r.country} {format_signed_amount(r.difference, 'USD')} (95% interval "
        f"{format_signed_amount(r.low, 'USD')} to {format_signed_amount(r.high, 'USD')}, n = {r.ml_n:,} "
        f"and {r.ai_n:,}): {r.verdict}"
        for r in diffs.itertuples()
        if r.ml_n and r.ai_n
    )
    return f"ML Engineer minus AI Engineer median pay by country, in US$: {items}."


def spread_figure(spread: pd.DataFrame, what: str) -> go.Figure:
    """Median pay (a dot) and p25–p75 (a bar) per role and level or year, n beside every point, thin
    points faded: `spread` is compare.pay_spread output, `what` the axis's name ('Experience level')."""
    order = list(dict.fromkeys(spread["label"]))
    traces = []
    for offset, role in zip((-0.18, 0.18), ROLES, strict=True):
        cells = spread[spread["role"] == role]
        if cells.empty:
            continue
        colour = ROLE_COLOURS[role]
        traces.append(
            dict(
                type="scatter",
                mode="markers+text",
                name=role,
                x=cells["p50"].tolist(),
                y=[order.index(label) + offset for label in cells["label"]],
                marker=dict(
                    size=12,
                    color=[rgba(colour, THIN_OPACITY) if t else colour for t in cells["thin"]],
                    line=dict(width=1, color=colour),
                ),
                error_x=dict(
                    type="data",
                    symmetric=False,
                    array=(cells["p75"] - cells["p50"]).tolist(),
                    arrayminus=(cells["p50"] - cells["p25"]).tolist(),
                    color=colour,
                    thickness=3,
                    width=0,
                ),
                text=[
                    plot_text(f"n = {n:,}" + (" (thin)" if t else ""))
                    for n, t in zip(cells["n"], cells["thin"], strict=True)
                ],
                textposition="top center",
                textfont=dict(size=12),
                customdata=cells[["n", "p25", "p50", "p75"]].to_numpy().tolist(),
                hovertext=[
                    plot_text(
                        f"{role} · {r.label}: median {format_money(r.p50, 'USD')}, p25–p75 "
                        f"{format_money(r.p25, 'USD')} – {format_money(r.p75, 'USD')}, n = {r.n:,}"
                    )
                    for r in cells.itertuples()
                ],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    ticks = nice_ticks(float(spread["p75"].max()) * 1.05 if len(spread) else 1.0, count=3)
    return go.Figure(
        dict(
            data=traces,
            layout=dict(
                title=two_line_title(
                    f"Pay by {what.lower()}",
                    f"Median and p25–p75, US$; faded: fewer than {THIN_BELOW} answers",
                ),
                height=170 + 70 * max(len(order), 1),
                margin=dict(l=10, r=20, t=80, b=100),
                font=FONT,
                legend=bottom_legend(),
                yaxis=dict(
                    tickvals=list(range(len(order))),
                    ticktext=[plot_text(label) for label in order],
                    range=[len(order) - 0.5, -0.6],
                    title=plot_text(what),
                ),
                xaxis=dict(
                    range=[0, ticks[-1]],
                    tickvals=ticks,
                    ticktext=[format_tick(t, "USD") for t in ticks],
                    gridcolor=GRID_COLOUR,
                    title="Annual pay, US$",
                ),
            ),
        )
    )


def spread_alt(spread: pd.DataFrame, what: str) -> str:
    if spread.empty:
        return f"Pay by {what.lower()}: no answers match the filters."
    items = "; ".join(
        f"{r.role}, {r.label}: median {format_money(r.p50, 'USD')}, p25 to p75 {format_money(r.p25, 'USD')} "
        f"to {format_money(r.p75, 'USD')}, n = {r.n:,}" + (" (thin)" if r.thin else "")
        for r in spread.itertuples()
    )
    return f"Survey pay by {what.lower()} in US$: {items}."
