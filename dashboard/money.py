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
