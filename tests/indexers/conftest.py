"""Backends for the one conformance suite: embedded always; Elasticsearch when a cluster answers."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from indexers.base import SearchIndex

ES_URL = os.environ.get("CLAIMDEX_ELASTICSEARCH_URL", "")


def elasticsearch_reachable(url: str) -> str | None:
    """None when a cluster answers at ``url``; otherwise the reason it cannot be used."""
    if not url:
        return "CLAIMDEX_ELASTICSEARCH_URL is not set: the Elasticsearch half of the conformance suite needs a cluster"
    try:
        from elasticsearch import Elasticsearch

        client = Elasticsearch(url, request_timeout=3, max_retries=0)
        client.info()
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means "cannot run against it"
        return f"no Elasticsearch cluster reachable at CLAIMDEX_ELASTICSEARCH_URL ({type(exc).__name__})"


def make_index(kind: str, tmp_path: Path) -> SearchIndex:
    if kind == "embedded":
        from indexers.embedded_index import EmbeddedSearchIndex

        return EmbeddedSearchIndex(tmp_path / "search.sqlite3")
    reason = elasticsearch_reachable(ES_URL)
    if reason:
        pytest.skip(reason)
    from indexers.elasticsearch_index import ElasticsearchIndex

    return ElasticsearchIndex(ES_URL, prefix=f"claimdex-test-{uuid.uuid4().hex[:10]}", refresh=True)


@pytest.fixture(params=["embedded", "elasticsearch"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SearchIndex]:
    index = make_index(request.param, tmp_path)
    index.ensure_ready()
    yield index
    drop = getattr(index, "drop_all", None)
    if callable(drop):
        drop()
    index.close()
