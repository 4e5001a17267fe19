"""WCAG 2 contrast of the text the figures draw on their fills and on the page, in both themes."""

from __future__ import annotations

import pytest

from dashboard.core import chart_style
from dashboard.core.domain import AI, ML, ROLE_COLOURS, SHARED_COLOUR
from dashboard.salaries import band_figures
from dashboard.salaries import files as salary_files
from dashboard.skills import figures as skill_figures
from dashboard.skills import files as skill_files
from dashboard.skills import sets as overlap

LIGHT_BG, DARK_BG = "#FFFFFF", "#0E1117"  # Streamlit's light and dark page backgrounds


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
