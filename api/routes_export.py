"""Export: the claim as schema JSON, and the evidence summary as Markdown and as a printable PDF."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import PlainTextResponse, Response
from sqlalchemy.orm import Session

from api import audit
from api.access import require_claim
from api.auth import Principal, current_principal, get_db
from api.export import build_export
from api.routes_claims import ClaimId

router = APIRouter(tags=["export"])


def evidence_summary(db: Session, claim_id: str) -> tuple[dict[str, Any], str]:
    """(summary, markdown) from the flags engineer's builder; 503 until that module is installed."""
    try:
        from api.evidence_summary import build_evidence_summary, render_summary_markdown
    except ImportError as exc:
        raise HTTPException(status_code=503, detail="evidence summary not available in this build") from exc
    summary = build_evidence_summary(build_export(db, claim_id))
    return summary, render_summary_markdown(summary)


@router.get("/api/claims/{claim_id}/export")
def export_json(claim_id: str = ClaimId, principal: Principal = Depends(current_principal),
                db: Session = Depends(get_db)) -> dict[str, Any]:
    """The claim as JSON valid against contracts/export.schema.json."""
    require_claim(db, principal, claim_id)
    audit.record(db, principal, "export_json", claim_id)
    return build_export(db, claim_id)


@router.get("/api/claims/{claim_id}/summary.md", response_class=PlainTextResponse,
            responses={200: {"content": {"text/markdown": {}}}})
def summary_markdown(claim_id: str = ClaimId, principal: Principal = Depends(current_principal),
                     db: Session = Depends(get_db)) -> Response:
    require_claim(db, principal, claim_id)
    _, markdown = evidence_summary(db, claim_id)
    audit.record(db, principal, "summary_markdown", claim_id)
    return Response(markdown, media_type="text/markdown; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="evidence-summary-{claim_id}.md"'})


@router.get("/api/claims/{claim_id}/summary.pdf", response_class=Response,
            responses={200: {"content": {"application/pdf": {}}}})
def summary_pdf(claim_id: str = ClaimId, principal: Principal = Depends(current_principal),
                db: Session = Depends(get_db)) -> Response:
    from api.summary_pdf import markdown_to_pdf

    require_claim(db, principal, claim_id)
    _, markdown = evidence_summary(db, claim_id)
    pdf = markdown_to_pdf(markdown, title=f"Evidence summary: claim {claim_id}")
    audit.record(db, principal, "summary_pdf", claim_id)
    return Response(pdf, media_type="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="evidence-summary-{claim_id}.pdf"'})
