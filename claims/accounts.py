"""Accounts: password hashing, users and their lifecycle (disable, enable, remove, new password), API
tokens (expiring, listed, revoked), browser sessions, log-in (throttled: claims/login_throttle.py), who is
calling.

Medical records (DESIGN.md §6) need credentials on every endpoint. Browsers get a signed, HttpOnly,
SameSite=Lax session cookie backed by a server-side row (so logout really ends the session); scripts
send `Authorization: Bearer <token>` where only the token's hash is stored. Everything here is plain
stdlib crypto (scrypt, HMAC) so no extra dependency is needed. The HTTP side (cookies, headers, CSRF
checks) is in api/dependencies.py.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from claims.errors import Conflict, Invalid, NotFound
from claims.login_throttle import reserve_attempt, succeeded
from config.settings import get_settings
from store.auth_models import ApiToken, ClaimAccess, User, WebSession
from store.db import session_scope
from store.models import utcnow

ROLES = ("staff", "physician")
SESSION_TTL = dt.timedelta(hours=12)
MIN_PASSWORD_LENGTH = 8
# scrypt cost: ~16 MiB and a few tens of ms per hash; slow enough to blunt offline guessing.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
# API tokens always end: this long unless asked otherwise, never longer than MAX_TOKEN_TTL. A token of the
# first release (no expiry stored) ends TOKEN_TTL after it was made.
TOKEN_TTL = dt.timedelta(days=90)
MAX_TOKEN_TTL = dt.timedelta(days=365)


@dataclass(frozen=True)
class Principal:
    user_id: int
    username: str
    role: str
    via: str  # "cookie" or "token": only cookie requests need a CSRF token
    csrf_token: str | None = None

    @property
    def is_staff(self) -> bool:
        return self.role == "staff"

    @property
    def is_physician(self) -> bool:
        return self.role == "physician"


# ---------------------------------------------------------------- passwords


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32)
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(bytes.fromhex(digest)))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


# What to verify against when the user does not exist, so timing does not reveal usernames: a stored
# hash's form and cost parameters (the same scrypt work), whose answer is never used. A constant: hashing
# a random password here cost every command and worker ~50 ms of start-up.
_DUMMY_HASH = f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${'00' * 16}${'00' * 32}"


# ---------------------------------------------------------------- users and tokens (CLI hooks)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise Invalid(f"a password is at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > 1024:
        raise Invalid("a password is at most 1024 characters")


def create_user(session: Session, username: str, password: str, role: str) -> User:
    """Create a user (`claimdex user add`, POST /api/users). Raises ValueError (Invalid, Conflict is a
    UseCaseError) on a bad role, name or password, or a taken name."""
    username = username.strip()
    if role not in ROLES:
        raise Invalid(f"role must be one of {', '.join(ROLES)}")
    if not username or len(username) > 128 or any(c in username for c in "\r\n\t\x00"):
        raise Invalid("a username is 1 to 128 characters, without control characters")
    _check_password(password)
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise _Taken(f"user {username} already exists")
    user = User(username=username, password_hash=hash_password(password), role=role)
    session.add(user)
    session.flush()
    return user


class _Taken(Conflict, ValueError):
    """A username already in use (a Conflict for HTTP, a ValueError for older callers)."""


def _end_sessions(session: Session, user_id: int, keep: str | None = None) -> None:
    q = delete(WebSession).where(WebSession.user_id == user_id)
    if keep:
        q = q.where(WebSession.session_hash != keep)
    session.execute(q)


def set_password(session: Session, username: str, password: str, keep_session_cookie: str | None = None) -> None:
    """A new password; every browser session of the user ends at once, except the one that asked, if any."""
    user = get_user(session, username)
    _check_password(password)
    user.password_hash = hash_password(password)
    sid = unsign(keep_session_cookie) if keep_session_cookie else None
    _end_sessions(session, user.user_id, _token_hash(sid) if sid else None)
    session.flush()


def disable_user(session: Session, username: str) -> None:
    """The user can no longer log in; their sessions end and their tokens stop working at once."""
    user = get_user(session, username)
    user.disabled_at = user.disabled_at or utcnow()
    _end_sessions(session, user.user_id)
    session.flush()


def enable_user(session: Session, username: str) -> None:
    get_user(session, username).disabled_at = None
    session.flush()


def remove_user(session: Session, username: str) -> None:
    """The user, their sessions, tokens and claim access are deleted (the audit log keeps their name)."""
    user = get_user(session, username)
    for table in (WebSession, ApiToken, ClaimAccess):
        session.execute(delete(table).where(table.user_id == user.user_id))
    session.delete(user)
    session.flush()


def list_users(session: Session) -> list[dict[str, object]]:
    return [{"username": u.username, "role": u.role, "disabled": u.disabled_at is not None}
            for u in session.scalars(select(User).order_by(User.username))]


def get_user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise _NoUser(f"no user {username}")
    return user


class _NoUser(NotFound):
    """NotFound is a LookupError too: older callers catch that."""


def user_exists(session: Session, username: str) -> bool:
    return session.scalar(select(User.user_id).where(User.username == username)) is not None


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    token: str  # shown once
    id: int
    expires_at: dt.datetime


def issue_api_token(session: Session, username: str, label: str | None = None,
                    ttl: dt.timedelta | None = None) -> IssuedToken:
    """Issue an API token for scripts; it is shown once, only its hash is stored. It always expires:
    after `ttl` (at most MAX_TOKEN_TTL), TOKEN_TTL by default."""
    user = get_user(session, username)
    ttl = TOKEN_TTL if ttl is None else ttl
    if ttl > MAX_TOKEN_TTL:
        raise Invalid(f"a token lives at most {MAX_TOKEN_TTL.days} days")
    token = "cdx_" + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.user_id, token_hash=_token_hash(token), label=(label or "")[:128] or None,
                   created_at=utcnow(), expires_at=utcnow() + ttl)
    session.add(row)
    session.flush()
    return IssuedToken(token, row.id, row.expires_at or utcnow())


def create_api_token(session: Session, username: str, label: str | None = None,
                     ttl: dt.timedelta | None = None) -> str:
    return issue_api_token(session, username, label, ttl).token


def _token_expiry(tok: ApiToken) -> dt.datetime:
    return tok.expires_at or (tok.created_at + TOKEN_TTL)


def _token_state(tok: ApiToken, now: dt.datetime) -> str:
    if tok.revoked_at is not None:
        return "revoked"
    return "expired" if _token_expiry(tok) <= now else "active"


def list_api_tokens(session: Session, username: str | None = None) -> list[dict[str, object]]:
    """Tokens (never their value): id, user, label, created, expires, state (active, expired, revoked)."""
    q = select(ApiToken, User.username).join(User, User.user_id == ApiToken.user_id)
    if username is not None:
        q = q.where(User.user_id == get_user(session, username).user_id)
    now = utcnow()
    return [{"id": tok.id, "username": name, "label": tok.label, "created_at": tok.created_at.isoformat() + "Z",
             "expires_at": _token_expiry(tok).isoformat() + "Z", "state": _token_state(tok, now)}
            for tok, name in session.execute(q.order_by(ApiToken.id))]


def revoke_api_token(session: Session, token_id: int) -> str:
    """Revoke a token (it stops working at once); returns its user's name."""
    tok = session.get(ApiToken, token_id)
    if tok is None:
        raise NotFound("no such token")
    tok.revoked_at = tok.revoked_at or utcnow()
    user = session.get(User, tok.user_id)
    session.flush()
    return user.username if user else "?"


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The user, if the password is theirs and the account is enabled (the same time spent either way)."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        verify_password(password, _DUMMY_HASH)
        return None
    if not verify_password(password, user.password_hash) or user.disabled_at is not None:
        return None
    return user


def verify_current_password(session: Session, username: str, password: str) -> bool:
    return authenticate(session, username, password) is not None


def log_in(username: str, password: str, address: str) -> User | None:
    """Check a log-in from a client address: the attempt is counted (atomically, in its own transaction)
    before the password is checked, and the password is checked outside any write transaction. Raises
    TooManyAttempts (claims/login_throttle.py) when the address or the account is over its limit."""
    reserve_attempt(username, address)
    with session_scope() as s:
        user = authenticate(s, username, password)
    if user is not None:
        succeeded(username, address)
    return user


# ---------------------------------------------------------------- signing and sessions


@lru_cache(maxsize=4)
def _secret_for(data_dir: str, configured: str) -> bytes:
    if configured:
        return configured.encode()
    path = Path(data_dir) / "secret_key"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes().strip()
    with os.fdopen(fd, "wb") as fh:
        key = secrets.token_hex(32).encode()
        fh.write(key)
    return key


def secret_key() -> bytes:
    """CLAIMDEX_SECRET_KEY, else a random key kept (mode 600) in the data dir so restarts keep sessions."""
    s = get_settings()
    return _secret_for(str(s.data_dir), s.secret_key)


def sign(value: str) -> str:
    mac = hmac.new(secret_key(), value.encode(), hashlib.sha256).digest()
    return f"{value}.{base64.urlsafe_b64encode(mac).decode().rstrip('=')}"


def unsign(signed: str) -> str | None:
    value, _, mac = signed.rpartition(".")
    if not value:
        return None
    return value if hmac.compare_digest(sign(value), signed) else None


def open_session(session: Session, user: User) -> tuple[str, str]:
    """Create a server-side session; returns (signed cookie value, its CSRF token)."""
    sid = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(24)
    session.add(WebSession(session_hash=_token_hash(sid), user_id=user.user_id,
                           csrf_token=csrf, expires_at=utcnow() + SESSION_TTL))
    session.flush()
    return sign(sid), csrf


def close_session(session: Session, cookie_value: str | None) -> None:
    sid = unsign(cookie_value or "")
    if sid:
        row = session.get(WebSession, _token_hash(sid))
        if row is not None:
            session.delete(row)
            session.flush()


# ---------------------------------------------------------------- who is calling


def principal_for_token(session: Session, token: str) -> Principal | None:
    """The user of a live API token (not revoked, not expired) whose account is enabled."""
    tok = session.scalar(select(ApiToken).where(ApiToken.token_hash == _token_hash(token)))
    if tok is None or _token_state(tok, utcnow()) != "active":
        return None
    user = session.get(User, tok.user_id)
    if user is None or user.disabled_at is not None:
        return None
    return Principal(user.user_id, user.username, user.role, "token")


def principal_for_session(session: Session, cookie_value: str) -> Principal | None:
    """The user of a live browser session, with its CSRF token."""
    sid = unsign(cookie_value)
    if not sid:
        return None
    row = session.get(WebSession, _token_hash(sid))
    if row is None or row.expires_at < utcnow():
        return None
    user = session.get(User, row.user_id)
    if user is None or user.disabled_at is not None:
        return None
    return Principal(user.user_id, user.username, user.role, "cookie", row.csrf_token)
