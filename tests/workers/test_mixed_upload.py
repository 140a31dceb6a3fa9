"""One upload with every input kind and every hostile file, through the real pipeline.

Each bad file fails alone with its specific code and its name in the message; every good file is
processed; the claim ends `partial` with the reasons.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from tests.conftest import WorkerPool
from tests.fixture_files import png_header_only, render_lines, text_pdf_bytes
from tests.workers.pipeline_support import queue_files, wait_for_claim

pytestmark = pytest.mark.slow

LINES = ["CHRONOLOGICAL RECORD OF MEDICAL CARE", "S: c/o low back pain after ruck march.",
         "O: antalgic gait favoring the right."]


def _inputs(d: Path) -> dict[str, Path]:
    image = render_lines(LINES, dpi=150)
    files: dict[str, bytes] = {}
    files["note.pdf"] = text_pdf_bytes([LINES, ["Page 2: lumbar strain, profile x 14 days."]])
    buf = io.BytesIO()
    image.save(buf, format="TIFF", save_all=True, append_images=[image.rotate(0)], dpi=(150, 150))
    files["scan.tiff"] = buf.getvalue()
    buf = io.BytesIO()
    image.save(buf, format="PNG", dpi=(150, 150))
    files["photo.png"] = buf.getvalue()
    buf = io.BytesIO()
    image.convert("RGB").save(buf, format="JPEG", quality=90, dpi=(150, 150))
    files["fax.jpg"] = buf.getvalue()
    files["empty.pdf"] = b""
    files["renamed.pdf"] = b"Dear VA, this is a text file that was renamed to .pdf.\n" * 10
    files["truncated.pdf"] = text_pdf_bytes([LINES])[:400]
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf_bytes([LINES]))))
    writer.encrypt(user_password="secret", owner_password="owner")
    buf = io.BytesIO()
    writer.write(buf)
    files["encrypted.pdf"] = buf.getvalue()
    files["huge.png"] = png_header_only(30_000, 30_000)
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("records/inner-note.pdf", text_pdf_bytes([["VA PROGRESS NOTE", "Uses a cane."]]))
        z.writestr("../../escape.pdf", text_pdf_bytes([["nope"]]))
        z.writestr("bomb.pdf", b"\0" * (200 * 1024 * 1024))
    files["bundle.zip"] = zbuf.getvalue()
    paths = {}
    for name, data in files.items():
        (d / name).write_bytes(data)
        paths[name] = d / name
    return paths


def test_every_bad_file_fails_alone_with_its_reason(data_dir: Path, clean_broker: None, tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    pool = WorkerPool(tmp_path / "worker.log", concurrency=2, extra_env={"CLAIMDEX_OCR_DPI": "150"})
    try:
        queue_files("mixed", list(inputs.values()))
        p = wait_for_claim("mixed", timeout=300)
    finally:
        pool.stop()
    assert p["status"] == "partial"
    files = {f["filename"]: f for f in p["files"]}
    for name, pages in [("note.pdf", 2), ("scan.tiff", 2), ("photo.png", 1), ("fax.jpg", 1),
                        ("bundle.zip/records/inner-note.pdf", 1)]:
        assert files[name]["status"] == "done", files[name]
        assert files[name]["pages_done"] == pages
    expected_codes = {
        "empty.pdf": "empty_file",
        "renamed.pdf": "unsupported_type",
        "truncated.pdf": "corrupt_pdf",
        "encrypted.pdf": "encrypted_pdf",
        "huge.png": "image_too_large",
    }
    for name, code in expected_codes.items():
        f = files[name]
        assert f["status"] == "failed", f
        assert [e["code"] for e in f["errors"]] == [code], f["errors"]
        assert name in f["errors"][0]["message"]
    bundle_codes = sorted(e["code"] for e in files["bundle.zip"]["errors"])
    assert bundle_codes == ["unsafe_zip_path", "zip_bomb"], files["bundle.zip"]["errors"]
    assert not any("escape" in name for name in files)
    assert not (tmp_path.parent / "escape.pdf").exists()
    from tests.workers.pipeline_support import export_claim

    texts = " ".join(pg["text"] for pg in export_claim("mixed")["pages"]).lower()
    assert "antalgic gait" in texts and "uses a cane" in texts
