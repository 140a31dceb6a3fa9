"""Sending work to the workers, by task name: what commands, routes and the tasks themselves queue.

Importing this does not import the tasks (nor the analysis and the model libraries behind them), so a
command that only queues work, or waits for it, starts in a fraction of a second. The task names are
the contract with workers/tasks.py (tests/workers/test_chunks.py checks they match).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claims import page_results
from config.settings import get_settings
from workers.celery_app import app

INGEST_FILE = "claimdex.ingest_file"
EXTRACT_PAGE = "claimdex.extract_page"
EXTRACT_CHUNK = "claimdex.extract_chunk"
FINISH_FILE = "claimdex.finish_file"
INDEX_FILE = "claimdex.index_file"
INDEX_CLAIM = "claimdex.index_claim"

# Analysis of a file is one task whose work grows with the file (about 30 ms a page, measured on
# 3,000 pages): its limits grow with it, staying below the broker's visibility timeout so a running
# analysis is never handed to a second worker.
FINISH_SECONDS_PER_PAGE = 0.1

# The last TAPER_CHUNKS chunks' worth of a file's pages are read in chunks TAPER_DIVISOR times smaller
# (tapered_runs): one chunk's worth lets a process that started late, or drew slower pages, catch up.
# Each chunk costs ~15-35 ms of CPU of its own (its transaction, index commit, events), so only one.
TAPER_CHUNKS = 1
TAPER_DIVISOR = 5


def send(name: str, *args: Any, **options: Any) -> None:
    if app.conf.task_always_eager:
        # In-process runs (tests, bench/profile_ingest.py): send_task would still use the broker.
        if name not in app.tasks:
            app.loader.import_default_modules()
        app.tasks[name].apply(args=args)
        return
    app.send_task(name, args=args, **options)


def finish_limits(page_count: int) -> tuple[int, int]:
    settings = get_settings()
    ceiling = max(settings.task_soft_time_limit, settings.broker_visibility_timeout - 120)
    soft = min(ceiling, max(settings.task_soft_time_limit, int(60 + FINISH_SECONDS_PER_PAGE * page_count)))
    return soft, soft + (settings.task_time_limit - settings.task_soft_time_limit)


def queue_finish(file_id: str) -> None:
    soft, hard = finish_limits(page_results.page_count(file_id))
    send(FINISH_FILE, file_id, soft_time_limit=soft, time_limit=hard)


def page_runs(pages: Iterable[int], size: int) -> list[tuple[int, int]]:
    """Contiguous runs of page numbers, each at most ``size`` long: [(first, last), ...]."""
    runs: list[tuple[int, int]] = []
    for n in sorted(set(pages)):
        if runs and n == runs[-1][1] + 1 and n - runs[-1][0] < size:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def tapered_runs(pages: Iterable[int], size: int) -> list[tuple[int, int]]:
    """page_runs of `size`, but the last TAPER_CHUNKS * size pages in runs of size // TAPER_DIVISOR.

    The pool's processes take chunks as they free up, so the file's last chunk ends up to one chunk's
    time after the others: with 25-page chunks (~0.5-1 s of work each) one core idled that long before
    finish_file could start, and a 30-page file ran as 25 pages on one core and 5 on the other. Small
    chunks at the end let every process finish within a small chunk of the others."""
    ordered = sorted(set(pages))
    small = size // TAPER_DIVISOR
    if small < 2:  # chunks too small to taper
        return page_runs(ordered, size)
    split = max(0, len(ordered) - TAPER_CHUNKS * size)
    return page_runs(ordered[:split], size) + page_runs(ordered[split:], small)


def queue_pages(file_id: str, pages: Iterable[int]) -> None:
    """Pages to read: runs of them as chunks (a chunk sends any page that needs OCR, or that it cannot
    read, to a task of its own), smaller at the end of the file (tapered_runs), a lone page as a
    single-page task."""
    for first, last in tapered_runs(pages, max(1, get_settings().text_chunk_pages)):
        if first == last:
            send(EXTRACT_PAGE, file_id, first)
        else:
            send(EXTRACT_CHUNK, file_id, first, last)


class CeleryWorkQueue:
    """The WorkQueue port (claims/work_queue.py) on the Celery tasks."""

    def ingest_files(self, file_ids: Iterable[str]) -> None:
        for file_id in file_ids:
            send(INGEST_FILE, file_id)

    def extract_pages(self, pages: Iterable[tuple[str, int]]) -> None:
        by_file: dict[str, list[int]] = {}
        for file_id, page_number in pages:
            by_file.setdefault(file_id, []).append(page_number)
        for file_id, numbers in by_file.items():
            queue_pages(file_id, numbers)

    def analyse_file(self, file_id: str) -> None:
        queue_finish(file_id)

    def index_claim(self, claim_id: str) -> None:
        send(INDEX_CLAIM, claim_id)
