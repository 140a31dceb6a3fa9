"""Document corrections by a physician: a document's type, or a boundary (split / merge) at a page.
The file is analysed again afterwards (queued), replaying every correction."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, BackgroundTasks, Depends
from pydantic import BaseModel, Field

from api.dependencies import MAX_PAGE, OpenClaim, csrf_protect, open_claim, require_physician, work_queue
from claims.accounts import Principal
from claims.corrections import correct_document, reclassify_document
from claims.work_queue import WorkQueue
from config.vocabulary import RECORD_TYPES

router = APIRouter(tags=["review"])


class Reclassify(BaseModel):
    record_type: Literal[RECORD_TYPES]  # type: ignore[valid-type]


class BoundaryFix(BaseModel):
    file_id: str = Field(min_length=1, max_length=64)
    page: int = Field(ge=2, le=MAX_PAGE, description="a new document starts here (split) or it continues "
                                                       "the previous one (merge)")
    kind: Literal["split", "merge"]


@router.post("/api/claims/{claim_id}/documents/{document_id}/reclassify")
def reclassify(body: Reclassify, background: BackgroundTasks, document_id: str,
               _physician: Principal = Depends(require_physician), _csrf: Principal = Depends(csrf_protect),
               c: OpenClaim = Depends(open_claim), queue: WorkQueue = Depends(work_queue)) -> dict[str, Any]:
    """Set a document's record type; recorded as a correction every later analysis replays."""
    done = reclassify_document(c.db, c.principal, c.claim_id, document_id, body.record_type)
    c.db.commit()
    background.add_task(queue.analyse_file, done.file_id)
    return {"document_id": document_id, "record_type": done.record_type, "origin": done.origin}


@router.post("/api/claims/{claim_id}/documents/boundary", status_code=202)
def fix_boundary(body: BoundaryFix, background: BackgroundTasks,
                 _physician: Principal = Depends(require_physician), _csrf: Principal = Depends(csrf_protect),
                 c: OpenClaim = Depends(open_claim), queue: WorkQueue = Depends(work_queue)) -> dict[str, Any]:
    """Split a document at a page, or merge a page into the previous document; the file is re-segmented."""
    done = correct_document(c.db, c.principal, c.claim_id, body.file_id, body.page, body.kind)
    c.db.commit()
    background.add_task(queue.analyse_file, done.file_id)
    return {"file_id": done.file_id, "page": done.page, "kind": done.kind, "status": "re-segmentation queued"}
