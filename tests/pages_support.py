"""Opening pages through AppTest, and reading what they drew or offered for download."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest


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


def plotly_traces(at: AppTest, index: int = 0) -> list[dict]:
    return json.loads(at.get("plotly_chart")[index].proto.spec)["data"]


def article_traces(at: AppTest, index: int = 0) -> list[dict]:
    """The salary chart's traces of the article's bands, without the survey's rows under them."""
    return [t for t in plotly_traces(at, index) if "survey" not in t.get("name", "")]


def metric_values(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}
