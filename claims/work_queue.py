"""The work the use cases ask for, as a port: Celery implements it (workers/queueing.py).

Use cases sit below the workers, so they never import a task. Whoever calls them (a task, an HTTP
route, a CLI command) passes a WorkQueue; tests pass a recording fake. Queueing twice is harmless:
every task is idempotent.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


class WorkQueue(Protocol):
    def ingest_files(self, file_ids: Iterable[str]) -> None:
        """Open, count and fan out each file."""

    def extract_pages(self, pages: Iterable[tuple[str, int]]) -> None:
        """Extract these (file id, page number) pages."""

    def analyse_file(self, file_id: str) -> None:
        """Segment, classify and flag a file whose pages are all extracted (again after a correction)."""

    def index_claim(self, claim_id: str) -> None:
        """Bring the claim's search index up to date with SQL."""
