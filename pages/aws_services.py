"""Which AWS services each role uses, and how much: a dot matrix by service family, and its table."""

import streamlit as st

from dashboard.app import data, filters, shell, ui
from dashboard.core import export, listing
from dashboard.core.source import article_caption
from dashboard.core.text import escape_markdown
from dashboard.skills import figures, sets, tables

shell.ensure_app_shell()

st.title("AWS services per role")
st.caption(
    "Each dot is a service the article names for a role; its size and number say in how many of the "
    "article's sections. A bar joins the services both roles use."
)

ui.region_independent_note("AWS services")
all_skills = ui.load_or_stop(data.load_skills)
services = ui.load_or_stop(data.load_aws_services)
usage = sets.service_usage(all_skills, services)
left, right = st.columns([3, 1])
with left:
    chosen = filters.widget(filters.FAMILY)
with right:
    order = st.segmented_control(
        "Sort", ["family", "total"], default="family", required=True, key="service-sort",
        format_func={"family": "By family", "total": "By total use"}.get,
    )  # fmt: skip
ui.stop_if_nothing_chosen(chosen, filters.FAMILY, "above")
view = sets.sort_usage(listing.filter_values(usage, "family", chosen), order)

ml_count, ai_count, both_count = st.columns(3)
ml_count.metric("Used by ML Engineers", int((view["ml_sections_count"] > 0).sum()), border=True)
ai_count.metric("Used by AI Engineers", int((view["ai_sections_count"] > 0).sum()), border=True)
both_count.metric("Used by both", int((view["used_by"] == "both").sum()), border=True)

figure = figures.service_usage_figure(view, grouped_by_family=order == "family")
ui.chart(figure, key="service-usage", alt=figures.service_usage_alt(view))
st.caption(escape_markdown(article_caption()) + ", all of its sections.")
query, column, descending = ui.table_controls(tables.SERVICE_LABELS, key="services-table")
listed = listing.sort_rows(listing.search_rows(view, query), column, descending)
if listed.empty:
    st.caption("No service matches the search.")
else:
    ui.static_table(listing.labelled(listed, tables.SERVICE_LABELS))
ui.download_csv(
    view,
    export.csv_filename("aws-services", filters.FAMILY.scope(chosen)),
    label="Download AWS services (CSV)",
    key="download-services",
)
