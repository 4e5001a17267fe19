"""Which role fits you? Tick your skills; see how much of each role you cover, what is missing, and a plan."""

import streamlit as st

from dashboard import career_figures, data, export, figures, filters, fit, shell, tables, ui
from dashboard.text import escape_markdown, summarize

shell.ensure_app_shell()

st.title("Which role fits you?")
st.caption(
    "Tick the skills you already have, from every list in the article. Your choice stays in the link, "
    "so you can send your profile to a mentor."
)

all_skills = ui.load_or_stop(data.load_skills)
certs = ui.load_or_stop(data.load_certifications)
salaries = ui.load_or_stop(data.load_salaries)
everything = [name for names in fit.skill_choices(all_skills).values() for name in names]

profile, unknown = filters.skill_profile(all_skills)
if unknown:
    what = f"{len(unknown):,} skills" if len(unknown) > 1 else "a skill"
    st.warning(
        f"The link names {what} this dashboard does not have: {escape_markdown(summarize(unknown))}. "
        "The others are ticked.",
        icon=":material/link_off:",
    )

with st.container(border=True, key="skill-picker"):
    query = st.text_input(
        "Search skills",
        key="skill-search",
        type="search",
        live=True,
        placeholder="SageMaker, Python, pipelines…",
        icon=":material/search:",
    )
    choices = fit.skill_choices(all_skills, query)
    if not choices:
        st.caption(f"No skill's name contains “{escape_markdown(query.strip())}”.")
    # Categories closed (a phone shows ten short rows, not 99 pills) unless a search opens its matches;
    # two per row on a wide screen, in order when a phone stacks the rows.
    groups = list(choices.items())
    for start in range(0, len(groups), 2):
        for column, (category, names) in zip(st.columns(2), groups[start : start + 2], strict=False):
            with column.expander(f"{escape_markdown(category)} ({len(names)})", expanded=bool(query.strip())):
                filters.skill_pills(category, names, everything)
    profile = filters.save_skill_profile(everything)
    count, clear = st.columns([3, 1], vertical_alignment="center")
    count.caption(
        f"{len(profile)} of {len(everything)} skills ticked"
        + (f": {escape_markdown(summarize(profile, 8))}." if profile else ".")
    )
    clear.button(
        "Clear all",
        key="skill-clear",
        on_click=filters.clear_skill_profile,
        disabled=not profile,
        icon=":material/close:",
        width="stretch",
    )

hint = fit.coverage_hint(profile)
if hint:
    st.info(hint, icon=":material/checklist:")
    st.stop()

cover = fit.coverage(all_skills, profile)
st.subheader("How much of each role you cover, in % of its skills")
st.caption(
    "Each role's distinct skills in the article; a skill named in several sections counts once. "
    + escape_markdown(figures.source_caption([figures.ARTICLE_YEAR]))
    + "."
)
ui.chart(career_figures.coverage_figure(cover), key="coverage", alt=career_figures.coverage_alt(cover))

codes = filters.chosen(filters.REGION)
bands = filters.filter_regions(salaries, codes)
plan = fit.learning_plan(all_skills, profile)
for column, row in zip(st.columns(2, border=True), cover.itertuples(index=False), strict=True):
    with column:
        st.markdown(f"#### {escape_markdown(row.role)}")
        st.metric(
            f"Coverage of the {escape_markdown(row.role)}'s skills",
            f"{row.percent:.0f}%",
            help=f"{row.have} of the {row.total} skills the article names for this role.",
        )
        cert = fit.start_certification(certs, row.role)
        if cert is not None:
            st.markdown(
                f"**Start with** {escape_markdown(cert['name'])} ({escape_markdown(cert['code'])}, "
                f"{escape_markdown(cert['level'])}); then {escape_markdown(cert['next_certification'])}."
            )
        st.markdown("**Salary band**")
        if codes:
            shown = tables.salary_display_table(bands[bands["role"] == row.role]).drop(columns="Role")
            ui.static_table(shown)
        else:
            st.caption("No region is chosen in the sidebar.")
        missing = fit.missing_by_category(all_skills, profile, row.role)
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
st.dataframe(
    plan,
    hide_index=True,
    column_config={
        "role": st.column_config.TextColumn("Role"),
        "skill": st.column_config.TextColumn("Skill", width="medium"),
        "category": st.column_config.TextColumn("Category"),
        "sections": st.column_config.TextColumn("Read in", width="medium"),
        "wording": st.column_config.TextColumn("The article's words", width="large"),
    },
)
ui.download_csv(
    plan, export.csv_filename("learning-plan"), label="Download learning plan (CSV)", key="download-plan"
)
