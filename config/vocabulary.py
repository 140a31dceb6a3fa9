"""The vocabulary of the export contract (DESIGN.md §5, contracts/export.schema.json), in one place.

Classifiers, the sample generator, summaries and the UI all name record types and flag categories;
they import them from here so a new category is added once (tests check these against the schema).
"""

from __future__ import annotations

RECORD_TYPES: tuple[str, ...] = (
    "service_treatment",
    "service_exam",
    "service_personnel",
    "line_of_duty",
    "va_treatment",
    "private_treatment",
    "imaging_report",
    "cp_exam",
    "medical_opinion",
    "rating_decision",
    "board_decision",
    "buddy_statement",
    "personal_statement",
    "claim_form",
    "other",
)

# In the order a claim review reads them: the first four are where every review starts.
FLAG_CATEGORIES: tuple[str, ...] = (
    "back_complaint",
    "injury",
    "gait",
    "aging_attribution",
    "diagnosis",
    "imaging_finding",
    "service_strain",
    "medical_opinion",
    "alternative_cause",
    "continuity",
    "secondary_link",
)
