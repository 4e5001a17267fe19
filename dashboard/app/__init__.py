"""The only modules that import Streamlit: cached loading, filters kept in the URL, the page shell."""
