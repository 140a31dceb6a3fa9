"""API test fixtures: a temp data dir with SQLite, two claims of rows inserted directly, three users.

claim A: a 2-page PDF (real blob, so page images render) with documents, pages, words and flags.
claim B: the same shape with other ids. doc_a may open A only, doc_b B only, staff1 both.
The Celery queue, re-indexing and the search backend are swapped for in-process fakes.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

PASSWORD = "correct horse battery"
PAGE_TEXT = [
    "CHRONOLOGICAL RECORD OF MEDICAL CARE\nPatient walks with an antalgic gait favoring the right.",
    "Follow-up visit.\nLow back pain since the ruck march. Denies numbness.",
]


def make_pdf(texts: list[str]) -> bytes:
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=LETTER)
    for text in texts:
        y = 720
        for line in text.splitlines():
            c.drawString(72, y, line)
            y -= 14
        c.showPage()
    c.save()
    return buf.getvalue()


def words_for(text: str) -> list[list[Any]]:
    """[text, start, end, x0, y0, x1, y1, conf] with made-up but consistent boxes (points, top-left)."""
    out: list[list[Any]] = []
    pos = 0
    for line_no, line in enumerate(text.split("\n")):
        x = 72.0
        for w in line.split(" "):
            start = text.index(w, pos)
            end = start + len(w)
            pos = end
            out.append([w, start, end, x, 60.0 + 14 * line_no, x + 6 * len(w), 72.0 + 14 * line_no, 96.0])
            x += 6 * len(w) + 4
    return out


@dataclass
class Seeded:
    claim_id: str
    file_id: str
    page_ids: list[str]
    document_id: str
    flag_ids: list[str]


class FakeIndex:
    """Substring search over SQL pages; also returns one page of *another* claim to prove the API drops it."""

    def __init__(self) -> None:
        self.queries: list[Any] = []

    def search(self, query: Any) -> Any:
        from sqlalchemy import select

        from indexers.base import SearchHit, SearchResult
        from store.db import session_scope
        from store.models import Page, SourceFile

        self.queries.append(query)
        hits = []
        with session_scope() as s:
            for p, f in s.execute(select(Page, SourceFile).join(SourceFile, SourceFile.file_id == Page.file_id)):
                if query.text.lower() in (p.text or "").lower():
                    hits.append(SearchHit(p.page_id, p.file_id, f.filename, p.page_number, p.document_id,
                                          "service_treatment", None, 1.0, ["an <mark>antalgic</mark> gait"]))
        return SearchResult(total=len(hits), hits=hits, facets={"record_type": {"service_treatment": len(hits)}})

    def ensure_ready(self) -> None: ...


@dataclass
class RecordingQueue:
    """The WorkQueue port, recording what the routes asked for instead of queueing Celery tasks."""

    enqueued: list[list[str]] = field(default_factory=list)
    pages: list[tuple[str, int]] = field(default_factory=list)
    resegmented: list[str] = field(default_factory=list)
    reindexed: list[str] = field(default_factory=list)

    def ingest_files(self, file_ids: Any) -> None:
        self.enqueued.append(list(file_ids))

    def extract_pages(self, pages: Any) -> None:
        self.pages.extend(pages)

    def analyse_file(self, file_id: str) -> None:
        self.resegmented.append(file_id)

    def index_claim(self, claim_id: str) -> None:
        self.reindexed.append(claim_id)


@dataclass
class Env:
    app: Any
    claims: dict[str, Seeded]
    queue: RecordingQueue = field(default_factory=RecordingQueue)
    index: FakeIndex = field(default_factory=FakeIndex)

    @property
    def enqueued(self) -> list[list[str]]:
        return self.queue.enqueued

    @property
    def reindexed(self) -> list[str]:
        return self.queue.reindexed

    @property
    def resegmented(self) -> list[str]:
        return self.queue.resegmented

    def client(self, username: str | None = None) -> TestClient:
        c = TestClient(self.app)
        if username:
            r = c.post("/api/login", json={"username": username, "password": PASSWORD})
            assert r.status_code == 200, r.text
            c.headers["X-CSRF-Token"] = r.json()["csrf_token"]
        return c


def seed_claim(s: Any, claim_id: str, blob_dir: Path) -> Seeded:
    import datetime as dt

    from store.blobs import BlobStore
    from store.ids import document_id_for, file_id_for, flag_id_for, page_id_for
    from store.models import Claim, Document, FileError, Flag, Page, SourceFile

    pdf = make_pdf(PAGE_TEXT)
    sha, size = BlobStore(blob_dir).put_bytes(pdf)
    file_id = file_id_for(claim_id, sha)
    s.add(Claim(claim_id=claim_id, title=f"Veteran {claim_id}", index_status="indexed"))
    s.add(SourceFile(file_id=file_id, claim_id=claim_id, filename=f"{claim_id}-str.pdf", sha256=sha, size=size,
                     kind="pdf", page_count=2, status="partial"))
    s.flush()
    doc_id = document_id_for(file_id, 1)
    s.add(Document(document_id=doc_id, claim_id=claim_id, file_id=file_id, first_page=1, last_page=2,
                   record_type="service_treatment", confidence=0.9, date=dt.date(2004, 3, 2), title="Sick call"))
    page_ids = []
    for n, text in enumerate(PAGE_TEXT, start=1):
        pid = page_id_for(file_id, n)
        page_ids.append(pid)
        s.add(Page(page_id=pid, file_id=file_id, claim_id=claim_id, page_number=n, status="done", text=text,
                   source="text_layer", width=612.0, height=792.0, words=words_for(text), document_id=doc_id))
    s.add(FileError(file_id=file_id, page=None, code="example_warning", message="a recorded problem"))
    flag_ids = []
    for pid, n, cat, phrase in ((page_ids[0], 1, "gait", "antalgic gait"),
                                (page_ids[1], 2, "back_complaint", "Low back pain")):
        text = PAGE_TEXT[n - 1]
        start = text.index(phrase)
        fid = flag_id_for(pid, cat, start, start + len(phrase))
        flag_ids.append(fid)
        s.add(Flag(flag_id=fid, claim_id=claim_id, file_id=file_id, page_id=pid, page_number=n, document_id=doc_id,
                   record_type="service_treatment", category=cat, text=phrase, sentence=text.split("\n")[1],
                   start=start, end=start + len(phrase), boxes=[[72.0, 74.0, 150.0, 86.0]], in_service=True))
    s.flush()
    return Seeded(claim_id, file_id, page_ids, doc_id, flag_ids)


@pytest.fixture
def env(data_dir: Path) -> Iterator[Env]:
    from api.app import create_app
    from claims.access import grant_claim
    from claims.accounts import create_user
    from config.settings import get_settings
    from store.db import session_scope

    with session_scope() as s:
        claims = {cid: seed_claim(s, cid, get_settings().blob_dir) for cid in ("A", "B")}
        create_user(s, "staff1", PASSWORD, "staff")
        create_user(s, "doc_a", PASSWORD, "physician")
        create_user(s, "doc_b", PASSWORD, "physician")
        create_user(s, "staff_b", PASSWORD, "staff")
        for user, cid in (("staff1", "A"), ("staff1", "B"), ("doc_a", "A"), ("doc_b", "B"), ("staff_b", "B")):
            grant_claim(s, user, cid)
    e = Env(app=None, claims=claims)
    e.app = create_app(search_index=lambda: e.index, queue=e.queue)
    yield e


def audit_rows(action: str | None = None) -> list[Any]:
    from sqlalchemy import select

    from store.auth_models import AuditEvent
    from store.db import session_scope

    with session_scope() as s:
        q = select(AuditEvent).order_by(AuditEvent.id)
        if action:
            q = q.where(AuditEvent.action == action)
        return list(s.scalars(q))
