"""Benchmark inputs: the right number of pages, of the right kind, distinct where it matters."""

from __future__ import annotations

import time
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from samples.bench_files import (
    render_pages_to_images,
    scanned_page_text,
    write_born_digital_pdf,
    write_large_mixed_pdf,
    write_scanned_pdf,
)


def _images(page: pdfium.PdfPage) -> int:
    return sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))


def test_scanned_pdf_pages_are_distinct_images_without_text(tmp_path: Path) -> None:
    path = write_scanned_pdf(tmp_path / "scan.pdf", 3, seed=7)
    pdf = pdfium.PdfDocument(str(path))
    assert len(pdf) == 3
    for i in range(3):
        assert pdf[i].get_textpage().get_text_range().strip() == ""
        assert _images(pdf[i]) == 1
    texts = [scanned_page_text(i, 7) for i in range(50)]
    assert len(set(texts)) == 50
    assert scanned_page_text(0, 7) == scanned_page_text(0, 7) != scanned_page_text(0, 8)


def test_born_digital_pdf_has_text_on_every_page(tmp_path: Path) -> None:
    path = write_born_digital_pdf(tmp_path / "text.pdf", 30)
    pdf = pdfium.PdfDocument(str(path))
    assert len(pdf) == 30
    assert all("CLAIMDEX BENCH TEXT" in pdf[i].get_textpage().get_text_range() for i in range(30))


def test_large_mixed_pdf_reuses_its_scans(tmp_path: Path) -> None:
    started = time.perf_counter()
    path = write_large_mixed_pdf(tmp_path / "big.pdf", 300, scan_every=10, distinct_scans=2)
    assert time.perf_counter() - started < 20
    pdf = pdfium.PdfDocument(str(path))
    assert len(pdf) == 300
    assert sum(_images(pdf[i]) for i in range(300)) == 30
    assert path.stat().st_size < 2_500_000  # two embedded scans, not thirty


def test_render_pages_to_images(tmp_path: Path) -> None:
    pdf = write_born_digital_pdf(tmp_path / "text.pdf", 2)
    paths = render_pages_to_images(pdf, tmp_path / "img", dpi=72)
    assert [p.name for p in paths] == ["page-00001.png", "page-00002.png"]
    with Image.open(paths[0]) as img:
        assert img.size == (612, 792) and img.mode == "L"
