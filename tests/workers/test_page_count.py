"""Counting pages is where a bad file is refused once, with a specific reason, before any fan-out."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from claims.input_kinds import InputError
from config.settings import Settings
from tests.fixture_files import png_header_only, text_pdf_bytes, write
from workers.page_count import count_pages


@pytest.fixture(scope="module")
def pdf_3000(tmp_path_factory: pytest.TempPathFactory) -> Path:
    writer = PdfWriter()
    for _ in range(3000):
        writer.add_blank_page(width=612, height=792)
    path = tmp_path_factory.mktemp("big") / "c-file.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


def _refused(path: Path, kind: str, settings: Settings) -> InputError:
    with pytest.raises(InputError) as err:
        count_pages(path, kind, settings)
    return err.value


def test_3000_page_pdf_is_counted_quickly(pdf_3000: Path, settings: Settings) -> None:
    started = time.monotonic()
    assert count_pages(pdf_3000, "pdf", settings) == 3000
    assert time.monotonic() - started < 1.0


def test_page_limit_is_enforced(pdf_3000: Path, tmp_path: Path) -> None:
    err = _refused(pdf_3000, "pdf", Settings(data_dir=tmp_path, max_pages_per_file=2500))
    assert err.code == "too_many_pages" and "3000" in err.message


def test_encrypted_pdf_is_refused_saying_so(tmp_path: Path, settings: Settings) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf_bytes([["secret record"]]))))
    writer.encrypt(user_password="hunter2", owner_password="owner", algorithm="AES-256")
    buf = io.BytesIO()
    writer.write(buf)
    err = _refused(write(tmp_path / "locked.pdf", buf.getvalue()), "pdf", settings)
    assert err.code == "encrypted_pdf" and "password" in err.message


def test_truncated_pdf_is_corrupt_with_the_reason(tmp_path: Path, settings: Settings) -> None:
    data = text_pdf_bytes([["page one"], ["page two"], ["page three"]])
    err = _refused(write(tmp_path / "cut.pdf", data[: len(data) * 2 // 3]), "pdf", settings)
    assert err.code == "corrupt_pdf"
    assert "truncated" in err.message and "PDFium" in err.message


def test_garbled_pdf_is_corrupt(tmp_path: Path, settings: Settings) -> None:
    err = _refused(write(tmp_path / "g.pdf", b"%PDF-1.7\n" + b"\x07garbage" * 500 + b"\n%%EOF\n"), "pdf", settings)
    assert err.code == "corrupt_pdf" and "truncated" not in err.message


def test_huge_image_is_refused_from_its_header_without_decoding(tmp_path: Path, settings: Settings) -> None:
    path = write(tmp_path / "huge.png", png_header_only(30_000, 30_000))
    assert path.stat().st_size < 10_000
    started = time.monotonic()
    err = _refused(path, "png", settings)
    assert time.monotonic() - started < 0.5  # decoding 900 megapixels would take many seconds and ~1 GB
    assert err.code == "image_too_large" and "900000000 pixels" in err.message


def test_corrupt_image_is_refused(tmp_path: Path, settings: Settings) -> None:
    err = _refused(write(tmp_path / "x.png", b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 50), "png", settings)
    assert err.code == "corrupt_image"


def test_tiff_frames_are_pages_and_a_jpeg_is_one(tmp_path: Path, settings: Settings) -> None:
    frames = [Image.new("1", (200, 260), 1) for _ in range(4)]
    frames[0].save(tmp_path / "fax.tif", save_all=True, append_images=frames[1:], compression="group4")
    Image.new("L", (100, 100), 200).save(tmp_path / "photo.jpg")
    assert count_pages(tmp_path / "fax.tif", "tiff", settings) == 4
    assert count_pages(tmp_path / "photo.jpg", "jpeg", settings) == 1


def test_oversized_frame_inside_a_tiff_is_refused(tmp_path: Path) -> None:
    small, big = Image.new("L", (100, 100), 255), Image.new("L", (3000, 3000), 255)
    small.save(tmp_path / "mixed.tif", save_all=True, append_images=[big], compression="tiff_deflate")
    err = _refused(tmp_path / "mixed.tif", "tiff", Settings(data_dir=tmp_path, max_image_pixels=1_000_000))
    assert err.code == "image_too_large" and err.page == 2


def _pdf_claiming_pages(claimed: int) -> bytes:
    """A tiny PDF whose page tree claims `claimed` pages (/Count) and holds one (issue 14, finding 8)."""
    content = b"BT /F1 12 Tf 72 720 Td (Hello page one) Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % claimed,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_a_page_tree_claiming_2000_pages_with_one_is_counted_as_one(tmp_path: Path, settings: Settings) -> None:
    data = _pdf_claiming_pages(2000)
    assert len(data) < 700
    path = write(tmp_path / "liar.pdf", data)
    import pypdfium2 as pdfium

    assert len(pdfium.PdfDocument(str(path))) == 2000  # what the /Count claims, and pdfium believes
    assert count_pages(path, "pdf", settings) == 1  # one page task, not 2,000 failing ones


def test_a_page_tree_claiming_more_than_the_limit_is_not_refused_for_it(tmp_path: Path) -> None:
    path = write(tmp_path / "liar.pdf", _pdf_claiming_pages(50_000))
    assert count_pages(path, "pdf", Settings(data_dir=tmp_path, max_pages_per_file=100)) == 1
