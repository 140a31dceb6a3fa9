from __future__ import annotations

import io
from pathlib import Path

import pytest

from store.blobs import BlobStore, BlobTooLarge
from store.ids import document_id_for, file_id_for, flag_id_for, page_id_for, sha256_bytes


def test_ids_are_deterministic_and_distinct() -> None:
    sha = sha256_bytes(b"claim file")
    assert file_id_for("c1", sha) == file_id_for("c1", sha)
    assert file_id_for("c1", sha) != file_id_for("c2", sha)
    f = file_id_for("c1", sha)
    assert page_id_for(f, 1) == page_id_for(f, 1) != page_id_for(f, 2)
    assert document_id_for(f, 3) != document_id_for(f, 4)
    p = page_id_for(f, 1)
    assert flag_id_for(p, "gait", 10, 20) != flag_id_for(p, "gait", 10, 21)
    assert flag_id_for(p, "gait", 10, 20) != flag_id_for(p, "injury", 10, 20)


def test_blob_store_keeps_the_same_bytes_once(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "blobs")
    sha1, n1 = blobs.put_bytes(b"%PDF-1.4 same bytes")
    sha2, n2 = blobs.put_stream(io.BytesIO(b"%PDF-1.4 same bytes"))
    assert sha1 == sha2 == sha256_bytes(b"%PDF-1.4 same bytes") and n1 == n2 == 19
    stored = [p for p in (tmp_path / "blobs").rglob("*") if p.is_file()]
    assert stored == [blobs.path_for(sha1)]
    assert blobs.path_for(sha1).read_bytes() == b"%PDF-1.4 same bytes"


def test_blob_store_refuses_an_oversized_upload_and_leaves_nothing(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "blobs")
    with pytest.raises(BlobTooLarge):
        blobs.put_stream(io.BytesIO(b"x" * 5000), max_bytes=4096)
    assert [p for p in (tmp_path / "blobs").rglob("*") if p.is_file()] == []
