"""Encounters: the dated entries inside a document, the units of the chronology.

A set of chiropractic or PT notes, a run of sick-call entries on an SF 600, VA progress notes printed
together, faxed visit notes: one document, one encounter per dated entry. An entry opens where the
record opens one: a date at the start of a line (an SF 600 entry), a note, visit, exam or study date
("DATE OF NOTE:", "Date of Service:", "DOS", "Exam Date"), with the title line just above it
("LOCAL TITLE:", "PROGRESS NOTE"). A date repeated in a running header, a signature, print or fax date,
a follow-up or an "ENTRY DATE" beside the note date opens nothing. A document without entries (a
letter, a decision, a form, a one-visit note) is one encounter, of the document's date.

Each encounter keeps its pages and the character span on them, so a flag at (page, offset) can be
given to its encounter (Encounter.contains).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from classifiers.date_roles import ROLE_LABELS, DatedMention
from classifiers.dates import PartialDate
from classifiers.document_dates import DocumentDate, page_mentions
from classifiers.document_titles import CREDENTIAL, facility_of, imaging_what, smart_case
from classifiers.fax import blank_fax_banners

# Types whose documents can hold several dated entries.
MULTI_ENTRY_TYPES = frozenset({"service_treatment", "va_treatment", "private_treatment"})
# Roles of a date that opens an entry.
ENTRY_ROLES = frozenset({"entry", "note", "visit", "exam", "study", "procedure"})
# An entry's opening reaches up to a title line this many lines above its date.
TITLE_REACH = 4
KIND_LINES = 6
# Types whose encounters name a facility (a clinic, a VA medical center, an imaging center).
FACILITY_TYPES = frozenset({"service_treatment", "va_treatment", "private_treatment", "imaging_report", "cp_exam"})
_ENTRY_TITLE = re.compile(
    r"^\s*(?:L\s?[O0]\s?CAL\s*T[I1l|]T[I1l|]?LE\b|PROGRESS\s+NOTE|[A-Z][A-Z &/-]{3,40}\bNOTE\b|VISIT\s*#|"
    r"DATE\s+OF\s+SERVICE|OFFICE\s+VISIT|TREATMENT\s+NOTE)",
    re.I,
)
# A line that opens with a date and then words: an SF 600 entry, a dated visit line; not a table row
# of numbers or a symptom log, which are read only in treatment records anyway.
_ENTRY_LINE_WORDS = re.compile(r"[A-Za-z]{3,}")
# Or a date and a sick-call clinic's short name or a visit code ("15Jul03  TMC 4  F/U", "09/02/98  BAS 1-75
# S/C"); not a clinic's name in a list of appointments ("09/06/2022  PT CLINIC" in a health summary).
_ENTRY_LINE_CUE = re.compile(r"\b(?:TMC|BAS|AID\s*STA(?:TION)?|SICK\s*CALL|S/C|F/U|RTC|WALK-?IN)(?![A-Za-z])", re.I)


@dataclass(frozen=True)
class Encounter:
    """One dated entry of a document.

    date: its date at the text's precision (None when the entry has none); kind: one line ("sick
    call", "PT visit", "progress note"); first_page/last_page: 1-based pages in the file; start: the
    character offset on first_page where it opens; end: the offset on last_page where it stops
    (exclusive); provider/facility: when the text names them; date_page/date_line/date_role: where the
    date was read."""

    date: PartialDate | None
    kind: str
    first_page: int
    last_page: int
    start: int
    end: int
    provider: str | None = None
    facility: str | None = None
    date_page: int | None = None
    date_line: int | None = None
    date_role: str | None = None

    def contains(self, page: int, offset: int) -> bool:
        """Whether the character at (page, offset) lies in this encounter."""
        if not self.first_page <= page <= self.last_page:
            return False
        if page == self.first_page and offset < self.start:
            return False
        return not (page == self.last_page and offset >= self.end)


@dataclass(frozen=True)
class _Start:
    index: int  # position of the page in the document
    offset: int
    mention: DatedMention


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _entry_open(text: str, offset: int) -> int:
    """Where the entry whose date stands at offset opens: its title line up to TITLE_REACH lines above."""
    start = _line_start(text, offset)
    probe = start
    for _ in range(TITLE_REACH):
        if probe == 0:
            break
        previous = _line_start(text, probe - 1)
        line = text[previous:probe - 1]
        if _ENTRY_TITLE.match(line):
            start = previous
        probe = previous
    return start


def _starts(pages: Sequence[str]) -> list[_Start]:
    found: list[_Start] = []
    for index, text in enumerate(pages):
        for mention in page_mentions(text):
            if mention.role not in ENTRY_ROLES:
                continue
            if mention.role == "entry":
                line_end = text.find("\n", mention.found.end)
                rest = text[mention.found.end:line_end if line_end >= 0 else len(text)]
                if len(_ENTRY_LINE_WORDS.findall(rest)) < 2 and not _ENTRY_LINE_CUE.search(rest):
                    continue
            found.append(_Start(index, _entry_open(text, mention.found.start), mention))
    return found


def _opening_line(text: str, offset: int) -> str:
    start = _line_start(text, offset)
    end = text.find("\n", offset)
    return text[start:end if end >= 0 else len(text)]


def _dedupe(starts: list[_Start], pages: Sequence[str]) -> list[_Start]:
    """One start per entry: a date equal to the open entry's (an ENTRY DATE beside the DATE OF NOTE, a
    running header repeating it on the next page) opens nothing; nor does a partial date inside it."""
    kept: list[_Start] = []
    for s in starts:
        if kept:
            current = kept[-1].mention.found.value
            value = s.mention.found.value
            same = value == current or (value.precision != "day" and value.earliest <= current.earliest
                                        <= value.latest)
            if same:
                continue
        kept.append(s)
    return kept


_KINDS: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "service_treatment": [
        (re.compile(r"\bPT\s+CLINIC|PHYSICAL\s+THERAPY", re.I), "PT visit"),
        (re.compile(r"\bDENTAL", re.I), "dental visit"),
        (re.compile(r"OPTOMETRY", re.I), "eye exam"),
        (re.compile(r"EMERGENCY|\bER\b", re.I), "emergency visit"),
        (re.compile(r"F/U|FOLLOW[- ]?UP", re.I), "sick-call follow-up"),
        (re.compile(r"SICK\s+CALL|AID\s+STATION|\bBAS\b|\bTMC\b|TROOP\s+MEDICAL", re.I), "sick call"),
        (re.compile(r"^\s*(?:DA\s+FORM\s+3349|PHYSICAL\s+PROFILE|PROFILE)\b", re.I | re.M), "profile"),
        (re.compile(r"IMMUNIZ", re.I), "immunizations"),
    ],
    "private_treatment": [
        (re.compile(r"CHIROPRACT|\bCHIRO\b|ADJUSTMENT", re.I), "chiropractic visit"),
        (re.compile(r"PHYSICAL\s+THERAPY|\bPT\b|THEREX|THER\s*EX", re.I), "PT visit"),
        (re.compile(r"EMERGENCY", re.I), "emergency department visit"),
        (re.compile(r"URGENT\s+CARE", re.I), "urgent care visit"),
        (re.compile(r"OPERATIVE|PROCEDURE", re.I), "procedure"),
        (re.compile(r"CONSULT", re.I), "consultation"),
    ],
}
_LOCAL_TITLE = re.compile(r"L\s?[O0]\s?CAL\s*T[I1l|]T[I1l|]?LE\s*[:;]?\s*(?P<title>[^\n]{3,70})", re.I)
_TYPE_KIND = {
    "service_treatment": "treatment note", "service_exam": "service exam", "service_personnel": "personnel record",
    "line_of_duty": "line of duty report", "va_treatment": "progress note", "private_treatment": "visit",
    "imaging_report": "imaging", "cp_exam": "C&P exam", "medical_opinion": "medical opinion",
    "rating_decision": "rating decision", "board_decision": "Board decision", "buddy_statement": "lay statement",
    "personal_statement": "personal statement", "claim_form": "claim form", "other": "other",
}
_NAME = r"[A-Z][A-Za-z.'-]*(?:[ \t]+[A-Z][A-Za-z.'-]*){0,4}(?:,[ \t]*" + CREDENTIAL + r"(?![A-Za-z]))*"
_PROVIDER = [
    re.compile(r"^[ \t]*/e?s/[ \t]*(?P<who>" + _NAME + r")", re.M),
    re.compile(r"(?:Electronically[ \t]+signed(?:[ \t]+by)?|Signed[ \t]+by|Seen[ \t]+by|Dictated[ \t]+by)[ \t]*:?[ \t]*"
               r"(?:/e?s/[ \t]*)?(?P<who>" + _NAME + r")", re.I),
    re.compile(r"(?:Provider|Attending|Examiner|Physician|Radiologist|Treating[ \t]+provider|PHYSICIAN'S[ \t]+NAME)"
               r"[ \t]*:[ \t]*(?:/e?s/[ \t]*)?(?P<who>" + _NAME + r")", re.I),
    re.compile(r"AUTHOR\s*:\s*(?P<last>[A-Z][A-Z'-]+),\s*(?P<first>[A-Z][A-Z'-]+(?:\s+[A-Z])?)"),
    # A signature line: a name with its credentials alone on a line ("Angela Ruiz, DC").
    re.compile(r"^[ \t]*(?P<who>[A-Z][A-Za-z.'-]*(?:[ \t]+[A-Z][A-Za-z.'-]*){1,3},[ \t]*" + CREDENTIAL
               + r"(?:,[ \t]*" + CREDENTIAL + r")*\.?)[ \t]*$", re.M),
]
_ENTRY_PLACE = re.compile(
    r"^\s*\S.{5,30}?\s{2,}(?P<place>[A-Z][A-Z0-9 ,.'&/-]{4,60}?)(?:\s{2,}|\s+\d{3,4}\s*HRS|$)", re.M)
_CLINIC_LABEL = re.compile(
    r"(?:Clinic|Facility|Location|Department)\s*:\s*(?P<place>[A-Z][A-Za-z0-9 ,.'&-]{3,50})", re.I)


def _kind(record_type: str, text: str, title: str | None) -> str:
    """The encounter's kind, read from its first lines (where a note says what it is)."""
    head = "\n".join(text.strip("\n").split("\n")[:KIND_LINES])
    kind = _kind_in(record_type, head, title)
    return kind if kind != _TYPE_KIND.get(record_type) else _kind_in(record_type, text, title)


def _kind_in(record_type: str, text: str, title: str | None) -> str:
    if record_type == "va_treatment":
        local = _LOCAL_TITLE.search(text)
        if local:
            name = re.split(r"\s{2,}|\(CONT", local.group("title"))[0].strip(" :-")
            return name.lower() if name else "progress note"
    if record_type == "imaging_report":
        return imaging_what(text)
    for rx, name in _KINDS.get(record_type, []):
        if rx.search(text):
            return name
    if record_type in ("cp_exam",) and title:
        return title.split(" — ")[0]
    return _TYPE_KIND.get(record_type, "entry")


def _provider(text: str) -> str | None:
    for rx in _PROVIDER:
        m = rx.search(text)
        if not m:
            continue
        if "last" in rx.groupindex:
            return smart_case(f"{m.group('first')} {m.group('last')}")
        who = re.split(r"\s{2,}|\s+(?:on|at)\s+\d", m.group("who"))[0]
        who = " ".join(who.split()).strip(" ,.")
        if len(who) >= 4 and not re.search(r"\d|\b(?:Item|Yes|No|None)\b", who):
            return smart_case(who) if who.isupper() else who
    return None


# An SF 600 entry line read by OCR loses its column gaps: "14 MAR 2009 TROOP MEDICAL CLINIC 3, FORT BRAGG NC
# 0915 HRS". The entry's date and time are not part of the facility's name.
_LEADING_DATE = re.compile(r"^\s*\d{1,2}\s*[A-Za-z]{3,9}\.?\s*\d{2,4}\s+")
_TRAILING_TIME = re.compile(r"\s+\d{3,4}\s*(?:HRS?|hrs?|Hrs)\.?\s*$")


def _facility(text: str, opening_line: str) -> str | None:
    m = _CLINIC_LABEL.search(text)
    if m:
        return smart_case(" ".join(m.group("place").split()).strip(" ,."))
    m = _ENTRY_PLACE.match(opening_line)
    if m and re.search(r"CLINIC|STATION|TMC|BAS|AMC|ACH|HOSPITAL|CENTER|VAMC|HCS|CBOC", m.group("place"), re.I):
        return smart_case(" ".join(m.group("place").split()).strip(" ,.-"))
    found = facility_of(text)
    if found is None:
        return None
    return _TRAILING_TIME.sub("", _LEADING_DATE.sub("", found)).strip(" ,.-") or None


def find_encounters(
    pages: Sequence[tuple[int, str]],
    record_type: str,
    document_date: DocumentDate | None = None,
    title: str | None = None,
) -> list[Encounter]:
    """The encounters of one document, in the order they stand in it.

    pages: the document's (page number, text), in order. record_type and document_date: the
    document's (segment_and_classify passes them). A document of a type that holds one visit, or
    without dated entries, is one encounter of the document's date spanning the whole document."""
    if not pages:
        return []
    numbers = [n for n, _ in pages]
    texts = [blank_fax_banners(t or "") for _, t in pages]
    starts = _dedupe(_starts(texts), texts) if record_type in MULTI_ENTRY_TYPES else []
    if len(starts) <= 1:
        whole = "\n".join(texts)
        opening = _opening_line(texts[starts[0].index], starts[0].mention.found.start) if starts else ""
        date = document_date.value if document_date else (starts[0].mention.found.value if starts else None)
        return [Encounter(
            date=date,
            kind=_kind(record_type, whole, title),
            first_page=numbers[0],
            last_page=numbers[-1],
            start=0,
            end=len(texts[-1]),
            provider=_provider(whole) if record_type not in ("rating_decision", "claim_form") else None,
            facility=_facility(whole, opening) if record_type in FACILITY_TYPES else None,
            date_page=document_date.page if document_date else None,
            date_line=document_date.line if document_date else None,
            date_role=document_date.role if document_date else None,
        )]
    encounters = []
    for k, s in enumerate(starts):
        first_index, start = (0, 0) if k == 0 else (s.index, s.offset)
        if k + 1 < len(starts):
            nxt = starts[k + 1]
            last_index, end = nxt.index, nxt.offset
            if end == 0 and last_index > first_index:  # the next entry opens its page: this one ends on the last
                last_index, end = last_index - 1, len(texts[last_index - 1])
        else:
            last_index, end = len(texts) - 1, len(texts[-1])
        if first_index == last_index:
            body = texts[first_index][start:end]
        else:
            body = "\n".join([texts[first_index][start:], *texts[first_index + 1:last_index], texts[last_index][:end]])
        opening_line = _opening_line(texts[s.index], s.mention.found.start)
        encounters.append(Encounter(
            date=s.mention.found.value,
            kind=_kind(record_type, body, title),
            first_page=numbers[first_index],
            last_page=numbers[last_index],
            start=start,
            end=end,
            provider=_provider(body),
            facility=_facility(body, opening_line),
            date_page=numbers[s.index],
            date_line=s.mention.line,
            date_role=ROLE_LABELS.get(s.mention.role, s.mention.role),
        ))
    return encounters
