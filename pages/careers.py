"""Certifications and careers: the two AWS exams side by side, where each role leads, the article's
advice on choosing, and its FAQ checked against its own figures."""

import streamlit as st

from dashboard import career_figures, careers, data, export, figures, filters, shell, ui
from dashboard.text import escape_markdown

shell.ensure_app_shell()

NOTE = "**Dashboard's note, not the article's:**"
FACT_LABELS = {
    "name": "Certification",
    "level": "Level",
    "role": "Serves the role",
    "experience": "Experience the article expects",
    "next_certification": "Next certification on the path",
}
LISTS = {"summary": "In short", "validates": "What the exam validates", "knowledge": "Knowledge it expects"}

st.title("Certifications and careers")
st.caption(
    "The certification the article pairs with each role, where each role leads, and the article's advice "
    "and FAQ. Every fact keeps the article's own words; open “The article's words” to check them."
)

certs = ui.load_or_stop(data.load_certifications)
career_rows = ui.load_or_stop(data.load_careers)
advice = ui.load_or_stop(data.load_advice)
faq = ui.load_or_stop(data.load_faq)
salaries = ui.load_or_stop(data.load_salaries)

st.subheader("The two certifications side by side")
st.caption("The article gives no exam cost, length or question count, so this page shows none.")
summary = careers.certification_summary(certs)
side = summary.set_index("code")[list(FACT_LABELS)].rename(columns=FACT_LABELS).T
ui.static_table(side.rename_axis("").reset_index())

for column, code in zip(st.columns(len(summary), border=True), summary["code"], strict=True):
    facts = certs[certs["code"] == code]
    with column:
        st.markdown(f"#### {escape_markdown(code)}")
        for kind, title in LISTS.items():
            items = careers.certification_items(certs, code, kind)
            if items.empty:
                continue
            st.markdown(f"**{title}**")
            st.markdown("\n".join(f"- {escape_markdown(v)}" for v in items["value"]))
        for row in facts[facts["caveat"] != ""].itertuples():
            st.info(f"{NOTE} {escape_markdown(row.caveat)}", icon=":material/fact_check:")
        with st.expander("The article's words", icon=":material/format_quote:"):
            st.dataframe(
                facts[["kind", "value", "quote"]],
                hide_index=True,
                column_config={
                    "kind": st.column_config.TextColumn("Fact"),
                    "value": st.column_config.TextColumn("As shown", width="medium"),
                    "quote": st.column_config.TextColumn("The article's words", width="large"),
                },
            )
ui.download_csv(
    certs, export.csv_filename("certifications"), label="Download certifications (CSV)", key="download-certs"
)

st.subheader("Where each role leads")
paths = careers.career_paths(career_rows)
drawing, notes = st.columns([3, 2])
with drawing:
    ui.chart(
        career_figures.career_paths_figure(paths),
        key="career-paths",
        alt=career_figures.career_paths_alt(paths),
    )
with notes:
    st.caption(
        "The article's lists of career options for each role. NLP engineer and computer vision engineer "
        "are on both lists, so they are drawn once, in the shared colour. "
        + escape_markdown(figures.source_caption([figures.ARTICLE_YEAR]))
        + "."
    )
    for row in faq[faq["checks"] == "career list"].itertuples():
        st.info(
            f"{NOTE} the FAQ's answer to “{escape_markdown(row.question)}”: {escape_markdown(row.caveat)} "
            "The diagram follows the article's list.",
            icon=":material/fact_check:",
        )
    shared = set(paths.loc[paths["shared"], "career"])
    ui.download_csv(
        career_rows.assign(shared=career_rows["career"].isin(shared))[["role", "career", "shared", "quote"]],
        export.csv_filename("careers"),
        label="Download career paths (CSV)",
        key="download-careers",
    )

st.subheader("Which one to choose, in the article's words")
for column, (role, points) in zip(
    st.columns(2, border=True), advice.groupby("role", sort=False), strict=True
):  # fmt: skip
    with column:
        st.markdown(f"**Choose the {escape_markdown(role)} if**")
        st.markdown(
            "\n".join(
                f"- {escape_markdown(p.point)}  \n  :gray[“{escape_markdown(p.quote)}”]"
                for p in points.itertuples()
            )
        )
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
faq_view = careers.faq_table(faq, filters.filter_regions(salaries, scope), career_rows)
for row in faq_view.itertuples():
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(row.question)}**")
        st.markdown(f"> {escape_markdown(row.quote)}")
        if row.caveat:
            st.warning(
                f"{NOTE} {escape_markdown(row.caveat)}  \n**From the dashboard's data:** "
                f"{escape_markdown(row.evidence)}",
                icon=":material/fact_check:",
            )
ui.download_csv(
    faq_view,
    export.csv_filename("faq", export.scope_label(scope, filters.REGION.options(), "all-regions")),
    label="Download FAQ with the dashboard's notes (CSV)",
    key="download-faq",
)
