"""Figures for skills and AWS services: the two-circle Venn and the service-by-role dot matrix."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.chart_style import FONT, plot_text
from dashboard.domain import AI, ML, ROLE_COLOURS, SHARED_COLOUR
from dashboard.skills import SkillSets

SKILLS_PER_HOVER_LINE = 3


def _hover_list(names: list[str]) -> str:
    """Skill names a few to a line, so a long list still fits on screen."""
    if not names:
        return "(none)"
    lines = [names[i : i + SKILLS_PER_HOVER_LINE] for i in range(0, len(names), SKILLS_PER_HOVER_LINE)]
    return "<br>".join(" · ".join(plot_text(n) for n in line) for line in lines)


def skills_venn_figure(sets: SkillSets) -> go.Figure:
    """Two overlapping circles with the count of skills in each region; hover lists the skills.

    Plotly has no Venn trace: the circles are layout shapes, the counts a text trace on top.
    """
    radius, offset = 1.0, 0.62
    fig = go.Figure()
    for role, centre in ((ML, -offset), (AI, offset)):
        fig.add_shape(
            type="circle",
            x0=centre - radius,
            x1=centre + radius,
            y0=-radius,
            y1=radius,
            fillcolor=ROLE_COLOURS[role],
            opacity=0.28,
            line=dict(color=ROLE_COLOURS[role], width=3),
            layer="below",
        )
    regions = [
        (f"{ML} only", sets.ml_only, -offset - 0.45),
        ("Both roles", sets.both, 0.0),
        (f"{AI} only", sets.ai_only, offset + 0.45),
    ]
    fig.add_trace(
        go.Scatter(
            x=[x for _, _, x in regions],
            y=[0, 0, 0],
            mode="text",
            text=[f"<b>{len(names)}</b>" for _, names, _ in regions],
            textfont=dict(size=34),  # the theme's text colour, legible in light and dark
            customdata=[[label, len(names)] for label, names, _ in regions],
            hovertext=[
                f"<b>{label}: {len(names)}</b><br>{_hover_list(names)}" for label, names, _ in regions
            ],
            hoverinfo="text",
            showlegend=False,
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[-offset - 0.35, offset + 0.35],
            y=[radius + 0.18, radius + 0.18],
            mode="text",
            text=[f"<b>{ML}</b>", f"<b>{AI}</b>"],
            textfont=dict(size=17, color=[ROLE_COLOURS[ML], ROLE_COLOURS[AI]]),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.add_annotation(
        x=0, y=-radius - 0.15, text="shared", showarrow=False, font=dict(size=14, color=SHARED_COLOUR)
    )
    axis = dict(visible=False, fixedrange=True)
    fig.update_layout(
        xaxis=dict(range=[-offset - radius - 0.1, offset + radius + 0.1], **axis),
        yaxis=dict(range=[-radius - 0.3, radius + 0.35], scaleanchor="x", scaleratio=1, **axis),
        height=380,
        margin=dict(l=0, r=0, t=10, b=0),
        font=FONT,
        hoverlabel=dict(align="left"),
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return fig


def wrap_label(text: str, width: int = 22) -> str:
    """Break a long axis label onto lines of about `width` characters, so phones keep room for the dots."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def _row_label(service: str) -> str:
    return wrap_label(plot_text(service))


def _family_label(family: str) -> str:
    return f"<b>{plot_text(family.upper())}</b>"


def service_usage_figure(usage: pd.DataFrame, grouped_by_family: bool = True) -> go.Figure:
    """A dot per service and role sized by how many article sections name it; shared services bridged.

    `usage` comes from skills.service_usage, already sorted. With grouped_by_family each family gets
    a header row above its services (a two-level axis would eat a phone's width).
    """
    rows_in_order: list[str] = []
    for family, group in usage.groupby("family", sort=False) if grouped_by_family else [(None, usage)]:
        if family is not None:
            rows_in_order.append(_family_label(family))
        rows_in_order += [_row_label(s) for s in group["service"]]
    # An invisible first trace fixes the row order (Plotly orders categories by first appearance)
    # and keeps every row on the axis, headers and services without a dot included.
    fig = go.Figure(
        go.Scatter(
            x=[ML] * len(rows_in_order),
            y=rows_in_order,
            mode="markers",
            marker_opacity=0,
            hoverinfo="skip",
            showlegend=False,
        )
    )
    shared = usage[usage["used_by"] == "both"]
    if not shared.empty:
        fig.add_trace(
            go.Scatter(
                x=[x for _ in range(len(shared)) for x in (ML, AI, None)],
                y=[y for s in shared["service"] for y in (_row_label(s), _row_label(s), None)],
                mode="lines",
                line=dict(color=SHARED_COLOUR, width=6),
                opacity=0.55,
                name="Used by both roles",
                hoverinfo="skip",
            )
        )
    for role, prefix in ((ML, "ml"), (AI, "ai")):
        rows = usage[usage[f"{prefix}_sections_count"] > 0]
        counts = rows[f"{prefix}_sections_count"].tolist()
        fig.add_trace(
            go.Scatter(
                x=[role] * len(rows),
                y=[_row_label(s) for s in rows["service"]],
                mode="markers+text",
                name=role,
                marker=dict(size=[14 + 9 * c for c in counts], color=ROLE_COLOURS[role], opacity=1),
                text=[str(c) for c in counts],
                textfont=dict(color="white", size=13),
                customdata=[
                    [plot_text(s), c, plot_text(sec)]
                    for s, c, sec in zip(rows["service"], counts, rows[f"{prefix}_sections"], strict=True)
                ],
                hovertemplate=(
                    f"<b>%{{customdata[0]}}</b> · {role}<br>named in %{{customdata[1]}} section(s): "
                    "%{customdata[2]}<extra></extra>"
                ),
            )
        )
    fig.update_layout(
        height=120 + 36 * len(rows_in_order),
        margin=dict(l=10, r=10, t=50, b=10),
        font=FONT,
        xaxis=dict(
            side="top",
            tickvals=[ML, AI],
            ticktext=[r.replace(" ", "<br>") for r in (ML, AI)],
            range=[-0.6, 1.6],
            fixedrange=True,
        ),
        yaxis=dict(autorange="reversed", fixedrange=True, gridcolor="rgba(128,128,128,0.2)"),
        legend=dict(orientation="h", yanchor="top", y=-0.01, x=0),
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return fig
