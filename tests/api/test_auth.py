"""Passwords, sessions, API tokens and CSRF."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import PASSWORD, Env, audit_rows


def test_password_hash_is_salted_and_verifies() -> None:
    from claims.accounts import hash_password, verify_password

    a, b = hash_password("s3cret-pass"), hash_password("s3cret-pass")
    assert a != b and a.startswith("scrypt$") and "s3cret" not in a
    assert verify_password("s3cret-pass", a) and not verify_password("wrong-pass", a)
    assert not verify_password("x", "garbage")


def test_create_user_validates(env: Env) -> None:
    from claims.accounts import create_user
    from store.db import session_scope

    with session_scope() as s:
        for name, pw, role in (("u1", PASSWORD, "admin"), ("", PASSWORD, "staff"), ("u2", "short", "staff"),
                               ("doc_a", PASSWORD, "physician")):
            with pytest.raises(ValueError):
                create_user(s, name, pw, role)


def test_login_sets_httponly_lax_cookie_and_wrong_password_fails(env: Env) -> None:
    c = TestClient(env.app)
    bad = c.post("/api/login", json={"username": "doc_a", "password": "nope-nope"})
    assert bad.status_code == 401 and "claimdex_session" not in bad.cookies
    ghost = c.post("/api/login", json={"username": "ghost", "password": "nope-nope"})
    assert ghost.status_code == 401 and ghost.json() == bad.json()
    ok = c.post("/api/login", json={"username": "doc_a", "password": PASSWORD})
    cookie = ok.headers["set-cookie"].lower()
    assert ok.status_code == 200 and "httponly" in cookie and "samesite=lax" in cookie
    assert c.get("/api/me").json()["username"] == "doc_a"
    assert [e.action for e in audit_rows()][-3:] == ["login_failed", "login_failed", "login"]


def test_form_login_redirects_only_to_local_paths(env: Env) -> None:
    c = TestClient(env.app)
    r = c.post("/login", data={"username": "doc_a", "password": PASSWORD, "next": "https://evil.example/x"},
               follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    c2 = TestClient(env.app)
    r = c2.post("/login", data={"username": "doc_a", "password": PASSWORD, "next": "/claims/A"},
                follow_redirects=False)
    assert r.headers["location"] == "/claims/A"
    r = TestClient(env.app).post("/login", data={"username": "doc_a", "password": "bad"}, follow_redirects=False)
    assert r.headers["location"].startswith("/login?error=1")


def test_tampered_or_unknown_cookie_is_rejected(env: Env) -> None:
    c = env.client("doc_a")
    value = c.cookies.get("claimdex_session")
    c.cookies.set("claimdex_session", value[:-2] + ("AA" if not value.endswith("AA") else "BB"))
    assert c.get("/api/me").status_code == 401


def test_logout_ends_the_session_server_side(env: Env) -> None:
    c = env.client("doc_a")
    value = c.cookies.get("claimdex_session")
    assert c.post("/api/logout").status_code == 200
    replay = TestClient(env.app)
    replay.cookies.set("claimdex_session", value)
    assert replay.get("/api/me").status_code == 401


def test_form_logout_needs_csrf_field(env: Env) -> None:
    c = env.client("doc_a")
    token = c.headers.pop("X-CSRF-Token")
    assert c.post("/logout", data={}, follow_redirects=False).status_code == 403
    r = c.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"


def test_csrf_required_for_cookie_writes(env: Env) -> None:
    c = env.client("doc_a")
    token = c.headers.pop("X-CSRF-Token")
    url = f"/api/claims/A/flags/{env.claims['A'].flag_ids[0]}/review"
    assert c.post(url, json={"status": "confirmed"}).status_code == 403
    assert c.post(url, json={"status": "confirmed"}, headers={"X-CSRF-Token": "wrong"}).status_code == 403
    assert c.post(url, json={"status": "confirmed"}, headers={"X-CSRF-Token": token}).status_code == 200
    staff = env.client("staff1")
    staff.headers.pop("X-CSRF-Token")
    assert staff.post("/api/claims", json={"claim_id": "C9"}).status_code == 403
    assert staff.post("/api/claims/A/uploads", files={"files": ("a.pdf", b"x")}).status_code == 403


def test_bearer_token_auth_needs_no_csrf(env: Env) -> None:
    from claims.accounts import create_api_token
    from store.db import session_scope

    with session_scope() as s:
        token = create_api_token(s, "doc_a", "script")
    c = TestClient(env.app)
    assert c.get("/api/claims", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    url = f"/api/claims/A/flags/{env.claims['A'].flag_ids[0]}/review"
    r = c.post(url, json={"status": "dismissed", "note": "not relevant"}, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200 and r.json()["reviewed_by"] == "doc_a"
    assert c.get("/api/claims", headers={"Authorization": "Bearer cdx_wrong"}).status_code == 401
    assert c.get("/api/claims/B", headers={"Authorization": f"Bearer {token}"}).status_code == 404


def test_token_is_stored_hashed_and_expires(env: Env) -> None:
    from sqlalchemy import select

    from claims.accounts import create_api_token
    from store.auth_models import ApiToken
    from store.db import session_scope

    with session_scope() as s:
        token = create_api_token(s, "doc_a", "short", ttl=dt.timedelta(seconds=-1))
        stored = [t.token_hash for t in s.scalars(select(ApiToken))]
    assert token not in stored and all(len(h) == 64 for h in stored)
    assert TestClient(env.app).get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    with session_scope() as s, pytest.raises(LookupError):
        create_api_token(s, "ghost", "x")


def test_grant_claim_is_idempotent(env: Env) -> None:
    from sqlalchemy import func, select

    from claims.access import grant_claim
    from store.auth_models import ClaimAccess
    from store.db import session_scope

    with session_scope() as s:
        grant_claim(s, "doc_a", "A")
        grant_claim(s, "doc_a", "A")
        assert s.scalar(select(func.count()).select_from(ClaimAccess).where(ClaimAccess.claim_id == "A")) == 2


def test_repeated_failed_logins_block_the_address(env: Env) -> None:
    """See tests/api/test_login_throttle.py for the whole policy (issue 14, finding 9)."""
    from claims.login_throttle import ADDRESS_LIMIT

    c = TestClient(env.app)
    for _ in range(ADDRESS_LIMIT):
        assert c.post("/api/login", json={"username": "doc_b", "password": "guess-guess"}).status_code == 401
    assert c.post("/api/login", json={"username": "doc_b", "password": PASSWORD}).status_code == 429
    r = c.post("/login", data={"username": "doc_b", "password": PASSWORD}, follow_redirects=False)
    assert r.headers["location"].startswith("/login?error=2")
    assert "Too many failed" in c.get("/login?error=2").text
    other = TestClient(env.app, client=("198.51.100.9", 1234))
    assert other.post("/api/login", json={"username": "doc_b", "password": PASSWORD}).status_code == 200
