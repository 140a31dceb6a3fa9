"""The embedded backend's own behaviour beyond the conformance suite: several connections on one file."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from indexers.base import PageDoc, PageFields, SearchQuery
from indexers.embedded_index import EmbeddedSearchIndex


def _page(claim: str, n: int) -> PageDoc:
    return PageDoc(page_id=f"{claim}-{n}", claim_id=claim, file_id=f"f-{claim}", filename=f"{claim}.pdf", page=n,
                   text=f"antalgic gait visit {n}")


def test_a_searcher_sees_pages_another_process_indexed_after_its_last_search(tmp_path: Path) -> None:
    """A search remembers a claim's rowid range; a writer elsewhere (a worker) moving it must be seen."""
    searcher = EmbeddedSearchIndex(tmp_path / "search.sqlite3")
    worker = EmbeddedSearchIndex(tmp_path / "search.sqlite3")
    try:
        worker.upsert_pages([_page("claim-a", n) for n in range(1, 4)])
        assert searcher.search(SearchQuery(claim_id="claim-a", text="antalgic")).total == 3

        # Another claim's pages now sit after claim-a's, then claim-a grows past them.
        worker.upsert_pages([_page("claim-b", n) for n in range(1, 3)])
        worker.upsert_pages([_page("claim-a", 4)])
        result = searcher.search(SearchQuery(claim_id="claim-a", text="antalgic", size=10))

        assert result.total == 4 and {h.page for h in result.hits} == {1, 2, 3, 4}
        assert searcher.search(SearchQuery(claim_id="claim-b", text="antalgic")).total == 2
    finally:
        searcher.close()
        worker.close()


def test_a_connection_sees_its_own_writes_after_searching(tmp_path: Path) -> None:
    index = EmbeddedSearchIndex(tmp_path / "search.sqlite3")
    try:
        index.upsert_pages([_page("claim-a", 1)])
        assert index.search(SearchQuery(claim_id="claim-a", text="gait")).total == 1
        index.upsert_pages([_page("claim-b", 1), _page("claim-a", 2)])

        assert index.search(SearchQuery(claim_id="claim-a", text="gait")).total == 2
    finally:
        index.close()


def test_fields_changed_by_another_connection_are_filtered_counted_and_sorted_at_the_next_search(
        tmp_path: Path) -> None:
    """A connection keeps a claim's pages between searches (ClaimPages): a change anywhere must be seen."""
    searcher = EmbeddedSearchIndex(tmp_path / "search.sqlite3")
    worker = EmbeddedSearchIndex(tmp_path / "search.sqlite3")
    try:
        worker.upsert_pages([_page("claim-a", n) for n in range(1, 4)])
        query = SearchQuery(claim_id="claim-a", text="gait", record_types=["cp_exam"], flag_categories=["gait"])
        assert searcher.search(query).total == 0

        worker.update_page_fields([PageFields(page_id="claim-a-2", claim_id="claim-a", document_id="d2",
                                              record_type="cp_exam", date=dt.date(2001, 5, 6), in_service=True,
                                              flag_categories=["gait"])])
        result = searcher.search(query)
        assert [h.page_id for h in result.hits] == ["claim-a-2"]
        assert result.facets["in_service"] == {"true": 1}
        by_date = searcher.search(SearchQuery(claim_id="claim-a", sort="date"))
        assert [h.page_id for h in by_date.hits] == ["claim-a-2", "claim-a-1", "claim-a-3"]  # undated last
    finally:
        searcher.close()
        worker.close()


def _docs() -> list[PageDoc]:
    """Two claims whose pages alternate in one rowid range, with every field varied."""
    docs = []
    for n in range(1, 41):
        for claim in ("claim-a", "claim-b"):
            docs.append(PageDoc(
                page_id=f"{claim}-{n:02d}", claim_id=claim, file_id=f"f{n % 3}-{claim}", filename="c.pdf",
                page=n, text=f"antalgic gait {'lumbar strain' if n % 2 else 'knee'} visit",
                document_id=f"d{n}", record_type=("cp_exam", "va_treatment", "imaging_report")[n % 3],
                date=None if n % 5 == 0 else dt.date(2000 + n % 7, 1 + n % 12, 1 + n % 27),
                in_service=None if n % 4 == 0 else bool(n % 2), flag_categories=[("gait", "injury")[n % 2]] * (n % 3)))
    return docs


def test_a_claim_sharing_its_rowid_range_gets_its_own_pages_filtered_counted_and_in_order(tmp_path: Path) -> None:
    index = EmbeddedSearchIndex(tmp_path / "search.sqlite3")
    try:
        docs = _docs()
        index.upsert_pages(docs)
        mine = [d for d in docs if d.claim_id == "claim-a"]
        filtered = SearchQuery(claim_id="claim-a", record_types=["cp_exam", "va_treatment"], in_service=True)
        for query, sort, key in (
                (filtered, "relevance", lambda d: (d.file_id, d.page, d.page_id)),
                (filtered, "date", lambda d: (d.date is None, d.date.isoformat() if d.date else "", d.file_id,
                                              d.page, d.page_id)),
                (SearchQuery(claim_id="claim-a"), "relevance", lambda d: (d.file_id, d.page, d.page_id)),
                (SearchQuery(claim_id="claim-a"), "date", lambda d: (d.date is None, d.date.isoformat() if d.date
                                                                     else "", d.file_id, d.page, d.page_id))):
            wanted = [d for d in mine if d.in_service and d.record_type != "imaging_report"] if query.in_service \
                else mine
            seen, cursor, total, facets = [], None, 0, {}
            while True:
                result = index.search(SearchQuery(**{**query.__dict__, "sort": sort, "size": 4, "cursor": cursor}))
                seen += [h.page_id for h in result.hits]
                total, facets, cursor = result.total, result.facets, result.next_cursor
                if cursor is None:
                    break
            expected = sorted(wanted, key=key)
            assert seen == [d.page_id for d in expected] and total == len(expected)
            assert facets["record_type"] == dict(Counter(d.record_type for d in expected).most_common())
            assert facets["flag"] == dict(Counter(c for d in expected for c in set(d.flag_categories)))
        text = index.search(SearchQuery(claim_id="claim-a", text="lumbar", flag_categories=["injury"], size=50))
        assert {h.page_id for h in text.hits} == {d.page_id for d in docs if d.claim_id == "claim-a"
                                                  and "lumbar" in d.text and "injury" in d.flag_categories}
    finally:
        index.close()
