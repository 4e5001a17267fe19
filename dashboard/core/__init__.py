"""The domain's vocabulary and what every feature shares; no Streamlit and no feature imports here."""
