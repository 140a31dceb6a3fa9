"""The audit log: who read or changed which claim, when, and which ids (DESIGN.md §6).

Only ids and counts are stored, never record text. Search queries are not stored either: a query
such as a veteran's name, SSN or a diagnosis is itself PHI. Instead we keep its length and a keyed
hash (HMAC with the server secret), so an auditor can tell that the same query was repeated without
the log revealing it, and a stolen log cannot be reversed by hashing a dictionary of guesses.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from claims.access import accessible_claim_ids
from claims.accounts import Principal, secret_key, user_exists
from store.auth_models import AuditEvent
from store.db import session_scope


def fingerprint(text: str) -> str:
    """A stand-in for free text (a query, a note) that is safe to store: length and keyed hash."""
    mac = hmac.new(secret_key(), text.encode(), hashlib.sha256).hexdigest()[:16]
    return f"len={len(text)} hmac={mac}"


def _event(who: Principal | str, action: str, claim_id: str | None, target: dict[str, Any]) -> AuditEvent:
    username = who if isinstance(who, str) else who.username
    clean = {k: v for k, v in target.items() if v is not None}
    return AuditEvent(username=username[:128], action=action, claim_id=claim_id,
                      target=json.dumps(clean, sort_keys=True, default=str) if clean else None)


def record(session: Session, who: Principal | str, action: str, claim_id: str | None = None,
           **target: Any) -> None:
    """Add one audit row for a change to the change's own unit of work: both are committed, or neither."""
    session.add(_event(who, action, claim_id, target))
    session.flush()


def record_now(who: Principal | str, action: str, claim_id: str | None = None, **target: Any) -> None:
    """Commit one audit row at once, in its own short transaction: for reads (committed before the answer
    is sent, never held open while it streams) and for refusals (a failed log-in is kept although the
    request fails). Call it before the request's own session writes anything (SQLite has one writer)."""
    with session_scope() as session:
        session.add(_event(who, action, claim_id, target))


def record_failed_login(typed_username: str, address: str) -> None:
    """A failed log-in, committed at once. What was typed as a username is kept only when it names an
    account: people type passwords, or a patient's name, into the wrong field, and staff read this log."""
    with session_scope() as session:
        known = user_exists(session, typed_username)
        session.add(_event(typed_username if known else "(unknown user)", "login_failed", None,
                           {"address": address, "typed": None if known else fingerprint(typed_username)}))


def query_events(session: Session, principal: Principal, claim_id: str | None = None,
                 username: str | None = None, limit: int = 200, before_id: int | None = None
                 ) -> list[AuditEvent]:
    """Events a staff member may see: those of claims assigned to them, plus claim-less events
    (log-ins, log-outs). Newest first; page with `before_id`."""
    q = select(AuditEvent).where(or_(AuditEvent.claim_id.is_(None),
                                     AuditEvent.claim_id.in_(accessible_claim_ids(principal))))
    if claim_id:
        q = q.where(AuditEvent.claim_id == claim_id)
    if username:
        q = q.where(AuditEvent.username == username)
    if before_id:
        q = q.where(AuditEvent.id < before_id)
    return list(session.scalars(q.order_by(AuditEvent.id.desc()).limit(max(1, min(limit, 1000)))))


def event_json(e: AuditEvent) -> dict[str, Any]:
    return {"id": e.id, "at": e.at.isoformat() + "Z", "user": e.username, "action": e.action,
            "claim_id": e.claim_id, "target": json.loads(e.target) if e.target else None}
