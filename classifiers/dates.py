"""Dates in record text, as they appear in claim files, and the one date a document is "of".

A claim file writes dates a dozen ways (14 MAR 2009, 14Mar2009, 03/14/2009, 3/14/09, March 14, 2009,
2009-03-14, 20090314, "DATE OF NOTE: MAR 14, 2009@10:15") and OCR garbles them (O for 0, l for 1).
Digit look-alikes next to digits are folded before matching, offsets are kept, and every candidate
goes through datetime.date so an impossible date (31 Feb, month 14) is never returned.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MIN_YEAR = 1900
MAX_YEAR = 2100

_MONTHS = {
    "JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6,
    "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12,
}
# Month names, tolerant of the usual OCR confusions (0CT, N0V, AUC).
_MONTH_RE = (
    r"(?P<mon>JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|"
    r"SEP(?:T(?:EMBER)?)?|[O0]CT(?:[O0]BER)?|N[O0]V(?:EMBER)?|DEC(?:EMBER)?)\.?"
)
_YEAR = r"(?P<year>(?:19|20)\d{2}|\d{2})"
_DAY = r"(?P<day>[0-3]?\d)"

_PATTERNS: list[re.Pattern[str]] = [
    # 2009-03-14, 2009/03/14
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"),
    # 03/14/2009, 3/14/09, 03-14-2009
    re.compile(r"(?<![\d/])(?P<month>[01]?\d)\s?[/-]\s?(?P<day>[0-3]?\d)\s?[/-]\s?" + _YEAR + r"(?![\d/])"),
    # 14 MAR 2009, 14Mar2009, 14-Mar-09
    re.compile(r"(?<![\dA-Z])" + _DAY + r"[\s-]?" + _MONTH_RE + r"[\s,-]{0,2}" + _YEAR + r"(?!\d)", re.I),
    # March 14, 2009 / MAR 14,2009@10:15
    re.compile(r"(?<![A-Z])" + _MONTH_RE + r"\s?" + _DAY + r"(?:ST|ND|RD|TH)?(?:\s?,\s?|\s)" + _YEAR + r"(?!\d)", re.I),
    # 20090314 (DD 214 blocks, VistA exports)
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<month>[01]\d)(?P<day>[0-3]\d)(?!\d)"),
]

_LOOKALIKE_DIGITS = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "|": "1",
                                   "i": "1", "!": "1", "S": "5", "B": "8", "Z": "2"})
# A run of digits and digit look-alikes standing alone as a token (not part of a word).
_NUMBERISH_TOKEN = re.compile(r"(?<![A-Za-z])[0-9OoQDIl|!SBZ]{2,}(?![A-Za-z])")


# Labels whose date is not the date a document is "of".
_NOT_DOCUMENT_DATE_LABELS = re.compile(
    r"\b(DOB|BIRTH|BORN|ENTER|ENLIST|SEPARAT|DISCHARG|EXPIR|PRINTED|PRINT DATE|FAX|RECEIVED|REC'?D|"
    r"EFFECTIVE|ONSET|SINCE|INJUR|ETS|NEXT APPT|FOLLOW|RETURN|REVISION|REV\b|EDITION|SUPERSEDES)", re.I
)
_DOCUMENT_DATE_LABELS = re.compile(
    r"(DATE OF (NOTE|EXAM|EXAMINATION|SERVICE|VISIT|DECISION|REPORT|STUDY|LETTER|STATEMENT)|"
    r"ENTRY DATE|EXAM DATE|VISIT DATE|STUDY DATE|DATE OF THIS|DECISION DATE|DATE SIGNED|SIGNED|"
    r"DICTATED|DATE ?:|^DATE$|DATE$|DOS|DATED|ENCOUNTER|DECIDED|REPORT DATE|DATE OF$)", re.I
)


@dataclass(frozen=True)
class FoundDate:
    """A date found in text: its value, its [start, end) offsets, and the words labelling it."""

    date: dt.date
    start: int
    end: int
    label: str


def _fold_lookalikes(text: str) -> str:
    """Same-length copy of text with O/l/I/S… read as digits inside tokens that are mostly digits."""

    def fold(m: re.Match[str]) -> str:
        token = m.group(0)
        digits = sum(ch.isdigit() for ch in token)
        return token.translate(_LOOKALIKE_DIGITS) if digits and digits * 2 >= len(token) else token

    return _NUMBERISH_TOKEN.sub(fold, text)


# OCR specks inside a number or word ("02/2'1/2005", "2016012~8", "03,/16/2009", "2.022").
_SPECK_BETWEEN = re.compile(r"(?<=[0-9A-Za-z])[`'~,](?=[0-9/])|(?<=[0-9/])[`'~,](?=[0-9])")
_DOT_IN_NUMBER = re.compile(r"(?<![\d.])(\d+)\.(\d+)(?![\d.])")


def _despeckle(text: str) -> tuple[str, list[int]]:
    """text without OCR specks inside numbers, and for each kept character its offset in text."""
    drop: set[int] = {m.start() for m in _SPECK_BETWEEN.finditer(text)}
    for m in _DOT_IN_NUMBER.finditer(text):
        if len(m.group(1)) + len(m.group(2)) in (4, 8):  # a year or a YYYYMMDD split by a speck
            drop.add(m.start() + len(m.group(1)))
    if not drop:
        return text, list(range(len(text) + 1))
    kept = [i for i in range(len(text)) if i not in drop]
    return "".join(text[i] for i in kept), kept + [len(text)]


def _year(raw: str) -> int:
    year = int(raw)
    if len(raw) == 2:
        year += 2000 if year <= 40 else 1900
    return year


def _month(match: re.Match[str]) -> int:
    groups = match.groupdict()
    if groups.get("mon"):
        return _MONTHS[groups["mon"].upper().replace("0", "O")[:3]]
    return int(groups["month"])


def _label_before(text: str, start: int) -> str:
    """The words on the same line just before a date: 'DATE OF NOTE', '12b. SEPARATION DATE THIS PERIOD'."""
    line_start = text.rfind("\n", 0, start) + 1
    window = text[max(line_start, start - 60):start]
    window = re.sub(r"[\s:;=\-–(),.#]+$", "", window)
    # Keep the last clause only: two fields on one line are separated by 2+ spaces or a pipe.
    window = re.split(r"\s{2,}|\|", window)[-1]
    return window.strip(" :.-").strip()


def find_dates(text: str) -> list[FoundDate]:
    """Every valid calendar date in text, in reading order, without overlaps; offsets index text."""
    clean, offsets = _despeckle(text)
    return [
        FoundDate(d.date, offsets[d.start], offsets[d.end - 1] + 1, _label_before(text, offsets[d.start]))
        for d in _find_dates_in(clean)
    ]


def _find_dates_in(text: str) -> list[FoundDate]:
    folded = _fold_lookalikes(text)
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            start, end = m.span()
            if any(start < e and s < end for s, e in taken):
                continue
            try:
                value = dt.date(_year(m.group("year")), _month(m), int(m.group("day")))
            except (ValueError, KeyError):
                value = None
            if value is None or not MIN_YEAR <= value.year <= MAX_YEAR:
                # Written as a date but not a possible one: never re-read part of it as another date.
                taken.append((start, end))
                continue
            taken.append((start, end))
            found.append(FoundDate(value, start, end, _label_before(text, start)))
    found.sort(key=lambda f: f.start)
    return found


# For a DD 214 the date it is "of" is the separation date; elsewhere those labels are excluded.
_SEPARATION_LABEL = re.compile(r"SEPARAT", re.I)


def document_date(text: str, record_type: str | None = None) -> dt.date | None:
    """The date a document is of (note, exam, decision, report), or None when the text has no usable date.

    Preference: a date labelled as the document's own (DATE OF NOTE, EXAM DATE, Date:), then the
    first date near the top that is not a birth/entry/print date, then any such date.
    """
    dates = [d for d in find_dates(text) if d.date <= dt.date(MAX_YEAR, 1, 1)]
    if not dates:
        return None
    if record_type == "service_personnel":
        for d in dates:
            if _SEPARATION_LABEL.search(d.label):
                return d.date
    for d in dates:
        if d.label and _DOCUMENT_DATE_LABELS.search(d.label) and not _NOT_DOCUMENT_DATE_LABELS.search(d.label):
            return d.date
    usable = [d for d in dates if not _NOT_DOCUMENT_DATE_LABELS.search(d.label)]
    return (usable or dates)[0].date
