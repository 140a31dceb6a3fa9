"""Flag review: list, confirm / dismiss with a note, one or many. Re-indexing follows, best effort."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, BackgroundTasks, Depends, Query
from pydantic import BaseModel, Field

from api.dependencies import MAX_PAGE, OpenClaim, csrf_protect, open_claim, require_physician, work_queue
from claims.accounts import Principal
from claims.reviews import FlagFilter, list_flags, review_flags
from claims.work_queue import WorkQueue

router = APIRouter(tags=["review"])

ReviewStatus = Literal["confirmed", "dismissed", "pending"]


class Review(BaseModel):
    status: ReviewStatus
    note: str | None = Field(default=None, max_length=4000)


class BulkReview(Review):
    flag_ids: list[str] = Field(min_length=1, max_length=1000)


@router.get("/api/claims/{claim_id}/flags")
def flags(
    category: list[str] = Query(default_factory=list),
    status: list[ReviewStatus] = Query(default_factory=list),
    record_type: list[str] = Query(default_factory=list),
    file_id: str | None = Query(None, max_length=64),
    page: int | None = Query(None, ge=1, le=MAX_PAGE),
    include_stale: bool = False,
    c: OpenClaim = Depends(open_claim),
) -> dict[str, Any]:
    found = list_flags(c.db, c.claim_id, FlagFilter(category, status, record_type, file_id, page, include_stale))
    c.audit("flags_list", count=len(found))
    return {"flags": found}


@router.post("/api/claims/{claim_id}/flags/{flag_id}/review")
def review_flag(body: Review, background: BackgroundTasks, flag_id: str,
                _physician: Principal = Depends(require_physician), _csrf: Principal = Depends(csrf_protect),
                c: OpenClaim = Depends(open_claim), queue: WorkQueue = Depends(work_queue)) -> dict[str, Any]:
    (flag,) = review_flags(c.db, c.principal, c.claim_id, [flag_id], body.status, body.note)
    c.db.commit()
    background.add_task(queue.index_claim, c.claim_id)
    return flag


@router.post("/api/claims/{claim_id}/flags/review")
def review_flags_bulk(body: BulkReview, background: BackgroundTasks,
                      _physician: Principal = Depends(require_physician), _csrf: Principal = Depends(csrf_protect),
                      c: OpenClaim = Depends(open_claim), queue: WorkQueue = Depends(work_queue)) -> dict[str, Any]:
    flags = review_flags(c.db, c.principal, c.claim_id, body.flag_ids, body.status, body.note, bulk=True)
    c.db.commit()
    background.add_task(queue.index_claim, c.claim_id)
    return {"updated": len(flags), "flags": flags}
