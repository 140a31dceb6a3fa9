"""SQLAlchemy models: the system of record. The search index is derived from these rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Claim(Base):
    __tablename__ = "claims"

    claim_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    title: Mapped[str | None] = mapped_column(String(256))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # Derived search index state: "pending", "indexed" or "error" (Elasticsearch down delays, never loses).
    index_status: Mapped[str] = mapped_column(String(16), default="pending")
    index_error: Mapped[str | None] = mapped_column(Text)
    indexed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Job(Base):
    """One upload: the files it brought in, so progress can be shown per upload."""

    __tablename__ = "jobs"

    job_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.claim_id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(128))
    file_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)


class SourceFile(Base):
    __tablename__ = "files"

    file_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.claim_id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(1024))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer, default=0)
    # Sniffed from the bytes, never from the name: pdf, tiff, png, jpeg, zip, unknown.
    kind: Mapped[str] = mapped_column(String(16), default="unknown")
    # A ZIP member points at the archive it came from.
    parent_file_id: Mapped[str | None] = mapped_column(String(64))
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    # queued, processing, done, partial, failed (export schema).
    status: Mapped[str] = mapped_column(String(16), default="queued")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("claim_id", "sha256", name="uq_file_claim_sha"),)


class FileError(Base):
    """A specific failure on a file or one of its pages: code + message, as in the export schema."""

    __tablename__ = "file_errors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    file_id: Mapped[str] = mapped_column(ForeignKey("files.file_id", ondelete="CASCADE"), index=True)
    page: Mapped[int | None] = mapped_column(Integer)
    # The number of a refused ZIP member (errors on the archive): each refused member keeps its own row.
    member: Mapped[int | None] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("file_id", "page", "member", "code", name="uq_file_error"),)


class Page(Base):
    __tablename__ = "pages"

    page_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    file_id: Mapped[str] = mapped_column(ForeignKey("files.file_id", ondelete="CASCADE"))
    claim_id: Mapped[str] = mapped_column(String(128), index=True)
    page_number: Mapped[int] = mapped_column(Integer)
    # pending, done, failed
    status: Mapped[str] = mapped_column(String(16), default="pending")
    text: Mapped[str] = mapped_column(Text, default="")
    # text_layer, ocr, failed (export schema)
    source: Mapped[str | None] = mapped_column(String(16))
    ocr_confidence: Mapped[float | None] = mapped_column(Float)
    rotation: Mapped[int] = mapped_column(Integer, default=0)
    # Page size in PDF points, so word boxes can be drawn on any rendering of the page.
    width: Mapped[float | None] = mapped_column(Float)
    height: Mapped[float | None] = mapped_column(Float)
    # [[text, start, end, x0, y0, x1, y1, conf], ...]: start/end index into `text`; boxes in points.
    words: Mapped[list[Any] | None] = mapped_column(JSON)
    image_sha256: Mapped[str | None] = mapped_column(String(64))
    # Incremented when a task starts work on the page: a page that keeps killing workers ends failed.
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error_code: Mapped[str | None] = mapped_column(String(64))
    error_message: Mapped[str | None] = mapped_column(Text)
    document_id: Mapped[str | None] = mapped_column(String(64), index=True)
    processed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The page's evidence flags as the task that stored it found them, for the record type the page alone
    # predicts, with the versions they were found with (claims/page_analysis.py); derived, never reviewed:
    # the file's analysis reuses them only when every version and the type still agree.
    flag_cache: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # The page's segmentation features and its own type prediction as the task that stored it computed
    # them, with the version they were computed with (claims/page_analysis.py); derived: the file's
    # analysis reuses them only when the page, its text and that version still agree.
    type_cache: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    __table_args__ = (
        UniqueConstraint("file_id", "page_number", name="uq_page_file_number"),
        Index("ix_pages_file_status", "file_id", "status"),
    )


class OcrCacheEntry(Base):
    """OCR output keyed by page-image hash and OCR settings: the same image is never OCRed twice."""

    __tablename__ = "ocr_cache"

    cache_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    words: Mapped[list[Any]] = mapped_column(JSON)
    confidence: Mapped[float | None] = mapped_column(Float)
    rotation: Mapped[int] = mapped_column(Integer, default=0)
    width: Mapped[float | None] = mapped_column(Float)
    height: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Document(Base):
    __tablename__ = "documents"

    document_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    claim_id: Mapped[str] = mapped_column(String(128), index=True)
    file_id: Mapped[str] = mapped_column(ForeignKey("files.file_id", ondelete="CASCADE"), index=True)
    first_page: Mapped[int] = mapped_column(Integer)
    last_page: Mapped[int] = mapped_column(Integer)
    record_type: Mapped[str] = mapped_column(String(32))
    confidence: Mapped[float] = mapped_column(Float)
    date: Mapped[dt.date | None] = mapped_column(Date)
    title: Mapped[str | None] = mapped_column(String(512))
    vbms_type_id: Mapped[int | None] = mapped_column(Integer)
    # "auto" or "corrected": a provider's correction is never overwritten by re-processing.
    origin: Mapped[str] = mapped_column(String(16), default="auto")
    # `date` is the earliest day the document's date can mean (for sorting); its precision ("day",
    # "month", "year") says how much of it the text gave, and where it was read: page, line, role
    # ("signature line", "DATE OF NOTE").
    # Encounter repeats these date columns on purpose: an entry is dated like a document.
    date_precision: Mapped[str | None] = mapped_column(String(8))
    date_source_page: Mapped[int | None] = mapped_column(Integer)
    date_source_line: Mapped[int | None] = mapped_column(Integer)
    date_source_role: Mapped[str | None] = mapped_column(String(64))


class Encounter(Base):
    """One dated entry of a document (a visit, an exam, a sick-call entry): what the chronology lists."""

    __tablename__ = "encounters"

    encounter_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    claim_id: Mapped[str] = mapped_column(String(128), index=True)
    file_id: Mapped[str] = mapped_column(ForeignKey("files.file_id", ondelete="CASCADE"), index=True)
    document_id: Mapped[str] = mapped_column(String(64), index=True)
    first_page: Mapped[int] = mapped_column(Integer)
    last_page: Mapped[int] = mapped_column(Integer)
    # Character offsets: where the entry opens on first_page and stops (exclusive) on last_page.
    start: Mapped[int] = mapped_column(Integer, default=0)
    end: Mapped[int] = mapped_column(Integer, default=0)
    date: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    date_source_page: Mapped[int | None] = mapped_column(Integer)
    date_source_line: Mapped[int | None] = mapped_column(Integer)
    date_source_role: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(128), default="")
    provider: Mapped[str | None] = mapped_column(String(256))
    facility: Mapped[str | None] = mapped_column(String(256))
    in_service: Mapped[bool | None] = mapped_column(Boolean)


class DocumentCorrection(Base):
    """A provider's correction, replayed over every (re-)segmentation of the file.

    kind: "type" (record_type for the document starting at `page`), "split" (a document starts at
    `page`), "merge" (the page continues the previous document).
    """

    __tablename__ = "document_corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    file_id: Mapped[str] = mapped_column(ForeignKey("files.file_id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    page: Mapped[int] = mapped_column(Integer)
    record_type: Mapped[str | None] = mapped_column(String(32))
    created_by: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ServicePeriod(Base):
    __tablename__ = "service_periods"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    claim_id: Mapped[str] = mapped_column(String(128), index=True)
    file_id: Mapped[str] = mapped_column(ForeignKey("files.file_id", ondelete="CASCADE"), index=True)
    page: Mapped[int] = mapped_column(Integer)
    start: Mapped[dt.date | None] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    # "day", or "month" when OCR left the day unreadable (start = 1st, end = last day of the month).
    start_precision: Mapped[str] = mapped_column(String(8), default="day", server_default="day")
    end_precision: Mapped[str] = mapped_column(String(8), default="day", server_default="day")
    branch: Mapped[str | None] = mapped_column(String(64))


class Flag(Base):
    __tablename__ = "flags"

    flag_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    claim_id: Mapped[str] = mapped_column(String(128), index=True)
    file_id: Mapped[str] = mapped_column(ForeignKey("files.file_id", ondelete="CASCADE"), index=True)
    page_id: Mapped[str] = mapped_column(String(64), index=True)
    page_number: Mapped[int] = mapped_column(Integer)
    document_id: Mapped[str | None] = mapped_column(String(64))
    record_type: Mapped[str] = mapped_column(String(32))
    category: Mapped[str] = mapped_column(String(32), index=True)
    text: Mapped[str] = mapped_column(Text)
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    historical: Mapped[bool] = mapped_column(Boolean, default=False)
    hypothetical: Mapped[bool] = mapped_column(Boolean, default=False)
    experiencer: Mapped[str] = mapped_column(String(16), default="patient")
    polarity: Mapped[str | None] = mapped_column(String(16))
    in_service: Mapped[bool | None] = mapped_column(Boolean)
    # The event's date where the sentence states one, else the record's (v1's single date).
    date: Mapped[dt.date | None] = mapped_column(Date)
    boxes: Mapped[list[Any] | None] = mapped_column(JSON)
    # Every span that made the flag ([[start, end], ...], page offsets); start/end are the first.
    spans: Mapped[list[Any] | None] = mapped_column(JSON)
    # Two dates, each with its precision: the record's (its encounter's, else its document's) and the
    # event's, where the sentence states one ("fell in April 2009").
    encounter_id: Mapped[str | None] = mapped_column(String(64), index=True)
    record_date: Mapped[dt.date | None] = mapped_column(Date)
    record_date_precision: Mapped[str | None] = mapped_column(String(8))
    event_date: Mapped[dt.date | None] = mapped_column(Date)
    event_date_precision: Mapped[str | None] = mapped_column(String(8))
    # Who found it: "rule", "model" or "rule+model", and the sentence model's probability if it scored it.
    source: Mapped[str | None] = mapped_column(String(16))
    score: Mapped[float | None] = mapped_column(Float)
    # Review state: owned by people, never overwritten by re-processing.
    status: Mapped[str] = mapped_column(String(16), default="pending")
    note: Mapped[str | None] = mapped_column(Text)
    reviewed_by: Mapped[str | None] = mapped_column(String(128))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # True when the latest processing no longer finds this flag (kept for its review history).
    stale: Mapped[bool] = mapped_column(Boolean, default=False)
