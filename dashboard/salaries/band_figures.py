"""The salary bands chart: each region in its own currency, or every region on one axis; and its alt text.

A DataFrame in, a Plotly figure out (no Streamlit here, so tests read the traces).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.core.chart_style import (
    FONT,
    GRID_COLOUR,
    TEXT_ON_ROLE,
    bottom_legend,
    nice_ticks,
    plot_text,
    two_line_title,
)
from dashboard.core.domain import ROLE_COLOURS, ROLES
from dashboard.core.money import (
    INTERNATIONAL_DOLLAR,
    format_band,
    format_money,
    format_range,
    format_range_compact,
    format_tick,
    local_band_label,
)
from dashboard.salaries import rates
from dashboard.salaries.market_traces import has_survey, row_labels, survey_row, survey_top, survey_traces

BAND_ROW_PX = 150
UNIT_ROW_PX = 90


def _axis_suffix(panel: int) -> str:
    return "" if panel == 1 else str(panel)


def axis_tick(value: float, currency: str) -> str:
    """A tick on a one-currency axis: '$150k'; for international dollars just '150k', since the axis
    title names the unit and 'Int$150k' ticks turn sideways on a phone."""
    text = format_tick(value, currency)
    return text.removeprefix(INTERNATIONAL_DOLLAR) if currency == INTERNATIONAL_DOLLAR else text


def salary_bands_figure(salaries: pd.DataFrame) -> go.Figure:
    """One panel per region, a floating bar per role from salary_min to salary_max, in local currency.

    Each region gets its own x-axis because the currencies differ; ticks are formatted in that
    currency (Indian figures in LPA, as the article writes them). The panels are laid out by hand
    (an axis pair per region with its own domain) and the figure built once from plain dicts:
    make_subplots and per-panel update_xaxes cost a few hundred ms per rerun, this a few ms.
    """
    regions: dict[str, list] = {}
    for row in salaries.itertuples():
        regions.setdefault(row.country_code, []).append(row)
    n = len(regions)
    panel_gap_px, top_px, bottom_px = 80, 115, 75
    # A survey row under each role's band doubles a panel's height.
    panel_px = BAND_ROW_PX * (2 if "survey_p50" in salaries else 1)
    plot_px = panel_px * n + panel_gap_px * (n - 1)
    traces: list[dict] = []
    layout: dict = {}
    annotations: list[dict] = []
    for panel, (code, rows) in enumerate(regions.items(), start=1):
        first = rows[0]
        currency = first.currency
        top = 1 - (panel - 1) * (panel_px + panel_gap_px) / plot_px
        axis = _axis_suffix(panel)
        by_role = {r.role: r for r in rows}
        order: list[str] = []
        for role in ROLES:
            band = by_role.get(role)
            if band is None:
                continue
            order.append(role)
            if has_survey(band):
                order.append(survey_row(role))
                traces += survey_traces(
                    [band], [survey_row(role)], currency, f"x{axis}", f"y{axis}", panel == 1
                )
            low, high = int(band.salary_min), int(band.salary_max)
            label = format_band(low, high, currency)
            traces.append(
                dict(
                    type="bar",
                    name=role,
                    legendgroup=role,
                    showlegend=panel == 1,
                    orientation="h",
                    y=[role],
                    base=[low],
                    x=[high - low],
                    xaxis=f"x{axis}",
                    yaxis=f"y{axis}",
                    marker=dict(color=ROLE_COLOURS[role]),
                    text=[plot_text(format_range_compact(low, high, currency))],
                    textposition="inside",
                    insidetextanchor="middle",
                    textfont=dict(color=TEXT_ON_ROLE[role], size=13),
                    customdata=[[low, high, code, currency]],
                    hovertemplate=plot_text(f"{role} · {first.country}")
                    + f"<br>{plot_text(label)}<extra></extra>",
                )
            )
        ticks = nice_ticks(max([int(r.salary_max) for r in rows] + [survey_top(r) for r in rows]))
        layout[f"xaxis{axis}"] = dict(
            domain=[0, 1],
            anchor=f"y{axis}",
            range=[0, ticks[-1]],
            tickvals=ticks,
            ticktext=[format_tick(t, currency) for t in ticks],
            gridcolor=GRID_COLOUR,
        )
        layout[f"yaxis{axis}"] = dict(
            domain=[max(top - panel_px / plot_px, 0), top],
            anchor=f"x{axis}",
            categoryorder="array",
            categoryarray=list(reversed(order)),
            **row_labels(order, rows),
        )
        annotations.append(
            dict(
                text=plot_text(f"{first.flag} {first.country} · {currency}"),
                x=0,
                xref="paper",
                xanchor="left",
                y=top,
                yref="paper",
                yanchor="bottom",
                showarrow=False,
                font=dict(size=15),
            )
        )
    layout.update(
        title=two_line_title("Annual salary bands", "Each region in its own currency, per year"),
        annotations=annotations,
        barmode="overlay",
        height=plot_px + top_px + bottom_px,
        margin=dict(l=10, r=20, t=top_px, b=bottom_px),
        # The legend at the very bottom, as on one axis: above the plot it ran into the subtitle.
        legend=bottom_legend(),
        font=FONT,
        bargap=0.25,
        # On a phone the bars get narrow: hide a label rather than shrink it into illegibility.
        uniformtext=dict(minsize=13, mode="hide"),
    )
    return go.Figure(dict(data=traces, layout=layout))


def salary_figure(converted: pd.DataFrame, unit: rates.Unit) -> go.Figure:
    """The salary chart for the money switch: local currency panels, or every region on one axis."""
    if unit.is_local:
        return salary_bands_figure(converted)
    return salary_bands_one_axis_figure(converted, unit)


def salary_bands_one_axis_figure(converted: pd.DataFrame, unit: rates.Unit) -> go.Figure:
    """Every region on ONE x-axis in US$ or international $: a row per region, a floating bar per role.

    Takes rates.convert_salaries output; the bars run from converted_min to converted_max, so
    regions compare directly. Hovers give the band in local currency and the rate used.
    """
    currency = unit.currency
    codes = list(dict.fromkeys(converted["country_code"]))
    labels = {
        r.country_code: plot_text(f"{r.flag} {r.country}")
        for r in converted.drop_duplicates("country_code").itertuples()
    }
    traces: list[dict] = []
    surveyed = "survey_p50" in converted
    # Plotly stacks a group's bars bottom-up; adding AI first puts the ML bar on top, as in local mode.
    for role in reversed(ROLES):
        rows = converted[converted["role"] == role]
        if rows.empty:
            continue
        if surveyed:
            drawn = [r for r in rows.itertuples() if has_survey(r)]
            traces += survey_traces(
                drawn,
                [survey_row(labels[r.country_code]) for r in drawn],
                currency,
                "x",
                "y",
                True,
                group=True,
            )
        hovers = [
            plot_text(f"{role} · {r.country}")
            + "<br>"
            + plot_text(f"{format_range(r.converted_min, r.converted_max, currency)} in {unit.label}")
            + "<br>"
            + plot_text(f"Local: {local_band_label(r.salary_min, r.salary_max, r.currency)}")
            + "<br>"
            + plot_text(f"Rate: {rates.rate_text(r.currency, r.rate, r.rate_indicator, r.rate_year)}")
            for r in rows.itertuples()
        ]
        traces.append(
            dict(
                type="bar",
                name=role,
                legendgroup=role,
                orientation="h",
                y=[labels[c] for c in rows["country_code"]],
                base=rows["converted_min"].tolist(),
                x=(rows["converted_max"] - rows["converted_min"]).round(2).tolist(),
                marker=dict(color=ROLE_COLOURS[role]),
                text=[
                    plot_text(format_range_compact(lo, hi, currency))
                    for lo, hi in zip(rows["converted_min"], rows["converted_max"], strict=True)
                ],
                # Inside or not at all: text beside a bar is cut off at the plot's edge on a phone, and
                # the hover and the table below give every number anyway.
                textposition="inside",
                insidetextanchor="middle",
                textfont=dict(color=TEXT_ON_ROLE[role], size=13),
                customdata=rows[
                    ["converted_min", "converted_max", "country_code", "currency", "rate"]
                ].values.tolist(),
                hovertext=hovers,
                hovertemplate="%{hovertext}<extra></extra>",
                offsetgroup=role,
            )
        )
    upper = max([float(converted["converted_max"].max())] + [survey_top(r) for r in converted.itertuples()])
    ticks = nice_ticks(upper)
    order = (
        [c for code in codes for c in (labels[code], survey_row(labels[code]))]
        if surveyed
        else [labels[c] for c in codes]
    )
    # The title and its subtitle above the plot, the legend at the very bottom: above the plot the
    # legend ran into the subtitle on a phone.
    top_px, bottom_px = 80, 105
    layout = dict(
        title=two_line_title("Annual salary bands", rates.unit_title(unit, converted)),
        barmode="group",
        scattermode="group",  # the survey's median markers sit on their own role's bar
        height=UNIT_ROW_PX * len(order) + top_px + bottom_px,
        margin=dict(l=10, r=20, t=top_px, b=bottom_px),
        legend=bottom_legend(traceorder="reversed"),
        font=FONT,
        bargap=0.2,
        uniformtext=dict(minsize=12, mode="hide"),
        xaxis=dict(
            range=[0, ticks[-1]],
            tickvals=ticks,
            ticktext=[axis_tick(t, currency) for t in ticks],
            gridcolor=GRID_COLOUR,
            title=plot_text(unit.label),
        ),
        yaxis=dict(
            categoryorder="array", categoryarray=list(reversed(order)), **row_labels(order, converted, codes)
        ),
    )
    return go.Figure(dict(data=traces, layout=layout))


def salary_bands_alt(converted: pd.DataFrame, unit: rates.Unit) -> str:
    """'Annual salary bands. United States: ML Engineer $150,000 to $240,000; AI Engineer …', in the unit."""
    regions: dict[str, list] = {}
    for r in converted.itertuples():
        regions.setdefault(r.country_code, []).append(r)

    def band(r) -> str:
        low, high, cur = (
            (r.salary_min, r.salary_max, r.currency)
            if unit.is_local
            else (r.converted_min, r.converted_max, unit.currency)
        )
        return f"{r.role} {format_money(low, cur)} to {format_money(high, cur)}"

    parts = [f"{rows[0].country}: " + "; ".join(band(r) for r in rows) for rows in regions.values()]
    scale = "" if unit.is_local else f" on one scale, in {rates.unit_title(unit, converted)}"
    return f"Annual salary bands{scale}. " + ". ".join(parts) + "."
