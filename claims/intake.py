"""Registering uploads: originals into the blob store, ZIPs expanded, one row per file, then queueing.

Intake never fails a whole upload for one bad file: each file gets its own row and its own errors.
"""

from __future__ import annotations

import logging
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from claims import audit
from claims.access import can_open, grant_claim
from claims.accounts import Principal
from claims.claim_ids import check_claim_id
from claims.errors import ClaimNotFound, Conflict
from claims.file_errors import record_file_error
from claims.input_kinds import InputError, sniff_kind
from claims.upload_budget import OverBudget, UploadBudget
from claims.zip_expansion import expand_zip
from config.settings import Settings, get_settings
from store.blobs import BlobStore, BlobTooLarge
from store.ids import file_id_for
from store.models import Claim, Job, SourceFile

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


@dataclass
class StagedFile:
    """One upload (or ZIP member) after the slow work: its bytes in the blob store and its kind known."""

    filename: str
    sha256: str | None = None  # None: refused before it was stored (too large, unreadable)
    size: int = 0
    kind: str | None = None
    error: InputError | None = None  # refused as a whole
    parent: int | None = None  # index (in the staged list) of the archive it came from
    # An archive's refused members (InputError.member numbers them): one error row each.
    member_errors: list[InputError] = field(default_factory=list)
    expanded: bool = False  # an archive whose members were staged (not one already known to the claim)


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


def known_file(session: Session, claim_id: str, sha256: str) -> bool:
    return session.get(SourceFile, file_id_for(claim_id, sha256)) is not None


def stage_uploads(uploads: list[tuple[str, Path]], settings: Settings | None = None,
                  known: Callable[[str], bool] | None = None) -> list[StagedFile]:
    """The slow part of intake, done before any write transaction (SQLite has one writer): originals into
    the blob store (content-addressed, so storing twice is harmless), kinds sniffed, ZIPs expanded. No SQL
    is written here; `known(sha256)` may read it, to skip expanding an archive the claim already has."""
    settings = settings or get_settings()
    blobs = BlobStore(settings.blob_dir)
    budget = UploadBudget(settings)
    staged: list[StagedFile] = []
    for filename, path in uploads:
        _stage_one(blobs, settings, budget, filename, Path(path), None, staged, known)
    return staged


def _stage_one(blobs: BlobStore, settings: Settings, budget: UploadBudget, filename: str, path: Path,
               parent: int | None, staged: list[StagedFile], known: Callable[[str], bool] | None) -> None:
    entry = StagedFile(filename=filename, parent=parent)
    staged.append(entry)
    if parent is None:  # a ZIP member was charged to the budget while it was expanded
        try:
            budget.add_file(filename)
            budget.add_bytes(path.stat().st_size, filename)
        except OverBudget as exc:
            entry.error = exc
            return
        except OSError as exc:
            entry.error = InputError("unreadable_file", f"{filename}: cannot be read ({exc.strerror})")
            return
    try:
        entry.sha256, entry.size = blobs.put_file(path, max_bytes=settings.max_file_bytes)
    except BlobTooLarge as exc:
        entry.error = InputError("file_too_large", f"{filename}: {exc}")
        return
    except OSError as exc:
        entry.error = InputError("unreadable_file", f"{filename}: cannot be read ({exc.strerror})")
        return
    try:
        entry.kind = sniff_kind(blobs.path_for(entry.sha256))
    except InputError as exc:
        entry.error = exc
        return
    if entry.kind == "zip" and not (known and known(entry.sha256)):
        _stage_archive(blobs, settings, budget, entry, len(staged) - 1, staged, known)


def _stage_archive(blobs: BlobStore, settings: Settings, budget: UploadBudget, archive: StagedFile, index: int,
                   staged: list[StagedFile], known: Callable[[str], bool] | None) -> None:
    assert archive.sha256 is not None
    archive.expanded = True
    with tempfile.TemporaryDirectory(dir=settings.data_dir) as tmp:
        try:
            members, errors = expand_zip(blobs.path_for(archive.sha256), Path(tmp), settings, budget)
        except InputError as exc:
            archive.error = exc
            return
        archive.member_errors = errors
        for member in members:
            _stage_one(blobs, settings, budget, f"{archive.filename}/{member.name}", member.path, index, staged,
                       known)


def register_uploads(session: Session, claim_id: str, staged: list[StagedFile], created_by: str | None = None
                     ) -> IntakeResult:
    """The short part of intake, in the caller's transaction: the claim if new, one row per staged file
    (an existing one is left alone), errors recorded, the job."""
    ensure_claim(session, claim_id)
    result = IntakeResult(job_id=uuid.uuid4().hex, claim_id=claim_id)
    owned: set[int] = set()  # staged archives whose rows this upload created: their members are ours
    for index, entry in enumerate(staged):
        if entry.parent is not None and entry.parent not in owned:
            continue
        if entry.sha256 is None:
            assert entry.error is not None
            result.errors.append((entry.filename, entry.error.code, entry.error.message))
            continue
        file_id = file_id_for(claim_id, entry.sha256)
        result.file_ids.append(file_id)
        existing = session.get(SourceFile, file_id)
        if existing is not None:
            # The same bytes again: nothing new. Only an interrupted file is queued again.
            if existing.status in ("queued", "processing") and existing.kind in PROCESSABLE_KINDS:
                result.queued_file_ids.append(file_id)
            continue
        row = SourceFile(file_id=file_id, claim_id=claim_id, filename=entry.filename[:1024], sha256=entry.sha256,
                         size=entry.size, kind=entry.kind or "unknown", status="queued",
                         parent_file_id=file_id_for(claim_id, staged[entry.parent].sha256 or "")
                         if entry.parent is not None else None)
        try:
            with session.begin_nested():
                session.add(row)
        except IntegrityError:
            # The same bytes uploaded at the same moment by another request: that request owns the file.
            continue
        owned.add(index)
        if entry.error is not None:
            _fail_file(session, row, entry.error, entry.filename)
            result.errors.append((entry.filename, entry.error.code, entry.error.message))
        elif row.kind == "zip":
            for err in entry.member_errors:
                record_file_error(session, file_id, err.page, err.code, f"{entry.filename}: {err.message}",
                                  member=err.member)
                result.errors.append((entry.filename, err.code, err.message))
            row.status = "partial" if entry.member_errors else "done"
        else:
            result.queued_file_ids.append(file_id)
    session.add(Job(job_id=result.job_id, claim_id=claim_id, created_by=created_by, file_ids=result.file_ids))
    session.flush()
    return result


def add_uploads(
    session: Session,
    claim_id: str,
    uploads: list[tuple[str, Path]],
    created_by: str | None = None,
    settings: Settings | None = None,
) -> IntakeResult:
    """Store each upload (filename as the user named it, path of its bytes on disk) in the claim: staged
    first (the session only reads), then registered in the session's transaction."""
    check_claim_id(claim_id)
    staged = stage_uploads(uploads, settings, known=lambda sha: known_file(session, claim_id, sha))
    return register_uploads(session, claim_id, staged, created_by)


def _fail_file(session: Session, row: SourceFile, exc: InputError, filename: str) -> None:
    row.status = "failed"
    record_file_error(session, row.file_id, exc.page, exc.code, f"{filename}: {exc.message}")


def create_claim(session: Session, principal: Principal, claim_id: str, title: str | None = None) -> Claim:
    """Create a claim and grant it to its creator. A taken id is refused whoever owns it."""
    check_claim_id(claim_id)
    if session.get(Claim, claim_id) is not None:
        # Yours: it exists. Someone else's: answered as a claim that does not exist, like every other route.
        if not can_open(session, principal, claim_id):
            raise ClaimNotFound(claim_id)
        raise Conflict("claim already exists")
    claim = Claim(claim_id=claim_id, title=title)
    session.add(claim)
    session.flush()
    grant_claim(session, principal.username, claim_id)
    audit.record(session, principal, "claim_create", claim_id)
    return claim


def upload_files(session: Session, principal: Principal, claim_id: str, staged: list[StagedFile]
                 ) -> IntakeResult:
    """A staff upload into a claim (staged beforehand with stage_uploads, outside any transaction):
    the claim is created (and granted to them) if new, else the files are added only if they may open it."""
    check_claim_id(claim_id)
    if session.get(Claim, claim_id) is None:
        create_claim(session, principal, claim_id)
    elif not can_open(session, principal, claim_id):
        raise ClaimNotFound(claim_id)
    result = register_uploads(session, claim_id, staged, created_by=principal.username)
    audit.record(session, principal, "upload", claim_id, job_id=result.job_id, files=len(result.file_ids),
                 file_ids=result.file_ids[:100])
    return result
