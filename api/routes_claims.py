"""Claims: list, create, overview, progress (JSON and server-sent events), who may open them."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api import audit
from api.access import accessible_claims, claim_users, grant_claim, require_claim, revoke_claim
from api.auth import Principal, csrf_protect, current_principal, get_db, require_staff
from api.export import claim_progress
from store.auth_models import User
from store.db import session_scope
from store.models import Claim, Document, Flag, SourceFile

router = APIRouter(tags=["claims"])

CLAIM_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"
ClaimId = Path(min_length=1, max_length=128)
# Page numbers and ids are bounded so absurd values answer 404/422, never overflow a database integer.
MAX_PAGE = 1_000_000
PageNumber = Path(ge=1, le=MAX_PAGE)
FINISHED = ("done", "partial", "failed")


class ClaimCreate(BaseModel):
    claim_id: str = Field(pattern=CLAIM_ID_PATTERN)
    title: str | None = Field(default=None, max_length=256)


class AccessGrant(BaseModel):
    username: str = Field(min_length=1, max_length=128)


def create_claim(db: Session, principal: Principal, claim_id: str, title: str | None = None) -> Claim:
    """Create a claim and grant it to its creator. A taken id answers 409 whoever owns it."""
    if db.get(Claim, claim_id) is not None:
        raise HTTPException(status_code=409, detail="claim id not available")
    claim = Claim(claim_id=claim_id, title=title)
    db.add(claim)
    db.flush()
    grant_claim(db, principal.username, claim_id)
    audit.record(db, principal, "claim_create", claim_id)
    return claim


def claim_summary(db: Session, claim: Claim) -> dict[str, Any]:
    n_files = db.scalar(select(func.count()).select_from(SourceFile).where(SourceFile.claim_id == claim.claim_id))
    pages = db.scalar(select(func.coalesce(func.sum(SourceFile.page_count), 0))
                      .where(SourceFile.claim_id == claim.claim_id, SourceFile.kind != "zip"))
    return {"claim_id": claim.claim_id, "title": claim.title, "created_at": claim.created_at.isoformat() + "Z",
            "files": n_files, "pages": pages, "index_status": claim.index_status}


def claim_overview(db: Session, claim_id: str) -> dict[str, Any]:
    """What the overview page shows: files and failures, documents by type, flag counts."""
    progress = claim_progress(db, claim_id)
    docs = list(db.scalars(select(Document).where(Document.claim_id == claim_id)
                           .order_by(Document.date.is_(None), Document.date, Document.first_page)))
    names = {f["file_id"]: f["filename"] for f in progress["files"]}
    by_type: dict[str, list[dict[str, Any]]] = {}
    for d in docs:
        by_type.setdefault(d.record_type, []).append({
            "document_id": d.document_id, "file_id": d.file_id, "filename": names.get(d.file_id, ""),
            "first_page": d.first_page, "last_page": d.last_page, "date": d.date.isoformat() if d.date else None,
            "title": d.title, "confidence": round(d.confidence, 3), "origin": d.origin})
    flag_rows = db.execute(select(Flag.category, Flag.status, func.count()).where(
        Flag.claim_id == claim_id, Flag.stale.is_(False)).group_by(Flag.category, Flag.status)).all()
    flags: dict[str, dict[str, int]] = {}
    for category, status, n in flag_rows:
        flags.setdefault(category, Counter())[status] += n
    return {"progress": progress, "documents_by_type": by_type,
            "flags_by_category": {k: dict(v) for k, v in sorted(flags.items())}}


@router.get("/api/claims")
def list_claims(principal: Principal = Depends(current_principal), db: Session = Depends(get_db)
                ) -> dict[str, Any]:
    claims = accessible_claims(db, principal)
    audit.record(db, principal, "claims_list", count=len(claims))
    return {"claims": [claim_summary(db, c) for c in claims]}


@router.post("/api/claims", status_code=201)
def post_claim(body: ClaimCreate, principal: Principal = Depends(require_staff),
               _csrf: Principal = Depends(csrf_protect), db: Session = Depends(get_db)) -> dict[str, Any]:
    return claim_summary(db, create_claim(db, principal, body.claim_id, body.title))


@router.get("/api/claims/{claim_id}")
def get_claim(claim_id: str = ClaimId, principal: Principal = Depends(current_principal),
              db: Session = Depends(get_db)) -> dict[str, Any]:
    claim = require_claim(db, principal, claim_id)
    audit.record(db, principal, "claim_read", claim_id)
    return {**claim_summary(db, claim), **claim_overview(db, claim_id)}


@router.get("/api/claims/{claim_id}/progress")
def get_progress(claim_id: str = ClaimId, principal: Principal = Depends(current_principal),
                 db: Session = Depends(get_db)) -> dict[str, Any]:
    require_claim(db, principal, claim_id)
    audit.record(db, principal, "progress_read", claim_id)
    return claim_progress(db, claim_id)


def _progress_now(claim_id: str) -> dict[str, Any]:
    with session_scope() as s:
        return claim_progress(s, claim_id)


@router.get("/api/claims/{claim_id}/events", response_class=StreamingResponse,
            responses={200: {"content": {"text/event-stream": {}}}})
def progress_events(request: Request, claim_id: str = ClaimId, interval: float = Query(1.0, ge=0.2, le=30),
                    principal: Principal = Depends(current_principal), db: Session = Depends(get_db)
                    ) -> StreamingResponse:
    """Server-sent events: one `progress` event per interval until every file has finished."""
    require_claim(db, principal, claim_id)
    audit.record(db, principal, "progress_stream", claim_id)
    db.commit()

    async def stream() -> AsyncIterator[str]:
        last = None
        for _ in range(int(3600 / interval)):
            p = await run_in_threadpool(_progress_now, claim_id)
            payload = json.dumps(p)
            if payload != last:
                yield f"event: progress\ndata: {payload}\n\n"
                last = payload
            if p["status"] in FINISHED or await request.is_disconnected():
                yield "event: end\ndata: {}\n\n"
                return
            await asyncio.sleep(interval)

    return StreamingResponse(stream(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


@router.get("/api/claims/{claim_id}/access")
def list_access(claim_id: str = ClaimId, principal: Principal = Depends(require_staff),
                db: Session = Depends(get_db)) -> dict[str, Any]:
    require_claim(db, principal, claim_id)
    audit.record(db, principal, "access_read", claim_id)
    return {"users": [{"username": u.username, "role": u.role} for u in claim_users(db, claim_id)]}


@router.post("/api/claims/{claim_id}/access")
def add_access(body: AccessGrant, claim_id: str = ClaimId, principal: Principal = Depends(require_staff),
               _csrf: Principal = Depends(csrf_protect), db: Session = Depends(get_db)) -> dict[str, Any]:
    require_claim(db, principal, claim_id)
    try:
        grant_claim(db, body.username, claim_id)
    except LookupError as exc:
        raise HTTPException(status_code=404, detail="no such user") from exc
    audit.record(db, principal, "access_grant", claim_id, user=body.username)
    return {"users": [{"username": u.username, "role": u.role} for u in claim_users(db, claim_id)]}


@router.delete("/api/claims/{claim_id}/access/{username}")
def remove_access(username: str, claim_id: str = ClaimId, principal: Principal = Depends(require_staff),
                  _csrf: Principal = Depends(csrf_protect), db: Session = Depends(get_db)) -> dict[str, Any]:
    require_claim(db, principal, claim_id)
    try:
        removed = revoke_claim(db, username, claim_id)
    except LookupError as exc:
        raise HTTPException(status_code=404, detail="no such user") from exc
    audit.record(db, principal, "access_revoke", claim_id, user=username)
    return {"removed": removed}


@router.get("/api/users")
def list_users(principal: Principal = Depends(require_staff), db: Session = Depends(get_db)) -> dict[str, Any]:
    """Staff pick whom to assign a claim to; only names and roles are listed."""
    users = db.scalars(select(User).order_by(User.username))
    return {"users": [{"username": u.username, "role": u.role} for u in users]}
