"""What frames every page: the page list, the shared sidebar, and the guard for legacy page runs."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"


def build_pages() -> list:
    """The pages in menu order; each url_path equals its file name (see ensure_app_shell)."""
    return [
        st.Page(PAGES_DIR / "overview.py", title="Overview", icon="⚖️", default=True),
        st.Page(PAGES_DIR / "salaries.py", title="Salaries", icon="💰", url_path="salaries"),
        st.Page(PAGES_DIR / "skills.py", title="Skills overlap", icon="🧩", url_path="skills"),
        st.Page(PAGES_DIR / "aws_services.py", title="AWS services", icon="🧰", url_path="aws_services"),
    ]


def ensure_app_shell() -> None:
    """Rerun through app.py when Streamlit ran this page on its own.

    A folder named pages/ next to app.py makes Streamlit start each server process (and each
    AppTest run) in its legacy multipage mode, which runs a deep-linked page file directly:
    no navigation, no shared sidebar. st.navigation switches the process to the modern mode,
    and the rerun then goes through app.py to this same page.
    """
    if PagesManager.uses_pages_directory:
        st.navigation(build_pages(), position="hidden")
        st.rerun()
