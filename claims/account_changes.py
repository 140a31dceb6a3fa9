"""Changes staff make to accounts and claim access, each with its audit row in the same unit of work.

One home for "change, then audit it": the CLI (`claimdex user …`) and the HTTP API (`/api/users…`,
`/api/claims/{id}/access`) call these, so an interface cannot change an account without the audit log
saying who did what. `by` is the acting principal (a user, or the CLI's operating-system user).
The plain operations live in `claims.accounts` and `claims.access` (which `claims.audit` itself needs).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from claims import audit, login_throttle
from claims.access import grant_claim, revoke_claim
from claims.accounts import (
    IssuedToken,
    Principal,
    create_user,
    disable_user,
    enable_user,
    get_user,
    issue_api_token,
    remove_user,
    revoke_api_token,
    set_password,
)
from store.auth_models import User

Actor = Principal | str


def add_user(session: Session, by: Actor, username: str, password: str, role: str) -> User:
    user = create_user(session, username, password, role)
    audit.record(session, by, "user_create", user=user.username, role=user.role)
    return user


def disable(session: Session, by: Actor, username: str) -> None:
    """The account stops working at once: its sessions end, its tokens are refused."""
    disable_user(session, username)
    audit.record(session, by, "user_disable", user=username)


def enable(session: Session, by: Actor, username: str) -> None:
    enable_user(session, username)
    audit.record(session, by, "user_enable", user=username)


def remove(session: Session, by: Actor, username: str) -> None:
    """The user with their sessions, tokens and claim access (the audit log keeps their name)."""
    remove_user(session, username)
    audit.record(session, by, "user_remove", user=username)


def reset_password(session: Session, by: Actor, username: str, password: str) -> None:
    """A new password set by staff: every session of the user ends."""
    set_password(session, username, password)
    audit.record(session, by, "password_reset", user=username)


def issue_token(session: Session, by: Actor, username: str, label: str | None, ttl: dt.timedelta) -> IssuedToken:
    issued = issue_api_token(session, username, label, ttl)
    audit.record(session, by, "user_token_create", user=username, token_id=issued.id)
    return issued


def revoke_token(session: Session, by: Actor, token_id: int) -> str:
    """Revoke a token by id; returns whose it was."""
    username = revoke_api_token(session, token_id)
    audit.record(session, by, "user_token_revoke", user=username, token_id=token_id)
    return username


def grant(session: Session, by: Actor, username: str, claim_id: str) -> None:
    grant_claim(session, username, claim_id)
    audit.record(session, by, "access_grant", claim_id, user=username)


def revoke_access(session: Session, by: Actor, username: str, claim_id: str) -> bool:
    """Returns whether the user had access."""
    removed = revoke_claim(session, username, claim_id)
    audit.record(session, by, "access_revoke", claim_id, user=username)
    return removed


def unlock_logins(session: Session, by: Actor, username: str | None = None, address: str | None = None) -> int:
    """Lift the log-in slow-down of an account and/or the block of a client address; returns how many."""
    if username:
        get_user(session, username)  # NotFound for an unknown user
    n = login_throttle.unlock(session, username=username, address=address)
    target = {k: v for k, v in (("user", username), ("address", address)) if v}
    audit.record(session, by, "login_unlock", **target)
    return n
