"""The salary band and gap figures: the numbers in the traces, straight from the data."""

from __future__ import annotations

import pytest

from dashboard.core import domain, listing
from dashboard.salaries import band_figures, gap_figures, rates
from dashboard.salaries import files as salary_files
from dashboard.salaries import gaps as role_gaps
from dashboard.salaries import tables as salary_tables


@pytest.fixture
def salaries():
    return salary_files.parse_salaries()


def test_region_filter_keeps_only_chosen_regions_in_data_order(salaries):
    view = listing.filter_regions(salaries, ["IN", "GB"])
    assert view["country_code"].tolist() == ["GB", "GB", "IN", "IN"]
    assert listing.filter_regions(salaries, []).empty


def test_salary_bands_figure_draws_each_band_from_min_to_max(salaries):
    fig = band_figures.salary_bands_figure(salaries)
    bands = {(t.customdata[0][2], t.name): (t.base[0], t.base[0] + t.x[0]) for t in fig.data}
    assert len(fig.data) == 10
    for row in salaries.itertuples():
        assert bands[(row.country_code, row.role)] == (row.salary_min, row.salary_max)
    assert [a.text for a in fig.layout.annotations] == [
        "🇺🇸 United States · USD",
        "🇨🇦 Canada · CAD",
        "🇦🇺 Australia · AUD",
        "🇬🇧 United Kingdom · GBP",
        "🇮🇳 India · INR",
    ]


def test_india_alone_shows_two_bands_in_lakh_per_annum(salaries):
    fig = band_figures.salary_bands_figure(listing.filter_regions(salaries, ["IN"]))
    assert [(t.name, t.base[0], t.x[0]) for t in fig.data] == [
        ("ML Engineer", 1_000_000, 800_000),
        ("AI Engineer", 600_000, 400_000),
    ]
    assert [t.text[0] for t in fig.data] == ["₹10L–₹18L", "₹6L–₹10L"]
    assert "₹10 LPA – ₹18 LPA" in fig.data[0].hovertemplate
    assert list(fig.layout.xaxis.ticktext) == ["₹0", "₹5L", "₹10L", "₹15L", "₹20L"]


def test_each_region_axis_is_labelled_in_its_own_currency(salaries):
    fig = band_figures.salary_bands_figure(listing.filter_regions(salaries, ["CA", "GB"]))
    assert fig.layout.xaxis.ticktext[-1] == "CA$200k"
    assert fig.layout.xaxis2.ticktext[-1] == "£80k"


def test_gaps_are_ml_minus_ai(salaries):
    gaps = role_gaps.local_gaps(salaries).set_index("country_code")
    assert gaps.loc["US", ["gap_min", "gap_max"]].tolist() == [10_000, 20_000]
    assert gaps.loc["AU", ["gap_min", "gap_max"]].tolist() == [-30_000, -10_000]
    assert gaps.loc["IN", "gap_midpoint"] == 600_000
    assert gaps.loc["IN", "gap_midpoint_pct"] == 75.0
    assert gaps.loc["GB", "gap_midpoint_pct"] == -4.2


def test_gap_figure_bars_equal_the_midpoint_percentages(salaries):
    gaps = role_gaps.local_gaps(listing.filter_regions(salaries, ["US", "AU"]))
    fig = gap_figures.salary_gap_figure(gaps, rates.LOCAL)
    assert list(fig.data[0].x) == [8.3, -11.8]
    # Each row names its region and, under it, the gap, so no bar text runs off a phone's screen.
    assert list(fig.data[0].y) == [
        "🇺🇸 United States<br><b>+8.3%</b>",
        "🇦🇺 Australia<br><b>−11.8%</b>",
    ]
    assert fig.data[0].marker.color == (
        domain.ROLE_COLOURS["ML Engineer"],
        domain.ROLE_COLOURS["AI Engineer"],
    )


def test_region_with_one_role_has_no_gap_row(salaries):
    one_role = salaries[~((salaries["country_code"] == "GB") & (salaries["role"] == "AI Engineer"))]
    assert "GB" not in role_gaps.local_gaps(one_role)["country_code"].tolist()
    assert len(band_figures.salary_bands_figure(one_role).data) == 9


def test_data_text_reaches_plotly_escaped(salaries):
    salaries.loc[salaries.index[0], "country"] = "<a href='x'>Evil</a>"
    fig = band_figures.salary_bands_figure(salaries)
    assert "<a" not in fig.layout.annotations[0].text
    assert "&lt;a" in fig.data[0].hovertemplate


def test_display_table_formats_each_row_in_its_currency(salaries):
    table = salary_tables.salary_display_table(listing.filter_regions(salaries, ["IN"]), rates.LOCAL)
    assert table[["Minimum", "Maximum"]].values.tolist() == [["₹6 LPA", "₹10 LPA"], ["₹10 LPA", "₹18 LPA"]]


def test_chart_descriptions_for_screen_readers_carry_the_numbers(salaries):
    india = listing.filter_regions(salaries, ["IN"])
    assert band_figures.salary_bands_alt(india, rates.LOCAL) == (
        "Annual salary bands. India: AI Engineer ₹6 LPA to ₹10 LPA; ML Engineer ₹10 LPA to ₹18 LPA."
    )
    assert gap_figures.salary_gap_alt(role_gaps.local_gaps(india), rates.LOCAL) == (
        "ML Engineer pay versus AI Engineer at the band midpoint, in % of the AI Engineer's midpoint: "
        "India +75.0%."
    )


def test_every_salary_chart_has_a_title_with_its_unit_and_a_sourced_caption(salaries):
    fx = salary_files.parse_fx_rates(salaries)
    local = band_figures.salary_bands_figure(salaries)
    assert local.layout.title.text == "Annual salary bands"
    assert "own currency" in local.layout.title.subtitle.text
    gap = gap_figures.salary_gap_figure(role_gaps.local_gaps(salaries), rates.LOCAL)
    assert gap.layout.title.subtitle.text == "% of the AI Engineer's midpoint"
    assert rates.source_caption(salaries["year"]) == (
        "Source: Whizlabs, ML Engineer vs AI Engineer on AWS (2026)"
    )
    assert rates.source_caption(salaries["year"], fx, rates.USD).endswith("; rates: World Bank WDI 2025")
