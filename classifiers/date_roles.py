"""What each date on a page is: the note's date, an exam date, a signature date, or a birth date, a
form's edition, a fax transmission stamp, a print date, a service-entry date, a follow-up.

A document's date is chosen by role (classifiers/document_dates.py), never by position alone: "DOB
08/02/1970" on a statement, "JUN-24-2020 09:12 FROM: ..." across a faxed note, "VA FORM 21-4138, DEC
2017" at the foot of a form and "ACTIVE DUTY 06/11/1991 - 08/31/2011" on a codesheet are all dates the
document is not OF. A role is read from the words labelling the date on its line (OCR-folded, so
"DATE 0F N0TE" still reads), the words after it, and where it stands (alone on a line near the top: a
letter's date; opening a line: an entry).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from classifiers.dates import FoundDate
from classifiers.fax import FaxBanner
from classifiers.record_types import fold

# Roles that never date a document (whatever its type).
NOT_DOCUMENT_ROLES: frozenset[str] = frozenset(
    {"birth", "edition", "fax", "print", "received", "archive", "effective", "future", "service"}
)
# The label a reader sees for each role: "dated from: signature line, p. 15".
ROLE_LABELS: dict[str, str] = {
    "note": "DATE OF NOTE",
    "exam": "exam date",
    "study": "study date",
    "procedure": "procedure date",
    "visit": "visit date",
    "report": "report date",
    "decision": "decision date",
    "hearing": "hearing date",
    "signature": "signature line",
    "header": "header",
    "letter": "letter date",
    "entry": "entry line",
    "separation": "separation date",
    "incident": "incident date",
    "discharge": "discharge date",
    "mentioned": "date in the text",
    "received": "received stamp",
    "fax": "fax transmission line",
}


def _cues(*phrases: str) -> tuple[str, ...]:
    return tuple(fold(p).replace(" ", "") for p in phrases)


# (role, cues found anywhere in the compact folded label, short cues that must stand as words).
# Checked in order: the first role whose cue is in the label wins.
_LABEL_ROLES: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    ("birth", _cues("DATE OF BIRTH", "BIRTH", "BORN"), ("DOB", "D O B")),
    ("print", _cues("PRINTED", "PRINT DATE", "RUN DATE", "GENERATED"), ()),
    ("fax", _cues("FAX", "FACSIMILE", "TRANSMIT"), ()),
    ("received", _cues("RECEIVED", "DATE STAMP", "RECEIPT"), ("RECD", "RCVD")),
    ("archive", _cues("ARCHIVE"), ()),
    ("effective", _cues("EFFECTIVE"), ()),
    ("future", _cues("NEXT APPT", "FOLLOW UP", "FOLLOW-UP", "RETURN", "EXPIR", "APPT", "SCHEDULED", "RECHECK",
                     "DUE DATE"), ("RTC", "DUE")),
    ("separation", _cues("SEPARATION", "DATE OF DISCHARGE FROM", "RELEASE DATE", "DATE OF RELEASE",
                         "RETIREMENT DATE"), ()),
    ("service", _cues("ENTERED AD", "DATE ENTERED", "ENTRY INTO", "DATE OF ENTRY", "ENLIST", "ACTIVE DUTY",
                      "ACTIVE SERVICE", "SERVICE FROM", "SERVED FROM", "DATE OF RANK", "PEBD", "BASD"),
     ("EOD", "RAD", "ETS", "DOR")),
    # (a questionnaire's "Date of first treatment" is when care began, never the questionnaire's date)
    ("incident", _cues("INJUR", "INCIDENT", "ACCIDENT", "ONSET", "DATE OF EVENT", "OCCURR", "FIRST TREAT",
                       "FIRST SEEN"), ()),
    ("note", _cues("DATE OF NOTE", "NOTE DATE"), ()),
    ("exam", _cues("DATE OF EXAM", "EXAM DATE", "EXM DATE", "DATE OF EVAL", "EVALUATION DATE", "EXAMINATION DATE",
                   "DATE EXAMINED"), ()),
    ("study", _cues("STUDY DATE", "DATE OF STUDY", "SCAN DATE", "IMAGING DATE"), ()),
    ("procedure", _cues("DATE OF PROCEDURE", "PROCEDURE DATE", "DATE OF SURGERY", "SURGERY DATE"), ()),
    ("decision", _cues("DECISION DATE", "DATE OF DECISION", "PROMULGAT", "DECIDED", "RATING DECISION",
                       "DECISION NOTICE", "NOTIFICATION DATE"), ()),
    ("hearing", _cues("HEARING"), ()),
    ("report", _cues("REPORT DATE", "DATE OF REPORT", "DICTATED", "TRANSCRIBED", "VERIFIED", "PREPARED", "REVIEWED"),
     ()),
    ("visit", _cues("DATE OF SERVICE", "SERVICE DATE", "VISIT", "ENCOUNTER", "ARRIVAL", "ADMISSION", "ADMIT",
                    "DATE OF INJURY AND"), ("DOS",)),
    ("discharge", _cues("DISCHARGE"), ()),
    ("signature", _cues("SIGNED", "SIGNATURE", "SWORN", "SUBSCRIBED", "CERTIF", "ATTEST", "WRITTEN"), ()),
]
_SIGNATURE_ON_LINE = re.compile(r"SIGNATURE|SIGNED|/e?s/|\bCERTIFICATION\b", re.I)
_SERVICE_ON_LINE = re.compile(r"ACTIVE\s*(?:DUTY|SERVICE)|\bEOD\b|\bRAD\b|SERVED\s+(?:ON|FROM)", re.I)
# A plain date field: a label ending "Date", "Dated", "DT" or "Date/Time" ("Date of first treatment" is no header).
_HEADER_END = re.compile(r"(?:DATE|DATED|DT|DATETIME|DATEANDTIME)$")
_HEADER_LABEL = re.compile(r"\bDATE[D]?\b|\bDT\b|\bDATE\s?/\s?TIME\b", re.I)
_FORM_NUMBER = re.compile(r"\b(?:FORM|SF|DD|DA|NGB|AF|OMB|PHS)\b\W{0,3}[\w-]*\d|\bREV(?:ISED|ISION)?\b", re.I)
_EDITION_AFTER = re.compile(r"^\W{0,3}(?:EDITION|PREVIOUS|OBSOLETE|SUPERSEDES|\(?REV)", re.I)
_EDITION_BEFORE = re.compile(r"\b(?:REV|REVISED|REVISION|EDITION|EDITIONS?\s+OF)\W{0,4}$", re.I)
# A line of prose: several lower-case words before the date ("examined him on", "the MRI of").
_PROSE = re.compile(r"(?:\b[a-z]{2,}\b\W+){3,}")
LETTER_DATE_LINES = 16
# A signature block: a closing or signature words with an OCR error or two ("Respectfuly", "Sincere1y",
# "S1gnature", "Sworn"), or a writer's attestation; a date within these many lines below one is signed.
_CLOSING = re.compile(
    r"\bS[il1|]ncer[e3c]|\bRespectf|\bS[il1|][gq]n(?:ature|ed)\b|\bS[il1|][gq]nat|\bSworn\b|\bSubscribed\b"
    r"|\btrue\s+(?:and\s+correct|to\s+the\s+best)|best\s+of\s+my\s+knowledge"
    r"|\b(?:Very|Yours)\s+truly\b|^\W*(?:Best\s+|Kind\s+)?Regards\W*$|^\W*Cordially\W*$|^\W*Thank\s+you\W*$",
    re.I,
)
SIGNATURE_BLOCK_LINES = 3
SIGNATURE_BLOCK_LABEL_WORDS = 2
# Labels compared allowing an OCR error or two: cues of this many letters, this similar (0-100). The
# words every date label shares ("DATE", "OF") are left out of the comparison, so "Date of reasessment"
# is not "Date of release" for sharing "DATEOFRE".
FUZZY_MIN_LABEL = 8
FUZZY_LABEL_SIMILARITY = 90.0
FUZZY_MIN_CORE = 5
_SHARED_LABEL_WORDS = re.compile(r"DATE|OF")
# The end of a period a report covers ("PERIOD COVERED 20070819 THRU 20080818"): the date the report is of.
# Read on the line's letters alone, so OCR specks do not hide it ("PERIOD COVERED 20030915 TH.RU").
_PERIOD_END = re.compile(
    r"(?:PERIODCOVERED|RATINGPERIOD|REPORTINGPERIOD|PERIODOFREPORT)[A-Z]{0,20}(?:THRU|THROUGH|TO)$"
)
# An order's number and its date ("ORDERS 206-550   23 AUG 2004"): the date the orders were issued.
# (OCR specks inside the number: "ORDERS 1`10-028")
_ORDERS_NUMBER = re.compile(r"^\W*ORDERS?\W{0,3}(?:NO\W{0,2}|NUMBER\W{0,2})?[A-Z]{0,3}\d[\d`'~.,-]*$", re.I)
_LABEL_SPECKS = re.compile(r"[`'~]")
# A rating's percentage from a day ("Service Connected, Incurred 20% from 06/13/2029", "10 percent since"):
# the day the evaluation takes effect, never the day the decision or codesheet was written.
_RATED_FROM = re.compile(r"[0-9OIl|]\s?(?:%|PERCENT|PCT)\W{0,2}(?:FROM|SINCE|AS\s+OF|EFF\w*)\W{0,3}$", re.I)
# "Writen", "Wrltten", "WRITTCN": the statement's "Written" with a letter lost or misread (a signature cue).
_WRITTEN_LOOSE = re.compile(r"WR[IL1]T{1,2}[EC]N")
# "Rating decision dat ed", "dec1siondated": a label ending in "dated" refers to a record, however broken.
_ENDS_DATED = re.compile(r"D\W?A\W?T\W?E\W?D$", re.I)
_REFERRING_WORDS = frozenset({"dated", "of", "on", "from", "since", "in", "to", "through", "until", "between", "and"})
# Roles a text can refer to in passing ("decision dated", "examination of"); a signature is always its own.
_REFERABLE_ROLES = frozenset({"note", "exam", "study", "procedure", "decision", "hearing", "report", "visit"})


@dataclass(frozen=True)
class DatedMention:
    """A date on a page with its role and the 1-based line it stands on."""

    found: FoundDate
    role: str
    line: int


def _short_cue(label_spaced: str, cues: Sequence[str]) -> bool:
    """A short cue standing as a word, or as the label's last word broken by OCR ("D OB")."""
    tokens = label_spaced.split()
    tail = "".join(tokens[-2:]) if len(tokens) >= 2 and len(tokens[-1]) <= 2 else None
    return any(re.search(rf"(?<![A-Z0-9]){re.escape(c)}(?![A-Z0-9])", label_spaced) or tail == c.replace(" ", "")
               for c in cues)


def _fuzzy_role(compact: str) -> str | None:
    """"Decison date", "DATE 0F EXAMINATlON", "EFFECTIVE DATE OF SEPARAION": a long cue with an OCR error
    or two, compared without the words all date labels share."""
    core = _SHARED_LABEL_WORDS.sub("", compact)
    for role, cues, _ in _LABEL_ROLES:
        for cue in cues:
            if len(cue) < FUZZY_MIN_LABEL or len(compact) < len(cue) - 1:
                continue
            if fuzz.partial_ratio(cue, compact) < FUZZY_LABEL_SIMILARITY:
                continue
            cue_core = _SHARED_LABEL_WORDS.sub("", cue)
            if len(cue_core) < FUZZY_MIN_CORE or _within_edits(cue_core, core):
                return role
    return None


def _within_edits(cue: str, label: str) -> bool:
    """Some stretch of label is the cue with one OCR error (two for a cue of ten letters or more)."""
    allowed = 1 if len(cue) < 10 else 2
    return any(Levenshtein.distance(cue, label[i:i + n], score_cutoff=allowed) <= allowed
               for n in range(max(1, len(cue) - allowed), len(cue) + allowed + 1)
               for i in range(max(1, len(label) - n + 1)))


def date_role(text: str, found: FoundDate, banners: Sequence[FaxBanner] = (), line_index: int | None = None) -> str:
    """The role of one date in its page text (see ROLE_LABELS and NOT_DOCUMENT_ROLES).

    line_index: the 0-based line the date stands on, when the caller knows it (for "letter")."""
    if any(b.start <= found.start < b.end and not b.weak for b in banners):
        return "fax"
    line_start = text.rfind("\n", 0, found.start) + 1
    line_end = text.find("\n", found.end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:found.start]
    after = text[found.end:line_end]
    if found.precision != "day" and (
        _FORM_NUMBER.search(before[-40:]) or _EDITION_AFTER.search(after) or _EDITION_BEFORE.search(before)
    ):
        return "edition"
    if _EDITION_BEFORE.search(before) or re.match(r"^\W{0,3}EDITION", after, re.I):
        return "edition"
    if _RATED_FROM.search(before[-40:]):
        return "effective"
    spaced = fold(found.label)
    compact = spaced.replace(" ", "")
    words = found.label.split()
    # "Rating decision dated 03/02/2020", "the MRI of 03/02/2021": a record the text refers to.
    refers = len(words) > 1 and (words[-1].lower() in _REFERRING_WORDS or bool(_ENDS_DATED.search(compact)))
    matched = next((role for role, cues, short in _LABEL_ROLES
                    if any(c and c in compact for c in cues) or _short_cue(spaced, short)), None)
    if matched is None and _PERIOD_END.search(re.sub(r"[^A-Z]", "", before[-80:].upper())):
        return "report"
    if matched is None and _ORDERS_NUMBER.match(_LABEL_SPECKS.sub("", found.label)):
        return "header"
    if matched is None and len(compact) >= FUZZY_MIN_LABEL:
        matched = _fuzzy_role(compact)
    if matched is None and _WRITTEN_LOOSE.search(compact):
        matched = "signature"
    if matched is not None:
        return "mentioned" if refers and matched in _REFERABLE_ROLES else matched
    if _SIGNATURE_ON_LINE.search(before):
        return "signature"
    if _SERVICE_ON_LINE.search(before):
        return "service"
    if _PROSE.search(found.label):
        return "mentioned"
    if found.label and _HEADER_LABEL.search(found.label) and _HEADER_END.search(compact) and len(words) <= 3:
        previous_line = text[text.rfind("\n", 0, max(line_start - 1, 0)) + 1:max(line_start - 1, 0)]
        if _HEADER_LABEL.fullmatch(found.label.strip(" :")) and (
            _SIGNATURE_ON_LINE.search(previous_line) or _in_signature_block(text, line_start)
        ):
            return "signature"  # "Date: 03/02/2020" under "Sincerely," and the writer's name
        return "header"
    bare_line = (before + after).strip(" \t:;,.-*()[]")
    if not bare_line or re.fullmatch(r"(?:DATE|Dated?)\W*", bare_line, re.I):
        # Under a closing ("Sincerely," and a name) a date alone is the signature's, however short the
        # page: the last page of a letter is not its first.
        if _in_signature_block(text, line_start):
            return "signature"
        index = text.count("\n", 0, found.start) if line_index is None else line_index
        return "letter" if index < LETTER_DATE_LINES else "mentioned"
    if not before.strip():
        return "entry"
    if len(words) <= SIGNATURE_BLOCK_LABEL_WORDS and _in_signature_block(text, line_start, before):
        return "signature"  # "Dafe: 03/02/2020" under "Respectfully," or "Signature": a garbled date label
    return "mentioned"


def _in_signature_block(text: str, line_start: int, before: str = "") -> bool:
    """A date line in a signature block: a closing or a signature label, OCR-damaged or not, on the date's
    line or the SIGNATURE_BLOCK_LINES non-empty lines above it (an SF 600 entry's /s/ line does not count)."""
    above = [line for line in text[:line_start].split("\n") if line.strip()][-SIGNATURE_BLOCK_LINES:]
    return any(_CLOSING.search(line) for line in [*above, before])


def dated_mentions(text: str, dates: Sequence[FoundDate], banners: Sequence[FaxBanner] = ()) -> list[DatedMention]:
    """Every date of a page with its role and line number."""
    return [
        DatedMention(d, date_role(text, d, banners), text.count("\n", 0, d.start) + 1)
        for d in dates
    ]
