"""Index documents built from a real SQL database (store.models), reindex and failure bookkeeping."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session

from claims.indexing import index_claim_pages, page_docs_for_claim, reindex_all
from indexers.base import PageDoc, PageFields, SearchIndex, SearchIndexUnavailable, SearchQuery, SearchResult
from indexers.embedded_index import EmbeddedSearchIndex
from store.ids import document_id_for, file_id_for, flag_id_for, page_id_for
from store.models import Base, Claim, Document, Flag, Page, ServicePeriod, SourceFile
from tests.conftest import TEST_POSTGRES_URL, postgres_available
from tests.indexers.sample_claim import PAGES


def populate(session: Session, claim_id: str) -> str:
    """The sample claim as SQL rows: one file, a document per page, flags (some dismissed/negated)."""
    session.add(Claim(claim_id=claim_id, title="sample"))
    fid = file_id_for(claim_id, "0" * 64)
    session.add(SourceFile(file_id=fid, claim_id=claim_id, filename="cfile.pdf", sha256="0" * 64, kind="pdf",
                           page_count=len(PAGES) + 1, status="done"))
    session.flush()
    for n, (text, rt, date, _ins, flags) in PAGES.items():
        pid = page_id_for(fid, n)
        did = document_id_for(fid, n)
        session.add(Page(page_id=pid, file_id=fid, claim_id=claim_id, page_number=n, status="done", text=text,
                         document_id=did))
        session.add(Document(document_id=did, claim_id=claim_id, file_id=fid, first_page=n, last_page=n,
                             record_type=rt, confidence=0.9, date=date))
        for i, cat in enumerate(flags):
            session.add(Flag(flag_id=flag_id_for(pid, cat, i, i + 1), claim_id=claim_id, file_id=fid, page_id=pid,
                             page_number=n, document_id=did, record_type=rt, category=cat, text="x", sentence="x",
                             start=i, end=i + 1, in_service=None))
    # A failed page is not indexed; dismissed and negated flags do not count as flag categories.
    session.add(Page(page_id=page_id_for(fid, 99), file_id=fid, claim_id=claim_id, page_number=99, status="failed",
                     text="antalgic gait on a failed page"))
    p12 = page_id_for(fid, 12)
    session.add(Flag(flag_id=flag_id_for(p12, "back_complaint", 0, 5), claim_id=claim_id, file_id=fid, page_id=p12,
                     page_number=12, record_type="va_treatment", category="back_complaint", text="denies",
                     sentence="denies", start=0, end=5, negated=True))
    session.add(Flag(flag_id=flag_id_for(p12, "gait", 0, 5), claim_id=claim_id, file_id=fid, page_id=p12,
                     page_number=12, record_type="va_treatment", category="gait", text="x", sentence="x",
                     start=0, end=5, status="dismissed"))
    session.add(ServicePeriod(claim_id=claim_id, file_id=fid, page=11, start=dt.date(1997, 1, 1),
                              end=dt.date(2002, 6, 30)))
    session.flush()
    return fid


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    eng = create_engine(f"sqlite:///{tmp_path / 'claimdex.sqlite3'}")
    Base.metadata.create_all(eng)
    yield eng
    eng.dispose()


def by_page(docs: list[PageDoc]) -> dict[int, PageDoc]:
    return {d.page: d for d in docs}


def check_docs(docs: list[PageDoc], claim_id: str, fid: str) -> None:
    pages = by_page(docs)
    assert set(pages) == set(PAGES)  # the failed page 99 is not there
    assert all(d.claim_id == claim_id and d.file_id == fid and d.filename == "cfile.pdf" for d in docs)
    assert pages[4].record_type == "imaging_report" and pages[4].date == dt.date(2015, 9, 10)
    assert pages[4].document_id == document_id_for(fid, 4)
    assert pages[5].flag_categories == ["back_complaint", "continuity", "gait"]
    assert pages[12].flag_categories == []  # negated and dismissed flags left out
    assert pages[1].in_service is True  # dated inside the service period
    assert pages[5].in_service is False  # dated after it
    assert pages[9].in_service is None  # undated lay statement
    assert pages[1].text.startswith("CHRONOLOGICAL RECORD")


def test_page_docs_for_claim_from_sqlite(engine: Engine) -> None:
    with Session(engine) as s:
        fid = populate(s, "c-sql")
        s.commit()
        check_docs(page_docs_for_claim(s, "c-sql"), "c-sql", fid)
        assert page_docs_for_claim(s, "no-such-claim") == []


@pytest.mark.skipif(not postgres_available(), reason=f"no PostgreSQL at {TEST_POSTGRES_URL}")
def test_page_docs_for_claim_from_postgres(postgres_url: str) -> None:
    """On a fresh database of the real PostgreSQL (a shared one may hold tables of an older schema)."""
    from store.db import engine_for

    claim_id = f"c-pg-{uuid.uuid4().hex[:8]}"
    with Session(engine_for(postgres_url)) as s:
        fid = populate(s, claim_id)
        s.commit()
        check_docs(page_docs_for_claim(s, claim_id), claim_id, fid)


def _search(index: SearchIndex, claim_id: str, text: str) -> SearchResult:
    return index.search(SearchQuery(claim_id=claim_id, text=text))


def test_index_then_reindex_after_the_index_file_is_deleted(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "index" / "search.sqlite3"
    index = EmbeddedSearchIndex(path)
    with Session(engine) as s:
        populate(s, "c-re")
        s.commit()
        assert index_claim_pages(s, index, "c-re") == 12
        s.commit()
        claim = s.get(Claim, "c-re")
        assert claim is not None and claim.index_status == "indexed" and claim.indexed_at is not None
    assert {h.page for h in _search(index, "c-re", "antalgic gait").hits} == {5}

    index.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    fresh = EmbeddedSearchIndex(path)
    assert _search(fresh, "c-re", "antalgic gait").total == 0
    with Session(engine) as s:
        assert reindex_all(s, fresh) == 12
        s.commit()
    assert {h.page for h in _search(fresh, "c-re", "antalgic gait").hits} == {5}
    assert {h.page for h in _search(fresh, "c-re", "LBP").hits} == {1, 5, 7}

    # The same instance survives its file being deleted under it: it reopens and rebuilds.
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    with Session(engine) as s:
        assert reindex_all(s, fresh) == 12
        s.commit()
    assert fresh.count("c-re") == 12


def test_index_claim_prunes_pages_sql_no_longer_has(engine: Engine, tmp_path: Path) -> None:
    index = EmbeddedSearchIndex(tmp_path / "search.sqlite3")
    with Session(engine) as s:
        fid = populate(s, "c-prune")
        s.commit()
        index_claim_pages(s, index, "c-prune")
        page = s.get(Page, page_id_for(fid, 5))
        assert page is not None
        page.status = "failed"
        s.commit()
        assert index_claim_pages(s, index, "c-prune") == 11
    assert index.count("c-prune") == 11
    assert _search(index, "c-prune", "antalgic").total == 0


class DownIndex(EmbeddedSearchIndex):
    def upsert_pages(self, pages: list[PageDoc]) -> None:
        raise SearchIndexUnavailable("connection refused")


def test_unavailable_index_marks_the_claim_and_reraises(engine: Engine, tmp_path: Path) -> None:
    with Session(engine) as s:
        populate(s, "c-down")
        s.commit()
    with pytest.raises(SearchIndexUnavailable), Session(engine) as s:
        index_claim_pages(s, DownIndex(tmp_path / "down.sqlite3"), "c-down")
    with Session(engine) as s:  # visible from a new session: the error state was committed
        claim = s.get(Claim, "c-down")
        assert claim is not None and claim.index_status == "error"
        assert "connection refused" in (claim.index_error or "")
    with Session(engine) as s:
        index_claim_pages(s, EmbeddedSearchIndex(tmp_path / "up.sqlite3"), "c-down")
        s.commit()
        claim = s.get(Claim, "c-down")
        assert claim is not None and claim.index_status == "indexed" and claim.index_error is None


def _writer(path: str, worker: int, n: int) -> None:
    index = EmbeddedSearchIndex(path)
    for start in range(0, n, 20):
        index.upsert_pages([
            PageDoc(page_id=f"w{worker}-{i}", claim_id=f"claim-w{worker % 2}", file_id=f"f{worker}",
                    filename="w.pdf", page=i, text=f"lumbar strain page {i} from worker {worker}")
            for i in range(start, min(n, start + 20))
        ])
    index.close()


def test_several_processes_index_at_once(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.sqlite3")
    EmbeddedSearchIndex(path).ensure_ready()
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, w, 200)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    index = EmbeddedSearchIndex(path)
    assert index.count() == 800
    assert index.search(SearchQuery(claim_id="claim-w0", text="lumbar", size=5)).total == 400


def test_a_writer_blocked_past_the_busy_timeout_is_unavailable(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "busy.sqlite3"
    EmbeddedSearchIndex(path).ensure_ready()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(SearchIndexUnavailable):
            EmbeddedSearchIndex(path, busy_timeout_ms=200).upsert_pages([PageDoc(
                page_id="b1", claim_id="c", file_id="f", filename="f.pdf", page=1, text="x")])
        # Readers are not blocked by a writer (WAL).
        assert EmbeddedSearchIndex(path, busy_timeout_ms=200).count() == 0
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_threads_search_in_parallel_with_their_own_connections(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from tests.indexers.sample_claim import CLAIM, sample_docs

    index = EmbeddedSearchIndex(tmp_path / "threads.sqlite3")
    index.upsert_pages(sample_docs())

    def one(i: int) -> int:
        if i % 5 == 0:
            index.upsert_pages([PageDoc(page_id=f"t{i}", claim_id="claim-t", file_id="ft", filename="t.pdf", page=i,
                                        text="thread written page")])
        return index.search(SearchQuery(claim_id=CLAIM, text="LBP")).total

    with ThreadPoolExecutor(max_workers=6) as pool:
        assert set(pool.map(one, range(60))) == {3}
    assert index.count("claim-t") == 12
    index.close()
    assert index.count(CLAIM) == 12  # reconnects after close


def test_an_older_embedded_layout_is_replaced_not_misread(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE pages (id INTEGER PRIMARY KEY, page_id TEXT, flags TEXT)")
    old.execute("CREATE VIRTUAL TABLE pages_fts USING fts5(text, claimtok)")
    old.execute("PRAGMA user_version=1")
    old.commit()
    old.close()
    index = EmbeddedSearchIndex(path)
    assert index.count() == 0  # derived data: dropped, to be rebuilt by `claimdex reindex`
    index.upsert_pages([PageDoc(page_id="n1", claim_id="c", file_id="f", filename="f.pdf", page=1, text="lumbar")])
    assert index.search(SearchQuery(claim_id="c", text="lumbar")).total == 1
    tables = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "pages_fts" not in tables and "pages_fts_00" in tables


def test_index_file_sets_the_analysis_fields_and_adds_pages_the_index_lacks(engine: Engine, tmp_path: Path) -> None:
    from claims.indexing import index_file, index_new_pages

    index = EmbeddedSearchIndex(tmp_path / "search.sqlite3")
    with Session(engine) as s:
        fid = populate(s, "c-file")
        s.commit()
        # As extracted: pages 1-11 indexed with their text; page 12's indexing was missed (index down).
        ids = [page_id_for(fid, n) for n in range(1, 12)]
        assert index_new_pages(s, index, "c-file", ids) == 11
        index.update_page_fields([PageFields(page_id=i, claim_id="c-file") for i in ids])  # nothing known yet
        assert index.search(SearchQuery(claim_id="c-file", flag_categories=["gait"])).total == 0
        assert index_file(s, index, fid) == 12
        s.commit()
        claim = s.get(Claim, "c-file")
        assert claim is not None and claim.index_status == "indexed" and claim.indexed_at is not None
    assert index.count("c-file") == 12
    assert {h.page for h in index.search(SearchQuery(claim_id="c-file", flag_categories=["gait"])).hits} == {5, 10}
    assert {h.page for h in index.search(SearchQuery(claim_id="c-file", text="back", in_service=True)).hits} == \
        {1, 2, 3}
    check_docs(page_docs_for_claim(Session(engine), "c-file"), "c-file", fid)
