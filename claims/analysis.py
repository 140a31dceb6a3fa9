"""After a file's pages are extracted: documents, service periods and flags, written to SQL.

Runs in the analyse_file task, and again after a provider's correction. Everything here replaces
what an earlier run of the same file wrote, except what people own: corrections are replayed, and a
reviewed flag keeps its status and note.
All text work is done before the first write, so a database write lock (SQLite's is per file) is
held only for the short write phase, not while thousands of pages are classified and flagged.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, defer

from claims.file_errors import record_file_error
from claims.page_analysis import (
    HitBoxes,
    cached_flags,
    cached_typing,
    flags_version,
    hit_boxes,
    stored_flag_count,
    typing_version,
)
from claims.trained_models import flag_model, record_type_model
from classifiers.dates import PartialDate
from classifiers.document_corrections import Correction
from classifiers.document_segmentation import PagePrediction, segment_and_classify
from classifiers.encounters import Encounter
from classifiers.evidence_flags import FlagHit, find_flags
from classifiers.flag_sentence_model import FlagSentenceModel
from classifiers.in_service import decide_in_service, decide_span_in_service
from classifiers.page_features import PageFeatures
from classifiers.service_periods import find_service_periods
from config.settings import get_settings
from store.db import session_scope
from store.ids import document_id_for, encounter_id_for, flag_id_for
from store.models import Document, DocumentCorrection, Flag, Page, ServicePeriod, SourceFile, utcnow
from store.models import Encounter as EncounterRow
from store.page_content import words_of

log = logging.getLogger(__name__)

# Database hiccups (a locked SQLite, a PostgreSQL failover) are worth retrying; bad input is not.
TRANSIENT_DATABASE_ERRORS = (OperationalError, ConnectionError, TimeoutError)

# Record types whose pages state service periods (a DD 214 and its kin).
SERVICE_PERIOD_RECORD_TYPES = frozenset({"service_personnel"})

Period = tuple[dt.date | None, dt.date | None]

# Pages whose word boxes or stored flags are read in one query (a batch of JSON lists, ~1 MiB at most).
PAGES_PER_QUERY = 100
# New flags inserted in one executemany (their rows are held until then).
FLAGS_PER_INSERT = 1000


@dataclass(frozen=True)
class _Dated:
    """A date at its precision: `earliest` is what SQL stores; `latest` closes a month or a year."""

    earliest: dt.date
    latest: dt.date
    precision: str

    @classmethod
    def of(cls, value: dt.date | None, precision: str | None) -> _Dated | None:
        if value is None:
            return None
        partial = PartialDate.of(value, precision or "day")  # type: ignore[arg-type]
        return cls(partial.earliest, partial.latest, partial.precision)


@dataclass
class _AnalysedDocument:
    row: Document
    encounters: list[tuple[Encounter, EncounterRow]]


@dataclass
class _PageAnalysis:
    page: Page
    document: _AnalysedDocument | None
    # The flags found here; None when those the page's task stored are used (read back when written, a
    # batch at a time, so a long file's flags are never all held at once).
    hits: list[FlagHit] | None
    stored_flags: int = 0  # how many the page's task stored, when they are used

    @property
    def record_type(self) -> str:
        return self.document.row.record_type if self.document else "other"

    @property
    def flagged(self) -> bool:
        return bool(self.hits) if self.hits is not None else self.stored_flags > 0


# A flagged page, its flags and each flag's boxes.
_FlaggedPage = tuple[_PageAnalysis, list[FlagHit], list[HitBoxes]]


def in_service_of(record_type: str, dated: _Dated | None, periods: list[Period]) -> bool | None:
    """The in-service rule for a date at its precision (a month or a year must lie wholly inside)."""
    if dated is None:
        return decide_in_service(record_type, None, periods)
    return decide_span_in_service(record_type, dated.earliest, dated.latest, periods)


def analyse_file(session: Session, f: SourceFile) -> None:
    # Word boxes and the flags stored by the page tasks are the bulk of a page row; they are read in
    # batches, so a worker's memory does not hold them for the whole file at once.
    pages = list(
        session.scalars(
            select(Page).options(defer(Page.words), defer(Page.flag_cache), defer(Page.type_cache))
            .where(Page.file_id == f.file_id, Page.status == "done").order_by(Page.page_number)
        )
    )
    corrections = list(
        session.scalars(
            select(DocumentCorrection).where(DocumentCorrection.file_id == f.file_id).order_by(DocumentCorrection.id)
        )
    )
    # --- compute (no writes) ---
    finder_model = flag_model(get_settings())
    documents = _documents_for(session, f, pages, corrections)
    by_page = {n: doc for doc in documents for n in range(doc.row.first_page, doc.row.last_page + 1)}
    analyses = []
    new_periods: list[ServicePeriod] = []
    version = flags_version(get_settings())
    reused = 0
    for p, flag_cache in _with_flag_caches(session, pages):
        doc = by_page.get(p.page_number)
        record_type = doc.row.record_type if doc else "other"
        # The flags the page's own task found, when it predicted the type its document got (the same
        # find_flags result: claims/page_analysis.py); else found here.
        stored = stored_flag_count(flag_cache, p.text, record_type, version)
        if stored is None:
            analyses.append(_PageAnalysis(p, doc, find_flags(p.text, record_type, finder_model)))
        else:
            analyses.append(_PageAnalysis(p, doc, None, stored))
            reused += 1
        if record_type in SERVICE_PERIOD_RECORD_TYPES:
            new_periods += [
                ServicePeriod(claim_id=f.claim_id, file_id=f.file_id, page=p.page_number,
                              start=sp.start, end=sp.end, branch=sp.branch,
                              start_precision=sp.start_precision, end_precision=sp.end_precision)
                for sp in find_service_periods(p.text)
            ]
    other_periods = [
        (sp.start, sp.end) for sp in session.scalars(
            select(ServicePeriod).where(ServicePeriod.claim_id == f.claim_id, ServicePeriod.file_id != f.file_id))
    ]
    periods = other_periods + [(sp.start, sp.end) for sp in new_periods]
    for doc in documents:
        for _seg, row in doc.encounters:
            row.in_service = in_service_of(doc.row.record_type, _Dated.of(row.date, row.date_precision), periods)

    # --- write ---
    session.execute(delete(Document).where(Document.file_id == f.file_id))
    session.execute(delete(EncounterRow).where(EncounterRow.file_id == f.file_id))
    session.add_all(doc.row for doc in documents)
    session.add_all(row for doc in documents for _seg, row in doc.encounters)
    for p in pages:
        doc = by_page.get(p.page_number)
        p.document_id = doc.row.document_id if doc else None
    session.execute(delete(ServicePeriod).where(ServicePeriod.file_id == f.file_id))
    session.add_all(new_periods)
    session.flush()
    _store_flags(session, f, _flags_with_boxes(session, analyses, version, finder_model), periods)
    refresh_in_service(session, f.claim_id, periods, skip_file_id=f.file_id)
    log.info("file analysed", extra={"file_id": f.file_id, "pages": len(pages), "flags_reused": reused})


def _documents_for(session: Session, f: SourceFile, pages: list[Page], corrections: list[DocumentCorrection]
                   ) -> list[_AnalysedDocument]:
    if not pages:
        return []
    model = record_type_model(get_settings())
    segments = segment_and_classify(
        [(p.page_number, p.text) for p in pages],
        [Correction(kind=c.kind, page=c.page, record_type=c.record_type) for c in corrections],
        model=model,
        known=_known_typing(session, pages),
    )
    corrected_starts = {c.page for c in corrections if c.kind == "type"}
    out = []
    for seg in segments:
        document_id = document_id_for(f.file_id, seg.first_page)
        source = seg.date_source
        row = Document(
            document_id=document_id,
            claim_id=f.claim_id,
            file_id=f.file_id,
            first_page=seg.first_page,
            last_page=seg.last_page,
            record_type=seg.record_type,
            confidence=float(seg.confidence),
            date=seg.date,
            title=seg.title[:512] if seg.title else None,
            vbms_type_id=seg.vbms_type_id,
            origin="corrected" if seg.first_page in corrected_starts else "auto",
            date_precision=seg.date_precision if seg.date else None,
            date_source_page=source.page if source else None,
            date_source_line=source.line if source else None,
            date_source_role=source.role[:64] if source else None,
        )
        encounters = [
            (e, EncounterRow(
                encounter_id=encounter_id_for(document_id, e.first_page, e.start), claim_id=f.claim_id,
                file_id=f.file_id, document_id=document_id, first_page=e.first_page, last_page=e.last_page,
                start=e.start, end=e.end, date=e.date.earliest if e.date else None,
                date_precision=e.date.precision if e.date else None, date_source_page=e.date_page,
                date_source_line=e.date_line, date_source_role=e.date_role[:64] if e.date_role else None,
                kind=(e.kind or "")[:128], provider=e.provider[:256] if e.provider else None,
                facility=e.facility[:256] if e.facility else None))
            for e in seg.encounters
        ]
        out.append(_AnalysedDocument(row, encounters))
    return out


def _encounter_of(doc: _AnalysedDocument | None, page: int, offset: int) -> EncounterRow | None:
    if doc is None:
        return None
    return next((row for seg, row in doc.encounters if seg.contains(page, offset)), None)


def _known_typing(session: Session, pages: list[Page]) -> list[tuple[PageFeatures, PagePrediction] | None]:
    """Each page's features and type prediction as its task computed them, where still valid (see
    claims/page_analysis.py), read PAGES_PER_QUERY pages per query; None where segmentation must
    compute them."""
    version = typing_version(get_settings())
    known: list[tuple[PageFeatures, PagePrediction] | None] = []
    for i in range(0, len(pages), PAGES_PER_QUERY):
        batch = pages[i : i + PAGES_PER_QUERY]
        stored = dict(session.execute(
            select(Page.page_id, Page.type_cache).where(Page.page_id.in_([p.page_id for p in batch]))).all())
        known += [cached_typing(stored.get(p.page_id), p.page_number, p.text or "", version) for p in batch]
    return known


def _with_flag_caches(session: Session, pages: list[Page]) -> Iterator[tuple[Page, dict[str, Any] | None]]:
    """Each page with the flags its task stored (JSON), read PAGES_PER_QUERY pages per query."""
    for i in range(0, len(pages), PAGES_PER_QUERY):
        batch = pages[i : i + PAGES_PER_QUERY]
        stored = dict(session.execute(
            select(Page.page_id, Page.flag_cache).where(Page.page_id.in_([p.page_id for p in batch]))).all())
        for p in batch:
            yield p, stored.get(p.page_id)


def _flags_with_boxes(session: Session, analyses: list[_PageAnalysis], version: str,
                      finder_model: FlagSentenceModel) -> Iterator[_FlaggedPage]:
    """Each flagged page with its flags and their boxes: those its page's task stored (read back
    PAGES_PER_QUERY pages per query), else found here with boxes from the page's words (read the same
    way); only one batch of stored JSON held at a time."""
    flagged = [a for a in analyses if a.flagged]
    for i in range(0, len(flagged), PAGES_PER_QUERY):
        batch = flagged[i : i + PAGES_PER_QUERY]
        words = _column(session, Page.words, [a.page.page_id for a in batch if a.hits is not None])
        caches = _column(session, Page.flag_cache, [a.page.page_id for a in batch if a.hits is None])
        for a in batch:
            if a.hits is not None:
                page_words = words_of(words.get(a.page.page_id))
                yield a, a.hits, [hit_boxes(hit, page_words) for hit in a.hits]
                continue
            cached = cached_flags(caches.get(a.page.page_id), a.page.text, a.record_type, version)
            if cached is None:  # the page was stored again since it was read: find its flags here
                hits = find_flags(a.page.text, a.record_type, finder_model)
                page_words = words_of(_column(session, Page.words, [a.page.page_id]).get(a.page.page_id))
                cached = hits, [hit_boxes(hit, page_words) for hit in hits]
            yield a, *cached


def _column(session: Session, column: Any, page_ids: list[str]) -> dict[str, Any]:
    """One column of some pages, by page id, in one query."""
    if not page_ids:
        return {}
    return dict(session.execute(select(Page.page_id, column).where(Page.page_id.in_(page_ids))).all())


def _store_flags(session: Session, f: SourceFile, flagged: Iterator[_FlaggedPage], periods: list[Period]) -> None:
    existing = {fl.flag_id: fl for fl in session.scalars(select(Flag).where(Flag.file_id == f.file_id))}
    seen: set[str] = set()
    new_rows: list[dict[str, object]] = []
    for a, hits, boxes in flagged:
        p, doc = a.page, a.document
        record_type = a.record_type
        for hit, hit_box in zip(hits, boxes, strict=True):
            # One flag per (sentence, category): its id is the sentence's, whatever spans it carries.
            flag_id = flag_id_for(p.page_id, hit.category, hit.sentence_start, hit.sentence_start + len(hit.sentence))
            if flag_id in seen:
                continue
            seen.add(flag_id)
            spans = [list(span) for span in (hit.spans or ((hit.start, hit.end),))]
            encounter = _encounter_of(doc, p.page_number, hit.start)
            # The record's date: its encounter's when that entry is dated, else its document's.
            if encounter is not None and encounter.date is not None:
                record = _Dated.of(encounter.date, encounter.date_precision)
            else:
                record = _Dated.of(doc.row.date, doc.row.date_precision) if doc else None
            event = _Dated.of(hit.date, hit.date_precision)
            values = {
                "claim_id": f.claim_id,
                "file_id": f.file_id,
                "page_id": p.page_id,
                "page_number": p.page_number,
                "document_id": doc.row.document_id if doc else None,
                "record_type": record_type,
                "category": hit.category,
                "text": hit.text,
                "sentence": hit.sentence,
                "start": hit.start,
                "end": hit.end,
                "negated": bool(hit.negated),
                "historical": bool(hit.historical),
                "hypothetical": bool(hit.hypothetical),
                "experiencer": hit.experiencer,
                "polarity": hit.polarity,
                "in_service": in_service_of(record_type, event or record, periods),
                "date": (event or record).earliest if (event or record) else None,
                "boxes": hit_box,
                "spans": spans,
                "encounter_id": encounter.encounter_id if encounter else None,
                "record_date": record.earliest if record else None,
                "record_date_precision": record.precision if record else None,
                "event_date": event.earliest if event else None,
                "event_date_precision": event.precision if event else None,
                "source": hit.source,
                "score": hit.score,
                "stale": False,
            }
            row = existing.get(flag_id)
            if row is None:
                new_rows.append({"flag_id": flag_id, "status": "pending", **values})
                if len(new_rows) >= FLAGS_PER_INSERT:
                    session.execute(insert(Flag), new_rows)
                    new_rows.clear()
            else:
                for key, value in values.items():
                    setattr(row, key, value)
    if new_rows:
        session.execute(insert(Flag), new_rows)  # one executemany, not a unit of work over thousands of objects
    for flag_id, row in existing.items():
        if flag_id in seen:
            continue
        if row.status == "pending" and not row.note:
            session.delete(row)
        else:
            row.stale = True  # reviewed by a person: keep it and its history, marked as no longer found
    session.flush()


def _flag_dated(fl: Flag) -> _Dated | None:
    if fl.event_date is not None:
        return _Dated.of(fl.event_date, fl.event_date_precision)
    if fl.record_date is not None:
        return _Dated.of(fl.record_date, fl.record_date_precision)
    return _Dated.of(fl.date, "day")  # a flag stored before dates had precision


def refresh_in_service(session: Session, claim_id: str, periods: list[Period], skip_file_id: str | None = None) -> None:
    """A DD 214 may arrive in a later file than the notes it dates: recompute the other files' flags
    and encounters."""
    flags = select(Flag).where(Flag.claim_id == claim_id)
    encounters = select(EncounterRow, Document.record_type).join(
        Document, Document.document_id == EncounterRow.document_id).where(EncounterRow.claim_id == claim_id)
    if skip_file_id:
        flags = flags.where(Flag.file_id != skip_file_id)
        encounters = encounters.where(EncounterRow.file_id != skip_file_id)
    for fl in session.scalars(flags):
        value = in_service_of(fl.record_type, _flag_dated(fl), periods)
        if value != fl.in_service:
            fl.in_service = value
    for row, record_type in session.execute(encounters):
        value = in_service_of(record_type, _Dated.of(row.date, row.date_precision), periods)
        if value != row.in_service:
            row.in_service = value


def analyse_and_close_file(file_id: str) -> tuple[str, str | None]:
    """Analyse a file whose pages are all extracted, then set its final status.

    Returns (status, claim id); status "waiting" when pages are still pending, "missing" for an unknown
    file. A failure of the analysis itself does not lose the pages: they stay stored and searchable,
    the file ends "partial" with the reason, and `claimdex retry` runs the analysis again. Database
    errors (a locked SQLite, a failover) propagate so the task retries.
    """
    analysis_error: str | None = None
    try:
        with session_scope() as s:
            # The file's row locked for the analysis (PostgreSQL; SQLite has one writer anyway): a second
            # finish of the same file, a redelivered task, waits and then replaces the documents, instead of
            # inserting the same ones beside them and failing.
            f = s.get(SourceFile, file_id, with_for_update=True)
            if f is None:
                return "missing", None
            analyse_file(s, f)
    except TRANSIENT_DATABASE_ERRORS:
        raise
    except Exception as exc:  # noqa: BLE001 - pages are safe; record why documents/flags are missing
        analysis_error = (f"classification and flagging failed ({type(exc).__name__}: {str(exc)[:200]}); "
                          "pages are stored and searchable; `claimdex retry` runs it again")
        log.exception("file analysis failed", extra={"file_id": file_id, "code": "analysis_failed"})
    with session_scope() as s:
        f = s.get(SourceFile, file_id)
        if f is None:
            return "missing", None
        if analysis_error:
            record_file_error(s, file_id, None, "analysis_failed", f"{f.filename}: {analysis_error}")
        counts = dict(
            s.execute(select(Page.status, func.count()).where(Page.file_id == file_id).group_by(Page.status)).all()
        )
        done, failed = counts.get("done", 0), counts.get("failed", 0)
        if counts.get("pending", 0):
            return "waiting", f.claim_id
        if f.page_count and done == 0:
            f.status = "failed"
        elif failed or analysis_error:
            f.status = "partial"
        else:
            f.status = "done"
        f.finished_at = utcnow()
        return f.status, f.claim_id
