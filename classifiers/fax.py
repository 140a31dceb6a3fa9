"""Fax machine banners: the line a fax machine prints across the top or bottom of every page it sends
("JUN-24-2020 09:12  FROM: MIAMI VALLEY CHIRO  937 555 0149  P.1/3").

A banner says when a page was transmitted and by whom, never what the page is: its date is not the
record's date, its text is not the record's title, and its page counter counts the transmission, not
the document. Finding it lets the rest of the classifiers look past it; blanking it keeps offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

# How many non-empty lines at the top and at the bottom of a page can be a banner.
BANNER_LINES = 2
_TIME = re.compile(r"[0-2]?\d:[0-5]\d(?::[0-5]\d)?(?!\d)\s?(?:[AaPp]\.?[Mm]\.?)?")
_DATEISH = re.compile(r"\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{2,4})?|\b[A-Za-z]{3}[-\s]\d{1,2}[-\s,]+\d{2,4}")
_SENDER = re.compile(r"\bFAX\b|\bFROM\b|\bTO\s?:|->|>>|\bTX\b|\bRX\b|FACSIMILE|\bSENT\b|\bRECEIVED\b|\bRCVD\b", re.I)
_PHONE = re.compile(r"\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b")
COUNTER = re.compile(r"\b(?:P(?:AGE|G)?|PP)\s?\.?\s?#?\s?0*(\d{1,3})\s?(?:/|OF)\s?0*(\d{1,3})\b", re.I)
_COUNTER_ALONE = re.compile(r"\b(?:P(?:AGE|G)?|PP)\s?[.#]\s?0*(\d{1,3})\b", re.I)


@dataclass(frozen=True)
class FaxBanner:
    """One banner line: its [start, end) offsets in the page text, its text without the page counter
    (the same on every page of one transmission) and the counter (k, n) when it prints one. A weak
    banner (a time or date and a page counter, its sender lost to OCR) ties pages of one transmission
    together but is left on the page (it may be a print header holding "Page 2 of 4")."""

    start: int
    end: int
    key: str
    counter: tuple[int, int] | None
    weak: bool = False


def _banner_strength(line: str) -> int:
    """2: a banner (a sender - FAX, FROM, -> - or a phone number, with a time or date and a page counter
    or phone: three of the four, or a sender with a counter); 1: a weak one (a time of day and a page
    counter, the rest lost to OCR); 0: not a banner."""
    if len(line.strip()) < 12:
        return 0
    when = bool(_TIME.search(line) or _DATEISH.search(line))
    sender = bool(_SENDER.search(line))
    phone = bool(_PHONE.search(line))
    counter = bool(COUNTER.search(line) or _COUNTER_ALONE.search(line))
    if (sender or phone) and (when + sender + phone + counter >= 3 or (sender and counter)):
        return 2
    return 1 if _TIME.search(line) and counter else 0


# Two banners of one transmission read this alike (0-100) after OCR.
SAME_TRANSMISSION_SIMILARITY = 60.0


def same_transmission(key_a: str | None, key_b: str | None) -> bool:
    """Whether two banners (their keys) come from one fax transmission, allowing for OCR damage."""
    if not key_a or not key_b:
        return False
    return key_a == key_b or fuzz.ratio(key_a, key_b) >= SAME_TRANSMISSION_SIMILARITY


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
        strength = _banner_strength(line)
        if strength:
            m = COUNTER.search(line)
            counter = (int(m.group(1)), int(m.group(2))) if m else None
            if counter is None and (alone := _COUNTER_ALONE.search(line)):
                counter = (int(alone.group(1)), 0)
            banners.append(FaxBanner(start, end, _key(line), counter, weak=strength < 2))
    return banners


def blank_fax_banners(text: str, banners: list[FaxBanner] | None = None) -> str:
    """text with its banner lines replaced by spaces: same length, same offsets and line numbers."""
    banners = [b for b in (fax_banners(text) if banners is None else banners) if not b.weak]
    if not banners:
        return text
    chars = list(text)
    for b in banners:
        chars[b.start:b.end] = " " * (b.end - b.start)
    return "".join(chars)
