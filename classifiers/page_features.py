"""What one page says about itself: which record type it names, whether it opens a document or
continues one, and the clues a reader uses to tell: page numbering ("Page 2 of 4", "- 3 -", "Page 2"),
"(continued)", a letterhead, a VistA note header, a fax cover sheet, a fax banner, a salutation or a
signature block, the sections of a Board decision, a first line that repeats the previous page's, text
that runs on from the previous page, and the record's own date at the top.

Fax banners are looked past: features are read from the page with its banner lines blanked (same
offsets), so a banner's date, phone number or page counter never passes for the record's.
Segmentation and classification read these; computing them is pure and cheap, one page at a time.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from classifiers.date_roles import date_role
from classifiers.dates import PartialDate, find_dates
from classifiers.fax import FaxBanner, blank_fax_banners, fax_banners
from classifiers.record_types import TOP_ZONE_CHARS, RuleScores, RuleSet, fold, page_zones, score_page

_N = r"[0-9OoIl|]{1,3}"
_PAGE_OF = re.compile(r"\bP(?:AGE|G|age|g)\.?\s*(" + _N + r")\s*(?:OF|of|Of|/)\s*(" + _N + r")(?![0-9])")
# "Page 3" without a total, "- 3 -", "(3)", or a number alone on the first or last line.
_PAGE_ALONE = re.compile(r"^\s*(?:[-–—(]\s*)?(?:P(?:AGE|age|g|G)\.?\s*)?(\d{1,3})\s*(?:[-–—)]\s*)?$")
_PAGE_LINE = re.compile(r"^\s*P(?:AGE|age)\s*[0-9OoIl|]{1,3}\b")
_PAGE_WORD = re.compile(r"\bP(?:AGE|age)\s+(\d{1,3})\b(?!\s*(?:OF|of|Of|/|\d))")
_CONTINUED = re.compile(
    r"[({\[]\s*CONT[A-Z\s'.]{0,8}[)}\]]|(?-i:CONTINUED\s+FROM|CONTINUATION|\bCONT(?:INUED|'D)\b)"
    r"|[-–]\s*continued\s*$|^\s*continued\s*$",
    re.I | re.M,
)
# OCR specks inside a word ("Physic`ian", "Resour~ces"): read past them for the line-shape cues.
_SPECK = re.compile(r"(?<=[A-Za-z])[`~](?=[A-Za-z])")
_LOCAL_TITLE = re.compile(r"L\s?[O0]\s?CAL\s*T[I1l|]T[I1l|]?LE\s*[:;]?\s*(?P<title>[^\n]{0,80})", re.I)
_PHONE = re.compile(r"\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b")
_ADDRESS = re.compile(
    r"\b(?:STREET|ST\.|AVENUE|AVE\.?|ROAD|RD\.|BLVD|DRIVE|DR\.|SUITE|STE\.?|PARKWAY|PKWY|HIGHWAY|HWY|LANE|LN\.|PIKE)\b"
    r"|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b",
    re.I,
)
_LETTERHEAD_WORDS = re.compile(r"\b(?:TEL|PHONE|FAX|PH)\b", re.I)
# A salutation on a line of its own ("Dear Sir or Madam:", "To whom it may concern,"), not a sentence that
# wraps onto a line beginning "to the Board of Veterans' Appeals".
_SALUTATION = re.compile(
    r"^[ \t]*(?:(?:(?-i:Dear)\b[^\n]{0,50}|(?-i:To)\s+whom\s+it\s+may\s+concern"
    r"|(?-i:To)\s+the\s+(?:VA|Department\s+of\s+Veterans\s+Affairs|Board|VA\s+rater)[^\n]{0,20})[ \t]*[,:]?[ \t]*$"
    # OCR may run the salutation into the letter's first sentence: "Dear Veterans Law Judge:  I am ...".
    r"|(?-i:Dear)[ \t]+(?-i:[A-Z])[^\n,:;.]{1,40}[,:][ \t]+(?-i:[A-Z]))"
    r"|[ \t](?-i:Dear)[ \t]+(?-i:[A-Z])[^\n,;.]{1,40}:[ \t]+(?-i:[A-Z])",
    re.I | re.M,
)
_CLOSING = re.compile(
    r"^\s*(?:Sincerely|Respectfully(?:\s+submitted)?|(?:Best\s+|Kind\s+)?Regards|Very\s+truly\s+yours|Yours\s+truly"
    r"|Cordially|Sincerely\s+yours)\b[^\n]{0,20}$"
    r"|^\s*/e?s/|Electronically\s+signed|^\s*(?-i:(?:[A-Z][A-Z.'-]+\s+){0,4})Ve[a-z]{3,7}\s*La?w?\s*Judge\b"
    r"|\bNotary\s+Public\b|^\s*SIGNATURE\b[^\n]*\d|DATE\s+SIGNED|^\s*Signed\b[^\n]*\d"
    r"|^\s*[A-Z][A-Za-z'-]+,\s+(?:Chief\s+)?Judge\s*$",  # a court's signature: "PIETSCH, Judge"
    re.I | re.M,
)
# Section headings of a Board (or Court) decision, each standing on its own line.
_DECISION_SECTION = re.compile(
    r"^\s*(?:THE\s+ISSUES?|FINDINGS?\s+OF\s+FACT|CONCLUSIONS?\s+OF\s+LAW|REASONS\s+AND\s+BASES\b[^\n]*|ORDER|REMAND"
    r"|INTRODUCTION|WITNESS(?:ES)?\s+AT\s+HEARING[^\n]*|ATTORNEY\s+FOR\s+THE\s+BOARD)\s*:?\s*$",
    re.I | re.M,
)
_FAX_FIELD = re.compile(
    r"^\s*(?:TO|FROM|FAX|PHONE|RE|PAGES?|DATE|ATTN|SUBJECT|CC|NUMBER OF PAGES|TOTAL PAGES|SENDER|RECIPIENT)\b"
    r"[^\n]{0,40}:", re.I | re.M)
_FAX_WORD = re.compile(r"\bFAX\b|FACSIMILE|TRANSMITTAL|COVER\s+SHEET|TELECOPY", re.I)
_FAX_COVER_TITLES = ("FAX", "FACSIMILE", "TRANSMITTAL", "COVER")
_CODESHEET = re.compile(r"CODE\s?SHEET", re.I)
_RECORD_DATE_ROLES = frozenset({"note", "exam", "visit", "study", "procedure", "header", "letter"})
_NOT_RECORD_ROLES = frozenset({"birth", "edition", "fax", "print", "service", "separation"})
# A salutation this near the top of a page opens a letter there.
LETTER_OPENING_LINES = 12
HEADER_DATE_LINES = 5
EDGE_LINES = 2
_WORD = re.compile(r"[A-Za-z]{3,}")
_DIGIT_FOLD = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})
_DIGITS = re.compile(r"\d+")
MIN_WORDS_FOR_CONTENT = 8
MAX_TITLE_LINE = 100
# A line that ends a page in the middle of a sentence: a comma, a hyphen or a word that cannot end one
# ("the", "of", "with"), or a lower-case word at the end of a long line of prose (no field label on it).
_RUNS_ON_WORD = re.compile(
    r"(?:,|-|\b(?:the|a|an|of|and|or|with|to|in|for|on|at|by|from|that|his|her|their|was|were|is|are|as|"
    r"which|who|not|than|this|these|no|be|been|has|have|had))\s*$"
)
_LOWER_END = re.compile(r"\b[a-z]{2,}\s*$")
MIN_RUN_ON_LINE = 55
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "at", "to", "a", "an", "or", "with", "by", "-"})
# The lines at the foot of a page where a signature block closes a document.
CLOSING_LINES = 4
_SIGN_OFF = re.compile(
    r"^\s*(?:/e?s/|Electronically\s+signed|I\s+(?:declare|certify|swear)\b|(?:Signed|Dictated|Read|Seen|Reviewed)\s+by\b|Sincerely|Respectfully"
    r"|Regards|Very\s+truly|(?:Radiologist|Examiner|Examining\s+provider|Physician|Attending|Signature|Provider"
    r"|Interpreting\s+\w+|Investigating\s+officer|Appointing\s+authority)\s*:?\s+\S"
    r"|[^\n]*\b(?:Ve[a-z]{3,7}\s*La?w?\s*Judge|Notary\s+Public|Commanding|, RVSR"
    r"|Rating\s+Veterans\s+Service\s+Representative|Decision\s+Review\s+Officer)\b)",
    re.I,
)
# The first line of a first page: a title (a short line in capitals), a field that opens a record
# ("Date:", "RE:", "Patient:"), or a date alone.
_HEADER_LABEL_LINE = re.compile(
    r"^\s*(?:DATE|RE|SUBJECT|PATIENT|NAME|VETERAN|CLAIMANT|APPELLANT|MEMBER|EXAMINEE|TO|FROM|MEMORANDUM)\b\s*[:.]?",
    re.I,
)


@dataclass(frozen=True)
class PageFeatures:
    """Facts about one page that segmentation and classification use."""

    page: int
    rule_scores: RuleScores
    page_of: tuple[int, int] | None
    continued_marker: bool
    vista_note_start: bool
    letterhead: bool
    header_value: PartialDate | None
    title: str | None
    word_count: int
    page_number: int | None = None
    page_number_explicit: bool = False
    fax_key: str | None = None
    fax_counter: tuple[int, int] | None = None
    fax_cover: bool = False
    salutation: bool = False
    closing: bool = False
    decision_sections: int = 0
    first_line: str = ""
    runs_on: bool = False
    starts_mid_sentence: bool = False
    codesheet: bool = False
    closing_at_end: bool = False
    header_like: bool = False
    # The top lines that carry a record type's title and are shaped like one (not a sentence that
    # happens to open with "Emergency department course: the patient..."), and the page's last two
    # lines; both without digits or spacing, to tell a repeated running footer from a new title.
    title_lines: tuple[str, ...] = ()
    last_lines: tuple[str, ...] = ()
    letter_opening: bool = False
    title_in_footer: bool = False
    # The day-precise dates on the page (birth, edition and fax dates left out), and its first decision date.
    dates: frozenset[PartialDate] = frozenset()
    decision_value: PartialDate | None = None

    @property
    def header_date(self) -> dt.date | None:
        """The record's own date at the top of the page (its first day, for a partial date)."""
        return self.header_value.earliest if self.header_value else None

    @property
    def opens_document(self) -> bool:
        """The top of the page looks like the first page of something."""
        if self.page_of is not None:
            return self.page_of[0] == 1
        if self.continued_marker:
            return False
        return (self.vista_note_start or self.letterhead or self.fax_cover or self.letter_opening
                or bool(self.title_lines))

    @property
    def is_blank(self) -> bool:
        return self.word_count < MIN_WORDS_FOR_CONTENT


def _page_of(text: str) -> tuple[int, int] | None:
    for m in _PAGE_OF.finditer(text):
        try:
            k, n = int(m.group(1).translate(_DIGIT_FOLD)), int(m.group(2).translate(_DIGIT_FOLD))
        except ValueError:
            continue
        if 1 <= k <= n <= 500:
            return k, n
    return None


def _content_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def _page_number(lines: list[str]) -> tuple[int | None, bool]:
    """A page number without a total on an edge line, and whether the word "Page" says so: "Page 3"
    (explicit), or "- 3 -", "(3)", a number alone (bare)."""
    edge = lines[:EDGE_LINES] + lines[-EDGE_LINES:] if len(lines) > EDGE_LINES else lines
    for line in edge:
        word = _PAGE_WORD.search(line)
        if word and 1 <= int(word.group(1)) <= 500:
            return int(word.group(1)), True
        alone = _PAGE_ALONE.match(line)
        if alone and 1 <= int(alone.group(1)) <= 500:
            return int(alone.group(1)), bool(re.search(r"P(?:AGE|age|g|G)", line))
    return None, False


def _letterhead(top: str) -> bool:
    """A clinic or firm letterhead: a phone/fax number and a street address in the first lines."""
    return bool(_PHONE.search(top)) and bool(_ADDRESS.search(top) or _LETTERHEAD_WORDS.search(top))


def _title(text: str, scores: RuleScores) -> str | None:
    local = _LOCAL_TITLE.search(text[:TOP_ZONE_CHARS + 200])
    if local and local.group("title").strip():
        return " ".join(local.group("title").split())[:120]
    titles = [t for ts in scores.top_titles.values() for t in ts]
    if titles:
        wanted = fold(max(titles, key=len)).replace(" ", "")
        for line in text[: TOP_ZONE_CHARS * 2].splitlines():
            if wanted and wanted in fold(line).replace(" ", ""):
                return " ".join(line.split())[:120]
        return max(titles, key=len)
    for line in text.splitlines():
        words = line.split()
        if len(words) >= 2 and sum(c.isalpha() for c in line) >= 6:
            return " ".join(words)[:120]
    return None


def _header_value(text: str) -> PartialDate | None:
    """The record's own date among the page's first lines: a date whose role is the note's, visit's,
    exam's or a plain "Date:", never a birth, print, fax, entry-on-duty or follow-up date."""
    lines = text[: TOP_ZONE_CHARS + 150].split("\n")
    head_lines: list[str] = []
    for line in lines:
        head_lines.append(line)
        if sum(1 for x in head_lines if x.strip()) >= HEADER_DATE_LINES:
            break
    head = "\n".join(head_lines)
    for found in find_dates(head):
        if date_role(head, found) in _RECORD_DATE_ROLES:
            return found.value
    return None


def _fax_cover(text: str, scores: RuleScores, top: str) -> bool:
    """A fax cover sheet: its title at the top ("FAX COVER SHEET", "FACSIMILE TRANSMITTAL"), or the
    fields of one (To:, From:, Fax:, Pages:, Re:) with a fax word among them."""
    titles = scores.top_titles.get("other", ())
    if any(any(w in fold(t) for w in _FAX_COVER_TITLES) for t in titles):
        return True
    return len(_FAX_FIELD.findall(top)) >= 3 and bool(_FAX_WORD.search(top))


def _closes(text: str) -> bool:
    """A closing or signature below the page's salutation, if it has one: above it, "Veterans Law Judge"
    is whom a letter is addressed to, not who signs it."""
    salutation = _SALUTATION.search(text)
    after = salutation.end() if salutation else 0
    return any(m.start() >= after for m in _CLOSING.finditer(text))


def _runs_on(last: str) -> bool:
    if _RUNS_ON_WORD.search(last):
        return True
    return len(last) >= MIN_RUN_ON_LINE and ":" not in last and bool(_LOWER_END.search(last))


_SECTION_HEADINGS = tuple(fold(h).replace(" ", "") for h in (
    "THE ISSUE", "THE ISSUES", "FINDING OF FACT", "FINDINGS OF FACT", "CONCLUSION OF LAW", "CONCLUSIONS OF LAW",
    "REASONS AND BASES", "ORDER", "REMAND", "REMANDED MATTER", "INTRODUCTION", "REPRESENTATION",
    "ATTORNEY FOR THE BOARD", "ANALYSIS", "DECISION", "EVIDENCE", "REASONS FOR DECISION", "DISCUSSION"))
SECTION_SIMILARITY = 80.0


def _is_section_heading(line: str) -> bool:
    """A section heading of a decision or report, even OCR-damaged ("F|NDING OF F'CT")."""
    compact = fold(line).replace(" ", "")
    if not compact or len(compact) > 40:
        return False
    return any(compact == h or fuzz.ratio(compact, h) >= SECTION_SIMILARITY for h in _SECTION_HEADINGS)


CODESHEET_SIMILARITY = 80.0


def _codesheet(lines: list[str], scores: RuleScores) -> bool:
    """A rating codesheet: its title among the rules' titles, or in its first two lines even OCR-damaged."""
    if _CODESHEET.search(" ".join(scores.top_titles.get("rating_decision", ()))):
        return True
    compact = fold(" ".join(lines[:2])).replace(" ", "")
    return fuzz.partial_ratio("CODESHEET", compact) >= CODESHEET_SIMILARITY


def _is_entry_line(line: str) -> bool:
    """A line that opens with a date and goes on: an entry of a running record ("14 MAR 2009  TMC 3 ...")."""
    dates = find_dates(line[:24])
    return bool(dates) and dates[0].start <= 1 and len(line) - dates[0].end > 3


def _header_like(lines: list[str]) -> bool:
    """The page opens like a first page: a title line in capitals (not a decision's section heading),
    a record's opening field, or a date alone."""
    for line in lines[:2]:
        stripped = line.strip().lstrip("^")
        letters = [c for c in stripped if c.isalpha()]
        if _DECISION_SECTION.match(stripped) or _CONTINUED.search(stripped) or _is_section_heading(stripped):
            return False
        if _HEADER_LABEL_LINE.match(stripped):
            return True
        if _is_entry_line(stripped):
            return False  # an entry opening with its date (an SF 600 entry), not a header
        words = [w for w in stripped.split() if any(c.isalpha() for c in w)]
        capitalised = sum(w.lstrip("(\"'")[:1].isupper() for w in words if w.lower() not in _SMALL_WORDS)
        title_like = len(words) >= 2 and capitalised >= 0.8 * len([w for w in words if w.lower() not in _SMALL_WORDS])
        if letters and len(stripped) <= 70 and not stripped.endswith((".", ":")) and (
            sum(c.isupper() for c in letters) >= 0.8 * len(letters) or title_like
        ):
            return True
        if find_dates(stripped) and len(stripped) <= 24:
            return True
    return False


def _normalised(line: str) -> str:
    """A line without its digits and spacing, to compare running headers and footers across pages."""
    return " ".join(_DIGITS.sub("#", line).upper().split())


def _normalised_first_line(lines: list[str]) -> str:
    return _normalised(lines[0]) if lines else ""


# Four lower-case words in a row: a sentence, not a title.
_PROSE_RUN = re.compile(r"\b[a-z]{2,}\b(?:[\s,]+\b[a-z]{2,}\b){3}")


def _title_lines(top: str, scores: RuleScores, footer_from: int) -> tuple[tuple[str, ...], bool]:
    """The lines of the top zone that hold a record type's title and are shaped like a title, and
    whether all of them are the page's own last lines (a short page's footer reaching into its top)."""
    wanted = [fold(t).replace(" ", "") for ts in scores.top_titles.values() for t in ts]
    if not wanted:
        return (), False
    found = []
    in_footer = True
    for index, line in enumerate(x for x in top.split("\n") if x.strip()):
        compact = fold(line).replace(" ", "")
        if not compact or not any(w and w in compact for w in wanted):
            continue
        stripped = line.strip(" ^\t")
        if len(stripped) > MAX_TITLE_LINE or _PROSE_RUN.search(stripped) or _is_entry_line(stripped):
            continue
        found.append(_normalised(stripped))
        in_footer = in_footer and index >= footer_from
    if not found and any(len(w) < 6 for w in wanted):  # a short cue matched fuzzily or as a word: trust the rules
        return tuple(_normalised(line) for line in top.split("\n")[:1] if line.strip()), False
    return tuple(found), in_footer and bool(found)


def page_features(page: int, text: str, rules: RuleSet, banners: list[FaxBanner] | None = None) -> PageFeatures:
    """Computes a page's features; page is its 1-based number in the file."""
    banners = fax_banners(text) if banners is None else banners
    text = blank_fax_banners(text, banners)
    scores = score_page(text, rules)
    top, _footer = page_zones(text)
    lines = _content_lines(_SPECK.sub("", text))
    body_lines = [line for line in lines if not _PAGE_ALONE.match(line) and not _PAGE_OF.search(line)
                  and not _PAGE_LINE.match(line)]
    last = body_lines[-1].strip() if body_lines else ""
    first = body_lines[0].strip() if body_lines else ""
    counter = next((b.counter for b in banners if b.counter), None)
    number, explicit = _page_number(lines)
    title_lines, title_in_footer = _title_lines(top, scores, footer_from=len(lines) - 2)
    roles = [(d, date_role(text, d)) for d in find_dates(text)]
    dates = frozenset(d.value for d, role in roles if d.precision == "day" and role not in _NOT_RECORD_ROLES)
    return PageFeatures(
        page=page,
        rule_scores=scores,
        page_of=_page_of(text),
        continued_marker=bool(_CONTINUED.search(top)),
        vista_note_start=bool(_LOCAL_TITLE.search(top)),
        letterhead=_letterhead(top),
        header_value=_header_value(text),
        title=_title(text, scores),
        word_count=len(_WORD.findall(text)),
        page_number=number,
        page_number_explicit=explicit,
        fax_key=banners[0].key if banners else None,
        fax_counter=counter,
        fax_cover=_fax_cover(text, scores, top),
        salutation=bool(_SALUTATION.search(text)),
        closing=_closes(text),
        decision_sections=len(_DECISION_SECTION.findall(text)),
        first_line=_normalised_first_line(lines),
        runs_on=_runs_on(last),
        starts_mid_sentence=bool(first) and first[0].islower(),
        codesheet=_codesheet(lines, scores),
        closing_at_end=any(_SIGN_OFF.match(line) for line in body_lines[-CLOSING_LINES:]),
        header_like=_header_like(body_lines),
        title_lines=title_lines,
        title_in_footer=title_in_footer,
        letter_opening=bool(_SALUTATION.search("\n".join(lines[:LETTER_OPENING_LINES]))),
        dates=dates,
        decision_value=next((d.value for d, role in roles if role == "decision"), None),
        last_lines=tuple(_normalised(line) for line in lines[-2:]),
    )
