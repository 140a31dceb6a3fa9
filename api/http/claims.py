"""Claims: list, create, overview, progress (JSON and server-sent events), who may open them."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from api.dependencies import Db, OpenClaim, csrf_protect, current_principal, open_claim, read_claim, require_staff
from claims import account_changes, audit
from claims.access import accessible_claims, claim_users
from claims.accounts import Principal
from claims.claim_ids import CLAIM_ID_PATTERN
from claims.errors import NotFound
from claims.intake import create_claim
from claims.progress import FINISHED, claim_overview, claim_progress, claim_summary
from store.db import session_scope

router = APIRouter(tags=["claims"])


class ClaimCreate(BaseModel):
    claim_id: str = Field(pattern=CLAIM_ID_PATTERN)
    title: str | None = Field(default=None, max_length=256)


class AccessGrant(BaseModel):
    username: str = Field(min_length=1, max_length=128)


def _users(db: Session, claim_id: str) -> dict[str, Any]:
    return {"users": [{"username": u.username, "role": u.role} for u in claim_users(db, claim_id)]}


@router.get("/api/claims")
def list_claims(principal: Principal = Depends(current_principal), db: Session = Db
                ) -> dict[str, Any]:
    claims = accessible_claims(db, principal)
    audit.record_now(principal, "claims_list", count=len(claims))
    return {"claims": [claim_summary(db, c) for c in claims]}


@router.post("/api/claims", status_code=201)
def post_claim(body: ClaimCreate, principal: Principal = Depends(require_staff),
               _csrf: Principal = Depends(csrf_protect), db: Session = Db) -> dict[str, Any]:
    return claim_summary(db, create_claim(db, principal, body.claim_id, body.title))


@router.get("/api/claims/{claim_id}")
def get_claim(c: OpenClaim = Depends(read_claim("claim_read"))) -> dict[str, Any]:
    return {**claim_summary(c.db, c.claim), **claim_overview(c.db, c.claim_id)}


@router.get("/api/claims/{claim_id}/progress")
def get_progress(c: OpenClaim = Depends(read_claim("progress_read"))) -> dict[str, Any]:
    return claim_progress(c.db, c.claim_id)


def _progress_now(claim_id: str) -> dict[str, Any]:
    with session_scope() as s:
        return claim_progress(s, claim_id)


@router.get("/api/claims/{claim_id}/events", response_class=StreamingResponse,
            responses={200: {"content": {"text/event-stream": {}}}})
def progress_events(request: Request, interval: float = Query(1.0, ge=0.2, le=30),
                    c: OpenClaim = Depends(read_claim("progress_stream"))) -> StreamingResponse:
    """Server-sent events: one `progress` event per interval until every file has finished."""
    c.db.commit()
    claim_id = c.claim_id

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
def list_access(_staff: Principal = Depends(require_staff), c: OpenClaim = Depends(read_claim("access_read"))
                ) -> dict[str, Any]:
    return _users(c.db, c.claim_id)


@router.post("/api/claims/{claim_id}/access")
def add_access(body: AccessGrant, _staff: Principal = Depends(require_staff),
               _csrf: Principal = Depends(csrf_protect), c: OpenClaim = Depends(open_claim)) -> dict[str, Any]:
    try:
        account_changes.grant(c.db, c.principal, body.username, c.claim_id)
    except LookupError as exc:
        raise NotFound("no such user") from exc
    return _users(c.db, c.claim_id)


@router.delete("/api/claims/{claim_id}/access/{username}")
def remove_access(username: str, _staff: Principal = Depends(require_staff),
                  _csrf: Principal = Depends(csrf_protect), c: OpenClaim = Depends(open_claim)) -> dict[str, Any]:
    try:
        removed = account_changes.revoke_access(c.db, c.principal, username, c.claim_id)
    except LookupError as exc:
        raise NotFound("no such user") from exc
    return {"removed": removed}

