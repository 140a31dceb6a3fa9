"""Fax machine banners: the line a fax machine prints across the top or bottom of every page it sends
("JUN-24-2020 09:12  FROM: MIAMI VALLEY CHIRO  937 555 0149  P.1/3").

A banner says when a page was transmitted and by whom, never what the page is: its date is not the
record's date, its text is not the record's title, and its page counter counts the transmission, not
the document. Finding it lets the rest of the classifiers look past it; blanking it keeps offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# How many non-empty lines at the top and at the bottom of a page can be a banner.
BANNER_LINES = 2
_TIME = re.compile(r"\b[0-2]?\d:[0-5]\d(?::[0-5]\d)?\s?(?:[AaPp]\.?[Mm]\.?)?")
_DATEISH = re.compile(r"\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{2,4})?|\b[A-Za-z]{3}[-\s]\d{1,2}[-\s,]+\d{2,4}")
_SENDER = re.compile(r"\bFAX\b|\bFROM\b|\bTO\s?:|->|>>|\bTX\b|\bRX\b|FACSIMILE|\bSENT\b|\bRECEIVED\b|\bRCVD\b", re.I)
_PHONE = re.compile(r"\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b")
COUNTER = re.compile(r"\b(?:P(?:AGE|G)?|PP)\s?\.?\s?#?\s?0*(\d{1,3})\s?(?:/|OF)\s?0*(\d{1,3})\b", re.I)
_COUNTER_ALONE = re.compile(r"\b(?:P(?:AGE|G)?|PP)\s?[.#]\s?0*(\d{1,3})\b", re.I)


@dataclass(frozen=True)
class FaxBanner:
    """One banner line: its [start, end) offsets in the page text, its text without the page counter
    (the same on every page of one transmission) and the counter (k, n) when it prints one."""

    start: int
    end: int
    key: str
    counter: tuple[int, int] | None


def _is_banner(line: str) -> bool:
    if len(line.strip()) < 12 or not _SENDER.search(line):
        return False
    has_when = bool(_TIME.search(line) or _DATEISH.search(line))
    has_who_or_page = bool(_PHONE.search(line) or COUNTER.search(line) or _COUNTER_ALONE.search(line))
    return has_when and has_who_or_page


def _key(line: str) -> str:
    without = COUNTER.sub(" ", line)
    without = _COUNTER_ALONE.sub(" ", without)
    return " ".join(without.upper().split())


def fax_banners(text: str) -> list[FaxBanner]:
    """The fax banner lines among the first and last BANNER_LINES non-empty lines of a page."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    edge = spans[:BANNER_LINES] + [s for s in spans[-BANNER_LINES:] if s not in spans[:BANNER_LINES]]
    banners = []
    for start, end in edge:
        line = text[start:end]
        if _is_banner(line):
            m = COUNTER.search(line)
            counter = (int(m.group(1)), int(m.group(2))) if m else None
            if counter is None and (alone := _COUNTER_ALONE.search(line)):
                counter = (int(alone.group(1)), 0)
            banners.append(FaxBanner(start, end, _key(line), counter))
    return banners


def blank_fax_banners(text: str, banners: list[FaxBanner] | None = None) -> str:
    """text with its banner lines replaced by spaces: same length, same offsets and line numbers."""
    banners = fax_banners(text) if banners is None else banners
    if not banners:
        return text
    chars = list(text)
    for b in banners:
        chars[b.start:b.end] = " " * (b.end - b.start)
    return "".join(chars)
