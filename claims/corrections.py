"""A provider's correction of a document's type or boundary: one implementation for the CLI and HTTP.

A correction is stored (DocumentCorrection) and replayed over every later analysis of the file, so it
is never lost to re-processing. A type correction also takes effect at once on the document and its
flags, so the reader sees it before the file is analysed again. Then the file must be analysed again
(boundaries move, flags follow their documents): the HTTP interface queues that, the CLI runs it in
place (reanalyse_file_now).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from claims import audit
from claims.accounts import Principal
from claims.analysis import analyse_file
from claims.documents import get_document
from claims.errors import Invalid, NotFound
from config.vocabulary import RECORD_TYPES
from store.models import Document, DocumentCorrection, Flag, SourceFile

CORRECTION_KINDS = ("type", "split", "merge")


@dataclass(frozen=True)
class CorrectionResult:
    file_id: str
    page: int
    kind: str
    record_type: str | None
    document_id: str | None  # the corrected document (type corrections)
    origin: str | None = None


def resolve_file(session: Session, claim_id: str, file_ref: str) -> SourceFile:
    """A claim's file by its id, or by its name as uploaded (the name alone, or with its folder)."""
    f = session.scalar(select(SourceFile).where(SourceFile.file_id == file_ref, SourceFile.claim_id == claim_id))
    if f is not None:
        return f
    files = list(session.scalars(select(SourceFile).where(SourceFile.claim_id == claim_id)))
    named = [f for f in files if f.filename == file_ref]
    named = named or [f for f in files if f.filename.rsplit("/", 1)[-1] == file_ref]
    if not named:
        raise NotFound("no such file")
    if len(named) > 1:
        raise Invalid(f"{len(named)} files are named {file_ref}: give the file id (see `claimdex export`)")
    return named[0]


def correct_document(session: Session, who: Principal | str, claim_id: str, file_ref: str, page: int, kind: str,
                     record_type: str | None = None) -> CorrectionResult:
    """Record a correction at a page of a file: "type" (the document holding the page is of record_type),
    "split" (a document starts at the page), "merge" (the page continues the previous document)."""
    if kind not in CORRECTION_KINDS:
        raise Invalid(f"a correction is one of {', '.join(CORRECTION_KINDS)}")
    f = resolve_file(session, claim_id, file_ref)
    if not 1 <= page <= f.page_count:
        raise Invalid(f"the file has {f.page_count} page(s)")
    username = who if isinstance(who, str) else who.username
    if kind != "type":
        if page < 2:
            raise Invalid("the first page always starts a document")
        session.add(DocumentCorrection(file_id=f.file_id, kind=kind, page=page, created_by=username))
        audit.record(session, who, "document_boundary", claim_id, file_id=f.file_id, page=page, kind=kind)
        session.flush()
        return CorrectionResult(f.file_id, page, kind, None, None)

    if record_type not in RECORD_TYPES:
        raise Invalid("unknown record type")
    doc = session.scalar(select(Document).where(Document.file_id == f.file_id, Document.first_page <= page,
                                                Document.last_page >= page))
    start = doc.first_page if doc is not None else page
    session.add(DocumentCorrection(file_id=f.file_id, kind="type", page=start, record_type=record_type,
                                   created_by=username))
    old = None
    if doc is not None:
        old = doc.record_type
        doc.record_type, doc.origin, doc.confidence = record_type, "corrected", 1.0
        session.execute(update(Flag).where(Flag.document_id == doc.document_id, Flag.claim_id == claim_id)
                        .values(record_type=record_type))
    audit.record(session, who, "document_reclassify", claim_id, document_id=doc.document_id if doc else None,
                 file_id=f.file_id, page=start, old=old, new=record_type)
    session.flush()
    return CorrectionResult(f.file_id, start, "type", record_type, doc.document_id if doc else None,
                            doc.origin if doc else None)


def reclassify_document(session: Session, principal: Principal, claim_id: str, document_id: str,
                        record_type: str) -> CorrectionResult:
    """A type correction addressed by document (the web's reclassify)."""
    d = get_document(session, claim_id, document_id)
    return correct_document(session, principal, claim_id, d.file_id, d.first_page, "type", record_type)


def reanalyse_file_now(session: Session, file_id: str) -> None:
    """Analyse the file again in this process (the CLI, which may run without workers)."""
    f = session.get(SourceFile, file_id)
    if f is None:
        raise NotFound("no such file")
    analyse_file(session, f)
