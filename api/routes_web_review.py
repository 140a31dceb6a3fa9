"""The review queue page: flags to confirm or dismiss, filtered, with keyboard shortcuts."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from api import audit
from api.access import require_claim
from api.auth import Principal, current_principal, get_db
from api.routes_pages import filenames, flag_json
from api.routes_search import FLAG_CATEGORIES, RECORD_TYPES
from api.routes_web import render
from store.models import Flag

router = APIRouter(include_in_schema=False)


@router.get("/claims/{claim_id}/review")
def review_page(request: Request, claim_id: str, category: str = Query("", max_length=64),
                status: str = Query("pending", max_length=16), record_type: str = Query("", max_length=64),
                principal: Principal = Depends(current_principal), db: Session = Depends(get_db)) -> Response:
    claim = require_claim(db, principal, claim_id)
    q = select(Flag).where(Flag.claim_id == claim_id, Flag.stale.is_(False))
    if category in FLAG_CATEGORIES:
        q = q.where(Flag.category == category)
    if status in ("pending", "confirmed", "dismissed"):
        q = q.where(Flag.status == status)
    if record_type in RECORD_TYPES:
        q = q.where(Flag.record_type == record_type)
    flags = list(db.scalars(q.order_by(Flag.category, Flag.file_id, Flag.page_number, Flag.start).limit(2000)))
    names = filenames(db, claim_id)
    audit.record(db, principal, "review_queue_read", claim_id, count=len(flags))
    return render(request, "review.html", principal, claim=claim,
                  flags=[{**flag_json(g), "filename": names.get(g.file_id, "")} for g in flags],
                  filters={"category": category, "status": status, "record_type": record_type},
                  can_review=principal.role == "physician")
