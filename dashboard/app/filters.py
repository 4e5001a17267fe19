"""Filter state: every filter declared once, its options derived from the data, its value in the URL.

Pages read a filter through one accessor (`chosen`) or draw it with `widget`; dashboard.core.listing
applies a choice to a frame.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from dashboard.app import data, derived, url_state
from dashboard.core import export, text
from dashboard.core.regions import region_label
from dashboard.salaries import rates
from dashboard.skills.sets import service_usage
from dashboard.survey import schema


def _region_options() -> list[str]:
    return derived.options_of(
        "salaries.csv", lambda: list(dict.fromkeys(data.load_salaries()["country_code"]))
    )


def _category_options() -> list[str]:
    return derived.options_of("skills.csv", lambda: list(dict.fromkeys(data.load_skills()["category"])))


def _family_options() -> list[str]:
    def families() -> list[str]:
        usage = service_usage(data.load_skills(), data.load_aws_services())
        return list(dict.fromkeys(usage["family"]))

    return derived.options_of("aws_services.csv", families, "skills.csv")


def what_plural(word: str) -> str:
    """'regions', 'categories', 'service families'."""
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


@dataclass(frozen=True)
class Filter:
    """A multi-choice filter kept in the URL under `key`; `noun` names one option in hints ('region')."""

    key: str
    label: str
    noun: str
    load_options: Callable[[], list[str]]
    all_label: str  # a download's scope when nothing is filtered out: 'all-regions'
    help: str = "Kept in the link, like the region filter."
    format_func: Callable[[str], str] = str

    def scope(self, picked: Sequence[str]) -> str:
        """How a download's file name says what this filter kept: 'all-regions', or 'GB-IN'."""
        return export.scope_label(picked, self.options(), self.all_label)

    def options(self) -> list[str]:
        """Every option, in the data's order; none when the file behind them is broken (its page says why)."""
        try:
            return self.load_options()
        except data.DataFileError:
            return []


REGION = Filter(
    "region", "Regions", "region", _region_options, "all-regions",
    help="Shared by every page and kept in the link, so a copied URL reproduces this view.",
    format_func=region_label,
)  # fmt: skip
CATEGORY = Filter("category", "Categories", "category", _category_options, "all-categories")
FAMILY = Filter("family", "Service families", "service family", _family_options, "all-families")


def chosen(spec: Filter) -> list[str]:
    """The current choice, in the options' order: what the widget holds, or everything before it exists."""
    options = spec.options()
    picked = st.session_state.get(spec.key, options)
    return [o for o in options if o in picked]


def widget(spec: Filter, container: Any = st) -> list[str]:
    """Draw the filter's pills in `container` (st or st.sidebar) and return the choice."""
    return url_pills(
        container, spec.label, spec.options(), spec.key, help=spec.help, format_func=spec.format_func
    )


def url_pills(
    container: Any,
    label: str,
    options: Sequence[str],
    key: str,
    help: str,
    format_func: Callable[[str], str] = str,
) -> list[str]:
    """Toggle pills defaulting to every option, whose value lives in the URL under `key`.

    Pills rather than a multiselect: every option and whether it is chosen stays in sight at every
    width, where a multiselect stacked its chips one per line and hid the rest behind a scroll.
    """
    if not options:  # the file behind this filter failed to load; its page says why
        return container.pills(label, [], selection_mode="multi", key=key, disabled=True, help=help)
    return url_state.url_multi(
        container.pills, label, options, key, warn_in=container, selection_mode="multi",
        format_func=format_func, help=help,
    )  # fmt: skip


@dataclass(frozen=True)
class Choice:
    """A single choice kept in the URL under `key` (absent from the link when it is the default)."""

    key: str
    label: str
    options: tuple[str, ...]
    default: str
    format_func: Callable[[str], str]
    help: str


UNIT = Choice(
    "unit",
    "Money",
    tuple(rates.UNITS),
    rates.DEFAULT_UNIT.key,
    lambda key: text.escape_markdown(rates.UNITS[key].label),  # radio labels are Markdown: "$" is maths
    "Each region's own currency, or every region in one: US dollars at market exchange rates, or "
    "international dollars at purchasing power parity (PPP). Shared by every page and kept in the link.",
)


TITLES = Choice(
    "titles",
    "Survey answers that count",
    tuple(schema.TITLE_SCOPES),
    schema.DEFAULT_TITLE_SCOPE,
    schema.TITLE_SCOPE_LABELS.get,
    "Exact title: only answers whose job title is Machine Learning Engineer or AI Engineer. Related "
    "titles too: also the titles data/title_map.csv names as the same role in other words, at a level, "
    "or as a related job. Shared by every page and kept in the link.",
)


def choice(spec: Choice) -> str:
    """The current value of a single-choice filter (its default before the widget exists)."""
    value = st.session_state.get(spec.key)
    return value if value in spec.options else spec.default


def title_bases() -> tuple[str, ...] | None:
    """Which rows of the title map count, by the sidebar's switch: SurveyFilter.title_bases."""
    return schema.TITLE_SCOPES[choice(TITLES)]


def money_unit() -> rates.Unit:
    """The money unit the user chose in the sidebar: local currency, US$ or international $."""
    return rates.UNITS[choice(UNIT)]


def url_choice(spec: Choice, container: Any = st) -> str:
    """A radio whose value lives in the URL; an unknown value in a link gets a warning and the default."""
    return url_state.url_single(
        container.radio, spec.label, spec.options, spec.key, spec.default, format_func=spec.format_func,
        warn_in=container, help=spec.help,
    )  # fmt: skip
