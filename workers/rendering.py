"""Turn one page (a PDF page, a TIFF frame, a PNG/JPEG) into a grayscale image ready for OCR.

Every input becomes the same thing, a PageImage, so OCR and the OCR cache never care where a page
came from. Grayscale because Tesseract binarises anyway and a third of the bytes is a third of the
hashing and writing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from PIL import Image, ImageOps

from claims.input_kinds import InputError
from config.settings import Settings
from workers.page_count import IMAGE_KINDS, check_image_size, open_image, open_pdf

POINTS_PER_INCH = 72.0
# Tesseract refuses images wider or taller than this.
MAX_SIDE_PX = 32_000
US_LETTER_WIDTH_IN = 8.5


@dataclass
class PageImage:
    image: Image.Image  # mode "L"
    dpi: float
    width_pt: float
    height_pt: float

    def pixel_sha256(self) -> str:
        """Identity of what OCR will see: mode, size and raw pixels (not a file encoding of them)."""
        h = hashlib.sha256(f"{self.image.mode}:{self.image.width}x{self.image.height}:".encode())
        h.update(self.image.tobytes())
        return h.hexdigest()


def load_page_image(path: Path, kind: str, page_number: int, settings: Settings) -> PageImage:
    if kind == "pdf":
        return render_pdf_page(path, page_number, settings)
    if kind in IMAGE_KINDS:
        return load_image_frame(path, page_number, settings)
    raise InputError("unsupported_type", f"a {kind!r} file has no pages to render", page=page_number)


def render_pdf_page(path: Path, page_number: int, settings: Settings) -> PageImage:
    pdf = open_pdf(path)
    try:
        if not 1 <= page_number <= len(pdf):
            raise InputError("page_out_of_range", f"page {page_number} of {len(pdf)} does not exist",
                             page=page_number)
        try:
            page = pdf[page_number - 1]
            width_pt, height_pt = page.get_size()
            dpi = _safe_dpi(width_pt, height_pt, float(settings.ocr_dpi), settings.max_image_pixels)
            # An 8-bit gray bitmap directly: grayscale=True renders in colour and converts (~5x slower).
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, force_bitmap_format=pdfium_raw.FPDFBitmap_Gray)
            image = bitmap.to_pil().convert("L")
        except pdfium.PdfiumError as exc:
            raise InputError("corrupt_page", f"page {page_number} cannot be rendered: {exc}",
                             page=page_number) from exc
    finally:
        pdf.close()
    # pdfium applies the page's /Rotate, so the rendered size is the displayed page size.
    return PageImage(image, dpi, image.width * POINTS_PER_INCH / dpi, image.height * POINTS_PER_INCH / dpi)


def _safe_dpi(width_pt: float, height_pt: float, dpi: float, max_pixels: int) -> float:
    """Lower the dpi for giant pages (posters, broken media boxes) so the bitmap stays bounded."""
    if width_pt <= 0 or height_pt <= 0:
        raise pdfium.PdfiumError(f"page has no area ({width_pt} x {height_pt} pt)")
    w_in, h_in = width_pt / POINTS_PER_INCH, height_pt / POINTS_PER_INCH
    limit = min((max_pixels / (w_in * h_in)) ** 0.5, MAX_SIDE_PX / max(w_in, h_in))
    return min(dpi, limit)


def load_image_frame(path: Path, page_number: int, settings: Settings) -> PageImage:
    im = open_image(path, settings)
    try:
        try:
            im.seek(page_number - 1)
        except EOFError as exc:
            raise InputError("page_out_of_range", f"frame {page_number} does not exist",
                             page=page_number) from exc
        check_image_size(im, settings, page=page_number)
        try:
            im.load()
            x_dpi, y_dpi = _image_dpi(im)
            gray = _to_gray(ImageOps.exif_transpose(im) or im)
        except (OSError, ValueError, SyntaxError) as exc:
            raise InputError("corrupt_image", f"frame {page_number} cannot be decoded: {exc}",
                             page=page_number) from exc
    finally:
        im.close()
    if abs(x_dpi - y_dpi) > 1:
        # Fax TIFFs are often 204 x 98 dpi: squashed pages that Tesseract reads badly. Square them.
        new_height = max(1, round(gray.height * x_dpi / y_dpi))
        gray = gray.resize((gray.width, new_height), Image.Resampling.BILINEAR)
    return PageImage(gray, x_dpi, gray.width * POINTS_PER_INCH / x_dpi, gray.height * POINTS_PER_INCH / x_dpi)


def _to_gray(im: Image.Image) -> Image.Image:
    """8-bit gray as a scanner would give it: transparency over white paper, 16-bit scaled down."""
    if im.mode in ("I;16", "I;16B", "I;16L", "I"):
        # convert("L") clips 16-bit values at 255, which turns a 16-bit scan all white.
        return im.point(lambda v: v / 256).convert("L") if im.mode != "I" else im.convert("L")
    if im.mode in ("RGBA", "LA", "PA") or "transparency" in im.info:
        rgba = im.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(paper, rgba).convert("L")
    return im.convert("L")


def _image_dpi(im: Image.Image) -> tuple[float, float]:
    """The image's resolution, or a guess (a letter-width page) when the file says nothing sensible."""
    raw = im.info.get("dpi")
    try:
        x_dpi, y_dpi = float(raw[0]), float(raw[1])  # type: ignore[index]
    except (TypeError, ValueError, IndexError):
        x_dpi = y_dpi = 0.0
    if 50 <= x_dpi <= 2400 and 50 <= y_dpi <= 2400:
        return x_dpi, y_dpi
    guess = max(50.0, im.width / US_LETTER_WIDTH_IN)
    return guess, guess
