"""A file's pages from fan-out to stored result: the bookkeeping behind the ingest and extract tasks.

The tasks read the original (count its pages, extract one page) with pure functions and hand the
results here; everything here is SQL, idempotent and safe to repeat: a redelivered task finds the
pages it already created, a done page is never redone, and the attempt counter (not Celery's retry
count) decides when a page that keeps crashing or killing its worker is recorded as failed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from claims.file_errors import record_file_error
from claims.input_kinds import InputError
from claims.work_queue import WorkQueue
from config.settings import Settings
from store.blobs import BlobStore
from store.db import session_scope
from store.ids import page_id_for
from store.models import Claim, FileError, Page, SourceFile, utcnow
from store.page_content import PageResult

if TYPE_CHECKING:  # the CLI imports this module: the analysis' classifiers stay out of its start-up
    from claims.page_analysis import PageCaches

FINISHED_FILE_STATES = ("done", "partial", "failed")


# Plain frozen records of what a task needs (like claims/corrections.CorrectionResult): alike in shape only.
@dataclass(frozen=True)
class FileToRead:
    """What a task needs to read an original: where its bytes are and what kind they are."""

    file_id: str
    claim_id: str
    filename: str
    kind: str
    path: Path
    page_count: int


def _to_read(f: SourceFile, settings: Settings) -> FileToRead:
    return FileToRead(f.file_id, f.claim_id, f.filename, f.kind, BlobStore(settings.blob_dir).path_for(f.sha256),
                      f.page_count)


def file_to_fan_out(file_id: str, settings: Settings) -> FileToRead | None:
    """The file, unless it is unknown or already finished (a redelivered ingest_file does nothing)."""
    with session_scope() as s:
        f = s.get(SourceFile, file_id)
        if f is None or f.status in FINISHED_FILE_STATES:
            return None
        return _to_read(f, settings)


def refuse_file(file_id: str, exc: InputError) -> None:
    """A file that cannot be opened or counted fails alone, with its specific reason."""
    with session_scope() as s:
        f = s.get(SourceFile, file_id)
        if f is None:
            return
        f.status = "failed"
        f.finished_at = utcnow()
        record_file_error(s, file_id, exc.page, exc.code, f"{f.filename}: {exc.message}")


def register_pages(file_id: str, n_pages: int) -> list[int]:
    """Page rows for pages 1..n (the ones a redelivery already made are kept); the pages still to extract."""
    with session_scope() as s:
        f = s.get(SourceFile, file_id)
        if f is None:
            return []
        f.page_count = n_pages
        f.status = "processing"
        statuses = dict(s.execute(select(Page.page_number, Page.status).where(Page.file_id == file_id)).all())
        for n in range(1, n_pages + 1):
            if n not in statuses:
                s.add(Page(page_id=page_id_for(file_id, n), file_id=file_id, claim_id=f.claim_id,
                           page_number=n, status="pending"))
        return [n for n in range(1, n_pages + 1) if statuses.get(n, "pending") == "pending"]


@dataclass(frozen=True)
class Attempt:
    state: str  # "pending" (work on it), "missing", or the page's finished status
    number: int  # this attempt's number, counted before any work
    file: FileToRead | None  # set when there is work to do


def begin_attempt(file_id: str, page_number: int, settings: Settings) -> Attempt:
    """Count this run as an attempt before any work, so a page that kills its worker is seen."""
    page_id = page_id_for(file_id, page_number)
    with session_scope() as s:
        page = s.get(Page, page_id)
        f = s.get(SourceFile, file_id)
        if page is None or f is None:
            return Attempt("missing", 0, None)
        if page.status != "pending":
            return Attempt(page.status, page.attempts, None)
        s.execute(update(Page).where(Page.page_id == page_id).values(attempts=Page.attempts + 1))
        attempts = s.scalar(select(Page.attempts).where(Page.page_id == page_id)) or 1
        return Attempt("pending", attempts, _to_read(f, settings))


@dataclass(frozen=True)
class ChunkAttempt:
    """A run of a file's pages read together (born-digital pages, one PDF opened once)."""

    file: FileToRead | None  # None: unknown file, or nothing left to do in the range
    pages: list[int]  # the range's pending pages, this attempt counted on each
    retried: bool  # some of them were attempted before: a page may have killed the last run


def begin_chunk(file_id: str, first: int, last: int, settings: Settings) -> ChunkAttempt:
    """Count an attempt on every pending page of [first, last] before any work (as begin_attempt does)."""
    with session_scope() as s:
        f = s.get(SourceFile, file_id)
        rows = list(s.scalars(select(Page).where(Page.file_id == file_id, Page.status == "pending",
                                                 Page.page_number.between(first, last))
                              .order_by(Page.page_number)))
        if f is None or not rows:
            return ChunkAttempt(None, [], False)
        retried = any(p.attempts > 0 for p in rows)
        s.execute(update(Page).where(Page.page_id.in_([p.page_id for p in rows]))
                  .values(attempts=Page.attempts + 1))
        return ChunkAttempt(_to_read(f, settings), [p.page_number for p in rows], retried)


def release_pages(file_id: str, page_numbers: list[int]) -> None:
    """Pages a chunk hands on to single-page tasks (OCR, or a page to isolate): the chunk's attempt on
    them is taken back, so each page still gets its full number of attempts of its own."""
    if not page_numbers:
        return
    with session_scope() as s:
        s.execute(update(Page).where(Page.file_id == file_id, Page.status == "pending",
                                     Page.page_number.in_(page_numbers), Page.attempts > 0)
                  .values(attempts=Page.attempts - 1))


def note_retry(file_id: str, page_number: int, code: str) -> None:
    """A transient failure: the page stays pending with the code of what went wrong, for `status`."""
    with session_scope() as s:
        s.execute(update(Page).where(Page.page_id == page_id_for(file_id, page_number)).values(error_code=code))


def store_page(f: FileToRead, result: PageResult, caches: Mapping[int, PageCaches] | None = None) -> str | None:
    """Write one extracted page back; returns its page id when it is done (to be indexed)."""
    done = store_pages(f, [result], caches)
    return done[0] if done else None


def store_pages(f: FileToRead, results: list[PageResult], caches: Mapping[int, PageCaches] | None = None
                ) -> list[str]:
    """Write extracted pages back in one transaction; returns the ids of those now done (to index).

    caches: by page number, the page's features, type and flags as its task found them
    (claims/page_analysis.py)."""
    done: list[str] = []
    caches = caches or {}
    with session_scope() as s:
        # The chunk's page rows in one query, not one query a page.
        ids = [page_id_for(f.file_id, result.page_number) for result in results]
        rows = {page.page_id: page for page in s.scalars(select(Page).where(Page.page_id.in_(ids)))} if ids else {}
        for result, page_id in zip(results, ids, strict=True):
            page = rows.get(page_id)
            if page is None or page.status != "pending":
                continue  # a redelivered task's page another delivery already wrote
            page.text = result.text
            page.source = result.source
            page.ocr_confidence = result.ocr_confidence
            page.rotation = result.rotation
            page.width = result.width
            page.height = result.height
            page.words = [list(w) for w in result.words]
            page.image_sha256 = result.image_sha256
            page.status = "failed" if result.source == "failed" else "done"
            page.error_code = result.error_code
            page.error_message = result.error_message
            page.processed_at = utcnow()
            cache = caches.get(result.page_number) if page.status == "done" else None
            page.flag_cache = cache.flags if cache else None
            page.type_cache = cache.typing if cache else None
            if result.error_code:
                record_file_error(s, f.file_id, result.page_number, result.error_code,
                                  f"{f.filename} page {result.page_number}: {result.error_message}")
            if page.status == "done":
                done.append(page.page_id)
    return done


def store_failure(file_id: str, page_number: int, code: str, message: str) -> None:
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


def pages_pending(file_id: str) -> int:
    with session_scope() as s:
        return s.scalar(
            select(func.count()).select_from(Page).where(Page.file_id == file_id, Page.status == "pending")
        ) or 0


def claim_of(session: Session, file_id: str) -> str | None:
    f = session.get(SourceFile, file_id)
    return f.claim_id if f else None


def page_count(file_id: str) -> int:
    with session_scope() as s:
        f = s.get(SourceFile, file_id)
        return f.page_count if f else 0


def requeue_claim(claim_id: str, queue: WorkQueue, include_failed: bool = True) -> int:
    """Queue again what a claim still needs: failed pages (fresh attempts), pending pages, unstarted files.

    For the operator after fixing a cause of failures, and for a broker that lost its queue (a Redis
    without an append-only file restarted): SQL knows what is unfinished, so nothing is lost. Queueing
    a page twice is harmless: a page already done is skipped by the task.
    """
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
        queue.analyse_file(fid)
    queue.ingest_files(unstarted)
    queue.extract_pages(pending)
    return len(pending) + len(unstarted) + len(unfinished)


def requeue_unfinished(queue: WorkQueue) -> int:
    """Work SQL knows is unfinished, in every claim, queued again: pages still pending, files never
    started, files whose pages are all read but whose analysis never ran, claims not indexed since their
    last file finished. Failed pages are left alone (that is `claimdex retry`).

    For when the broker comes back from a crash: tasks it lost, and follow-up work that running tasks
    could not send while it was away. Queueing twice is harmless: every task is idempotent.
    """
    with session_scope() as s:
        pending = [(fid, n) for fid, n in s.execute(
            select(Page.file_id, Page.page_number).join(SourceFile, SourceFile.file_id == Page.file_id)
            .where(Page.status == "pending", SourceFile.status == "processing"))]
        unstarted = list(s.scalars(select(SourceFile.file_id).where(SourceFile.status == "queued",
                                                                     SourceFile.kind != "zip")))
        with_pending = {fid for fid, _ in pending}
        unanalysed = [fid for fid in s.scalars(select(SourceFile.file_id).where(
            SourceFile.status == "processing", SourceFile.kind != "zip")) if fid not in with_pending]
        last_finished = dict(s.execute(select(SourceFile.claim_id, func.max(SourceFile.finished_at))
                                       .where(SourceFile.finished_at.is_not(None)).group_by(SourceFile.claim_id)))
        unindexed = [c.claim_id for c in s.scalars(select(Claim).where(Claim.claim_id.in_(list(last_finished))))
                     if c.indexed_at is None or c.indexed_at < last_finished[c.claim_id]]
    for fid in unanalysed:
        queue.analyse_file(fid)
    queue.ingest_files(unstarted)
    queue.extract_pages(pending)
    for claim_id in unindexed:
        queue.index_claim(claim_id)
    return len(pending) + len(unstarted) + len(unanalysed) + len(unindexed)
