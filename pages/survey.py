"""What the market says: a salary survey's pay bands per country and role, the article's band over them."""

import streamlit as st

from dashboard import data, export, filters, rates, regions, shell, survey, survey_figures, survey_tables, ui
from dashboard.text import escape_markdown, literal

SOURCE_URL = "https://aijobs.net/salaries/"
STATE = "survey-f-"  # every filter's widget key starts with this, so a new survey resets them all

shell.ensure_app_shell()

st.title("What the market says: a salary survey")
st.caption(
    "Real answers, country by country: the spread of pay for each role, how many people answered, "
    "and the article's band drawn over it."
)

limit_mb = int(st.get_option("server.maxUploadSize"))
path = survey.configured_survey_path()
if path is not None:
    name = path.name
    st.info(
        f"Showing the survey this app was started with: **{literal(name)}**. To use another file, "
        "restart the app with a different `--survey` path or `CAREERS_SURVEY_PATH`.",
        icon=":material/description:",
    )
    source = (data.load_survey_file, path)
else:
    uploaded = st.file_uploader(
        f"Upload a salary survey (CSV, up to {limit_mb:,} MB)",
        type=["csv"],
        key="survey-upload",
        help="A CSV in the aijobs.net salary survey schema. The page shows only aggregates.",
    )
    st.caption(
        f"Uploads are limited to {limit_mb:,} MB. For a larger file, start the app with "
        "`streamlit run app.py -- --survey PATH` or the environment variable `CAREERS_SURVEY_PATH` "
        "(see the README)."
    )
    if uploaded is None:
        st.markdown(
            "**No survey is loaded yet.** Upload one CSV file with one row per answer and these columns "
            "(more are ignored): "
            + ", ".join(f"`{c}`" for c in survey.SURVEY_COLUMNS)
            + f".\n\naijobs.net publishes such a survey in the public domain (CC0) at "
            f"[aijobs.net/salaries]({SOURCE_URL}); download its CSV and upload it here."
        )
        st.stop()
    name = uploaded.name
    source = (data.load_survey_upload, uploaded, limit_mb * 1024 * 1024)

with st.spinner("Reading the survey…"):
    key, loaded = ui.load_or_stop(lambda: source[0](*source[1:]))
title_map = ui.load_or_stop(data.load_title_map)
salaries = ui.load_or_stop(data.load_salaries)
fx = ui.load_or_stop(data.load_fx_rates)
market = fx[fx["indicator"] == rates.MARKET_RATE]
market_rates = dict(zip(market["currency"], market["value"].astype(float), strict=True))
rate_years = ", ".join(str(y) for y in sorted(set(market["year"])))

# A different survey (or title map) starts every filter afresh: old choices may not exist in it.
if st.session_state.get("survey-loaded") != key:
    for stale in [k for k in st.session_state if str(k).startswith(STATE)]:
        del st.session_state[stale]
    st.session_state["survey-loaded"] = key

mapped = int(loaded.rows["role"].notna().sum())
skipped = len(loaded.rejects)
st.markdown(
    f"**{literal(name)}**: {loaded.read_rows:,} rows read, {len(loaded.rows):,} accepted, "
    f"{skipped:,} skipped ([why](#rows-skipped)). {mapped:,} answers are from ML Engineer or AI Engineer "
    f"titles; {int(loaded.unmapped.sum()):,} answers under {len(loaded.unmapped):,} other titles are "
    "not counted ([which](#which-job-titles-count))."
)

if mapped:
    options = data.survey_options(loaded, key)
    st.subheader("Filters")
    left, right = st.columns([1, 2])
    field = left.segmented_control(
        "Count each answer in the country of",
        survey.COUNTRY_FIELDS,
        format_func=survey_tables.COUNTRY_FIELD_LABELS.get,
        default=survey.COUNTRY_FIELDS[0],
        required=True,
        key=f"{STATE}field",
    )
    field_countries = survey_tables.country_options(options, field)
    shared = filters.chosen(filters.REGION)
    # The sidebar's regions preset the countries (again whenever they or the field change); the
    # list then takes any country the survey has.
    marker = (tuple(shared), field)
    stale = st.session_state.get(f"{STATE}countries-from") != marker
    if stale or f"{STATE}countries" not in st.session_state:
        st.session_state[f"{STATE}countries"] = survey_tables.preset_countries(loaded, field, shared)
        st.session_state[f"{STATE}countries-from"] = marker
    countries = right.multiselect(
        f"Countries ({len(field_countries)} in this survey)",
        field_countries,
        format_func=regions.region_label,
        key=f"{STATE}countries",
        placeholder="Choose countries…",
        help="Starts with the sidebar's regions that the survey has answers from; add any other.",
    )
    picked: dict[str, list] = {}
    with st.expander("Year, experience, employment type, remote work, company size", icon=":material/tune:"):
        specs = [
            ("work_year", "Work year", {}),
            ("experience_level", "Experience level", survey_tables.EXPERIENCE_LEVELS),
            ("employment_type", "Employment type", survey_tables.EMPLOYMENT_TYPES),
            ("remote_ratio", "Remote work", survey_tables.REMOTE_RATIOS),
            ("company_size", "Company size", survey_tables.COMPANY_SIZES),
        ]
        columns = st.columns(3)
        for i, (column, label, labels) in enumerate(specs):
            picked[column] = columns[i % 3].multiselect(
                label,
                options[column],
                default=options[column],
                format_func=lambda v, labels=labels: survey_tables.code_label(v, labels),
                key=f"{STATE}{column}",
                placeholder="Choose…",
            )
    drop = st.toggle("Drop exact duplicate rows", key=f"{STATE}drop-duplicates")
    share = loaded.duplicates / len(loaded.rows)
    st.caption(
        f"{loaded.duplicates:,} of the {len(loaded.rows):,} accepted rows ({share:.0%}) repeat an earlier "
        "row exactly. The survey has no row ids, so a repeat may be another person with the same answers: "
        + ("they are left out now." if drop else "they are kept unless you drop them.")
    )
    chosen = survey_tables.survey_filter(options, picked, field, countries, drop)

    st.subheader("Pay by country and role")
    table = data.survey_table(loaded, key, chosen, market_rates)
    shown = bool(countries) and not table.empty
    broken = survey_tables.implausible_cells(table) if shown else 0
    if not countries:
        st.info("No country is selected. Pick one or more countries above.", icon=":material/filter_alt:")
    elif table.empty:
        st.info(
            "No ML Engineer or AI Engineer answers match these filters. Widen them above.",
            icon=":material/filter_alt:",
        )
    elif broken:
        st.warning(
            f"Cells below with a percentile of a trillion US$ or more: {broken:,}. The file's salary_in_usd "
            "cannot be right there, so the chart is left out; the table shows the numbers as they are.",
            icon=":material/warning:",
        )
    else:
        article = survey.article_bands_usd(salaries, market_rates)
        ui.chart(
            survey_figures.survey_bands_figure(table, article),
            key="survey-bands",
            alt=survey_figures.survey_bands_alt(table, article),
        )
        st.caption(
            "Each box: whiskers from p10 to p90, the box from p25 to p75, the line at the median, in US$ "
            "as the survey reports them (salary_in_usd). Faded boxes are thin: fewer than "
            f"{survey.THIN_BELOW} answers, so read them as anecdotes. The dashed line is the article's "
            f"band for the same country and role, converted at the World Bank market rate ({rate_years})."
        )
    if shown:
        st.dataframe(
            survey_tables.display_table(table),
            hide_index=True,
            column_config={"n": st.column_config.NumberColumn("n", help="Answers in this cell")},
        )
        no_rate = sorted({c for c, r in zip(table["currency"], table["rate"], strict=True) if c and r != r})
        st.caption(
            "Local currency: the US$ figures times the World Bank official exchange rate "
            f"(PA.NUS.FCRF, {rate_years}) from data/fx_rates.csv"
            + (
                f"; it has no rate for {escape_markdown(', '.join(no_rate))}, so those cells say 'no rate'."
                if no_rate
                else "."
            )
            + " The sidebar's money unit does not change this page: the survey itself reports US$."
        )
    scope = export.scope_label(countries, field_countries, "all-countries") or "no-countries"
    ui.download_csv(
        survey_tables.export_table(table, fx, field),
        export.csv_filename("survey-percentiles", scope),
        label="Download the percentile table (CSV)",
        key="download-survey-table",
    )
    rows = survey.filter_rows(loaded, chosen) if countries else loaded.rows.iloc[:0]
    ui.download_csv(
        survey_tables.rows_for_download(rows),
        export.csv_filename("survey-answers", scope),
        label=f"Download the {len(rows):,} answers behind it (CSV)",
        key="download-survey-rows",
    )
else:
    st.warning(
        "No accepted row has a job title the title map counts as ML Engineer or AI Engineer, so there "
        "is nothing to chart. The titles the survey does have are listed below.",
        icon=":material/search_off:",
    )

st.subheader("Which job titles count")
counted = survey_tables.mapped_titles(loaded)
st.caption(
    f"The reviewed table data/title_map.csv names {len(title_map):,} titles and the role each counts as; "
    f"{len(counted):,} of them occur in this survey. Titles it does not name are not counted, never "
    f"guessed: the {min(len(loaded.unmapped), survey_tables.MAX_TITLES_SHOWN)} most frequent are on the "
    "right, so a reviewer can judge whether one belongs."
)
left, right = st.columns(2)
left.dataframe(counted, hide_index=True)
right.dataframe(survey_tables.unmapped_titles(loaded), hide_index=True)

st.subheader("Rows skipped")
if skipped:
    st.caption(
        "Rows with a missing, non-numeric or negative salary, an unknown currency or country code, or the "
        "wrong number of fields are skipped, each counted under its first problem. Accepted rows are "
        "never altered."
    )
    ui.static_table(survey_tables.reject_table(loaded.reject_counts))
    ui.download_csv(
        loaded.rejects,
        export.csv_filename("survey-skipped-rows"),
        label=f"Download the {skipped:,} skipped rows (CSV)",
        key="download-survey-rejects",
    )
else:
    st.caption("None: every row had a salary, known currency and country codes, and the right fields.")
