"""Finding 6 of issue 14: the disk filled by a small ZIP. Members were stored before their type was
checked, members under 4 MB escaped the ratio check (600 junk members of a 2.5 MB ZIP grew the blob store
by 2.4 GB), and of five refused members status showed one. Now members are sniffed before anything is
written, an upload has a byte budget and a file count, an archive's overall expansion ratio is checked,
and every refused member has its own error row."""

from __future__ import annotations

import io
import random
import string
import zipfile
from pathlib import Path

from sqlalchemy import select

from claims.intake import add_uploads
from claims.progress import claim_progress
from config.settings import Settings
from store.db import session_scope
from store.models import FileError, SourceFile
from tests.fixture_files import text_pdf_bytes

PDF = text_pdf_bytes([["a record"]])


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _blob_bytes(data_dir: Path) -> int:
    return sum(p.stat().st_size for p in (data_dir / "blobs").rglob("*") if p.is_file())


def _noise(n: int, seed: int) -> bytes:
    rng = random.Random(seed)
    return "".join(rng.choice(string.ascii_letters + " \n") for _ in range(n)).encode()


def test_every_refused_member_has_its_own_error_and_is_shown(data_dir: Path, tmp_path: Path) -> None:
    archive = _zip(tmp_path / "records.zip", {
        "good.pdf": PDF, "notes-1.txt": _noise(5000, 1), "notes-2.txt": _noise(5000, 2),
        "scan.gif": b"GIF89a" + _noise(3000, 3), "letter.docx": b"PK\x03\x04[Content_Types].xml" + bytes(100),
        "../escape.pdf": PDF + b"%x"})
    with session_scope() as s:
        result = add_uploads(s, "z1", [(archive.name, archive)])
    assert sorted(code for _, code, _ in result.errors) == ["unsafe_zip_path"] + ["unsupported_type"] * 4
    with session_scope() as s:
        progress = claim_progress(s, "z1")
    errors = next(f["errors"] for f in progress["files"] if f["filename"] == "records.zip")
    assert len(errors) == 5
    shown = " | ".join(e["message"] for e in errors)
    for name in ("notes-1.txt", "notes-2.txt", "scan.gif", "letter.docx", "escape.pdf"):
        assert name in shown
    names = {f["filename"] for f in progress["files"]}
    assert names == {"records.zip", "records.zip/good.pdf"}  # refused members are not files of the claim


def test_junk_members_are_refused_before_anything_is_written(data_dir: Path, tmp_path: Path) -> None:
    junk = {f"junk/{i:03d}.dat": (f"{i:03d} ".encode() + b"lorem ipsum dolor sit amet " * 40_000)[: 1024 * 1024]
            for i in range(60)}
    archive = _zip(tmp_path / "junk.zip", junk)
    assert archive.stat().st_size < 400_000  # 60 MiB expanded
    with session_scope() as s:
        result = add_uploads(s, "z2", [(archive.name, archive)])
    assert len(result.errors) == 60 and {c for _, c, _ in result.errors} == {"unsupported_type"}
    assert _blob_bytes(data_dir) == archive.stat().st_size  # only the upload itself is kept
    with session_scope() as s:
        rows = list(s.scalars(select(FileError)))
        assert len(rows) == 60 and len({r.member for r in rows}) == 60
        assert [f.filename for f in s.scalars(select(SourceFile))] == ["junk.zip"]
    assert not [p for p in data_dir.rglob("*.dat")]


def test_many_small_members_that_expand_too_much_together_refuse_the_archive(data_dir: Path,
                                                                              tmp_path: Path) -> None:
    # Each member is under the 4 MB floor of the per-member ratio check; together they expand ~1000x.
    padded = {f"r{i:02d}.pdf": PDF + bytes(1024 * 1024) for i in range(30)}
    archive = _zip(tmp_path / "padded.zip", padded)
    with session_scope() as s:
        result = add_uploads(s, "z3", [(archive.name, archive)])
    assert [c for _, c, _ in result.errors] == ["zip_bomb"]
    assert "CLAIMDEX_MAX_ZIP_RATIO" in result.errors[0][2]
    assert _blob_bytes(data_dir) == archive.stat().st_size
    with session_scope() as s:
        assert [(f.filename, f.status) for f in s.scalars(select(SourceFile))] == [("padded.zip", "failed")]


def test_an_upload_has_a_file_count_and_a_byte_budget(data_dir: Path, tmp_path: Path) -> None:
    first = _zip(tmp_path / "first.zip", {f"a{i}.pdf": PDF + bytes([i]) for i in range(3)})
    second = _zip(tmp_path / "second.zip", {f"b{i}.pdf": PDF + bytes([i, i]) for i in range(3)})
    few = Settings(data_dir=data_dir, max_upload_files=5)
    with session_scope() as s:
        result = add_uploads(s, "z4", [(p.name, p) for p in (first, second)], settings=few)
    assert [(f, c) for f, c, _ in result.errors] == [("second.zip", "upload_too_many_files")]
    assert "CLAIMDEX_MAX_UPLOAD_FILES" in result.errors[0][2]
    with session_scope() as s:
        assert sorted(f.filename for f in s.scalars(select(SourceFile)) if f.parent_file_id) == [
            f"first.zip/a{i}.pdf" for i in range(3)]

    big = [tmp_path / f"big{i}.pdf" for i in range(3)]
    for i, p in enumerate(big):
        p.write_bytes(PDF + _noise(40_000, i))
    small = Settings(data_dir=data_dir, max_upload_bytes=100_000)
    before = _blob_bytes(data_dir)
    with session_scope() as s:
        result = add_uploads(s, "z5", [(p.name, p) for p in big], settings=small)
    assert [(f, c) for f, c, _ in result.errors] == [("big2.pdf", "upload_too_large")]
    assert "CLAIMDEX_MAX_UPLOAD_BYTES" in result.errors[0][2]
    assert _blob_bytes(data_dir) - before == sum(p.stat().st_size for p in big[:2])


def test_a_member_is_sniffed_from_its_first_bytes_while_streaming(tmp_path: Path, settings: Settings) -> None:
    from claims.zip_expansion import expand_zip

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.pdf", PDF)
        zf.writestr("b.pdf", b"this is text, not a pdf " * 10)
    (tmp_path / "m.zip").write_bytes(buf.getvalue())
    members, errors = expand_zip(tmp_path / "m.zip", tmp_path / "out", settings)
    assert [m.name for m in members] == ["a.pdf"]
    assert [(e.code, e.member) for e in errors] == [("unsupported_type", 2)] and "b.pdf" in errors[0].message
    assert [p.name for p in (tmp_path / "out").iterdir()] == [members[0].path.name]
