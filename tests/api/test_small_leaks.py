"""Finding 12 of issue 14: small leaks. Server paths in file errors; staff saw the raw text of failed
log-ins' usernames (often a password typed in the wrong field); POST /api/claims answered 409 for a claim
the caller cannot open; page images were cacheable for an hour; claim ids could reach headers. (Claim ids
at every entry: tests/api/test_request_limits.py.)"""

from __future__ import annotations

import tempfile

from fastapi.testclient import TestClient

from tests.api.conftest import PASSWORD, Env, audit_rows


def test_file_page_and_index_errors_show_no_server_paths(env: Env, data_dir) -> None:  # type: ignore[no-untyped-def]
    from claims.file_errors import record_file_error
    from store.db import session_scope
    from store.models import Claim, Page

    a = env.claims["A"]
    blob = data_dir / "blobs" / "ab" / ("ab" * 32)
    tmp = f"{tempfile.gettempdir()}/tmpab12/part-00001"
    with session_scope() as s:
        record_file_error(s, a.file_id, 2, "unexpected_error",
                          f"A-str.pdf page 2: FileNotFoundError: [Errno 2] No such file or directory: '{blob}'")
        record_file_error(s, a.file_id, None, "corrupt_pdf", f"the PDF cannot be opened ({tmp}: bad xref)")
        page = s.get(Page, a.page_ids[1])
        page.status, page.error_code = "failed", "unexpected_error"
        page.error_message = f"OSError: cannot open {blob}"
        s.get(Claim, "A").index_error = f"SearchIndexUnavailable: embedded index at {data_dir}/search.sqlite3: locked"
    doc = env.client("doc_a")
    shown = " ".join([doc.get("/api/claims/A/progress").text, doc.get("/api/claims/A").text,
                      doc.get(f"/api/claims/A/files/{a.file_id}/pages/2").text, doc.get("/claims/A").text,
                      doc.get(f"/claims/A/files/{a.file_id}/pages/2").text, doc.get("/api/claims/A/export").text])
    for secret in (str(data_dir), tempfile.gettempdir() + "/", "/blobs/", "search.sqlite3"):
        assert secret not in shown, secret
    assert "FileNotFoundError" in shown and "bad xref" in shown  # the reason stays


def test_failed_logins_keep_no_typed_text_for_unknown_names(env: Env) -> None:
    c = TestClient(env.app, client=("198.51.100.7", 1))
    c.post("/api/login", json={"username": "my secret passphrase 42", "password": "x-x-x-x-x"})
    c.post("/login", data={"username": "Jane Veteran-Smith", "password": "x-x-x-x-x"}, follow_redirects=False)
    c.post("/api/login", json={"username": "doc_b", "password": "x-x-x-x-x"})
    failed = audit_rows("login_failed")
    assert [e.username for e in failed] == ["(unknown user)", "(unknown user)", "doc_b"]
    staff_view = env.client("staff1").get("/api/audit").text + env.client("staff1").get("/audit").text
    for typed in ("secret passphrase", "Jane", "Veteran-Smith"):
        assert typed not in staff_view
    assert "198.51.100.7" in staff_view and "hmac=" in staff_view  # who tried from where, as a fingerprint


def test_creating_a_claim_one_cannot_open_answers_as_for_a_missing_claim(env: Env) -> None:
    outsider = env.client("staff_b")  # staff, but not assigned to claim A
    create = outsider.post("/api/claims", json={"claim_id": "A"})
    missing = outsider.get("/api/claims/A")
    upload = outsider.post("/api/claims/A/uploads", files={"files": ("a.pdf", b"%PDF-1.4 x")})
    assert create.status_code == missing.status_code == upload.status_code == 404
    assert create.json() == missing.json() == upload.json() == {"detail": "no such claim"}
    assert env.client("staff1").post("/api/claims", json={"claim_id": "A"}).status_code == 409  # your own


def test_record_answers_are_never_cached(env: Env) -> None:
    a = env.claims["A"]
    doc = env.client("doc_a")
    for url in (f"/api/claims/A/files/{a.file_id}/pages/1/image", f"/api/claims/A/files/{a.file_id}/pages/1",
                "/api/claims/A/export", "/api/claims/A/summary.md", "/claims/A", "/api/claims/A/search?q=gait"):
        r = doc.get(url)
        assert r.status_code == 200 and r.headers["cache-control"] == "no-store", (url, r.headers)


def test_download_names_cannot_break_a_header() -> None:
    from api.dependencies import attachment

    value = attachment('evidence-summary-q"x; filename=evil.html\r\nX-Evil: 1.md')["Content-Disposition"]
    assert "\r" not in value and "\n" not in value
    assert value.count('"') == 2 and value.count(";") == 2
    plain = value.split('filename="', 1)[1].split('"', 1)[0]
    assert set(plain) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
    assert "filename*=UTF-8''" in value


def test_downloads_name_the_claim(env: Env) -> None:
    r = env.client("doc_a").get("/api/claims/A/summary.md")
    assert r.headers["content-disposition"].startswith('attachment; filename="evidence-summary-A.md"')
    assert TestClient(env.app).post("/api/login", json={"username": "doc_a", "password": PASSWORD}).status_code == 200
