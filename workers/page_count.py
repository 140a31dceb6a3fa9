"""How many pages a file has, and whether it can be opened at all, decided before any fan-out.

This runs once per file in ``ingest_file``; refusing a bad file here (encrypted, corrupt, absurdly
large) means one clear file-level error instead of thousands of identical page failures.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from PIL import Image
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import IndirectObject

from claims.input_kinds import InputError
from config.settings import Settings

IMAGE_KINDS = frozenset({"tiff", "png", "jpeg"})

_PDFIUM_LOAD_ERRORS = {
    pdfium_raw.FPDF_ERR_FILE: "file not found or could not be opened",
    pdfium_raw.FPDF_ERR_FORMAT: "not in PDF format or corrupted",
    pdfium_raw.FPDF_ERR_PAGE: "page not found or content error",
    pdfium_raw.FPDF_ERR_UNKNOWN: "unknown error",
}


def count_pages(path: Path, kind: str, settings: Settings) -> int:
    """Number of pages (PDF) or frames (TIFF; 1 for PNG/JPEG), after the file's limits are checked."""
    if kind == "pdf":
        n = _count_pdf_pages(path)
    elif kind in IMAGE_KINDS:
        n = count_image_frames(path, settings)
    else:
        raise InputError("unsupported_type", f"a {kind!r} file has no pages of its own")
    if n > settings.max_pages_per_file:
        raise InputError(
            "too_many_pages",
            f"has {n} pages; the limit is {settings.max_pages_per_file} (CLAIMDEX_MAX_PAGES_PER_FILE)",
        )
    return n


def open_pdf(path: Path) -> pdfium.PdfDocument:
    """Open a PDF with pdfium, turning its load errors into InputErrors with a stable code.

    pdfium loads lazily (cross-reference table only), so this is cheap even for thousands of pages.
    """
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_raw.FPDF_ERR_PASSWORD:
            raise InputError("encrypted_pdf", "the PDF is password-protected; send an unlocked copy") from exc
        if code == pdfium_raw.FPDF_ERR_SECURITY:
            raise InputError(
                "encrypted_pdf", "the PDF uses an unsupported security handler (encrypted); send an unlocked copy"
            ) from exc
        reason = _PDFIUM_LOAD_ERRORS.get(code, str(exc))
        hint = "; the file looks truncated (no %%EOF marker at its end)" if _looks_truncated(path) else ""
        raise InputError("corrupt_pdf", f"the PDF cannot be opened: {reason} ({exc}){hint}") from exc


def _looks_truncated(path: Path) -> bool:
    """A PDF ends with %%EOF; an upload cut short does not, which is worth telling the uploader."""
    try:
        with open(path, "rb") as fh:
            fh.seek(0, 2)
            size = fh.tell()
            fh.seek(max(0, size - 2048))
            return b"%%EOF" not in fh.read()
    except OSError:
        return False


# A page tree deeper than this is hostile or broken; real ones are a few levels deep.
MAX_PAGE_TREE_DEPTH = 64


def _count_pdf_pages(path: Path) -> int:
    pdf = open_pdf(path)
    try:
        n = len(pdf)
        if n > 1 and not _page_loads(pdf, n - 1):
            # The root's /Count is only a claim (a 639-byte file can claim 2,000 pages and hold one):
            # when its last page is not there, count the pages the tree really holds.
            n = min(n, page_tree_leaves(path, limit=n))
    finally:
        pdf.close()
    if n < 1:
        raise InputError("corrupt_pdf", "the PDF opened but has no pages (damaged or truncated page tree)")
    return n


def _page_loads(pdf: pdfium.PdfDocument, index: int) -> bool:
    try:
        page = pdf[index]
    except pdfium.PdfiumError:
        return False
    page.close()
    return True


def page_tree_leaves(path: Path, limit: int) -> int:
    """Pages the PDF's page tree really holds (its leaves), walked without trusting any /Count.

    Cycles and absurd depths end the walk; it stops at ``limit`` (the count claimed). Returns 0 when the
    tree cannot be read at all.
    """
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        root = reader.trailer["/Root"].get_object()
        stack = [(root["/Pages"], 0)]
    except (PyPdfError, KeyError, ValueError, TypeError, AttributeError, OSError, RecursionError):
        return 0
    seen: set[tuple[int, int]] = set()
    leaves = 0
    while stack and leaves < limit:
        ref, depth = stack.pop()
        if isinstance(ref, IndirectObject):
            key = (ref.idnum, ref.generation)
            if key in seen:
                continue
            seen.add(key)
        try:
            node = ref.get_object()
            kids = node.get("/Kids") if hasattr(node, "get") else None
            is_leaf = node.get("/Type") == "/Page" or kids is None
        except (PyPdfError, KeyError, ValueError, TypeError, AttributeError, OSError, RecursionError):
            continue
        if is_leaf:
            leaves += 1
        elif depth < MAX_PAGE_TREE_DEPTH:
            try:
                stack.extend((kid, depth + 1) for kid in reversed(list(kids.get_object())))
            except (PyPdfError, TypeError, AttributeError, ValueError):
                continue
    return leaves


def open_image(path: Path, settings: Settings) -> Image.Image:
    """Open an image lazily (header only) and refuse it when its size could exhaust memory.

    Pillow reads dimensions from the header without decoding pixels, so a 30,000 x 30,000 PNG is
    refused in microseconds. Pillow's own bomb guard (a process-wide value) stays as a second fence,
    only ever raised to our limit so it never refuses an image our settings allow.
    """
    if Image.MAX_IMAGE_PIXELS is not None and settings.max_image_pixels > Image.MAX_IMAGE_PIXELS:
        Image.MAX_IMAGE_PIXELS = settings.max_image_pixels
    try:
        im = Image.open(path)
    except Image.DecompressionBombError as exc:
        raise InputError(
            "image_too_large",
            f"the image is too large to decode safely ({exc}); the limit is {settings.max_image_pixels} pixels "
            "(CLAIMDEX_MAX_IMAGE_PIXELS)",
        ) from exc
    except (OSError, ValueError, SyntaxError) as exc:  # UnidentifiedImageError is an OSError
        raise InputError("corrupt_image", f"the image cannot be read: {exc}") from exc
    check_image_size(im, settings, page=None)
    return im


def check_image_size(im: Image.Image, settings: Settings, page: int | None) -> None:
    width, height = im.size
    if width < 1 or height < 1:
        raise InputError("corrupt_image", f"the image has no pixels ({width} x {height})", page=page)
    if width * height > settings.max_image_pixels:
        where = f"frame {page} is" if page else "the image is"
        raise InputError(
            "image_too_large",
            f"{where} {width} x {height} pixels ({width * height}); the limit is {settings.max_image_pixels} "
            "pixels (CLAIMDEX_MAX_IMAGE_PIXELS)",
            page=page,
        )


def count_image_frames(path: Path, settings: Settings) -> int:
    im = open_image(path, settings)
    try:
        n = int(getattr(im, "n_frames", 1) or 1)
        if n > settings.max_pages_per_file:
            return n
        # Each TIFF frame has its own header: check every frame's size before any is decoded.
        for i in range(1, n):
            im.seek(i)
            check_image_size(im, settings, page=i + 1)
        return n
    except (OSError, ValueError, EOFError, SyntaxError) as exc:
        raise InputError("corrupt_image", f"the image's frames cannot be read: {exc}") from exc
    finally:
        im.close()
