"""Input files for the benchmarks: many scanned pages, many text pages, a huge mixed PDF, page images.

Benchmarks compare our pipeline with raw Tesseract and OCRmyPDF on the *same* pages, so the pages are
generated here, once, from the sample claim's record text. Scanned pages are made distinct (their own
names, numbers, dates and a sheet line) so an OCR cache keyed on the page image or its text never
turns a throughput run into a cache benchmark.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from reportlab.lib.utils import ImageReader

from samples.claim_content import DOCUMENTS
from samples.pdf_writer import draw_scan, draw_text_page, new_canvas, render_jpegs

_FIRST = ("MARCUS", "DENISE", "ANTHONY", "KEISHA", "ROBERTO", "THOMAS", "LAURA", "DARNELL", "PETER", "ANGELA")
_LAST = ("WHITFIELD", "OKAFOR", "BRANDT", "SALAZAR", "MCALLISTER", "NGUYEN", "HOLLOWAY", "PETROV", "DUNCAN", "REYES")
_SCAN_MAX_LINES = 46  # leaves room for the sheet line and stays on one scanned page


@lru_cache(maxsize=1)
def _templates() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Record pages to vary: (fits a scanned page, any page). Drawn from the sample claim file."""
    every = tuple(text for doc in DOCUMENTS for text in doc.pages)
    scan_ok = tuple(t for t in every if len(t.strip("\n").split("\n")) <= _SCAN_MAX_LINES)
    return scan_ok, every


def _vary(text: str, rng: random.Random, sheet: str) -> str:
    """Same kind of record, different person and numbers, plus a sheet line that makes it unique."""
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    text = text.replace("WHITFIELD", last).replace("Whitfield", last.title())
    text = text.replace("MARCUS", first).replace("Marcus", first.title())
    text = re.sub(r"XXX-XX-\d{4}", lambda _: f"XXX-XX-{rng.randint(1000, 9999)}", text)
    shift = rng.randint(-2, 2)
    text = re.sub(r"\b(19|20)(\d\d)\b", lambda m: f"{m.group(1)}{(int(m.group(2)) + shift) % 100:02d}", text)
    text = re.sub(r"\b(\d)/10\b", lambda _: f"{rng.randint(2, 9)}/10", text)
    return f"{sheet}\n" + text.strip("\n") + "\n"


def scanned_page_text(index: int, seed: int) -> str:
    """Text of the ``index``-th distinct scanned bench page for ``seed``."""
    scan_ok, _ = _templates()
    rng = random.Random(f"scan:{seed}:{index}")
    return _vary(rng.choice(scan_ok), rng, f"SHEET {seed:04d}-{index + 1:05d}   CLAIMDEX BENCH SCAN")


def write_scanned_pdf(path: Path, n_pages: int, seed: int = 0) -> Path:
    """A PDF of ``n_pages`` distinct, upright scanned record pages (image only, no text layer)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    jobs = [(scanned_page_text(i, seed), seed * 100_003 + i, 0) for i in range(n_pages)]
    canvas = new_canvas(path, title=f"bench scanned {n_pages} pages seed {seed}")
    for jpeg in render_jpegs(jobs):
        draw_scan(canvas, jpeg, landscape=False)
        canvas.showPage()
    canvas.save()
    return path


def _text_page(index: int, seed: int) -> str:
    _, every = _templates()
    rng = random.Random(f"text:{seed}:{index}")
    return _vary(every[index % len(every)], rng, f"SHEET {seed:04d}-{index + 1:05d}   CLAIMDEX BENCH TEXT")


def write_born_digital_pdf(path: Path, n_pages: int, seed: int = 0) -> Path:
    """A PDF of ``n_pages`` record pages with a real text layer (the no-OCR throughput case)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    canvas = new_canvas(path, title=f"bench born-digital {n_pages} pages")
    for i in range(n_pages):
        draw_text_page(canvas, _text_page(i, seed), font="Courier")
        canvas.showPage()
    canvas.save()
    return path


def write_large_mixed_pdf(path: Path, n_pages: int, *, scan_every: int = 10, distinct_scans: int = 4) -> Path:
    """A very long C-file (1,000-3,000 pages) for memory and cap tests, generated in seconds.

    Mostly text pages; every ``scan_every``-th page is a scan, drawn from ``distinct_scans`` images
    embedded once and referenced many times, so 3,000 pages stay a few MB and take well under a minute.
    Scans repeat, so OCR caching will hit on them: use :func:`write_scanned_pdf` to measure OCR.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    jobs = [(scanned_page_text(i, 9_999), 777 + i, 0) for i in range(max(1, distinct_scans))]
    readers = [ImageReader(BytesIO(jpeg)) for jpeg in render_jpegs(jobs)]
    canvas = new_canvas(path, title=f"bench large mixed {n_pages} pages")
    for i in range(n_pages):
        if scan_every and i % scan_every == scan_every - 1:
            draw_scan(canvas, readers[(i // scan_every) % len(readers)], landscape=False)
        else:
            draw_text_page(canvas, _text_page(i, 1), font="Courier")
        canvas.showPage()
    canvas.save()
    return path


def render_pages_to_images(pdf_path: Path, out_dir: Path, dpi: int = 300) -> list[Path]:
    """Render every page to a greyscale PNG the way the pipeline does (pypdfium2), for raw Tesseract.

    The baseline must start from the same pixels our workers OCR, or the comparison measures the
    renderer instead of the pipeline's overhead.
    """
    import pypdfium2 as pdfium

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                image = page.render(scale=dpi / 72, grayscale=True).to_pil()
            finally:
                page.close()
            out = out_dir / f"page-{i + 1:05d}.png"
            image.save(out, format="PNG", dpi=(dpi, dpi))
            paths.append(out)
    finally:
        pdf.close()
    return paths
