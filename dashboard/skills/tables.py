"""The skill and AWS service lists as the pages label them (the download keeps the data's own names)."""

from __future__ import annotations

SKILL_LABELS = {
    "skill": "Skill",
    "category": "Category",
    "ml_sections": "Named for ML Engineer in",
    "ai_sections": "Named for AI Engineer in",
    "ml_wording": "ML Engineer: the article's words",
    "ai_wording": "AI Engineer: the article's words",
    "our_reading": "Our reading (not the article's words)",
}
SERVICE_LABELS = {
    "service": "Service",
    "family": "Family",
    "ml_sections_count": "ML sections",
    "ml_sections": "Named for ML Engineer in",
    "ai_sections_count": "AI sections",
    "ai_sections": "Named for AI Engineer in",
    "total_sections": "Total",
    "used_by": "Used by",
}
