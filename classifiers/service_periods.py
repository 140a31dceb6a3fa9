"""Active-duty periods from DD 214 text: block 12a (entered AD this period) and 12b (separation date).

The two labels and their values come in several layouts: each value right after its label, both
labels on one line with both values on the next, values in YYYYMMDD (1990s onward) or as
"YEAR MONTH DAY" columns (older forms). Used downstream to decide whether an injury was in service.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from classifiers.dates import find_dates

_ENTRY_LABEL = re.compile(
    r"DATE\W{0,3}ENTERED\W{0,3}(?:A\W?D|ACTIVE\W{0,3}DUTY)\W{0,3}TH[I1l|]S\W{0,3}PER[I1l|][O0]D"
    r"|DATE\W{0,3}[O0]F\W{0,3}ENTRY|ENTRY\W{0,3}DATE",
    re.I,
)
_SEPARATION_LABEL = re.compile(
    r"SEPARAT[I1l|][O0]N\W{0,3}DATE\W{0,3}TH[I1l|]S\W{0,3}PER[I1l|][O0]D"
    r"|DATE\W{0,3}[O0]F\W{0,3}(?:SEPARAT[I1l|][O0]N|DISCHARGE|RELEASE)",
    re.I,
)
# Block 12 in YEAR(S) MONTH(S) DAY(S) columns: "1991   06   11", or on old forms "85 06 15".
_YY_MM_DD = re.compile(r"(?<!\d)(\d{4}|\d{2})\s+([01]\d)\s+([0-3]\d)(?!\d)")
_BRANCHES = [
    ("Marine Corps", re.compile(r"MAR[I1l]NE\s*C[O0]RPS|USMC", re.I)),
    ("Air Force", re.compile(r"A[I1l]R\s*F[O0]RCE|USAF", re.I)),
    ("Coast Guard", re.compile(r"C[O0]AST\s*GUARD|USCG", re.I)),
    ("Space Force", re.compile(r"SPACE\s*F[O0]RCE|USSF", re.I)),
    ("Navy", re.compile(r"\bNAVY\b|\bUSN\b|\bUSNR\b", re.I)),
    ("Army", re.compile(r"\bARMY\b|\bUSA\b|\bUSAR\b|\bARNG\b", re.I)),
]
_BRANCH_LABEL = re.compile(r"BRANCH", re.I)
_LOOKAHEAD = 400


@dataclass(frozen=True)
class FoundServicePeriod:
    """One active-duty period: entered and separated (either may be unreadable), and the branch."""

    start: dt.date | None
    end: dt.date | None
    branch: str | None


def _candidate_dates(text: str) -> list[tuple[int, dt.date]]:
    found = [(d.start, d.date) for d in find_dates(text)]
    for m in _YY_MM_DD.finditer(text):
        if any(s <= m.start() < s + 10 for s, _ in found):
            continue
        year, mm, dd = (int(g) for g in m.groups())
        if len(m.group(1)) == 2:
            year += 2000 if year <= 40 else 1900
        if not 1900 <= year <= 2100:  # "0020 02 21" is a length of service, not a date
            continue
        try:
            found.append((m.start(), dt.date(year, mm, dd)))
        except ValueError:
            continue
    return sorted(found)


def _branch(text: str) -> str | None:
    label = _BRANCH_LABEL.search(text)
    windows = [text[label.end():label.end() + 200]] if label else []
    windows.append(text)
    for window in windows:
        hits = [(m.start(), name) for name, rx in _BRANCHES for m in [rx.search(window)] if m]
        if hits:
            return min(hits)[1]
    return None


def find_service_periods(text: str) -> list[FoundServicePeriod]:
    """Every (entry, separation) pair labelled as such in text; [] when the page has no such blocks."""
    entries = list(_ENTRY_LABEL.finditer(text))
    separations = list(_SEPARATION_LABEL.finditer(text))
    if not entries and not separations:
        return []
    dates = _candidate_dates(text)
    branch = _branch(text)
    periods: list[FoundServicePeriod] = []
    used: set[int] = set()

    def after(pos: int, limit: int) -> list[tuple[int, dt.date]]:
        return [(s, d) for s, d in dates if pos <= s < min(limit, pos + _LOOKAHEAD) and s not in used]

    for i, entry in enumerate(entries or [None]):
        next_entry = entries[i + 1].start() if entry is not None and i + 1 < len(entries) else len(text)
        sep = next((s for s in separations if entry is None or s.start() > entry.start()), None)
        if entry is not None and sep is not None and sep.start() < next_entry:
            between = after(entry.end(), sep.start())
            if between:
                start_date: tuple[int, dt.date] | None = between[0]
                following = after(sep.end(), next_entry)
                end_date = following[0] if following else None
            else:  # both labels first, then both values
                following = after(sep.end(), next_entry)
                start_date = following[0] if following else None
                end_date = following[1] if len(following) > 1 else None
        elif entry is not None:
            following = after(entry.end(), next_entry)
            start_date, end_date = (following[0] if following else None), None
        else:
            following = after(sep.end(), len(text)) if sep is not None else []
            start_date, end_date = None, (following[0] if following else None)
        for chosen in (start_date, end_date):
            if chosen is not None:
                used.add(chosen[0])
        if start_date is None and end_date is None:
            continue
        periods.append(FoundServicePeriod(start_date[1] if start_date else None,
                                          end_date[1] if end_date else None, branch))
    return periods
