"""Certifications, career paths, advice, the FAQ and the comparison table; and "which role fits you"."""
