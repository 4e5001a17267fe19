"""Opening pages through AppTest, and reading what they drew or offered for download."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from dashboard.app.chart import COMPONENT as CHART_COMPONENT


def read_csv(raw: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", keep_default_na=False)


APP = str(Path(__file__).resolve().parent.parent / "app.py")


def open_page(page: str, regions: list[str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    if page != "pages/overview.py":
        at.switch_page(page).run()
    if regions is not None:
        at.pills(key="region").set_value(regions).run()
    return at


@dataclass(frozen=True)
class SentChart:
    """One chart as the page sent it (what st.plotly_chart's proto held): the figure and Plotly's config,
    each as JSON, the alt text, and the element's id."""

    spec: str
    config: str
    alt: str
    id: str


def charts(at: AppTest) -> list[SentChart]:
    """The page's charts in page order. AppTest shows dashboard/app/chart.py's component as an element of
    type 'bidi_component' whose proto carries the component's name and its data as JSON."""
    sent = []
    for element in at.get("bidi_component"):
        if element.proto.component_name == CHART_COMPONENT:
            data = json.loads(element.proto.json)
            sent.append(SentChart(data["spec"], json.dumps(data["config"]), data["alt"], element.proto.id))
    return sent


def plotly_traces(at: AppTest, index: int = 0) -> list[dict]:
    return json.loads(charts(at)[index].spec)["data"]


def article_traces(at: AppTest, index: int = 0) -> list[dict]:
    """The salary chart's traces of the article's bands, without the survey's rows under them."""
    return [t for t in plotly_traces(at, index) if "survey" not in t.get("name", "")]


def metric_values(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}
