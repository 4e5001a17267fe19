"""The money switch on the pages: one scale in US$ or international $, kept in the URL, and its map."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.salaries import files as salary_files
from dashboard.salaries import rates
from tests.conftest import rewrite, shown
from tests.pages_support import APP, article_traces, charts, open_page, plotly_traces

GBP_PER_USD, GBP_PER_INTL = 0.759473957338608, 0.677133


def open_salaries(unit: str | None, regions: list[str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if unit is not None:
        at.query_params["unit"] = unit
    if regions is not None:
        at.query_params["region"] = regions
    at.run()
    at.switch_page("pages/salaries.py").run()
    return at


def bands(at: AppTest) -> dict[tuple[str, str], tuple[float, float]]:
    """(role, region label) -> (low, high) as the first chart draws them."""
    out = {}
    for trace in article_traces(at):
        for label, base, width in zip(trace["y"], trace["base"], trace["x"], strict=True):
            out[(trace["name"], label)] = (base, round(base + width, 2))
    return out


def test_a_link_with_a_unit_puts_every_region_on_one_axis_in_that_unit():
    at = open_salaries("usd", ["GB", "IN"])
    assert not at.exception
    assert at.radio(key="unit").value == "usd"
    drawn = bands(at)
    assert drawn[("ML Engineer", "🇬🇧 United Kingdom")] == (
        round(35_000 / GBP_PER_USD, 2),
        round(80_000 / GBP_PER_USD, 2),
    )
    chart = charts(at)[0]
    assert "xaxis2" not in chart.spec  # one axis, not a panel per currency
    caption = shown(at.caption[1].value)
    assert "GBP 0.759473957338608" in caption and "PA.NUS.FCRF" in caption and "2025" in caption


def test_switching_the_unit_redraws_the_chart_and_writes_the_link():
    at = open_salaries(None, ["GB", "IN"])
    assert "xaxis2" in charts(at)[0].spec  # local: a panel (an axis) per region
    at.radio(key="unit").set_value("ppp").run()
    assert at.query_params["unit"] == "ppp"
    drawn = bands(at)
    assert drawn[("AI Engineer", "🇬🇧 United Kingdom")] == (
        round(43_000 / GBP_PER_INTL, 2),
        round(77_000 / GBP_PER_INTL, 2),
    )
    usd = open_salaries("usd", ["IN"])
    ppp = open_salaries("ppp", ["IN"])
    # PPP raises Indian pay in international dollars well above its market-rate dollar value.
    assert bands(ppp)[("ML Engineer", "🇮🇳 India")][0] > 4 * bands(usd)[("ML Engineer", "🇮🇳 India")][0]


def test_the_unit_follows_you_to_another_page_and_back():
    at = open_salaries("ppp")
    at.switch_page("pages/overview.py").run()
    for key in list(at.query_params):
        del at.query_params[key]
    at.switch_page("pages/salaries.py").run()
    assert at.radio(key="unit").value == "ppp"
    assert at.query_params["unit"] == "ppp"


def test_an_unknown_unit_in_a_link_is_named_and_the_default_shown():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["unit"] = "bitcoin"
    at.run()
    assert not at.exception
    warning = shown(at.sidebar.warning[0].value)
    assert "“bitcoin”" in warning and "Local currency" in warning
    assert at.radio(key="unit").value == "local"
    assert "unit" not in at.query_params


def test_the_gap_question_is_neutral_and_the_faq_claim_sits_beside_the_figures():
    at = open_salaries("usd")
    assert "Which role earns more, region by region?" in [s.value for s in at.subheader]
    statements = shown(next(m.value for m in at.markdown if "earns more" in m.value))
    assert "In Australia an AI Engineer earns more" in statements
    assert "In the United Kingdom an AI Engineer earns more" in statements
    claim = next(shown(m.value) for m in at.markdown if "FAQ" in m.value)
    assert "The salary of a Machine Learning Engineer role is higher" in claim
    otherwise = shown(next(c.value for c in at.caption if "otherwise" in c.value))
    assert otherwise == (
        "Its own salary table says otherwise in the United Kingdom (the ML Engineer's midpoint is 4.2% below "
        "the AI Engineer's), Australia (the ML Engineer's midpoint is 11.8% below the AI Engineer's) "
        "(figures above)."
    )
    gap_rows = [y.split("<br>")[0] for y in plotly_traces(at, 1)[0]["y"]]
    assert gap_rows == ["🇮🇳 India", "🇨🇦 Canada", "🇺🇸 United States", "🇬🇧 United Kingdom", "🇦🇺 Australia"]


def open_the_map(at: AppTest) -> AppTest:
    """Open the map's expander, as a click on it does (it reruns the page)."""
    at.session_state["salary-map-open"] = True
    return at.run()


def test_the_map_is_built_only_once_its_expander_is_opened():
    at = open_salaries(None)
    assert len(charts(at)) == 2
    assert [e.label for e in at.expander] == ["On the map: each chosen region's band midpoint"]
    open_the_map(at)
    assert len(charts(at)) == 3
    at.run()  # it stays open over reruns, as a filter change makes them
    assert len(charts(at)) == 3


@pytest.mark.parametrize("unit", ["local", "usd", "ppp"])
def test_the_map_colours_one_location_per_chosen_region(unit):
    at = open_the_map(open_salaries(unit, ["CA", "IN", "GB"]))
    (choropleth,) = plotly_traces(at, 2)
    assert choropleth["type"] == "choropleth"
    assert sorted(choropleth["locations"]) == ["CAN", "GBR", "IND"]
    at.segmented_control(key="map-role").set_value("AI Engineer").run()
    (choropleth,) = plotly_traces(at, 2)
    salaries = salary_files.parse_salaries()
    fx = salary_files.parse_fx_rates(salaries)
    shown_unit = rates.USD if unit == "local" else rates.UNITS[unit]
    expected = rates.convert_salaries(salaries[salaries["role"] == "AI Engineer"], fx, shown_unit)
    by_code = dict(zip(expected["country_alpha3"], expected["converted_midpoint"], strict=True))
    assert choropleth["z"] == [by_code[c] for c in choropleth["locations"]]


def test_the_map_is_told_to_fetch_its_outline_from_the_app():
    at = open_the_map(open_page("pages/salaries.py"))
    config = charts(at)[2].config
    assert '"topojsonURL": "app/static/topojson/"' in config


def test_salaries_with_india_alone_show_only_indias_two_bands():
    at = open_page("pages/salaries.py", regions=["IN"])
    bands = [(t["name"], t["base"][0], t["base"][0] + t["x"][0]) for t in article_traces(at)]
    assert bands == [("ML Engineer", 1_000_000, 1_800_000), ("AI Engineer", 600_000, 1_000_000)]
    table = at.table[0].value
    assert table["Region"].tolist() == ["🇮🇳 India", "🇮🇳 India"]
    assert table[["Role", "Minimum", "Maximum"]].values.tolist() == [
        ["AI Engineer", "₹6 LPA", "₹10 LPA"],
        ["ML Engineer", "₹10 LPA", "₹18 LPA"],
    ]
    gaps = plotly_traces(at, 1)[0]
    assert gaps["x"] == [75.0]
    alts = [chart.alt for chart in charts(at)]
    assert alts[:2] == [
        "Annual salary bands. India: AI Engineer ₹6 LPA to ₹10 LPA; ML Engineer ₹10 LPA to ₹18 LPA.",
        "ML Engineer pay versus AI Engineer at the band midpoint, in % of the AI Engineer's midpoint: "
        "India +75.0%.",
    ]
    assert [shown(v) for v in at.table[1].value["At midpoint"]] == ["+₹6 LPA"]


def test_salary_downloads_do_not_rerun_and_name_the_regions():
    at = open_page("pages/salaries.py", regions=["GB", "IN"])
    buttons = at.get("download_button")
    assert [b.proto.ignore_rerun for b in buttons] == [True, True]
    assert "ml-vs-ai-engineer_salary-bands_GB-IN.csv" in buttons[0].proto.help
    assert buttons[0].proto.help.startswith("4 rows")


def test_bad_salary_file_is_explained_and_the_app_keeps_running(data_dir):
    rewrite(data_dir / "salaries.csv", "GB,GBP,43000,77000", "GB,GBP,83000,77000")
    at = open_page("pages/salaries.py")
    assert not at.exception
    message = shown(at.error[0].value)
    assert "data/salaries.csv" in message
    assert "line 8, column 'salary_min'" in message
    assert "above salary_max" in message
    at.switch_page("pages/overview.py").run()
    assert not at.exception and not at.error
