"""Finding 1 of issue 14: one slow download stalled every write. An audited read wrote its audit row
before answering but committed after the body was sent, so a client that stopped reading a page image
held the SQLite write lock (other users' log-ins failed after 60 s); a ZIP intake held it for its whole
expansion; and right after a log-in, /api/me sometimes answered 401 (the session row was committed after
the answer). Now no request holds a write transaction while it sends a body or reads an upload."""

from __future__ import annotations

import io
import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, select

from tests.api.conftest import PASSWORD, Env, make_pdf
from tests.api.live_server import live_server

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


@dataclass
class WriteTracker:
    """Which database connections hold uncommitted writes right now (all engines of this process)."""

    open: set[int] = field(default_factory=set)
    violations: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def wrote(self, conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(WRITES):
            with self.lock:
                self.open.add(id(conn.connection.dbapi_connection))

    def ended(self, conn: Any) -> None:
        with self.lock:
            self.open.discard(id(conn.connection.dbapi_connection))

    def check(self, when: str) -> None:
        with self.lock:
            if self.open:
                self.violations.append(f"{len(self.open)} write transaction(s) open {when}")


@pytest.fixture
def tracker() -> Iterator[WriteTracker]:
    t = WriteTracker()
    event.listen(Engine, "before_cursor_execute", t.wrote)
    event.listen(Engine, "commit", t.ended)
    event.listen(Engine, "rollback", t.ended)
    yield t
    event.remove(Engine, "before_cursor_execute", t.wrote)
    event.remove(Engine, "commit", t.ended)
    event.remove(Engine, "rollback", t.ended)


def _watched(app: Any, tracker: WriteTracker) -> Any:
    """The app, checked at the moment each answer starts and each chunk of a request body is read."""

    async def wrapped(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        where = f"{scope['method']} {scope['path']}"

        async def watched_receive() -> Any:
            message = await receive()
            if message["type"] == "http.request":
                tracker.check(f"while {where} reads its body")
            return message

        async def watched_send(message: Any) -> None:
            if message["type"] == "http.response.start":
                tracker.check(f"when {where} starts its answer")
            await send(message)

        await app(scope, watched_receive, watched_send)

    return wrapped


def _client(app: Any, username: str) -> TestClient:
    c = TestClient(app)
    r = c.post("/api/login", json={"username": username, "password": PASSWORD})
    assert r.status_code == 200, r.text
    c.headers["X-CSRF-Token"] = r.json()["csrf_token"]
    assert c.get("/api/me").status_code == 200
    return c


def test_no_answer_starts_and_no_upload_is_read_inside_a_write_transaction(
        env: Env, tracker: WriteTracker, monkeypatch: pytest.MonkeyPatch) -> None:
    from store.blobs import BlobStore

    put_stream = BlobStore.put_stream

    def watched_put(self: BlobStore, *args: Any, **kwargs: Any) -> tuple[str, int]:
        tracker.check("while an upload's bytes are stored")
        return put_stream(self, *args, **kwargs)

    monkeypatch.setattr(BlobStore, "put_stream", watched_put)
    app = _watched(env.app, tracker)
    a = env.claims["A"]
    doc = _client(app, "doc_a")
    for path in ("/api/claims", "/api/claims/A", "/api/claims/A/progress", "/api/claims/A/documents",
                 f"/api/claims/A/documents/{a.document_id}", f"/api/claims/A/files/{a.file_id}/pages/1",
                 f"/api/claims/A/files/{a.file_id}/pages/1/image", "/api/claims/A/flags",
                 "/api/claims/A/search?q=gait", "/api/claims/A/export", "/api/claims/A/summary.md",
                 "/claims/A", f"/claims/A/files/{a.file_id}/pages/1", "/claims/A/review"):
        assert doc.get(path).status_code == 200, path
    assert doc.post(f"/api/claims/A/flags/{a.flag_ids[0]}/review",
                    json={"status": "confirmed", "note": "seen"}).status_code == 200
    staff = _client(app, "staff1")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for i in range(3):
            z.writestr(f"records/{i}.pdf", make_pdf([f"member {i}"]))
        z.writestr("records/notes.txt", b"not a record")
    files = [("files", ("a.pdf", make_pdf(["one"]), "application/pdf")),
             ("files", ("bundle.zip", buf.getvalue(), "application/zip"))]
    assert staff.post("/api/claims/NEW1/uploads", files=files).status_code == 202
    assert staff.post("/api/claims", json={"claim_id": "NEW2"}).status_code == 201
    assert staff.get("/api/audit").status_code == 200
    form = TestClient(app)
    assert form.post("/login", data={"username": "doc_b", "password": "wrong"}, follow_redirects=False
                     ).status_code == 303
    assert form.post("/login", data={"username": "doc_b", "password": PASSWORD}, follow_redirects=False
                     ).status_code == 303
    assert not tracker.violations, "\n".join(tracker.violations)


def _stalled_download(base_url: str, cookie: str, path: str) -> socket.socket:
    """Ask for `path` and read only the status line and headers: the server is left sending a body
    nobody reads (a tiny receive buffer: the kernel cannot absorb it either)."""
    port = int(base_url.rsplit(":", 1)[1])
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.settimeout(15)
    s.connect(("127.0.0.1", port))
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nCookie: claimdex_session={cookie}\r\n\r\n".encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = s.recv(1024)
        assert chunk, "the server closed the connection"
        head += chunk
    assert head.startswith(b"HTTP/1.1 200"), head[:200]
    return s


def _plant_big_page_image(env: Env) -> str:
    """A 24 MB cached PNG for page 1 of claim A, so its download is far bigger than any socket buffer."""
    from config.settings import get_settings
    from store.db import session_scope
    from store.models import SourceFile
    from workers.page_images import cache_path

    a = env.claims["A"]
    with session_scope() as s:
        sha = s.get(SourceFile, a.file_id).sha256
    path = cache_path(get_settings(), sha, 1, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n")
        for _ in range(24):
            fh.write(bytes(1024 * 1024))
    return f"/api/claims/A/files/{a.file_id}/pages/1/image"


def _audit_count(action: str) -> int:
    from store.auth_models import AuditEvent
    from store.db import session_scope

    with session_scope() as s:
        return len(list(s.scalars(select(AuditEvent.id).where(AuditEvent.action == action))))


def _slow_readers_do_not_delay_others(env: Env, readers: int) -> None:
    from api.app import create_app

    image = _plant_big_page_image(env)
    b = env.claims["B"]
    with live_server(lambda: create_app(search_index=lambda: env.index, queue=env.queue)) as url:
        login = httpx.post(f"{url}/api/login", json={"username": "doc_a", "password": PASSWORD}, timeout=10)
        cookie = login.cookies["claimdex_session"]
        stalled = [_stalled_download(url, cookie, image) for _ in range(readers)]
        try:
            for attempt in range(3):
                started = time.monotonic()
                with httpx.Client(base_url=url, timeout=10) as other:
                    r = other.post("/api/login", json={"username": "doc_b", "password": PASSWORD})
                    assert r.status_code == 200, r.text
                    assert other.get("/api/me").status_code == 200  # the session is there at once
                    review = other.post(f"/api/claims/B/flags/{b.flag_ids[attempt % 2]}/review",
                                        json={"status": "confirmed"},
                                        headers={"X-CSRF-Token": r.json()["csrf_token"]})
                    assert review.status_code == 200, review.text
                elapsed = time.monotonic() - started
                assert elapsed < 2.0, f"another user's log-in and review took {elapsed:.1f} s"
            # The reads were audited, committed, before their bodies started.
            assert _audit_count("page_image_read") == readers
        finally:
            for s in stalled:
                s.close()


def test_a_client_that_stops_reading_delays_no_one_sqlite(env: Env) -> None:
    _slow_readers_do_not_delay_others(env, readers=1)


def test_slow_readers_delay_no_one_postgresql(postgres_url: str, env: Env) -> None:
    from store.db import get_engine

    pool = get_engine().pool
    capacity = pool.size() + pool._max_overflow  # type: ignore[attr-defined]
    _slow_readers_do_not_delay_others(env, readers=capacity)


def test_me_answers_at_once_after_a_login(env: Env) -> None:
    from api.app import create_app

    with live_server(lambda: create_app(search_index=lambda: env.index, queue=env.queue)) as url:
        for _ in range(10):
            with httpx.Client(base_url=url, timeout=10) as c:
                assert c.post("/api/login", json={"username": "doc_a", "password": PASSWORD}).status_code == 200
                assert c.get("/api/me").status_code == 200


def test_sqlite_connections_wait_briefly_and_keep_a_bounded_wal(tmp_path: Path) -> None:
    from store.db import engine_for

    engine = engine_for(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.connect() as conn:
        pragma = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                  for name in ("journal_mode", "busy_timeout", "journal_size_limit")}
    engine.dispose()
    assert pragma["journal_mode"] == "wal"
    assert pragma["journal_size_limit"] > 0
    assert 0 < pragma["busy_timeout"] <= 60_000
