"""Plotly charts that change in place (issue 17): a keyed Streamlit v2 component around one Plotly div.

st.plotly_chart hashes the figure into the element's id, so every changed figure is a new element:
the old chart is purged and a new one drawn from scratch. A keyed v2 component keeps its identity (its
key alone) across reruns, and Streamlit calls the component's JavaScript again on the same DOM node
with the new data, where Plotly.react diffs the new figure against the drawn one.

plotly.js itself is not in the repository: the Makefile builds it from the plotly.js npm package into
static/vendor/ (gitignored), which Streamlit's static serving ([server] enableStaticServing) serves at
app/static/vendor/. A chart whose figure did not change is not sent to the browser code again.

Tests read what a page sent with tests/pages_support.charts(at) (AppTest: an element of type
'bidi_component' named COMPONENT, whose proto.json holds the data below).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import plotly.io as pio
import streamlit as st

# Relative to the page, as the map's topojsonURL is, so that a server.baseUrlPath still works.
PLOTLY_JS_FILE = "plotly-dashboard-4.1.1.min.js"
PLOTLY_JS_URL = f"app/static/vendor/{PLOTLY_JS_FILE}"
COMPONENT = "dashboard_chart"

# Raw strings, not asset paths: an asset_dir needs an installed package. They travel in every chart's
# message, so they stay small (a few kB); plotly.js is fetched once per page by the browser.
_render = st.components.v2.component(
    COMPONENT,
    js=Path(__file__).with_suffix(".js").read_text(encoding="utf-8"),  # chart.py -> chart.js
    css=Path(__file__).with_suffix(".css").read_text(encoding="utf-8"),
    isolate_styles=False,  # plotly.js styles the page's document, not a shadow root
)


def chart(figure: Any, key: str, alt: str, config: dict | None = None) -> None:
    """A Plotly chart as every page draws one: full width, described for screen readers, no logo.

    `key` is the chart's identity across reruns: the same key redraws the same node in place.
    """
    _render(
        key=key,
        data={
            # As st.plotly_chart sends it (plotly.io.to_json handles numpy and pandas values).
            "spec": pio.to_json(figure, validate=False),
            "config": {"displaylogo": False, **(config or {})},
            "alt": alt,
            "plotly": PLOTLY_JS_URL,
        },
        width="stretch",
        height="content",
    )
