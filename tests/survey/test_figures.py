"""The survey figure: its traces carry the survey's numbers and the article's band, data text escaped."""

from __future__ import annotations

import pandas as pd

from dashboard.salaries import files as salary_files
from dashboard.survey import aggregate
from dashboard.survey import figures as survey_figures
from tests.survey_support import line, load, summary


def test_figure_traces_carry_the_survey_numbers_and_the_articles_band(title_map):
    lines = [line(usd=v) for v in range(100_000, 160_000, 1_000)]  # 60 US ML answers
    lines += [line("AI Engineer", v, "GB", currency="GBP", salary=v) for v in (40_000, 50_000, 60_000)]
    table = summary(load(title_map, *lines), rates={"GBP": 0.8})
    article = aggregate.article_bands_usd(salary_files.parse_salaries(), {"GBP": 0.8})
    fig = survey_figures.survey_bands_figure(table, article)
    boxes = {t.name: t for t in fig.data if t.type == "box"}
    us = table.set_index("country_code").loc["US"]
    ml = boxes["ML Engineer"]
    assert (ml.lowerfence[0], ml.q1[0], ml.median[0], ml.q3[0], ml.upperfence[0]) == tuple(
        us[["p10", "p25", "p50", "p75", "p90"]]
    )
    assert ml.y[0] == "🇺🇸 United States · ML Engineer"
    thin = boxes["AI Engineer (thin, n < 30)"]
    assert thin.opacity < ml.opacity
    labels = next(t for t in fig.data if t.name == "n")
    assert "  n = 60" in labels.text and "  n = 3 (thin)" in labels.text
    band = next(t for t in fig.data if t.name == survey_figures.ARTICLE_NAME)
    assert list(band.x) == [150_000, 240_000, None, 43_000 / 0.8, 77_000 / 0.8, None]
    alt = survey_figures.survey_bands_alt(table, article)
    assert "United States, ML Engineer: median $129,500" in alt and "n = 3 (thin)" in alt
    assert "the article says $150,000 to $240,000" in alt


def test_figure_escapes_data_text():
    table = pd.DataFrame(
        {"country_code": ["US"], "country": ["<b>Evil</b>"], "flag": [""], "role": ["ML Engineer"], "n": [40],
         "thin": [False], "p10": [1.0], "p25": [2.0], "p50": [3.0], "p75": [4.0], "p90": [5.0]}
    )  # fmt: skip
    fig = survey_figures.survey_bands_figure(table)
    assert fig.data[0].y[0] == " &lt;b&gt;Evil&lt;/b&gt; · ML Engineer"
