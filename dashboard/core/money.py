"""Money as the pages write it, one family for every chart, table and sentence (Babel does the locale work).

Full amounts group digits as their market does ('$140,000', '₹6,00,000'); the article's own form
writes Indian amounts in lakh per annum ('₹10 LPA'); compact forms ('$150k', '₹10L') are for axis
ticks and bar labels. International dollars, a unit of account rather than a currency, read 'Int$'.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from babel.numbers import format_compact_currency, format_currency, format_decimal

# Babel's plain English locale writes unambiguous symbols (CA$, A$), which matters when
# five currencies sit on one page.
LOCALE = "en"
LAKH = 100_000
# Not an ISO 4217 code, so it can never be confused with one; formatted like US$ with its own prefix.
INTERNATIONAL_DOLLAR = "Int$"
# India writes amounts in lakhs and crores (₹6,00,000); CLDR's en_IN locale knows the grouping.
_LOCALE_FOR = {"INR": "en_IN"}
NO_AMOUNT = "–"


def _babel_currency(currency: str) -> tuple[str, str]:
    """The ISO code Babel formats with, and the prefix that replaces '$' for international dollars."""
    return ("USD", INTERNATIONAL_DOLLAR) if currency == INTERNATIONAL_DOLLAR else (currency, "")


def _relabel(text: str, prefix: str) -> str:
    return text.replace("$", prefix, 1) if prefix else text


def format_amount(amount: float, currency: str, cents: bool = False) -> str:
    """A full amount, digits grouped as that market groups them: '$140,000', '₹6,00,000', 'Int$150,000'."""
    code, prefix = _babel_currency(currency)
    locale = _LOCALE_FOR.get(code, LOCALE)
    pattern = "¤#,##,##0" if locale == "en_IN" else "¤#,##0"
    if cents:
        pattern += ".00"
        amount = round(amount, 2)
    text = format_currency(amount, code, locale=locale, format=pattern, currency_digits=False)
    return _relabel(text, prefix)


def format_lpa(amount: float) -> str:
    """Indian salaries in lakh per annum, as the article writes them: 1000000 -> '₹10 LPA'."""
    return f"₹{format_decimal(round(amount / LAKH, 1), locale='en_IN')} LPA"


def format_money(amount: float, currency: str) -> str:
    """An amount in the article's form: Indian ones in LPA ('₹10 LPA'), every other one in full."""
    return format_lpa(amount) if currency == "INR" else format_amount(amount, currency)


def format_optional(amount: float | None, currency: str | None) -> str:
    """format_money, or a dash where there is no amount or no currency to write it in."""
    if currency is None or amount is None or (isinstance(amount, float) and math.isnan(amount)):
        return NO_AMOUNT
    return format_money(float(amount), currency)


def format_each(
    amounts: Iterable[float], currencies: Iterable[str], fmt: Callable[[float, str], str] = format_money
) -> list[str]:
    """Each amount formatted in its own row's currency."""
    return [fmt(v, c) for v, c in zip(amounts, currencies, strict=True)]


def format_tick(amount: float, currency: str) -> str:
    """A compact axis tick: '$150k', 'CA$120k', '£35k', '₹10L', 'Int$150k'.

    Babel's CLDR compact forms ('K', 'L', 'Cr'), with a lower-case k for thousands (the SI prefix).
    """
    code, prefix = _babel_currency(currency)
    locale = _LOCALE_FOR.get(code, LOCALE)
    # One decimal only where a round tick needs it (₹2.5L, $12.5k).
    digits = 0 if amount == 0 or _is_round_compact(amount, code) else 1
    text = format_compact_currency(amount, code, locale=locale, fraction_digits=digits)
    return _relabel(text.replace("K", "k"), prefix)


def _is_round_compact(amount: float, currency: str) -> bool:
    """True when the compact form of `amount` needs no decimal: 150000 → '150k', 250000 INR → '2.5L' not."""
    unit = 100_000 if currency == "INR" and abs(amount) >= LAKH else 1000
    if abs(amount) >= (10_000_000 if currency == "INR" else 1_000_000):
        unit = 10_000_000 if currency == "INR" else 1_000_000
    return amount % unit == 0


def format_range(low: float, high: float, currency: str) -> str:
    """A band in full: '$140,000 – $220,000', '₹6,00,000 – ₹10,00,000', 'Int$150,000 – Int$240,000'."""
    return f"{format_amount(low, currency)} – {format_amount(high, currency)}"


def format_band(low: float, high: float, currency: str) -> str:
    """A band as the article writes it: '£43,000 – £77,000', '₹6 LPA – ₹10 LPA'."""
    return f"{format_money(low, currency)} – {format_money(high, currency)}"


def local_band_label(low: float, high: float, currency: str) -> str:
    """The article's band, and for India also in full: '₹6 LPA – ₹10 LPA (₹6,00,000 – ₹10,00,000)'."""
    text = format_band(low, high, currency)
    return f"{text} ({format_range(low, high, currency)})" if currency == "INR" else text


def format_range_compact(low: float, high: float, currency: str) -> str:
    """A band that fits inside a bar: '$150k–$240k', '₹10L–₹18L', 'Int$86k–Int$143k' (to the thousand)."""
    step = LAKH / 10 if currency == "INR" and min(low, high) >= LAKH else 1000
    low, high = round(low / step) * step, round(high / step) * step
    return f"{format_tick(low, currency)}–{format_tick(high, currency)}"


def _signed(text: str, value: float) -> str:
    # A real minus sign, so the sign is never mistaken for a dash.
    return f"+{text}" if value > 0 else (f"−{text}" if value < 0 else text)


def format_signed_amount(amount: float, currency: str) -> str:
    """A signed difference in the article's form: '+$10,000', '−£2,500', '+₹4 LPA', '−Int$2,500'."""
    return _signed(format_money(abs(amount), currency), amount)


def format_signed_percent(value: float) -> str:
    """'+8.3%' / '−11.8%'."""
    return _signed(f"{abs(value):.1f}%", value)
