"""Export: the claim as schema JSON, and the evidence summary as Markdown (the PDF is a web download)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import PlainTextResponse, Response

from api.dependencies import OpenClaim, attachment, read_claim
from claims.evidence_brief import evidence_summary
from claims.export import build_export

router = APIRouter(tags=["export"])


@router.get("/api/claims/{claim_id}/export")
def export_json(c: OpenClaim = Depends(read_claim("export_json"))) -> dict[str, Any]:
    """The claim as JSON valid against contracts/export.schema.json."""
    return build_export(c.db, c.claim_id)


@router.get("/api/claims/{claim_id}/summary.md", response_class=PlainTextResponse,
            responses={200: {"content": {"text/markdown": {}}}})
def summary_markdown(c: OpenClaim = Depends(read_claim("summary_markdown"))) -> Response:
    _, markdown = evidence_summary(c.db, c.claim_id)
    return Response(markdown, media_type="text/markdown; charset=utf-8",
                    headers=attachment(f"evidence-summary-{c.claim_id}.md"))
