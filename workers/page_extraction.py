"""One page in, one PageResult out: the pure function each ``extract_page`` task calls; and the
text layers of a run of born-digital pages, read with the PDF opened once (``extract_chunk``).

Text layer when the page has real text; otherwise render or load the image, look the image up in
the OCR cache, and OCR it on a miss. Both paths end in the same place, which builds the page text
from words and records each word's offsets, so a flag found in the text maps back to boxes.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from claims.input_kinds import InputError
from config.settings import Settings
from store.page_content import OcrCache, OcrResult, PageResult, Word
from workers.ocr import ocr_image
from workers.page_count import open_pdf
from workers.rendering import POINTS_PER_INCH, load_page_image
from workers.text_layer import TextLayer, WordBox, read_page_text_layer, read_text_layer

log = logging.getLogger(__name__)

# Bump when a change to rendering or OCR should make earlier cached results stale.
OCR_PIPELINE_VERSION = "2"  # 2: lines holding a damaged date are read a second time (workers/ocr.py)
# Share of the task's soft time limit that Tesseract may use in total (OCR, OSD, re-OCR).
OCR_BUDGET_SHARE = 0.8


def extract_page_content(
    path: Path, kind: str, page_number: int, settings: Settings, ocr_cache: OcrCache | None
) -> PageResult:
    """Text, words and boxes of one page (1-based). Raises InputError for a page that is bad input."""
    if page_number < 1:
        raise InputError("page_out_of_range", f"page {page_number} does not exist", page=page_number)
    started = time.monotonic()
    if kind == "pdf":
        layer = read_text_layer(path, page_number)
        if layer.is_real:
            return text_layer_result(layer, page_number, settings, started)

    page = load_page_image(path, kind, page_number, settings)
    image_sha = page.pixel_sha256()
    key = ocr_cache_key(image_sha, page.dpi, settings.ocr_languages)
    cached = ocr_cache.get(key) if ocr_cache is not None else None
    if cached is None:
        out = ocr_image(page.image, page.dpi, settings.ocr_languages, settings.ocr_orientation_check_confidence,
                        settings.task_soft_time_limit * OCR_BUDGET_SHARE, tesseract_cmd=settings.tesseract_cmd,
                        in_process=settings.ocr_in_process)
        scale = POINTS_PER_INCH / page.dpi
        text, words = assemble_text(out.lines, scale)
        ocr = OcrResult(text=text, words=words, confidence=out.confidence, rotation=out.rotation,
                        width=round(page.width_pt, 2), height=round(page.height_pt, 2))
        if ocr_cache is not None:
            ocr_cache.put(key, ocr)
    else:
        ocr = cached
    result = PageResult(page_number=page_number, text=ocr.text, source="ocr", ocr_confidence=ocr.confidence,
                        rotation=ocr.rotation, width=ocr.width, height=ocr.height, words=list(ocr.words),
                        image_sha256=image_sha, ocr_cache_hit=cached is not None)
    _log_done(result, started)
    return cap_text(result, settings.max_page_text_chars)


def text_layer_result(layer: TextLayer, page_number: int, settings: Settings, started: float) -> PageResult:
    text, words = assemble_text(layer.lines)
    result = PageResult(page_number=page_number, text=text, source="text_layer", ocr_confidence=100.0,
                        width=round(layer.width, 2), height=round(layer.height, 2), words=words)
    _log_done(result, started)
    return cap_text(result, settings.max_page_text_chars)


@dataclass
class ChunkResult:
    """What reading the text layers of a run of pages gave, page by page."""

    read: list[PageResult] = field(default_factory=list)  # real text layers, done
    to_ocr: list[int] = field(default_factory=list)  # no real text layer: each goes to its own OCR task
    refused: dict[int, InputError] = field(default_factory=dict)  # bad input: that page fails alone
    crashed: dict[int, str] = field(default_factory=dict)  # unexpected errors: retried alone


def read_text_layers(path: Path, page_numbers: list[int], settings: Settings) -> ChunkResult:
    """The text layers of several pages of one PDF, opened once (born-digital prints of thousands of
    pages). A page that is bad input or fails does so alone; the others are read."""
    out = ChunkResult()
    pdf = open_pdf(path)
    try:
        for n in page_numbers:
            started = time.monotonic()
            try:
                layer = read_page_text_layer(pdf, n)
            except InputError as exc:
                out.refused[n] = exc
                continue
            except Exception as exc:  # noqa: BLE001 - one page's failure is its own (retried in its own task)
                out.crashed[n] = f"{type(exc).__name__}: {str(exc)[:300]}"
                continue
            if layer.is_real:
                out.read.append(text_layer_result(layer, n, settings, started))
            else:
                out.to_ocr.append(n)
    finally:
        pdf.close()
    return out


def ocr_cache_key(image_sha256: str, dpi: float, languages: str) -> str:
    """Same pixels, resolution, languages and pipeline version: the same OCR result."""
    raw = f"{image_sha256}|{round(dpi, 3)}|{languages}|v{OCR_PIPELINE_VERSION}"
    return hashlib.sha256(raw.encode()).hexdigest()


def assemble_text(lines: list[list[WordBox]], scale: float = 1.0) -> tuple[str, list[Word]]:
    """Page text (words joined by spaces, lines by newlines) and each word with its offsets in it.

    Building the text from the words, rather than taking an engine's own text, is what makes the
    offsets exact: flags are found in this text and highlighted through these boxes.
    """
    parts: list[str] = []
    words: list[Word] = []
    add = words.append
    make = tuple.__new__  # Word's own __new__ is a Python-level call; the same tuple without it
    pos = 0
    for line in lines:
        if not line:
            continue
        if parts:
            parts.append("\n")
            pos += 1
        first = True
        for text, x0, y0, x1, y1, conf in line:
            if first:
                first = False
            else:
                parts.append(" ")
                pos += 1
            parts.append(text)
            end = pos + len(text)
            add(make(Word, (text, pos, end, round(x0 * scale, 2), round(y0 * scale, 2), round(x1 * scale, 2),
                            round(y1 * scale, 2), round(float(conf), 2))))
            pos = end
    return "".join(parts), words


def cap_text(result: PageResult, max_chars: int) -> PageResult:
    """Cut text over the limit and say so on the page: never a silent truncation (DESIGN.md §6)."""
    if len(result.text) <= max_chars:
        return result
    full = len(result.text)
    result.text = result.text[:max_chars]
    result.words = [w for w in result.words if w.end <= max_chars]
    result.error_code = "text_truncated"
    result.error_message = (
        f"page text is {full} characters; only the first {max_chars} were kept "
        "(limit CLAIMDEX_MAX_PAGE_TEXT_CHARS)"
    )
    return result


def _log_done(result: PageResult, started: float) -> None:
    # Counts and timings only: record text never goes to logs.
    log.debug("page extracted", extra={
        "page": result.page_number, "source": result.source, "chars": len(result.text),
        "words": len(result.words), "rotation": result.rotation, "cache_hit": result.ocr_cache_hit,
        "seconds": round(time.monotonic() - started, 3),
    })
