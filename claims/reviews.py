"""The physician's review of flags: lists to review (filtered by category, status, record type, primary
records, service, dates; grouped by record and visit; sorted by file order or date), confirm / dismiss /
note.

SQL is the system of record for provider work: a review is committed with its audit row, and the
search index is brought up to date afterwards (the caller queues it; a down index delays, never loses).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims import audit
from claims.accounts import Principal
from claims.documents import filenames, flag_json
from claims.errors import Invalid, NotFound
from claims.progress import claim_and_files
from claims.readable import PRIMARY_RECORD_TYPES, ServicePeriods, date_at_precision, readable
from config.vocabulary import FLAG_CATEGORIES, RECORD_TYPES
from store.models import Document, Encounter, Flag, ServicePeriod, utcnow

REVIEW_STATUSES = ("confirmed", "dismissed", "pending")
# The review queue page shows at most this many flags at once (filters narrow it).
QUEUE_LIMIT = 2000


@dataclass(frozen=True)
class FlagFilter:
    categories: Sequence[str] = ()
    statuses: Sequence[str] = ()
    record_types: Sequence[str] = ()
    file_id: str | None = None
    page: int | None = None
    include_stale: bool = False
    primary_only: bool = False  # records made at the time (service, treatment, imaging), not opinions or forms
    in_service: bool | None = None  # the flag's own in-service call, else its date against the service periods
    date_from: dt.date | None = None  # the event's date where the sentence states one, else the record's
    date_to: dt.date | None = None

    def check(self) -> None:
        if (set(self.categories) - set(FLAG_CATEGORIES) or set(self.record_types) - set(RECORD_TYPES)
                or set(self.statuses) - set(REVIEW_STATUSES)):
            raise Invalid("unknown category, status or record type")


def list_flags(session: Session, claim_id: str, filters: FlagFilter, order: str = "page",
               limit: int | None = None) -> list[dict[str, Any]]:
    """The claim's flags matching the filters, each with its file's name; order "page" or "category"."""
    filters.check()
    q = select(Flag).where(Flag.claim_id == claim_id)
    if filters.categories:
        q = q.where(Flag.category.in_(filters.categories))
    if filters.statuses:
        q = q.where(Flag.status.in_(filters.statuses))
    if filters.record_types:
        q = q.where(Flag.record_type.in_(filters.record_types))
    if filters.file_id:
        q = q.where(Flag.file_id == filters.file_id)
    if filters.page is not None:
        q = q.where(Flag.page_number == filters.page)
    if not filters.include_stale:
        q = q.where(Flag.stale.is_(False))
    if filters.primary_only:
        q = q.where(Flag.record_type.in_(sorted(PRIMARY_RECORD_TYPES)))
    if order == "category":
        q = q.order_by(Flag.category, Flag.file_id, Flag.page_number, Flag.start)
    else:
        q = q.order_by(Flag.file_id, Flag.page_number, Flag.start)
    by_date = filters.in_service is not None or filters.date_from or filters.date_to
    if limit is not None and not by_date:
        q = q.limit(limit)
    names = filenames(session, claim_id)
    periods = _periods(session, claim_id) if filters.in_service is not None else ServicePeriods(())
    out = []
    for g in session.scalars(q):
        when = flag_date(g)
        if filters.date_from and (when is None or when < filters.date_from):
            continue
        if filters.date_to and (when is None or when > filters.date_to):
            continue
        if filters.in_service is not None and flag_in_service(g, periods) is not filters.in_service:
            continue
        out.append({**flag_json(g), "filename": names.get(g.file_id, "")})
        if limit is not None and len(out) >= limit:
            break
    return out


def flag_date(g: Flag) -> dt.date | None:
    """When a flag happened: the event's date where its sentence states one, else its record's."""
    return g.event_date or g.record_date or g.date


def flag_in_service(g: Flag, periods: ServicePeriods) -> bool:
    if g.in_service is not None:
        return bool(g.in_service)
    return bool(periods.contains(flag_date(g)))


def _periods(session: Session, claim_id: str) -> ServicePeriods:
    rows = session.scalars(select(ServicePeriod).where(ServicePeriod.claim_id == claim_id))
    return ServicePeriods(tuple((p.start, p.end) for p in rows))


QUEUE_SORTS = ("document", "date", "date_desc")


def review_queue(session: Session, claim_id: str, filters: FlagFilter, sort: str = "document",
                 limit: int = QUEUE_LIMIT) -> list[dict[str, Any]]:
    """The review queue: the matching flags grouped by the record (and the visit inside it, once
    encounters are found) they stand in, groups in file order or by date."""
    flags = list_flags(session, claim_id, filters, order="page", limit=limit)
    docs = {d.document_id: d for d in session.scalars(select(Document).where(Document.claim_id == claim_id))}
    encounters = {e.encounter_id: e for e in session.scalars(select(Encounter).where(Encounter.claim_id == claim_id))}
    files = {f.file_id: i for i, f in enumerate(claim_and_files(session, claim_id)[1])}
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for g in flags:
        doc = docs.get(g["document_id"] or "")
        enc = encounters.get(g.get("encounter_id") or "")
        key = (g["document_id"] or f"{g['file_id']}:{g['page']}", enc.encounter_id if enc else "")
        if key not in groups:
            first, last = (enc.first_page, enc.last_page) if enc else (
                (doc.first_page, doc.last_page) if doc else (g["page"], g["page"]))
            date, precision = ((enc.date, enc.date_precision) if enc and enc.date else
                               (doc.date, doc.date_precision) if doc else (None, None))
            title = " ".join((doc.title or "").split()) if doc else ""
            detail = " · ".join(" ".join(x.split()) for x in (enc.kind, enc.provider, enc.facility) if x) if enc else ""
            groups[key] = {
                "key": "-".join(x for x in key if x), "record_type": doc.record_type if doc else g["record_type"],
                "title": title or readable(doc.record_type if doc else g["record_type"]), "encounter": detail,
                "date": date_at_precision(date, precision), "date_iso": date.isoformat() if date else None,
                "file_id": g["file_id"], "filename": g["filename"], "first_page": first, "last_page": last,
                "order": (files.get(g["file_id"], 99), first, enc.start if enc else 0), "flags": [],
            }
        when = g.get("event_date") or g.get("record_date") or g.get("date")
        precision = g.get("event_date_precision") if g.get("event_date") else g.get("record_date_precision")
        groups[key]["flags"].append({**g, "date_label": date_at_precision(when, precision)})
    out = list(groups.values())
    if sort in ("date", "date_desc"):
        dated = sorted((x for x in out if x["date_iso"]), key=lambda x: (x["date_iso"], x["order"]),
                       reverse=sort == "date_desc")
        return dated + sorted((x for x in out if not x["date_iso"]), key=lambda x: x["order"])
    return sorted(out, key=lambda x: x["order"])


def review_flags(session: Session, principal: Principal, claim_id: str, flag_ids: Sequence[str], status: str,
                 note: str | None, bulk: bool = False) -> list[dict[str, Any]]:
    """Confirm, dismiss or reset flags, with an optional note ("" clears it); audited without the note's text."""
    if status not in REVIEW_STATUSES:
        raise Invalid("unknown review status")
    flags = list(session.scalars(select(Flag).where(Flag.claim_id == claim_id, Flag.flag_id.in_(flag_ids))))
    if len(flags) != len(set(flag_ids)):
        raise NotFound("no such flag")
    now = utcnow()
    for g in flags:
        g.status = status
        if note is not None:
            g.note = note or None
        g.reviewed_by, g.reviewed_at = principal.username, now
    session.flush()
    if not bulk:
        audit.record(session, principal, "flag_review", claim_id, flag_id=flag_ids[0], status=status,
                     note=audit.fingerprint(note) if note else None)
    else:
        audit.record(session, principal, "flag_review_bulk", claim_id, flag_ids=[g.flag_id for g in flags][:1000],
                     status=status)
    return [flag_json(g) for g in flags]
