"""The survey's pay distribution per country and role, with the article's band over it, on one US$ axis.

Each cell is a box drawn from precomputed statistics (whiskers p10–p90, box p25–p75, line at the
median), so the figure carries a handful of numbers per cell, never rows. Thin cells (n < 30) are
faded, and every cell says its n.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.core.chart_style import FONT, GRID_COLOUR, bottom_legend, nice_ticks, plot_text, rgba
from dashboard.core.domain import ROLE_COLOURS, ROLES
from dashboard.core.money import format_money, format_tick

ROW_PX = 46
THIN_OPACITY = 0.35
ARTICLE_COLOUR = "rgba(60,60,60,0.9)"
ARTICLE_NAME = "The article says"


def cell_label(country: str, flag: str, role: str) -> str:
    """The y-axis category for one country and role: '🇺🇸 United States · ML Engineer'."""
    return plot_text(f"{flag} {country} · {role}")


def survey_bands_figure(table: pd.DataFrame, article: pd.DataFrame | None = None) -> go.Figure:
    """One horizontal box per country and role from aggregate.aggregate(); article bands (from
    aggregate.article_bands_usd()) drawn over the matching cells as a dashed line with end ticks."""
    labels = [
        cell_label(c, f, r) for c, f, r in zip(table["country"], table["flag"], table["role"], strict=True)
    ]
    table = table.assign(_label=labels)
    fig = go.Figure()
    for role in ROLES:
        for thin in (False, True):
            cells = table[(table["role"] == role) & (table["thin"] == thin)]
            if cells.empty:
                continue
            fig.add_trace(
                go.Box(
                    name=f"{role} (thin, n < 30)" if thin else role,
                    legendgroup=role,
                    orientation="h",
                    y=cells["_label"].tolist(),
                    lowerfence=cells["p10"].tolist(),
                    q1=cells["p25"].tolist(),
                    median=cells["p50"].tolist(),
                    q3=cells["p75"].tolist(),
                    upperfence=cells["p90"].tolist(),
                    marker_color=ROLE_COLOURS[role],
                    line_color=ROLE_COLOURS[role],
                    # A light fill, so the median line (in the role colour) stands out inside the box.
                    fillcolor=rgba(ROLE_COLOURS[role], 0.3),
                    line_width=2.5,
                    opacity=THIN_OPACITY if thin else 1.0,
                    width=0.6,
                    hoverinfo="skip",  # the median marker below carries a readable hover
                    showlegend=True,
                )
            )
    # One invisible-ish marker per cell at the median: the hover with every figure, and n as text.
    fig.add_trace(
        go.Scatter(
            name="n",
            x=table["p90"].tolist(),
            y=table["_label"].tolist(),
            mode="text",
            text=[
                plot_text(f"  n = {n:,}" + (" (thin)" if thin else ""))
                for n, thin in zip(table["n"], table["thin"], strict=True)
            ],
            textposition="middle right",
            customdata=table[["n", "p10", "p25", "p50", "p75", "p90"]].to_numpy().tolist(),
            hovertemplate=[
                f"{label}<br>median {_usd(r.p50)}, n = {r.n:,}<br>p25–p75 {_usd(r.p25)} – {_usd(r.p75)}"
                f"<br>p10–p90 {_usd(r.p10)} – {_usd(r.p90)}<extra></extra>"
                for label, r in zip(labels, table.itertuples(), strict=True)
            ],
            showlegend=False,
            cliponaxis=False,
        )
    )
    upper = float(table["p90"].max()) if len(table) else 0.0
    if article is not None and len(table):
        key = {(c, r): lab for c, r, lab in zip(table["country_code"], table["role"], labels, strict=True)}
        bands = article[
            [(c, r) in key for c, r in zip(article["country_code"], article["role"], strict=True)]
        ]
        xs: list[float | None] = []
        ys: list[str | None] = []
        custom: list[list | None] = []
        for band in bands.itertuples():
            label = key[(band.country_code, band.role)]
            xs += [band.usd_min, band.usd_max, None]
            ys += [label, label, None]
            custom += [[band.usd_min, band.usd_max, band.currency, band.salary_min, band.salary_max]] * 2 + [
                None
            ]
        if xs:
            upper = max(upper, float(bands["usd_max"].max()))
            fig.add_trace(
                go.Scatter(
                    name=ARTICLE_NAME,
                    x=xs,
                    y=ys,
                    mode="lines+markers",
                    line=dict(color=ARTICLE_COLOUR, width=3, dash="dash"),
                    marker=dict(symbol="line-ns", size=16, line=dict(width=3, color=ARTICLE_COLOUR)),
                    customdata=custom,
                    hovertemplate="%{y}<br>" + plot_text(ARTICLE_NAME) + ": %{x:$,.0f}<extra></extra>",
                )
            )
    ticks = nice_ticks(upper * 1.15, count=3)  # few ticks: more turn sideways on a phone
    fig.update_layout(
        boxmode="overlay",
        # The legend under the axis: above the plot it wrapped onto the first rows on a phone.
        height=200 + ROW_PX * max(len(table), 1),
        margin=dict(l=10, r=70, t=10, b=150),  # r: room for the 'n = 23 (thin)' beside a box
        font=FONT,
        legend=bottom_legend(),
        xaxis=dict(
            title="Annual pay, US$",
            range=[0, ticks[-1]],
            tickvals=ticks,
            ticktext=[format_tick(t, "USD") for t in ticks],
            gridcolor=GRID_COLOUR,
        ),
        yaxis=dict(categoryorder="array", categoryarray=list(reversed(labels)), title=None),
    )
    return fig


def survey_bands_alt(table: pd.DataFrame, article: pd.DataFrame | None = None) -> str:
    """'Survey pay in US$ by country and role. United States, ML Engineer: median $192,000 …'"""
    if table.empty:
        return "Survey pay by country and role: no answers match the filters."
    bands = {}
    if article is not None:
        bands = {(b.country_code, b.role): b for b in article.itertuples()}
    parts = []
    for r in table.itertuples():
        text = (
            f"{r.country}, {r.role}: median {format_money(r.p50, 'USD')}, middle half "
            f"{format_money(r.p25, 'USD')} to {format_money(r.p75, 'USD')}, n = {r.n:,}"
            + (" (thin)" if r.thin else "")
        )
        band = bands.get((r.country_code, r.role))
        if band is not None:
            low, high = format_money(band.usd_min, "USD"), format_money(band.usd_max, "USD")
            text += f"; the article says {low} to {high}"
        parts.append(text)
    return "Survey pay in US$ by country and role, p10 to p90. " + ". ".join(parts) + "."


def _usd(amount: float) -> str:
    return plot_text(format_money(amount, "USD"))
