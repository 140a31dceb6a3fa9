"""Read a PDF page's own text layer, and decide whether it is real text worth trusting.

Born-digital pages carry exact text, so reading it is both faster and better than OCR. But many
scanned pages carry a text layer too: an empty one, a scanner's junk OCR, or just a stamped header
over the scan (VBMS adds one). Those must go to OCR, so the decision looks at the text's quality and
at how much of the page is a picture.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from claims.input_kinds import InputError
from workers.page_count import open_pdf

# (text, x0, y0, x1, y1, confidence) in points from the page's top-left; one list per line.
WordBox = tuple[str, float, float, float, float, float]

_CID = re.compile(r"\(cid:\d+\)")
_WORDLIKE = re.compile(r"[A-Za-z]{2,}")
MIN_ALNUM_CHARS = 20
MIN_WORDLIKE = 5
MAX_BAD_CHAR_RATIO = 0.1
MIN_WORDLIKE_RATIO = 0.4
# A page mostly covered by images is a scan unless its text layer is substantial (a full OCR layer),
# so a few stamped words over a scanned page do not hide the scan's content from OCR.
IMAGE_COVERAGE_FOR_SCAN = 0.5
ALNUM_CHARS_OVERRIDING_IMAGE = 200
LINE_TOLERANCE_PT = 3.0


@dataclass
class TextLayer:
    lines: list[list[WordBox]]
    width: float
    height: float
    is_real: bool
    reason: str  # why the layer was (not) trusted; for logs and debugging, never the text itself


def read_text_layer(path: Path, page_number: int) -> TextLayer:
    """Words of one page's text layer, grouped into lines, with a verdict on whether to trust them."""
    one_page = _single_page_pdf(path, page_number)
    try:
        with pdfplumber.open(io.BytesIO(one_page)) as pdf:
            page = pdf.pages[0]
            x_off, y_off = float(page.bbox[0]), float(page.bbox[1])
            width, height = float(page.width), float(page.height)
            words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
            coverage = _image_coverage(page.images, x_off, y_off, width, height)
            sideways = sum(1 for c in page.chars if not c.get("upright", True))
            n_chars = len(page.chars)
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types on damaged content
        # A text layer pdfminer cannot parse is treated as absent; the page may still render and OCR.
        return TextLayer([], 0.0, 0.0, False, f"text layer unreadable: {type(exc).__name__}")
    lines = _group_lines(words, x_off, y_off)
    if n_chars and sideways > n_chars / 2:
        # Text running up or down the displayed page (a sheet rotated the wrong way): pdfplumber's
        # lines come out one word per line, so OCR, which detects the orientation, reads it instead.
        return TextLayer(lines, width, height, False, "text layer runs sideways on the displayed page")
    real, reason = judge_text([w[0] for line in lines for w in line], coverage)
    return TextLayer(lines, width, height, real, reason)


def _single_page_pdf(path: Path, page_number: int) -> bytes:
    """The one page as a small PDF of its own, copied by pdfium.

    pdfplumber.open(path, pages=[n]) still has pdfminer walk and parse every page object of the
    file: 1.2 s per page task on a 3,000-page PDF. pdfium copies one page (with its inherited
    resources) in milliseconds, and pdfplumber then parses only that.
    """
    src = open_pdf(path)
    try:
        if not 1 <= page_number <= len(src):
            raise InputError("page_out_of_range", f"page {page_number} of {len(src)} does not exist",
                             page=page_number)
        dst = pdfium.PdfDocument.new()
        try:
            dst.import_pages(src, [page_number - 1])
            buf = io.BytesIO()
            dst.save(buf)
        except pdfium.PdfiumError as exc:
            raise InputError("corrupt_page", f"page {page_number} cannot be read: {exc}", page=page_number) from exc
        finally:
            dst.close()
    finally:
        src.close()
    return buf.getvalue()


def judge_text(tokens: list[str], image_coverage: float = 0.0) -> tuple[bool, str]:
    """Whether tokens read from a text layer are real text (True) or should be replaced by OCR."""
    joined = " ".join(tokens)
    bad = len(_CID.findall(joined)) + joined.count("\ufffd")
    bad += sum(1 for c in joined if not c.isprintable())
    cleaned = _CID.sub("", joined)
    alnum = sum(1 for c in cleaned if c.isalnum())
    wordlike = sum(1 for t in tokens if _WORDLIKE.search(t))
    if alnum < MIN_ALNUM_CHARS or wordlike < MIN_WORDLIKE:
        return False, f"too little text ({alnum} letters/digits, {wordlike} words)"
    if bad / max(1, len(joined)) > MAX_BAD_CHAR_RATIO:
        return False, "undecodable glyphs (font without a usable character map)"
    if wordlike / len(tokens) < MIN_WORDLIKE_RATIO:
        return False, "mostly symbols and fragments (junk OCR layer)"
    if image_coverage >= IMAGE_COVERAGE_FOR_SCAN and alnum < ALNUM_CHARS_OVERRIDING_IMAGE:
        return False, f"a scanned image covers {image_coverage:.0%} of the page and the text layer is thin"
    return True, "text layer"


def _group_lines(words: list[dict], x_off: float, y_off: float) -> list[list[WordBox]]:
    lines: list[list[WordBox]] = []
    line_top: float | None = None
    for w in words:
        text = str(w["text"])
        if not text.strip():
            continue
        top = float(w["top"]) - y_off
        box: WordBox = (text, float(w["x0"]) - x_off, top, float(w["x1"]) - x_off, float(w["bottom"]) - y_off, 100.0)
        if line_top is None or abs(top - line_top) > LINE_TOLERANCE_PT:
            lines.append([box])
            line_top = top
        else:
            lines[-1].append(box)
    return lines


def _image_coverage(images: list[dict], x_off: float, y_off: float, width: float, height: float) -> float:
    """Share of the page covered by images (overlaps counted once per image, capped at 1)."""
    if width <= 0 or height <= 0:
        return 0.0
    area = 0.0
    for im in images:
        x0 = max(0.0, float(im["x0"]) - x_off)
        x1 = min(width, float(im["x1"]) - x_off)
        y0 = max(0.0, float(im["top"]) - y_off)
        y1 = min(height, float(im["bottom"]) - y_off)
        if x1 > x0 and y1 > y0:
            area += (x1 - x0) * (y1 - y0)
    return min(1.0, area / (width * height))
