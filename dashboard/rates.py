"""One scale for all regions: salary bands converted to US$ (market rate) or international $ (PPP).

The rates come from data/fx_rates.csv (World Bank WDI). Every converted row keeps the rate,
indicator, year and source it used, so a table or a download lets a spreadsheet redo the sum.
No Streamlit here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from dashboard.domain import AI, ML
from dashboard.money import INTERNATIONAL_DOLLAR, format_amount, format_money, format_signed_percent

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
DEFAULT_UNIT = LOCAL


def unit_for(key: str | None) -> Unit | None:
    """The unit for a URL value ('usd', case-insensitive); None for an unknown one, so the page can warn."""
    return UNITS.get((key or "").strip().lower())


def _dec(value: float) -> Decimal:
    return Decimal(str(value))


def _diff(a: float, b: float) -> float:
    """a − b without binary noise: 96649.615 − 109536.23 is −12886.615, not −12886.614999…."""
    return float(_dec(a) - _dec(b))


def to_cents(amount: float, rate: float) -> float:
    """amount / rate rounded half-up to the cent, in decimal arithmetic (as a spreadsheet's ROUND does)."""
    exact = _dec(amount) / _dec(rate)
    return float(exact.quantize(CENT, rounding=ROUND_HALF_UP))


def convert_salaries(salaries: pd.DataFrame, rates: pd.DataFrame, unit: Unit) -> pd.DataFrame:
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


def gaps_in_unit(converted: pd.DataFrame) -> pd.DataFrame:
    """Per region: ML − AI in the converted unit, largest ML lead first, and who earns more in plain words.

    Sorted by the midpoint gap in %, the one measure that compares regions in every unit (a
    region's two bands share one rate, so the % is the same in local currency, US$ and PPP).
    """
    # Plain Python over the few rows: a pandas filter per region cost more than the whole page's chart.
    by_region: dict[str, dict[str, dict]] = {}
    for record in converted.to_dict("records"):
        by_region.setdefault(record["country_code"], {})[record["role"]] = record
    rows = []
    for code, region in by_region.items():
        if not {ML, AI} <= set(region):
            continue  # a region with only one role has no gap to show
        ml, ai = region[ML], region[AI]
        gap_mid = _diff(ml["converted_midpoint"], ai["converted_midpoint"])
        pct = round(gap_mid / ai["converted_midpoint"] * 100, 1)
        rows.append(
            {
                "country_code": code,
                "country": ml["country"],
                "flag": ml["flag"],
                "currency": ml["currency"],
                "converted_currency": ml["converted_currency"],
                "gap_min": _diff(ml["converted_min"], ai["converted_min"]),
                "gap_max": _diff(ml["converted_max"], ai["converted_max"]),
                "ml_midpoint": ml["converted_midpoint"],
                "ai_midpoint": ai["converted_midpoint"],
                "gap_midpoint": gap_mid,
                "gap_midpoint_pct": pct,
                "earns_more": ML if gap_mid > 0 else AI if gap_mid < 0 else "neither",
                "rate": ml["rate"],
                "rate_indicator": ml["rate_indicator"],
                "rate_year": ml["rate_year"],
                "statement": _statement(ml["country"], ml, ai, gap_mid, pct),
            }
        )
    columns = [
        "country_code", "country", "flag", "currency", "converted_currency", "gap_min", "gap_max",
        "ml_midpoint", "ai_midpoint", "gap_midpoint", "gap_midpoint_pct", "earns_more", "rate",
        "rate_indicator", "rate_year", "statement",
    ]  # fmt: skip
    rows.sort(key=lambda r: (-r["gap_midpoint_pct"], -r["gap_midpoint"]))  # stable: ties keep data order
    return pd.DataFrame(rows, columns=columns)


def _money(amount: float, currency: str) -> str:
    # The article's LPA form where amounts stay in rupees; converted amounts in full.
    return format_money(amount, currency) if currency == "INR" else format_amount(amount, currency)


def place_name(country: str) -> str:
    """'the United Kingdom', 'India': how a country name reads after 'in' (ISO names carry no article)."""
    takes_article = country.startswith("United ") or " of " in country or country.endswith(("s", "Republic"))
    return f"the {country}" if takes_article else country


def _statement(country: str, ml: dict, ai: dict, gap: float, pct: float) -> str:
    """'In India an ML Engineer earns more: a band midpoint of ₹14 LPA against ₹8 LPA (+75.0%).'"""
    country = place_name(country)
    cur = ml["converted_currency"]
    ml_mid, ai_mid = _money(ml["converted_midpoint"], cur), _money(ai["converted_midpoint"], cur)
    if gap > 0:
        return (
            f"In {country} an ML Engineer earns more: a band midpoint of {ml_mid} against {ai_mid} "
            f"for an AI Engineer ({format_signed_percent(pct)})."
        )
    if gap < 0:
        return (
            f"In {country} an AI Engineer earns more: a band midpoint of {ai_mid} against {ml_mid} "
            f"for an ML Engineer, whose midpoint is {abs(pct):.1f}% lower."
        )
    return f"In {country} both roles have the same band midpoint, {ml_mid}."


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
    per = "per US$" if indicator == MARKET_RATE else "per international $"
    return f"{currency} {rate_number(value)} {per} (World Bank WDI {indicator}, {year})"


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
