"""The baseline of benchmarks/pages.py: a bare Streamlit app that draws one Plotly bar chart.

It has one sidebar multiselect so that the benchmark can rerun it the way a user reruns the
dashboard (by removing a chip), and nothing else. The bar heights are arbitrary benchmark input,
not data the dashboard shows.
"""

import plotly.graph_objects as go
import streamlit as st

BARS = {"US": 150, "GB": 80, "DE": 75, "CA": 120, "IN": 20}

chosen = st.sidebar.multiselect("Regions", list(BARS), default=list(BARS))
st.plotly_chart(go.Figure(go.Bar(x=chosen, y=[BARS[c] for c in chosen])))
