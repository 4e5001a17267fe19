"""The Salaries page's sections beyond its charts: the article's FAQ claim beside the gaps, and the map."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.app import data, ui
from dashboard.core import chart_style
from dashboard.core.domain import ROLES
from dashboard.core.text import escape_markdown
from dashboard.salaries import gaps, map_figures, rates


def faq_claim(region_gaps: pd.DataFrame) -> None:
    """The article's FAQ answer on who pays more, and what its own salary table says of it."""
    faq = ui.load_or_stop(data.load_faq)
    for claim in faq[faq["checks"] == "salary table"].itertuples():
        with st.container(border=True):
            question, quote = escape_markdown(claim.question), escape_markdown(claim.quote)
            st.markdown(f"**The article's FAQ, “{question}”, answers:** “{quote}”")
            st.caption(escape_markdown(gaps.claim_verdict(region_gaps)))


def map_section(view: pd.DataFrame, fx: pd.DataFrame, unit: rates.Unit) -> None:
    """The map of each chosen region's band midpoint, drawn only while its expander is open."""
    # Drawn only while opened: a world map is the page's costliest chart to rebuild and redraw on
    # every filter change, and it repeats the bars' numbers (on_change="rerun" makes `.open` known).
    map_box = st.expander(
        "On the map: each chosen region's band midpoint",
        key="salary-map-open",
        on_change="rerun",
        icon=":material/public:",
    )
    if map_box.open:
        with map_box:
            role = st.segmented_control("Role", ROLES, default=ROLES[0], required=True, key="map-role")
            shown_unit = map_figures.map_unit(unit)
            st.caption(
                f"Band midpoint of the {escape_markdown(role)} in each chosen region, in "
                f"{escape_markdown(shown_unit.label)}"
                + (" (one colour scale needs one currency)." if unit.is_local else ".")
                + " Hover a country for its band in local currency."
            )
            ui.chart(
                map_figures.salary_map_figure(view, fx, role, unit),
                key="salary-map",
                alt=map_figures.salary_map_alt(view, fx, role, unit),
                config=chart_style.MAP_CONFIG,
            )
            st.caption(escape_markdown(rates.source_caption(view["year"], fx, shown_unit)))
