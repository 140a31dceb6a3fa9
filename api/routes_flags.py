"""Flag review (confirm / dismiss with a note, one or many) and document corrections.

SQL is the system of record for provider work: the review is committed first, and re-indexing /
re-segmentation are queued afterwards, best effort (a down index delays facets, never loses a review).
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from api import audit
from api.access import require_claim
from api.auth import Principal, csrf_protect, current_principal, get_db, require_physician
from api.routes_claims import MAX_PAGE, ClaimId
from api.routes_pages import filenames, flag_json, get_document
from api.routes_search import FLAG_CATEGORIES, RECORD_TYPES
from store.models import Document, DocumentCorrection, Flag, SourceFile, utcnow

router = APIRouter(tags=["review"])

ReviewStatus = Literal["confirmed", "dismissed", "pending"]


class Review(BaseModel):
    status: ReviewStatus
    note: str | None = Field(default=None, max_length=4000)


class BulkReview(Review):
    flag_ids: list[str] = Field(min_length=1, max_length=1000)


class Reclassify(BaseModel):
    record_type: Literal[RECORD_TYPES]  # type: ignore[valid-type]


class BoundaryFix(BaseModel):
    file_id: str = Field(min_length=1, max_length=64)
    page: int = Field(ge=2, le=MAX_PAGE, description="a new document starts here (split) or it continues "
                                                       "the previous one (merge)")
    kind: Literal["split", "merge"]


@router.get("/api/claims/{claim_id}/flags")
def list_flags(
    claim_id: str = ClaimId,
    category: list[str] = Query(default_factory=list),
    status: list[ReviewStatus] = Query(default_factory=list),
    record_type: list[str] = Query(default_factory=list),
    file_id: str | None = Query(None, max_length=64),
    page: int | None = Query(None, ge=1, le=MAX_PAGE),
    include_stale: bool = False,
    principal: Principal = Depends(current_principal),
    db: Session = Depends(get_db),
) -> dict[str, Any]:
    require_claim(db, principal, claim_id)
    if set(category) - set(FLAG_CATEGORIES) or set(record_type) - set(RECORD_TYPES):
        raise HTTPException(status_code=422, detail="unknown category or record type")
    q = select(Flag).where(Flag.claim_id == claim_id)
    if category:
        q = q.where(Flag.category.in_(category))
    if status:
        q = q.where(Flag.status.in_(status))
    if record_type:
        q = q.where(Flag.record_type.in_(record_type))
    if file_id:
        q = q.where(Flag.file_id == file_id)
    if page is not None:
        q = q.where(Flag.page_number == page)
    if not include_stale:
        q = q.where(Flag.stale.is_(False))
    flags = list(db.scalars(q.order_by(Flag.file_id, Flag.page_number, Flag.start)))
    names = filenames(db, claim_id)
    audit.record(db, principal, "flags_list", claim_id, count=len(flags))
    return {"flags": [{**flag_json(g), "filename": names.get(g.file_id)} for g in flags]}


def _apply_review(db: Session, principal: Principal, claim_id: str, flag_ids: list[str], review: Review
                  ) -> list[Flag]:
    flags = list(db.scalars(select(Flag).where(Flag.claim_id == claim_id, Flag.flag_id.in_(flag_ids))))
    if len(flags) != len(set(flag_ids)):
        raise HTTPException(status_code=404, detail="no such flag")
    now = utcnow()
    for g in flags:
        g.status = review.status
        if review.note is not None:
            g.note = review.note or None
        g.reviewed_by, g.reviewed_at = principal.username, now
    db.flush()
    return flags


def _after_review(request: Request, background: BackgroundTasks, claim_id: str) -> None:
    background.add_task(request.app.state.reindex, claim_id)


@router.post("/api/claims/{claim_id}/flags/{flag_id}/review")
def review_flag(body: Review, request: Request, background: BackgroundTasks, flag_id: str,
                claim_id: str = ClaimId, principal: Principal = Depends(require_physician),
                _csrf: Principal = Depends(csrf_protect), db: Session = Depends(get_db)) -> dict[str, Any]:
    require_claim(db, principal, claim_id)
    (flag,) = _apply_review(db, principal, claim_id, [flag_id], body)
    audit.record(db, principal, "flag_review", claim_id, flag_id=flag_id, status=body.status,
                 note=audit.fingerprint(body.note) if body.note else None)
    db.commit()
    _after_review(request, background, claim_id)
    return flag_json(flag)


@router.post("/api/claims/{claim_id}/flags/review")
def review_flags_bulk(body: BulkReview, request: Request, background: BackgroundTasks, claim_id: str = ClaimId,
                      principal: Principal = Depends(require_physician), _csrf: Principal = Depends(csrf_protect),
                      db: Session = Depends(get_db)) -> dict[str, Any]:
    require_claim(db, principal, claim_id)
    flags = _apply_review(db, principal, claim_id, body.flag_ids, body)
    audit.record(db, principal, "flag_review_bulk", claim_id, flag_ids=[g.flag_id for g in flags][:1000],
                 status=body.status)
    db.commit()
    _after_review(request, background, claim_id)
    return {"updated": len(flags), "flags": [flag_json(g) for g in flags]}


@router.post("/api/claims/{claim_id}/documents/{document_id}/reclassify")
def reclassify(body: Reclassify, request: Request, background: BackgroundTasks, document_id: str,
               claim_id: str = ClaimId, principal: Principal = Depends(require_physician),
               _csrf: Principal = Depends(csrf_protect), db: Session = Depends(get_db)) -> dict[str, Any]:
    """Set a document's record type; recorded as a correction the pipeline replays on re-segmentation."""
    require_claim(db, principal, claim_id)
    d: Document = get_document(db, claim_id, document_id)
    db.add(DocumentCorrection(file_id=d.file_id, kind="type", page=d.first_page, record_type=body.record_type,
                              created_by=principal.username))
    old = d.record_type
    d.record_type, d.origin = body.record_type, "corrected"
    db.execute(update(Flag).where(Flag.document_id == document_id, Flag.claim_id == claim_id)
               .values(record_type=body.record_type))
    audit.record(db, principal, "document_reclassify", claim_id, document_id=document_id, old=old,
                 new=body.record_type)
    db.commit()
    _after_review(request, background, claim_id)
    return {"document_id": document_id, "record_type": d.record_type, "origin": d.origin}


@router.post("/api/claims/{claim_id}/documents/boundary", status_code=202)
def fix_boundary(body: BoundaryFix, request: Request, background: BackgroundTasks, claim_id: str = ClaimId,
                 principal: Principal = Depends(require_physician), _csrf: Principal = Depends(csrf_protect),
                 db: Session = Depends(get_db)) -> dict[str, Any]:
    """Split a document at a page, or merge a page into the previous document; the file is re-segmented."""
    require_claim(db, principal, claim_id)
    f = db.scalar(select(SourceFile).where(SourceFile.file_id == body.file_id, SourceFile.claim_id == claim_id))
    if f is None:
        raise HTTPException(status_code=404, detail="no such file")
    if body.page > f.page_count:
        raise HTTPException(status_code=422, detail=f"the file has {f.page_count} page(s)")
    db.add(DocumentCorrection(file_id=f.file_id, kind=body.kind, page=body.page, created_by=principal.username))
    audit.record(db, principal, "document_boundary", claim_id, file_id=f.file_id, page=body.page, kind=body.kind)
    db.commit()
    background.add_task(request.app.state.resegment, f.file_id)
    return {"file_id": f.file_id, "page": body.page, "kind": body.kind, "status": "re-segmentation queued"}
