"""Intake: originals by sha256, one row per file, bad files refused alone, duplicates add nothing."""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path

from sqlalchemy import func, select

from claims.intake import add_uploads
from store.db import session_scope
from store.models import FileError, SourceFile

PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _files(claim_id: str) -> list[SourceFile]:
    with session_scope() as s:
        return list(s.scalars(select(SourceFile).where(SourceFile.claim_id == claim_id)))


def test_same_bytes_twice_is_one_file(data_dir: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "copy of a.pdf"
    a.write_bytes(PDF_BYTES)
    b.write_bytes(PDF_BYTES)
    with session_scope() as s:
        first = add_uploads(s, "c1", [(a.name, a)])
    with session_scope() as s:
        second = add_uploads(s, "c1", [(b.name, b)])
    assert first.file_ids == second.file_ids
    assert len(_files("c1")) == 1
    blobs = [p for p in (data_dir / "blobs").rglob("*") if p.is_file()]
    assert len(blobs) == 1


def test_a_bad_file_is_refused_alone_with_its_name_and_reason(data_dir: Path, tmp_path: Path) -> None:
    good, empty, text = tmp_path / "good.pdf", tmp_path / "empty.pdf", tmp_path / "notes.pdf"
    good.write_bytes(PDF_BYTES)
    empty.write_bytes(b"")
    text.write_text("This is a plain text file that somebody renamed to .pdf\n" * 20)
    with session_scope() as s:
        result = add_uploads(s, "c2", [(p.name, p) for p in (good, empty, text)])
    by_name = {f.filename: f for f in _files("c2")}
    assert by_name["good.pdf"].status == "queued" and by_name["good.pdf"].kind == "pdf"
    assert result.queued_file_ids == [by_name["good.pdf"].file_id]
    codes = {name: code for name, code, _ in result.errors}
    assert codes == {"empty.pdf": "empty_file", "notes.pdf": "unsupported_type"}
    with session_scope() as s:
        errors = {e.file_id: e for e in s.scalars(select(FileError))}
    assert by_name["empty.pdf"].status == "failed"
    assert "empty.pdf" in errors[by_name["empty.pdf"].file_id].message


def test_zip_members_become_files_and_an_unsafe_member_is_reported(data_dir: Path, tmp_path: Path) -> None:
    archive = tmp_path / "records.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("str/sick-call.pdf", PDF_BYTES)
        z.writestr("../../etc/evil.pdf", PDF_BYTES + b"%evil")
    with session_scope() as s:
        result = add_uploads(s, "c3", [(archive.name, archive)])
    files = {f.filename: f for f in _files("c3")}
    assert files["records.zip"].kind == "zip" and files["records.zip"].status == "partial"
    member = files["records.zip/str/sick-call.pdf"]
    assert member.parent_file_id == files["records.zip"].file_id and member.kind == "pdf"
    assert result.queued_file_ids == [member.file_id]
    assert not any("evil" in name for name in files)
    assert [code for _, code, _ in result.errors] == ["unsafe_zip_path"]
    assert not (data_dir.parent / "etc").exists()


def test_the_same_file_uploaded_twice_at_the_same_moment_is_one_file(postgres_url: str, tmp_path: Path) -> None:
    path = tmp_path / "c-file.pdf"
    path.write_bytes(PDF_BYTES)
    barrier = threading.Barrier(2)
    results = []

    def upload() -> None:
        barrier.wait()
        with session_scope() as s:
            results.append(add_uploads(s, "same-time", [(path.name, path)]))

    threads = [threading.Thread(target=upload) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 2
    with session_scope() as s:
        assert s.scalar(select(func.count()).select_from(SourceFile)) == 1
    # Exactly one of the two uploads owns the processing of the file.
    assert sorted(len(r.queued_file_ids) for r in results) in ([0, 1], [1, 1])
