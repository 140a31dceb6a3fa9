"""Finding 10 of issue 14: no account lifecycle (no disable or remove, no password change, no token list
or revoke, tokens that never expired, `--password` on the command line). Staff now manage accounts from
the CLI and the HTTP API, audited, and a disabled user, a removed user, a changed password, a revoked or
expired token stop working at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from tests.api.conftest import PASSWORD, Env, audit_rows

NEW_PASSWORD = "a much better passphrase"


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_a_disabled_user_is_out_at_once_and_back_when_enabled(env: Env) -> None:
    staff = env.client("staff1")
    doc = env.client("doc_a")
    token = staff.post("/api/users/doc_a/tokens", json={"label": "script", "expires_in_days": 30}).json()["token"]
    plain = TestClient(env.app)
    assert plain.get("/api/me", headers=_bearer(token)).status_code == 200
    assert staff.post("/api/users/doc_a/disable").status_code == 200
    assert doc.get("/api/claims/A").status_code == 401
    assert plain.get("/api/me", headers=_bearer(token)).status_code == 401
    assert TestClient(env.app).post("/api/login", json={"username": "doc_a", "password": PASSWORD}
                                    ).status_code == 401
    users = {u["username"]: u for u in staff.get("/api/users").json()["users"]}
    assert users["doc_a"]["disabled"] is True and users["doc_b"]["disabled"] is False
    assert staff.post("/api/users/doc_a/enable").status_code == 200
    assert env.client("doc_a").get("/api/claims/A").status_code == 200
    assert doc.get("/api/me").status_code == 401  # the session ended by the disable stays ended
    assert staff.post("/api/users/staff1/disable").status_code == 422  # not yourself
    assert [(e.username, e.action) for e in audit_rows() if e.action.startswith("user_")][-3:] == [
        ("staff1", "user_token_create"), ("staff1", "user_disable"), ("staff1", "user_enable")][-3:]


def test_a_removed_user_is_gone_with_sessions_tokens_and_access(env: Env) -> None:
    staff = env.client("staff1")
    doc = env.client("doc_b")
    token = staff.post("/api/users/doc_b/tokens", json={"label": "x"}).json()["token"]
    assert env.client("doc_a").delete("/api/users/doc_b").status_code == 403
    assert staff.delete("/api/users/doc_b").json() == {"removed": "doc_b"}
    assert doc.get("/api/me").status_code == 401
    assert TestClient(env.app).get("/api/me", headers=_bearer(token)).status_code == 401
    assert "doc_b" not in {u["username"] for u in staff.get("/api/users").json()["users"]}
    assert "doc_b" not in {u["username"] for u in staff.get("/api/claims/B/access").json()["users"]}
    assert staff.delete("/api/users/doc_b").status_code == 404
    assert audit_rows("user_remove")[-1].target == '{"user": "doc_b"}'


def test_password_changes_end_the_other_sessions(env: Env) -> None:
    staff = env.client("staff1")
    old_session = env.client("doc_a")
    assert staff.put("/api/users/doc_a/password", json={"password": "short"}).status_code == 422
    assert staff.put("/api/users/doc_a/password", json={"password": NEW_PASSWORD}).status_code == 200
    assert old_session.get("/api/me").status_code == 401
    fresh = TestClient(env.app)
    assert fresh.post("/api/login", json={"username": "doc_a", "password": PASSWORD}).status_code == 401
    r = fresh.post("/api/login", json={"username": "doc_a", "password": NEW_PASSWORD})
    assert r.status_code == 200
    fresh.headers["X-CSRF-Token"] = r.json()["csrf_token"]
    other = TestClient(env.app)
    assert other.post("/api/login", json={"username": "doc_a", "password": NEW_PASSWORD}).status_code == 200
    # A user changes their own password: their other sessions end, this one stays.
    body = {"current_password": "wrong wrong wrong", "new_password": PASSWORD}
    assert fresh.post("/api/me/password", json=body).status_code == 403
    body["current_password"] = NEW_PASSWORD
    assert fresh.post("/api/me/password", json=body).status_code == 200
    assert fresh.get("/api/me").status_code == 200 and other.get("/api/me").status_code == 401
    assert [e.action for e in audit_rows() if e.action.startswith("password")] == ["password_reset",
                                                                                    "password_change"]


def test_tokens_expire_are_listed_and_revoked(env: Env) -> None:
    from sqlalchemy import update

    from store.auth_models import ApiToken
    from store.db import session_scope
    from store.models import utcnow

    staff = env.client("staff1")
    made = staff.post("/api/users/doc_a/tokens", json={"label": "nightly export"})
    assert made.status_code == 201
    token, token_id = made.json()["token"], made.json()["id"]
    expires = dt.datetime.fromisoformat(made.json()["expires_at"].rstrip("Z"))
    assert dt.timedelta(days=1) < expires - utcnow() <= dt.timedelta(days=365)  # never without an end
    assert staff.post("/api/users/doc_a/tokens", json={"expires_in_days": 5000}).status_code == 422
    listed = staff.get("/api/users/doc_a/tokens").json()["tokens"]
    assert [(t["id"], t["label"], t["state"]) for t in listed] == [(token_id, "nightly export", "active")]
    assert "token" not in listed[0] and "token_hash" not in listed[0]
    client = TestClient(env.app)
    assert client.get("/api/me", headers=_bearer(token)).status_code == 200
    assert staff.delete(f"/api/tokens/{token_id}").status_code == 200
    assert client.get("/api/me", headers=_bearer(token)).status_code == 401
    assert staff.get("/api/users/doc_a/tokens").json()["tokens"][0]["state"] == "revoked"
    # A token of the first release (no expiry) ends after the default lifetime too.
    old = staff.post("/api/users/doc_a/tokens", json={"label": "legacy"}).json()
    with session_scope() as s:
        s.execute(update(ApiToken).where(ApiToken.id == old["id"]).values(
            expires_at=None, created_at=utcnow() - dt.timedelta(days=400)))
    assert client.get("/api/me", headers=_bearer(old["token"])).status_code == 401
    assert {a.action for a in audit_rows()} >= {"user_token_create", "user_token_revoke"}


def test_staff_only(env: Env) -> None:
    doc = env.client("doc_a")
    for method, url in (("post", "/api/users"), ("post", "/api/users/doc_b/disable"),
                        ("put", "/api/users/doc_b/password"), ("get", "/api/users/doc_b/tokens"),
                        ("post", "/api/users/doc_b/tokens"), ("delete", "/api/tokens/1")):
        assert getattr(doc, method)(url, **({} if method in ("get", "delete") else {"json": {}})).status_code in (
            403, 422), url
    staff = env.client("staff1")
    r = staff.post("/api/users", json={"username": "nurse1", "role": "physician", "password": NEW_PASSWORD})
    assert r.status_code == 201
    assert TestClient(env.app).post("/api/login", json={"username": "nurse1", "password": NEW_PASSWORD}
                                    ).status_code == 200


def test_cli_lifecycle_reads_passwords_from_a_prompt_or_stdin_never_argv(data_dir: Path) -> None:
    from api.cli import main

    run = CliRunner()
    refused = run.invoke(main, ["user", "add", "drx", "--role", "physician", "--password", PASSWORD])
    assert refused.exit_code == 2 and "No such option" in refused.output
    prompted = run.invoke(main, ["user", "add", "drx", "--role", "physician"], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert prompted.exit_code == 0, prompted.output
    assert PASSWORD not in prompted.output
    piped = run.invoke(main, ["user", "add", "drz", "--role", "staff", "--password-stdin"], input=f"{PASSWORD}\n")
    assert piped.exit_code == 0, piped.output
    assert run.invoke(main, ["user", "passwd", "drx", "--password-stdin"], input=f"{NEW_PASSWORD}\n").exit_code == 0
    made = run.invoke(main, ["user", "token", "create", "drx", "--label", "nightly", "--expires-in-days", "7"])
    assert made.exit_code == 0, made.output
    token = made.output.strip().splitlines()[-1]
    assert token.startswith("cdx_")
    listed = run.invoke(main, ["user", "token", "list", "drx"])
    assert "nightly" in listed.output and "active" in listed.output and token not in listed.output
    token_id = listed.output.split()[0]
    assert run.invoke(main, ["user", "token", "revoke", token_id]).exit_code == 0
    assert "revoked" in run.invoke(main, ["user", "token", "list", "drx"]).output
    assert run.invoke(main, ["user", "disable", "drx"]).exit_code == 0
    assert "drx\tphysician\tdisabled" in run.invoke(main, ["user", "list"]).output
    assert run.invoke(main, ["user", "enable", "drx"]).exit_code == 0
    assert run.invoke(main, ["user", "remove", "drx", "--yes"]).exit_code == 0
    assert "drx" not in run.invoke(main, ["user", "list"]).output
    gone = run.invoke(main, ["user", "disable", "drx"])
    assert gone.exit_code == 1 and "no user drx" in gone.output

    from store.auth_models import AuditEvent
    from store.db import session_scope

    with session_scope() as s:
        actions = [e.action for e in s.query(AuditEvent).order_by(AuditEvent.id)]
    assert actions == ["user_create", "user_create", "password_reset", "user_token_create", "user_token_revoke",
                       "user_disable", "user_enable", "user_remove"]
