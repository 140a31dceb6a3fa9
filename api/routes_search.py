"""Search a claim's pages (the interface of the search issue): page-level hits with citations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from api import audit
from api.access import require_claim
from api.auth import Principal, current_principal, get_db
from api.routes_claims import ClaimId
from indexers.base import SearchIndexUnavailable, SearchQuery, SearchResult
from store.models import Document, Page

router = APIRouter(tags=["search"])

RECORD_TYPES = (
    "service_treatment", "service_exam", "service_personnel", "line_of_duty", "va_treatment",
    "private_treatment", "imaging_report", "cp_exam", "medical_opinion", "rating_decision", "board_decision",
    "buddy_statement", "personal_statement", "claim_form", "other",
)
FLAG_CATEGORIES = (
    "back_complaint", "injury", "gait", "aging_attribution", "diagnosis", "imaging_finding", "service_strain",
    "medical_opinion", "alternative_cause", "continuity", "secondary_link",
)


def _check(values: list[str], allowed: tuple[str, ...], what: str) -> list[str]:
    bad = [v for v in values if v not in allowed]
    if bad:
        raise HTTPException(status_code=422, detail=f"unknown {what}: {', '.join(sorted(set(bad)))[:200]}")
    return values


def run_search(request: Request, db: Session, claim_id: str, query: SearchQuery) -> dict[str, Any]:
    """Ask the configured index, then keep only hits whose page belongs to this claim (belt and braces)."""
    index = request.app.state.search_index()
    if index is None:
        raise HTTPException(status_code=503, detail="search index not available")
    try:
        result: SearchResult = index.search(query)
    except SearchIndexUnavailable as exc:
        raise HTTPException(status_code=503, detail="search index unavailable; try again shortly") from exc
    except ValueError as exc:
        raise HTTPException(status_code=400, detail="bad search parameters (cursor?)") from exc
    ids = [h.page_id for h in result.hits]
    own = {pid: doc for pid, doc in db.execute(
        select(Page.page_id, Page.document_id).where(Page.claim_id == claim_id, Page.page_id.in_(ids)))}
    titles = {d.document_id: d.title for d in db.scalars(
        select(Document).where(Document.document_id.in_([v for v in own.values() if v])))}
    hits = []
    for h in result.hits:
        if h.page_id not in own:
            continue
        hits.append({**h.to_json(), "page_id": h.page_id, "document_title": titles.get(h.document_id or "")})
    out = result.to_json()
    out["hits"] = hits
    return out


@router.get("/api/claims/{claim_id}/search")
def search(
    request: Request,
    claim_id: str = ClaimId,
    q: str = Query("", max_length=1000),
    type: list[str] = Query(default_factory=list, description="record type filter (repeatable)"),  # noqa: A002
    flag: list[str] = Query(default_factory=list, description="flag category filter (repeatable)"),
    in_service: bool | None = None,
    date_from: dt.date | None = Query(None, alias="from"),
    date_to: dt.date | None = Query(None, alias="to"),
    sort: str = Query("relevance", pattern="^(relevance|date)$"),
    cursor: str | None = Query(None, max_length=512),
    size: int = Query(20, ge=1, le=100),
    principal: Principal = Depends(current_principal),
    db: Session = Depends(get_db),
) -> dict[str, Any]:
    require_claim(db, principal, claim_id)
    query = SearchQuery(claim_id=claim_id, text=q, record_types=_check(type, RECORD_TYPES, "record type"),
                        flag_categories=_check(flag, FLAG_CATEGORIES, "flag category"), in_service=in_service,
                        date_from=date_from, date_to=date_to, sort=sort, size=size, cursor=cursor)
    out = run_search(request, db, claim_id, query)
    audit.record(db, principal, "search", claim_id, query=audit.fingerprint(q), types=type or None,
                 flags=flag or None, hits=len(out["hits"]))
    return out
