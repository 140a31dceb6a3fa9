"""Thin Celery tasks: read the original with a pure function, hand the result to a use case. DESIGN.md §2, §6.

ingest_file    opens a file, counts its pages, creates page rows, fans out: runs of a PDF's pages as
               extract_chunk tasks, other pages (TIFF frames, images) as extract_page tasks.
extract_chunk  reads the text layers of up to CLAIMDEX_TEXT_CHUNK_PAGES pages with the PDF opened once,
               finds their flags for the type each page predicts (claims/page_analysis.py), stores and
               indexes the born-digital ones together, and sends each page that needs OCR (or that
               failed) to an extract_page task of its own.
extract_page   extracts one page (text layer or OCR), finds its flags the same way, stores and indexes it.
               Whoever stores a file's last page queues finish_file.
finish_file    segments, classifies, flags, stores (claims/analysis.py); then queues index_file.
index_file     gives the file's indexed pages their documents, dates and flags (claims/indexing.py).
index_claim    re-indexes a whole claim (after a correction or a review); retried while the index is down.

Every task is idempotent: ids are deterministic, a done page is never redone, a retried
finish_file replaces what the previous run wrote.
"""

from __future__ import annotations

import gc
import logging

from celery import Task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_init
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from claims import page_results
from claims.analysis import TRANSIENT_DATABASE_ERRORS, analyse_and_close_file, analyse_file
from claims.indexing import index_claim_pages, index_new_pages
from claims.indexing import index_file as index_file_fields
from claims.input_kinds import InputError
from claims.page_analysis import page_caches
from claims.trained_models import ModelUnavailable, record_type_model
from config.settings import get_settings
from indexers.base import SearchIndexUnavailable
from indexers.factory import get_search_index
from store.db import session_scope
from store.models import Base, Page, SourceFile
from store.ocr_cache import SqlOcrCache
from workers import compiled_patterns, prefilter_requirements
from workers.celery_app import app
from workers.page_count import count_pages
from workers.page_extraction import extract_page_content, read_text_layers
from workers.progress_events import publish
from workers.queueing import (
    EXTRACT_CHUNK,
    EXTRACT_PAGE,
    FINISH_FILE,
    INDEX_CLAIM,
    INDEX_FILE,
    INGEST_FILE,
    CeleryWorkQueue,
    finish_limits,
    queue_finish,
    queue_pages,
    send,
)

__all__ = ["CeleryWorkQueue", "finish_limits", "queue_finish"]

log = logging.getLogger(__name__)


# A made-up page (no one's record) that exercises the analysis once, before the pool forks.
WARM_UP_PAGE = ("CHRONOLOGICAL RECORD OF MEDICAL CARE\nSM c/o low back pain x 3 days after a 12-mile ruck march. "
                "Denies numbness. Gait antalgic, uses a cane. Assessment: lumbar strain. MRI: disc desiccation "
                "at L4-5. Opinion: less likely than not related to service; consistent with natural aging.")


@worker_init.connect
def _warm_up_before_fork(**_kwargs: object) -> None:
    """Once, in the pool's main process: load the record-type model and run the analysis on a made-up page
    (compiling the rule packs: ~1.5 s on first use, ~0.5 s with their patterns restored). Every pool
    process forked from it, and every replacement, starts warm instead of paying both on its first file.

    Then what start-up made is frozen out of the garbage collector's reach and the collector, held since
    the process started (workers/celery_worker.py), runs again: a forked pool process never walks its
    parent's ~300,000 objects (~0.1 s of CPU each full collection) nor writes to their pages."""
    try:
        _warm_up()
    finally:
        gc.freeze()
        gc.enable()


def _warm_up() -> None:
    try:
        record_type_model(get_settings())
    except ModelUnavailable as exc:
        log.error("record-type model unavailable; analyses will fail until `claimdex train`: %s", exc)
        return
    # The rule packs' regular expressions as the last warm-up next to these models compiled them
    # (workers/compiled_patterns.py): ~1 s less on every pool start after the first.
    patterns = compiled_patterns.patterns_file(get_settings().resolved_model_dir)
    compiled_by_imports = set(compiled_patterns.cached_patterns())
    known = compiled_patterns.restore(patterns)
    # And what the finder reads off them (literals, anchors, faster rewrites): ~1.2 s less again.
    requirements = prefilter_requirements.requirements_file(get_settings().resolved_model_dir)
    kept = prefilter_requirements.restore(requirements)
    try:
        engine = create_engine("sqlite://")
        Base.metadata.create_all(engine)
        with Session(engine) as s:
            f = SourceFile(file_id="warm-up", claim_id="warm-up", filename="warm-up.pdf", sha256="0" * 64,
                           kind="pdf", page_count=1, status="processing")
            s.add(f)
            s.add(Page(page_id="warm-up-1", file_id="warm-up", claim_id="warm-up", page_number=1, status="done",
                       text=WARM_UP_PAGE, words=[]))
            s.flush()
            analyse_file(s, f)
            s.rollback()
        page_caches([(1, WARM_UP_PAGE, [])], get_settings())  # reads the flag code's digest once
        engine.dispose()
    except Exception as exc:  # noqa: BLE001 - best effort: a cold pool process still works, only slower at first
        log.warning("analysis warm-up skipped: %s", type(exc).__name__)
        return
    keep = compiled_patterns.patterns_to_keep(compiled_by_imports, known, compiled_patterns.cached_patterns())
    if keep is not None:
        try:
            compiled_patterns.save(patterns, keep, known)
        except Exception as exc:  # noqa: BLE001 - an optimisation only (a read-only model dir): the next pool compiles
            log.warning("compiled patterns not kept: %s", type(exc).__name__)
    if prefilter_requirements.known_count() > kept:
        try:
            prefilter_requirements.save(requirements)
        except OSError as exc:  # a read-only model dir: the next pool reads them again
            log.warning("literal requirements not kept: %s", type(exc).__name__)


def _backoff(retries: int) -> int:
    return min(get_settings().retry_backoff_max, 2 ** (retries + 1))


@app.task(bind=True, name=INGEST_FILE, max_retries=8)
def ingest_file(self: Task, file_id: str) -> int:
    """Count pages and fan out. Returns the number of pages queued."""
    settings = get_settings()
    try:
        f = page_results.file_to_fan_out(file_id, settings)
        if f is None:
            return 0
        try:
            n_pages = count_pages(f.path, f.kind, settings)
        except InputError as exc:
            page_results.refuse_file(file_id, exc)
            publish(f.claim_id)
            log.warning("file refused", extra={"file_id": file_id, "code": exc.code})
            return 0
        todo = page_results.register_pages(file_id, n_pages)
    except TRANSIENT_DATABASE_ERRORS as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    if f.kind == "pdf":
        queue_pages(file_id, todo)
    else:
        for n in todo:
            send(EXTRACT_PAGE, file_id, n)
    if not todo:
        queue_finish(file_id)
    log.info("file fanned out", extra={"file_id": file_id, "pages": len(todo)})
    return len(todo)


@app.task(bind=True, name=EXTRACT_CHUNK, max_retries=None)
def extract_chunk(self: Task, file_id: str, first: int, last: int) -> str:
    """Born-digital pages [first, last] read together; every other page handed to its own task."""
    settings = get_settings()
    try:
        chunk = page_results.begin_chunk(file_id, first, last, settings)
    except TRANSIENT_DATABASE_ERRORS as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    f = chunk.file
    if f is None:
        return "nothing to do"
    if chunk.retried or f.kind != "pdf":
        # A page of this run may have killed the last run's worker: each page now gets a task of its own,
        # so that page fails alone (its attempts counted) and the others are read.
        return _hand_out(f, chunk.pages, "handed out")
    try:
        read = read_text_layers(f.path, chunk.pages, settings)
    except InputError:
        return _hand_out(f, chunk.pages, "handed out")  # the file itself: each page task records why
    except SoftTimeLimitExceeded:
        return _hand_out(f, chunk.pages, "timed out; handed out")
    caches = page_caches([(r.page_number, r.text, r.words) for r in read.read if r.source != "failed"], settings)
    try:
        done = page_results.store_pages(f, read.read, caches)
        for n, exc in read.refused.items():
            page_results.store_failure(file_id, n, exc.code, f"{f.filename} page {n}: {exc.message}")
    except TRANSIENT_DATABASE_ERRORS as exc:
        page_results.release_pages(file_id, chunk.pages)
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    _index_new_pages(f.claim_id, done)
    others = sorted([*read.to_ocr, *read.crashed])
    _hand_out(f, others, "")
    if not others:
        _finish_if_complete(file_id)
    return f"{len(done)} read, {len(others)} handed out, {len(read.refused)} refused"


def _hand_out(f: page_results.FileToRead, pages: list[int], outcome: str) -> str:
    page_results.release_pages(f.file_id, pages)
    for n in pages:
        send(EXTRACT_PAGE, f.file_id, n)
    return outcome


@app.task(bind=True, name=EXTRACT_PAGE, max_retries=None)
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

    caches = page_caches([(page_number, result.text, result.words)] if result.source != "failed" else [],
                         settings)
    try:
        done = page_results.store_page(f, result, caches)
    except TRANSIENT_DATABASE_ERRORS as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    _index_new_pages(f.claim_id, [done] if done else [])
    _finish_if_complete(file_id)
    return "done"


def _index_new_pages(claim_id: str, page_ids: list[str]) -> None:
    """Searchable as soon as stored. The index is derived: if it cannot take the pages now, the page
    stays done and index_file adds whatever the index lacks when the file's analysis ends."""
    if not page_ids:
        return
    try:
        with session_scope() as s:
            index_new_pages(s, get_search_index(), claim_id, page_ids)
    except Exception as exc:  # noqa: BLE001 - never lose a stored page to an indexing failure
        log.warning("pages stored but not indexed yet", extra={"claim_id": claim_id, "pages": len(page_ids),
                                                                 "error": type(exc).__name__})
    publish(claim_id)


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


@app.task(bind=True, name=FINISH_FILE, max_retries=10)
def finish_file(self: Task, file_id: str) -> str:
    try:
        status, claim_id = analyse_and_close_file(file_id)
    except TRANSIENT_DATABASE_ERRORS as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    if claim_id is not None and status != "waiting":
        send(INDEX_FILE, file_id)
        publish(claim_id)
        log.info("file finished", extra={"file_id": file_id, "status": status})
    return status


@app.task(bind=True, name=INDEX_FILE, max_retries=30)
def index_file(self: Task, file_id: str) -> int:
    """The file's documents, dates and flags onto its indexed pages. Down index: retry, nothing lost."""
    try:
        with session_scope() as s:
            n = index_file_fields(s, get_search_index(), file_id)
            claim_id = page_results.claim_of(s, file_id)
    except (SearchIndexUnavailable, *TRANSIENT_DATABASE_ERRORS) as exc:
        log.warning("search index unavailable; will retry", extra={"file_id": file_id,
                                                                  "attempt": self.request.retries})
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    if claim_id:
        publish(claim_id)
    return n


@app.task(bind=True, name=INDEX_CLAIM, max_retries=30)
def index_claim(self: Task, claim_id: str) -> int:
    """Push the claim's pages to the search index. Down index: retry with backoff, nothing lost."""
    try:
        with session_scope() as s:
            return index_claim_pages(s, get_search_index(), claim_id)
    except (SearchIndexUnavailable, *TRANSIENT_DATABASE_ERRORS) as exc:
        log.warning("search index unavailable; will retry", extra={"claim_id": claim_id,
                                                                  "attempt": self.request.retries})
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
