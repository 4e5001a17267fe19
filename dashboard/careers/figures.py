"""Figures for the careers and 'Which role fits you?' pages, and their screen-reader descriptions."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.core.chart_style import FONT, GRID_COLOUR, plot_text, wrap_label
from dashboard.core.domain import AI, ML, ROLE_COLOURS, ROLES, SHARED_COLOUR

SHARED_LABEL = "Both roles"
TICKS = [0, 25, 50, 75, 100]
ROLE_X = 0.22


def coverage_figure(cover: pd.DataFrame) -> go.Figure:
    """One bar per role: the percent of its skills chosen, labelled 'have of total'."""
    labels = [plot_text(r) for r in cover["role"]]
    fig = go.Figure(
        go.Bar(
            x=cover["percent"].tolist(),
            y=labels,
            orientation="h",
            marker=dict(color=[ROLE_COLOURS.get(r, SHARED_COLOUR) for r in cover["role"]]),
            text=[f"{p:.0f}% · {h} of {t}" for p, h, t in zip(cover["percent"], cover["have"], cover["total"],
                                                              strict=True)],
            textposition="outside",
            cliponaxis=False,
            customdata=list(zip(cover["have"].tolist(), cover["total"].tolist(), strict=True)),
            hovertemplate="<b>%{y}</b><br>%{customdata[0]} of %{customdata[1]} skills (%{x:.1f}%)"
            "<extra></extra>",
        )
    )  # fmt: skip
    fig.update_layout(
        xaxis=dict(range=[0, 125], tickvals=TICKS, ticktext=[f"{v}%" for v in TICKS], gridcolor=GRID_COLOUR,
                   fixedrange=True, title=None),
        yaxis=dict(autorange="reversed", fixedrange=True, title=None),
        height=90 + 60 * len(cover),
        margin=dict(l=0, r=10, t=10, b=10),
        font=FONT,
        showlegend=False,
        plot_bgcolor="rgba(0,0,0,0)",
    )  # fmt: skip
    return fig


def _spread(count: int) -> list[float]:
    """`count` positions evenly from top (1) to bottom (0)."""
    return [1.0] if count == 1 else [1 - i / (count - 1) for i in range(count)]


def career_paths_figure(paths: pd.DataFrame) -> go.Figure:
    """Two columns: the roles on the left, careers on the right, a line from each role to each career
    it leads to; careers both roles lead to are drawn in the shared colour, between the two roles' own.

    `paths` is careers.career_paths(): career, ml, ai, shared, ordered ML only, shared, AI only.
    """
    career_y = dict(zip(paths["career"], _spread(len(paths)), strict=True))
    role_y = {ML: 0.8, AI: 0.2}
    fig = go.Figure()
    for role, column in ((ML, "ml"), (AI, "ai")):
        targets = paths.loc[paths[column], "career"].tolist()
        xs: list[float | None] = []
        ys: list[float | None] = []
        for career in targets:
            xs += [ROLE_X, 1, None]
            ys += [role_y[role], career_y[career], None]
        fig.add_trace(
            go.Scatter(
                x=xs, y=ys, mode="lines", name=plot_text(role), hoverinfo="skip", showlegend=False,
                line=dict(color=ROLE_COLOURS[role], width=2),
                customdata=[plot_text(c) for c in targets],
            )
        )  # fmt: skip
    owner = [
        SHARED_LABEL if shared else (ML if ml else AI)
        for shared, ml in zip(paths["shared"], paths["ml"], strict=True)
    ]
    fig.add_trace(
        go.Scatter(
            x=[1] * len(paths),
            y=[career_y[c] for c in paths["career"]],
            mode="markers+text",
            name="Careers",
            # 24 characters a line: 'Business intelligence developer' on two lines, not three.
            text=[wrap_label(plot_text(c), 24) for c in paths["career"]],
            textposition="middle right",
            marker=dict(size=14, color=[ROLE_COLOURS.get(o, SHARED_COLOUR) for o in owner],
                        line=dict(width=1, color="white")),
            customdata=[[plot_text(c), plot_text(o)] for c, o in zip(paths["career"], owner, strict=True)],
            hovertemplate="<b>%{customdata[0]}</b><br>From: %{customdata[1]}<extra></extra>",
            showlegend=False,
        )
    )  # fmt: skip
    fig.add_trace(
        go.Scatter(
            x=[ROLE_X, ROLE_X],
            y=[role_y[ML], role_y[AI]],
            mode="markers+text",
            name="Roles",
            # On two lines above the dot, so the name stays clear of the lines and of a phone's edge.
            text=[f"<b>{wrap_label(plot_text(r), 4)}</b>" for r in ROLES],
            textposition="top center",
            marker=dict(size=22, color=[ROLE_COLOURS[r] for r in ROLES]),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    if paths["shared"].any():
        # A band behind the shared careers groups them, so "shared" does not rest on colour alone.
        ys = [career_y[c] for c in paths.loc[paths["shared"], "career"]]
        half_step = 0.5 / max(len(paths) - 1, 1)
        fig.add_shape(
            type="rect", x0=0.94, x1=2.4, y0=min(ys) - half_step, y1=max(ys) + half_step,
            fillcolor=SHARED_COLOUR, opacity=0.12, line_width=0, layer="below",
        )  # fmt: skip
    # Legend-only markers: what each career colour means.
    for label, colour in (
        (f"{ML} only", ROLE_COLOURS[ML]),
        (SHARED_LABEL, SHARED_COLOUR),
        (f"{AI} only", ROLE_COLOURS[AI]),
    ):
        fig.add_trace(
            go.Scatter(x=[None], y=[None], mode="markers", name=plot_text(label),
                       marker=dict(size=12, color=colour), hoverinfo="skip")
        )  # fmt: skip
    axis = dict(visible=False, fixedrange=True)
    fig.update_layout(
        xaxis=dict(range=[-0.05, 2.4], **axis),
        yaxis=dict(range=[-0.08, 1.1], **axis),
        height=max(340, 46 * len(paths) + 110),
        margin=dict(l=0, r=0, t=10, b=0),
        font=FONT,
        legend=dict(orientation="h", yanchor="top", y=0, x=0),
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return fig


def coverage_alt(cover: pd.DataFrame) -> str:
    """'Your skills cover 3% of the ML Engineer's skills (2 of 63) and 5% of the AI Engineer's (3 of 57).'"""
    rows = cover[["role", "have", "total", "percent"]].itertuples(index=False)
    parts = [f"{p:.0f}% of the {r}'s skills ({h} of {t})" for r, h, t, p in rows]
    return "Bar chart: your skills cover " + " and ".join(parts) + "."


def career_paths_alt(paths: pd.DataFrame) -> str:
    """Careers per role as the diagram draws them, shared ones named as shared."""

    def names(mask: pd.Series) -> str:
        chosen = paths.loc[mask, "career"].tolist()
        return ", ".join(chosen) if chosen else "none"

    return (
        f"Career paths. Only from the {ML}: {names(paths['ml'] & ~paths['shared'])}. "
        f"From both roles: {names(paths['shared'])}. "
        f"Only from the {AI}: {names(paths['ai'] & ~paths['shared'])}."
    )
