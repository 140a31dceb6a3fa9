"""The search contract both backends implement and one conformance suite tests."""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class PageDoc:
    """One page as indexed: page text plus what the physician filters on."""

    page_id: str
    claim_id: str
    file_id: str
    filename: str
    page: int
    text: str
    document_id: str | None = None
    record_type: str = "other"
    date: dt.date | None = None
    in_service: bool | None = None
    flag_categories: list[str] = field(default_factory=list)


@dataclass
class PageFields:
    """What a file's analysis decides about an indexed page: its document, record type, date, whether it
    is in service, and its flag categories. Updated without re-sending the page's text."""

    page_id: str
    claim_id: str
    document_id: str | None = None
    record_type: str = "other"
    date: dt.date | None = None
    in_service: bool | None = None
    flag_categories: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, doc: PageDoc) -> PageFields:
        return cls(doc.page_id, doc.claim_id, doc.document_id, doc.record_type, doc.date, doc.in_service,
                   list(doc.flag_categories))


@dataclass
class SearchQuery:
    claim_id: str  # always required: a claim's hits never include another claim's pages
    text: str = ""
    record_types: list[str] = field(default_factory=list)
    flag_categories: list[str] = field(default_factory=list)
    in_service: bool | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = "relevance"  # or "date"
    size: int = 20
    cursor: str | None = None  # opaque, from SearchResult.next_cursor


@dataclass
class SearchHit:
    page_id: str
    file_id: str
    filename: str
    page: int
    document_id: str | None
    record_type: str
    date: dt.date | None
    score: float
    highlights: list[str]  # fragments with matches wrapped in <mark>…</mark>

    def to_json(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "filename": self.filename,
            "page": self.page,
            "document_id": self.document_id,
            "record_type": self.record_type,
            "date": self.date.isoformat() if self.date else None,
            "score": self.score,
            "highlights": self.highlights,
        }


@dataclass
class SearchResult:
    total: int
    hits: list[SearchHit]
    facets: dict[str, dict[str, int]]  # {"record_type": {...}, "flag": {...}, "in_service": {...}}
    next_cursor: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "hits": [h.to_json() for h in self.hits],
            "facets": self.facets,
            "next_cursor": self.next_cursor,
        }


class SearchIndexUnavailable(RuntimeError):
    """The backend cannot be reached: indexing is retried later, nothing is lost (SQL is the record)."""


class SearchIndex(ABC):
    @abstractmethod
    def ensure_ready(self) -> None:
        """Create or migrate the index (idempotent)."""

    @abstractmethod
    def upsert_pages(self, pages: list[PageDoc]) -> None:
        """Bulk insert-or-replace by page_id; raises SearchIndexUnavailable when the backend is down."""

    @abstractmethod
    def delete_claim(self, claim_id: str) -> None: ...

    @abstractmethod
    def search(self, query: SearchQuery) -> SearchResult: ...

    @abstractmethod
    def count(self, claim_id: str | None = None) -> int: ...

    # ---- additive, non-abstract: backends override; defaults keep older implementations working.

    def update_page_fields(self, fields: list[PageFields]) -> set[str]:
        """Set documents, record types, dates, in-service and flag categories of pages already indexed,
        leaving their text alone; returns the ids of the pages the index does not hold (to upsert whole).

        Pages are indexed with their text as soon as they are extracted; what the file's analysis finds
        arrives here when it ends, so the text is sent once.
        """
        raise NotImplementedError

    def prune_claim(self, claim_id: str, keep_page_ids: set[str]) -> int:
        """Remove the claim's indexed pages whose ids are not in ``keep_page_ids``; returns how many.

        Incremental indexing upserts what SQL has now; pages that vanished (a file re-processed with
        fewer pages, a page that became failed) must leave the index too.
        """
        raise NotImplementedError

    def rebuild(self, batches: Iterable[list[PageDoc]]) -> int:
        """Replace the whole index with these pages, readers seeing the old index until the swap.

        The default is not atomic; backends override (Elasticsearch: new index version + alias swap).
        """
        raise NotImplementedError

    def close(self) -> None:
        """Release connections (optional)."""
        return None
