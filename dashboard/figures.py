"""Salary figures: a DataFrame in, a Plotly figure out. No Streamlit here, so tests read the traces."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.chart_style import FONT, GRID_COLOUR, plot_text
from dashboard.domain import ROLE_COLOURS, ROLES
from dashboard.money import (
    format_money,
    format_money_short,
    format_range_short,
    format_signed_percent,
    nice_ticks,
)

GAP_COLOURS = {"ML": ROLE_COLOURS["ML Engineer"], "AI": ROLE_COLOURS["AI Engineer"]}
BAND_ROW_PX = 150


def salary_bands_figure(salaries: pd.DataFrame) -> go.Figure:
    """One panel per region, a floating bar per role from salary_min to salary_max, in local currency.

    Each region gets its own x-axis because the currencies differ; ticks are formatted in that
    currency (Indian figures in LPA, as the article writes them).
    """
    codes = list(dict.fromkeys(salaries["country_code"]))
    titles = []
    for code in codes:
        row = salaries[salaries["country_code"] == code].iloc[0]
        titles.append(plot_text(f"{row['flag']} {row['country']} · {row['currency']}"))
    panel_gap_px, top_px, bottom_px = 80, 90, 30
    plot_px = BAND_ROW_PX * len(codes) + panel_gap_px * (len(codes) - 1)
    fig = make_subplots(
        rows=len(codes),
        cols=1,
        subplot_titles=titles,
        vertical_spacing=panel_gap_px / plot_px if len(codes) > 1 else 0,
    )
    for panel, code in enumerate(codes, start=1):
        region = salaries[salaries["country_code"] == code]
        currency = region["currency"].iloc[0]
        for role in ROLES:
            band = region[region["role"] == role]
            if band.empty:
                continue
            low, high = int(band["salary_min"].iloc[0]), int(band["salary_max"].iloc[0])
            label = f"{format_money(low, currency)} – {format_money(high, currency)}"
            short_label = format_range_short(low, high, currency)
            fig.add_trace(
                go.Bar(
                    name=role,
                    legendgroup=role,
                    showlegend=panel == 1,
                    orientation="h",
                    y=[role],
                    base=[low],
                    x=[high - low],
                    marker_color=ROLE_COLOURS[role],
                    text=[plot_text(short_label)],
                    textposition="inside",
                    insidetextanchor="middle",
                    textfont=dict(color="white", size=13),
                    customdata=[[low, high, code, currency]],
                    hovertemplate=plot_text(f"{role} · {region['country'].iloc[0]}")
                    + f"<br>{plot_text(label)}<extra></extra>",
                ),
                row=panel,
                col=1,
            )
        ticks = nice_ticks(int(region["salary_max"].max()))
        fig.update_xaxes(
            row=panel,
            col=1,
            range=[0, ticks[-1]],
            tickvals=ticks,
            ticktext=[format_money_short(t, currency) for t in ticks],
            gridcolor=GRID_COLOUR,
        )
        fig.update_yaxes(row=panel, col=1, categoryorder="array", categoryarray=list(reversed(ROLES)))
    fig.update_layout(
        barmode="overlay",
        height=plot_px + top_px + bottom_px,
        margin=dict(l=10, r=20, t=top_px, b=bottom_px),
        legend=dict(orientation="h", yanchor="bottom", y=1 + 45 / plot_px, x=0, xanchor="left", title=None),
        font=FONT,
        bargap=0.25,
        # On a phone the bars get narrow: hide a label rather than shrink it into illegibility.
        uniformtext=dict(minsize=13, mode="hide"),
    )
    fig.update_annotations(font_size=15, xanchor="left", x=0)
    return fig


def salary_gap_figure(gaps: pd.DataFrame) -> go.Figure:
    """ML Engineer's pay premium over AI Engineer at the band midpoint, in % so regions compare."""
    labels = [plot_text(f"{f} {c}") for f, c in zip(gaps["flag"], gaps["country"], strict=True)]
    values = gaps["gap_midpoint_pct"].tolist()
    hover = [
        plot_text(
            f"ML midpoint {format_money(m, cur)}, AI midpoint {format_money(a, cur)}: "
            f"ML {'pays more' if p > 0 else 'pays less' if p < 0 else 'pays the same'}"
        )
        for m, a, p, cur in zip(
            gaps["ml_midpoint"], gaps["ai_midpoint"], values, gaps["currency"], strict=True
        )
    ]
    fig = go.Figure(
        go.Bar(
            orientation="h",
            y=labels,
            x=values,
            marker_color=[GAP_COLOURS["ML"] if v >= 0 else GAP_COLOURS["AI"] for v in values],
            text=[format_signed_percent(v) for v in values],
            textposition="outside",
            cliponaxis=False,
            customdata=hover,
            hovertemplate="%{y}<br>%{customdata}<extra></extra>",
        )
    )
    span = max([abs(v) for v in values] + [10])
    fig.update_layout(
        height=90 + 48 * len(values),
        margin=dict(l=10, r=40, t=10, b=40),
        font=FONT,
        xaxis=dict(
            title="ML vs AI, band midpoint",
            ticksuffix="%",
            range=[-span * 1.3, span * 1.3],
            zeroline=True,
            zerolinewidth=2,
            zerolinecolor="rgba(128,128,128,0.8)",
        ),
        yaxis=dict(autorange="reversed"),
        showlegend=False,
    )
    return fig
