"""The survey's rows in the salary chart: under each article band, the survey's p25–p75 for the same country
and role (a light bar) and its median (a mark), n in the row's label, thin cells fainter.

The rows come from salaries.market.beside_bands (survey_* columns, already in the chart's unit).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from dashboard.core.chart_style import plot_text, rgba
from dashboard.core.domain import ROLE_COLOURS
from dashboard.core.money import format_money

SURVEY_SUFFIX = " · survey"
SURVEY_ALPHA, THIN_ALPHA = 0.45, 0.15


def survey_row(label: str) -> str:
    """The category of the survey's row under a band's row."""
    return f"{label}{SURVEY_SUFFIX}"


def has_survey(band) -> bool:
    n = getattr(band, "survey_n", 0)
    return bool(n) and not math.isnan(getattr(band, "survey_p50", math.nan))


def survey_top(band) -> float:
    """How far right the axis must reach for the survey's bar (0 without one). A thin cell (a handful of
    answers, India's six ML Engineers at ₹55 LPA) does not stretch the axis, or it would squeeze the
    article's bands into slivers; its bar runs off the edge and the hover and table give its figures."""
    return float(band.survey_p75) if has_survey(band) and not band.survey_thin else 0.0


def _n_text(band) -> str:
    return f"n = {band.survey_n:,}" + (" (thin)" if band.survey_thin else "")


def survey_traces(
    bands: Sequence,
    rows: Sequence[str],
    currency: str,
    xaxis: str,
    yaxis: str,
    legend: bool,
    group: bool = False,
) -> list[dict]:
    """A light p25–p75 bar and a median mark for each band (all of one role), on the given rows."""
    if not bands:
        return []
    role = bands[0].role
    colour = ROLE_COLOURS[role]
    hovers = [
        plot_text(f"{role} · {b.country} · the survey")
        + "<br>"
        + plot_text(
            f"median {format_money(b.survey_p50, currency)}, p25–p75 "
            f"{format_money(b.survey_p25, currency)} – {format_money(b.survey_p75, currency)}, {_n_text(b)}"
        )
        for b in bands
    ]
    common = dict(
        y=list(rows), xaxis=xaxis, yaxis=yaxis, legendgroup=f"survey-{role}", hovertext=hovers,
        hovertemplate="%{hovertext}<extra></extra>", showlegend=legend,
        customdata=[[b.survey_n, b.survey_p25, b.survey_p50, b.survey_p75, b.country_code] for b in bands],
        **({"offsetgroup": role} if group else {}),
    )  # fmt: skip
    bar = dict(
        type="bar",
        orientation="h",
        name=f"{role}, survey p25–p75 and median",
        base=[b.survey_p25 for b in bands],
        x=[round(b.survey_p75 - b.survey_p25, 2) for b in bands],
        marker=dict(
            color=[rgba(colour, THIN_ALPHA if b.survey_thin else SURVEY_ALPHA) for b in bands],
            line=dict(color=colour, width=1.5),
        ),
        **common,
    )
    median = dict(
        type="scatter",
        mode="markers",
        name=f"{role}, survey median",
        x=[b.survey_p50 for b in bands],
        marker=dict(symbol="line-ns", size=22, line=dict(width=4, color=colour)),
        **(common | {"showlegend": False}),  # the bar's legend entry names the mark too
    )
    return [bar, median]


def row_labels(order: Sequence[str], bands: Iterable, codes: Sequence[str] | None = None) -> dict:
    """Tick labels for a chart's rows: a band's row as it is, a survey row as 'survey, n = 5,340'
    (local panels, one role a row) or 'survey, n = 5,340 / 565' (one axis, ML / AI in a region's row)."""
    by_row: dict[str, list] = {}
    for b in bands:
        if has_survey(b):
            key = b.role if codes is None else b.country_code
            by_row.setdefault(key, []).append(b)
    text = []
    for row in order:
        if not row.endswith(SURVEY_SUFFIX):
            text.append(row)
            continue
        base = row.removesuffix(SURVEY_SUFFIX)
        if codes is None:
            cells = by_row.get(base, [])
        else:
            cells = next((v for k, v in by_row.items() if base.endswith(plot_text(v[0].country))), [])
        ns = " / ".join(f"{c.survey_n:,}" for c in sorted(cells, key=lambda c: c.role != "ML Engineer"))
        thin = any(c.survey_thin for c in cells)
        text.append(f"<i>survey, n = {ns}</i>" + (" (thin)" if thin else ""))
    return dict(tickmode="array", tickvals=list(order), ticktext=text)
