"""What frames every page: the page list (declared once), and the guard for legacy page runs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

PAGES_DIR = Path(__file__).resolve().parents[2] / "pages"
_ENTRY_RUN = "_shell_entry_run"


@dataclass(frozen=True)
class PageSpec:
    """A page's file, menu title, icon, URL path and the line that links to it from the Overview."""

    file: str
    title: str
    icon: str
    url_path: str
    blurb: str = ""


# Emoji, not :material/…: icons: a material page icon makes the browser fetch a favicon from
# Google's font CDN, a console error offline. Each url_path equals its file name, so a legacy run
# (see ensure_app_shell) and the real app answer the same links.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview.py", "Overview", "⚖️", ""),
    PageSpec(
        "salaries.py", "Salaries", "💰", "salaries", "Salary bands in five regions, and the gap between roles"
    ),
    PageSpec(
        "survey.py",
        "Survey",
        "📊",
        "survey",
        "A real salary survey's percentiles beside the article's bands, by country",
    ),
    PageSpec(
        "skills.py", "Skills overlap", "🧩", "skills", "Skills each role needs, and the ones they share"
    ),
    PageSpec(
        "aws_services.py", "AWS services", "🧰", "aws_services", "AWS services each role uses, by family"
    ),
    PageSpec(
        "careers.py",
        "Certifications & careers",
        "🎓",
        "careers",
        "The two AWS certifications, career paths, and the article's advice and FAQ, checked",
    ),
    PageSpec(
        "fit.py", "Which role fits you?", "🧭", "fit", "Tick your skills: how much of each role you cover"
    ),
)


def st_page(spec: PageSpec) -> st.Page:
    if not spec.url_path:
        return st.Page(PAGES_DIR / spec.file, title=spec.title, icon=spec.icon, default=True)
    return st.Page(PAGES_DIR / spec.file, title=spec.title, icon=spec.icon, url_path=spec.url_path)


def build_pages() -> list[st.Page]:
    """The pages in menu order, for st.navigation and for links between pages."""
    return [st_page(spec) for spec in PAGES]


def run_page(page: st.Page) -> None:
    """Run the chosen page as the app's entry point does, marking the run as one through app.py."""
    st.session_state[_ENTRY_RUN] = True
    page.run()


def ensure_app_shell() -> None:
    """Rerun through app.py when Streamlit ran this page on its own; every page calls this first.

    A folder named pages/ next to app.py makes Streamlit start each server process (and each
    AppTest run) in its legacy multipage mode, which runs a deep-linked page file directly: no
    navigation, no shared sidebar. app.py marks each run it hands to a page (run_page); a page run
    without that mark calls st.navigation, which switches the process to the real app, and reruns
    through app.py to this same page. Public API only: the mark lives in st.session_state and is
    taken on every run, so a stale one never lets a direct run through.
    """
    if not st.session_state.pop(_ENTRY_RUN, False):
        st.navigation(build_pages(), position="hidden")
        st.rerun()
