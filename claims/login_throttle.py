"""Log-in throttling: how many passwords may be tried, per client address and per account.

A password is checked only after an attempt has been reserved, atomically, in its own committed
transaction (one conditional UPDATE: concurrent requests cannot all pass a check made before any of them
was counted). Two counters, each over a fixed window:

- per client address: ADDRESS_LIMIT failed log-ins per window, whatever usernames they try; then the
  address is refused until the window ends. It trips first, so one guesser cannot lock anyone out.
- per account: after ACCOUNT_LIMIT failures (guessing spread over many addresses) the account is slowed
  to one attempt per ACCOUNT_DELAY, not locked: its owner can still log in, a guesser gets few tries.

A successful log-in gives back its own reservation and resets the account's counter; it never resets
the address's (a guesser with an account of their own must not clear their failures). Staff lift either
counter (`claimdex user unlock`, POST /api/users/{name}/unlock), audited by the caller.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import case, delete, or_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from claims.errors import UseCaseError
from store.auth_models import LoginThrottle
from store.db import session_scope
from store.models import utcnow

WINDOW = dt.timedelta(minutes=15)
ADDRESS_LIMIT = 10
ACCOUNT_LIMIT = 20
ACCOUNT_DELAY = dt.timedelta(minutes=1)


class TooManyAttempts(UseCaseError):
    """Refused before the password was checked (HTTP 429)."""


def address_key(address: str) -> str:
    return f"address:{address[:80]}"


def account_key(username: str) -> str:
    return "account:" + hashlib.sha256(username.encode("utf-8", "replace")).hexdigest()[:40]


def _reserve_once(key: str, limit: int, delay: dt.timedelta | None) -> bool | None:
    """True: reserved; False: refused; None: no row yet."""
    now = utcnow()
    floor = now - WINDOW
    T = LoginThrottle
    expired = T.window_start < floor
    after = case((expired, 1), else_=T.attempts + 1)
    allowed = [expired, T.attempts < limit]
    if delay is not None:
        allowed.append(T.next_allowed <= now)
    with session_scope() as s:
        result = s.execute(
            update(T).where(T.key == key, or_(*allowed)).values(
                attempts=after,
                window_start=case((expired, now), else_=T.window_start),
                next_allowed=case((after >= limit, now + delay), else_=None) if delay is not None else None,
            ).execution_options(synchronize_session=False))
        if result.rowcount:  # type: ignore[attr-defined]
            return True
        row = s.get(T, key)
        if row is None:
            return None
        # The UPDATE ran on a snapshot taken before another request's new row was committed (PostgreSQL,
        # read committed): a row that would have let this attempt through is tried again, not refused.
        lets_through = (row.window_start < floor or row.attempts < limit
                        or (delay is not None and row.next_allowed is not None and row.next_allowed <= now))
        if lets_through:
            return None
        return False
    return None


def _reserve(key: str, limit: int, delay: dt.timedelta | None = None) -> bool:
    for _ in range(5):
        reserved = _reserve_once(key, limit, delay)
        if reserved is not None:
            return reserved
        try:
            with session_scope() as s:
                s.add(LoginThrottle(key=key, attempts=1, window_start=utcnow()))
            return True
        except IntegrityError:
            continue  # another request created the row at the same moment: count on it
    return False


def reserve_attempt(username: str, address: str) -> None:
    """Count one log-in attempt before its password is checked; TooManyAttempts when refused."""
    if not _reserve(address_key(address), ADDRESS_LIMIT):
        raise TooManyAttempts("too many failed log-ins from this address; try again later")
    if not _reserve(account_key(username), ACCOUNT_LIMIT, ACCOUNT_DELAY):
        raise TooManyAttempts("too many failed log-ins for this account; try again in a minute")


def succeeded(username: str, address: str) -> None:
    """A correct password: give back this attempt's reservation, and clear the account's failures."""
    with session_scope() as s:
        s.execute(update(LoginThrottle).where(LoginThrottle.key == address_key(address), LoginThrottle.attempts > 0)
                  .values(attempts=LoginThrottle.attempts - 1).execution_options(synchronize_session=False))
        s.execute(delete(LoginThrottle).where(LoginThrottle.key == account_key(username)))


def unlock(session: Session, username: str | None = None, address: str | None = None) -> int:
    """Lift the counters of an account and/or an address (staff). Returns how many were set."""
    keys = [k for k in (account_key(username) if username else None, address_key(address) if address else None) if k]
    if not keys:
        return 0
    result = session.execute(delete(LoginThrottle).where(LoginThrottle.key.in_(keys)))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
