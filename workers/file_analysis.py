"""After a file's pages are extracted: documents, service periods and flags, written to SQL.

Runs inside finish_file. Everything here replaces what an earlier run of the same file wrote,
except what people own: corrections are replayed, and a reviewed flag keeps its status and note.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from config.settings import get_settings
from store.ids import document_id_for, flag_id_for
from store.models import Document, DocumentCorrection, Flag, Page, ServicePeriod, SourceFile
from workers.word_boxes import boxes_for_span

SERVICE_RECORD_TYPES = frozenset({"service_personnel"})


@lru_cache(maxsize=1)
def _record_type_model() -> Any:
    from classifiers.record_type_model import default_model

    return default_model(get_settings().data_dir / "models")


def analyse_file(session: Session, f: SourceFile) -> None:
    pages = list(
        session.scalars(
            select(Page).where(Page.file_id == f.file_id, Page.status == "done").order_by(Page.page_number)
        )
    )
    documents = _store_documents(session, f, pages)
    _store_service_periods(session, f, pages, documents)
    periods = claim_service_periods(session, f.claim_id)
    _store_flags(session, f, pages, documents, periods)
    refresh_in_service(session, f.claim_id, periods, skip_file_id=f.file_id)


def _store_documents(session: Session, f: SourceFile, pages: list[Page]) -> dict[int, Document]:
    """Returns page number → its document."""
    from classifiers.document_corrections import Correction
    from classifiers.document_segmentation import segment_and_classify

    corrections = [
        Correction(kind=c.kind, page=c.page, record_type=c.record_type)
        for c in session.scalars(
            select(DocumentCorrection).where(DocumentCorrection.file_id == f.file_id).order_by(DocumentCorrection.id)
        )
    ]
    segments = segment_and_classify(
        [(p.page_number, p.text) for p in pages], corrections, model=_record_type_model()
    ) if pages else []
    corrected_starts = {c.page for c in corrections if c.kind == "type"}
    session.execute(delete(Document).where(Document.file_id == f.file_id))
    by_page: dict[int, Document] = {}
    for seg in segments:
        doc = Document(
            document_id=document_id_for(f.file_id, seg.first_page),
            claim_id=f.claim_id,
            file_id=f.file_id,
            first_page=seg.first_page,
            last_page=seg.last_page,
            record_type=seg.record_type,
            confidence=float(seg.confidence),
            date=seg.date,
            title=(seg.title or None) and seg.title[:512],
            vbms_type_id=seg.vbms_type_id,
            origin="corrected" if seg.first_page in corrected_starts else "auto",
        )
        session.add(doc)
        for n in range(seg.first_page, seg.last_page + 1):
            by_page[n] = doc
    for p in pages:
        doc = by_page.get(p.page_number)
        p.document_id = doc.document_id if doc else None
    session.flush()
    return by_page


def _store_service_periods(
    session: Session, f: SourceFile, pages: list[Page], documents: dict[int, Document]
) -> None:
    from classifiers.service_periods import find_service_periods

    session.execute(delete(ServicePeriod).where(ServicePeriod.file_id == f.file_id))
    for p in pages:
        doc = documents.get(p.page_number)
        if doc is None or doc.record_type not in SERVICE_RECORD_TYPES:
            continue
        for period in find_service_periods(p.text):
            session.add(ServicePeriod(claim_id=f.claim_id, file_id=f.file_id, page=p.page_number,
                                      start=period.start, end=period.end, branch=period.branch))
    session.flush()


def claim_service_periods(session: Session, claim_id: str) -> list[tuple[dt.date | None, dt.date | None]]:
    return [
        (sp.start, sp.end)
        for sp in session.scalars(select(ServicePeriod).where(ServicePeriod.claim_id == claim_id))
    ]


def _store_flags(
    session: Session,
    f: SourceFile,
    pages: list[Page],
    documents: dict[int, Document],
    periods: list[tuple[dt.date | None, dt.date | None]],
) -> None:
    from classifiers.evidence_flags import find_flags
    from classifiers.in_service import decide_in_service

    existing = {fl.flag_id: fl for fl in session.scalars(select(Flag).where(Flag.file_id == f.file_id))}
    seen: set[str] = set()
    for p in pages:
        doc = documents.get(p.page_number)
        record_type = doc.record_type if doc else "other"
        for hit in find_flags(p.text, record_type):
            flag_id = flag_id_for(p.page_id, hit.category, hit.start, hit.end)
            if flag_id in seen:
                continue
            seen.add(flag_id)
            date = hit.date or (doc.date if doc else None)
            values = {
                "claim_id": f.claim_id,
                "file_id": f.file_id,
                "page_id": p.page_id,
                "page_number": p.page_number,
                "document_id": doc.document_id if doc else None,
                "record_type": record_type,
                "category": hit.category,
                "text": hit.text,
                "sentence": hit.sentence,
                "start": hit.start,
                "end": hit.end,
                "negated": bool(hit.negated),
                "historical": bool(hit.historical),
                "hypothetical": bool(hit.hypothetical),
                "experiencer": hit.experiencer,
                "polarity": hit.polarity,
                "in_service": decide_in_service(record_type, date, periods),
                "date": date,
                "boxes": boxes_for_span(p.words, hit.start, hit.end) or None,
                "stale": False,
            }
            row = existing.get(flag_id)
            if row is None:
                session.add(Flag(flag_id=flag_id, status="pending", **values))
            else:
                for key, value in values.items():
                    setattr(row, key, value)
    for flag_id, row in existing.items():
        if flag_id in seen:
            continue
        if row.status == "pending" and not row.note:
            session.delete(row)
        else:
            row.stale = True  # reviewed by a person: keep it and its history, marked as no longer found
    session.flush()


def refresh_in_service(
    session: Session,
    claim_id: str,
    periods: list[tuple[dt.date | None, dt.date | None]],
    skip_file_id: str | None = None,
) -> None:
    """A DD 214 may arrive in a later file than the notes it dates: recompute the other files' flags."""
    from classifiers.in_service import decide_in_service

    query = select(Flag).where(Flag.claim_id == claim_id)
    if skip_file_id:
        query = query.where(Flag.file_id != skip_file_id)
    for fl in session.scalars(query):
        value = decide_in_service(fl.record_type, fl.date, periods)
        if value != fl.in_service:
            fl.in_service = value
