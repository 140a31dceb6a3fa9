"""A claim's documents and pages as the interfaces show them: lists, details, a page with its words
and flags. Read models only; access is checked by the caller (claims/access.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claims.errors import Invalid, NotFound
from claims.file_errors import public_message
from config.settings import Settings
from config.vocabulary import RECORD_TYPES
from store.blobs import BlobStore
from store.models import Document, Flag, Page, SourceFile
from store.page_content import boxes_for_span, words_of


def document_json(d: Document, filename: str | None = None) -> dict[str, Any]:
    return {"document_id": d.document_id, "file_id": d.file_id, "filename": filename,
            "first_page": d.first_page, "last_page": d.last_page, "record_type": d.record_type,
            "confidence": round(d.confidence, 4), "date": d.date.isoformat() if d.date else None,
            "title": d.title, "vbms_type_id": d.vbms_type_id, "origin": d.origin}


def flag_json(g: Flag) -> dict[str, Any]:
    return {"flag_id": g.flag_id, "category": g.category, "file_id": g.file_id, "page": g.page_number,
            "page_id": g.page_id, "document_id": g.document_id, "record_type": g.record_type, "text": g.text,
            "sentence": g.sentence, "start": g.start, "end": g.end, "negated": g.negated,
            "historical": g.historical, "hypothetical": g.hypothetical, "experiencer": g.experiencer,
            "polarity": g.polarity, "in_service": g.in_service, "date": g.date.isoformat() if g.date else None,
            "boxes": g.boxes or [], "status": g.status, "note": g.note, "reviewed_by": g.reviewed_by,
            "reviewed_at": g.reviewed_at.isoformat() + "Z" if g.reviewed_at else None, "stale": g.stale,
            "spans": g.spans or [[g.start, g.end]], "encounter_id": g.encounter_id,
            "record_date": g.record_date.isoformat() if g.record_date else None,
            "record_date_precision": g.record_date_precision,
            "event_date": g.event_date.isoformat() if g.event_date else None,
            "event_date_precision": g.event_date_precision}


def filenames(session: Session, claim_id: str) -> dict[str, str]:
    """file_id → filename for a claim, so lists can cite files by name."""
    rows = session.execute(select(SourceFile.file_id, SourceFile.filename)
                           .where(SourceFile.claim_id == claim_id)).all()
    return {fid: name for fid, name in rows}


def get_document(session: Session, claim_id: str, document_id: str) -> Document:
    d = session.scalar(select(Document).where(Document.document_id == document_id, Document.claim_id == claim_id))
    if d is None:
        raise NotFound("no such document")
    return d


def list_documents(session: Session, claim_id: str, record_type: str | None = None) -> list[dict[str, Any]]:
    if record_type is not None and record_type not in RECORD_TYPES:
        raise Invalid("unknown record type")
    q = select(Document).where(Document.claim_id == claim_id)
    if record_type:
        q = q.where(Document.record_type == record_type)
    names = filenames(session, claim_id)
    return [document_json(d, names.get(d.file_id))
            for d in session.scalars(q.order_by(Document.file_id, Document.first_page))]


def document_detail(session: Session, claim_id: str, document_id: str) -> dict[str, Any]:
    d = get_document(session, claim_id, document_id)
    flags = list(session.scalars(select(Flag).where(Flag.claim_id == claim_id, Flag.document_id == document_id)
                                 .order_by(Flag.page_number, Flag.start)))
    return {**document_json(d, filenames(session, claim_id).get(d.file_id)),
            "pages": list(range(d.first_page, d.last_page + 1)), "flags": [flag_json(g) for g in flags]}


def upright_box(box: Sequence[float], rotation: int, width: float, height: float) -> list[float]:
    """A box on the page as scanned (points, top-left origin) on the page turned `rotation` degrees
    clockwise, upright, as the viewer shows it (workers/page_images.py turns the image the same way)."""
    x0, y0, x1, y1 = (float(v) for v in box[:4])
    if rotation == 90:
        return [height - y1, x0, height - y0, x1]
    if rotation == 180:
        return [width - x1, height - y1, width - x0, height - y0]
    if rotation == 270:
        return [y0, width - x1, y1, width - x0]
    return [x0, y0, x1, y1]


def provenance(source: str | None, confidence: float | None, rotation: int) -> str:
    """Where a page's text came from, in plain words."""
    if source == "text_layer":
        return "Read from the PDF's text"
    if source == "ocr":
        said = f"OCR, {confidence:.0f}% confident" if confidence is not None else "OCR"
        return said + (f"; the scan was turned {rotation}° to read it" if rotation in (90, 180, 270) else "")
    if source == "failed":
        return "Could not be read"
    return "Not read yet"


def page_detail(session: Session, claim_id: str, file_id: str, page: int) -> dict[str, Any]:
    """One page as the viewer shows it: upright (an OCR-turned scan's size and every box turned with its
    image), its text, words with boxes (PDF points, top-left origin), its document, flags with a box for
    every span, neighbours."""
    f = session.scalar(select(SourceFile).where(SourceFile.file_id == file_id, SourceFile.claim_id == claim_id))
    row = session.scalar(select(Page).where(Page.file_id == file_id, Page.page_number == page,
                                            Page.claim_id == claim_id)) if f else None
    if f is None or row is None:
        raise NotFound("no such page")
    doc = session.get(Document, row.document_id) if row.document_id else None
    flags = list(session.scalars(select(Flag).where(Flag.page_id == row.page_id, Flag.claim_id == claim_id)
                                 .order_by(Flag.start)))
    last = session.scalar(select(func.max(Page.page_number)).where(Page.file_id == file_id)) or page
    rotation = row.rotation if row.rotation in (90, 180, 270) else 0
    width, height = row.width, row.height
    words = words_of(row.words)
    if rotation and width and height:
        words = [w._replace(**dict(zip(("x0", "y0", "x1", "y1"), upright_box(w[3:7], rotation, width, height),
                                       strict=True))) for w in words]
        if rotation in (90, 270):
            width, height = height, width
    shown = []
    for g in flags:
        flag = flag_json(g)
        spans = flag["spans"]
        boxes = [b for start, end in spans for b in boxes_for_span(words, start, end)]
        if not boxes and row.width and row.height:  # no words stored: the flag's own boxes, turned
            boxes = [upright_box(b, rotation, row.width, row.height) for b in flag["boxes"]]
        shown.append({**flag, "boxes": boxes})
    return {
        "page_id": row.page_id, "claim_id": claim_id, "file_id": file_id, "filename": f.filename, "page": page,
        "page_count": max(f.page_count, last), "status": row.status, "source": row.source,
        "ocr_confidence": row.ocr_confidence, "rotation": rotation, "width": width, "height": height,
        "provenance": provenance(row.source, row.ocr_confidence, rotation),
        "text": row.text or "", "words": words, "error_code": row.error_code,
        "error_message": public_message(row.error_message) if row.error_message else row.error_message,
        "document": document_json(doc, f.filename) if doc and doc.claim_id == claim_id else None,
        "flags": shown,
        "prev_page": page - 1 if page > 1 else None, "next_page": page + 1 if page < last else None,
    }


@dataclass(frozen=True)
class PageOriginal:
    """Where the picture of a page comes from: its original's bytes, kind, and the turn OCR gave it."""

    path: Path
    sha256: str
    kind: str
    page: int
    rotation: int


def page_original(session: Session, settings: Settings, claim_id: str, file_id: str, page: int) -> PageOriginal:
    f = session.scalar(select(SourceFile).where(SourceFile.file_id == file_id, SourceFile.claim_id == claim_id))
    if f is None or f.kind not in ("pdf", "tiff", "png", "jpeg") or not 1 <= page <= max(f.page_count, 0):
        raise NotFound("no such page")
    row = session.scalar(select(Page).where(Page.file_id == file_id, Page.page_number == page))
    rotation = row.rotation if row is not None and row.rotation in (90, 180, 270) else 0
    blobs = BlobStore(settings.blob_dir)
    if not blobs.exists(f.sha256):
        raise NotFound("original not in the blob store")
    return PageOriginal(blobs.path_for(f.sha256), f.sha256, f.kind, page, rotation)
