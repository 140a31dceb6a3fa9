"""Thin Celery tasks: read the original with a pure function, hand the result to a use case. DESIGN.md §2, §6.

ingest_file   opens a file, counts its pages, creates page rows, fans out one extract_page per page.
extract_page  extracts one page (text layer or OCR); the last page to finish queues finish_file.
finish_file   segments, classifies, flags, stores (claims/analysis.py); then queues index_claim.
index_claim   brings the claim's search index up to date (claims/indexing.py); retried while it is down.

Every task is idempotent: ids are deterministic, a done page is never redone, a retried
finish_file replaces what the previous run wrote.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from celery import Task
from celery.exceptions import SoftTimeLimitExceeded

from claims import page_results
from claims.analysis import TRANSIENT_DATABASE_ERRORS, analyse_and_close_file
from claims.indexing import index_claim_pages
from claims.input_kinds import InputError
from config.settings import get_settings
from indexers.base import SearchIndexUnavailable
from indexers.factory import get_search_index
from store.db import session_scope
from store.ocr_cache import SqlOcrCache
from workers.celery_app import app
from workers.page_count import count_pages
from workers.page_extraction import extract_page_content

log = logging.getLogger(__name__)


def _backoff(retries: int) -> int:
    return min(get_settings().retry_backoff_max, 2 ** (retries + 1))


@app.task(bind=True, name="claimdex.ingest_file", max_retries=8)
def ingest_file(self: Task, file_id: str) -> int:
    """Count pages and fan out. Returns the number of page tasks queued."""
    settings = get_settings()
    try:
        f = page_results.file_to_fan_out(file_id, settings)
        if f is None:
            return 0
        try:
            n_pages = count_pages(f.path, f.kind, settings)
        except InputError as exc:
            page_results.refuse_file(file_id, exc)
            log.warning("file refused", extra={"file_id": file_id, "code": exc.code})
            return 0
        todo = page_results.register_pages(file_id, n_pages)
    except TRANSIENT_DATABASE_ERRORS as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    for n in todo:
        extract_page.delay(file_id, n)
    if not todo:
        queue_finish(file_id)
    log.info("file fanned out", extra={"file_id": file_id, "pages": len(todo)})
    return len(todo)


@app.task(bind=True, name="claimdex.extract_page", max_retries=None)
def extract_page(self: Task, file_id: str, page_number: int) -> str:
    settings = get_settings()
    try:
        attempt = page_results.begin_attempt(file_id, page_number, settings)
    except TRANSIENT_DATABASE_ERRORS as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    f = attempt.file
    if f is None:
        return attempt.state  # already done or failed by an earlier delivery: nothing to redo
    if attempt.number > settings.task_max_attempts:
        page_results.store_failure(file_id, page_number, "page_attempts_exhausted",
                                   f"{f.filename} page {page_number}: gave up after {attempt.number - 1} attempts "
                                   "(the page crashed, timed out or killed its worker each time)")
        _finish_if_complete(file_id)
        return "failed"

    try:
        result = extract_page_content(f.path, f.kind, page_number, settings, SqlOcrCache())
    except InputError as exc:
        page_results.store_failure(file_id, page_number, exc.code, f"{f.filename} page {page_number}: {exc.message}")
        _finish_if_complete(file_id)
        return "failed"
    except SoftTimeLimitExceeded:
        return _retry_or_fail(self, f, page_number, attempt.number, "page_timeout",
                              f"took longer than {settings.task_soft_time_limit} s", None)
    except Exception as exc:  # noqa: BLE001 - any other failure may be transient: retry, then record
        return _retry_or_fail(self, f, page_number, attempt.number, "extraction_error",
                              f"{type(exc).__name__}: {str(exc)[:300]}", exc)

    try:
        page_results.store_page(f, result)
    except TRANSIENT_DATABASE_ERRORS as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    _finish_if_complete(file_id)
    return "done"


def _retry_or_fail(self: Task, f: page_results.FileToRead, page_number: int, attempts: int, code: str, reason: str,
                   exc: Exception | None) -> str:
    if attempts < get_settings().task_max_attempts:
        # The attempt counter, not Celery's retry count, decides: it also counts killed workers.
        page_results.note_retry(f.file_id, page_number, code)
        raise self.retry(exc=exc, countdown=_backoff(attempts - 1), max_retries=None)
    page_results.store_failure(f.file_id, page_number, code, f"{f.filename} page {page_number}: {reason}")
    _finish_if_complete(f.file_id)
    return "failed"


def _finish_if_complete(file_id: str) -> None:
    """Whoever stores the last page queues finish_file; two racing last pages both may: it is idempotent."""
    if page_results.pages_pending(file_id) == 0:
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
    soft, hard = finish_limits(page_results.page_count(file_id))
    finish_file.apply_async((file_id,), soft_time_limit=soft, time_limit=hard)


@app.task(bind=True, name="claimdex.finish_file", max_retries=10)
def finish_file(self: Task, file_id: str) -> str:
    try:
        status, claim_id = analyse_and_close_file(file_id)
    except TRANSIENT_DATABASE_ERRORS as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    if claim_id is not None and status != "waiting":
        index_claim.delay(claim_id)
        log.info("file finished", extra={"file_id": file_id, "status": status})
    return status


@app.task(bind=True, name="claimdex.index_claim", max_retries=30)
def index_claim(self: Task, claim_id: str) -> int:
    """Push the claim's pages to the search index. Down index: retry with backoff, nothing lost."""
    try:
        with session_scope() as s:
            return index_claim_pages(s, get_search_index(), claim_id)
    except (SearchIndexUnavailable, *TRANSIENT_DATABASE_ERRORS) as exc:
        log.warning("search index unavailable; will retry", extra={"claim_id": claim_id,
                                                                  "attempt": self.request.retries})
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc


class CeleryWorkQueue:
    """The WorkQueue port (claims/work_queue.py) on these tasks: what routes and commands hand to use cases."""

    def ingest_files(self, file_ids: Iterable[str]) -> None:
        for file_id in file_ids:
            ingest_file.delay(file_id)

    def extract_pages(self, pages: Iterable[tuple[str, int]]) -> None:
        for file_id, page_number in pages:
            extract_page.delay(file_id, page_number)

    def analyse_file(self, file_id: str) -> None:
        queue_finish(file_id)

    def index_claim(self, claim_id: str) -> None:
        index_claim.delay(claim_id)
