"""What one page says about itself: which record type it names, whether it opens a document or
continues one ("Page 2 of 4", "(continued)"), its letterhead, its VistA note header, its date.

Segmentation and classification read these; computing them is pure and cheap, one page at a time.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from classifiers.dates import find_dates
from classifiers.record_types import TOP_ZONE_CHARS, RuleScores, RuleSet, fold, page_zones, score_page

_N = r"[0-9OoIl|]{1,3}"
_PAGE_OF = re.compile(r"\bP(?:AGE|G|age|g)\.?\s*(" + _N + r")\s*(?:OF|of|Of|/)\s*(" + _N + r")(?![0-9])")
_CONTINUED = re.compile(
    r"\(\s*CONT(?:INUED|'?D|\.)?\s*\)|CONTINUED\s+FROM|CONTINUATION(?:\s+(?:SHEET|PAGE))?|\bCONT(?:INUED|'D)\b",
    re.I,
)
_LOCAL_TITLE = re.compile(r"L\s?[O0]\s?CAL\s*T[I1l|]T[I1l|]?LE\s*[:;]?\s*(?P<title>[^\n]{0,80})", re.I)
_PHONE = re.compile(r"\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b")
_ADDRESS = re.compile(
    r"\b(?:STREET|ST\.|AVENUE|AVE\.?|ROAD|RD\.|BLVD|DRIVE|DR\.|SUITE|STE\.?|PARKWAY|PKWY|HIGHWAY|HWY|LANE|LN\.)\b"
    r"|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b",
    re.I,
)
_LETTERHEAD_WORDS = re.compile(r"\b(?:TEL|PHONE|FAX|PH)\b", re.I)
# A date in a page's first lines labelled as the record's own date ("DATE OF NOTE", "Exam Date",
# "Date/Time", "DOS") rather than a birth, print, archive or entry-on-duty date.
_DOC_DATE_LABEL = re.compile(r"\bDATE\b|\bDOS\b|\bDATED\b", re.I)
_NOT_DOC_DATE_LABEL = re.compile(r"BIRTH|\bDOB\b|PRINT|ARCHIVE|ENTERED|SEPARATION|EXPIR|RECEIVED|EFFECTIVE", re.I)
HEADER_DATE_LINES = 5
_WORD = re.compile(r"[A-Za-z]{3,}")
_DIGIT_FOLD = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})
MIN_WORDS_FOR_CONTENT = 8


@dataclass(frozen=True)
class PageFeatures:
    """Facts about one page that segmentation and classification use."""

    page: int
    rule_scores: RuleScores
    page_of: tuple[int, int] | None
    continued_marker: bool
    vista_note_start: bool
    letterhead: bool
    header_date: dt.date | None
    title: str | None
    word_count: int

    @property
    def opens_document(self) -> bool:
        """The top of the page looks like the first page of something."""
        if self.page_of is not None:
            return self.page_of[0] == 1
        if self.continued_marker:
            return False
        return self.vista_note_start or self.letterhead or bool(self.rule_scores.top_titles)

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


def _header_date(text: str) -> dt.date | None:
    head = "\n".join(text[: TOP_ZONE_CHARS + 150].split("\n")[:HEADER_DATE_LINES])
    for found in find_dates(head):
        if _DOC_DATE_LABEL.search(found.label) and not _NOT_DOC_DATE_LABEL.search(found.label):
            return found.date
    return None


def page_features(page: int, text: str, rules: RuleSet) -> PageFeatures:
    """Computes a page's features; page is its 1-based number in the file."""
    scores = score_page(text, rules)
    top, _footer = page_zones(text)
    return PageFeatures(
        page=page,
        rule_scores=scores,
        page_of=_page_of(text),
        continued_marker=bool(_CONTINUED.search(top)),
        vista_note_start=bool(_LOCAL_TITLE.search(top)),
        letterhead=_letterhead(top),
        header_date=_header_date(text),
        title=_title(text, scores),
        word_count=len(_WORD.findall(text)),
    )
