"""Every staff change to an account or a claim's access writes its audit row in the same unit of work,
whichever interface asks (real SQLite in a fresh data dir)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from claims import account_changes
from claims.errors import NotFound
from store.auth_models import AuditEvent
from store.db import session_scope
from store.models import Claim


def _actions() -> list[tuple[str, str, str | None]]:
    with session_scope() as s:
        return [(e.username, e.action, e.claim_id) for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_each_change_is_audited_with_who_did_it(data_dir: Path) -> None:
    with session_scope() as s:
        s.add(Claim(claim_id="c9"))
        account_changes.add_user(s, "root", "drlee", "a long enough password 1", "physician")
        account_changes.grant(s, "root", "drlee", "c9")
        issued = account_changes.issue_token(s, "root", "drlee", "script", dt.timedelta(days=3))
        assert account_changes.revoke_token(s, "root", issued.id) == "drlee"
        account_changes.reset_password(s, "root", "drlee", "another long password 2")
        account_changes.disable(s, "root", "drlee")
        account_changes.enable(s, "root", "drlee")
        account_changes.unlock_logins(s, "root", username="drlee")
        assert account_changes.revoke_access(s, "root", "drlee", "c9") is True
        account_changes.remove(s, "root", "drlee")
    assert _actions() == [
        ("root", "user_create", None), ("root", "access_grant", "c9"), ("root", "user_token_create", None),
        ("root", "user_token_revoke", None), ("root", "password_reset", None), ("root", "user_disable", None),
        ("root", "user_enable", None), ("root", "login_unlock", None), ("root", "access_revoke", "c9"),
        ("root", "user_remove", None),
    ]


def test_a_refused_change_leaves_no_audit_row(data_dir: Path) -> None:
    with pytest.raises(NotFound), session_scope() as s:
        account_changes.disable(s, "root", "nobody")
    with pytest.raises(NotFound), session_scope() as s:
        account_changes.unlock_logins(s, "root", username="nobody")
    assert _actions() == []
