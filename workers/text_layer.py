"""Read a PDF page's own text layer, and decide whether it is real text worth trusting.

Born-digital pages carry exact text, so reading it is both faster and better than OCR. But many
scanned pages carry a text layer too: an empty one, a scanner's junk OCR, or just a stamped header
over the scan (VBMS adds one). Those must go to OCR, so the decision looks at the text's quality and
at how much of the page is a picture.

pdfium reads the layer: its text (one call), word boxes from the loose boxes of each word's first and
last characters, the characters' angles and Unicode-map errors, and the images on the page. Measured
on 500 born-digital pages it costs ~1.5 ms a page where pdfplumber cost ~100 ms (pdfminer builds an
object per character), and it gives the same text on the sample claim and the bench files (better word
spacing on LaTeX output). pdfplumber is kept for the pages pdfium cannot open as text.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from claims.input_kinds import InputError
from workers.page_count import open_pdf

# (text, x0, y0, x1, y1, confidence) in points from the page's top-left; one list per line.
WordBox = tuple[str, float, float, float, float, float]
Box = tuple[float, float, float, float]

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
# pdfium's mark for a hyphen that breaks a word at the end of a line.
_LINE_BREAK_HYPHEN = "\ufffe"
# A word: a run of non-space characters, ended after a line-break hyphen (pdfium joins "tem-" and "por"
# of the next line into one run; their boxes are on two lines).
_WORD = re.compile(r"[^\s\x00\ufffe]*\ufffe|[^\s\x00\ufffe]+")
_FORM_DEPTH = 8
_UPRIGHT_RADIANS = 0.01


@dataclass
class TextLayer:
    lines: list[list[WordBox]]
    width: float
    height: float
    is_real: bool
    reason: str  # why the layer was (not) trusted; for logs and debugging, never the text itself


def read_text_layer(path: Path, page_number: int) -> TextLayer:
    """Words of one page's text layer, grouped into lines, with a verdict on whether to trust them."""
    pdf = open_pdf(path)
    try:
        return read_page_text_layer(pdf, page_number)
    finally:
        pdf.close()


def read_page_text_layer(pdf: pdfium.PdfDocument, page_number: int) -> TextLayer:
    """The same, from a document already open: a chunk of pages opens its PDF once."""
    if not 1 <= page_number <= len(pdf):
        raise InputError("page_out_of_range", f"page {page_number} of {len(pdf)} does not exist", page=page_number)
    try:
        page = pdf[page_number - 1]
    except pdfium.PdfiumError as exc:
        raise InputError("corrupt_page", f"page {page_number} cannot be read: {exc}", page=page_number) from exc
    try:
        try:
            textpage = page.get_textpage()
        except pdfium.PdfiumError:
            return _pdfplumber_layer(pdf, page_number)
        try:
            geometry = _PageGeometry(page)
            words, angles, undecodable = _pdfium_words(textpage, geometry)
        finally:
            textpage.close()
        coverage = _image_coverage(page, geometry)
    finally:
        page.close()
    lines = _group_lines(_reading_order(words))
    n_chars = sum(n for _, n in angles)
    if n_chars and sum(n for a, n in angles if _sideways(a - geometry.rotation)) > n_chars / 2:
        # Text running up or down the displayed page (a sheet rotated the wrong way): OCR, which detects
        # the orientation, reads it instead.
        return TextLayer(lines, geometry.width, geometry.height, False,
                         "text layer runs sideways on the displayed page")
    real, reason = judge_text([w[0] for line in lines for w in line], coverage, undecodable)
    return TextLayer(lines, geometry.width, geometry.height, real, reason)


class _PageGeometry:
    """PDF user space (origin bottom-left, unrotated) to the displayed page (origin top-left, in points)."""

    def __init__(self, page: pdfium.PdfPage) -> None:
        self.left, self.bottom, self.right, self.top = (float(v) for v in page.get_cropbox())
        self.rotation = int(page.get_rotation()) % 360
        w, h = self.right - self.left, self.top - self.bottom
        self.width, self.height = (h, w) if self.rotation in (90, 270) else (w, h)

    def box(self, x0: float, y0: float, x1: float, y1: float) -> Box:
        """(x0, top, x1, bottom) on the displayed page of a user-space rectangle (left, bottom, right, top)."""
        r = self.rotation
        if r == 90:
            return y0 - self.bottom, x0 - self.left, y1 - self.bottom, x1 - self.left
        if r == 180:
            return self.right - x1, y0 - self.bottom, self.right - x0, y1 - self.bottom
        if r == 270:
            return self.top - y1, self.right - x1, self.top - y0, self.right - x0
        return x0 - self.left, self.top - y1, x1 - self.left, self.top - y0


def _pdfium_words(textpage: pdfium.PdfTextPage, geometry: _PageGeometry
                  ) -> tuple[list[tuple[str, Box]], list[tuple[float, int]], int]:
    """Words with displayed boxes, (angle in degrees of its first character, length) of each word, and
    how many characters have no Unicode mapping (a font without a usable character map)."""
    n = textpage.count_chars()
    if n <= 0:
        return [], [], 0
    text = textpage.get_text_range()
    if len(text) != n:  # chars outside the BMP, or excluded chars: read them one by one
        text = "".join(_char(pdfium_raw.FPDFText_GetUnicode(textpage, i)) for i in range(n))
    words: list[tuple[str, Box]] = []
    angles: list[tuple[float, int]] = []
    undecodable = 0
    rect = pdfium_raw.FS_RECTF()
    # ~5 pdfium calls a word: the raw handle and the functions looked up once, not on every call.
    handle = textpage.raw
    loose_box = pdfium_raw.FPDFText_GetLooseCharBox
    map_error = pdfium_raw.FPDFText_HasUnicodeMapError
    char_angle = pdfium_raw.FPDFText_GetCharAngle
    font_size = pdfium_raw.FPDFText_GetFontSize
    box = geometry.box
    for found in _WORD.finditer(text):
        i, j = found.start(), found.end() - 1
        loose_box(handle, i, rect)
        x0, y0, x1, y1 = rect.left, rect.bottom, rect.right, rect.top
        if j != i:
            loose_box(handle, j, rect)
            x0, y0, x1, y1 = min(x0, rect.left), min(y0, rect.bottom), max(x1, rect.right), max(y1, rect.top)
        word = found.group().replace(_LINE_BREAK_HYPHEN, "-")
        if map_error(handle, i) == 1:
            undecodable += len(word)
        angle = char_angle(handle, i)
        if angle >= 0:
            angles.append((math.degrees(angle), len(word)))
            if angle < _UPRIGHT_RADIANS or angle > 2 * math.pi - _UPRIGHT_RADIANS:
                # Upright text: the box spans the font size from the descent, as pdfminer's boxes did
                # (a loose box reaches up to the font's ascent, a tight one varies with the letters).
                y1 = y0 + font_size(handle, i)
        words.append((word, box(x0, y0, x1, y1)))
    return words, angles, undecodable


def _char(code: int) -> str:
    return chr(code) if 0 < code < 0x110000 else "\ufffd"


def _sideways(degrees: float) -> bool:
    """A character angle (counter-clockwise, on the displayed page) that runs up or down the page."""
    d = degrees % 180
    return 45 < d < 135


def _reading_order(words: list[tuple[str, Box]]) -> list[tuple[str, Box]]:
    """Top to bottom in lines (tops within LINE_TOLERANCE_PT of the previous word's), left to right in
    each: the order pdfplumber's extract_words gave, so page text reads the same as before."""
    ordered: list[tuple[str, Box]] = []
    line: list[tuple[str, Box]] = []
    last_top: float | None = None
    for word in sorted(words, key=lambda w: w[1][1]):
        if last_top is not None and word[1][1] - last_top > LINE_TOLERANCE_PT:
            ordered += sorted(line, key=lambda w: w[1][0])
            line = []
        line.append(word)
        last_top = word[1][1]
    return ordered + sorted(line, key=lambda w: w[1][0])


def _image_coverage(page: pdfium.PdfPage, geometry: _PageGeometry) -> float:
    """Share of the displayed page covered by images (each image counted once, capped at 1), images
    inside form XObjects included."""
    if geometry.width <= 0 or geometry.height <= 0:
        return 0.0
    area = 0.0
    for left, bottom, right, top in _image_bounds(page):
        x0, y0, x1, y1 = geometry.box(left, bottom, right, top)
        x0, x1 = max(0.0, x0), min(geometry.width, x1)
        y0, y1 = max(0.0, y0), min(geometry.height, y1)
        if x1 > x0 and y1 > y0:
            area += (x1 - x0) * (y1 - y0)
    return min(1.0, area / (geometry.width * geometry.height))


def _image_bounds(page: pdfium.PdfPage) -> list[Box]:
    """User-space bounds (left, bottom, right, top) of every image object, nested forms resolved."""
    out: list[Box] = []

    def walk(count: int, get: object, parent: object, matrices: list[pdfium.PdfMatrix], depth: int) -> None:
        for k in range(count):
            obj = get(parent, k)  # type: ignore[operator]
            if not obj:
                continue
            kind = pdfium_raw.FPDFPageObj_GetType(obj)
            if kind not in (pdfium_raw.FPDF_PAGEOBJ_IMAGE, pdfium_raw.FPDF_PAGEOBJ_FORM):
                continue
            if kind == pdfium_raw.FPDF_PAGEOBJ_FORM:
                if depth < _FORM_DEPTH:
                    raw = pdfium_raw.FS_MATRIX()
                    if pdfium_raw.FPDFPageObj_GetMatrix(obj, raw):
                        walk(pdfium_raw.FPDFFormObj_CountObjects(obj), pdfium_raw.FPDFFormObj_GetObject, obj,
                             [pdfium.PdfMatrix.from_raw(raw), *matrices], depth + 1)
                continue
            lft, bot, rgt, tp = (pdfium_raw.FS_FLOAT(), pdfium_raw.FS_FLOAT(), pdfium_raw.FS_FLOAT(),
                                 pdfium_raw.FS_FLOAT())
            if not pdfium_raw.FPDFPageObj_GetBounds(obj, lft, bot, rgt, tp):
                continue
            box = (lft.value, bot.value, rgt.value, tp.value)
            for m in matrices:  # form space -> its parent's space, innermost first
                box = m.on_rect(*box)
            out.append(box)

    walk(pdfium_raw.FPDFPage_CountObjects(page), pdfium_raw.FPDFPage_GetObject, page, [], 0)
    return out


def _pdfplumber_layer(pdf: pdfium.PdfDocument, page_number: int) -> TextLayer:
    """The page through pdfplumber (pdfminer), for a page pdfium cannot open as text."""
    one_page = _single_page_pdf(pdf, page_number)
    try:
        with pdfplumber.open(io.BytesIO(one_page)) as doc:
            page = doc.pages[0]
            x_off, y_off = float(page.bbox[0]), float(page.bbox[1])
            width, height = float(page.width), float(page.height)
            words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
            coverage = _plumber_image_coverage(page.images, x_off, y_off, width, height)
            sideways = sum(1 for c in page.chars if not c.get("upright", True))
            n_chars = len(page.chars)
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types on damaged content
        # A text layer pdfminer cannot parse is treated as absent; the page may still render and OCR.
        return TextLayer([], 0.0, 0.0, False, f"text layer unreadable: {type(exc).__name__}")
    lines = _group_lines([(str(w["text"]), (float(w["x0"]) - x_off, float(w["top"]) - y_off,
                                            float(w["x1"]) - x_off, float(w["bottom"]) - y_off)) for w in words])
    if n_chars and sideways > n_chars / 2:
        return TextLayer(lines, width, height, False, "text layer runs sideways on the displayed page")
    real, reason = judge_text([w[0] for line in lines for w in line], coverage)
    return TextLayer(lines, width, height, real, reason)


def _single_page_pdf(src: pdfium.PdfDocument, page_number: int) -> bytes:
    """The one page as a small PDF of its own, copied by pdfium, so pdfminer parses only that page."""
    dst = pdfium.PdfDocument.new()
    try:
        dst.import_pages(src, [page_number - 1])
        buf = io.BytesIO()
        dst.save(buf)
    except pdfium.PdfiumError as exc:
        raise InputError("corrupt_page", f"page {page_number} cannot be read: {exc}", page=page_number) from exc
    finally:
        dst.close()
    return buf.getvalue()


def judge_text(tokens: list[str], image_coverage: float = 0.0, undecodable: int = 0) -> tuple[bool, str]:
    """Whether tokens read from a text layer are real text (True) or should be replaced by OCR.

    ``undecodable`` counts characters the reader could not map to Unicode (pdfium says so; pdfminer
    writes them as "(cid:N)" tokens, counted here).
    """
    joined = " ".join(tokens)
    bad = undecodable + len(_CID.findall(joined)) + joined.count("\ufffd")
    if not joined.isprintable():  # almost always printable: counted character by character only if not
        bad += len(joined) - sum(map(str.isprintable, joined))
    cleaned = _CID.sub("", joined)
    alnum = sum(map(str.isalnum, cleaned))
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


def _group_lines(words: list[tuple[str, Box]]) -> list[list[WordBox]]:
    """Words in reading order into lines: a word whose top is within LINE_TOLERANCE_PT of the line's
    first word joins it."""
    lines: list[list[WordBox]] = []
    line_top: float | None = None
    for text, (x0, top, x1, bottom) in words:
        if not text.strip():
            continue
        box: WordBox = (text, x0, top, x1, bottom, 100.0)
        if line_top is None or abs(top - line_top) > LINE_TOLERANCE_PT:
            lines.append([box])
            line_top = top
        else:
            lines[-1].append(box)
    return lines


def _plumber_image_coverage(images: list[dict], x_off: float, y_off: float, width: float, height: float) -> float:
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
