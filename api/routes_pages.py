"""Documents and pages of a claim: lists, details, page text with word boxes and flags."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api import audit
from api.access import require_claim
from api.auth import Principal, current_principal, get_db
from api.routes_claims import ClaimId, PageNumber
from api.routes_search import RECORD_TYPES
from store.models import Document, Flag, Page, SourceFile

router = APIRouter(tags=["pages"])


def document_json(d: Document, filename: str | None = None) -> dict[str, Any]:
    return {"document_id": d.document_id, "file_id": d.file_id, "filename": filename,
            "first_page": d.first_page, "last_page": d.last_page, "record_type": d.record_type,
            "confidence": round(d.confidence, 4), "date": d.date.isoformat() if d.date else None,
            "title": d.title, "vbms_type_id": d.vbms_type_id, "origin": d.origin}


def flag_json(g: Flag) -> dict[str, Any]:
    return {"flag_id": g.flag_id, "category": g.category, "file_id": g.file_id, "page": g.page_number,
            "page_id": g.page_id, "document_id": g.document_id, "record_type": g.record_type, "text": g.text,
            "sentence": g.sentence, "start": g.start, "end": g.end, "negated": g.negated,
            "historical": g.historical, "hypothetical": g.hypothetical, "experiencer": g.experiencer,
            "polarity": g.polarity, "in_service": g.in_service, "date": g.date.isoformat() if g.date else None,
            "boxes": g.boxes or [], "status": g.status, "note": g.note, "reviewed_by": g.reviewed_by,
            "reviewed_at": g.reviewed_at.isoformat() + "Z" if g.reviewed_at else None, "stale": g.stale}


def filenames(db: Session, claim_id: str) -> dict[str, str]:
    """file_id → filename for a claim, so lists can cite files by name."""
    rows = db.execute(select(SourceFile.file_id, SourceFile.filename).where(SourceFile.claim_id == claim_id)).all()
    return {fid: name for fid, name in rows}


def get_document(db: Session, claim_id: str, document_id: str) -> Document:
    d = db.scalar(select(Document).where(Document.document_id == document_id, Document.claim_id == claim_id))
    if d is None:
        raise HTTPException(status_code=404, detail="no such document")
    return d


@router.get("/api/claims/{claim_id}/documents")
def list_documents(claim_id: str = ClaimId, type: str | None = Query(None),  # noqa: A002
                   principal: Principal = Depends(current_principal), db: Session = Depends(get_db)
                   ) -> dict[str, Any]:
    require_claim(db, principal, claim_id)
    if type is not None and type not in RECORD_TYPES:
        raise HTTPException(status_code=422, detail="unknown record type")
    q = select(Document).where(Document.claim_id == claim_id)
    if type:
        q = q.where(Document.record_type == type)
    names = filenames(db, claim_id)
    docs = [document_json(d, names.get(d.file_id)) for d in db.scalars(q.order_by(Document.file_id,
                                                                                   Document.first_page))]
    audit.record(db, principal, "documents_list", claim_id, count=len(docs))
    return {"documents": docs}


@router.get("/api/claims/{claim_id}/documents/{document_id}")
def document_detail(document_id: str, claim_id: str = ClaimId, principal: Principal = Depends(current_principal),
                    db: Session = Depends(get_db)) -> dict[str, Any]:
    require_claim(db, principal, claim_id)
    d = get_document(db, claim_id, document_id)
    flags = list(db.scalars(select(Flag).where(Flag.claim_id == claim_id, Flag.document_id == document_id)
                            .order_by(Flag.page_number, Flag.start)))
    audit.record(db, principal, "document_read", claim_id, document_id=document_id)
    return {**document_json(d, filenames(db, claim_id).get(d.file_id)),
            "pages": list(range(d.first_page, d.last_page + 1)), "flags": [flag_json(g) for g in flags]}


def page_detail(db: Session, claim_id: str, file_id: str, page: int) -> dict[str, Any]:
    f = db.scalar(select(SourceFile).where(SourceFile.file_id == file_id, SourceFile.claim_id == claim_id))
    row = db.scalar(select(Page).where(Page.file_id == file_id, Page.page_number == page,
                                       Page.claim_id == claim_id)) if f else None
    if f is None or row is None:
        raise HTTPException(status_code=404, detail="no such page")
    doc = db.get(Document, row.document_id) if row.document_id else None
    flags = list(db.scalars(select(Flag).where(Flag.page_id == row.page_id, Flag.claim_id == claim_id)
                            .order_by(Flag.start)))
    last = db.scalar(select(func.max(Page.page_number)).where(Page.file_id == file_id)) or page
    return {
        "page_id": row.page_id, "claim_id": claim_id, "file_id": file_id, "filename": f.filename, "page": page,
        "page_count": max(f.page_count, last), "status": row.status, "source": row.source,
        "ocr_confidence": row.ocr_confidence, "rotation": row.rotation, "width": row.width, "height": row.height,
        "text": row.text or "", "words": row.words or [], "error_code": row.error_code,
        "error_message": row.error_message,
        "document": document_json(doc, f.filename) if doc and doc.claim_id == claim_id else None,
        "flags": [flag_json(g) for g in flags],
        "prev_page": page - 1 if page > 1 else None, "next_page": page + 1 if page < last else None,
    }


@router.get("/api/claims/{claim_id}/files/{file_id}/pages/{page}")
def get_page(file_id: str, page: int = PageNumber, claim_id: str = ClaimId,
             principal: Principal = Depends(current_principal), db: Session = Depends(get_db)) -> dict[str, Any]:
    """One page: text, words with boxes (PDF points, top-left origin), flags, neighbours."""
    require_claim(db, principal, claim_id)
    out = page_detail(db, claim_id, file_id, page)
    audit.record(db, principal, "page_read", claim_id, file_id=file_id, page=page)
    return out
