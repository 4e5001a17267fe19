"""Certifications and careers: the two AWS exams side by side, where each role leads, the article's
advice on choosing, and its FAQ checked against its own figures."""

import streamlit as st

from dashboard.app import data, derived, filters, shell, ui
from dashboard.careers import careers
from dashboard.core import export
from dashboard.core.source import article_caption
from dashboard.core.text import escape_markdown

shell.ensure_app_shell()

st.title("Certifications and careers")
st.caption(
    "The certification the article pairs with each role, where each role leads, and the article's advice "
    "and FAQ. Every fact keeps the article's own words; open “The article's words” to check them."
)

certs = ui.load_or_stop(data.load_certifications)
career_rows = ui.load_or_stop(data.load_careers)
advice = ui.load_or_stop(data.load_advice)
faq = ui.load_or_stop(data.load_faq)
ui.load_or_stop(data.load_salaries)  # the FAQ's salary evidence needs it; a broken file is named here

st.subheader("The two certifications side by side")
st.caption("The article gives no exam cost, length or question count, so this page shows none.")
summary = careers.certification_summary(certs)
ui.static_table(careers.side_by_side(summary))
for column, code in zip(st.columns(len(summary), border=True), summary["code"], strict=True):
    facts = certs[certs["code"] == code]
    with column:
        st.markdown(f"#### {escape_markdown(code)}")
        for kind, title in careers.LISTS.items():
            items = careers.certification_items(certs, code, kind)
            if not items.empty:
                st.markdown(f"**{title}**  \n" + "\n".join(f"- {escape_markdown(v)}" for v in items["value"]))
        for row in facts[facts["caveat"] != ""].itertuples():
            ui.dashboard_note(row.caveat)
        with st.expander("The article's words", icon=":material/format_quote:"):
            ui.quote_table(facts, {"kind": "Fact", "value": "As shown", "quote": "The article's words"})
ui.download_csv(
    certs, export.csv_filename("certifications"), label="Download certifications (CSV)", key="download-certs"
)

st.subheader("Where each role leads")
paths, paths_figure, paths_alt = derived.career_paths()
drawing, notes = st.columns([3, 2])
with drawing:
    ui.chart(paths_figure, key="career-paths", alt=paths_alt)
with notes:
    st.caption(escape_markdown(careers.paths_caption(paths, article_caption())))
    for row in faq[faq["checks"] == "career list"].itertuples():
        ui.dashboard_note(
            f"the FAQ's answer to “{row.question}”: {row.caveat} The diagram follows the article's list."
        )
    ui.download_csv(
        careers.careers_export(career_rows, paths),
        export.csv_filename("careers"),
        label="Download career paths (CSV)",
        key="download-careers",
    )

st.subheader("Which one to choose, in the article's words")
for column, (role, points) in zip(
    st.columns(2, border=True), advice.groupby("role", sort=False), strict=True
):
    column.markdown(careers.advice_markdown(role, points))
ui.download_csv(advice, export.csv_filename("advice"), label="Download advice (CSV)", key="download-advice")

st.subheader("The article's FAQ, checked against its own figures")
codes = filters.chosen(filters.REGION)
scope = codes or filters.REGION.options()
st.caption(
    "The salary evidence follows the region filter in the sidebar (now: "
    + escape_markdown(", ".join(filters.REGION.format_func(c) for c in scope))
    + ("" if codes else "; none is chosen, so all of them")
    + "). Certifications, careers and advice are the same in every region."
)
faq_view = derived.checked_faq(scope)
for row in faq_view.itertuples():
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(row.question)}**\n\n> {escape_markdown(row.quote)}")
        if row.caveat:
            ui.dashboard_note(row.caveat, evidence=row.evidence, warn=True)
ui.download_csv(
    faq_view,
    export.csv_filename("faq", filters.REGION.scope(scope)),
    label="Download FAQ with the dashboard's notes (CSV)",
    key="download-faq",
)
