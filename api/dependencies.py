"""What every HTTP route and web page needs before it runs: a database session, who is calling, the
right role, a CSRF check for cookie-authenticated writes, and the claim the caller may open.

Shared by api/http/ and api/web/ (the two interfaces over one FastAPI application). Accounts and
access rules themselves are use cases (claims/accounts.py, claims/access.py): this module only reads
them off the request.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from fastapi import Depends, HTTPException, Path, Request, Response
from sqlalchemy.orm import Session

from claims import audit
from claims.access import require_claim
from claims.accounts import SESSION_TTL, Principal, principal_for_session, principal_for_token
from claims.claim_ids import CLAIM_ID_PATTERN
from claims.work_queue import WorkQueue
from config.settings import get_settings
from indexers.base import SearchIndex
from store.db import session_scope
from store.models import Claim

SESSION_COOKIE = "claimdex_session"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

ClaimId = Path(min_length=1, max_length=128, pattern=CLAIM_ID_PATTERN)
# Page numbers are bounded so absurd values answer 404/422, never overflow a database integer.
MAX_PAGE = 1_000_000
PageNumber = Path(ge=1, le=MAX_PAGE)


class NotAuthenticated(Exception):
    """No valid credentials: the API answers 401, the web pages redirect to the login page."""


def set_session_cookie(response: Response, request: Request, value: str) -> None:
    """Secure when the request came over HTTPS (as the trusted proxy says: api/app.py), or always when
    CLAIMDEX_SECURE_COOKIES is set."""
    secure = get_settings().secure_cookies or request.url.scheme == "https"
    response.set_cookie(SESSION_COOKIE, value, max_age=int(SESSION_TTL.total_seconds()), httponly=True,
                        samesite="lax", secure=secure, path="/")


def attachment(filename: str) -> dict[str, str]:
    """A Content-Disposition header for a download: the name reduced to letters, digits, '.', '_' and '-'
    in `filename`, and exactly (UTF-8, percent-encoded) in `filename*`: no quote, semicolon, CR or LF from
    a name can reach the header."""
    plain = re.sub(r"[^A-Za-z0-9._-]", "_", filename)[:200] or "download"
    return {"Content-Disposition": f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(filename, safe='')}"}


def client_address(request: Request) -> str:
    """The caller's address: the peer, or what a trusted proxy forwarded (api/app.py, trusted_proxies)."""
    return request.client.host if request.client else "unknown"


def get_db() -> Iterator[Session]:
    """One SQL session per request: committed when the handler succeeds, rolled back otherwise."""
    with session_scope() as session:
        yield session


# Function scope: the request's session is committed (or rolled back) and closed when the route function
# returns, before the answer is sent. With the default ("request") scope it was committed after the body
# had been sent: a client that stopped reading kept a write transaction (SQLite's one write lock, or a
# PostgreSQL connection) for as long as it liked, and a log-in answered before its session row existed.
Db = Depends(get_db, scope="function")


def principal_from_request(request: Request, db: Session) -> Principal | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return principal_for_token(db, header[7:].strip())
    cookie = request.cookies.get(SESSION_COOKIE, "")
    return principal_for_session(db, cookie) if cookie else None


def current_principal(request: Request, db: Session = Db) -> Principal:
    principal = principal_from_request(request, db)
    # End the read transaction at once: a route may then wait a long time (an upload's body) and must not
    # keep a PostgreSQL connection idle in a transaction meanwhile.
    db.commit()
    if principal is None:
        raise NotAuthenticated()
    request.state.principal = principal
    return principal


def require_staff(principal: Principal = Depends(current_principal)) -> Principal:
    if not principal.is_staff:
        raise HTTPException(status_code=403, detail="staff only")
    return principal


def require_physician(principal: Principal = Depends(current_principal)) -> Principal:
    """Review work (confirm/dismiss, corrections) is the physician's judgement, not staff's."""
    if not principal.is_physician:
        raise HTTPException(status_code=403, detail="physicians only")
    return principal


async def csrf_protect(request: Request, principal: Principal = Depends(current_principal)) -> Principal:
    """Cookie-authenticated writes must echo the session's CSRF token (header, or form field for
    plain HTML forms). Bearer tokens are not sent automatically by browsers, so they need none."""
    if principal.via != "cookie" or request.method in SAFE_METHODS:
        return principal
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not sent or not principal.csrf_token or not hmac.compare_digest(sent, principal.csrf_token):
        raise HTTPException(status_code=403, detail="missing or wrong CSRF token")
    return principal


@dataclass(frozen=True)
class OpenClaim:
    """A claim the caller may open, with the request's session: routes read through it and audit with it."""

    db: Session
    principal: Principal
    claim: Claim

    @property
    def claim_id(self) -> str:
        return self.claim.claim_id

    def audit(self, action: str, **target: Any) -> None:
        """Record a read of this claim, committed at once (before the answer streams)."""
        audit.record_now(self.principal, action, self.claim.claim_id, **target)


def _open_claim(claim_id: str, principal: Principal, db: Session) -> OpenClaim:
    return OpenClaim(db, principal, require_claim(db, principal, claim_id))


def open_claim(claim_id: str = ClaimId, principal: Principal = Depends(current_principal),
               db: Session = Db) -> OpenClaim:
    """The claim in the path, if the caller may open it (else 404, like a claim that does not exist)."""
    return _open_claim(claim_id, principal, db)


def read_claim(action: str) -> Callable[..., OpenClaim]:
    """A dependency that opens the claim and records one audit row for this read: `action` plus the
    route's path ids (file, page, document), committed in its own transaction before the route runs.
    Routes whose audit row needs what only they know (counts, a query's fingerprint) use open_claim and
    call OpenClaim.audit themselves."""

    def dependency(request: Request, claim_id: str = ClaimId, principal: Principal = Depends(current_principal),
                   db: Session = Db) -> OpenClaim:
        opened = _open_claim(claim_id, principal, db)
        ids = {k: v for k, v in request.path_params.items() if k in ("file_id", "page", "document_id")}
        if "page" in ids:
            ids["page"] = int(ids["page"])
        opened.audit(action, **ids)
        return opened

    return dependency


def search_index(request: Request) -> SearchIndex | None:
    """The configured search backend (tests swap it through create_app)."""
    return request.app.state.search_index()


def work_queue(request: Request) -> WorkQueue:
    """Where follow-up work goes (tests swap it through create_app)."""
    queue: WorkQueue = request.app.state.work_queue
    return queue
