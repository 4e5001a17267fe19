"""The plotly.js bundle (build/plotly/entry.js) registers every trace type the figures draw: a new
go.Heatmap in a figure without its line in entry.js would draw nothing in the browser."""

from __future__ import annotations

import re
from pathlib import Path

import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType

ROOT = Path(__file__).resolve().parents[2]
CORE = {"scatter"}  # plotly.js/lib/core always has scatter
TRACE_TYPES = {
    n.lower()
    for n in dir(go)
    if isinstance(getattr(go, n), type) and issubclass(getattr(go, n), BaseTraceType)
}


def drawn_trace_types() -> set[str]:
    types: set[str] = set()
    for path in (ROOT / "dashboard").rglob("*figures*.py"):
        text = path.read_text(encoding="utf-8")
        types |= {name.lower() for name in re.findall(r"\bgo\.([A-Z][a-z]+)\(", text)}
        types |= set(re.findall(r"""\btype\s*=\s*["']([a-z]+)["']""", text))  # dict(type="bar", ...)
    return types & TRACE_TYPES  # not go.Figure, nor axis types ("category") or shapes ("circle")


def bundled_trace_types() -> set[str]:
    entry = (ROOT / "build" / "plotly" / "entry.js").read_text(encoding="utf-8")
    return CORE | set(re.findall(r"""require\(["']plotly\.js/lib/([a-z]+)["']\)""", entry)) - {"core"}


def test_every_trace_type_the_figures_draw_is_in_the_bundle():
    drawn = drawn_trace_types()
    assert {"bar", "box", "choropleth", "scatter"} <= drawn  # the scan finds them at all
    assert drawn <= bundled_trace_types(), drawn - bundled_trace_types()
