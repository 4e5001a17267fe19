"""The survey on the world map: one role's median pay in every country the survey has, thin ones marked.

No Streamlit here; the outline comes from the app itself (core.chart_style.MAP_CONFIG).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.core import regions
from dashboard.core.chart_style import (
    FONT,
    WORLD_GEO,
    map_colorbar,
    nice_ticks,
    plot_text,
    tint,
    two_line_title,
)
from dashboard.core.domain import ROLE_COLOURS
from dashboard.core.money import format_money, format_tick
from dashboard.survey.schema import THIN_BELOW

THIN_COLOUR = "rgba(128,128,128,0.55)"


def _alpha3(code: str) -> str:
    return regions.country(code).alpha3


def survey_map_figure(table: pd.DataFrame, role: str) -> go.Figure:
    """A choropleth of `role`'s median per country from aggregate.aggregate(); countries with fewer than
    THIN_BELOW answers are drawn in grey with 'thin' in their hover, so no colour rests on a handful."""
    cells = table[table["role"] == role]
    solid, thin = cells[~cells["thin"]], cells[cells["thin"]]
    ticks = nice_ticks(float(solid["p50"].max()) if len(solid) else 1.0, count=4)

    def hovers(rows: pd.DataFrame) -> list[str]:
        return [
            "<br>".join(
                plot_text(line)
                for line in (
                    f"{r.flag} {r.country} · {role}",
                    f"Median {format_money(r.p50, 'USD')}, p25–p75 {format_money(r.p25, 'USD')} – "
                    f"{format_money(r.p75, 'USD')}",
                    f"n = {r.n:,}" + (f" (thin: fewer than {THIN_BELOW} answers)" if r.thin else ""),
                )
            )
            for r in rows.itertuples()
        ]

    fig = go.Figure()
    fig.add_trace(
        go.Choropleth(
            name=f"{role}, median",
            locations=[_alpha3(c) for c in solid["country_code"]],
            locationmode="ISO-3",
            z=solid["p50"].tolist(),
            zmin=0,
            zmax=ticks[-1],
            colorscale=[[0, tint(ROLE_COLOURS[role])], [1, ROLE_COLOURS[role]]],
            marker_line_color="white",
            marker_line_width=0.6,
            customdata=solid[["country_code", "n", "p50"]].to_numpy().tolist(),
            hovertext=hovers(solid),
            hovertemplate="%{hovertext}<extra></extra>",
            colorbar=map_colorbar("Median, US$", ticks, [format_tick(t, "USD") for t in ticks]),
        )
    )
    if len(thin):
        fig.add_trace(
            go.Choropleth(
                name=f"Thin: fewer than {THIN_BELOW} answers",
                locations=[_alpha3(c) for c in thin["country_code"]],
                locationmode="ISO-3",
                z=[1] * len(thin),
                colorscale=[[0, THIN_COLOUR], [1, THIN_COLOUR]],
                showscale=False,
                marker_line_color="white",
                marker_line_width=0.6,
                customdata=thin[["country_code", "n", "p50"]].to_numpy().tolist(),
                hovertext=hovers(thin),
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    fig.update_geos(**WORLD_GEO)
    fig.update_layout(
        title=two_line_title(
            f"{role}: the survey's median pay",
            f"US$; grey: fewer than {THIN_BELOW} answers, read as anecdotes",
        ),
        height=480,
        margin=dict(l=0, r=0, t=70, b=90),
        font=FONT,
    )
    return fig


def survey_map_alt(table: pd.DataFrame, role: str) -> str:
    cells = table[table["role"] == role]
    solid, thin = cells[~cells["thin"]], cells[cells["thin"]]
    items = ", ".join(f"{r.country} {format_money(r.p50, 'USD')} (n = {r.n:,})" for r in solid.itertuples())
    return (
        f"World map of the survey's median pay for the {role} in US$, darker for more: {items or 'none'}. "
        f"{len(thin):,} more countries have fewer than {THIN_BELOW} answers and are grey; countries with "
        "no answers are not coloured."
    )
