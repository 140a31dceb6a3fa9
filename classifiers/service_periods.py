"""Active-duty periods from DD 214 text: block 12a (entered AD this period) and 12b (separation date).

The two labels and their values come in several layouts: each value right after its label, both
labels on one line with both values on the next, values in YYYYMMDD (1990s onward) or as
"YEAR MONTH DAY" columns (older forms). Used downstream to decide whether an injury was in service.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from classifiers.dates import find_dates

_ENTRY_LABEL = re.compile(
    r"DATE\W{0,3}ENTERED\W{0,3}(?:A\W?D|ACTIVE\W{0,3}DUTY)\W{0,3}TH[I1l|]S\W{0,3}PER[I1l|][O0]D"
    r"|DATE\W{0,3}[O0]F\W{0,3}ENTRY|ENTRY\W{0,3}DATE",
    re.I,
)
_SEPARATION_LABEL = re.compile(
    r"SEPARAT[I1l|][O0]N\W{0,3}DATE\W{0,3}TH[I1l|]S\W{0,3}PER[I1l|][O0]D"
    r"|DATE\W{0,3}[O0]F\W{0,3}(?:SEPA?RA?T?[I1l|]?[O0]N|DISCHARGE|RELEASE)",  # a letter lost to OCR
    re.I,
)
# Block 12 in YEAR(S) MONTH(S) DAY(S) columns: "1991   06   11", or on old forms "85 06 15".
_YY_MM_DD = re.compile(r"(?<!\d)(\d{4}|\d{2})\s+([01]\d)\s+([0-3]\d)(?!\d)")
# The same with the day unreadable ("1991 06 ill", "2011 08 SE"): a month-precision value.
_YYYY_MM = re.compile(
    r"(?<![0-9A-Za-z])([12][0-9OoIl|]{3})\s*([0-1OoIl|][0-9OoIl|])(?=\s|[^0-9A-Za-z]|[A-Za-z|]{1,3}\b|$)"
)
# OCR digit look-alikes inside a numeric token: "199106ll" is 19910611, "2OO5" is 2005.
_DIGIT_REPAIR = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "i": "1", "|": "1", "!": "1"})
_DIGITISH_8 = re.compile(r"(?<![0-9A-Za-z])([0-9OoIli|!]{8})(?![0-9A-Za-z])")
# Other blocks of the form that carry dates or numbers of their own (pay grade, birth, reserve
# obligation, lengths of service, remarks): a value after one of these is never the entry or
# separation date, however close it sits to 12a/12b.
_W = r"\W{0,3}"
_OTHER_BLOCK = re.compile(
    rf"PAY{_W}GRADE|EFFECT[I1l|]VE{_W}DATE|DATE{_W}[O0]F{_W}B[I1l|]RTH|\bD[O0]B\b|RESERVE{_W}[O0]BL[I1l|]GAT"
    rf"|NET{_W}ACT[I1l|]VE|PR[I1l|][O0]R{_W}(?:ACT[I1l|]VE|[I1l|]NACT[I1l|]VE)|F[O0]RE[I1l|]GN{_W}SERV"
    rf"|SEA{_W}SERV|[I1l|]N[I1l|]T[I1l|]AL{_W}ENTRY{_W}TRA[I1l|]N|DEC[O0]RAT[I1l|][O0]NS|REMARKS"
    r"|(?m:^\s*[c-hC-H]\s?[.,]\s)",
    re.I,
)
# Labels whose dates are never a period's bounds, for refining a month-precision value.
_NOT_PERIOD_LABEL = re.compile(
    rf"PAY{_W}GRADE|EFFECT[I1l|]VE|B[I1l|]RTH|\bD[O0]B\b|RESERVE|EXP[I1l|]R", re.I)
_REFINE_CONTEXT = 60
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
class _Span:
    """Where a label stands (the two methods of re.Match that the pairing below uses)."""

    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


# The block 12 labels as printed, for finding them when OCR has broken a letter or two.
ENTRY_LABEL_WORDS = "DATE ENTERED AD THIS PERIOD"
SEPARATION_LABEL_WORDS = "SEPARATION DATE THIS PERIOD"
LABEL_SIMILARITY = 85.0


def _labels(text: str, pattern: re.Pattern[str], words: str) -> list[_Span]:
    """The label's places: exact (OCR look-alikes allowed) where it reads, else lines holding it with an
    OCR error or two ("DAT ENTERED AD THIS PERIOD", "SEPARATIONDATE THIS PERI0D")."""
    exact = [_Span(m.start(), m.end()) for m in pattern.finditer(text)]
    if exact:
        return exact
    found = []
    pos = 0
    for line in text.split("\n"):
        if len(line) >= len(words) - 4:
            hit = fuzz.partial_ratio_alignment(words, line.upper(), score_cutoff=LABEL_SIMILARITY)
            if hit is not None:
                found.append(_Span(pos + hit.dest_start, pos + hit.dest_end))
        pos += len(line) + 1
    return found


@dataclass(frozen=True)
class FoundServicePeriod:
    """One active-duty period: entered and separated (either may be unreadable), and the branch.

    A precision of "month" means the day was unreadable: the start is then the first of its month
    and the end the last, rather than a day taken from some other block of the form."""

    start: dt.date | None
    end: dt.date | None
    branch: str | None
    start_precision: str = "day"
    end_precision: str = "day"
    # Offsets of the two values in the text they were read from (for citing where a date was found).
    start_at: int | None = field(default=None, compare=False)
    end_at: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class _Value:
    pos: int
    year: int
    month: int
    day: int | None  # None: the day was unreadable

    def as_date(self, end_of_month: bool) -> dt.date:
        if self.day is not None:
            return dt.date(self.year, self.month, self.day)
        if end_of_month:
            following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(self.year, self.month, 1)


def _full(pos: int, d: dt.date) -> _Value:
    return _Value(pos, d.year, d.month, d.day)


def _candidate_values(text: str) -> list[_Value]:
    found = [_full(d.start, d.date) for d in find_dates(text) if d.precision == "day"]

    def taken(pos: int) -> bool:
        return any(v.pos <= pos < v.pos + 10 for v in found)

    for m in _DIGITISH_8.finditer(text):  # YYYYMMDD with OCR look-alikes ("2OO5O615", "199106ll")
        token = m.group(1)
        if taken(m.start()) or token.isdigit() or sum(c.isdigit() for c in token) < 5:
            continue
        digits = token.translate(_DIGIT_REPAIR)
        try:
            d = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        except ValueError:
            continue
        if 1900 <= d.year <= 2100:
            found.append(_full(m.start(), d))
    for m in _YY_MM_DD.finditer(text):
        if taken(m.start()):
            continue
        year, mm, dd = (int(g) for g in m.groups())
        if len(m.group(1)) == 2:
            year += 2000 if year <= 40 else 1900
        if not 1900 <= year <= 2100:  # "0020 02 21" is a length of service, not a date
            continue
        try:
            found.append(_full(m.start(), dt.date(year, mm, dd)))
        except ValueError:
            continue
    for m in _YYYY_MM.finditer(text):
        if taken(m.start()):
            continue
        year, month = int(m.group(1).translate(_DIGIT_REPAIR)), int(m.group(2).translate(_DIGIT_REPAIR))
        if 1900 <= year <= 2100 and 1 <= month <= 12:
            found.append(_Value(m.start(), year, month, None))
    return sorted(found, key=lambda v: v.pos)


def _refine(value: _Value, values: list[_Value], text: str) -> _Value:
    """A month-precision value made exact by a full date of the same month elsewhere on the form
    (block 18 remarks: "CONTINUOUS ACTIVE SERVICE FROM 19910611 UNTIL 20110831"), when exactly one
    such date exists and it is not labelled as some other date (birth, pay grade, obligation)."""
    if value.day is not None:
        return value
    same_month = {
        (v.year, v.month, v.day) for v in values
        if v.day is not None and (v.year, v.month) == (value.year, value.month)
        and not _NOT_PERIOD_LABEL.search(text[max(0, v.pos - _REFINE_CONTEXT):v.pos].split("\n")[-1])
    }
    if len(same_month) == 1:
        year, month, day = same_month.pop()
        return _Value(value.pos, year, month, day)
    return value


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
    """Every (entry, separation) pair labelled as such in text; [] when the page has no such blocks.

    A value belongs to a label only up to the next block of the form (pay grade, birth date, lengths
    of service...), so a readable date of another block never stands in for an unreadable 12a/12b; a
    value whose day is unreadable is kept at month precision."""
    entries = _labels(text, _ENTRY_LABEL, ENTRY_LABEL_WORDS)
    separations = _labels(text, _SEPARATION_LABEL, SEPARATION_LABEL_WORDS)
    if not entries and not separations:
        return []
    values = _candidate_values(text)
    others = [m.start() for m in _OTHER_BLOCK.finditer(text)]
    branch = _branch(text)
    periods: list[FoundServicePeriod] = []
    used: set[int] = set()

    def after(pos: int, limit: int) -> list[_Value]:
        stop = min([limit, pos + _LOOKAHEAD] + [o for o in others if o >= pos])
        return [v for v in values if pos <= v.pos < stop and v.pos not in used]

    for i, entry in enumerate(entries or [None]):
        next_entry = entries[i + 1].start() if entry is not None and i + 1 < len(entries) else len(text)
        sep = next((s for s in separations if entry is None or s.start() > entry.start()), None)
        start_value: _Value | None
        end_value: _Value | None
        if entry is not None and sep is not None and sep.start() < next_entry:
            between = after(entry.end(), sep.start())
            following = after(sep.end(), next_entry)
            if between:
                start_value, end_value = between[0], (following[0] if following else None)
            elif "\n" not in text[entry.end():sep.start()] or len(following) > 1:
                # both labels first, then both values
                start_value = following[0] if following else None
                end_value = following[1] if len(following) > 1 else None
            else:  # 12a unreadable, 12b on its own line
                start_value, end_value = None, (following[0] if following else None)
        elif entry is not None:
            following = after(entry.end(), next_entry)
            start_value, end_value = (following[0] if following else None), None
        else:
            following = after(sep.end(), len(text)) if sep is not None else []
            start_value, end_value = None, (following[0] if following else None)
        for chosen in (start_value, end_value):
            if chosen is not None:
                used.add(chosen.pos)
        if start_value is None and end_value is None:
            continue
        start_value = _refine(start_value, values, text) if start_value else None
        end_value = _refine(end_value, values, text) if end_value else None
        periods.append(FoundServicePeriod(
            start_value.as_date(end_of_month=False) if start_value else None,
            end_value.as_date(end_of_month=True) if end_value else None,
            branch,
            "month" if start_value is not None and start_value.day is None else "day",
            "month" if end_value is not None and end_value.day is None else "day",
            start_value.pos if start_value else None,
            end_value.pos if end_value else None,
        ))
    return periods
