"""Countries and currencies, resolved through pycountry so names and flags are never typed by hand."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pycountry
from babel.numbers import get_territory_currencies


@dataclass(frozen=True)
class Country:
    alpha2: str
    alpha3: str
    name: str
    flag: str

    @property
    def label(self) -> str:
        return f"{self.flag} {self.name}"


@cache
def country(code: str) -> Country:
    """The country for an ISO 3166-1 alpha-2 code; raises LookupError for an unknown one."""
    found = pycountry.countries.get(alpha_2=code.strip().upper()) if len(code.strip()) == 2 else None
    if found is None:
        raise LookupError(f"unknown country code {code!r}")
    return Country(found.alpha_2, found.alpha_3, found.name, getattr(found, "flag", ""))


def is_country_code(code: str) -> bool:
    try:
        country(code)
    except LookupError:
        return False
    return True


def is_currency_code(code: str) -> bool:
    """True for an ISO 4217 code pycountry knows (case-insensitive)."""
    code = code.strip().upper()
    return len(code) == 3 and pycountry.currencies.get(alpha_3=code) is not None


def region_label(code: str) -> str:
    """'🇮🇳 India' for 'IN': what the region filter and tables show."""
    return country(code).label


def local_currencies(code: str) -> list[str]:
    """The currencies in use in a country today, from CLDR via Babel: ['GBP'] for GB."""
    return get_territory_currencies(code.strip().upper())  # in use today, Babel's default


def place_name(country: str) -> str:
    """'the United Kingdom', 'India': how a country name reads after 'in' (ISO names carry no article)."""
    takes_article = country.startswith("United ") or " of " in country or country.endswith(("s", "Republic"))
    return f"the {country}" if takes_article else country
