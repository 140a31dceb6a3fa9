"""Registering uploads: originals into the blob store, ZIPs expanded, one row per file, then queueing.

Intake never fails a whole upload for one bad file: each file gets its own row and its own errors.
"""

from __future__ import annotations

import logging
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from config.settings import Settings, get_settings
from store.blobs import BlobStore, BlobTooLarge
from store.ids import file_id_for
from store.models import Claim, FileError, Job, SourceFile
from workers.page_result import InputError

log = logging.getLogger(__name__)

PROCESSABLE_KINDS = frozenset({"pdf", "tiff", "png", "jpeg"})


@dataclass
class IntakeResult:
    job_id: str
    claim_id: str
    # Every file this upload names (including ZIP members), new or already known.
    file_ids: list[str] = field(default_factory=list)
    # The files that need processing (new, or interrupted before they finished).
    queued_file_ids: list[str] = field(default_factory=list)
    # Files refused at intake: (filename, code, message).
    errors: list[tuple[str, str, str]] = field(default_factory=list)


def ensure_claim(session: Session, claim_id: str) -> Claim:
    if not claim_id or len(claim_id) > 128:
        raise ValueError("a claim id is 1 to 128 characters")
    claim = session.get(Claim, claim_id)
    if claim is None:
        try:
            with session.begin_nested():
                claim = Claim(claim_id=claim_id)
                session.add(claim)
        except IntegrityError:
            # Another upload created the claim at the same moment.
            claim = session.get(Claim, claim_id)
            assert claim is not None
    return claim


def add_uploads(
    session: Session,
    claim_id: str,
    uploads: list[tuple[str, Path]],
    created_by: str | None = None,
    settings: Settings | None = None,
) -> IntakeResult:
    """Store each upload (filename as the user named it, path of its bytes on disk) in the claim."""
    settings = settings or get_settings()
    ensure_claim(session, claim_id)
    blobs = BlobStore(settings.blob_dir)
    result = IntakeResult(job_id=uuid.uuid4().hex, claim_id=claim_id)
    for filename, path in uploads:
        _add_one(session, blobs, settings, claim_id, filename, Path(path), None, result)
    session.add(Job(job_id=result.job_id, claim_id=claim_id, created_by=created_by, file_ids=result.file_ids))
    session.flush()
    return result


def _add_one(
    session: Session,
    blobs: BlobStore,
    settings: Settings,
    claim_id: str,
    filename: str,
    path: Path,
    parent_file_id: str | None,
    result: IntakeResult,
) -> None:
    from workers.input_kinds import sniff_kind

    try:
        sha, size = blobs.put_file(path, max_bytes=settings.max_file_bytes)
    except BlobTooLarge as exc:
        result.errors.append((filename, "file_too_large", f"{filename}: {exc}"))
        return
    except OSError as exc:
        result.errors.append((filename, "unreadable_file", f"{filename}: cannot be read ({exc.strerror})"))
        return

    file_id = file_id_for(claim_id, sha)
    existing = session.get(SourceFile, file_id)
    result.file_ids.append(file_id)
    if existing is not None:
        # The same bytes again: nothing new. Only an interrupted file is queued again.
        if existing.status in ("queued", "processing") and existing.kind in PROCESSABLE_KINDS:
            result.queued_file_ids.append(file_id)
        return

    row = SourceFile(
        file_id=file_id,
        claim_id=claim_id,
        filename=filename[:1024],
        sha256=sha,
        size=size,
        parent_file_id=parent_file_id,
        status="queued",
    )
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        # The same bytes uploaded at the same moment by another request: that request owns the file.
        return
    try:
        row.kind = sniff_kind(blobs.path_for(sha))
    except InputError as exc:
        _fail_file(session, row, exc, filename)
        result.errors.append((filename, exc.code, exc.message))
        return

    if row.kind == "zip":
        _expand_archive(session, blobs, settings, claim_id, row, result)
    else:
        result.queued_file_ids.append(file_id)


def _expand_archive(
    session: Session,
    blobs: BlobStore,
    settings: Settings,
    claim_id: str,
    archive: SourceFile,
    result: IntakeResult,
) -> None:
    from workers.zip_expansion import expand_zip

    with tempfile.TemporaryDirectory(dir=settings.data_dir) as tmp:
        try:
            members, errors = expand_zip(blobs.path_for(archive.sha256), Path(tmp), settings)
        except InputError as exc:
            _fail_file(session, archive, exc, archive.filename)
            result.errors.append((archive.filename, exc.code, exc.message))
            return
        for err in errors:
            record_file_error(session, archive.file_id, err.page, err.code, f"{archive.filename}: {err.message}")
            result.errors.append((archive.filename, err.code, err.message))
        for member in members:
            name = f"{archive.filename}/{member.name}"
            _add_one(session, blobs, settings, claim_id, name, member.path, archive.file_id, result)
    archive.status = "partial" if errors else "done"


def _fail_file(session: Session, row: SourceFile, exc: InputError, filename: str) -> None:
    row.status = "failed"
    record_file_error(session, row.file_id, exc.page, exc.code, f"{filename}: {exc.message}")


def record_file_error(session: Session, file_id: str, page: int | None, code: str, message: str) -> None:
    """One error per (file, page, code): a retried task re-records, never duplicates."""
    existing = session.scalar(
        select(FileError).where(FileError.file_id == file_id, FileError.page == page, FileError.code == code)
    )
    if existing is None:
        session.add(FileError(file_id=file_id, page=page, code=code, message=message))
    else:
        existing.message = message
    session.flush()



def enqueue_files(file_ids: list[str]) -> None:
    from workers.tasks import ingest_file

    for file_id in file_ids:
        ingest_file.delay(file_id)
