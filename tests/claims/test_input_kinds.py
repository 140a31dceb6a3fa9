"""File kinds come from the bytes: names lie, and a wrong kind would send a file down the wrong path."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from claims.input_kinds import InputError, sniff_kind
from tests.fixture_files import text_pdf_bytes, write


def _image_bytes(fmt: str) -> bytes:
    buf = io.BytesIO()
    Image.new("L", (20, 20), 255).save(buf, fmt)
    return buf.getvalue()


def _zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "misleading_name", "kind"),
    [
        (text_pdf_bytes([["hello"]]), "scan.jpg", "pdf"),
        (_image_bytes("TIFF"), "scan.pdf", "tiff"),
        (_image_bytes("PNG"), "scan.tif", "png"),
        (_image_bytes("JPEG"), "scan.png", "jpeg"),
        (_zip_bytes({"a.pdf": b"%PDF-1.4"}), "scan.pdf", "zip"),
        (b"\x00junk before the header\n" + text_pdf_bytes([["x"]]), "x.bin", "pdf"),
    ],
)
def test_kind_is_read_from_the_bytes_not_the_name(tmp_path: Path, data: bytes, misleading_name: str, kind: str) -> None:
    assert sniff_kind(write(tmp_path / misleading_name, data)) == kind


def test_stored_zip_holding_a_pdf_is_still_a_zip(tmp_path: Path) -> None:
    data = _zip_bytes({"record.pdf": text_pdf_bytes([["hello"]])}, compression=zipfile.ZIP_STORED)
    assert b"%PDF-" in data[:1024]
    assert sniff_kind(write(tmp_path / "x.zip", data)) == "zip"


def test_zero_byte_file_is_empty_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        sniff_kind(write(tmp_path / "empty.pdf", b""))
    assert err.value.code == "empty_file"


def test_text_renamed_pdf_says_it_looks_like_text(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        sniff_kind(write(tmp_path / "notes.pdf", b"Patient seen today for back pain.\nPlan: PT.\n"))
    assert err.value.code == "unsupported_type"
    assert "plain text" in err.value.message


@pytest.mark.parametrize(
    ("data", "described_as"),
    [
        (_zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}), "Office document"),
        (b"GIF89a" + b"\x00" * 20, "GIF"),
        (b"<html><body>hi</body></html>", "HTML"),
        (bytes(range(256)) * 4, "unknown"),
    ],
)
def test_unsupported_bytes_are_named(tmp_path: Path, data: bytes, described_as: str) -> None:
    with pytest.raises(InputError) as err:
        sniff_kind(write(tmp_path / "x.pdf", data))
    assert err.value.code == "unsupported_type"
    assert described_as in err.value.message
