"""The date a document is OF, chosen by role, at the precision the text gives, with where it was found.

A note is dated by its note date, an exam by its exam date, a report by its study date, a decision by
its decision date, a letter by its date line, a statement or a claim form by its signature date; a DD
214 by its separation date (block 12b). Never by a birth date, a form's edition ("DEC 2017"), a fax
banner, a print or received stamp, a service-entry date or a follow-up: those roles are never chosen
(classifiers/date_roles.py). A mention keeps its precision: "Date of injury: April 2008" dates to the
month, "in 2005" to the year, never an invented day. A year OCR misread by one digit ("2026" for 2020)
is read from the same day given again on the document (a fax banner, a signature line). The source is
kept for the reader: "dated from: signature line, p. 15".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from classifiers.date_roles import NOT_DOCUMENT_ROLES, ROLE_LABELS, DatedMention, date_role
from classifiers.dates import PartialDate, find_dates
from classifiers.fax import FaxBanner, blank_fax_banners, fax_banners
from classifiers.service_periods import find_service_periods

# For each record type, the roles that date it, best first. A role not listed can still date a
# document as a last resort (FALLBACK_ROLES), never one of NOT_DOCUMENT_ROLES.
ROLE_ORDER: dict[str, tuple[str, ...]] = {
    "service_treatment": ("entry", "visit", "note", "exam", "header", "procedure", "report", "signature"),
    "service_exam": ("exam", "header", "visit", "report", "signature"),
    "service_personnel": ("separation", "header", "report", "signature", "entry"),
    "line_of_duty": ("exam", "visit", "header", "report", "letter", "incident", "signature"),
    "va_treatment": ("note", "visit", "exam", "study", "procedure", "header", "report", "entry", "signature"),
    "private_treatment": ("visit", "note", "exam", "procedure", "study", "header", "letter", "report", "entry",
                          "signature"),
    "imaging_report": ("study", "exam", "visit", "procedure", "header", "letter", "report", "signature"),
    "cp_exam": ("exam", "note", "visit", "header", "letter", "report", "signature"),
    "medical_opinion": ("letter", "header", "report", "exam", "signature"),
    "rating_decision": ("decision", "letter", "header", "signature"),
    "board_decision": ("decision", "header", "letter", "hearing", "signature"),
    "buddy_statement": ("signature", "letter", "header"),
    "personal_statement": ("signature", "letter", "header"),
    "claim_form": ("signature", "header", "letter"),
    "other": ("header", "letter", "report", "signature", "visit", "decision", "entry"),
}
# Roles a type reads in passing but is never dated by: a claim form's "date of decision" is the
# decision it appeals, a statement's "date of injury" is the event it tells of.
EXCLUDED_ROLES: dict[str, frozenset[str]] = {
    "claim_form": frozenset({"decision", "incident", "report", "exam", "visit", "note"}),
    "personal_statement": frozenset({"incident"}),
    "buddy_statement": frozenset({"incident"}),
    "medical_opinion": frozenset({"incident", "decision", "note", "visit", "study"}),
    "rating_decision": frozenset({"exam", "incident", "note", "visit", "study"}),
    "board_decision": frozenset({"exam", "incident", "note", "visit", "study"}),
}
# After the type's roles: an unlabelled date near the top of the first page, then any other date.
FALLBACK_ROLES: tuple[str, ...] = ("header", "letter", "entry", "note", "exam", "visit", "study", "procedure",
                                   "report", "decision", "hearing", "signature", "mentioned", "discharge", "incident")
# Roles that only count in the first lines of the document's first page (a "Date:" on page 3 is a field
# of something else).
TOP_ONLY_ROLES = frozenset({"header", "letter"})
TOP_LINES = 16
# Statements and forms are dated by their last signature; everything else by the first date of its role.
LAST_SIGNATURE_TYPES = frozenset({"buddy_statement", "personal_statement", "claim_form"})
# A statement tells of events ("In 2010 he came home", "since 1999"): a date the story mentions after a
# preposition is an event's, never the statement's own, so a statement whose date line OCR lost has none.
_STORY_PREPOSITIONS = frozenset({"in", "since", "from", "during", "until", "till", "of", "on", "after", "before",
                                 "by", "around", "about", "to", "through", "and"})
# Decisions, exams, reports and opinions are of a day their own labels give: when OCR lost every labelled
# date, a date their text mentions below the first page's top (a year in the reasons, an event) is not theirs.
DAY_DATED_TYPES = frozenset({"rating_decision", "board_decision", "cp_exam", "imaging_report", "medical_opinion",
                             "service_exam", "claim_form"})
# A list of entries (an account's charges, a health summary's appointments, a record's assignment history:
# lines each opening with a date of its own) names the days of its items, not the day the document is of.
# Only a record made of dated entries (an SF 600's sick-call entries) is dated by one; any other document
# whose own date OCR lost is better undated than dated by an item of its list. A date followed by another
# date on its line is no item: it is a date line OCR ran into the first item ("03/28/2002 03/28/2002 - flare up").
ENTRY_RECORD_TYPES = frozenset({"service_treatment"})
MIN_LIST_ENTRIES = 2
DATE_RUN_GAP = 3
# The "other" type may be dated by a received stamp or a fax banner when it has nothing else (a mail
# routing slip, a fax cover sheet: what they are of is their receipt or transmission).
RECEIVED_TYPES = frozenset({"other"})


@dataclass(frozen=True)
class DocumentDate:
    """A document's date: its value (day, month or year), and where it was found: 1-based page
    number in the file, 1-based line on that page, and the role ("signature line", "DATE OF NOTE")."""

    value: PartialDate
    page: int
    line: int
    role: str

    @property
    def precision(self) -> str:
        return self.value.precision

    def describe(self) -> str:
        """"signature line, p. 15"."""
        return f"{self.role}, p. {self.page}"


@dataclass(frozen=True)
class _Candidate:
    page: int
    order: int
    mention: DatedMention
    top: bool
    beside_name: bool = False


# A birth date whose label OCR garbled ("DOS. 09/05/1974" for DOB) still stands beside the patient's name
# and is decades older than the record: a date after a name field on its line, at least this many years
# before another date of the document, is taken for a birth date.
_NAME_FIELD = re.compile(r"\b(?:PATIENT|PT|NAME|VETERAN|CLAIMANT|MEMBER|SERVICE\s?MEMBER)\b\W", re.I)
BIRTH_GAP_YEARS = 16


def page_mentions(text: str, banners: Sequence[FaxBanner] | None = None) -> list[DatedMention]:
    """Every date on a page with its role and line (fax banner dates have the role "fax")."""
    banners = fax_banners(text) if banners is None else list(banners)
    return [
        DatedMention(d, date_role(text, d, banners), text.count("\n", 0, d.start) + 1)
        for d in find_dates(text)
    ]


def _top_line_limit(text: str) -> int:
    """The line number below which a page's first TOP_LINES non-empty lines end."""
    count = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            count += 1
            if count >= TOP_LINES:
                return number
    return number if text else 0


def _separation(pages: Sequence[tuple[int, str]]) -> DocumentDate | None:
    """A DD 214's separation date (block 12b, whatever the layout), with the line it stands on."""
    best: tuple[PartialDate, int, int] | None = None
    for number, text in pages:
        clean = blank_fax_banners(text)
        for period in find_service_periods(clean):
            if period.end is None:
                continue
            value = PartialDate.of(period.end, "day" if period.end_precision == "day" else "month")
            at = period.end_at if period.end_at is not None else 0
            if best is None or value > best[0]:
                best = (value, number, clean.count("\n", 0, at) + 1)
    if best is None:
        return None
    return DocumentDate(best[0], best[1], best[2], ROLE_LABELS["separation"])


def document_date_of(pages: Sequence[tuple[int, str]], record_type: str) -> DocumentDate | None:
    """The date a document is of, from its pages ((page number, text), in order), by its type's roles.

    None when no date of an acceptable role is on its pages."""
    if record_type == "service_personnel":
        found = _separation(pages)
        if found is not None:
            return found
    candidates: list[_Candidate] = []
    list_items: set[tuple[int, int]] = set()  # (page, order) of the items of a list of entries
    first_content = next((i for i, (_, t) in enumerate(pages) if len(t.split()) >= 8), 0)
    for index, (number, text) in enumerate(pages):
        limit = _top_line_limit(text) if index == first_content else 0
        mentions = page_mentions(text)
        if record_type not in ENTRY_RECORD_TYPES:
            list_items |= {(number, order) for order in _list_entries(mentions)}
        for order, mention in enumerate(mentions):
            line_start = text.rfind("\n", 0, mention.found.start) + 1
            beside_name = bool(_NAME_FIELD.search(text[line_start:mention.found.start]))
            candidates.append(_Candidate(number, order, mention, mention.line <= limit, beside_name))
    # A date labelled as a birth date anywhere in the document is a birth date wherever it stands.
    births = {c.mention.found.value for c in candidates if c.mention.role == "birth"}
    births |= _unlabelled_births(candidates)
    excluded = NOT_DOCUMENT_ROLES | EXCLUDED_ROLES.get(record_type, frozenset())
    if record_type in RECEIVED_TYPES:
        excluded = excluded - {"received", "fax"}
    usable = [
        c for c in candidates
        if c.mention.role not in excluded and c.mention.found.value not in births
        and not (record_type in LAST_SIGNATURE_TYPES and _in_the_story(c.mention))
        and (c.page, c.order) not in list_items
    ]
    order = ROLE_ORDER.get(record_type, ROLE_ORDER["other"])
    for role in (*order, *FALLBACK_ROLES, "received", "fax"):
        hits = [c for c in usable if c.mention.role == role and (c.top or role not in TOP_ONLY_ROLES)]
        if role in ("mentioned", "discharge", "incident") and role not in order:
            hits = [c for c in hits if c.top] or ([] if record_type in DAY_DATED_TYPES else hits)
        if not hits:
            continue
        chosen = hits[-1] if role == "signature" and record_type in LAST_SIGNATURE_TYPES else hits[0]
        chosen = _refined(chosen, hits)
        value = _misread_year_repaired(
            chosen.mention.found.value, [c.mention.found.value for c in candidates if c.mention.role != "birth"],
            [c.mention.found.value for c in candidates if c.mention.role in _STAMP_ROLES])
        return DocumentDate(value, chosen.page, chosen.mention.line, ROLE_LABELS[role])
    return None


def _list_entries(mentions: Sequence[DatedMention]) -> list[int]:
    """The indexes (in mentions) of the dates on the entry lines of a page that lists several days: the
    items of a list (with any further items OCR ran onto their lines). A date run into another date on its
    line is a date line, not an item."""
    lines = set()
    for order, mention in enumerate(mentions):
        following = mentions[order + 1] if order + 1 < len(mentions) else None
        run_on = (following is not None and following.line == mention.line
                  and following.found.start - mention.found.end <= DATE_RUN_GAP)
        if mention.role == "entry" and not run_on:
            lines.add(mention.line)
    items = [order for order, mention in enumerate(mentions) if mention.line in lines]
    return items if len({mentions[i].found.value for i in items}) >= MIN_LIST_ENTRIES else []


def _one_digit_apart(a: int, b: int) -> bool:
    return a != b and sum(x != y for x, y in zip(f"{a:04d}", f"{b:04d}", strict=True)) == 1


# Stamps put on a document after it was written: it is never dated after them.
_STAMP_ROLES = frozenset({"fax", "received", "print"})


def _misread_year_repaired(value: PartialDate, others: Sequence[PartialDate],
                           stamps: Sequence[PartialDate] = ()) -> PartialDate:
    """OCR misreads one digit of a year into another valid date ("December 21, 2026" for 2020): when the
    document also gives the same day with a year one digit apart (a fax banner, a signature date, a
    repeated header), the one it means is not after the document's fax, received or print stamps, and
    is the year nearer the document's other dates."""
    if value.precision != "day":
        return value
    twins = {o for o in others
             if o.month == value.month and o.day == value.day and _one_digit_apart(o.year, value.year)}
    if not twins:
        return value
    if stamps:
        before_stamps = [v for v in (value, *sorted(twins)) if v <= max(stamps)]
        if len(before_stamps) == 1:
            return before_stamps[0]
    rest = sorted(o.year for o in others if o != value and o not in twins)
    if rest:
        middle = rest[len(rest) // 2]
        return min([value, *sorted(twins)], key=lambda v: (abs(v.year - middle), v != value))
    counts = {v: sum(o == v for o in others) for v in (value, *sorted(twins))}
    return max(counts, key=lambda v: (counts[v], v == value))


def _unlabelled_births(candidates: Sequence[_Candidate]) -> set[PartialDate]:
    """Dates beside a name field, BIRTH_GAP_YEARS or more before another day-precise date of the document
    that could date it: birth dates whose label OCR garbled."""
    dated = [c.mention.found.value for c in candidates
             if c.mention.role not in NOT_DOCUMENT_ROLES and c.mention.found.precision == "day"]
    latest = max(dated, default=None)
    if latest is None:
        return set()
    return {c.mention.found.value for c in candidates
            if c.beside_name and c.mention.role not in ("birth", "signature")
            and latest.year - c.mention.found.value.year >= BIRTH_GAP_YEARS}


def _in_the_story(mention: DatedMention) -> bool:
    """A date a statement's narrative mentions after a preposition ("he came home in 2010")."""
    words = mention.found.label.lower().split()
    return mention.role == "mentioned" and bool(words) and words[-1].strip(".,;:") in _STORY_PREPOSITIONS


def _refined(chosen: _Candidate, hits: Sequence[_Candidate]) -> _Candidate:
    """A partial date made precise by a later mention of the same role that agrees with it."""
    value = chosen.mention.found.value
    if value.precision == "day":
        return chosen
    for c in hits:
        other = c.mention.found.value
        same_month = value.month is None or other.month == value.month
        if other.precision == "day" and other.year == value.year and same_month:
            return c
    return chosen
