"""The claim as JSON (contracts/export.schema.json) and its progress, read from SQL."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.models import Claim, Document, FileError, Flag, Page, ServicePeriod, SourceFile


class ClaimNotFound(LookupError):
    pass


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _file_errors(session: Session, file_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    errors: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if not file_ids:
        return errors
    for e in session.scalars(
        select(FileError).where(FileError.file_id.in_(file_ids)).order_by(FileError.page, FileError.id)
    ):
        errors[e.file_id].append({"page": e.page, "code": e.code, "message": e.message})
    return errors


def _claim_and_files(session: Session, claim_id: str) -> tuple[Claim, list[SourceFile]]:
    """The claim and its files in upload order (the order exports and progress list them in)."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise ClaimNotFound(claim_id)
    files = list(session.scalars(select(SourceFile).where(SourceFile.claim_id == claim_id)
                                 .order_by(SourceFile.created_at, SourceFile.filename)))
    return claim, files


def build_export(session: Session, claim_id: str) -> dict[str, Any]:
    _, files = _claim_and_files(session, claim_id)
    file_order = {f.file_id: i for i, f in enumerate(files)}
    errors = _file_errors(session, [f.file_id for f in files])
    pages = sorted(
        session.scalars(select(Page).where(Page.claim_id == claim_id)),
        key=lambda p: (file_order.get(p.file_id, 0), p.page_number),
    )
    documents = sorted(
        session.scalars(select(Document).where(Document.claim_id == claim_id)),
        key=lambda d: (file_order.get(d.file_id, 0), d.first_page),
    )
    flags = sorted(
        session.scalars(select(Flag).where(Flag.claim_id == claim_id)),
        key=lambda g: (file_order.get(g.file_id, 0), g.page_number, g.start, g.category),
    )
    periods = list(session.scalars(select(ServicePeriod).where(ServicePeriod.claim_id == claim_id)))
    return {
        "schema_version": 1,
        "claim_id": claim_id,
        "service_periods": [
            {"start": _iso(sp.start), "end": _iso(sp.end), "branch": sp.branch,
             "start_precision": sp.start_precision, "end_precision": sp.end_precision,
             "source": {"file_id": sp.file_id, "page": sp.page}}
            for sp in periods
        ],
        "files": [
            {"file_id": f.file_id, "filename": f.filename, "sha256": f.sha256, "page_count": f.page_count,
             "status": f.status, "errors": errors.get(f.file_id, []), "kind": f.kind,
             "parent_file_id": f.parent_file_id}
            for f in files
        ],
        "pages": [
            {"file_id": p.file_id, "page": p.page_number, "text": p.text or "",
             "source": p.source if p.source in ("text_layer", "ocr", "failed") else "failed",
             "ocr_confidence": p.ocr_confidence, "rotation": p.rotation if p.rotation in (0, 90, 180, 270) else 0,
             "document_id": p.document_id, "status": p.status}
            for p in pages
        ],
        "documents": [
            {"document_id": d.document_id, "file_id": d.file_id, "first_page": d.first_page,
             "last_page": d.last_page, "record_type": d.record_type, "confidence": round(d.confidence, 4),
             "date": _iso(d.date), "title": d.title, "vbms_type_id": d.vbms_type_id, "origin": d.origin}
            for d in documents
        ],
        "flags": [
            {"flag_id": g.flag_id, "category": g.category, "file_id": g.file_id, "page": g.page_number,
             "document_id": g.document_id, "record_type": g.record_type, "text": g.text,
             "sentence": g.sentence, "start": g.start, "end": g.end, "negated": g.negated,
             "historical": g.historical, "hypothetical": g.hypothetical, "experiencer": g.experiencer,
             "polarity": g.polarity, "in_service": g.in_service, "date": _iso(g.date), "status": g.status,
             "boxes": g.boxes or [], "note": g.note, "stale": g.stale}
            for g in flags
        ],
    }


def claim_progress(session: Session, claim_id: str) -> dict[str, Any]:
    claim, files = _claim_and_files(session, claim_id)
    counts: dict[tuple[str, str], int] = {
        (fid, status): n
        for fid, status, n in session.execute(
            select(Page.file_id, Page.status, func.count()).where(Page.claim_id == claim_id)
            .group_by(Page.file_id, Page.status)
        ).all()
    }
    errors = _file_errors(session, [f.file_id for f in files])
    out_files = []
    for f in files:
        out_files.append({
            "file_id": f.file_id, "filename": f.filename, "status": f.status, "kind": f.kind,
            "page_count": f.page_count, "pages_done": counts.get((f.file_id, "done"), 0),
            "pages_failed": counts.get((f.file_id, "failed"), 0), "errors": errors.get(f.file_id, []),
        })
    processable = [f for f in out_files if f["kind"] != "zip"]
    finished = all(f["status"] in ("done", "partial", "failed") for f in out_files)
    if not out_files:
        status = "empty"
    elif not finished:
        status = "processing"
    elif all(f["status"] == "done" for f in out_files):
        status = "done"
    elif all(f["status"] == "failed" for f in processable) and processable:
        status = "failed"
    else:
        status = "partial"
    return {
        "claim_id": claim_id,
        "status": status,
        "files": out_files,
        "pages_total": sum(f["page_count"] for f in processable),
        "pages_done": sum(f["pages_done"] for f in processable),
        "pages_failed": sum(f["pages_failed"] for f in processable),
        "index_status": claim.index_status,
        "index_error": claim.index_error,
    }
