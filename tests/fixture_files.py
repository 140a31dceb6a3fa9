"""Fixture files for the extraction and intake tests, generated on the fly (no checked-in binaries).

Scanned pages are made by drawing known text with reportlab, rasterising it with pdfium and saving
the picture as an image-only PDF or TIFF, so the OCR result can be compared with the source text.
They are rendered at 150 dpi: small enough for a quick Tesseract run on a shared machine, large
enough for an accurate one.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image
from rapidfuzz.distance import Levenshtein
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from store.page_content import OcrResult

SCAN_DPI = 150

NOTE_LINES = [
    "CHRONOLOGICAL RECORD OF MEDICAL CARE",
    "Patient reports low back pain since a hard landing on a jump in 2004.",
    "Examination shows tenderness over the L4-L5 paraspinal muscles.",
    "Gait is antalgic, favoring the right leg; he uses a cane.",
    "Assessment: lumbar strain with radiculopathy to the left leg.",
]

OTHER_LINES = [
    "REPORT OF MEDICAL EXAMINATION",
    "MRI lumbar spine shows disc desiccation at L4-5 with mild narrowing.",
    "Impression: degenerative disc disease, consistent with prior injury.",
]




def text_pdf_bytes(pages: list[list[str]], font_size: int = 13) -> bytes:
    """A born-digital PDF: one page per list of lines, real text drawn with a standard font."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    for lines in pages:
        c.setFont("Helvetica", font_size)
        y = 720.0
        for line in lines:
            c.drawString(72, y, line)
            y -= font_size * 1.8
        c.showPage()
    c.save()
    return buf.getvalue()


def render_lines(lines: list[str], dpi: int = SCAN_DPI) -> Image.Image:
    """What a scanner would produce for a page with these lines: a grayscale picture, no text."""
    pdf = pdfium.PdfDocument(text_pdf_bytes([lines]))
    try:
        return pdf[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()


def image_pdf_bytes(images: list[Image.Image], dpi: int = SCAN_DPI) -> bytes:
    """An image-only PDF, one page per picture: a scanned file with no text layer."""
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return buf.getvalue()


def scanned_with_layer_bytes(image: Image.Image, layer_lines: list[str], invisible: bool = True,
                             dpi: int = SCAN_DPI) -> bytes:
    """A scan with a text layer on top (a scanner's OCR layer, or a stamped header like VBMS adds)."""
    buf = io.BytesIO()
    width, height = image.width * 72 / dpi, image.height * 72 / dpi
    c = canvas.Canvas(buf, pagesize=(width, height))
    img_buf = io.BytesIO()
    image.save(img_buf, "PNG")
    img_buf.seek(0)
    c.drawImage(ImageReader(img_buf), 0, 0, width=width, height=height)
    t = c.beginText(40, height - 20)
    t.setFont("Helvetica", 8)
    if invisible:
        t.setTextRenderMode(3)
    for line in layer_lines:
        t.textLine(line)
    c.drawText(t)
    c.showPage()
    c.save()
    return buf.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def cer(found: str, expected: str) -> float:
    """Character error rate, whitespace-insensitive (line breaks are layout, not content)."""
    a, b = " ".join(found.split()), " ".join(expected.split())
    return Levenshtein.distance(a, b) / max(1, len(b))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims width x height: decoding it would need width*height bytes of RAM."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


class RecordingCache:
    """An in-memory OcrCache that counts what the extraction asked of it."""

    def __init__(self) -> None:
        self.store: dict[str, OcrResult] = {}
        self.gets = 0
        self.puts = 0

    def get(self, key: str) -> OcrResult | None:
        self.gets += 1
        return self.store.get(key)

    def put(self, key: str, result: OcrResult) -> None:
        self.puts += 1
        self.store[key] = result
