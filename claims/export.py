"""The claim as JSON (contracts/export.schema.json), read from SQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.progress import claim_and_files, file_errors, iso
from store.models import Document, Flag, Page, ServicePeriod


def build_export(session: Session, claim_id: str) -> dict[str, Any]:
    _, files = claim_and_files(session, claim_id)
    file_order = {f.file_id: i for i, f in enumerate(files)}
    errors = file_errors(session, [f.file_id for f in files])
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
            {"start": iso(sp.start), "end": iso(sp.end), "branch": sp.branch,
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
             "date": iso(d.date), "title": d.title, "vbms_type_id": d.vbms_type_id, "origin": d.origin}
            for d in documents
        ],
        "flags": [
            {"flag_id": g.flag_id, "category": g.category, "file_id": g.file_id, "page": g.page_number,
             "document_id": g.document_id, "record_type": g.record_type, "text": g.text,
             "sentence": g.sentence, "start": g.start, "end": g.end, "negated": g.negated,
             "historical": g.historical, "hypothetical": g.hypothetical, "experiencer": g.experiencer,
             "polarity": g.polarity, "in_service": g.in_service, "date": iso(g.date), "status": g.status,
             "boxes": g.boxes or [], "note": g.note, "stale": g.stale}
            for g in flags
        ],
    }
