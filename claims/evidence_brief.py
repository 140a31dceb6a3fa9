"""The evidence brief: what a physician writes a nexus letter from, built from the claim's export.

The export (config/contracts/export.schema.json, v2) is the only input, so the brief is a pure function
of it and reads the same from the CLI, the web page and the PDF (claims/brief_layout.py lays it out
once; the renderers only draw). In the order a letter is written:

1. Opinions to answer: each negative or speculative opinion, and each adjudicative record that leans on
   aging or another cause, with its author, date, conclusion, the rationale quoted and the factors it
   relied on (aging, weight, civilian work, gaps in treatment), each cited.
2. Records reviewed: every document, grouped by source with primary records first, dated at the
   precision the text gave, with its pages.
3. Chronology: one row per encounter (one per dated document until encounters are found), in-service
   rows marked, repeats merged.
4. Evidence by nexus element: the quoted sentences, the physician's confirmed flags first with their
   notes, dismissed flags out, negated and other-person sentences as evidence against where it matters;
   every sentence once.
5. Checklist of what a strong letter needs (shared/seeds), each "found at ..." or "missing".

What counts as evidence: a flag that is not dismissed, not stale, not hypothetical ("return if pain
worsens"), not negated and about the veteran. Negated and other-person sentences are listed as
evidence against; the rest are counted, never silently hidden.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote

from sqlalchemy.orm import Session

from claims.brief_layout import layout, markdown
from claims.brief_model import (
    Brief,
    ChecklistItem,
    ChronologyRow,
    Element,
    EvidenceItem,
    Factor,
    Link,
    Opinion,
    Part,
    RecordEntry,
    RecordGroup,
)
from claims.export import build_export
from claims.readable import (
    CATEGORY_LABELS,
    GROUP_OF_TYPE,
    RECORD_TYPE_LABELS,
    SERVICE_RECORD_TYPES,
    SOURCE_GROUPS,
    ServicePeriods,
    date_at_precision,
    readable,
)
from config.settings import get_settings

# ------------------------------------------------------------------------------------ rules of thumb

# In the main body, each element shows the physician's confirmed sentences and then up to this many.
MAIN_ITEMS = 5
MAIN_AGAINST = 3
QUOTE_CHARS = 320
RATIONALE_CHARS = 900
CHECKLIST_LINKS = 4

# Opinion blocks: which records hold opinions the letter must answer, C&P first.
OPINION_SOURCES: tuple[str, ...] = ("cp_exam", "medical_opinion", "va_treatment", "private_treatment",
                                    "board_decision", "rating_decision")
# Records that lean on aging or another cause even where no opinion sentence was flagged.
ADJUDICATIVE_SOURCES: frozenset[str] = frozenset({"cp_exam", "medical_opinion", "board_decision",
                                                  "rating_decision"})
# Clinicians' opinions in favour, listed so the letter can build on them (decisions quote the law).
FAVOURABLE_SOURCES: frozenset[str] = frozenset({"cp_exam", "medical_opinion", "va_treatment",
                                                "private_treatment"})

# (key, title, what it shows); the order of section 4.
ELEMENTS: tuple[tuple[str, str, str], ...] = (
    ("diagnosis", "Diagnosis", "the condition the letter names (not just \"back pain\")"),
    ("in_service", "In-service events and strain",
     "injuries and complaints in service, and the duties that loaded the spine"),
    ("continuity", "Continuity since service", "symptoms that persisted from service to now; the timeline"),
    ("imaging", "Imaging", "what X-ray, MRI or CT showed"),
    ("secondary", "Secondary mechanism (gait, knee and back)",
     "altered gait, posture or a link from one condition to another"),
    ("alternative", "Alternative causes the letter must address", "age, weight, civilian work, accidents, sports"),
)
# A sentence found under several elements is quoted once, under the first of these.
ELEMENT_PRIORITY: tuple[str, ...] = ("imaging", "alternative", "secondary", "continuity", "in_service",
                                     "diagnosis")
# Inside an element: its own categories first.
CATEGORY_RANK: dict[str, int] = {c: i for i, c in enumerate((
    "medical_opinion", "injury", "diagnosis", "imaging_finding", "continuity", "secondary_link", "gait",
    "aging_attribution", "alternative_cause", "back_complaint", "service_strain"))}
AGAINST_LABELS: dict[str, str] = {
    "diagnosis": "Against the diagnosis: stated absent, normal, or about someone else",
    "in_service": "Against the in-service events: denials and normal findings in service",
    "continuity": "Against continuity: gaps and denials",
    "imaging": "Normal or absent imaging findings",
    "secondary": "Against the secondary mechanism: normal gait, links denied",
    "alternative": "Alternative causes stated absent or rejected (these help the letter)",
}
AGAINST_DEFAULT = "Evidence against: stated absent, normal, or about someone else"

_FACTOR_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Weight", re.compile(r"obes|\bbmi\b|weight|overweight|adipos", re.I)),
    ("Civilian work", re.compile(r"work|roof|\bjob|occupation|construct|warehouse|labou?r|employ|carpent|"
                                 r"plumb|mechanic|truck|driver|farm|lifting", re.I)),
    ("Post-service accident or fall", re.compile(r"accident|\bmv[ac]\b|collision|\bfall|\bfell|slip", re.I)),
    ("Sports", re.compile(r"sport|football|basketball|soccer|gym|rugby|hockey|\bski|running|marathon", re.I)),
)
_RATIONALE_HEAD = re.compile(
    r"\b(?:RATIONALE|Rationale|REASONS?(?: AND BASES| FOR (?:THE )?(?:DECISION|OPINION))|"
    r"Reasons?(?: and [Bb]ases| for (?:the )?(?:decision|opinion))|DISCUSSION|Discussion)\b\s*:?[ \t]*")
_STOP_LINE = re.compile(
    r"^\s*(?:SECTION\b|PART\b|REFERENCES?\b|CONCLUSION\b|ORDER\b|FINDINGS? OF FACT|DECISION\b|"
    r"(?:Secondary |Medical )?[Oo]pinion(?: requested)?\s*:|Examiner\b|/e?s/|Electronically signed|"
    r"Signed by|Date signed|[A-Z][A-Z0-9 ,&()/'.-]{6,}:?\s*$)")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s")
_SIGNATURE = re.compile(
    r"(?:/e?s/|Electronically signed by:?|Signed by:?|Examiner(?:'s name)?:)\s*(?:/e?s/\s*)?"
    r"(?P<name>[A-Z][A-Za-z.'\-]*(?:[ ][A-Z][A-Za-z.'\-]*){1,4}(?:,[ ]?[A-Za-z][A-Za-z.\-]{1,9})*)")
_ROLE = re.compile(r"Examiner|Representative|Physician|Judge|Officer|Specialist|Rater|Clinician|Psycholog|"
                   r"Surgeon|\bM\.?D\b|\bD\.?O\b|PA-C|\bNP\b|\bRN\b|Chief|Director|Board", re.I)
# The question an opinion answers; a line that goes on in lower case continues it.
_ISSUE = re.compile(r"(?:[Oo]pinion requested|ISSUE|Issue)\s*:\s*(?P<issue>[^\n]{4,200}(?:\n[ \t]*[a-z][^\n]{0,200})?)")
_ISSUE_ITEM = re.compile(r"^\s*\d+\.\s+(?P<issue>(?:Service connection|Entitlement|Whether) [^\n]{4,200}"
                         r"(?:\n[ \t]*[a-z][^\n]{0,200})?)", re.M)
_ROLE_END = re.compile(r"\s{3,}|\s+(?=(?:Date|Signed|Signature|VA FORM)\b)")
_FORM_LABEL = re.compile(r"^(?:SECTION|PART)\b|\?\W*$")
_CHECKBOX = re.compile(r"^(?:\s*\[[ xX]?\]\s*)+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[A-Z0-9])")


# ------------------------------------------------------------------------------------------- text


def _visible(ch: str) -> bool:
    return not unicodedata.category(ch).startswith("C")


def plain(text: str | None) -> str:
    """Record text on one line: whitespace runs to one space, control characters out."""
    return " ".join("".join(ch if _visible(ch) or ch.isspace() else " " for ch in (text or "")).split())


def _norm_key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _mark(sentence: str, phrases: Iterable[str]) -> list[bool]:
    marks = [False] * len(sentence)
    cursor = 0
    for phrase in phrases:
        words = phrase.split()
        if not words:
            continue
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.I)
        m = pattern.search(sentence, cursor) or pattern.search(sentence)
        if m:
            for i in range(m.start(), m.end()):
                marks[i] = True
            cursor = m.end()
    return marks


def quote_parts(sentence: str, phrases: Iterable[str], max_chars: int = QUOTE_CHARS) -> tuple[Part, ...]:
    """The sentence on one line, the matched phrases strong, clipped around them to `max_chars`."""
    marks = _mark(sentence, phrases)
    chars: list[str] = []
    flags: list[bool] = []
    for ch, m in zip(sentence, marks, strict=True):
        if ch.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                flags.append(m)
        elif _visible(ch):
            chars.append(ch)
            flags.append(m)
    text = "".join(chars).rstrip()
    flags = flags[: len(text)]
    box = _CHECKBOX.match(text)
    if box:
        text, flags = text[box.end():], flags[box.end():]
    prefix = suffix = ""
    if len(text) > max_chars:
        first = flags.index(True) if True in flags else 0
        a = max(0, first - max_chars // 3)
        if a:
            a = text.find(" ", a) + 1 or a
        b = min(len(text), a + max_chars)
        if b < len(text):
            b = text.rfind(" ", a, b) if text.rfind(" ", a, b) > a else b
        prefix, suffix = ("… " if a else ""), (" …" if b < len(text) else "")
        text, flags = text[a:b].strip(), flags[a:b][: len(text[a:b].strip())]
    parts: list[Part] = []
    for ch, m in zip(text, flags, strict=False):
        if parts and parts[-1].strong == m:
            parts[-1] = Part(parts[-1].text + ch, m)
        else:
            parts.append(Part(ch, m))
    if prefix:
        parts.insert(0, Part(prefix))
    if suffix:
        parts.append(Part(suffix))
    return tuple(parts)


def _clip_sentences(text: str, limit: int) -> str:
    text = plain(text)
    if len(text) <= limit:
        return text
    out = ""
    for sentence in _SENTENCE_END.split(text):
        if out and len(out) + 1 + len(sentence) > limit:
            return out + " …"
        out = f"{out} {sentence}".strip()
    return out[:limit].rsplit(" ", 1)[0] + " …"


# ------------------------------------------------------------------------------------------ builder


def page_href(claim_id: str, file_id: str, page: int, flag_id: str | None = None) -> str:
    """The page viewer's address for a page (and the flag to scroll to): site-relative."""
    href = f"/claims/{quote(claim_id, safe='')}/files/{quote(file_id, safe='')}/pages/{int(page)}"
    return href + (f"?flag={quote(flag_id, safe='')}" if flag_id else "")


def _pages_label(first: int, last: int) -> str:
    return f"p. {first}" if first == last else f"pp. {first}–{last}"


class _Claim:
    """The export, indexed for the builder."""

    def __init__(self, export: dict[str, Any]) -> None:
        self.claim_id = str(export.get("claim_id") or "")
        self.files = list(export.get("files") or [])
        self.file_order = {f["file_id"]: i for i, f in enumerate(self.files)}
        self.filenames = {f["file_id"]: plain(f.get("filename")) or "file" for f in self.files}
        self.single_file = len(self.files) == 1
        self.pages = {(p["file_id"], p["page"]): p.get("text") or "" for p in export.get("pages") or []}
        self.documents = sorted(export.get("documents") or [],
                                key=lambda d: (self.file_order.get(d["file_id"], 99), d["first_page"]))
        self.doc_by_id = {d["document_id"]: d for d in self.documents}
        self.encounters = list(export.get("encounters") or [])
        self.periods = ServicePeriods.of(export.get("service_periods"))
        self.raw_periods = list(export.get("service_periods") or [])
        self.flags = [g for g in export.get("flags") or [] if not g.get("stale")]

    def cite(self, file_id: str, page: int, flag_id: str | None = None) -> Link:
        label = f"p. {page}" if self.single_file else f"{self.filenames.get(file_id, 'file')} p. {page}"
        return Link(label, page_href(self.claim_id, file_id, page, flag_id))

    def cite_pages(self, file_id: str, first: int, last: int) -> tuple[str, Link]:
        pages = _pages_label(first, last)
        label = pages if self.single_file else f"{self.filenames.get(file_id, 'file')} {pages}"
        return label, Link(label, page_href(self.claim_id, file_id, first))

    def doc_of(self, flag: dict[str, Any]) -> dict[str, Any]:
        return self.doc_by_id.get(flag.get("document_id") or "", {})

    def record_type(self, flag: dict[str, Any]) -> str:
        return str(self.doc_of(flag).get("record_type") or flag.get("record_type") or "other")

    def flag_date(self, flag: dict[str, Any]) -> tuple[str | None, str | None]:
        """The record's date (ISO, precision) a flag stands in: its record date, else its document's."""
        if flag.get("record_date"):
            return flag["record_date"], flag.get("record_date_precision")
        doc = self.doc_of(flag)
        if doc.get("date"):
            return doc["date"], doc.get("date_precision")
        return flag.get("date"), None

    def in_service(self, flag: dict[str, Any]) -> bool | None:
        if flag.get("in_service") is not None:
            return bool(flag["in_service"])
        inside = self.periods.contains(flag.get("event_date") or self.flag_date(flag)[0])
        if inside is None and self.record_type(flag) in SERVICE_RECORD_TYPES:
            return True
        return inside

    def phrases(self, flag: dict[str, Any]) -> list[str]:
        text = self.pages.get((flag["file_id"], flag["page"]), "")
        spans = flag.get("spans") or [[flag.get("start", 0), flag.get("end", 0)]]
        found = [text[s:e] for s, e in spans if text and 0 <= s < e <= len(text)]
        return found or [flag.get("text") or ""]

    def doc_text(self, doc: dict[str, Any]) -> list[tuple[int, str]]:
        return [(n, self.pages.get((doc["file_id"], n), "")) for n in range(doc["first_page"], doc["last_page"] + 1)]

    def position(self, flag: dict[str, Any]) -> tuple[int, int, int]:
        return (self.file_order.get(flag["file_id"], 99), flag["page"], flag.get("start", 0))


def _is_evidence(flag: dict[str, Any]) -> bool:
    return (flag.get("status") != "dismissed" and not flag.get("hypothetical") and not flag.get("negated")
            and flag.get("experiencer", "patient") == "patient")


def _against_reason(flag: dict[str, Any]) -> str | None:
    if flag.get("status") == "dismissed" or flag.get("hypothetical"):
        return None
    if flag.get("experiencer", "patient") != "patient":
        return "about someone else"
    if flag.get("negated"):
        return "stated absent or normal"
    return None


def _set_aside(flag: dict[str, Any]) -> str | None:
    if flag.get("status") == "dismissed":
        return "dismissed by the physician"
    if flag.get("hypothetical"):
        return "hypothetical (plans, questions, rule-outs)"
    if flag.get("negated"):
        return "stated absent or normal"
    if flag.get("experiencer", "patient") != "patient":
        return "about someone else"
    return None


def _item(claim: _Claim, flags: Sequence[dict[str, Any]], against: str | None = None) -> EvidenceItem:
    """One sentence from the flags that share it: quoted once, cited wherever it was found."""
    first = min(flags, key=claim.position)
    phrases = [p for g in flags if g["file_id"] == first["file_id"] and g["page"] == first["page"]
               for p in claim.phrases(g)]
    links: list[Link] = []
    for g in sorted(flags, key=claim.position):
        link = claim.cite(g["file_id"], g["page"], g["flag_id"])
        if all(link.label != seen.label for seen in links):
            links.append(link)
    date_iso, precision = claim.flag_date(first)
    categories = sorted({g["category"] for g in flags}, key=lambda c: CATEGORY_RANK.get(c, 99))
    notes = []
    for g in flags:
        note = plain(g.get("note"))
        if note and note not in notes:
            notes.append(note)
    in_service = [claim.in_service(g) for g in flags]
    return EvidenceItem(
        quote=quote_parts(first.get("sentence") or first.get("text") or "", phrases),
        links=links, date=date_at_precision(date_iso, precision),
        record=RECORD_TYPE_LABELS.get(claim.record_type(first), "Record"),
        categories=[CATEGORY_LABELS.get(c, readable(c)) for c in categories],
        confirmed=any(g.get("status") == "confirmed" for g in flags), notes=notes,
        in_service=True if True in in_service else (False if False in in_service else None),
        against=against, key=_norm_key(first.get("sentence") or first.get("text") or ""),
        sort_key=(date_iso or "9999", *claim.position(first)))


def _by_sentence(claim: _Claim, flags: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in flags:
        groups[_norm_key(g.get("sentence") or g.get("text") or "") or g["flag_id"]].append(g)
    return groups


# ------------------------------------------------------------------------------------------- opinions


def _factor_label(claim: _Claim, flags: Sequence[dict[str, Any]]) -> str:
    labels: list[str] = []
    for g in flags:
        if g["category"] == "aging_attribution":
            found = ["Aging"]
        elif g["category"] == "continuity":
            found = ["Gap in treatment"]
        else:
            words = " ".join(claim.phrases(g))
            found = [label for label, pattern in _FACTOR_PATTERNS if pattern.search(words)] or ["Other cause"]
        labels += [x for x in found if x not in labels]
    return "; ".join(labels)


def _is_factor(flag: dict[str, Any]) -> bool:
    if flag.get("status") == "dismissed" or flag.get("hypothetical") or flag.get("experiencer", "patient") != "patient":
        return False
    if flag["category"] in ("aging_attribution", "alternative_cause"):
        return not flag.get("negated")
    return flag["category"] == "continuity" and bool(flag.get("negated"))  # a documented gap


def _lines(doc_pages: list[tuple[int, str]], start: tuple[int, int]) -> Iterable[tuple[int, int, str]]:
    """(page, offset, line) from `start` to the end of the document."""
    for page, text in doc_pages:
        if page < start[0]:
            continue
        offset = start[1] if page == start[0] else 0
        for line in text[offset:].split("\n"):
            yield page, offset, line
            offset += len(line) + 1


def _rationale(doc_pages: list[tuple[int, str]], flag: dict[str, Any],
               stop: tuple[int, int] | None) -> tuple[str, int] | None:
    """The reasons an opinion gives: a RATIONALE section after it, else the sentences that follow it."""
    page_text = dict(doc_pages).get(flag["page"], "")
    sentence = flag.get("sentence") or ""
    at = page_text.find(sentence, max(0, flag.get("start", 0) - len(sentence))) if sentence else -1
    after = (flag["page"], at + len(sentence) if at >= 0 else flag.get("end", 0))
    window = 0
    for page, offset, line in _lines(doc_pages, after):
        if stop and (page, offset) >= stop:
            break
        head = _RATIONALE_HEAD.search(line)
        if head:
            return _collect(doc_pages, (page, offset + head.end()), stop, numbered_stop=False)
        window += len(line) + 1
        if window > 2500:
            break
    found = _collect(doc_pages, after, stop, numbered_stop=True, same_page=True)
    return found


def _collect(doc_pages: list[tuple[int, str]], start: tuple[int, int], stop: tuple[int, int] | None,
             numbered_stop: bool, same_page: bool = False) -> tuple[str, int] | None:
    out: list[str] = []
    first_page: int | None = None
    for page, offset, line in _lines(doc_pages, start):
        if (stop and (page, offset) >= stop) or (same_page and page != start[0]):
            break
        if out and (_STOP_LINE.match(line) or (numbered_stop and _NUMBERED.match(line))):
            break
        if not out and not line.strip():
            continue
        if first_page is None:
            first_page = page
        out.append(line)
        if sum(len(x) for x in out) > RATIONALE_CHARS * 1.5:
            break
    text = _clip_sentences(" ".join(out), RATIONALE_CHARS)
    return (text, first_page) if text and first_page is not None else None


def _author(doc_pages: list[tuple[int, str]], position: tuple[int, int]) -> str | None:
    """Who signed the record, as its text names them: the first signature after the opinion, else the last."""
    found: list[tuple[tuple[int, int], str]] = []
    for page, text in doc_pages:
        lines = text.split("\n")
        offset = 0
        for i, line in enumerate(lines):
            m = _SIGNATURE.search(line)
            if m:
                name = plain(m.group("name")).rstrip(",")
                rest = plain(_ROLE_END.split(line[m.end():].strip())[0]) if line[m.end():].strip() else ""
                role = rest if rest and _ROLE.search(rest) else ""
                if not role and i + 1 < len(lines):
                    nxt = plain(_ROLE_END.split(lines[i + 1].strip())[0]) if lines[i + 1].strip() else ""
                    role = nxt if nxt and len(nxt) < 80 and _ROLE.search(nxt) and not _SIGNATURE.search(nxt) else ""
                found.append(((page, offset + m.start()), f"{name} ({role})" if role else name))
            offset += len(line) + 1
    if not found:
        return None
    after = [who for pos, who in found if pos >= position]
    return after[0] if after else found[-1][1]


def _issue(doc_pages: list[tuple[int, str]], position: tuple[int, int]) -> str | None:
    """The question the opinion answers ("Opinion requested: ...", "1. Service connection for ..."): the last
    one stated before it in the document."""
    best: str | None = None
    for page, text in doc_pages:
        if page > position[0]:
            break
        limit = position[1] if page == position[0] else len(text)
        for pattern in (_ISSUE, _ISSUE_ITEM):
            for m in pattern.finditer(text[:limit]):
                best = re.split(r"(?<=\.)\s", plain(m.group("issue")), maxsplit=1)[0].rstrip(".")
    return best


def _opinions(claim: _Claim) -> tuple[list[Opinion], list[EvidenceItem], set[str]]:
    """The opinions to answer (C&P first), favourable opinions, and the sentence keys they quote."""
    adverse: dict[str, list[dict[str, Any]]] = defaultdict(list)
    favourable: list[dict[str, Any]] = []
    factors: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in claim.flags:
        rtype = claim.record_type(g)
        if g["category"] == "medical_opinion" and _is_evidence(g):
            if g.get("polarity") in ("negative", "speculative") and rtype in OPINION_SOURCES and g.get("document_id"):
                adverse[g["document_id"]].append(g)
            elif g.get("polarity") == "positive" and rtype in FAVOURABLE_SOURCES:
                favourable.append(g)
        elif _is_factor(g) and g.get("document_id") and rtype in OPINION_SOURCES:
            factors[g["document_id"]].append(g)
    used: set[str] = set()
    blocks: list[tuple[tuple[Any, ...], Opinion]] = []
    in_favour = {g.get("document_id") for g in favourable}
    # A record that leans on aging or another cause without a flagged opinion sentence is answered too,
    # unless it is itself an opinion in the veteran's favour (which reports the examiner's reasons to rebut them).
    leaning = {d for d in factors if d not in in_favour
               and claim.doc_by_id.get(d, {}).get("record_type") in ADJUDICATIVE_SOURCES}
    for doc_id in sorted(set(adverse) | leaning):
        doc = claim.doc_by_id.get(doc_id)
        if doc is None:
            continue
        opinions = sorted(adverse.get(doc_id, []), key=claim.position)
        if not opinions and not factors.get(doc_id):
            continue
        by_opinion: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for f in factors.get(doc_id, []):
            before = [i for i, o in enumerate(opinions) if claim.position(o) <= claim.position(f)]
            by_opinion[before[-1] if before else 0].append(f)
        pages = claim.doc_text(doc)
        rtype = doc["record_type"]
        title = plain(doc.get("title")) or RECORD_TYPE_LABELS.get(rtype, "Record")
        date = date_at_precision(doc.get("date"), doc.get("date_precision"))
        for i, op in enumerate(opinions or [None]):
            own = by_opinion.get(i, [])
            factor_items = []
            for sentence_flags in _by_sentence(claim, own).values():
                item = _item(claim, sentence_flags)
                used.add(item.key)
                factor_items.append((item.sort_key[1:], Factor(_factor_label(claim, sentence_flags), item)))
            factor_list = [f for _, f in sorted(factor_items, key=lambda x: x[0])]
            if op is None:
                first = min(own, key=claim.position)
                position = (first["page"], first.get("start", 0))
                blocks.append(((OPINION_SOURCES.index(rtype), doc.get("date") or "9999", claim.position(first)),
                               Opinion(
                    source=RECORD_TYPE_LABELS[rtype], document_id=doc_id, title=title,
                    author=_author(pages, position), date=date, issue=_issue(pages, position), conclusion=None,
                    polarity=None,
                    link=claim.cite(first["file_id"], first["page"], first["flag_id"]), rationale=None,
                    rationale_link=None, factors=factor_list)))
                continue
            position = (op["page"], op.get("start", 0))
            nxt = opinions[i + 1] if i + 1 < len(opinions) else None
            rationale = _rationale(pages, op, (nxt["page"], nxt.get("start", 0)) if nxt else None)
            conclusion = quote_parts(op.get("sentence") or op.get("text") or "", claim.phrases(op), 600)
            used.add(_norm_key(op.get("sentence") or op.get("text") or ""))
            notes = [plain(op["note"])] if plain(op.get("note")) else []
            blocks.append(((OPINION_SOURCES.index(rtype), doc.get("date") or "9999", claim.position(op)), Opinion(
                source=RECORD_TYPE_LABELS[rtype], document_id=doc_id, title=title,
                author=_author(pages, position), date=date, issue=_issue(pages, position), conclusion=conclusion,
                polarity=readable(op.get("polarity")), link=claim.cite(op["file_id"], op["page"], op["flag_id"]),
                rationale=rationale[0] if rationale else None,
                rationale_link=claim.cite(op["file_id"], rationale[1]) if rationale else None,
                factors=factor_list, confirmed=op.get("status") == "confirmed", notes=notes)))
    favourable_items = []
    for sentence_flags in _by_sentence(claim, favourable).values():
        item = _item(claim, sentence_flags)
        used.add(item.key)
        favourable_items.append(item)
    favourable_items.sort(key=lambda it: (not it.confirmed, it.sort_key))
    return [b for _, b in sorted(blocks, key=lambda x: x[0])], favourable_items, used


# -------------------------------------------------------------------------------- records, chronology


def _records(claim: _Claim) -> list[RecordGroup]:
    by_group: dict[str, list[tuple[tuple[Any, ...], RecordEntry]]] = defaultdict(list)
    for doc in claim.documents:
        rtype = doc["record_type"]
        group = GROUP_OF_TYPE.get(rtype, SOURCE_GROUPS[-1])
        pages, link = claim.cite_pages(doc["file_id"], doc["first_page"], doc["last_page"])
        entry = RecordEntry(title=plain(doc.get("title")) or RECORD_TYPE_LABELS.get(rtype, "Record"),
                            kind=RECORD_TYPE_LABELS.get(rtype, "Record"),
                            date=date_at_precision(doc.get("date"), doc.get("date_precision")), pages=pages,
                            link=link)
        by_group[group.key].append(((doc.get("date") or "9999", claim.file_order.get(doc["file_id"], 99),
                                     doc["first_page"]), entry))
    return [RecordGroup(g.label, g.primary, [e for _, e in sorted(by_group[g.key], key=lambda x: x[0])])
            for g in SOURCE_GROUPS if by_group.get(g.key)]


FINDING_RANK: dict[str, int] = {c: i for i, c in enumerate((
    "medical_opinion", "injury", "diagnosis", "imaging_finding", "aging_attribution", "continuity",
    "secondary_link", "gait", "back_complaint", "alternative_cause", "service_strain"))}
FINDING_CHARS = 160


def _finding(claim: _Claim, flags: list[dict[str, Any]]) -> tuple[str, dict[str, Any] | None]:
    """The row's finding in a short sentence: the physician's confirmed flag first, then the most telling
    category, a sentence of some length rather than a form label."""
    evidence = [g for g in flags if _is_evidence(g)]
    if not evidence:
        return "", None

    def rank(g: dict[str, Any]) -> tuple[Any, ...]:
        # A decision quoting the law ("service connection may be granted for ...") is no finding.
        legal = g["category"] == "medical_opinion" and (
            g.get("polarity") == "positive" and claim.record_type(g) not in FAVOURABLE_SOURCES)
        sentence = plain(g.get("sentence"))
        short = len(sentence.split()) < 6 or bool(_FORM_LABEL.search(sentence))
        return (g.get("status") != "confirmed", legal, short, FINDING_RANK.get(g["category"], 99), claim.position(g))

    best = min(evidence, key=rank)
    text = "".join(p.text for p in quote_parts(best.get("sentence") or best.get("text") or "", claim.phrases(best),
                                               FINDING_CHARS))
    return text, best


def _row(claim: _Claim, doc: dict[str, Any], date: str | None, precision: str | None, first: int, last: int,
         kind: str, who: str, flags: list[dict[str, Any]], in_service: bool | None) -> ChronologyRow:
    finding, best = _finding(claim, flags)
    pages, link = claim.cite_pages(doc["file_id"], first, last)
    if best is not None:
        link = Link(pages, page_href(claim.claim_id, best["file_id"], best["page"], best["flag_id"]))
    inside = in_service if in_service is not None else claim.periods.contains(date)
    if inside is None:  # no service periods found: a service record, or flags all called in service
        calls = {g.get("in_service") for g in flags} - {None}
        inside = doc["record_type"] in SERVICE_RECORD_TYPES or calls == {True}
    by_category: dict[str, tuple[str, Link]] = {}
    for category in {g["category"] for g in flags if _is_evidence(g)}:
        text, flag = _finding(claim, [g for g in flags if g["category"] == category])
        if flag is not None:
            by_category[category] = (text, Link(pages, page_href(claim.claim_id, flag["file_id"], flag["page"],
                                                                 flag["flag_id"])))
    return ChronologyRow(
        date=date_at_precision(date, precision), sort_key=(date or "9999", claim.file_order.get(doc["file_id"], 99),
                                                            first),
        kind=kind, record_type=doc["record_type"], who=who,
        finding=finding or (plain(doc.get("title")) or "no flagged finding"), link=link, pages=pages,
        in_service=bool(inside),
        categories=sorted(by_category, key=lambda c: CATEGORY_RANK.get(c, 99)), by_category=by_category)


def _chronology(claim: _Claim) -> tuple[list[ChronologyRow], bool]:
    """One row per encounter; a document without encounters gives one row if it is dated. Repeats merge."""
    encounters: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in claim.encounters:
        encounters[e["document_id"]].append(e)
    flags_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in claim.flags:
        flags_by_doc[g.get("document_id") or ""].append(g)
    rows: list[ChronologyRow] = []
    for doc in claim.documents:
        kind = RECORD_TYPE_LABELS.get(doc["record_type"], "Record")
        doc_flags = flags_by_doc.get(doc["document_id"], [])
        encs = sorted(encounters.get(doc["document_id"], []), key=lambda e: (e["first_page"], e.get("start", 0)))
        if not encs:
            if doc.get("date"):
                rows.append(_row(claim, doc, doc["date"], doc.get("date_precision"), doc["first_page"],
                                 doc["last_page"], kind, "", doc_flags, None))
            continue
        for i, e in enumerate(encs):
            if not e.get("date"):
                continue
            end = (encs[i + 1]["first_page"], encs[i + 1].get("start", 0)) if i + 1 < len(encs) else (10**9, 0)
            mine = [g for g in doc_flags if g.get("encounter_id") == e["encounter_id"]
                    or (not g.get("encounter_id") and (e["first_page"], e.get("start", 0))
                        <= (g["page"], g.get("start", 0)) < end)]
            who = " · ".join(plain(x) for x in (e.get("provider"), e.get("facility")) if plain(x))
            label = f"{kind} · {plain(e.get('kind'))}" if plain(e.get("kind")) else kind
            rows.append(_row(claim, doc, e["date"], e.get("date_precision"), e["first_page"], e["last_page"], label,
                             who, mine, e.get("in_service")))
    rows.sort(key=lambda r: r.sort_key)
    merged: dict[tuple[str, str, str, str], ChronologyRow] = {}
    for row in rows:
        key = (row.date, row.kind, row.who, _norm_key(row.finding))
        if key in merged:
            merged[key].more_links.append(Link(row.pages, row.link.href))
        else:
            merged[key] = row
    return list(merged.values()), bool(claim.encounters)


# ---------------------------------------------------------------------------------------- elements


def _elements_of(claim: _Claim, flag: dict[str, Any]) -> list[str]:
    c = flag["category"]
    if c == "diagnosis":
        return ["diagnosis"]
    if c == "imaging_finding":
        return ["imaging"]
    if c == "continuity":
        return ["continuity"]
    if c in ("gait", "secondary_link"):
        return ["secondary"]
    if c in ("alternative_cause", "aging_attribution"):
        return ["alternative"]
    if c in ("injury", "service_strain"):
        return ["in_service"]
    if c == "back_complaint":
        # In service it is the in-service event; after service it is the timeline of continuity.
        return ["in_service"] if claim.in_service(flag) else ["continuity"]
    return []


def _element_rank(key: str, item: EvidenceItem, categories: list[str]) -> tuple[Any, ...]:
    own = min((CATEGORY_RANK.get(c, 99) for c in categories), default=99)
    service_first = 0 if (key == "in_service" and item.in_service) else 1
    if key == "continuity":  # statements of continuity before the complaints that make up the timeline
        own = 0 if "continuity" in categories else 1
    # a form's heading or question ("SECTION V - RADICULOPATHY", "Does the Veteran use a cane?") after statements
    label = bool(_FORM_LABEL.search(item.text))
    return (not item.confirmed, service_first, own, label, item.sort_key)


def _elements(claim: _Claim, used: set[str]) -> list[Element]:
    for_items: dict[str, list[tuple[tuple[Any, ...], EvidenceItem]]] = defaultdict(list)
    against_items: dict[str, list[tuple[tuple[Any, ...], EvidenceItem]]] = defaultdict(list)
    evidence = [g for g in claim.flags if _is_evidence(g) and g["category"] != "medical_opinion"]
    for key, flags in _by_sentence(claim, evidence).items():
        if key in used:
            continue
        elements = {e for g in flags for e in _elements_of(claim, g)}
        if not elements:
            continue
        home = next(e for e in ELEMENT_PRIORITY if e in elements)
        item = _item(claim, flags)
        mine = [g["category"] for g in flags if home in _elements_of(claim, g)]
        others = [CATEGORY_LABELS[g["category"]] for g in flags if home not in _elements_of(claim, g)]
        item.categories = [CATEGORY_LABELS[c] for c in sorted(set(mine), key=lambda c: CATEGORY_RANK.get(c, 99))]
        item.categories += [c for c in dict.fromkeys(others) if c not in item.categories]
        for_items[home].append((_element_rank(home, item, mine), item))
        used.add(key)
    contrary = [g for g in claim.flags if _against_reason(g) and g["category"] != "medical_opinion"]
    for key, flags in _by_sentence(claim, contrary).items():
        if key in used:
            continue
        homes = [e for g in flags for e in _elements_of(claim, g)]
        # Negated complaints after service say little about the claim; in service they are evidence against.
        homes = [e for e in homes if not (e == "continuity" and all(g["category"] == "back_complaint" for g in flags))]
        if not homes:
            continue
        home = next(e for e in ELEMENT_PRIORITY if e in homes)
        reason = _against_reason(flags[0]) or "stated absent or normal"
        item = _item(claim, flags, against=reason)
        against_items[home].append(((not item.confirmed, item.sort_key), item))
        used.add(key)
    out = []
    for key, title, explains in ELEMENTS:
        ranked = [it for _, it in sorted(for_items.get(key, []), key=lambda x: x[0])]
        confirmed = sum(1 for it in ranked if it.confirmed)
        cut = max(MAIN_ITEMS, confirmed)
        contra = [it for _, it in sorted(against_items.get(key, []), key=lambda x: x[0])]
        out.append(Element(key=key, title=title, explains=explains, items=ranked[:cut], more=ranked[cut:],
                           against=contra[:MAIN_AGAINST], more_against=contra[MAIN_AGAINST:],
                           against_label=AGAINST_LABELS.get(key, AGAINST_DEFAULT)))
    return out


# ---------------------------------------------------------------------------------------- checklist


def _checklist(claim: _Claim, opinions: list[Opinion], elements: dict[str, Element],
               records: list[RecordGroup]) -> list[ChecklistItem]:
    """What a strong letter needs (shared/seeds: the back-pain letter and the knee-secondary article)."""
    docs_by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in claim.documents:
        docs_by_type[d["record_type"]].append(d)

    def doc_links(*types: str) -> list[Link]:
        return [claim.cite_pages(d["file_id"], d["first_page"], d["last_page"])[1]
                for t in types for d in sorted(docs_by_type.get(t, []), key=lambda d: d.get("date") or "9999")]

    def item_links(items: Iterable[EvidenceItem], pred: Any = None) -> list[Link]:
        out: list[Link] = []
        for it in items:
            if pred is None or pred(it):
                out += [x for x in it.links[:1] if x not in out]
        return out

    def all_items(key: str) -> list[EvidenceItem]:
        e = elements[key]
        return e.items + e.more

    factor_items = [f.item for o in opinions for f in o.factors]
    knee = [it for k in ("diagnosis", "imaging", "secondary") for it in all_items(k)
            if "knee" in it.text.lower() and "Diagnosis" in it.categories]
    needs: list[tuple[str, list[Link], str]] = [
        ("A current diagnosis that names the condition (not just \"back pain\")",
         item_links(all_items("diagnosis")) + item_links(
             (it for k in ("imaging", "secondary", "in_service", "continuity") for it in all_items(k)),
             lambda it: "Diagnosis" in it.categories), ""),
        ("An in-service injury or event: sick call, profile, fall, jump, accident",
         item_links(all_items("in_service"), lambda it: it.in_service and any(
             c in it.categories for c in ("Injury", "Back complaint"))) + doc_links("line_of_duty"), ""),
        ("Physically demanding duties: MOS, ruck marches, jumps, loads, vehicle work",
         item_links(all_items("in_service"), lambda it: "Service duties and strain" in it.categories), ""),
        ("A symptom timeline: symptoms in service and continuing since",
         item_links(all_items("continuity"), lambda it: "Continuity since service" in it.categories), ""),
        ("Imaging that shows the condition (X-ray, MRI, CT)",
         doc_links("imaging_report") + item_links(all_items("imaging")), ""),
        ("Service treatment records reviewed", doc_links("service_treatment", "service_exam"), ""),
        ("Personnel records: DD 214, MOS and duty history", doc_links("service_personnel"), ""),
        ("Treatment records since service (VA or private)", doc_links("va_treatment", "private_treatment"), ""),
        ("The C&P examination", doc_links("cp_exam"), ""),
        ("Prior rating or Board decisions", doc_links("rating_decision", "board_decision"), ""),
        ("Lay statements: the veteran's and fellow service members'",
         doc_links("personal_statement", "buddy_statement"), ""),
        ("Opinions against the claim, which the letter must answer directly (section 1)",
         [o.link for o in opinions], "the letter must answer each one"),
        ("Alternative causes in the file (age, weight, civilian work, accidents, sports)",
         item_links(factor_items) + item_links(all_items("alternative")), "the letter must address each one"),
        ("For a secondary theory: the altered gait or radiculopathy, documented (what changed, since when)",
         item_links(all_items("secondary")), ""),
        ("For a secondary knee claim: an established knee diagnosis", item_links(knee), ""),
    ]
    out = []
    for need, links, comment in needs:
        seen: set[str] = set()
        unique = [x for x in links if not (x.label in seen or seen.add(x.label))]  # one link per page
        out.append(ChecklistItem(need=need, found=bool(unique), links=unique[:CHECKLIST_LINKS],
                                 more=max(0, len(unique) - CHECKLIST_LINKS), comment=comment if unique else ""))
    return out


# ------------------------------------------------------------------------------------------- entry


def build_evidence_summary(export: dict[str, Any]) -> Brief:
    """The brief of a claim, from its export dict (schema v1 or v2)."""
    claim = _Claim(export)
    opinions, favourable, used = _opinions(claim)
    records = _records(claim)
    chronology, from_encounters = _chronology(claim)
    elements = _elements(claim, used)
    reviewed = {"confirmed": 0, "dismissed": 0, "to review": 0}
    set_aside: dict[str, int] = defaultdict(int)
    for g in claim.flags:
        reviewed[readable(g.get("status") or "pending")] = reviewed.get(readable(g.get("status") or "pending"), 0) + 1
        reason = _set_aside(g)
        if reason:
            set_aside[reason] += 1
    periods = []
    for p in claim.raw_periods:
        span = (f"{date_at_precision(p.get('start'), p.get('start_precision'))} to "
                f"{date_at_precision(p.get('end'), p.get('end_precision'))}")
        periods.append(f"{plain(p.get('branch'))}, {span}" if plain(p.get("branch")) else span)
    return Brief(
        claim_id=claim.claim_id, files=[claim.filenames[f["file_id"]] for f in claim.files],
        single_file=claim.filenames[claim.files[0]["file_id"]] if claim.single_file else None,
        page_count=sum(int(f.get("page_count") or 0) for f in claim.files), service_periods=periods,
        opinions=opinions, favourable=favourable, records=records, chronology=chronology,
        chronology_from_encounters=from_encounters, elements=elements,
        checklist=_checklist(claim, opinions, {e.key: e for e in elements}, records),
        reviewed=reviewed, set_aside=dict(sorted(set_aside.items())))


def render_summary_markdown(brief: Brief, base_url: str | None = None) -> str:
    """The brief as Markdown (`claimdex summary`, the .md download). Citations link to base_url + the
    viewer's path; without a base_url, to the configured public address (site-relative when unset)."""
    return markdown(layout(brief), get_settings().public_url if base_url is None else base_url)


def claim_brief(session: Session, claim_id: str) -> Brief:
    """The claim's brief, from its export as stored now (reviews and notes included)."""
    return build_evidence_summary(build_export(session, claim_id))


def evidence_summary(session: Session, claim_id: str) -> tuple[Brief, str]:
    """The claim's brief and its Markdown."""
    brief = claim_brief(session, claim_id)
    return brief, render_summary_markdown(brief)
