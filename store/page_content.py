"""What a page holds once read: its words (typed records) and the result of extracting it.

Extraction (workers/page_extraction.py) produces these values and does no database work; the use case
that stores a page (claims/page_results.py) writes them back in one place, and the OCR cache keeps
OcrResults by page-image hash. A Word is a NamedTuple, so it is stored and served as a JSON list
[text, start, end, x0, y0, x1, y1, conf] and read back with Word.of().
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple, Protocol

PageSource = Literal["text_layer", "ocr", "failed"]


class Word(NamedTuple):
    """One word of a page: start/end index into the page text; the box is in PDF points from the
    page's top-left; conf is Tesseract's 0-100 (100 for a text layer)."""

    text: str
    start: int
    end: int
    x0: float
    y0: float
    x1: float
    y1: float
    conf: float

    @classmethod
    def of(cls, value: Sequence[object]) -> Word:
        """A word from its stored form (a JSON list)."""
        text, start, end, x0, y0, x1, y1, conf = value[:8]
        return cls(str(text), int(start), int(end), float(x0), float(y0), float(x1), float(y1),  # type: ignore[arg-type]
                   float(conf))  # type: ignore[arg-type]


def words_of(stored: Iterable[Sequence[object]] | None) -> list[Word]:
    """The words of a page row (JSON lists), typed; rows with fewer than 8 fields are skipped."""
    return [Word.of(w) for w in stored or () if len(w) >= 8]


@dataclass
class OcrResult:
    text: str
    words: list[Word]
    confidence: float | None
    rotation: int  # degrees the page image was turned to read it upright: 0, 90, 180, 270
    width: float  # page size in points
    height: float


@dataclass
class PageResult:
    page_number: int
    text: str
    source: PageSource
    ocr_confidence: float | None = None
    rotation: int = 0
    width: float | None = None
    height: float | None = None
    words: list[Word] = field(default_factory=list)
    image_sha256: str | None = None
    # Set when source == "failed", or when the page was read but something must be reported
    # (for example text capped at the limit: never silently truncated).
    error_code: str | None = None
    error_message: str | None = None
    ocr_cache_hit: bool = False


class OcrCache(Protocol):
    """Where OCR results are kept by page-image hash (+ OCR settings)."""

    def get(self, key: str) -> OcrResult | None: ...

    def put(self, key: str, result: OcrResult) -> None: ...


def boxes_for_span(words: Sequence[Word], start: int, end: int) -> list[list[float]]:
    """Boxes ([x0, y0, x1, y1] in points) of the words overlapping [start, end), merged per line.

    Merging neighbours on one line gives one rectangle per highlighted phrase line, which is what a
    reader's eye expects, instead of a row of word-sized boxes.
    """
    picked = [w for w in words if w.start < end and w.end > start]
    merged: list[list[float]] = []
    for w in sorted(picked, key=lambda w: (round(w.y0), w.x0)):
        height = max(1.0, w.y1 - w.y0)
        if merged:
            last = merged[-1]
            same_line = abs(last[1] - w.y0) < 0.6 * height
            if same_line and w.x0 - last[2] < 2.5 * height:
                last[0], last[1] = min(last[0], w.x0), min(last[1], w.y0)
                last[2], last[3] = max(last[2], w.x1), max(last[3], w.y1)
                continue
        merged.append([w.x0, w.y0, w.x1, w.y1])
    return [[round(v, 2) for v in box] for box in merged]
