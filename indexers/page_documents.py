"""Build index documents from SQL (the system of record) and push them to a SearchIndex.

The index is derived data: everything here reads SQL and writes the index, so ``claimdex reindex`` can
rebuild it at any time and Elasticsearch being down only delays indexing (the claim's ``index_status``
says ``error`` with the reason until a retry succeeds).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from indexers.base import PageDoc, SearchIndex, SearchIndexUnavailable
from store.models import Claim, Document, Flag, Page, ServicePeriod, SourceFile, utcnow

BATCH_SIZE = 500
SERVICE_RECORD_TYPES = frozenset({"service_treatment", "service_exam", "service_personnel", "line_of_duty"})

T = TypeVar("T")


def chunked(items: Iterable[T], size: int = BATCH_SIZE) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def page_in_service(
    flag_values: Sequence[bool | None],
    record_type: str | None,
    doc_date: dt.date | None,
    periods: Sequence[tuple[dt.date | None, dt.date | None]],
) -> bool | None:
    """Was this page written during service? Flags decide first (they carry their own dated context),
    then the document's date against the claim's service periods, then the record type itself."""
    if any(v is True for v in flag_values):
        return True
    if any(v is False for v in flag_values):
        return False
    if doc_date is not None and periods:
        for start, end in periods:
            if (start is None or start <= doc_date) and (end is None or doc_date <= end) and (start or end):
                return True
        if any(start or end for start, end in periods):
            return False
    if record_type in SERVICE_RECORD_TYPES:
        return True
    return None


def page_docs_for_claim(session: Session, claim_id: str) -> list[PageDoc]:
    """Every successfully processed page of the claim as a PageDoc, in file/page order.

    Flag categories come from flags a provider has not dismissed and that are not negated ("denies
    back pain" is no back complaint) nor stale (no longer found by the latest processing).
    """
    rows = session.execute(
        select(Page.page_id, Page.file_id, Page.page_number, Page.text, Page.document_id, SourceFile.filename)
        .join(SourceFile, SourceFile.file_id == Page.file_id)
        .where(Page.claim_id == claim_id, Page.status == "done")
        .order_by(Page.file_id, Page.page_number)
    ).all()
    if not rows:
        return []
    documents = {
        d.document_id: (d.record_type, d.date)
        for d in session.execute(
            select(Document.document_id, Document.record_type, Document.date).where(Document.claim_id == claim_id)
        )
    }
    categories: dict[str, set[str]] = {}
    in_service_votes: dict[str, list[bool | None]] = {}
    for page_id, category, in_service in session.execute(
        select(Flag.page_id, Flag.category, Flag.in_service).where(
            Flag.claim_id == claim_id,
            Flag.status != "dismissed",
            Flag.negated.is_(False),
            Flag.stale.is_(False),
        )
    ):
        categories.setdefault(page_id, set()).add(category)
        in_service_votes.setdefault(page_id, []).append(in_service)
    periods = [
        (start, end)
        for start, end in session.execute(
            select(ServicePeriod.start, ServicePeriod.end).where(ServicePeriod.claim_id == claim_id)
        )
    ]
    out: list[PageDoc] = []
    for page_id, file_id, page_number, text, document_id, filename in rows:
        record_type, date = documents.get(document_id, ("other", None)) if document_id else ("other", None)
        out.append(
            PageDoc(
                page_id=page_id,
                claim_id=claim_id,
                file_id=file_id,
                filename=filename,
                page=page_number,
                text=text or "",
                document_id=document_id,
                record_type=record_type or "other",
                date=date,
                in_service=page_in_service(in_service_votes.get(page_id, []), record_type, date, periods),
                flag_categories=sorted(categories.get(page_id, set())),
            )
        )
    return out


def _mark(session: Session, claim_ids: Iterable[str], status: str, error: str | None) -> None:
    for claim_id in claim_ids:
        claim = session.get(Claim, claim_id)
        if claim is None:
            continue
        claim.index_status = status
        claim.index_error = error
        if status == "indexed":
            claim.indexed_at = utcnow()


def _record_failure(session: Session, claim_ids: Iterable[str], exc: Exception) -> None:
    """Make the failure visible even though the caller's unit of work is about to roll back.

    The caller (a Celery task, the CLI) raises after this, which rolls its session back; so the error
    state is committed here. Callers only read before indexing, so nothing else rides along.
    """
    session.rollback()
    _mark(session, claim_ids, "error", f"{type(exc).__name__}: {exc}"[:2000])
    session.commit()


def index_claim_pages(session: Session, index: SearchIndex, claim_id: str) -> int:
    """Upsert the claim's pages (idempotent: ids are deterministic), then drop pages SQL no longer has.

    Upsert-then-prune instead of delete-then-insert: searches during re-indexing never see an empty
    claim. On SearchIndexUnavailable the claim is marked ``error`` and the exception re-raised so the
    Celery task retries with backoff.
    """
    try:
        index.ensure_ready()
        docs = page_docs_for_claim(session, claim_id)
        for batch in chunked(docs):
            index.upsert_pages(batch)
        with contextlib.suppress(NotImplementedError):  # a backend without pruning keeps stale pages
            index.prune_claim(claim_id, {d.page_id for d in docs})
    except SearchIndexUnavailable as exc:
        _record_failure(session, [claim_id], exc)
        raise
    _mark(session, [claim_id], "indexed", None)
    session.flush()
    return len(docs)


def reindex_claim(session: Session, index: SearchIndex, claim_id: str) -> int:
    """Rebuild one claim from SQL (``claimdex reindex CLAIM``); same as the incremental path."""
    return index_claim_pages(session, index, claim_id)


def _claim_ids(session: Session) -> list[str]:
    ids = set(session.scalars(select(Claim.claim_id)))
    ids.update(session.scalars(select(Page.claim_id).where(Page.status == "done").distinct()))
    return sorted(ids)


def reindex_all(session: Session, index: SearchIndex) -> int:
    """Rebuild the whole index from SQL, swapping it in at the end (ES: new index version + alias)."""
    claim_ids = _claim_ids(session)

    def batches() -> Iterator[list[PageDoc]]:
        for claim_id in claim_ids:
            yield from chunked(page_docs_for_claim(session, claim_id))

    started = utcnow()
    try:
        try:
            n = index.rebuild(batches())
        except NotImplementedError:
            return sum(index_claim_pages(session, index, c) for c in claim_ids)
        # Pipeline writes that landed in the old index version while the new one was filling (a claim the
        # pipeline indexed after we had read it) are replayed now that the alias points at the new one.
        session.expire_all()
        late = session.scalars(select(Claim.claim_id).where(Claim.indexed_at >= started)).all()
        for claim_id in late:
            index_claim_pages(session, index, claim_id)
    except SearchIndexUnavailable as exc:
        _record_failure(session, claim_ids, exc)
        raise
    _mark(session, claim_ids, "indexed", None)
    session.flush()
    return n
