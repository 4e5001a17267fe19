"""The dashboard as the server runs it: `streamlit run serve.py` (make run and deploy/ start this).

app.py is the app itself (AppTest and `streamlit run app.py` run it directly); this wraps it in
st.App only to add dashboard.core.routes.LinkGuard: a link such as /salaries/extra lands on "page not
found" beside the menu instead of a blank page, and a link with more parameters than Streamlit
reads gets a word why instead of being ignored in silence. Neither can be fixed inside app.py: for
a nested path the script never runs, and for the long link Streamlit empties the query string
before the script sees it.
"""

import streamlit as st
from starlette.middleware import Middleware

from dashboard.core.routes import LinkGuard

app = st.App("app.py", middleware=[Middleware(LinkGuard)])
