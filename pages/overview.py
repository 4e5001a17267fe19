"""Home: what the two roles are, the article's comparison side by side, and where to go next."""

import streamlit as st

from dashboard.app import data, market, shell, ui
from dashboard.core import export
from dashboard.core.text import escape_markdown

shell.ensure_app_shell()

st.title("ML Engineer vs AI Engineer")
st.markdown(
    "Two careers on AWS, side by side. In the article's words, an **ML Engineer** “builds and "
    "optimises models”; an **AI Engineer** “designs and deploys intelligent systems that may or may "
    "not include ML models”. Compare what they pay by region, which skills they share, and which AWS "
    "services each one uses."
)

st.subheader("Which role pays more where, and does the market agree?")
market.answer_section()

st.subheader("The two roles, aspect by aspect")
st.caption("The comparison is the same in every region; the region filter applies to salaries.")
comparison = ui.load_or_stop(data.load_comparison)
# One block per aspect, each cell labelled with its role: on a phone the columns stack, and an
# unlabelled second paragraph would leave the reader guessing which role it describes.
for row in comparison.itertuples(index=False):
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(row.aspect)}**")
        ml, ai = st.columns(2)
        ml.markdown(f":blue[**ML Engineer**]  \n{escape_markdown(row.ml_engineer)}")
        ai.markdown(f":orange[**AI Engineer**]  \n{escape_markdown(row.ai_engineer)}")

ui.download_csv(
    comparison,
    export.csv_filename("comparison"),
    label="Download comparison (CSV)",
    key="download-comparison",
)

st.subheader("Explore")
for spec in shell.PAGES:
    if spec.blurb:
        st.page_link(shell.st_page(spec), label=spec.blurb)
with st.expander("Where the numbers come from", icon=":material/source:"):
    st.markdown(
        "The article's figures come from Mythili Sivakumar, *ML Engineer vs AI Engineer on AWS: "
        "Certification, Skills & Salary Comparison*, on the [Whizlabs blog](https://www.whizlabs.com/blog/) "
        "(2026); the market's from the [aijobs.net salary survey](https://aijobs.net/salaries/) "
        "(snapshot of 2025-01-19, 74,301 answers, public domain).\n\n"
        "- **Salaries** are the article's 2026 ranges in each country's own currency. The article states "
        "a period only for India (lakh per annum, 1 LPA = ₹1,00,000); the dashboard assumes every band is "
        "annual, as India's is and as the survey's answers are. The article gives no sample sizes or "
        "percentiles; the survey's medians, percentiles and n are its own.\n"
        "- **Skills** are every list in the article, one entry per role and section naming a skill. "
        "Different words for one idea count once: *continuous monitoring* and *track performance* "
        "are both **Monitoring**.\n"
        "- **AWS service families** are this dashboard's grouping, after AWS's own product "
        "categories; the article does not group services."
    )
