"""The claim as JSON (contracts/export.schema.json), read from SQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.progress import claim_and_files, file_errors, iso
from config.contracts import EXPORT_SCHEMA_VERSION
from store.models import Document, Encounter, Flag, Page, ServicePeriod


def date_source(page: int | None, line: int | None, role: str | None) -> dict[str, Any] | None:
    """Where a date was read, for the reader: page, line, role ("signature line, p. 15")."""
    return {"page": page, "line": line, "role": role} if page else None


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
    encounters = sorted(
        session.scalars(select(Encounter).where(Encounter.claim_id == claim_id)),
        key=lambda e: (file_order.get(e.file_id, 0), e.first_page, e.start),
    )
    periods = list(session.scalars(select(ServicePeriod).where(ServicePeriod.claim_id == claim_id)))
    return {
        "schema_version": EXPORT_SCHEMA_VERSION,
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
             "date": iso(d.date), "title": d.title, "vbms_type_id": d.vbms_type_id, "origin": d.origin,
             "date_precision": d.date_precision,
             "date_source": date_source(d.date_source_page, d.date_source_line, d.date_source_role)}
            for d in documents
        ],
        "encounters": [
            {"encounter_id": e.encounter_id, "document_id": e.document_id, "file_id": e.file_id,
             "first_page": e.first_page, "last_page": e.last_page, "start": e.start, "end": e.end,
             "date": iso(e.date), "date_precision": e.date_precision,
             "date_source": date_source(e.date_source_page, e.date_source_line, e.date_source_role),
             "kind": e.kind, "provider": e.provider, "facility": e.facility, "in_service": e.in_service}
            for e in encounters
        ],
        "flags": [
            {"flag_id": g.flag_id, "category": g.category, "file_id": g.file_id, "page": g.page_number,
             "document_id": g.document_id, "record_type": g.record_type, "text": g.text,
             "sentence": g.sentence, "start": g.start, "end": g.end, "negated": g.negated,
             "historical": g.historical, "hypothetical": g.hypothetical, "experiencer": g.experiencer,
             "polarity": g.polarity, "in_service": g.in_service, "date": iso(g.date), "status": g.status,
             "boxes": g.boxes or [], "note": g.note, "stale": g.stale,
             "spans": g.spans or [[g.start, g.end]], "encounter_id": g.encounter_id,
             "record_date": iso(g.record_date), "record_date_precision": g.record_date_precision,
             "event_date": iso(g.event_date), "event_date_precision": g.event_date_precision,
             "source": g.source, "score": g.score}
            for g in flags
        ],
    }
