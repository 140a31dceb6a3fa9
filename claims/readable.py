"""How a claim's vocabulary reads to a physician: labels for record types, flag categories and
polarities, record sources (primary records first), dates at the precision the text gave, and
whether a date falls inside a period of service.

One place, so the brief, the chronology, the review queue and the page viewer never show a raw id
(`service_strain`) and never disagree on what counts as a primary record or as "in service".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

RECORD_TYPE_LABELS: dict[str, str] = {
    "service_treatment": "Service treatment record",
    "service_exam": "Service examination",
    "service_personnel": "Service personnel record",
    "line_of_duty": "Line-of-duty / injury report",
    "va_treatment": "VA treatment record",
    "private_treatment": "Private treatment record",
    "imaging_report": "Imaging report",
    "cp_exam": "C&P examination",
    "medical_opinion": "Medical opinion",
    "rating_decision": "Rating decision",
    "board_decision": "Board decision",
    "buddy_statement": "Lay statement (witness)",
    "personal_statement": "Veteran's statement",
    "claim_form": "Claim form",
    "other": "Other record",
}

CATEGORY_LABELS: dict[str, str] = {
    "back_complaint": "Back complaint",
    "injury": "Injury",
    "gait": "Gait",
    "aging_attribution": "Attributed to aging",
    "diagnosis": "Diagnosis",
    "imaging_finding": "Imaging finding",
    "service_strain": "Service duties and strain",
    "medical_opinion": "Medical opinion",
    "alternative_cause": "Alternative cause",
    "continuity": "Continuity since service",
    "secondary_link": "Secondary link",
}

POLARITY_LABELS: dict[str, str] = {
    "positive": "favourable (at least as likely as not)",
    "negative": "unfavourable (less likely than not)",
    "speculative": "speculative (no opinion without speculation)",
}

STATUS_LABELS: dict[str, str] = {"pending": "to review", "confirmed": "confirmed", "dismissed": "dismissed"}


@dataclass(frozen=True)
class SourceGroup:
    """Where records come from, as a letter lists them: primary (made at the time) records first."""

    key: str
    label: str
    record_types: tuple[str, ...]
    primary: bool


SOURCE_GROUPS: tuple[SourceGroup, ...] = (
    SourceGroup("service_treatment", "Service treatment records", ("service_treatment", "service_exam"), True),
    SourceGroup("personnel", "Service personnel records", ("service_personnel",), True),
    SourceGroup("line_of_duty", "Line-of-duty and injury reports", ("line_of_duty",), True),
    SourceGroup("va", "VA treatment records", ("va_treatment",), True),
    SourceGroup("private", "Private treatment records", ("private_treatment",), True),
    SourceGroup("imaging", "Imaging reports", ("imaging_report",), True),
    SourceGroup("cp", "C&P examinations", ("cp_exam",), False),
    SourceGroup("opinions", "Medical opinions", ("medical_opinion",), False),
    SourceGroup("decisions", "Decisions (rating, Board)", ("rating_decision", "board_decision"), False),
    SourceGroup("lay", "Lay statements", ("personal_statement", "buddy_statement"), False),
    SourceGroup("forms", "Claim forms", ("claim_form",), False),
    SourceGroup("other", "Other records", ("other",), False),
)
GROUP_OF_TYPE: dict[str, SourceGroup] = {t: g for g in SOURCE_GROUPS for t in g.record_types}
# Records made at the time by the services and the treating clinicians (not opinions, decisions,
# statements or forms written for the claim).
PRIMARY_RECORD_TYPES: frozenset[str] = frozenset(t for g in SOURCE_GROUPS if g.primary for t in g.record_types)
# Record types made during service: undated entries in them still read as in-service evidence.
SERVICE_RECORD_TYPES: frozenset[str] = frozenset({"service_treatment", "service_exam", "line_of_duty"})

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")

def readable(value: str | None) -> str:
    """A record type, category, polarity or status as words; anything else with its underscores gone."""
    if not value:
        return ""
    for table in (CATEGORY_LABELS, RECORD_TYPE_LABELS, POLARITY_LABELS, STATUS_LABELS):
        if value in table:
            return table[value]
    return value.replace("_", " ")


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def date_at_precision(value: Any, precision: str | None) -> str:
    """"2005", "April 2008" or "2008-04-22": no more of the date than the text gave; "undated" without one."""
    d = parse_date(value)
    if d is None:
        return "undated"
    if precision == "year":
        return f"{d.year}"
    if precision == "month":
        return f"{_MONTHS[d.month - 1]} {d.year}"
    return d.isoformat()


@dataclass(frozen=True)
class ServicePeriods:
    """The claim's periods of active duty (DD 214 and the like), to tell in-service dates."""

    periods: tuple[tuple[dt.date | None, dt.date | None], ...]

    @classmethod
    def of(cls, periods: Iterable[Mapping[str, Any]] | None) -> ServicePeriods:
        return cls(tuple((parse_date(p.get("start")), parse_date(p.get("end"))) for p in periods or ()
                         if p.get("start") or p.get("end")))

    def contains(self, value: Any) -> bool | None:
        """True inside a period, False outside every period, None when the date or the periods are unknown."""
        d = parse_date(value)
        if d is None or not self.periods:
            return None
        return any((start is None or start <= d) and (end is None or d <= end) for start, end in self.periods)
