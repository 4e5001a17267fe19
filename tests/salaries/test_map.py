"""Figures on one scale and the world map: the numbers in the traces, one axis, one location per region."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.core import chart_style, listing
from dashboard.salaries import band_figures, gap_figures, map_figures, rates
from dashboard.salaries import files as salary_files
from dashboard.salaries import gaps as role_gaps

STATIC = Path(__file__).resolve().parents[2] / "static" / "topojson"


@pytest.fixture
def salaries(data_dir):
    return salary_files.parse_salaries()


@pytest.fixture
def fx(salaries):
    return salary_files.parse_fx_rates(salaries)


@pytest.mark.parametrize(("unit", "prefix"), [(rates.USD, "$"), (rates.PPP, "")], ids=["usd", "ppp"])
def test_every_region_shares_one_axis_carrying_the_converted_numbers(salaries, fx, unit, prefix):
    converted = rates.convert_salaries(salaries, fx, unit)
    fig = band_figures.salary_figure(converted, unit)
    assert {t.xaxis for t in fig.data} == {None}, "every trace on the one x-axis"
    assert "xaxis2" not in fig.layout.to_plotly_json()
    assert [t.name for t in fig.data] == ["AI Engineer", "ML Engineer"]
    for trace in fig.data:
        rows = converted[converted["role"] == trace.name]
        assert list(trace.base) == rows["converted_min"].tolist()
        ends = [round(b + x, 2) for b, x in zip(trace.base, trace.x, strict=True)]
        assert ends == rows["converted_max"].tolist()
        assert len(set(trace.y)) == 5
    ticks = list(fig.layout.xaxis.ticktext)
    assert ticks[0] == f"{prefix}0" and ticks[-1] == f"{prefix}250k"
    assert unit.label in fig.layout.xaxis.title.text
    assert fig.layout.title.subtitle.text == rates.unit_title(unit, converted)
    assert "World Bank 2025" in fig.layout.title.subtitle.text


def test_india_and_the_uk_on_one_axis_at_market_rates(salaries, fx):
    view = listing.filter_regions(salaries, ["GB", "IN"])
    fig = band_figures.salary_figure(rates.convert_salaries(view, fx, rates.USD), rates.USD)
    ml = next(t for t in fig.data if t.name == "ML Engineer")
    assert list(ml.y) == ["🇬🇧 United Kingdom", "🇮🇳 India"]
    assert list(ml.base) == [46_084.53, 11_473.36]
    assert list(ml.text) == ["$46k–$105k", "$11k–$21k"]
    assert "Local: ₹10 LPA – ₹18 LPA (₹10,00,000 – ₹18,00,000)" in ml.hovertext[1]
    assert "INR 87.1584483507393 per US$ (World Bank WDI PA.NUS.FCRF, 2025)" in ml.hovertext[1]


def test_local_mode_keeps_one_panel_per_currency(salaries, fx):
    converted = rates.convert_salaries(salaries, fx, rates.LOCAL)
    fig = band_figures.salary_figure(converted, rates.LOCAL)
    assert len({t.xaxis for t in fig.data}) == 5
    assert fig.layout.xaxis2.ticktext[-1] == "CA$200k"


def test_gap_figure_in_the_unit_is_sorted_by_gap(salaries, fx):
    gaps = role_gaps.salary_gaps(rates.convert_salaries(salaries, fx, rates.PPP))
    fig = gap_figures.salary_gap_figure(gaps, rates.PPP)
    bar = fig.data[0]
    assert [y.split("<br>")[0] for y in bar.y] == [
        "🇮🇳 India", "🇨🇦 Canada", "🇺🇸 United States", "🇬🇧 United Kingdom", "🇦🇺 Australia",
    ]  # fmt: skip
    assert list(bar.x) == gaps["gap_midpoint"].tolist()
    assert bar.y[0] == "🇮🇳 India<br><b>+Int$29,868 (+75.0%)</b>"
    assert bar.y[-1] == "🇦🇺 Australia<br><b>−Int$14,297 (−11.8%)</b>"
    assert bar.customdata[-1].startswith("In Australia an AI Engineer earns more")
    assert fig.layout.xaxis.ticktext[0] == "−40k" and "International $" in fig.layout.xaxis.title.text
    local = role_gaps.salary_gaps(rates.convert_salaries(salaries, fx, rates.LOCAL))
    assert list(gap_figures.salary_gap_figure(local, rates.LOCAL).data[0].x) == [
        75.0,
        10.3,
        8.3,
        -4.2,
        -11.8,
    ]


def test_map_colours_exactly_one_location_per_chosen_region(salaries, fx):
    view = listing.filter_regions(salaries, ["GB", "IN", "CA"])
    fig = map_figures.salary_map_figure(view, fx, "ML Engineer", rates.PPP)
    [trace] = fig.data
    assert trace.type == "choropleth" and trace.locationmode == "ISO-3"
    assert list(trace.locations) == ["CAN", "GBR", "IND"]
    converted = rates.convert_salaries(view[view["role"] == "ML Engineer"], fx, rates.PPP)
    assert list(trace.z) == converted["converted_midpoint"].tolist()
    assert list(trace.z)[2] == pytest.approx((49_779.41 + 89_602.93) / 2)
    india = trace.hovertext[2]
    assert "Band: ₹10 LPA – ₹18 LPA (₹10,00,000 – ₹18,00,000)" in india
    assert "In International $ (PPP): Int$49,779 – Int$89,603" in india
    assert "INR 20.0886288014602 per international $" in india
    assert trace.colorbar.ticktext[0] == "Int$0"


def test_map_in_local_mode_colours_in_us_dollars(salaries, fx):
    fig = map_figures.salary_map_figure(salaries, fx, "AI Engineer", rates.LOCAL)
    [trace] = fig.data
    assert len(trace.locations) == 5
    assert trace.z[list(trace.locations).index("USA")] == 180_000
    assert "US$ at market exchange rates" in fig.layout.title.subtitle.text
    assert map_figures.map_unit(rates.LOCAL) is rates.USD


def test_map_text_reaches_plotly_escaped(salaries, fx):
    salaries.loc[salaries["country_code"] == "GB", "country"] = "<b>Evil</b>"
    fig = map_figures.salary_map_figure(salaries, fx, "ML Engineer", rates.USD)
    assert "<b>" not in "".join(fig.data[0].hovertext)
    assert "&lt;b&gt;Evil" in "".join(fig.data[0].hovertext)


def test_the_map_outline_ships_with_the_app():
    topology = json.loads((STATIC / "world_110m.json").read_text(encoding="utf-8"))
    assert topology["type"] == "Topology" and "countries" in topology["objects"]
    assert chart_style.MAP_CONFIG == {"topojsonURL": "app/static/topojson/"}


def test_alt_texts_carry_the_converted_numbers(salaries, fx):
    converted = rates.convert_salaries(listing.filter_regions(salaries, ["IN"]), fx, rates.USD)
    assert "India: AI Engineer $6,884 to $11,473; ML Engineer $11,473 to $20,652" in (
        band_figures.salary_bands_alt(converted, rates.USD)
    )
    gaps = role_gaps.salary_gaps(rates.convert_salaries(salaries, fx, rates.PPP))
    assert "Australia −Int$14,297 (−11.8%)" in gap_figures.salary_gap_alt(gaps, rates.PPP)
    assert "India Int$69,691" in map_figures.salary_map_alt(salaries, fx, "ML Engineer", rates.PPP)
