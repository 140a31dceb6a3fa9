"""The audit log, for staff: who read or changed which claim, when (JSON; the page is in api/web)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from api.dependencies import Db, require_staff
from claims import audit
from claims.access import require_claim
from claims.accounts import Principal
from claims.claim_ids import CLAIM_ID_OR_EMPTY_PATTERN

router = APIRouter(tags=["audit"])


@router.get("/api/audit")
def audit_events(claim_id: str | None = Query(None, max_length=128, pattern=CLAIM_ID_OR_EMPTY_PATTERN),
                 user: str | None = Query(None, max_length=128),
                 limit: int = Query(200, ge=1, le=1000), before_id: int | None = Query(None, ge=1, le=2**62),
                 principal: Principal = Depends(require_staff), db: Session = Db) -> dict[str, Any]:
    if claim_id:
        require_claim(db, principal, claim_id)
    events = audit.query_events(db, principal, claim_id=claim_id, username=user, limit=limit, before_id=before_id)
    audit.record_now(principal, "audit_read", claim_id, user=user)
    return {"events": [audit.event_json(e) for e in events],
            "next_before_id": events[-1].id if len(events) == limit else None}
