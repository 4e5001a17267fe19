"""Salary bands per region for both roles, in local currency or on one scale, the gap, and a map."""

import streamlit as st

from dashboard import alt_text, data, export, figures, filters, map_figures, rates, shell, tables, ui
from dashboard.domain import ROLES
from dashboard.text import escape_markdown

shell.ensure_app_shell()

st.title("Salary bands by region")
salaries = ui.load_or_stop(data.load_salaries)
fx = ui.load_or_stop(data.load_fx_rates)
unit = filters.money_unit()
st.caption(
    "Annual salary ranges from the article's 2026 table, "
    + ("each region in its own currency." if unit.is_local else f"in {escape_markdown(unit.label)}.")
    + " Change the money unit in the sidebar."
)

codes = filters.chosen(filters.REGION)
ui.stop_if_nothing_chosen(codes, filters.REGION, "in the sidebar")
view = filters.filter_regions(salaries, codes)
converted = rates.convert_salaries(view, fx, unit)
currencies = list(dict.fromkeys(view["currency"]))
region_scope = export.scope_label(codes, filters.REGION.options(), "all-regions")
scope = region_scope if unit.is_local else f"{region_scope}_{unit.key}"

ui.chart(
    figures.salary_figure(converted, unit),
    key="salary-bands",
    alt=alt_text.salary_bands_alt(view) if unit.is_local else alt_text.salary_bands_unit_alt(converted, unit),
)
if not unit.is_local:
    st.caption(escape_markdown(rates.rates_caption(fx, unit, currencies)))
st.caption(escape_markdown(figures.source_caption(view["year"], fx, unit)))
ui.static_table(tables.salary_unit_display_table(converted, unit))
ui.download_csv(
    tables.salary_unit_export_table(converted, unit),
    export.csv_filename("salary-bands", scope),
    label="Download salary bands (CSV)",
    key="download-salaries",
)

st.subheader("Which role earns more, region by region?")
gaps = rates.gaps_in_unit(converted)
st.caption(
    "ML Engineer minus AI Engineer at the midpoint of each region's bands, largest ML lead first. "
    "The percentage compares midpoints, so regions with different currencies sit on one scale."
)
gap_alt = alt_text.salary_gap_unit_alt(gaps, unit)
ui.chart(figures.salary_gap_unit_figure(gaps, unit), key="salary-gaps", alt=gap_alt)
st.caption(escape_markdown(figures.source_caption(view["year"], fx, unit)))
st.markdown("\n".join(f"- {escape_markdown(s)}" for s in gaps["statement"]))
faq = ui.load_or_stop(data.load_faq)
for claim in faq[faq["checks"] == "salary table"].itertuples():
    against = gaps[gaps["earns_more"] != "ML Engineer"]
    with st.container(border=True):
        st.markdown(
            f"**The article's FAQ, “{escape_markdown(claim.question)}”, answers:** "
            f"“{escape_markdown(claim.quote)}”"
        )
        if against.empty:
            st.caption("In the regions chosen, the article's own salary table agrees.")
        else:
            st.caption(
                "Its own salary table says otherwise in "
                + ", ".join(escape_markdown(rates.place_name(c)) for c in against["country"])
                + ", where an AI Engineer's band midpoint is higher (figures above)."
            )
ui.static_table(tables.gap_unit_display_table(gaps, unit))
ui.download_csv(
    tables.gap_unit_export_table(gaps),
    export.csv_filename("salary-gaps", scope),
    label="Download gaps between roles (CSV)",
    key="download-gaps",
)

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
            alt=alt_text.salary_map_alt(view, fx, role, unit),
            config=map_figures.PLOTLY_CONFIG,
        )
        st.caption(escape_markdown(figures.source_caption(view["year"], fx, shown_unit)))
