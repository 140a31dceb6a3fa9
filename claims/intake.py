"""Registering uploads: originals into the blob store, ZIPs expanded, one row per file, then queueing.

Intake never fails a whole upload for one bad file: each file gets its own row and its own errors.
"""

from __future__ import annotations

import logging
import re
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from claims import audit
from claims.access import can_open, grant_claim
from claims.accounts import Principal
from claims.errors import ClaimNotFound, Conflict, Invalid
from claims.file_errors import record_file_error
from claims.input_kinds import InputError, sniff_kind
from claims.zip_expansion import expand_zip
from config.settings import Settings, get_settings
from store.blobs import BlobStore, BlobTooLarge
from store.ids import file_id_for
from store.models import Claim, Job, SourceFile

log = logging.getLogger(__name__)

PROCESSABLE_KINDS = frozenset({"pdf", "tiff", "png", "jpeg"})
# The one pattern of a claim id, checked at every entry (CLI, HTTP): it appears in URLs, file names of
# downloads and HTTP headers, so it is letters, digits, '.', '_' and '-' only.
CLAIM_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"
CLAIM_ID_RULE = "a claim id is 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit"


def check_claim_id(claim_id: str) -> str:
    if not re.fullmatch(CLAIM_ID_PATTERN, claim_id or ""):
        raise Invalid(CLAIM_ID_RULE)
    return claim_id


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
    check_claim_id(claim_id)
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


def create_claim(session: Session, principal: Principal, claim_id: str, title: str | None = None) -> Claim:
    """Create a claim and grant it to its creator. A taken id is refused whoever owns it."""
    check_claim_id(claim_id)
    if session.get(Claim, claim_id) is not None:
        raise Conflict("claim id not available")
    claim = Claim(claim_id=claim_id, title=title)
    session.add(claim)
    session.flush()
    grant_claim(session, principal.username, claim_id)
    audit.record(session, principal, "claim_create", claim_id)
    return claim


def upload_files(session: Session, principal: Principal, claim_id: str, uploads: list[tuple[str, Path]]
                 ) -> IntakeResult:
    """A staff upload into a claim: created (and granted to them) if new, else only if they may open it."""
    check_claim_id(claim_id)
    if session.get(Claim, claim_id) is None:
        create_claim(session, principal, claim_id)
    elif not can_open(session, principal, claim_id):
        raise ClaimNotFound(claim_id)
    result = add_uploads(session, claim_id, uploads, created_by=principal.username)
    audit.record(session, principal, "upload", claim_id, job_id=result.job_id, files=len(result.file_ids),
                 file_ids=result.file_ids[:100])
    return result
