"""Documents and pages of a claim: lists, details, page text with word boxes and flags."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from api.dependencies import OpenClaim, PageNumber, open_claim, read_claim
from claims.documents import document_detail, list_documents, page_detail

router = APIRouter(tags=["pages"])


@router.get("/api/claims/{claim_id}/documents")
def documents(type: str | None = Query(None), c: OpenClaim = Depends(open_claim)) -> dict[str, Any]:  # noqa: A002
    docs = list_documents(c.db, c.claim_id, type)
    c.audit("documents_list", count=len(docs))
    return {"documents": docs}


@router.get("/api/claims/{claim_id}/documents/{document_id}")
def document(document_id: str, c: OpenClaim = Depends(read_claim("document_read"))) -> dict[str, Any]:
    return document_detail(c.db, c.claim_id, document_id)


@router.get("/api/claims/{claim_id}/files/{file_id}/pages/{page}")
def page(file_id: str, page: int = PageNumber, c: OpenClaim = Depends(read_claim("page_read"))) -> dict[str, Any]:
    """One page: text, words with boxes (PDF points, top-left origin), flags, neighbours."""
    return page_detail(c.db, c.claim_id, file_id, page)
