"""Accounts: password hashing, users, API tokens, browser sessions, log-in lockout, who is calling.

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

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from config.settings import get_settings
from store.auth_models import ApiToken, AuditEvent, User, WebSession
from store.models import utcnow

ROLES = ("staff", "physician")
SESSION_TTL = dt.timedelta(hours=12)
MIN_PASSWORD_LENGTH = 8
# scrypt cost: ~16 MiB and a few tens of ms per hash; slow enough to blunt offline guessing.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
# Online password guessing: after this many failures for one username in the window, refuse for a while.
MAX_FAILURES = 10
FAILURE_WINDOW = dt.timedelta(minutes=15)


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


# A real hash to verify against when the user does not exist, so timing does not reveal usernames.
_DUMMY_HASH = hash_password(secrets.token_hex(8))


# ---------------------------------------------------------------- users and tokens (CLI hooks)


def create_user(session: Session, username: str, password: str, role: str) -> User:
    """Create a user (the CLI's `claimdex user add`). Raises ValueError on a bad role, name or password."""
    username = username.strip()
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if not username or len(username) > 128:
        raise ValueError("a username is 1 to 128 characters")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"a password is at least {MIN_PASSWORD_LENGTH} characters")
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise ValueError(f"user {username} already exists")
    user = User(username=username, password_hash=hash_password(password), role=role)
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, username: str, password: str) -> None:
    user = get_user(session, username)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"a password is at least {MIN_PASSWORD_LENGTH} characters")
    user.password_hash = hash_password(password)
    session.flush()


def list_users(session: Session) -> list[dict[str, object]]:
    return [{"username": u.username, "role": u.role, "disabled": False}
            for u in session.scalars(select(User).order_by(User.username))]


def get_user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise LookupError(f"no user {username}")
    return user


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_api_token(session: Session, username: str, label: str | None = None,
                     ttl: dt.timedelta | None = None) -> str:
    """Issue an API token for scripts; it is shown once, only its hash is stored."""
    user = get_user(session, username)
    token = "cdx_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.user_id, token_hash=_token_hash(token), label=label,
                         expires_at=(utcnow() + ttl) if ttl else None))
    session.flush()
    return token


def authenticate(session: Session, username: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        verify_password(password, _DUMMY_HASH)
        return None
    return user if verify_password(password, user.password_hash) else None


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
    """The user of an unexpired API token."""
    tok = session.scalar(select(ApiToken).where(ApiToken.token_hash == _token_hash(token)))
    if tok is None or (tok.expires_at is not None and tok.expires_at < utcnow()):
        return None
    user = session.get(User, tok.user_id)
    return Principal(user.user_id, user.username, user.role, "token") if user else None


def principal_for_session(session: Session, cookie_value: str) -> Principal | None:
    """The user of a live browser session, with its CSRF token."""
    sid = unsign(cookie_value)
    if not sid:
        return None
    row = session.get(WebSession, _token_hash(sid))
    if row is None or row.expires_at < utcnow():
        return None
    user = session.get(User, row.user_id)
    return Principal(user.user_id, user.username, user.role, "cookie", row.csrf_token) if user else None


def locked_out(session: Session, username: str) -> bool:
    """Counted from the audit log's login_failed rows, so the limit holds across server processes."""
    since = utcnow() - FAILURE_WINDOW
    n = session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.username == username[:128], AuditEvent.action == "login_failed", AuditEvent.at >= since))
    return (n or 0) >= MAX_FAILURES
