"""What extracting one page produces, and the error that bad input raises.

Extraction functions return these values and do no database work; the Celery task writes them back
in one place (the OCRmyPDF pattern: a pure function per page, results stored by the parent).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol

PageSource = Literal["text_layer", "ocr", "failed"]

# A word on the page: [text, start, end, x0, y0, x1, y1, conf]. start/end index into the page text;
# the box is in PDF points from the page's top-left; conf is Tesseract's 0-100 (100 for a text layer).
Word = list


class InputError(Exception):
    """Bad input, with a stable code for machines and a message for people (file, page, reason)."""

    def __init__(self, code: str, message: str, page: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.page = page


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
