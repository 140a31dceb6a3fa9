"""The physician's review of flags: lists to review (filtered, grouped), confirm / dismiss / note.

SQL is the system of record for provider work: a review is committed with its audit row, and the
search index is brought up to date afterwards (the caller queues it; a down index delays, never loses).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims import audit
from claims.accounts import Principal
from claims.documents import filenames, flag_json
from claims.errors import Invalid, NotFound
from config.vocabulary import FLAG_CATEGORIES, RECORD_TYPES
from store.models import Flag, utcnow

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
    if order == "category":
        q = q.order_by(Flag.category, Flag.file_id, Flag.page_number, Flag.start)
    else:
        q = q.order_by(Flag.file_id, Flag.page_number, Flag.start)
    if limit is not None:
        q = q.limit(limit)
    names = filenames(session, claim_id)
    return [{**flag_json(g), "filename": names.get(g.file_id, "")} for g in session.scalars(q)]


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
