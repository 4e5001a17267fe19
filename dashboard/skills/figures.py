"""Figures for skills and AWS services: the two-circle Venn and the service-by-role dot matrix, with their
alt text."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.core.chart_style import (
    FONT,
    LARGE_BOLD_PX,
    TEXT_ON_ROLE,
    plot_text,
    two_line_title,
    wrap_label,
)
from dashboard.core.domain import AI, ML, ROLE_COLOURS, SHARED_COLOUR
from dashboard.core.text import shorten
from dashboard.skills.sets import SkillSets

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
            textfont=dict(size=LARGE_BOLD_PX, color=[ROLE_COLOURS[ML], ROLE_COLOURS[AI]]),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.add_annotation(x=0, y=-radius - 0.15, text="<b>shared</b>", showarrow=False, font=dict(size=14))
    axis = dict(visible=False, fixedrange=True)
    fig.update_layout(
        xaxis=dict(range=[-offset - radius - 0.1, offset + radius + 0.1], **axis),
        yaxis=dict(range=[-radius - 0.3, radius + 0.35], scaleanchor="x", scaleratio=1, **axis),
        title=two_line_title("Skills the article names per role", "Number of skills"),
        height=440,
        margin=dict(l=0, r=0, t=70, b=0),
        font=FONT,
        hoverlabel=dict(align="left"),
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return fig


MAX_SERVICE_LABEL_CHARS = 60


def _row_label(service: str) -> str:
    """A row's label, wrapped; a very long name shortened (the hover keeps it whole)."""
    return wrap_label(plot_text(shorten(service, MAX_SERVICE_LABEL_CHARS)))


def _family_label(family: str) -> str:
    return f"<b>{plot_text(family.upper())}</b>"


def service_usage_figure(usage: pd.DataFrame, grouped_by_family: bool = True) -> go.Figure:
    """A dot per service and role sized by how many article sections name it; shared services bridged.

    `usage` comes from sets.service_usage, already sorted. With grouped_by_family each family gets
    a header row above its services (a two-level axis would eat a phone's width). Rows are numbers
    on the y-axis, named by its tick labels: no invisible trace is needed to keep the order or the
    header rows, and the figure is built once from plain dicts.
    """
    labels: list[str] = []
    row_of: dict[int, int] = {}  # position in usage -> row on the axis
    current_family = None
    for i, (family, service) in enumerate(zip(usage["family"], usage["service"], strict=True)):
        if grouped_by_family and family != current_family:
            labels.append(_family_label(family))
            current_family = family
        row_of[i] = len(labels)
        labels.append(_row_label(service))
    ml_counts = usage["ml_sections_count"].tolist()
    ai_counts = usage["ai_sections_count"].tolist()
    services = usage["service"].tolist()
    traces: list[dict] = []
    shared = [i for i, (m, a) in enumerate(zip(ml_counts, ai_counts, strict=True)) if m and a]
    if shared:
        traces.append(
            dict(
                type="scatter",
                x=[x for _ in shared for x in (ML, AI, None)],
                y=[y for i in shared for y in (row_of[i], row_of[i], None)],
                mode="lines",
                line=dict(color=SHARED_COLOUR, width=6),
                opacity=0.55,
                name="Used by both roles",
                hoverinfo="skip",
            )
        )
    for role, prefix, counts in ((ML, "ml", ml_counts), (AI, "ai", ai_counts)):
        sections = usage[f"{prefix}_sections"].tolist()
        used = [i for i, c in enumerate(counts) if c > 0]
        traces.append(
            dict(
                type="scatter",
                x=[role] * len(used),
                y=[row_of[i] for i in used],
                mode="markers+text",
                name=role,
                marker=dict(size=[14 + 9 * counts[i] for i in used], color=ROLE_COLOURS[role], opacity=1),
                text=[str(counts[i]) for i in used],
                textfont=dict(color=TEXT_ON_ROLE[role], size=13),
                customdata=[[plot_text(services[i]), counts[i], plot_text(sections[i])] for i in used],
                hovertemplate=(
                    f"<b>%{{customdata[0]}}</b> · {role}<br>named in %{{customdata[1]}} section(s): "
                    "%{customdata[2]}<extra></extra>"
                ),
            )
        )
    layout = dict(
        title=two_line_title(
            "AWS services named per role", "Dot size and number: article sections naming it"
        ),
        height=140 + 36 * len(labels),
        margin=dict(l=10, r=10, t=110, b=10),
        font=FONT,
        xaxis=dict(
            type="category",
            side="top",
            tickvals=[ML, AI],
            ticktext=[r.replace(" ", "<br>") for r in (ML, AI)],
            range=[-0.6, 1.6],
            fixedrange=True,
        ),
        # Reversed: the first row on top, half a row of room above it, so the role names sit just
        # above the first row rather than far above it.
        yaxis=dict(
            tickmode="array",
            tickvals=list(range(len(labels))),
            ticktext=labels,
            range=[len(labels) - 0.5, -0.6],
            zeroline=False,
            fixedrange=True,
            gridcolor="rgba(128,128,128,0.2)",
        ),
        legend=dict(orientation="h", yanchor="top", y=-0.01, x=0),
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return go.Figure(dict(data=traces, layout=layout))


def venn_alt(sets: SkillSets) -> str:
    return (
        f"Venn diagram of skills: {len(sets.ml_only)} only for ML Engineers, {len(sets.both)} shared, "
        f"{len(sets.ai_only)} only for AI Engineers."
    )


def service_usage_alt(view: pd.DataFrame) -> str:
    shared = view.loc[view["used_by"] == "both", "service"].tolist()
    return (
        f"{len(view)} AWS services by role, sized by how many article sections name them. "
        f"Used by both roles: {', '.join(shared) if shared else 'none'}."
    )
