"""Unpack an uploaded ZIP into files the pipeline can ingest, without trusting the archive.

A ZIP's headers are written by whoever made it: names may climb out of the target directory,
entries may be symlinks, and declared sizes may lie. So names are sanitised, links refused, and
sizes counted from the bytes actually decompressed while streaming to disk (DESIGN.md §6).

A member's kind is decided from its first decompressed bytes before anything is written: junk is refused
without touching the disk. Limits: per member (expansion ratio above a floor), per archive (members,
bytes, and the ratio of everything it expanded to its own size, so many small members cannot add up to
a bomb), and per upload (claims/upload_budget.py). Each refused member is reported with its number.
"""

from __future__ import annotations

import logging
import re
import stat
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from claims.input_kinds import HEAD_BYTES, InputError, sniff_head, sniff_kind
from claims.upload_budget import OverBudget, UploadBudget
from config.settings import Settings

log = logging.getLogger(__name__)

_CHUNK = 1024 * 1024
# Below this many bytes a high ratio is harmless (a small blank page compresses extremely well).
_RATIO_FLOOR_BYTES = 4 * 1024 * 1024
_JUNK_PARTS = frozenset({"__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini", ".Spotlight-V100", ".Trashes"})
_UNSAFE_NAME_CHARS = re.compile(r"[\x00-\x1f<>:\"|?*]")
# Nested archives are expanded one level: a ZIP of ZIPs is a normal way to send several files,
# but deeper nesting is a decompression-bomb pattern with no everyday use.
_MAX_NESTING = 1


@dataclass
class ZipMember:
    name: str  # sanitised path inside the archive ("inner.zip/x.pdf" for a nested archive's member)
    path: Path  # the extracted file


class _ArchiveRefused(InputError):
    """A refusal of the whole archive (a bomb), as opposed to one bad member."""


class _Budget:
    """Bytes and members written so far, shared by an archive and the archives nested in it, and
    charged to the upload's budget as well."""

    def __init__(self, settings: Settings, archive_size: int, upload: UploadBudget) -> None:
        self.settings = settings
        self.archive_size = max(archive_size, 1)
        self.upload = upload
        self.bytes = 0
        self.members = 0  # members seen (their numbers), refused ones included
        self.files = 0  # members written (charged to the upload)

    def add_member(self, archive_label: str) -> None:
        self.members += 1
        if self.members > self.settings.max_zip_members:
            raise _ArchiveRefused(
                "zip_too_many_members",
                f"{archive_label} holds more than {self.settings.max_zip_members} files "
                "(limit CLAIMDEX_MAX_ZIP_MEMBERS); refused as a possible decompression bomb",
            )

    def add_file(self, display: str) -> None:
        self._upload(lambda: self.upload.add_file(display))
        self.files += 1

    def add_bytes(self, n: int, display: str = "") -> None:
        self.bytes += n
        if self.bytes > self.settings.max_zip_uncompressed_bytes:
            raise _ArchiveRefused(
                "zip_bomb",
                f"the archive expands to more than {self.settings.max_zip_uncompressed_bytes} bytes "
                "(limit CLAIMDEX_MAX_ZIP_UNCOMPRESSED_BYTES); refused as a decompression bomb",
            )
        ratio = self.settings.max_zip_ratio
        if self.bytes > _RATIO_FLOOR_BYTES and self.bytes / self.archive_size > ratio:
            raise _ArchiveRefused(
                "zip_bomb",
                f"the archive's members together expand more than {ratio:g}x ({self.archive_size} bytes, "
                f"at least {self.bytes} expanded; limit CLAIMDEX_MAX_ZIP_RATIO); refused as a decompression bomb",
            )
        self._upload(lambda: self.upload.add_bytes(n, display or "the archive"))

    @staticmethod
    def _upload(charge: Callable[[], None]) -> None:
        try:
            charge()
        except OverBudget as exc:
            raise _ArchiveRefused(exc.code, exc.message) from exc


def expand_zip(path: Path, dest_dir: Path, settings: Settings, upload: UploadBudget | None = None
               ) -> tuple[list[ZipMember], list[InputError]]:
    """Extract the ingestible members of a ZIP into dest_dir.

    Returns the extracted members and one InputError per member that was refused (unsafe path, not a
    supported kind, encrypted, corrupt, too compressed, nested too deep), numbered (InputError.member).
    Raises InputError for the archive as a whole when it cannot be read ("corrupt_zip"), is a bomb
    ("zip_bomb", "zip_too_many_members") or exceeds the upload's budget ("upload_too_large",
    "upload_too_many_files"); whatever was already written is then removed and given back to the budget.
    """
    dest_dir.mkdir(parents=True, exist_ok=True)
    upload = upload or UploadBudget(settings)
    budget = _Budget(settings, path.stat().st_size, upload)
    members: list[ZipMember] = []
    errors: list[InputError] = []
    try:
        _expand(path, dest_dir, "", 0, budget, members, errors)
    except InputError:
        for m in members:
            m.path.unlink(missing_ok=True)
        upload.give_back(budget.bytes, budget.files)
        raise
    if not members and not errors:
        errors.append(InputError("empty_zip", "the archive holds no files to ingest"))
    log.info("zip expanded", extra={"members": len(members), "refused": len(errors), "bytes": budget.bytes})
    return members, errors


def _expand(
    path: Path,
    dest_dir: Path,
    prefix: str,
    depth: int,
    budget: _Budget,
    members: list[ZipMember],
    errors: list[InputError],
) -> None:
    label = f"nested archive {prefix.rstrip('/')}" if prefix else "the archive"
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise InputError("corrupt_zip", f"{label} cannot be read as a ZIP: {exc}") from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > budget.settings.max_zip_members:
            budget.add_member(label)  # fails early on the central directory's count
        declared = sum(i.file_size for i in infos)
        if declared > budget.settings.max_zip_uncompressed_bytes:
            budget.add_bytes(declared)  # an honest header already says it is too big
        for info in infos:
            if info.is_dir() or _is_junk(info.filename):
                continue
            budget.add_member(label)
            number = budget.members
            display = prefix + info.filename
            try:
                name = prefix + sanitise_name(info)
                target = dest_dir / f"{budget.members:05d}-{_short(PurePosixPath(name).name)}"
                _stream_member(zf, info, target, budget, display)
            except _ArchiveRefused:
                raise
            except InputError as exc:
                exc.member = number
                errors.append(exc)
                continue
            if depth < _MAX_NESTING and _sniff_quietly(target) == "zip":
                nested_dir = dest_dir / f"{budget.members:05d}-nested"
                nested_dir.mkdir()
                try:
                    _expand(target, nested_dir, name + "/", depth + 1, budget, members, errors)
                except _ArchiveRefused:
                    raise
                except InputError as exc:
                    exc.member = number
                    errors.append(exc)  # one unreadable inner archive fails alone
                finally:
                    target.unlink(missing_ok=True)
                continue
            if _sniff_quietly(target) == "zip":
                target.unlink(missing_ok=True)
                errors.append(InputError(
                    "nested_zip_too_deep",
                    f"{display}: a ZIP inside a ZIP inside a ZIP; only one level of nesting is expanded",
                    member=number,
                ))
                continue
            members.append(ZipMember(name=name, path=target))


def sanitise_name(info: zipfile.ZipInfo) -> str:
    """The member's path, relative and clean, or InputError("unsafe_zip_path") if it is not."""
    raw = info.orig_filename if hasattr(info, "orig_filename") else info.filename
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise InputError("unsafe_zip_path", f"{raw}: is a symbolic link; links in archives are refused")
    normalised = raw.replace("\\", "/")
    if normalised.startswith("/") or re.match(r"^[A-Za-z]:", normalised):
        raise InputError("unsafe_zip_path", f"{raw}: is an absolute path; refused")
    parts = [p for p in normalised.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        raise InputError("unsafe_zip_path", f"{raw}: climbs out of the archive ('..'); refused")
    if not parts:
        raise InputError("unsafe_zip_path", f"{raw!r}: has no usable name; refused")
    return "/".join(_UNSAFE_NAME_CHARS.sub("_", p) for p in parts)


def _stream_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, budget: _Budget, display: str) -> None:
    if info.flag_bits & 0x1:
        raise InputError("encrypted_zip_member", f"{display}: is password-protected; refused")
    max_ratio = budget.settings.max_zip_ratio
    compressed = max(info.compress_size, 1)
    if info.file_size > _RATIO_FLOOR_BYTES and info.file_size / compressed > max_ratio:
        raise InputError("zip_bomb", _ratio_message(display, info.file_size, compressed, max_ratio))
    written = 0
    try:
        with zf.open(info) as src:
            # The first bytes decide the kind before anything is written: junk never reaches the disk.
            head = src.read(HEAD_BYTES)
            try:
                sniff_head(head)
            except InputError as exc:
                raise InputError(exc.code, f"{display}: {exc.message}") from exc
            budget.add_file(display)
            with open(target, "wb") as out:
                chunk = head
                while chunk:
                    written += len(chunk)
                    # Count what actually comes out: the header's file_size may lie.
                    if written > _RATIO_FLOOR_BYTES and written / compressed > max_ratio:
                        raise InputError("zip_bomb", _ratio_message(display, written, compressed, max_ratio))
                    budget.add_bytes(len(chunk), display)
                    out.write(chunk)
                    chunk = src.read(_CHUNK)
    except _ArchiveRefused:
        target.unlink(missing_ok=True)
        raise
    except InputError:
        target.unlink(missing_ok=True)
        raise
    except NotImplementedError as exc:
        target.unlink(missing_ok=True)
        raise InputError("unsupported_zip_member", f"{display}: {exc}") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        target.unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.errno is not None:
            raise  # disk full or similar: ours, not the archive's fault; let the caller retry
        raise InputError("corrupt_zip_member", f"{display}: cannot be decompressed ({exc})") from exc


def _short(basename: str, limit: int = 100) -> str:
    """A file-system-safe length for the extracted file (the full name is kept in ZipMember.name)."""
    if len(basename.encode()) <= limit:
        return basename
    suffix = PurePosixPath(basename).suffix[:10]
    return basename.encode()[: limit - len(suffix.encode())].decode(errors="ignore") + suffix


def _ratio_message(display: str, size: int, compressed: int, max_ratio: float) -> str:
    return (
        f"{display}: expands more than {max_ratio:g}x ({compressed} bytes compressed, at least {size} "
        "uncompressed; limit CLAIMDEX_MAX_ZIP_RATIO); refused as a decompression bomb"
    )


def _is_junk(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return any(p in _JUNK_PARTS for p in parts) or parts[-1].startswith("._")


def _sniff_quietly(path: Path) -> str | None:
    try:
        return sniff_kind(path)
    except InputError:
        return None

