"""The answer first: per region, who earns more by the article's bands and by the survey's medians, and
whether the two agree, in a table and in sentences a person can quote. No Streamlit here."""

from __future__ import annotations

import pandas as pd

from dashboard.core.domain import AI, ML
from dashboard.core.money import format_money, format_signed_amount, format_signed_percent
from dashboard.core.regions import place_name
from dashboard.salaries.gaps import TIE, percent_in_words
from dashboard.survey.compare import AI_MORE, CANT_TELL, ML_MORE
from dashboard.survey.schema import THIN_BELOW

AGREES, DISAGREES, UNTESTED = "agrees", "disagrees", "can't tell"
_SAYS = {ML_MORE: ML, AI_MORE: AI}
ANSWER_COLUMNS = [
    "country_code", "country", "flag", "article_earns_more", "article_gap_pct", "ml_n", "ai_n", "ml_median",
    "ai_median", "difference", "low", "high", "thin", "survey_verdict", "agreement",
]  # fmt: skip


def article_vs_survey(
    gaps: pd.DataFrame, diffs: pd.DataFrame, order: list[str] | None = None
) -> pd.DataFrame:
    """One row per region of the article's table (in `order`, else the gaps'): the article's verdict beside
    the survey's for the same country (compare.country_differences), and whether they agree."""
    survey = diffs.set_index("country_code")
    if order is not None:
        gaps = (
            gaps.set_index("country_code")
            .loc[[c for c in order if c in set(gaps["country_code"])]]
            .reset_index()
        )
    rows = []
    for g in gaps.itertuples():
        s = survey.loc[g.country_code] if g.country_code in survey.index else None
        verdict = CANT_TELL if s is None else s["verdict"]
        said = _SAYS.get(verdict)
        agreement = UNTESTED if said is None else AGREES if said == g.earns_more else DISAGREES
        rows.append(
            {
                "country_code": g.country_code,
                "country": g.country,
                "flag": g.flag,
                "article_earns_more": g.earns_more,
                "article_gap_pct": g.gap_midpoint_pct,
                **{
                    c: (None if s is None else s[c])
                    for c in ("ml_n", "ai_n", "ml_median", "ai_median", "difference", "low", "high")
                },
                "thin": True if s is None else bool(s["thin"]),
                "survey_verdict": verdict,
                "agreement": agreement,
            }
        )
    table = pd.DataFrame(rows, columns=ANSWER_COLUMNS)
    for c in ("ml_n", "ai_n"):
        table[c] = table[c].fillna(0).astype(int)
    return table


def _article_words(row) -> str:
    if row.article_earns_more == TIE:
        return "the article's bands tie"
    return (
        f"the article says the {row.article_earns_more} earns more ({percent_in_words(row.article_gap_pct)})"
    )


def sentence(row, survey_name: str) -> str:
    """One region's answer in words, with every figure behind it."""
    where = place_name(row.country)
    article = _article_words(row)
    if row.ml_n == 0 or row.ai_n == 0:
        return (
            f"In {where} {article}; {survey_name} has {row.ml_n:,} ML Engineer and {row.ai_n:,} AI Engineer "
            "answers, so it can't tell."
        )
    medians = (
        f"median pay {format_money(row.ml_median, 'USD')} for the ML Engineer (n = {row.ml_n:,}) against "
        f"{format_money(row.ai_median, 'USD')} for the AI Engineer (n = {row.ai_n:,})"
    )
    if row.survey_verdict == CANT_TELL:
        why = (
            f"too few answers to say (fewer than {THIN_BELOW} in a role)"
            if row.thin
            else "its 95% interval of the difference includes zero"
        )
        return f"In {where} {article}; {survey_name} can't tell: {medians}, {why}."
    verb = "agrees" if row.agreement == AGREES else "disagrees"
    return (
        f"In {where} {article}; {survey_name} {verb}: {medians}, a difference of "
        f"{format_signed_amount(row.difference, 'USD')} (95% interval {format_signed_amount(row.low, 'USD')} "
        f"to {format_signed_amount(row.high, 'USD')})."
    )


def _medians(r) -> str:
    if not r.ml_n and not r.ai_n:
        return "no answers"
    ml = format_money(r.ml_median, "USD") if r.ml_n else "–"
    ai = format_money(r.ai_median, "USD") if r.ai_n else "–"
    return f"{ml} / {ai} (n = {r.ml_n:,} / {r.ai_n:,})"


def display_table(answer: pd.DataFrame) -> pd.DataFrame:
    """The Overview's table, narrow enough for a phone: per region the article's verdict with its gap,
    the survey's two medians with n, its verdict, and whether the two agree."""
    return pd.DataFrame(
        {
            "Region": [f"{r.flag} {r.country}" for r in answer.itertuples()],
            "The article: who earns more": [
                TIE
                if r.article_earns_more == TIE
                else f"{r.article_earns_more} ({format_signed_percent(r.article_gap_pct)})"
                for r in answer.itertuples()
            ],
            "The survey: median ML / AI": [_medians(r) for r in answer.itertuples()],
            "The survey: who earns more": [
                v + (" (thin)" if t else "")
                for v, t in zip(answer["survey_verdict"], answer["thin"], strict=True)
            ],
            "Agree?": answer["agreement"].tolist(),
        }
    )


def headline(answer: pd.DataFrame) -> str:
    """The answer in one sentence: where the survey agrees with the article, where not, where it can't."""
    groups = {
        k: [place_name(r.country) for r in answer.itertuples() if r.agreement == k]
        for k in (AGREES, DISAGREES, UNTESTED)
    }
    parts = []
    if groups[AGREES]:
        parts.append(f"the survey agrees with the article in {_and(groups[AGREES])}")
    if groups[DISAGREES]:
        parts.append(f"it disagrees in {_and(groups[DISAGREES])}")
    if groups[UNTESTED]:
        parts.append(
            f"it can't tell in {_and(groups[UNTESTED])}, where too few answered or the difference is "
            "not clear"
        )
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "." if text else ""


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
