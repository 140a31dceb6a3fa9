"""ZIP archives are untrusted: hostile paths and bombs are refused, the good members still come through."""

from __future__ import annotations

import io
import stat
import time
import zipfile
from pathlib import Path

import pytest

from claims.input_kinds import InputError
from claims.zip_expansion import expand_zip
from config.settings import Settings
from tests.fixture_files import text_pdf_bytes, write

PDF = text_pdf_bytes([["a record"]])


def _zip(path: Path, members: dict[str, bytes], symlinks: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, target)
    return path


def test_good_members_extracted_and_hostile_paths_reported(tmp_path: Path, settings: Settings) -> None:
    archive = _zip(
        tmp_path / "upload.zip",
        {
            "records/a.pdf": PDF,
            "b.pdf": PDF + b"%b",
            "../evil.pdf": PDF,
            "/etc/abs.pdf": PDF,
            "records\\..\\..\\win.pdf": PDF,
            "__MACOSX/records/._a.pdf": b"junk",
            "records/.DS_Store": b"junk",
            "records/": b"",
        },
        symlinks={"link.pdf": "/etc/passwd"},
    )
    dest = tmp_path / "out" / "x"
    members, errors = expand_zip(archive, dest, settings)

    assert sorted(m.name for m in members) == ["b.pdf", "records/a.pdf"]
    for m in members:
        assert m.path.is_file() and dest in m.path.parents
    assert {m.name: m.path.read_bytes() for m in members}["records/a.pdf"] == PDF
    assert {e.code for e in errors} == {"unsafe_zip_path"}
    messages = " | ".join(e.message for e in errors)
    for name in ("../evil.pdf", "/etc/abs.pdf", "win.pdf", "link.pdf"):
        assert name in messages
    assert not (tmp_path / "out" / "evil.pdf").exists() and not (tmp_path / "evil.pdf").exists()
    assert all(p.name != "evil.pdf" for p in tmp_path.rglob("*"))


def test_zip_bomb_member_is_refused_while_streaming(tmp_path: Path, settings: Settings) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open("huge.pdf", "w") as out:
            block = b"\x00" * (1024 * 1024)
            for _ in range(64):
                out.write(block)  # 64 MiB of zeros: compresses ~1000:1
        zf.writestr("fine.pdf", PDF)
    assert archive.stat().st_size < 200_000

    started = time.monotonic()
    members, errors = expand_zip(archive, tmp_path / "out", settings)
    assert time.monotonic() - started < 5
    assert [m.name for m in members] == ["fine.pdf"]
    assert [e.code for e in errors] == ["zip_bomb"] and "huge.pdf" in errors[0].message
    written = sum(p.stat().st_size for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert written < 10 * 1024 * 1024  # stopped early, and the partial file was removed


def test_archive_over_the_total_uncompressed_limit_is_refused_whole(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, max_zip_uncompressed_bytes=300_000)
    archive = _zip(tmp_path / "big.zip", {f"r{i}.pdf": PDF + bytes(range(256)) * 400 for i in range(5)})
    with pytest.raises(InputError) as err:
        expand_zip(archive, tmp_path / "out", settings)
    assert err.value.code == "zip_bomb"
    assert not [p for p in (tmp_path / "out").rglob("*") if p.is_file()]  # nothing left behind


def test_too_many_members_is_refused(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, max_zip_members=5)
    archive = _zip(tmp_path / "many.zip", {f"r{i}.pdf": PDF for i in range(8)})
    with pytest.raises(InputError) as err:
        expand_zip(archive, tmp_path / "out", settings)
    assert err.value.code == "zip_too_many_members"


def test_nested_zip_is_expanded_one_level_and_deeper_is_refused(tmp_path: Path, settings: Settings) -> None:
    deepest = _zip(tmp_path / "deepest.zip", {"d.pdf": PDF})
    inner = _zip(tmp_path / "inner.zip", {"i.pdf": PDF, "deeper.zip": deepest.read_bytes()})
    archive = _zip(tmp_path / "outer.zip", {"o.pdf": PDF, "inner.zip": inner.read_bytes()})
    members, errors = expand_zip(archive, tmp_path / "out", settings)
    assert sorted(m.name for m in members) == ["inner.zip/i.pdf", "o.pdf"]
    assert [e.code for e in errors] == ["nested_zip_too_deep"]
    assert "deeper.zip" in errors[0].message


def test_corrupt_zip_raises_corrupt_zip(tmp_path: Path, settings: Settings) -> None:
    good = _zip(tmp_path / "g.zip", {"a.pdf": PDF}).read_bytes()
    with pytest.raises(InputError) as err:
        expand_zip(write(tmp_path / "bad.zip", good[: len(good) // 2]), tmp_path / "out", settings)
    assert err.value.code == "corrupt_zip"


def test_damaged_member_fails_alone(tmp_path: Path, settings: Settings) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bad.pdf", PDF * 20)
        zf.writestr("good.pdf", PDF)
    data = bytearray(buf.getvalue())
    data[60:80] = b"\xff" * 20  # inside bad.pdf's compressed bytes
    members, errors = expand_zip(write(tmp_path / "d.zip", bytes(data)), tmp_path / "out", settings)
    assert [m.name for m in members] == ["good.pdf"]
    assert [e.code for e in errors] == ["corrupt_zip_member"] and "bad.pdf" in errors[0].message


def test_empty_archive_is_reported(tmp_path: Path, settings: Settings) -> None:
    members, errors = expand_zip(_zip(tmp_path / "e.zip", {}), tmp_path / "out", settings)
    assert members == [] and [e.code for e in errors] == ["empty_zip"]


def test_member_whose_header_understates_its_size_is_not_extracted(tmp_path: Path, settings: Settings) -> None:
    archive = tmp_path / "liar.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("liar.pdf", PDF + b"\x00" * 2_000_000)
    data = bytearray(archive.read_bytes())
    real = (len(PDF) + 2_000_000).to_bytes(4, "little")
    for at in [i for i in range(len(data) - 4) if data[i : i + 4] == real]:
        data[at : at + 4] = (1000).to_bytes(4, "little")  # local header and central directory
    members, errors = expand_zip(write(archive, bytes(data)), tmp_path / "out", settings)
    assert members == []
    assert [e.code for e in errors] == ["corrupt_zip_member"]
    assert not [p for p in (tmp_path / "out").rglob("*") if p.is_file()]


def test_very_long_member_name_is_extracted_under_a_short_file_name(tmp_path: Path, settings: Settings) -> None:
    long_name = "records/" + "é" * 200 + ".pdf"  # 400+ bytes: over the file system's 255-byte limit
    members, errors = expand_zip(_zip(tmp_path / "long.zip", {long_name: PDF}), tmp_path / "out", settings)
    assert errors == [] and [m.name for m in members] == [long_name]
    assert members[0].path.read_bytes() == PDF and members[0].path.suffix == ".pdf"
