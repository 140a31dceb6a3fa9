"""Pick the search backend from settings: Elasticsearch when a URL is configured, else the embedded index.

Same code, different URLs (DESIGN.md §4): nothing else in claimdex knows which backend it talks to.
Instances are cached per process and configuration, so a web request or a Celery task reuses the open
SQLite connection / Elasticsearch connection pool instead of opening one per call; the process id is part
of the key because a connection must never be shared across a fork (Celery prefork workers).
"""

from __future__ import annotations

import os
import threading

from config.settings import Settings, get_settings
from indexers.base import SearchIndex

MAX_CACHED = 8  # tests switch data dirs often; a long-lived process uses one
_cache: dict[tuple[int, str, str, str], SearchIndex] = {}
_lock = threading.Lock()


def get_search_index(settings: Settings | None = None) -> SearchIndex:
    settings = settings or get_settings()
    if settings.elasticsearch_url:
        key = (os.getpid(), "es", settings.elasticsearch_url, settings.elasticsearch_index_prefix)
    else:
        key = (os.getpid(), "embedded", str(settings.embedded_index_path), "")
    with _lock:
        index = _cache.pop(key, None)
        if index is None:
            index = _build(settings)
        _cache[key] = index  # most recently used last
        while len(_cache) > MAX_CACHED:
            _cache.pop(next(iter(_cache))).close()
        return index


def _build(settings: Settings) -> SearchIndex:
    if settings.elasticsearch_url:
        from indexers.elasticsearch_index import ElasticsearchIndex

        return ElasticsearchIndex(settings.elasticsearch_url, prefix=settings.elasticsearch_index_prefix)
    from indexers.embedded_index import EmbeddedSearchIndex

    return EmbeddedSearchIndex(settings.embedded_index_path)


def clear_cache() -> None:
    """Tests that switch data dirs or URLs call this; closes what it drops."""
    with _lock:
        for index in _cache.values():
            index.close()
        _cache.clear()
