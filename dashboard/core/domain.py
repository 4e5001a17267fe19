"""The domain's constants: the two roles, their colours, and the closed vocabularies of the data files.

No imports beyond the standard library, so any module (and any script or notebook) can use them.
"""

from __future__ import annotations

ML = "ML Engineer"
AI = "AI Engineer"
ROLES: tuple[str, ...] = (ML, AI)

# Okabe-Ito blue and vermillion: distinguishable with the common colour-vision deficiencies, and the
# same in the light and the dark theme.
ROLE_COLOURS = {ML: "#0072B2", AI: "#D55E00"}
SHARED_COLOUR = "#6B4C9A"  # between the two role colours, for what both roles share

AWS_SERVICE = "AWS service"
# Closed vocabularies, so a typo ("AWS Service", "Storage") is an error rather than a new group
# that silently drops rows out of the pages; data/README.md describes each.
SKILL_CATEGORIES: tuple[str, ...] = (
    AWS_SERVICE, "generative AI", "ML practice", "data", "software engineering", "cloud fundamentals",
    "operations", "security and governance", "business use case", "business and collaboration",
)  # fmt: skip
SERVICE_FAMILIES: tuple[str, ...] = (
    "ML platform", "generative AI", "AI services", "storage", "data and streaming", "compute",
    "databases", "security",
)  # fmt: skip

# What the Venn's three regions mean: named for one role only, or for both, in the article.
OVERLAP_LABELS = {"ml": "ML only", "both": "both", "ai": "AI only"}
