"""Which role fits you? Tick your skills; see how much of each role you cover, what is missing, and a plan."""

import streamlit as st

from dashboard.app import data, derived, filters, market, profile, shell, ui
from dashboard.careers import figures, fit
from dashboard.core import export, listing
from dashboard.core.source import article_caption
from dashboard.core.text import escape_markdown
from dashboard.salaries import rates, tables

shell.ensure_app_shell()

st.title("Which role fits you?")
st.caption(
    "Tick the skills you already have, from every list in the article. Your choice stays in the link, "
    "so you can send your profile to a mentor."
)

all_skills = ui.load_or_stop(data.load_skills)
ui.load_or_stop(data.load_certifications)  # a bad file stops the page here, with its message
salaries = ui.load_or_stop(data.load_salaries)
everything = [name for names in derived.skill_choices().values() for name in names]

ticked = profile.skill_picker(all_skills, everything)

hint = fit.coverage_hint(ticked)
if hint:
    st.info(hint, icon=":material/checklist:")
    st.stop()

view = derived.fit_view(ticked)
cover = view["cover"]
st.subheader("How much of each role you cover, in % of its skills")
st.caption(
    "Each role's distinct skills in the article; a skill named in several sections counts once. "
    + escape_markdown(article_caption())
    + "."
)
ui.chart(figures.coverage_figure(cover), key="coverage", alt=figures.coverage_alt(cover))

codes = filters.chosen(filters.REGION)
bands = listing.filter_regions(salaries, codes)
plan = view["plan"]
for column, row in zip(st.columns(2, border=True), cover.itertuples(index=False), strict=True):
    with column:
        st.markdown(f"#### {escape_markdown(row.role)}")
        st.metric(
            f"Coverage of the {escape_markdown(row.role)}'s skills",
            f"{row.percent:.0f}%",
            help=f"{row.have} of the {row.total} skills the article names for this role.",
        )
        cert = view["certification"][row.role]
        if cert is not None:
            st.markdown(
                f"**Start with** {escape_markdown(cert['name'])} ({escape_markdown(cert['code'])}, "
                f"{escape_markdown(cert['level'])}); then {escape_markdown(cert['next_certification'])}."
            )
        st.markdown("**Salary band**")
        if codes:
            own = bands[bands["role"] == row.role]
            ui.static_table(tables.salary_display_table(own, rates.LOCAL).drop(columns="Role"))
        else:
            st.caption("No region is chosen in the sidebar.")
        if row.role in fit.closer_roles(cover):
            market.fit_section(row.role, codes)
        missing = view["missing"][row.role]
        todo = sum(len(names) for names in missing.values())
        st.markdown(f"**Still to learn: {todo} skills**" if todo else "**You have every skill it needs.**")
        st.markdown(
            "\n".join(
                f"- *{escape_markdown(category)}* ({len(names)}): "
                + ", ".join(escape_markdown(n) for n in names)
                for category, names in missing.items()
            )
        )

st.subheader("Your learning plan")
st.caption("The skills still missing for each role, with the article's sections to read and its words there.")
ui.quote_table(
    plan,
    {
        "role": "Role",
        "skill": "Skill",
        "category": "Category",
        "sections": "Read in",
        "wording": "The article's words",
    },
)
ui.download_csv(
    plan, export.csv_filename("learning-plan"), label="Download learning plan (CSV)", key="download-plan"
)
