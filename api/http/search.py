"""Search a claim's pages: page-level hits with citations and highlights."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Query

from api.dependencies import OpenClaim, open_claim, search_index
from claims import audit
from claims.indexing import search_claim
from indexers.base import SearchIndex, SearchQuery

router = APIRouter(tags=["search"])


@router.get("/api/claims/{claim_id}/search")
def search(
    q: str = Query("", max_length=1000),
    type: list[str] = Query(default_factory=list, description="record type filter (repeatable)"),  # noqa: A002
    flag: list[str] = Query(default_factory=list, description="flag category filter (repeatable)"),
    in_service: bool | None = None,
    date_from: dt.date | None = Query(None, alias="from"),
    date_to: dt.date | None = Query(None, alias="to"),
    sort: str = Query("relevance", pattern="^(relevance|date)$"),
    cursor: str | None = Query(None, max_length=512),
    size: int = Query(20, ge=1, le=100),
    c: OpenClaim = Depends(open_claim),
    index: SearchIndex | None = Depends(search_index),
) -> dict[str, Any]:
    query = SearchQuery(claim_id=c.claim_id, text=q, record_types=type, flag_categories=flag, in_service=in_service,
                        date_from=date_from, date_to=date_to, sort=sort, size=size, cursor=cursor)
    out = search_claim(c.db, index, query)
    c.audit("search", query=audit.fingerprint(q), types=type or None, flags=flag or None, hits=len(out["hits"]))
    return out
