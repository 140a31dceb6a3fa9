"""The Elasticsearch backend (distributed mode), with the official 8.x client.

Why it looks like this:

* Explicit mapping (``config/index_mappings/pages.json``, ``dynamic: strict``): a typo in a field name is
  an indexing error, never a silently created field with a guessed type.
* Page text is indexed with an English (Porter, like FTS5's tokenizer) analyzer; the search analyzer adds a
  ``synonym_graph`` filter built from ``config/search_synonyms.txt``. ``index_options: offsets`` lets the
  unified highlighter read match offsets from the postings, so highlighting a 200 KB page neither
  re-analyzes it nor hits ``max_analyzed_offset`` (which is also set, high, on index and request).
* Versioned indices behind an alias (``{prefix}-pages-v1`` <- ``{prefix}-pages``): a rebuild fills
  ``v{n+1}`` while searches keep using the alias, then one ``update_aliases`` call swaps it atomically.
* User text goes through :mod:`indexers.query_parser` and is rendered as a ``simple_query_string`` made only
  of letters, digits and operators we wrote; filters sit in ``bool.filter`` (cached, unscored); facets are
  aggregations over the same filtered query; pagination is ``search_after`` on a total sort order.
* Bulk writes use ``helpers.streaming_bulk`` with batching and retries with backoff; every failed item is
  collected and reported (``BulkIndexingError``), never swallowed. A cluster that cannot be reached raises
  :class:`SearchIndexUnavailable`, which the pipeline turns into a retried task and ``index_status=error``.

Request bodies are built by pure functions (``build_index_body``, ``build_search_body``, ...) so they are
tested without a cluster.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from indexers.base import (
    PageDoc,
    PageFields,
    SearchHit,
    SearchIndex,
    SearchIndexUnavailable,
    SearchQuery,
    SearchResult,
)
from indexers.embedded_index import decode_cursor, encode_cursor
from indexers.query_parser import ParsedQuery, expand_synonyms, parse_query, to_simple_query_string
from indexers.synonyms import load_synonyms, solr_synonym_rules

log = logging.getLogger(__name__)

MAPPINGS_DIR = Path(__file__).resolve().parent.parent / "config" / "index_mappings"
MAX_PAGE_SIZE = 200
HIGHLIGHT_MAX_ANALYZED_OFFSET = 2_000_000  # above Settings.max_page_text_chars (1,000,000)
FRAGMENT_SIZE = 160
NUMBER_OF_FRAGMENTS = 3
FACET_SIZE = 100
BULK_CHUNK_SIZE = 500
BULK_MAX_CHUNK_BYTES = 20 * 1024 * 1024
BULK_MAX_RETRIES = 5
BULK_INITIAL_BACKOFF = 1.0
BULK_MAX_BACKOFF = 30.0
# simple_query_string operators we render; NOT is handled as a separate must_not clause.
SQS_FLAGS = "AND|OR|PHRASE|PREFIX|PRECEDENCE|WHITESPACE"
RETRYABLE_STATUS = frozenset({429, 502, 503, 504})

T = TypeVar("T")


class BulkIndexingError(RuntimeError):
    """Some pages were rejected by Elasticsearch; ``errors`` lists (page_id, status, reason) per page."""

    def __init__(self, errors: list[tuple[str, int, str]]) -> None:
        self.errors = errors
        sample = "; ".join(f"{pid}: {status} {reason}" for pid, status, reason in errors[:5])
        super().__init__(f"{len(errors)} page(s) failed to index: {sample}")


# ------------------------------------------------------------------------------------ names


def alias_name(prefix: str) -> str:
    return f"{prefix}-pages"


def version_name(prefix: str, version: int) -> str:
    return f"{prefix}-pages-v{version}"


def parse_version(prefix: str, index: str) -> int | None:
    m = re.fullmatch(re.escape(prefix) + r"-pages-v(\d+)", index)
    return int(m.group(1)) if m else None


# ------------------------------------------------------------------------------------ pure bodies


@lru_cache(maxsize=1)
def _mapping_file() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((MAPPINGS_DIR / "pages.json").read_text(encoding="utf-8"))
    return data


def build_index_body(synonym_rules: list[str] | None = None) -> dict[str, Any]:
    """``{"settings": ..., "mappings": ...}`` for a new page index, synonyms filled in from our file."""
    body = copy.deepcopy(_mapping_file())
    body.pop("_comment", None)
    rules = solr_synonym_rules() if synonym_rules is None else synonym_rules
    body["settings"]["analysis"]["filter"]["clinical_synonyms"]["synonyms"] = list(rules)
    return body


def mapping_version() -> int:
    return int(_mapping_file()["mappings"]["_meta"]["claimdex_mapping_version"])


def page_source(doc: PageDoc) -> dict[str, Any]:
    """The stored document for one page (exactly the mapped fields: the mapping is strict)."""
    return {
        "page_id": doc.page_id,
        "claim_id": doc.claim_id,
        "file_id": doc.file_id,
        "filename": doc.filename,
        "page": int(doc.page),
        "document_id": doc.document_id,
        "record_type": doc.record_type or "other",
        "date": doc.date.isoformat() if doc.date else None,
        "in_service": doc.in_service,
        "flag_categories": sorted(set(doc.flag_categories)),
        "text": doc.text or "",
    }


def bulk_actions(index: str, docs: Iterable[PageDoc]) -> Iterator[dict[str, Any]]:
    """Index (insert-or-replace) actions keyed by the deterministic page id: a retry overwrites."""
    for doc in docs:
        yield {"_op_type": "index", "_index": index, "_id": doc.page_id, "_source": page_source(doc)}


def field_update_actions(index: str, fields: Iterable[PageFields]) -> Iterator[dict[str, Any]]:
    """Partial updates of the analysis fields by page id: the stored text is not sent again."""
    for f in fields:
        yield {"_op_type": "update", "_index": index, "_id": f.page_id, "doc": {
            "document_id": f.document_id,
            "record_type": f.record_type or "other",
            "date": f.date.isoformat() if f.date else None,
            "in_service": f.in_service,
            "flag_categories": sorted(set(f.flag_categories)),
        }}


def build_filters(query: SearchQuery) -> list[dict[str, Any]]:
    filters: list[dict[str, Any]] = [{"term": {"claim_id": query.claim_id}}]
    if query.record_types:
        filters.append({"terms": {"record_type": list(query.record_types)}})
    if query.flag_categories:
        filters.append({"terms": {"flag_categories": list(query.flag_categories)}})
    if query.in_service is not None:
        filters.append({"term": {"in_service": bool(query.in_service)}})
    if query.date_from is not None or query.date_to is not None:
        rng: dict[str, str] = {}
        if query.date_from is not None:
            rng["gte"] = query.date_from.isoformat()
        if query.date_to is not None:
            rng["lte"] = query.date_to.isoformat()
        filters.append({"range": {"date": rng}})
    return filters


def _sqs(text: str, operator: str) -> dict[str, Any]:
    return {
        "simple_query_string": {
            "query": text,
            "fields": ["text"],
            "default_operator": operator,
            "flags": SQS_FLAGS,
            # The prefix goes through the analyzer (Porter stem), as FTS5's porter tokenizer does.
            "analyze_wildcard": True,
            "auto_generate_synonyms_phrase_query": True,
        }
    }


def build_query(parsed: ParsedQuery, query: SearchQuery) -> dict[str, Any]:
    boolean: dict[str, Any] = {"filter": build_filters(query)}
    if parsed.must:
        boolean["must"] = [_sqs(to_simple_query_string(parsed.must), "and")]
    if parsed.must_not:
        boolean["must_not"] = [_sqs(to_simple_query_string(parsed.must_not), "or")]
    return {"bool": boolean}


def build_sort(sort: str) -> list[dict[str, Any]]:
    """A total order (ties broken by file, page, page id) so ``search_after`` never skips or repeats."""
    tail: list[dict[str, Any]] = [{"file_id": "asc"}, {"page": "asc"}, {"page_id": "asc"}]
    if sort == "date":
        return [{"date": {"order": "asc", "missing": "_last"}}, *tail]
    return [{"_score": "desc"}, *tail]


def build_aggs() -> dict[str, Any]:
    return {
        "record_type": {"terms": {"field": "record_type", "size": FACET_SIZE}},
        "flag": {"terms": {"field": "flag_categories", "size": FACET_SIZE}},
        "in_service": {"terms": {"field": "in_service", "size": 2}},
        "in_service_unknown": {"missing": {"field": "in_service"}},
    }


def build_highlight() -> dict[str, Any]:
    return {
        "pre_tags": ["<mark>"],
        "post_tags": ["</mark>"],
        "encoder": "html",  # page text is escaped; only our <mark> tags are markup
        "max_analyzed_offset": HIGHLIGHT_MAX_ANALYZED_OFFSET,
        "fields": {
            "text": {
                "type": "unified",
                "fragment_size": FRAGMENT_SIZE,
                "number_of_fragments": NUMBER_OF_FRAGMENTS,
                "no_match_size": 0,
            }
        },
    }


def _valid_search_after(values: Any) -> list[Any]:
    if not isinstance(values, list) or len(values) != 4:
        raise ValueError("invalid cursor")
    if not all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in values):
        raise ValueError("invalid cursor")
    return values


def build_search_body(query: SearchQuery, parsed: ParsedQuery | None = None) -> dict[str, Any]:
    """The whole search request (keyword arguments of ``Elasticsearch.search``), from a SearchQuery."""
    if not query.claim_id:
        raise ValueError("claim_id is required")
    parsed = parsed if parsed is not None else expand_synonyms(parse_query(query.text), load_synonyms())
    sort = "date" if query.sort == "date" else "relevance"
    size = max(0, min(int(query.size), MAX_PAGE_SIZE))
    body: dict[str, Any] = {
        "query": build_query(parsed, query),
        "size": size + 1,  # one extra tells whether a next page exists
        "sort": build_sort(sort),
        "track_total_hits": True,
        "aggs": build_aggs(),
        "source": {"excludes": ["text"]},
    }
    if sort == "date":
        body["track_scores"] = True
    if parsed.must:
        body["highlight"] = build_highlight()
    if query.cursor:
        payload = decode_cursor(query.cursor)
        if payload.get("b") != "es" or payload.get("s") != sort:
            raise ValueError("invalid cursor")
        body["search_after"] = _valid_search_after(payload.get("a"))
    return body


def facets_from_aggs(aggs: dict[str, Any]) -> dict[str, dict[str, int]]:
    def buckets(name: str, key: str = "key") -> dict[str, int]:
        out: dict[str, int] = {}
        for b in aggs.get(name, {}).get("buckets", []):
            if b.get("doc_count", 0) > 0:
                out[str(b.get(key, b.get("key")))] = int(b["doc_count"])
        return out

    in_service = buckets("in_service", key="key_as_string")
    unknown = int(aggs.get("in_service_unknown", {}).get("doc_count", 0))
    if unknown:
        in_service["unknown"] = unknown

    def ordered(d: dict[str, int]) -> dict[str, int]:
        return dict(sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))

    return {"record_type": ordered(buckets("record_type")), "flag": ordered(buckets("flag")),
            "in_service": ordered(in_service)}


def result_from_response(resp: dict[str, Any], query: SearchQuery) -> SearchResult:
    sort = "date" if query.sort == "date" else "relevance"
    size = max(0, min(int(query.size), MAX_PAGE_SIZE))
    raw_hits = resp.get("hits", {}).get("hits", [])
    page = raw_hits[:size]
    hits = []
    for h in page:
        src = h.get("_source", {})
        hits.append(
            SearchHit(
                page_id=src.get("page_id", h.get("_id")),
                file_id=src["file_id"],
                filename=src.get("filename", ""),
                page=int(src["page"]),
                document_id=src.get("document_id"),
                record_type=src.get("record_type") or "other",
                date=dt.date.fromisoformat(src["date"]) if src.get("date") else None,
                score=round(float(h.get("_score") or 0.0), 6),
                highlights=list(h.get("highlight", {}).get("text", [])),
            )
        )
    next_cursor = None
    if len(raw_hits) > size and page:
        next_cursor = encode_cursor({"b": "es", "s": sort, "a": page[-1]["sort"]})
    total = resp.get("hits", {}).get("total", {})
    return SearchResult(
        total=int(total.get("value", 0) if isinstance(total, dict) else total),
        hits=hits,
        facets=facets_from_aggs(resp.get("aggregations", {})),
        next_cursor=next_cursor,
    )


def alias_swap_actions(alias: str, old_indices: list[str], new_index: str) -> list[dict[str, Any]]:
    """One atomic ``update_aliases`` request: the alias never points at nothing, nor at two indices."""
    actions: list[dict[str, Any]] = [{"remove": {"index": old, "alias": alias}} for old in old_indices]
    actions.append({"add": {"index": new_index, "alias": alias, "is_write_index": True}})
    return actions


# ------------------------------------------------------------------------------------ backend


class ElasticsearchIndex(SearchIndex):
    def __init__(
        self,
        url: str | None = None,
        prefix: str = "claimdex",
        *,
        client: Any | None = None,
        refresh: bool = False,
        request_timeout: float = 30.0,
    ) -> None:
        """``refresh=True`` makes writes visible before returning (tests); the pipeline leaves it off."""
        if client is None:
            from elasticsearch import Elasticsearch

            client = Elasticsearch(url, request_timeout=request_timeout, max_retries=3, retry_on_timeout=True)
        self.client = client
        self.prefix = prefix
        self.alias = alias_name(prefix)
        self.refresh = refresh
        self._synonyms = load_synonyms()
        self._ready = False

    # ---------------------------------------------------------------- error mapping

    def _call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a client call; a cluster that cannot answer becomes SearchIndexUnavailable."""
        from elasticsearch import ApiError, TransportError

        try:
            return fn(*args, **kwargs)
        except TransportError as exc:  # connection refused, timeout, TLS, ...
            raise SearchIndexUnavailable(f"Elasticsearch unreachable: {type(exc).__name__}: {exc}") from exc
        except ApiError as exc:
            if exc.meta.status in RETRYABLE_STATUS:
                raise SearchIndexUnavailable(f"Elasticsearch busy/unavailable: {exc.meta.status}") from exc
            raise

    # ---------------------------------------------------------------- lifecycle

    def _versions(self) -> list[str]:
        """Every ``{prefix}-pages-vN`` index, oldest first."""
        resp = self._call(self.client.indices.get, index=f"{self.prefix}-pages-v*", allow_no_indices=True,
                          expand_wildcards="open,closed")
        names = [n for n in dict(resp) if parse_version(self.prefix, n) is not None]
        return sorted(names, key=lambda n: parse_version(self.prefix, n) or 0)

    def _aliased(self) -> list[str]:
        if not self._call(self.client.indices.exists_alias, name=self.alias):
            return []
        return sorted(dict(self._call(self.client.indices.get_alias, name=self.alias)))

    def _create_version(self, version: int, with_alias: bool) -> str:
        from elasticsearch import BadRequestError

        name = version_name(self.prefix, version)
        body = build_index_body()
        kwargs: dict[str, Any] = {"index": name, "mappings": body["mappings"], "settings": body["settings"]}
        if with_alias:
            kwargs["aliases"] = {self.alias: {"is_write_index": True}}
        try:
            self._call(self.client.indices.create, **kwargs)
        except BadRequestError as exc:
            if "resource_already_exists_exception" not in str(exc):
                raise
        return name

    def ensure_ready(self) -> None:
        """Create ``v1`` behind the alias if there is no alias yet (idempotent, safe to race)."""
        if self._ready:
            return
        if not self._aliased():
            versions = self._versions()
            if versions:
                # A crash between create and alias: point the alias at the newest version.
                self._call(self.client.indices.update_aliases,
                           actions=alias_swap_actions(self.alias, [], versions[-1]))
            else:
                self._create_version(1, with_alias=True)
        elif self.needs_rebuild():
            # Searches keep working on the old layout; the operator runs `claimdex reindex` to migrate.
            log.warning("search index %s was built from an older mapping; run `claimdex reindex`", self.alias)
        self._ready = True

    def needs_rebuild(self) -> bool:
        """True when the live index was built from an older mapping version (run ``claimdex reindex``)."""
        for name in self._aliased():
            meta = dict(self._call(self.client.indices.get_mapping, index=name))[name]["mappings"].get("_meta", {})
            if int(meta.get("claimdex_mapping_version", 0)) < mapping_version():
                return True
        return False

    def close(self) -> None:
        self.client.close()

    def drop_all(self) -> None:
        """Delete every index version of this prefix (tests)."""
        for name in self._versions():
            self._call(self.client.indices.delete, index=name, ignore_unavailable=True)
        self._ready = False

    # ---------------------------------------------------------------- writes

    def _bulk(self, index: str, docs: Iterable[PageDoc], refresh: bool | str = False) -> int:
        n, errors = self._send(index, bulk_actions(index, docs), refresh)
        if errors:
            if all(status in RETRYABLE_STATUS for _, status, _ in errors):
                raise SearchIndexUnavailable(str(BulkIndexingError(errors)))
            raise BulkIndexingError(errors)
        return n

    def _send(self, index: str, actions: Iterable[dict[str, Any]], refresh: bool | str = False
              ) -> tuple[int, list[tuple[str, int, str]]]:
        """Stream bulk actions; (how many were answered, (id, status, reason) of every failed one)."""
        from elasticsearch import helpers

        errors: list[tuple[str, int, str]] = []
        n = 0

        def run() -> None:
            nonlocal n
            # Writing through the alias requires it to exist: without this, a deleted index would be
            # silently re-created by auto-create under the alias name with a dynamic mapping.
            kwargs: dict[str, Any] = {"require_alias": index == self.alias}
            if refresh:
                kwargs["refresh"] = refresh
            for ok, item in helpers.streaming_bulk(
                self.client,
                actions,
                chunk_size=BULK_CHUNK_SIZE,
                max_chunk_bytes=BULK_MAX_CHUNK_BYTES,
                max_retries=BULK_MAX_RETRIES,
                initial_backoff=BULK_INITIAL_BACKOFF,
                max_backoff=BULK_MAX_BACKOFF,
                raise_on_error=False,
                raise_on_exception=True,
                **kwargs,
            ):
                n += 1
                if not ok:
                    info = next(iter(item.values()), {})
                    error = info.get("error", {})
                    reason = error.get("reason", str(error)) if isinstance(error, dict) else str(error)
                    errors.append((str(info.get("_id")), int(info.get("status", 0)), str(reason)[:500]))

        self._call(run)
        return n, errors

    def update_page_fields(self, fields: list[PageFields]) -> set[str]:
        if not fields:
            return set()
        self.ensure_ready()
        _, errors = self._send(self.alias, field_update_actions(self.alias, fields),
                               refresh="wait_for" if self.refresh else False)
        missing = {pid for pid, status, _ in errors if status == 404}
        others = [e for e in errors if e[1] != 404]
        if others:
            if all(status in RETRYABLE_STATUS for _, status, _ in others):
                raise SearchIndexUnavailable(str(BulkIndexingError(others)))
            raise BulkIndexingError(others)
        return missing

    def upsert_pages(self, pages: list[PageDoc]) -> None:
        if not pages:
            return
        self.ensure_ready()
        try:
            self._bulk(self.alias, pages, refresh="wait_for" if self.refresh else False)
        except BulkIndexingError as exc:
            if not all(status == 404 for _, status, _ in exc.errors):
                raise
            # The alias vanished (index deleted by an operator): create it again and write once more.
            self._ready = False
            self.ensure_ready()
            self._bulk(self.alias, pages, refresh="wait_for" if self.refresh else False)

    def delete_claim(self, claim_id: str) -> None:
        self.ensure_ready()
        self._call(self.client.delete_by_query, index=self.alias, query={"term": {"claim_id": claim_id}},
                   conflicts="proceed", refresh=True)

    def prune_claim(self, claim_id: str, keep_page_ids: set[str]) -> int:
        self.ensure_ready()
        query: dict[str, Any] = {"bool": {"filter": [{"term": {"claim_id": claim_id}}]}}
        if keep_page_ids:
            query["bool"]["must_not"] = [{"ids": {"values": sorted(keep_page_ids)}}]
        resp = self._call(self.client.delete_by_query, index=self.alias, query=query, conflicts="proceed",
                          refresh=True)
        return int(resp.get("deleted", 0))

    def rebuild(self, batches: Iterable[list[PageDoc]]) -> int:
        """Fill a new index version, then swap the alias to it in one request and drop the old ones.

        Searches use the old version until the swap. A build that fails leaves the alias untouched (the
        half-built version is deleted).
        """
        versions = self._versions()
        old = self._aliased()
        latest = max((parse_version(self.prefix, n) or 0 for n in versions), default=0)
        new = self._create_version(latest + 1, with_alias=False)
        try:
            n = self._bulk(new, (doc for batch in batches for doc in batch))
            self._call(self.client.indices.refresh, index=new)
            self._call(self.client.indices.update_aliases, actions=alias_swap_actions(self.alias, old, new))
        except BaseException:
            self._call(self.client.indices.delete, index=new, ignore_unavailable=True)
            raise
        for name in versions:
            if name != new:
                self._call(self.client.indices.delete, index=name, ignore_unavailable=True)
        self._ready = True
        return n

    # ---------------------------------------------------------------- reads

    def count(self, claim_id: str | None = None) -> int:
        self.ensure_ready()
        kwargs: dict[str, Any] = {"index": self.alias}
        if claim_id is not None:
            kwargs["query"] = {"term": {"claim_id": claim_id}}
        return int(self._call(self.client.count, **kwargs)["count"])

    def search(self, query: SearchQuery) -> SearchResult:
        body = build_search_body(query, expand_synonyms(parse_query(query.text), self._synonyms))
        self.ensure_ready()
        resp = self._call(self.client.search, index=self.alias, **body)
        return result_from_response(dict(resp), query)
