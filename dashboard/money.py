"""Money formatting for local-currency salary figures (Babel does the locale work)."""

from __future__ import annotations

import math

from babel.numbers import format_compact_currency, format_currency, format_decimal

# Babel's plain English locale writes unambiguous symbols (CA$, A$), which matters when
# five currencies sit on one page.
LOCALE = "en"
LAKH = 100_000


def format_money(amount: float, currency: str) -> str:
    """A full amount as a reader of that market expects: '$150,000', 'CA$120,000', '₹10 LPA'."""
    if currency == "INR":
        return format_lpa(amount)
    return format_currency(amount, currency, locale=LOCALE, format="¤#,##0", currency_digits=False)


def format_money_short(amount: float, currency: str) -> str:
    """A compact amount for axis ticks: '$150K', '£35K', '₹10 LPA'."""
    if currency == "INR":
        return format_lpa(amount)
    return format_compact_currency(
        amount, currency, locale=LOCALE, fraction_digits=0 if amount % 1000 == 0 else 1
    )


def format_range_short(low: float, high: float, currency: str) -> str:
    """A band in few characters, so it fits inside a bar on a phone: '$150K–$240K', '₹10–18 LPA'."""
    if currency == "INR":
        return f"₹{format_decimal(round(low / LAKH, 1), locale='en_IN')}–{format_lpa(high)[1:]}"
    return f"{format_money_short(low, currency)}–{format_money_short(high, currency)}"


def format_lpa(amount: float) -> str:
    """Indian salaries in lakh per annum, as the article writes them: 1000000 -> '₹10 LPA'."""
    lakhs = amount / LAKH
    return f"₹{format_decimal(round(lakhs, 1), locale='en_IN')} LPA"


def format_signed_percent(value: float) -> str:
    """'+8.3%' / '−11.8%': a real minus sign so the sign is never mistaken for a dash."""
    text = f"{abs(value):.1f}%"
    return f"+{text}" if value > 0 else (f"−{text}" if value < 0 else text)


def format_signed_money(amount: float, currency: str) -> str:
    """A signed difference: '+$10,000', '−£2,500', '+₹4 LPA'."""
    text = format_money(abs(amount), currency)
    return f"+{text}" if amount > 0 else (f"−{text}" if amount < 0 else text)


def nice_ticks(upper: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to just past `upper`, steps of 1, 2, 2.5 or 5 × 10^n."""
    if upper <= 0:
        return [0.0]
    raw_step = upper / count
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw_step)
    return [i * step for i in range(math.ceil(upper / step) + 1)]


# --- One scale for all regions: amounts in any currency, US$ or international dollars ---------------

# Not an ISO 4217 code (the international dollar is a unit of account, not a currency), so it can
# never be confused with one; formatted like US$ with an unmistakable prefix.
INTERNATIONAL_DOLLAR = "Int$"
# India writes amounts in lakhs and crores (₹6,00,000); CLDR's en_IN locale knows the grouping.
_LOCALE_FOR = {"INR": "en_IN"}


def _babel_currency(currency: str) -> tuple[str, str]:
    """The ISO code Babel formats with, and the prefix that replaces '$' for international dollars."""
    return ("USD", INTERNATIONAL_DOLLAR) if currency == INTERNATIONAL_DOLLAR else (currency, "")


def _relabel(text: str, prefix: str) -> str:
    return text.replace("$", prefix, 1) if prefix else text


def format_amount(amount: float, currency: str, cents: bool = False) -> str:
    """A full amount, digits grouped as that market groups them: '$140,000', '₹6,00,000', 'Int$150,000'.

    Unlike format_money, Indian amounts keep their digits (format_lpa gives the article's LPA form).
    """
    code, prefix = _babel_currency(currency)
    locale = _LOCALE_FOR.get(code, LOCALE)
    pattern = "¤#,##,##0" if locale == "en_IN" else "¤#,##0"
    if cents:
        pattern += ".00"
        amount = round(amount, 2)
    text = format_currency(amount, code, locale=locale, format=pattern, currency_digits=False)
    return _relabel(text, prefix)


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


def format_range_compact(low: float, high: float, currency: str) -> str:
    """A band that fits inside a bar: '$150k–$240k', '₹10L–₹18L', 'Int$86k–Int$143k' (to the thousand)."""
    step = LAKH / 10 if currency == "INR" and min(low, high) >= LAKH else 1000
    low, high = round(low / step) * step, round(high / step) * step
    return f"{format_tick(low, currency)}–{format_tick(high, currency)}"


def format_signed_amount(amount: float, currency: str) -> str:
    """A signed difference in any unit: '+$10,000', '−Int$2,500', '+₹6,00,000'."""
    text = format_amount(abs(amount), currency)
    return f"+{text}" if amount > 0 else (f"−{text}" if amount < 0 else text)
