"""The embedded backend's own behaviour beyond the conformance suite: several connections on one file."""

from __future__ import annotations

from pathlib import Path

from indexers.base import PageDoc, SearchQuery
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
