"""A claim's search index: kept up to date from SQL (the system of record), and asked for page hits.

On the pipeline's hot path a page is indexed with its text as soon as it is extracted (index_new_pages),
and its document, date, in-service and flag categories when its file's analysis ends (index_file):
the claim is never re-indexed whole there. index_claim_pages (corrections, reviews) and the reindex
functions rebuild from SQL.

The index is derived data: everything here reads SQL and writes the index, so ``claimdex reindex`` can
rebuild it at any time and Elasticsearch being down only delays indexing (the claim's ``index_status``
says ``error`` with the reason until a retry succeeds).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.errors import Invalid, Unavailable
from classifiers.in_service import decide_page_in_service
from config.vocabulary import FLAG_CATEGORIES, RECORD_TYPES
from indexers.base import PageDoc, PageFields, SearchIndex, SearchIndexUnavailable, SearchQuery, SearchResult
from store.models import Claim, Document, Flag, Page, ServicePeriod, SourceFile, utcnow

BATCH_SIZE = 500

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


def page_docs_for_claim(session: Session, claim_id: str) -> list[PageDoc]:
    """Every successfully processed page of the claim as a PageDoc, in file/page order.

    Flag categories come from flags a provider has not dismissed and that are not negated ("denies
    back pain" is no back complaint) nor stale (no longer found by the latest processing).
    """
    return _page_docs(session, claim_id, None, with_text=True)


def _page_docs(session: Session, claim_id: str, where: Any, with_text: bool) -> list[PageDoc]:
    """The claim's done pages (all, or those matching ``where``) as PageDocs; text left empty unless
    ``with_text`` (analysis fields only need the rest)."""
    columns = [Page.page_id, Page.file_id, Page.page_number, Page.text if with_text else Page.page_id,
               Page.document_id, SourceFile.filename]
    query = (select(*columns).join(SourceFile, SourceFile.file_id == Page.file_id)
             .where(Page.claim_id == claim_id, Page.status == "done").order_by(Page.file_id, Page.page_number))
    if where is not None:
        query = query.where(where)
    rows = session.execute(query).all()
    if not rows:
        return []
    doc_ids = {r[4] for r in rows if r[4]}
    documents = {
        d.document_id: (d.record_type, d.date)
        for d in session.execute(
            select(Document.document_id, Document.record_type, Document.date).where(
                Document.claim_id == claim_id, *([] if where is None else [Document.document_id.in_(doc_ids)])))
    } if doc_ids else {}
    categories: dict[str, set[str]] = {}
    in_service_votes: dict[str, list[bool | None]] = {}
    flag_query = select(Flag.page_id, Flag.category, Flag.in_service).where(
        Flag.claim_id == claim_id,
        Flag.status != "dismissed",
        Flag.negated.is_(False),
        Flag.stale.is_(False),
    )
    if where is not None:
        flag_query = flag_query.where(Flag.page_id.in_([r[0] for r in rows]))
    for page_id, category, in_service in session.execute(flag_query):
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
                text=(text or "") if with_text else "",
                document_id=document_id,
                record_type=record_type or "other",
                date=date,
                in_service=decide_page_in_service(in_service_votes.get(page_id, []), record_type or "other", date,
                                                  periods),
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


@contextlib.contextmanager
def _failure_recorded(session: Session, claim_ids: Sequence[str]) -> Iterator[None]:
    """On SearchIndexUnavailable the claims are marked ``error`` (committed) and the exception re-raised,
    so the caller's task retries with backoff."""
    try:
        yield
    except SearchIndexUnavailable as exc:
        _record_failure(session, claim_ids, exc)
        raise


def _mark_indexed(session: Session, claim_ids: Sequence[str]) -> None:
    _mark(session, claim_ids, "indexed", None)
    session.flush()


def index_claim_pages(session: Session, index: SearchIndex, claim_id: str) -> int:
    """Upsert the claim's pages (idempotent: ids are deterministic), then drop pages SQL no longer has.

    Upsert-then-prune instead of delete-then-insert: searches during re-indexing never see an empty
    claim. On SearchIndexUnavailable the claim is marked ``error`` and the exception re-raised so the
    Celery task retries with backoff.
    """
    with _failure_recorded(session, [claim_id]):
        index.ensure_ready()
        docs = page_docs_for_claim(session, claim_id)
        for batch in chunked(docs):
            index.upsert_pages(batch)
        with contextlib.suppress(NotImplementedError):  # a backend without pruning keeps stale pages
            index.prune_claim(claim_id, {d.page_id for d in docs})
    _mark_indexed(session, [claim_id])
    return len(docs)


def index_new_pages(session: Session, index: SearchIndex, claim_id: str, page_ids: Sequence[str]) -> int:
    """Make pages searchable as soon as they are extracted: one small bulk upsert, idempotent by page id.

    Their document, date and flags come later (index_file, when the file's analysis ends). On
    SearchIndexUnavailable the claim is marked ``error`` and the exception re-raised; the pages are not
    lost: index_file upserts whatever the index is missing.
    """
    if not page_ids:
        return 0
    with _failure_recorded(session, [claim_id]):
        index.ensure_ready()
        docs: list[PageDoc] = []
        for ids in chunked(page_ids):
            docs += _page_docs(session, claim_id, Page.page_id.in_(ids), with_text=True)
        for batch in chunked(docs):
            index.upsert_pages(batch)
    return len(docs)


def index_file(session: Session, index: SearchIndex, file_id: str) -> int:
    """After a file's analysis: its pages' documents, dates, in-service and flag categories reach the
    index (their text is already there), then the claim is marked indexed.

    Only this file's pages, unless the file brought service periods (a DD 214): those change whether
    pages of the claim's other files are in service, so the whole claim's fields are refreshed (still
    without text). Pages the index lacks (it was down while they were extracted) are upserted whole.
    Returns how many pages were brought up to date.
    """
    f = session.get(SourceFile, file_id)
    if f is None:
        return 0
    claim_id = f.claim_id
    brings_periods = session.scalar(select(ServicePeriod.id).where(ServicePeriod.file_id == file_id).limit(1))
    where = None if brings_periods is not None else Page.file_id == file_id
    with _failure_recorded(session, [claim_id]):
        index.ensure_ready()
        docs = _page_docs(session, claim_id, where, with_text=False)
        missing: set[str] = set()
        for batch in chunked(docs):
            try:
                missing |= index.update_page_fields([PageFields.of(d) for d in batch])
            except NotImplementedError:
                missing |= {d.page_id for d in batch}
        for ids in chunked(sorted(missing)):
            index.upsert_pages(_page_docs(session, claim_id, Page.page_id.in_(ids), with_text=True))
    _mark_indexed(session, [claim_id])
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
    with _failure_recorded(session, claim_ids):
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
    _mark_indexed(session, claim_ids)
    return n


# ---------------------------------------------------------------- asking the index


def check_vocabulary(record_types: Sequence[str], flag_categories: Sequence[str]) -> None:
    for values, allowed, what in ((record_types, RECORD_TYPES, "record type"),
                                  (flag_categories, FLAG_CATEGORIES, "flag category")):
        bad = [v for v in values if v not in allowed]
        if bad:
            raise Invalid(f"unknown {what}: {', '.join(sorted(set(bad)))[:200]}")


def search_claim(session: Session, index: SearchIndex | None, query: SearchQuery) -> dict[str, Any]:
    """Ask the index, then keep only hits whose page belongs to this claim (belt and braces)."""
    check_vocabulary(query.record_types, query.flag_categories)
    if index is None:
        raise Unavailable("search index not available")
    try:
        result: SearchResult = index.search(query)
    except SearchIndexUnavailable as exc:
        raise Unavailable("search index unavailable; try again shortly") from exc
    except ValueError as exc:
        raise Invalid("bad search parameters (cursor?)") from exc
    ids = [h.page_id for h in result.hits]
    own = {pid: doc for pid, doc in session.execute(
        select(Page.page_id, Page.document_id).where(Page.claim_id == query.claim_id, Page.page_id.in_(ids)))}
    titles = {d.document_id: d.title for d in session.scalars(
        select(Document).where(Document.document_id.in_([v for v in own.values() if v])))}
    hits = [{**h.to_json(), "page_id": h.page_id, "document_title": titles.get(h.document_id or "")}
            for h in result.hits if h.page_id in own]
    out = result.to_json()
    out["hits"] = hits
    return out
