"""Where a claim stands: its files and their pages done / failed, with the reasons; the claim lists and
overview the interfaces show. Read from SQL; the loaders here are shared with the export."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claims.errors import ClaimNotFound
from claims.file_errors import public_message
from store.models import Claim, Document, FileError, Flag, Page, SourceFile

FINISHED = ("done", "partial", "failed")


def iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def file_errors(session: Session, file_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    errors: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if not file_ids:
        return errors
    for e in session.scalars(
        select(FileError).where(FileError.file_id.in_(file_ids)).order_by(FileError.page, FileError.id)
    ):
        errors[e.file_id].append({"page": e.page, "code": e.code, "message": public_message(e.message)})
    return errors


def claim_and_files(session: Session, claim_id: str) -> tuple[Claim, list[SourceFile]]:
    """The claim and its files in upload order (the order exports and progress list them in)."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise ClaimNotFound(claim_id)
    files = list(session.scalars(select(SourceFile).where(SourceFile.claim_id == claim_id)
                                 .order_by(SourceFile.created_at, SourceFile.filename)))
    return claim, files


# A file's phases, in order; a finished file is then "done", "partial" or "failed".
PHASES = ("queued", "counting pages", "reading pages", "analysis", "indexing")


def file_phase(status: str, page_count: int, pending: int, pages_done: int, finished_at: Any, claim: Claim) -> str:
    """Where a file is: queued, counting pages, reading pages (text layer or OCR), analysis (documents,
    dates, flags), indexing (those onto its pages in the search index), or its final status."""
    if status == "queued":
        return "queued"
    if status == "processing":
        if page_count == 0:
            return "counting pages"
        return "reading pages" if pending else "analysis"
    indexed = claim.index_status == "error" or (
        claim.indexed_at is not None and finished_at is not None and claim.indexed_at >= finished_at)
    if pages_done and not indexed:
        return "indexing"
    return status


def claim_progress(session: Session, claim_id: str) -> dict[str, Any]:
    claim, files = claim_and_files(session, claim_id)
    counts: dict[tuple[str, str], int] = {}
    by_source: dict[tuple[str, str], int] = {}
    for fid, status, source, n in session.execute(
        select(Page.file_id, Page.status, Page.source, func.count()).where(Page.claim_id == claim_id)
        .group_by(Page.file_id, Page.status, Page.source)
    ).all():
        counts[(fid, status)] = counts.get((fid, status), 0) + n
        if status == "done":
            by_source[(fid, source)] = by_source.get((fid, source), 0) + n
    spans = {fid: (first, last, n) for fid, first, last, n in session.execute(
        select(Page.file_id, func.min(Page.processed_at), func.max(Page.processed_at), func.count())
        .where(Page.claim_id == claim_id, Page.processed_at.is_not(None)).group_by(Page.file_id)).all()}
    errors = file_errors(session, [f.file_id for f in files])
    out_files = []
    for f in files:
        done, failed = counts.get((f.file_id, "done"), 0), counts.get((f.file_id, "failed"), 0)
        first, last, n = spans.get(f.file_id, (None, None, 0))
        rate = None
        if n >= 2 and first is not None and last is not None and last > first:
            # Measured from the pages' own timestamps: N pages stored over the span of N - 1 gaps.
            rate = round((n - 1) / (last - first).total_seconds(), 2)
        out_files.append({
            "file_id": f.file_id, "filename": f.filename, "status": f.status, "kind": f.kind,
            "page_count": f.page_count, "pages_done": done, "pages_failed": failed,
            "pages_text_layer": by_source.get((f.file_id, "text_layer"), 0),
            "pages_ocr": by_source.get((f.file_id, "ocr"), 0),
            "phase": file_phase(f.status, f.page_count, counts.get((f.file_id, "pending"), 0), done,
                                f.finished_at, claim),
            "pages_per_second": rate,
            "errors": errors.get(f.file_id, []),
        })
    processable = [f for f in out_files if f["kind"] != "zip"]
    finished = all(f["status"] in ("done", "partial", "failed") for f in out_files)
    if not out_files:
        status = "empty"
    elif not finished:
        status = "processing"
    elif all(f["status"] == "done" for f in out_files):
        status = "done"
    elif all(f["status"] == "failed" for f in processable) and processable:
        status = "failed"
    else:
        status = "partial"
    return {
        "claim_id": claim_id,
        "status": status,
        "phase": claim_phase(out_files, status),
        "files": out_files,
        "pages_total": sum(f["page_count"] for f in processable),
        "pages_done": sum(f["pages_done"] for f in processable),
        "pages_failed": sum(f["pages_failed"] for f in processable),
        "pages_text_layer": sum(f["pages_text_layer"] for f in processable),
        "pages_ocr": sum(f["pages_ocr"] for f in processable),
        "index_status": claim.index_status if any(f["pages_done"] for f in processable) else "nothing to index",
        "index_error": public_message(claim.index_error) if claim.index_error else None,
    }


def claim_phase(files: list[dict[str, Any]], status: str) -> str:
    """The earliest phase any file is in, or the claim's status once every file is through."""
    phases = [f["phase"] for f in files if f["phase"] in PHASES]
    return min(phases, key=PHASES.index) if phases else status


def claim_summary(session: Session, claim: Claim) -> dict[str, Any]:
    """One line of a claims list: files, pages, index state."""
    n_files = session.scalar(select(func.count()).select_from(SourceFile).where(SourceFile.claim_id == claim.claim_id))
    pages = session.scalar(select(func.coalesce(func.sum(SourceFile.page_count), 0))
                           .where(SourceFile.claim_id == claim.claim_id, SourceFile.kind != "zip"))
    return {"claim_id": claim.claim_id, "title": claim.title, "created_at": claim.created_at.isoformat() + "Z",
            "files": n_files, "pages": pages, "index_status": claim.index_status}


def claim_overview(session: Session, claim_id: str) -> dict[str, Any]:
    """What the overview page shows: files and failures, documents by type, flag counts."""
    progress = claim_progress(session, claim_id)
    docs = list(session.scalars(select(Document).where(Document.claim_id == claim_id)
                                .order_by(Document.date.is_(None), Document.date, Document.first_page)))
    names = {f["file_id"]: f["filename"] for f in progress["files"]}
    by_type: dict[str, list[dict[str, Any]]] = {}
    for d in docs:
        by_type.setdefault(d.record_type, []).append({
            "document_id": d.document_id, "file_id": d.file_id, "filename": names.get(d.file_id, ""),
            "first_page": d.first_page, "last_page": d.last_page, "date": d.date.isoformat() if d.date else None,
            "title": d.title, "confidence": round(d.confidence, 3), "origin": d.origin})
    flag_rows = session.execute(select(Flag.category, Flag.status, func.count()).where(
        Flag.claim_id == claim_id, Flag.stale.is_(False)).group_by(Flag.category, Flag.status)).all()
    flags: dict[str, Counter[str]] = {}
    for category, status, n in flag_rows:
        flags.setdefault(category, Counter())[status] += n
    return {"progress": progress, "documents_by_type": by_type,
            "flags_by_category": {k: dict(v) for k, v in sorted(flags.items())}}
