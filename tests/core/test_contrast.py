"""WCAG 2 contrast of the text the figures draw on their fills and on the page, in both themes."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from dashboard.core import chart_style
from dashboard.core.domain import AI, ML, ROLE_COLOURS, SHARED_COLOUR
from dashboard.salaries import band_figures
from dashboard.salaries import files as salary_files
from dashboard.skills import figures as skill_figures
from dashboard.skills import files as skill_files
from dashboard.skills import sets as overlap

ROOT = Path(__file__).resolve().parents[2]
# Streamlit 1.67's base themes as the browser draws them (getComputedStyle of stApp, stSidebar and the
# body's colour); 1.4x had #0E1117 for the dark page. The config's own colours override these.
BASE = {
    "light": {"main": "#FFFFFF", "sidebar": "#F8F8F7", "text": "#2F2D2B"},
    "dark": {"main": "#171614", "sidebar": "#21201D", "text": "#EDEBE8"},
}
LIGHT_BG, DARK_BG = BASE["light"]["main"], BASE["dark"]["main"]


AA_NORMAL, AA_LARGE = 4.5, 3.0


def luminance(hex_colour: str) -> float:
    """Relative luminance, WCAG 2: linearised sRGB channels weighted 0.2126, 0.7152, 0.0722."""
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def required(size_px: float, bold: bool) -> float:
    """AA: 3:1 for large text (>= 24px, or >= 18.66px bold), else 4.5:1."""
    return AA_LARGE if size_px >= 24 or (bold and size_px >= 18.66) else AA_NORMAL


def test_the_formula_matches_known_ratios():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.fixture(scope="module")
def drawn():
    salaries = salary_files.parse_salaries()
    all_skills = skill_files.parse_skills()
    usage = overlap.sort_usage(
        overlap.service_usage(all_skills, skill_files.parse_aws_services(all_skills)), "family"
    )
    return [band_figures.salary_bands_figure(salaries), skill_figures.service_usage_figure(usage)]


def test_labels_on_role_fills_meet_aa(drawn):
    """Every bar and dot label as drawn: its text colour on its own fill, at its own size."""
    checked = 0
    for fig in drawn:
        for trace in fig.data:
            if not trace.text or trace.textfont.color is None or trace.name not in ROLE_COLOURS:
                continue
            fill = ROLE_COLOURS[trace.name]
            ratio = contrast(trace.textfont.color, fill)
            assert ratio >= required(trace.textfont.size, bold=False), (
                trace.name,
                trace.textfont.color,
                ratio,
            )
            checked += 1
    assert checked >= 4


def test_white_on_the_vermillion_would_fail_so_its_labels_are_black():
    assert contrast("#FFFFFF", ROLE_COLOURS[AI]) < AA_NORMAL
    assert chart_style.TEXT_ON_ROLE[AI] == "#000000"
    assert contrast("#FFFFFF", ROLE_COLOURS[ML]) >= AA_NORMAL
    assert contrast("#FFFFFF", SHARED_COLOUR) >= AA_NORMAL


@pytest.mark.parametrize("background", [LIGHT_BG, DARK_BG])
def test_role_names_in_role_colours_read_on_both_themes(background):
    venn = skill_figures.skills_venn_figure(overlap.skill_sets(skill_files.parse_skills()))
    names = next(t for t in venn.data if t.text and "<b>" in t.text[0] and ML in t.text[0])
    assert all(t.startswith("<b>") for t in names.text)
    for colour in names.textfont.color:
        ratio = contrast(colour, background)
        assert ratio >= required(names.textfont.size, bold=True), (colour, background, ratio)
    # The word "shared" is in the theme's text colour, not the purple, which fails on the dark theme.
    shared = venn.layout.annotations[0]
    assert shared.font.color is None and contrast(SHARED_COLOUR, DARK_BG) < AA_LARGE


# --- The app's own widgets, computed from .streamlit/config.toml and dashboard/app/widgets.css ---
# Streamlit 1.67 draws a chosen pill (st.pills, st.segmented_control) in primaryColor on primaryColor at
# 10 % opacity, 20 % hovered or focused, over the area's background; a caption in textColor at 60 %;
# a multiselect chip in white on its background. axe-core failed every page on the pill.
PILL_TINTS = (0.1, 0.2)
CAPTION_OPACITY = 0.6


def over(colour: str, alpha: float, background: str) -> str:
    """`colour` at `alpha` opacity drawn over an opaque `background`, as one opaque colour."""
    pairs = zip(*(bytes.fromhex(c.lstrip("#")) for c in (colour, background)), strict=True)
    return "#" + "".join(f"{round(alpha * c + (1 - alpha) * b):02X}" for c, b in pairs)


def theme(name: str) -> dict[str, str]:
    options = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"][name]
    base = BASE[name]
    return {
        "primary": options["primaryColor"],
        "main": options.get("backgroundColor", base["main"]),
        "sidebar": options.get("sidebar", {}).get("backgroundColor", base["sidebar"]),
        "text": options.get("textColor", base["text"]),
    }


@pytest.mark.parametrize("name", ["light", "dark"])
def test_a_chosen_pill_reads_on_its_tint_in_the_page_and_the_sidebar(name):
    t = theme(name)
    for area in ("main", "sidebar"):
        for alpha in PILL_TINTS:
            tint = over(t["primary"], alpha, t[area])
            assert contrast(t["primary"], tint) >= AA_NORMAL, (name, area, t["primary"], tint)


@pytest.mark.parametrize("name", ["light", "dark"])
def test_a_caption_reads_in_the_page_and_the_sidebar(name):
    t = theme(name)
    for area in ("main", "sidebar"):
        caption = over(t["text"], CAPTION_OPACITY, t[area])
        assert contrast(caption, t[area]) >= AA_NORMAL, (name, area, caption)


def test_a_chosen_multiselect_option_reads_white_on_its_chip():
    css = (ROOT / "dashboard" / "app" / "widgets.css").read_text(encoding="utf-8")
    chip = re.search(r"\[data-tag\]\s*\{[^}]*background-color:\s*(#[0-9A-Fa-f]{6})", css)
    assert chip, "widgets.css sets the chips' colour"
    assert contrast("#FFFFFF", chip.group(1)) >= AA_NORMAL
    # Why the chips need their own colour: on the dark accent white would be 2.3:1.
    assert contrast("#FFFFFF", theme("dark")["primary"]) < AA_NORMAL


def test_the_role_blue_as_accent_failed_so_these_tests_would_catch_it():
    assert contrast("#0072B2", over("#0072B2", 0.1, BASE["light"]["sidebar"])) < AA_NORMAL  # axe: 4.26:1
    assert contrast("#0072B2", over("#0072B2", 0.1, BASE["dark"]["sidebar"])) < AA_NORMAL  # axe: 2.9:1
    assert (
        contrast(over(BASE["light"]["text"], 0.6, BASE["light"]["sidebar"]), BASE["light"]["sidebar"])
        < AA_NORMAL
    )
