"""Salary figures: a DataFrame in, a Plotly figure out. No Streamlit here, so tests read the traces."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import rates
from dashboard.chart_style import FONT, GRID_COLOUR, TEXT_ON_ROLE, plot_text
from dashboard.domain import ROLE_COLOURS, ROLES
from dashboard.money import (
    INTERNATIONAL_DOLLAR,
    format_money,
    format_money_short,
    format_range,
    format_range_compact,
    format_range_short,
    format_signed_amount,
    format_signed_percent,
    format_tick,
    nice_ticks,
)

# The source every salary chart's caption names; the year is the article's salary table's.
ARTICLE_SOURCE = "Whizlabs, ML Engineer vs AI Engineer on AWS"
ARTICLE_YEAR = 2026  # the article's date (data/README.md); skills.csv carries no year of its own
GAP_COLOURS = {"ML": ROLE_COLOURS["ML Engineer"], "AI": ROLE_COLOURS["AI Engineer"]}
BAND_ROW_PX = 150


def _band_label(low: float, high: float, currency: str) -> str:
    """The band in as few characters as fit a phone's bar: '$150–240K' rather than '$150K–$240K'."""
    short = format_range_short(low, high, currency)
    low_s, high_s = format_money_short(low, currency), format_money_short(high, currency)
    prefix = high_s[: len(high_s) - len(high_s.lstrip("".join(c for c in high_s if not c.isdigit())))]
    if currency != "INR" and prefix and low_s.startswith(prefix) and low_s[-1:] == high_s[-1:] == "K":
        return f"{low_s[:-1]}–{high_s[len(prefix) :]}"
    return short


def _axis_suffix(panel: int) -> str:
    return "" if panel == 1 else str(panel)


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
    plot_px = BAND_ROW_PX * n + panel_gap_px * (n - 1)
    traces: list[dict] = []
    layout: dict = {}
    annotations: list[dict] = []
    for panel, (code, rows) in enumerate(regions.items(), start=1):
        first = rows[0]
        currency = first.currency
        top = 1 - (panel - 1) * (BAND_ROW_PX + panel_gap_px) / plot_px
        axis = _axis_suffix(panel)
        by_role = {r.role: r for r in rows}
        for role in ROLES:
            band = by_role.get(role)
            if band is None:
                continue
            low, high = int(band.salary_min), int(band.salary_max)
            label = f"{format_money(low, currency)} – {format_money(high, currency)}"
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
                    text=[plot_text(_band_label(low, high, currency))],
                    textposition="inside",
                    insidetextanchor="middle",
                    textfont=dict(color=TEXT_ON_ROLE[role], size=13),
                    customdata=[[low, high, code, currency]],
                    hovertemplate=plot_text(f"{role} · {first.country}")
                    + f"<br>{plot_text(label)}<extra></extra>",
                )
            )
        ticks = nice_ticks(max(int(r.salary_max) for r in rows))
        layout[f"xaxis{axis}"] = dict(
            domain=[0, 1],
            anchor=f"y{axis}",
            range=[0, ticks[-1]],
            tickvals=ticks,
            ticktext=[format_money_short(t, currency) for t in ticks],
            gridcolor=GRID_COLOUR,
        )
        layout[f"yaxis{axis}"] = dict(
            domain=[max(top - BAND_ROW_PX / plot_px, 0), top],
            anchor=f"x{axis}",
            categoryorder="array",
            categoryarray=list(reversed(ROLES)),
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
        title=_two_line_title("Annual salary bands", "Each region in its own currency, per year"),
        annotations=annotations,
        barmode="overlay",
        height=plot_px + top_px + bottom_px,
        margin=dict(l=10, r=20, t=top_px, b=bottom_px),
        # The legend at the very bottom, as on one axis: above the plot it ran into the subtitle.
        legend=dict(
            orientation="h", yref="container", yanchor="bottom", y=0, x=0, xanchor="left", title=None
        ),
        font=FONT,
        bargap=0.25,
        # On a phone the bars get narrow: hide a label rather than shrink it into illegibility.
        uniformtext=dict(minsize=13, mode="hide"),
    )
    return go.Figure(dict(data=traces, layout=layout))


def gap_row_label(flag: str, country: str, value: str) -> str:
    """A gap chart's row: the region, and under it the gap itself.

    The figure sits under the bar's row label rather than beside the bar, where on a phone a
    negative bar's text runs into the region names and a positive one's off the edge.
    """
    return f"{plot_text(f'{flag} {country}')}<br><b>{plot_text(value)}</b>"


def _gap_figure(
    values: list[float], labels: list[str], hover: list[str], top_px: int, **layout: object
) -> go.Figure:
    """One horizontal bar per region, ML's colour where ML earns more, AI's where AI does; built once."""
    bar = dict(
        type="bar",
        orientation="h",
        y=labels,
        x=values,
        marker=dict(color=[GAP_COLOURS["ML"] if v >= 0 else GAP_COLOURS["AI"] for v in values]),
        customdata=hover,
        hovertemplate="%{customdata}<extra></extra>",
    )
    base = dict(
        height=top_px + 60 + 56 * len(values),
        margin=dict(l=10, r=20, t=top_px, b=50),
        font=FONT,
        yaxis=dict(autorange="reversed"),
        showlegend=False,
    )
    return go.Figure(dict(data=[bar], layout={**base, **layout}))


def salary_gap_figure(gaps: pd.DataFrame) -> go.Figure:
    """ML Engineer's pay premium over AI Engineer at the band midpoint, in % so regions compare."""
    values = gaps["gap_midpoint_pct"].tolist()
    labels = [
        gap_row_label(f, c, format_signed_percent(v))
        for f, c, v in zip(gaps["flag"], gaps["country"], values, strict=True)
    ]
    hover = [
        plot_text(
            f"{c}: ML midpoint {format_money(m, cur)}, AI midpoint {format_money(a, cur)}: "
            f"ML {'pays more' if p > 0 else 'pays less' if p < 0 else 'pays the same'}"
        )
        for c, m, a, p, cur in zip(
            gaps["country"], gaps["ml_midpoint"], gaps["ai_midpoint"], values, gaps["currency"], strict=True
        )
    ]
    span = max([abs(v) for v in values] + [10])
    return _gap_figure(
        values,
        labels,
        hover,
        top_px=70,
        title=_two_line_title("ML − AI at the band midpoint", "% of the AI Engineer's midpoint"),
        xaxis=dict(
            title="ML vs AI, band midpoint",
            ticksuffix="%",
            range=[-span * 1.1, span * 1.1],
            zeroline=True,
            zerolinewidth=2,
            zerolinecolor="rgba(128,128,128,0.8)",
            gridcolor=GRID_COLOUR,
        ),
    )


# --- One scale for all regions (US$ or international $): see dashboard.rates -------------------------

UNIT_ROW_PX = 90


def _region_label(row: pd.Series) -> str:
    return plot_text(f"{row['flag']} {row['country']}")


def _local_band(low: float, high: float, currency: str) -> str:
    """The band as the article writes it, for India also in full: '₹10 LPA – ₹18 LPA (₹10,00,000 – …)'."""
    text = f"{format_money(low, currency)} – {format_money(high, currency)}"
    return f"{text} ({format_range(low, high, currency)})" if currency == "INR" else text


def _two_line_title(what: str, unit_title: str) -> dict:
    """What the chart shows, then its unit on a line of its own: one long line is cut off on a phone."""
    return dict(text=plot_text(what), subtitle=dict(text=plot_text(unit_title), font=dict(size=13)), x=0)


def _signed_ticks(values: list[float]) -> list[float]:
    """Round ticks covering negative and positive values alike, 0 included."""
    span = max([abs(v) for v in values] + [1.0])
    ticks = nice_ticks(span, count=2)
    return sorted({-t for t in ticks} | set(ticks)) if min(values, default=0) < 0 else ticks


def axis_tick(value: float, currency: str) -> str:
    """A tick on a one-currency axis: '$150k'; for international dollars just '150k', since the axis
    title names the unit and 'Int$150k' ticks turn sideways on a phone."""
    text = format_tick(value, currency)
    return text.removeprefix(INTERNATIONAL_DOLLAR) if currency == INTERNATIONAL_DOLLAR else text


def _signed_tick(value: float, currency: str) -> str:
    return ("−" if value < 0 else "+" if value > 0 else "") + axis_tick(abs(value), currency)


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
    labels = {code: _region_label(converted[converted["country_code"] == code].iloc[0]) for code in codes}
    traces: list[dict] = []
    # Plotly stacks a group's bars bottom-up; adding AI first puts the ML bar on top, as in local mode.
    for role in reversed(ROLES):
        rows = converted[converted["role"] == role]
        if rows.empty:
            continue
        hovers = [
            plot_text(f"{role} · {r.country}")
            + "<br>"
            + plot_text(f"{format_range(r.converted_min, r.converted_max, currency)} in {unit.label}")
            + "<br>"
            + plot_text(f"Local: {_local_band(r.salary_min, r.salary_max, r.currency)}")
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
            )
        )
    ticks = nice_ticks(float(converted["converted_max"].max()))
    # The title and its subtitle above the plot, the legend at the very bottom: above the plot the
    # legend ran into the subtitle on a phone.
    top_px, bottom_px = 80, 105
    layout = dict(
        title=_two_line_title("Annual salary bands", rates.unit_title(unit, converted)),
        barmode="group",
        height=UNIT_ROW_PX * len(codes) + top_px + bottom_px,
        margin=dict(l=10, r=20, t=top_px, b=bottom_px),
        legend=dict(
            orientation="h",
            yref="container",
            yanchor="bottom",
            y=0,
            x=0,
            xanchor="left",
            title=None,
            traceorder="reversed",
        ),
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
        yaxis=dict(categoryorder="array", categoryarray=[labels[c] for c in reversed(codes)]),
    )
    return go.Figure(dict(data=traces, layout=layout))


def salary_gap_unit_figure(gaps: pd.DataFrame, unit: rates.Unit) -> go.Figure:
    """ML − AI at the band midpoint in the chosen unit, regions in the gaps' order (largest ML lead first).

    Takes rates.gaps_in_unit output. In local mode money gaps do not compare across currencies,
    so the bars show the midpoint gap in %, as salary_gap_figure does.
    """
    if unit.is_local:
        return salary_gap_figure(gaps)
    currency = unit.currency
    values = gaps["gap_midpoint"].tolist()
    labels = [
        gap_row_label(f, c, f"{format_signed_amount(v, currency)} ({format_signed_percent(p)})")
        for f, c, v, p in zip(gaps["flag"], gaps["country"], values, gaps["gap_midpoint_pct"], strict=True)
    ]
    ticks = _signed_ticks(values)
    span = max(abs(t) for t in ticks)
    return _gap_figure(
        values,
        labels,
        [plot_text(s) for s in gaps["statement"]],
        top_px=70,
        title=_two_line_title("ML − AI at the band midpoint", rates.unit_title(unit, gaps)),
        xaxis=dict(
            title=plot_text(f"ML minus AI, {unit.label}"),
            range=[-span * 1.05, span * 1.05],
            tickvals=ticks,
            ticktext=[_signed_tick(t, currency) for t in ticks],
            gridcolor=GRID_COLOUR,
            zeroline=True,
            zerolinewidth=2,
            zerolinecolor="rgba(128,128,128,0.8)",
        ),
    )


def source_caption(
    years: object, fx_rates: pd.DataFrame | None = None, unit: rates.Unit | None = None
) -> str:
    """'Source: Whizlabs, ML Engineer vs AI Engineer on AWS (2026); rates: World Bank WDI 2025'.

    The years come from the data the chart draws; the rate's source from the fx_rates.csv rows used.
    """
    shown = sorted({int(y) for y in years})
    text = f"Source: {ARTICLE_SOURCE} ({', '.join(str(y) for y in shown)})"
    if fx_rates is not None and unit is not None and not unit.is_local:
        used = fx_rates[fx_rates["indicator"] == unit.indicator]
        names = {src.split(unit.indicator)[0].strip(" ,") for src in used["source"]}
        ys = sorted({int(y) for y in used["year"]})
        text += f"; rates: {', '.join(sorted(names))} {', '.join(str(y) for y in ys)}"
    return text
