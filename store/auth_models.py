"""Users, credentials, per-claim access and the audit log (medical records: DESIGN.md §6)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from store.models import Base, utcnow


class User(Base):
    __tablename__ = "users"

    user_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(128), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    # staff (upload, manage, audit) or physician (search, review)
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # Set while the account is disabled: its sessions and tokens do not work.
    disabled_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class ClaimAccess(Base):
    __tablename__ = "claim_access"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.user_id", ondelete="CASCADE"), index=True)
    claim_id: Mapped[str] = mapped_column(String(128), index=True)

    __table_args__ = (UniqueConstraint("user_id", "claim_id", name="uq_claim_access"),)


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.user_id", ondelete="CASCADE"), index=True)
    # Only a hash of the token is kept.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # Every token issued now has one; a first-release token without one ends TOKEN_TTL after creation.
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class AuditEvent(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    username: Mapped[str] = mapped_column(String(128), index=True)
    action: Mapped[str] = mapped_column(String(64))
    claim_id: Mapped[str | None] = mapped_column(String(128), index=True)
    # What was touched (flag id, document id, page, query): ids only, never record text.
    target: Mapped[str | None] = mapped_column(Text)


class WebSession(Base):
    """A browser session. The cookie carries only a signed random id; deleting the row logs out for real
    (a stateless signed cookie could not be revoked before it expires)."""

    __tablename__ = "web_sessions"

    # sha256 of the random session id: a leaked database does not hand out live sessions.
    session_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.user_id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)


class LoginThrottle(Base):
    """Log-in attempts in the current window, per client address and per account (claims/login_throttle.py).

    The key is "address:<ip>" or "account:<sha256 of the username>": what was typed as a username is
    never stored (it is sometimes a password)."""

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(96), primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[dt.datetime] = mapped_column(DateTime)
    # For an account over its limit: the next attempt is not accepted before this.
    next_allowed: Mapped[dt.datetime | None] = mapped_column(DateTime)
