"""One scale for all regions: salary bands converted to US$ (market rate) or international $ (PPP).

The rates come from data/fx_rates.csv (World Bank WDI). Every converted row keeps the rate,
indicator, year and source it used, so a table or a download lets a spreadsheet redo the sum.
No Streamlit here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from dashboard.core.money import INTERNATIONAL_DOLLAR
from dashboard.core.source import article_caption

MARKET_RATE = "PA.NUS.FCRF"
PPP_FACTOR = "PA.NUS.PPP"
INDICATORS: tuple[str, ...] = (MARKET_RATE, PPP_FACTOR)
# What each indicator measures, for captions (the data file's `source` column names the page).
INDICATOR_NAMES = {
    MARKET_RATE: "official exchange rate, period average",
    PPP_FACTOR: "PPP conversion factor, GDP",
}
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Unit:
    """A way to show money: each region's own currency, or one currency for every region."""

    key: str  # what the URL holds: local, usd, ppp
    label: str  # what the money switch shows
    indicator: str | None  # the fx_rates.csv indicator that converts to it; None for local
    currency: str | None  # the currency every converted amount is in; None for local
    per: str  # how a rate reads: 'per US$'

    @property
    def is_local(self) -> bool:
        return self.indicator is None


LOCAL = Unit("local", "Local currency", None, None, "")
USD = Unit("usd", "US$ (market rate)", MARKET_RATE, "USD", "per US$")
PPP = Unit("ppp", "International $ (PPP)", PPP_FACTOR, INTERNATIONAL_DOLLAR, "per international $")
UNITS: dict[str, Unit] = {u.key: u for u in (LOCAL, USD, PPP)}
UNIT_FOR: dict[str, Unit] = {u.indicator: u for u in (USD, PPP)}
DEFAULT_UNIT = LOCAL


def unit_for(key: str | None) -> Unit | None:
    """The unit for a URL value ('usd', case-insensitive); None for an unknown one, so the page can warn."""
    return UNITS.get((key or "").strip().lower())


def _dec(value: float) -> Decimal:
    return Decimal(str(value))


def exact_difference(a: float, b: float) -> float:
    """a − b without binary noise: 96649.615 − 109536.23 is −12886.615, not −12886.614999…."""
    return float(_dec(a) - _dec(b))


def to_cents(amount: float, rate: float) -> float:
    """amount / rate rounded half-up to the cent, in decimal arithmetic (as a spreadsheet's ROUND does)."""
    exact = _dec(amount) / _dec(rate)
    return float(exact.quantize(CENT, rounding=ROUND_HALF_UP))


def convert_salaries(salaries: pd.DataFrame, rates: pd.DataFrame | None, unit: Unit) -> pd.DataFrame:
    """The bands with amounts in `unit`: converted_min/max/midpoint, converted_currency, and the rate used.

    In local mode the converted amounts are the local ones (rate 1, no indicator), so every later
    step reads the same columns whatever the unit.
    """
    out = salaries.copy()
    if unit.is_local:
        out["converted_currency"] = out["currency"]
        out["rate"] = 1.0
        out["rate_indicator"] = ""
        out["rate_year"] = pd.array([pd.NA] * len(out), dtype="Int64")
        out["rate_source"] = ""
        out["converted_min"] = out["salary_min"].astype(float)
        out["converted_max"] = out["salary_max"].astype(float)
    else:
        used = rates[rates["indicator"] == unit.indicator].set_index("currency")
        missing = sorted(set(out["currency"]) - set(used.index))
        if missing:
            # parse_fx_rates refuses such a file; this guards a caller that skipped it.
            raise LookupError(f"no {unit.indicator} rate for {', '.join(missing)}")
        out["converted_currency"] = unit.currency
        out["rate"] = out["currency"].map(used["value"]).astype(float)
        out["rate_indicator"] = unit.indicator
        out["rate_year"] = out["currency"].map(used["year"]).astype("Int64")
        out["rate_source"] = out["currency"].map(used["source"])
        for end in ("min", "max"):
            out[f"converted_{end}"] = [
                to_cents(a, r) for a, r in zip(out[f"salary_{end}"], out["rate"], strict=True)
            ]
    # The midpoint of the converted ends (a spreadsheet's (min + max) / 2): it may end in half a cent.
    out["converted_midpoint"] = [
        float((_dec(lo) + _dec(hi)) / 2)
        for lo, hi in zip(out["converted_min"], out["converted_max"], strict=True)
    ]
    return out


def rates_used(rates: pd.DataFrame, unit: Unit, currencies: list[str]) -> pd.DataFrame:
    """The rows of fx_rates.csv a view in `unit` uses, in the order of `currencies`; empty for local."""
    if unit.is_local:
        return rates.iloc[0:0]
    used = rates[(rates["indicator"] == unit.indicator) & rates["currency"].isin(currencies)]
    order = {c: i for i, c in enumerate(dict.fromkeys(currencies))}
    return used.sort_values("currency", key=lambda s: s.map(order)).reset_index(drop=True)


def rate_number(value: float) -> str:
    """A rate as the data file writes it: 87.1584484, 1 (the shortest text that reads back the same float)."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def rate_text(currency: str, value: float, indicator: str, year: int) -> str:
    """'INR 87.1584484 per US$ (World Bank WDI PA.NUS.FCRF, 2025)': one rate, readable alone."""
    return f"{currency} {rate_number(value)} {UNIT_FOR[indicator].per} (World Bank WDI {indicator}, {year})"


def rates_caption(rates: pd.DataFrame, unit: Unit, currencies: list[str]) -> str:
    """The line under a converted chart: every rate it used, its indicator, year and source page."""
    used = rates_used(rates, unit, currencies)
    if used.empty:
        return "Amounts in each region's own currency, as the article gives them."
    indicator = unit.indicator
    year = ", ".join(str(y) for y in dict.fromkeys(used["year"]))
    what = "at market exchange rates" if unit is USD else "at purchasing power parity (international $)"
    listed = "; ".join(f"{r.currency} {rate_number(r.value)}" for r in used.itertuples())
    return (
        f"Converted {what}: local amount ÷ rate, rounded to the cent. Rates, local currency {unit.per}: "
        f"{listed}. Source: World Bank, World Development Indicators, {indicator} "
        f"({INDICATOR_NAMES[indicator]}), {year}, https://data.worldbank.org/indicator/{indicator} "
        "(CC BY 4.0)."
    )


def unit_title(unit: Unit, converted: pd.DataFrame) -> str:
    """'US$ at market exchange rates, World Bank 2025': the unit as a chart title names it."""
    if unit.is_local:
        return "each region's own currency"
    years = ", ".join(str(y) for y in dict.fromkeys(converted["rate_year"].dropna()))
    what = "US$ at market exchange rates" if unit is USD else "international $ at purchasing power parity"
    return f"{what}, World Bank {years}"


def source_caption(years: object, fx_rates: pd.DataFrame | None = None, unit: Unit | None = None) -> str:
    """'Source: Whizlabs, ML Engineer vs AI Engineer on AWS (2026); rates: World Bank WDI 2025'.

    The years come from the data the chart draws; the rate's source from the fx_rates.csv rows used.
    """
    text = article_caption(years)
    if fx_rates is not None and unit is not None and not unit.is_local:
        used = fx_rates[fx_rates["indicator"] == unit.indicator]
        names = {src.split(unit.indicator)[0].strip(" ,") for src in used["source"]}
        ys = sorted({int(y) for y in used["year"]})
        text += f"; rates: {', '.join(sorted(names))} {', '.join(str(y) for y in ys)}"
    return text
