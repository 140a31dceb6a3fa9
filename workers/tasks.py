"""Thin Celery tasks: load, call pure code, store. DESIGN.md §2 and §6.

ingest_file   opens a file, counts its pages, creates page rows, fans out one extract_page per page.
extract_page  extracts one page (text layer or OCR); the last page to finish queues finish_file.
finish_file   segments, classifies, flags, stores; then queues index_claim.
index_claim   pushes the claim's pages to the search index; retried with backoff while it is down.

Every task is idempotent: ids are deterministic, a done page is never redone, a retried
finish_file replaces what the previous run wrote.
"""

from __future__ import annotations

import logging
from pathlib import Path

from celery import Task
from celery.exceptions import SoftTimeLimitExceeded
from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError

from config.settings import get_settings
from store.blobs import BlobStore
from store.db import session_scope
from store.ids import page_id_for
from store.models import Page, SourceFile, utcnow
from store.ocr_cache import SqlOcrCache
from workers.celery_app import app
from workers.intake import record_file_error
from workers.page_result import InputError, PageResult

log = logging.getLogger(__name__)

# Database hiccups (a locked SQLite, a PostgreSQL failover) are worth retrying; bad input is not.
TRANSIENT = (OperationalError, ConnectionError, TimeoutError)


def _backoff(retries: int) -> int:
    return min(get_settings().retry_backoff_max, 2 ** (retries + 1))


def _source_path(file_row: SourceFile) -> Path:
    return BlobStore(get_settings().blob_dir).path_for(file_row.sha256)


@app.task(bind=True, name="claimdex.ingest_file", max_retries=8)
def ingest_file(self: Task, file_id: str) -> int:
    """Count pages and fan out. Returns the number of page tasks queued."""
    from workers.page_count import count_pages

    settings = get_settings()
    try:
        with session_scope() as s:
            f = s.get(SourceFile, file_id)
            if f is None or f.status in ("done", "partial", "failed"):
                return 0
            try:
                n_pages = count_pages(_source_path(f), f.kind, settings)
            except InputError as exc:
                f.status = "failed"
                f.finished_at = utcnow()
                record_file_error(s, file_id, exc.page, exc.code, f"{f.filename}: {exc.message}")
                log.warning("file refused", extra={"file_id": file_id, "code": exc.code})
                return 0
            f.page_count = n_pages
            f.status = "processing"
            # A redelivered ingest_file finds some pages already there, some perhaps done.
            statuses = dict(s.execute(select(Page.page_number, Page.status).where(Page.file_id == file_id)).all())
            for n in range(1, n_pages + 1):
                if n not in statuses:
                    s.add(Page(page_id=page_id_for(file_id, n), file_id=file_id, claim_id=f.claim_id,
                               page_number=n, status="pending"))
            todo = [n for n in range(1, n_pages + 1) if statuses.get(n, "pending") == "pending"]
    except TRANSIENT as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc

    if n_pages == 0:
        queue_finish(file_id)
        return 0
    for n in todo:
        extract_page.delay(file_id, n)
    if not todo:
        queue_finish(file_id)
    log.info("file fanned out", extra={"file_id": file_id, "pages": len(todo)})
    return len(todo)


def _claim_attempt(file_id: str, page_number: int) -> tuple[str, int, SourceFile | None]:
    """Count this run as an attempt before any work, so a page that kills its worker is seen."""
    page_id = page_id_for(file_id, page_number)
    with session_scope() as s:
        page = s.get(Page, page_id)
        f = s.get(SourceFile, file_id)
        if page is None or f is None:
            return "missing", 0, None
        if page.status != "pending":
            return page.status, page.attempts, None
        s.execute(update(Page).where(Page.page_id == page_id).values(attempts=Page.attempts + 1))
        attempts = s.scalar(select(Page.attempts).where(Page.page_id == page_id)) or 1
        s.expunge(f)
        return "pending", attempts, f


@app.task(bind=True, name="claimdex.extract_page", max_retries=None)
def extract_page(self: Task, file_id: str, page_number: int) -> str:
    from workers.page_extraction import extract_page_content

    settings = get_settings()
    try:
        state, attempts, f = _claim_attempt(file_id, page_number)
    except TRANSIENT as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    if f is None:
        return state  # already done or failed by an earlier delivery: nothing to redo
    if attempts > settings.task_max_attempts:
        _store_failure(file_id, page_number, "page_attempts_exhausted",
                       f"{f.filename} page {page_number}: gave up after {attempts - 1} attempts "
                       "(the page crashed, timed out or killed its worker each time)")
        _finish_if_complete(file_id)
        return "failed"

    try:
        result = extract_page_content(_source_path(f), f.kind, page_number, settings, SqlOcrCache())
    except InputError as exc:
        _store_failure(file_id, page_number, exc.code, f"{f.filename} page {page_number}: {exc.message}")
        _finish_if_complete(file_id)
        return "failed"
    except SoftTimeLimitExceeded:
        return _retry_or_fail(self, f, page_number, attempts, "page_timeout",
                              f"took longer than {settings.task_soft_time_limit} s", None)
    except Exception as exc:  # noqa: BLE001 - any other failure may be transient: retry, then record
        return _retry_or_fail(self, f, page_number, attempts, "extraction_error",
                              f"{type(exc).__name__}: {str(exc)[:300]}", exc)

    try:
        _store_page(f, result)
    except TRANSIENT as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    _finish_if_complete(file_id)
    return "done"


def _retry_or_fail(self: Task, f: SourceFile, page_number: int, attempts: int, code: str, reason: str,
                   exc: Exception | None) -> str:
    if attempts < get_settings().task_max_attempts:
        # The attempt counter, not Celery's retry count, decides: it also counts killed workers.
        with session_scope() as s:
            s.execute(update(Page).where(Page.page_id == page_id_for(f.file_id, page_number))
                      .values(error_code=code))
        raise self.retry(exc=exc, countdown=_backoff(attempts - 1), max_retries=None)
    _store_failure(f.file_id, page_number, code, f"{f.filename} page {page_number}: {reason}")
    _finish_if_complete(f.file_id)
    return "failed"


def _store_page(f: SourceFile, result: PageResult) -> None:
    with session_scope() as s:
        page = s.get(Page, page_id_for(f.file_id, result.page_number))
        assert page is not None
        page.text = result.text
        page.source = result.source
        page.ocr_confidence = result.ocr_confidence
        page.rotation = result.rotation
        page.width = result.width
        page.height = result.height
        page.words = result.words
        page.image_sha256 = result.image_sha256
        page.status = "failed" if result.source == "failed" else "done"
        page.error_code = result.error_code
        page.error_message = result.error_message
        page.processed_at = utcnow()
        if result.error_code:
            record_file_error(s, f.file_id, result.page_number, result.error_code,
                              f"{f.filename} page {result.page_number}: {result.error_message}")


def _store_failure(file_id: str, page_number: int, code: str, message: str) -> None:
    with session_scope() as s:
        page = s.get(Page, page_id_for(file_id, page_number))
        if page is not None:
            page.status = "failed"
            page.source = "failed"
            page.text = ""
            page.error_code = code
            page.error_message = message
            page.processed_at = utcnow()
        record_file_error(s, file_id, page_number, code, message)
    log.warning("page failed", extra={"file_id": file_id, "page": page_number, "code": code})


def _finish_if_complete(file_id: str) -> None:
    """Whoever stores the last page queues finish_file; two racing last pages both may: it is idempotent."""
    with session_scope() as s:
        pending = s.scalar(
            select(func.count()).select_from(Page).where(Page.file_id == file_id, Page.status == "pending")
        )
    if pending == 0:
        queue_finish(file_id)


# Analysis of a file is one task whose work grows with the file (about 30 ms a page, measured on
# 3,000 pages): its limits grow with it, staying below the broker's visibility timeout so a running
# analysis is never handed to a second worker.
FINISH_SECONDS_PER_PAGE = 0.1


def finish_limits(page_count: int) -> tuple[int, int]:
    settings = get_settings()
    ceiling = max(settings.task_soft_time_limit, settings.broker_visibility_timeout - 120)
    soft = min(ceiling, max(settings.task_soft_time_limit, int(60 + FINISH_SECONDS_PER_PAGE * page_count)))
    return soft, soft + (settings.task_time_limit - settings.task_soft_time_limit)


def queue_finish(file_id: str) -> None:
    with session_scope() as s:
        f = s.get(SourceFile, file_id)
        pages = f.page_count if f else 0
    soft, hard = finish_limits(pages)
    finish_file.apply_async((file_id,), soft_time_limit=soft, time_limit=hard)


@app.task(bind=True, name="claimdex.finish_file", max_retries=10)
def finish_file(self: Task, file_id: str) -> str:
    from workers.file_analysis import analyse_file

    analysis_error: str | None = None
    try:
        with session_scope() as s:
            f = s.get(SourceFile, file_id)
            if f is None:
                return "missing"
            analyse_file(s, f)
    except TRANSIENT as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    except Exception as exc:  # noqa: BLE001 - pages are safe; record why documents/flags are missing
        analysis_error = (f"classification and flagging failed ({type(exc).__name__}: {str(exc)[:200]}); "
                          "pages are stored and searchable; `claimdex retry` runs it again")
        log.exception("file analysis failed", extra={"file_id": file_id, "code": "analysis_failed"})
    try:
        with session_scope() as s:
            f = s.get(SourceFile, file_id)
            assert f is not None
            claim_id = f.claim_id
            if analysis_error:
                record_file_error(s, file_id, None, "analysis_failed", f"{f.filename}: {analysis_error}")
            counts = dict(
                s.execute(
                    select(Page.status, func.count()).where(Page.file_id == file_id).group_by(Page.status)
                ).all()
            )
            done, failed = counts.get("done", 0), counts.get("failed", 0)
            if counts.get("pending", 0):
                return "waiting"
            if f.page_count and done == 0:
                f.status = "failed"
            elif failed or analysis_error:
                f.status = "partial"
            else:
                f.status = "done"
            f.finished_at = utcnow()
            status = f.status
    except TRANSIENT as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    index_claim.delay(claim_id)
    log.info("file finished", extra={"file_id": file_id, "status": status})
    return status


@app.task(bind=True, name="claimdex.index_claim", max_retries=30)
def index_claim(self: Task, claim_id: str) -> int:
    """Push the claim's pages to the search index. Down index: retry with backoff, nothing lost."""
    from indexers.base import SearchIndexUnavailable
    from indexers.factory import get_search_index
    from indexers.page_documents import index_claim_pages

    try:
        with session_scope() as s:
            return index_claim_pages(s, get_search_index(), claim_id)
    except (SearchIndexUnavailable, *TRANSIENT) as exc:
        log.warning("search index unavailable; will retry", extra={"claim_id": claim_id,
                                                                  "attempt": self.request.retries})
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc


@app.task(name="claimdex.resegment_file")
def resegment_file(file_id: str) -> str:
    """After a provider's correction: replay segmentation and flagging for one file, then re-index."""
    return finish_file.run(file_id)


def requeue_claim(claim_id: str, include_failed: bool = True) -> int:
    """Queue again what a claim still needs: failed pages (fresh attempts), pending pages, unstarted files.

    For the operator after fixing a cause of failures, and for a broker that lost its queue (a Redis
    without an append-only file restarted): SQL knows what is unfinished, so nothing is lost. Queueing
    a page twice is harmless: a page already done is skipped by the task.
    """
    from store.models import FileError

    with session_scope() as s:
        failed = list(s.scalars(select(Page).where(Page.claim_id == claim_id, Page.status == "failed"))) \
            if include_failed else []
        for p in failed:
            p.status, p.attempts, p.error_code, p.error_message, p.source = "pending", 0, None, None, None
        for fid in {p.file_id for p in failed}:
            f = s.get(SourceFile, fid)
            if f is not None:
                f.status = "processing"
            for err in s.scalars(select(FileError).where(FileError.file_id == fid, FileError.page.is_not(None))):
                s.delete(err)
        s.flush()
        pending = [(p.file_id, p.page_number) for p in
                   s.scalars(select(Page).where(Page.claim_id == claim_id, Page.status == "pending"))]
        unstarted = list(s.scalars(select(SourceFile.file_id).where(
            SourceFile.claim_id == claim_id, SourceFile.status == "queued", SourceFile.kind != "zip")))
        # Files whose pages are all extracted but whose analysis failed or never ran.
        with_pending = {fid for fid, _ in pending}
        unfinished = [
            fid for fid in s.scalars(select(SourceFile.file_id).where(
                SourceFile.claim_id == claim_id, SourceFile.kind != "zip",
                SourceFile.status.in_(("processing", "partial"))))
            if fid not in with_pending
        ]
        for err in s.scalars(select(FileError).where(FileError.file_id.in_(unfinished),
                                                     FileError.code == "analysis_failed")):
            s.delete(err)
    for fid in unfinished:
        queue_finish(fid)
    for fid in unstarted:
        ingest_file.delay(fid)
    for fid, n in pending:
        extract_page.delay(fid, n)
    return len(pending) + len(unstarted) + len(unfinished)
