"""Was a flagged event in service? The question every nexus letter turns on.

A service record (treatment notes, exams, personnel file, line-of-duty report) speaks of service by
definition; any other record is in service when its date falls inside an active-duty period from the
DD 214, and not in service when it is dated after the last separation. Anything else is unknown (None):
a guess here would put words in the physician's mouth.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

SERVICE_RECORD_TYPES: frozenset[str] = frozenset(
    {"service_treatment", "service_exam", "service_personnel", "line_of_duty"}
)

ServicePeriod = tuple[date | None, date | None]


def decide_in_service(record_type: str, date: date | None, service_periods: list[ServicePeriod]) -> bool | None:
    """True for service records or a date inside a period; False after the last separation; else None.

    A period with an open start or end is treated as unbounded on that side (a DD 214 with no entry
    date still says the veteran served until separation). A date before entry, or between two periods,
    is None rather than False: pre-service and gap events are for the physician to weigh.
    """
    if record_type in SERVICE_RECORD_TYPES:
        return True
    if date is None or not service_periods:
        return None
    for start, end in service_periods:
        if start is None and end is None:
            continue
        if (start is None or start <= date) and (end is None or date <= end):
            return True
    ends = [end for _start, end in service_periods]
    if any(end is None for end in ends):
        return None  # still serving, or a separation date we do not know
    last_separation = max(e for e in ends if e is not None)
    if date > last_separation:
        return False
    return None


def decide_span_in_service(record_type: str, earliest: date | None, latest: date | None,
                           service_periods: list[ServicePeriod]) -> bool | None:
    """The same rule for a date known only to the month or the year ("April 2008", "2005"): in service
    only when its earliest and latest days both are, out of service only when both are after
    separation; otherwise unknown. A day is a span of one day."""
    first = decide_in_service(record_type, earliest, service_periods)
    if latest is None or latest == earliest:
        return first
    last = decide_in_service(record_type, latest, service_periods)
    return first if first == last else None


def decide_page_in_service(flag_votes: Sequence[bool | None], record_type: str, date: date | None,
                           service_periods: list[ServicePeriod]) -> bool | None:
    """Was a page written during service? Its flags decide first (each carries its own dated context),
    then the page's document, by the same rule as a flag (decide_in_service)."""
    if any(v is True for v in flag_votes):
        return True
    if any(v is False for v in flag_votes):
        return False
    return decide_in_service(record_type, date, service_periods)
