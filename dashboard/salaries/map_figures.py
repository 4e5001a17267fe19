"""The world map: each chosen region coloured by its band midpoint for one role, in one unit.

Plotly draws the outlines from static/topojson/world_110m.json, which the app serves itself; the
page passes config=MAP_CONFIG to the chart so nothing is fetched from a CDN. No Streamlit here.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

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
from dashboard.core.money import format_amount, format_range, format_tick, local_band_label
from dashboard.salaries import rates


def map_unit(unit: rates.Unit) -> rates.Unit:
    """The unit the map colours in: one colour scale needs one unit, so local mode maps in US$."""
    return rates.USD if unit.is_local else unit


def salary_map_figure(view: pd.DataFrame, fx_rates: pd.DataFrame, role: str, unit: rates.Unit) -> go.Figure:
    """A choropleth of `role`'s band midpoint per chosen region (ISO alpha-3), in `unit` (US$ in local mode).

    `view` is the region-filtered salaries (parse_salaries rows); only its regions are coloured,
    every other country is grey land. The hover gives the band in local currency and in the unit.
    """
    shown = map_unit(unit)
    converted = rates.convert_salaries(view[view["role"] == role], fx_rates, shown)
    currency = shown.currency
    hovers = []
    for r in converted.itertuples():
        local = local_band_label(r.salary_min, r.salary_max, r.currency)
        hovers.append(
            "<br>".join(
                plot_text(line)
                for line in (
                    f"{r.flag} {r.country} · {role}",
                    f"Band: {local}",
                    f"In {shown.label}: {format_range(r.converted_min, r.converted_max, currency)}",
                    f"Midpoint: {format_amount(r.converted_midpoint, currency)}",
                    f"Rate: {rates.rate_text(r.currency, r.rate, r.rate_indicator, r.rate_year)}",
                )
            )
        )
    ticks = nice_ticks(float(converted["converted_midpoint"].max()) if len(converted) else 1.0, count=4)
    fig = go.Figure(
        go.Choropleth(
            locations=converted["country_alpha3"].tolist(),
            locationmode="ISO-3",
            z=converted["converted_midpoint"].tolist(),
            zmin=0,
            zmax=ticks[-1],
            colorscale=[[0, tint(ROLE_COLOURS[role])], [1, ROLE_COLOURS[role]]],
            marker_line_color="white",
            marker_line_width=0.6,
            customdata=converted[["country_code", "currency", "salary_min", "salary_max"]].values.tolist(),
            hovertext=hovers,
            hovertemplate="%{hovertext}<extra></extra>",
            colorbar=map_colorbar(
                f"Midpoint, {shown.label}", ticks, [format_tick(t, currency) for t in ticks]
            ),
        )
    )
    fig.update_geos(**WORLD_GEO)
    fig.update_layout(
        title=two_line_title(f"{role}: band midpoint", rates.unit_title(shown, converted)),
        height=480,
        margin=dict(l=0, r=0, t=70, b=90),
        font=FONT,
    )
    return fig


def salary_map_alt(view: pd.DataFrame, fx_rates: pd.DataFrame, role: str, unit: rates.Unit) -> str:
    """The map's description: each coloured country with its midpoint; every other country is grey."""
    shown = map_unit(unit)
    converted = rates.convert_salaries(view[view["role"] == role], fx_rates, shown)
    items = ", ".join(
        f"{c} {format_amount(m, shown.currency)}"
        for c, m in zip(converted["country"], converted["converted_midpoint"], strict=True)
    )
    return (
        f"World map of the {role} band midpoint in {rates.unit_title(shown, converted)}, darker for "
        f"more: {items}. Countries without data are grey."
    )
