"""The embedded search backend: one SQLite file with an FTS5 table, for the one-machine default.

Why SQLite FTS5 (and not tantivy): it ships inside Python's ``sqlite3`` (no extra wheel to build or
install on a fresh laptop), it has phrase, prefix and boolean queries, a Porter stemmer, bm25 ranking and
``highlight()`` over the whole column (no analysis cap, so long pages highlight fully), and its WAL mode
lets several worker processes index while the web server searches. ``bench/search.py`` measures it
against the targets (p95 < 50 ms, >= 2,000 pages/s on 100k pages).

Layout:

* ``pages``: one row per page with the filterable fields (claim, file, record type, date, in_service,
  flag categories as ``|a|b|``), keyed by ``page_id`` (deterministic, so re-indexing overwrites).
* ``pages_fts_NN`` (``N_SHARDS`` of them): FTS5 over (``text``, ``claimtok``) with ``rowid = pages.id``;
  a claim lives in exactly one shard, chosen by a hash of its id. Why shards: FTS5's bm25() computes
  each phrase's document frequency by running that phrase over the *whole* table once per query -- on
  100k pages that alone was 5-35 ms per query. A shard holds ~1/64 of the corpus, so ranking statistics
  come from the claim's neighbourhood (good enough within one claim) at ~1/64 of the cost.
* ``claimtok`` holds one token derived from the claim id; every query ANDs it in and also bounds the
  rowid range to the claim's, so FTS5 skips other claims' entries; the SQL ``claim_id = ?`` check
  repeats the isolation guarantee. bm25 weighs ``claimtok`` 0 so it never affects ranking.

User text goes through :mod:`indexers.query_parser` (never raw FTS5 syntax) and synonym expansion.
A search is one MATCH returning the rowid and bm25 score of the claim's matching pages (bm25 computed only
for pages the filters pass); the filters, total, facets, order and cursor are array operations over the
claim's pages (``ClaimPages``, read once per connection and kept until the index changes), and
``highlight()`` runs only for the hits returned. bm25 over every match is most of what is left: FTS5
scores each matching row (~0.7 µs a row) and the order needs every score.
"""

from __future__ import annotations

import base64
import bisect
import datetime as dt
import hashlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

# Both backends implement indexers/base.py's contract: their import lists match on purpose.
from indexers.base import (
    PageDoc,
    PageFields,
    SearchHit,
    SearchIndex,
    SearchIndexUnavailable,
    SearchQuery,
    SearchResult,
)
from indexers.highlight import CLOSE, OPEN, fragments, strip_sentinels
from indexers.query_parser import ParsedQuery, expand_synonyms, parse_query, to_fts5
from indexers.synonyms import load_synonyms

SCHEMA_VERSION = 4
MAX_PAGE_SIZE = 200
BUSY_TIMEOUT_MS = 60_000

N_SHARDS = 64
# Claims whose pages a connection keeps between searches (_claim_pages).
MAX_KEPT_CLAIMS = 32

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    id INTEGER PRIMARY KEY,
    page_id TEXT NOT NULL UNIQUE,
    claim_id TEXT NOT NULL,
    file_id TEXT NOT NULL,
    filename TEXT NOT NULL,
    page INTEGER NOT NULL,
    document_id TEXT,
    record_type TEXT NOT NULL,
    date TEXT,
    in_service INTEGER
);
CREATE INDEX IF NOT EXISTS ix_pages_claim ON pages(claim_id);
CREATE TABLE IF NOT EXISTS page_flags (
    id INTEGER NOT NULL,
    category TEXT NOT NULL,
    PRIMARY KEY (id, category)
) WITHOUT ROWID
"""
# No FTS5 prefix index: it cost ~40% of indexing throughput and only speeds 2-3 character prefixes,
# which a term-range scan serves fast enough. automerge 8 (default 4) merges segments less eagerly
# while bulk indexing (bench/search.py measures both).
_SHARD_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5(
    text, claimtok,
    tokenize = 'porter unicode61 remove_diacritics 2'
)
"""


def shard_table(shard: int) -> str:
    return f"pages_fts_{int(shard):02d}"


def shard_for(claim_id: str) -> int:
    return int(hashlib.sha256(claim_id.encode()).hexdigest()[:8], 16) % N_SHARDS



@dataclass(frozen=True)
class ClaimPages:
    """One claim's pages as a search filters, counts and orders them: a row per page, by rowid.

    Read from SQL once and kept by the connection until the index changes (_claim_pages), so a search
    costs its MATCH (FTS5 and bm25 over the matching pages), then array operations over the hits: the
    filters, the facets, the order and the cursor, where SQL did each over a scratch table of every hit.
    """

    ids: np.ndarray  # rowids, ascending
    rows: list[tuple[Any, ...]]  # (file_id, page, page_id, id, record_type, in_service, date), by rowid
    record_type: np.ndarray  # index into record_types
    record_types: tuple[str, ...]
    in_service: np.ndarray  # 0 false, 1 true, 2 unknown (NULL)
    date: np.ndarray  # the ISO date, '' when none
    dated: np.ndarray
    flags: np.ndarray  # one column per category: the page has that flag
    categories: tuple[str, ...]
    page_order: list[int]  # rows in (file_id, page, page_id) order
    by_page: np.ndarray  # each row's place in that order
    date_order: list[int]  # rows in (date IS NULL, date or '', file_id, page, page_id) order
    by_date: np.ndarray  # each row's place in that order
    alone: bool  # the rowid range ids[0]..ids[-1] holds this claim's pages only

    @classmethod
    def read(cls, conn: sqlite3.Connection, claim_id: str) -> ClaimPages:
        rows = conn.execute("SELECT file_id, page, page_id, id, record_type, in_service, date FROM pages "
                            "WHERE claim_id = ? ORDER BY id", (claim_id,)).fetchall()
        n = len(rows)
        ids = np.fromiter((r[3] for r in rows), np.int64, n)
        record_types = tuple(sorted({r[4] for r in rows}))
        type_code = {t: i for i, t in enumerate(record_types)}
        lo, hi = (int(ids[0]), int(ids[-1])) if n else (0, -1)
        # The flags of the rowid range, then only this claim's (a range scan: cheaper than a join).
        flag_rows = conn.execute("SELECT id, category FROM page_flags WHERE id BETWEEN ? AND ?", (lo, hi)).fetchall()
        flag_ids = np.fromiter((r[0] for r in flag_rows), np.int64, len(flag_rows))
        where = np.minimum(np.searchsorted(ids, flag_ids), max(n - 1, 0))
        mine = ids[where] == flag_ids if n else np.zeros(0, dtype=bool)
        categories = tuple(sorted({r[1] for r, ok in zip(flag_rows, mine.tolist(), strict=True) if ok}))
        flags = np.zeros((n, len(categories)), dtype=bool)
        if categories:
            column = {c: i for i, c in enumerate(categories)}
            flags[where[mine], np.fromiter((column[r[1]] for r, ok in zip(flag_rows, mine.tolist(), strict=True)
                                            if ok), np.int64, int(mine.sum()))] = True
        page_order = sorted(range(n), key=rows.__getitem__)  # rows start with (file_id, page, page_id)
        date_key = [(int(r[6] is None), r[6] or "", r[0], r[1], r[2]) for r in rows]
        date_order = sorted(range(n), key=date_key.__getitem__)
        alone = bool(n) and conn.execute("SELECT count(*) FROM pages WHERE id BETWEEN ? AND ?",
                                         (lo, hi)).fetchone()[0] == n
        return cls(
            ids=ids,
            rows=rows,
            record_type=np.fromiter((type_code[r[4]] for r in rows), np.int64, n),
            record_types=record_types,
            in_service=np.fromiter((2 if r[5] is None else int(bool(r[5])) for r in rows), np.int8, n),
            date=np.array([r[6] or "" for r in rows], dtype=str),
            dated=np.fromiter((r[6] is not None for r in rows), bool, n),
            flags=flags,
            categories=categories,
            page_order=page_order,
            by_page=_places(page_order),
            date_order=date_order,
            by_date=_places(date_order),
            alone=alone,
        )

    def _page_key(self, row: int) -> tuple[str, int, str]:
        file_id, page, page_id = self.rows[row][:3]
        return file_id, page, page_id

    def _date_key(self, row: int) -> tuple[int, str, str, int, str]:
        file_id, page, page_id, _, _, _, date = self.rows[row]
        return int(date is None), date or "", file_id, page, page_id

    def filtered(self, query: SearchQuery) -> np.ndarray:
        """Which pages pass the query's filters (what the SQL filters of the index's pages said)."""
        keep = np.ones(len(self.ids), dtype=bool)
        if query.record_types:
            wanted = [i for i, t in enumerate(self.record_types) if t in set(query.record_types)]
            keep &= np.isin(self.record_type, wanted)
        if query.flag_categories:
            columns = [i for i, c in enumerate(self.categories) if c in set(query.flag_categories)]
            keep &= self.flags[:, columns].any(axis=1)
        if query.in_service is not None:
            keep &= self.in_service == int(bool(query.in_service))
        if query.date_from is not None:
            keep &= self.dated & (self.date >= query.date_from.isoformat())
        if query.date_to is not None:
            keep &= self.dated & (self.date <= query.date_to.isoformat())
        return keep

    def facets(self, hits: np.ndarray) -> dict[str, list[tuple[str, int]]]:
        """Facet counts over the hits (indices into these pages)."""
        types = np.bincount(self.record_type[hits], minlength=len(self.record_types))
        service = np.bincount(self.in_service[hits], minlength=3)
        flags = self.flags[hits].sum(axis=0)
        return {
            "record_type": [(t, int(n)) for t, n in zip(self.record_types, types, strict=True)],
            "flag": [(c, int(n)) for c, n in zip(self.categories, flags, strict=True)],
            "in_service": [("false", int(service[0])), ("true", int(service[1])), ("unknown", int(service[2]))],
        }

    def ordered(self, hits: np.ndarray, scores: np.ndarray, sort: str, after: tuple[Any, ...] | None,
                limit: int) -> list[int]:
        """Positions in `hits` of the first `limit` after the cursor's key, in the search's order: relevance
        is (-score, file_id, page, page_id), date is (date IS NULL, date or '', file_id, page, page_id)."""
        positions = np.arange(len(hits))
        if sort == "date":
            place = self.by_date[hits]
            if after is not None:
                chosen = place >= bisect.bisect_right(self.date_order, after, key=self._date_key)
                positions, place = positions[chosen], place[chosen]
            order = np.argsort(place, kind="stable")
        else:
            negated = -scores
            place = self.by_page[hits]
            if after is not None:
                tie = bisect.bisect_right(self.page_order, after[1:], key=self._page_key)
                chosen = (negated > after[0]) | ((negated == after[0]) & (place >= tie))
                positions, negated, place = positions[chosen], negated[chosen], place[chosen]
            order = np.lexsort((place, negated))
        return [int(i) for i in positions[order[:limit]]]


def _places(order: list[int]) -> np.ndarray:
    """For each row, its position in `order`."""
    places = np.empty(len(order), dtype=np.int64)
    places[np.asarray(order, dtype=np.int64)] = np.arange(len(order), dtype=np.int64)
    return places


def claim_token(claim_id: str) -> str:
    """The one FTS5 token that stands for a claim: letters and digits only, so it survives unicode61."""
    return "k" + hashlib.sha256(claim_id.encode()).hexdigest()[:24]


def _is_transient(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return any(w in text for w in ("locked", "busy", "unable to open", "disk i/o", "readonly"))


def encode_cursor(payload: dict[str, Any]) -> str:
    raw = json.dumps(payload, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> dict[str, Any]:
    """Decode an opaque cursor; anything malformed is a ValueError (the API answers 400)."""
    try:
        pad = "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(cursor + pad))
    except (ValueError, TypeError) as exc:
        raise ValueError("invalid cursor") from exc
    if not isinstance(data, dict):
        raise ValueError("invalid cursor")
    return data


def _valid_key(key: Any, sort: str) -> tuple[Any, ...]:
    if not isinstance(key, list):
        raise ValueError("invalid cursor")
    types: tuple[type | tuple[type, ...], ...] = (
        (int, str, str, int, str) if sort == "date" else ((int, float), str, int, str)
    )
    if len(key) != len(types) or not all(isinstance(v, t) for v, t in zip(key, types, strict=True)):
        raise ValueError("invalid cursor")
    return tuple(key)


def _ordered(pairs: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Facet buckets by count (desc), then name: the order Elasticsearch's terms aggregation uses."""
    return dict(sorted(((str(k), int(n)) for k, n in pairs if n), key=lambda kv: (-kv[1], kv[0])))


def facets_from_rows(rows: Iterable[tuple[str, str | None, int | None]]) -> dict[str, dict[str, int]]:
    """Facet counts from (record_type, flags field, in_service) of every matching page."""
    record_type: dict[str, int] = {}
    flag: dict[str, int] = {}
    in_service: dict[str, int] = {}
    for rt, flags, ins in rows:
        record_type[rt] = record_type.get(rt, 0) + 1
        for cat in (flags or "").strip("|").split("|"):
            if cat:
                flag[cat] = flag.get(cat, 0) + 1
        key = "unknown" if ins is None else ("true" if ins else "false")
        in_service[key] = in_service.get(key, 0) + 1

    def ordered(d: dict[str, int]) -> dict[str, int]:
        return dict(sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))

    return {"record_type": ordered(record_type), "flag": ordered(flag), "in_service": ordered(in_service)}


class EmbeddedSearchIndex(SearchIndex):
    """SQLite FTS5 index in one file; safe for several processes (WAL + busy timeout).

    Each thread gets its own connection (the web server's thread pool searches in parallel; WAL lets
    readers proceed while a writer commits), and each connection keeps the claims it searched
    (ClaimPages) until the index changes.
    """

    def __init__(self, path: str | os.PathLike[str], busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.path = Path(path)
        self.busy_timeout_ms = busy_timeout_ms
        self._local = threading.local()
        self._registry_lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._synonyms = load_synonyms()

    @property
    def _lock(self) -> threading.RLock:
        """Per-thread re-entrancy guard (connections are never shared between threads)."""
        lock: threading.RLock | None = getattr(self._local, "lock", None)
        if lock is None:
            lock = self._local.lock = threading.RLock()
        return lock

    @property
    def _conn(self) -> sqlite3.Connection | None:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        return conn

    @_conn.setter
    def _conn(self, conn: sqlite3.Connection | None) -> None:
        old = getattr(self._local, "conn", None)
        with self._registry_lock:
            if old is not None and old in self._connections:
                self._connections.remove(old)
            if conn is not None:
                self._connections.append(conn)
        self._local.conn = conn

    # ------------------------------------------------------------------ connection & schema

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=self.busy_timeout_ms / 1000, isolation_level=None,
                               check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout={int(self.busy_timeout_ms)}")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.execute("PRAGMA cache_size=-65536")
        conn.execute("PRAGMA mmap_size=268435456")
        self._migrate(conn)
        return conn

    @staticmethod
    def _migrate(conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, SCHEMA_VERSION):
                # Derived data: an older layout is dropped and rebuilt by `claimdex reindex`.
                names = [r[0] for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'pages_fts%' "
                    "AND sql LIKE 'CREATE VIRTUAL TABLE%'")]
                for name in [*names, "pages", "page_flags"]:
                    conn.execute(f'DROP TABLE IF EXISTS "{name}"')
            for stmt in _SCHEMA.split(";"):
                if stmt.strip():
                    conn.execute(stmt)
            for shard in range(N_SHARDS):
                table = shard_table(shard)
                conn.execute(_SHARD_SCHEMA.format(table=table))
                conn.execute(f"INSERT INTO {table}({table}, rank) VALUES('automerge', 8)")
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _db(self) -> sqlite3.Connection:
        """The open connection, reopened if the index file was deleted underneath it."""
        if self._conn is not None and not self.path.exists():
            self._conn.close()
            self._conn = None
        if self._conn is None:
            try:
                self._conn = self._connect()
            except sqlite3.Error as exc:
                raise SearchIndexUnavailable(f"embedded index at {self.path}: {exc}") from exc
        return self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; BEGIN IMMEDIATE so concurrent writers queue on the busy timeout.

        A lock still held after the timeout (a long rebuild in another process) or an unusable file is
        SearchIndexUnavailable: the pipeline retries later, SQL keeps the data.
        """
        with self._lock:
            conn = self._db()
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise SearchIndexUnavailable(f"embedded index busy: {exc}") from exc
            # data_version does not move for this connection's own commits: its kept claims go now.
            self._local.claims = {}
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.OperationalError) and _is_transient(exc):
                    raise SearchIndexUnavailable(f"embedded index: {exc}") from exc
                raise

    def ensure_ready(self) -> None:
        with self._lock:
            self._db()

    def close(self) -> None:
        """Close every thread's connection (shutdown; a later call simply reconnects)."""
        with self._registry_lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            conn.close()
        self._local = threading.local()

    # ------------------------------------------------------------------ writes

    @staticmethod
    def _upsert_batch(conn: sqlite3.Connection, pages: Iterable[PageDoc]) -> int:
        """Insert-or-replace by page_id inside the caller's write transaction, with few round trips.

        New rows get explicit ids (max(id)+1…, safe under BEGIN IMMEDIATE) so pages and the FTS shard
        can both be written with executemany; replaced rows keep their id and get their FTS row re-made.
        """
        docs = list({d.page_id: d for d in pages}.values())  # last wins within a batch
        if not docs:
            return 0
        existing: dict[str, tuple[int, str]] = {}
        for i in range(0, len(docs), 500):
            chunk = [d.page_id for d in docs[i : i + 500]]
            marks = ",".join("?" * len(chunk))
            for page_id, rowid, claim_id in conn.execute(
                f"SELECT page_id, id, claim_id FROM pages WHERE page_id IN ({marks})", chunk
            ):
                existing[page_id] = (rowid, claim_id)
        next_id = int(conn.execute("SELECT coalesce(max(id), 0) FROM pages").fetchone()[0]) + 1
        rows: list[tuple[Any, ...]] = []
        flags: list[tuple[int, str]] = []
        fts: dict[int, list[tuple[int, str, str]]] = {}
        stale: dict[int, list[tuple[int]]] = {}
        for doc in docs:
            old = existing.get(doc.page_id)
            if old is None:
                rowid, next_id = next_id, next_id + 1
            else:
                rowid = old[0]
                stale.setdefault(shard_for(old[1]), []).append((rowid,))
            rows.append((
                rowid, doc.page_id, doc.claim_id, doc.file_id, doc.filename, int(doc.page), doc.document_id,
                doc.record_type or "other", doc.date.isoformat() if doc.date else None,
                None if doc.in_service is None else int(bool(doc.in_service)),
            ))
            flags.extend((rowid, c) for c in sorted(set(doc.flag_categories)) if c)
            fts.setdefault(shard_for(doc.claim_id), []).append(
                (rowid, strip_sentinels(doc.text or ""), claim_token(doc.claim_id)))
        for shard, ids in stale.items():
            conn.executemany(f"DELETE FROM {shard_table(shard)} WHERE rowid = ?", ids)
            conn.executemany("DELETE FROM page_flags WHERE id = ?", ids)
        conn.executemany(
            "INSERT OR REPLACE INTO pages (id, page_id, claim_id, file_id, filename, page, document_id, "
            "record_type, date, in_service) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.executemany("INSERT OR IGNORE INTO page_flags (id, category) VALUES (?, ?)", flags)
        for shard, values in fts.items():
            conn.executemany(f"INSERT INTO {shard_table(shard)} (rowid, text, claimtok) VALUES (?, ?, ?)", values)
        return len(docs)

    def upsert_pages(self, pages: list[PageDoc]) -> None:
        if not pages:
            return
        with self._write() as conn:
            self._upsert_batch(conn, pages)

    def update_page_fields(self, fields: list[PageFields]) -> set[str]:
        """The filterable columns and flag categories of pages already indexed; the FTS rows stay."""
        latest = list({f.page_id: f for f in fields}.values())
        if not latest:
            return set()
        with self._write() as conn:
            ids: dict[str, int] = {}
            for i in range(0, len(latest), 500):
                chunk = [f.page_id for f in latest[i : i + 500]]
                marks = ",".join("?" * len(chunk))
                ids.update(conn.execute(f"SELECT page_id, id FROM pages WHERE page_id IN ({marks})", chunk))
            present = [f for f in latest if f.page_id in ids]
            conn.executemany(
                "UPDATE pages SET document_id = ?, record_type = ?, date = ?, in_service = ? WHERE id = ?",
                [(f.document_id, f.record_type or "other", f.date.isoformat() if f.date else None,
                  None if f.in_service is None else int(bool(f.in_service)), ids[f.page_id]) for f in present])
            conn.executemany("DELETE FROM page_flags WHERE id = ?", [(ids[f.page_id],) for f in present])
            conn.executemany("INSERT OR IGNORE INTO page_flags (id, category) VALUES (?, ?)",
                             [(ids[f.page_id], c) for f in present for c in sorted(set(f.flag_categories)) if c])
        return {f.page_id for f in latest} - set(ids)

    @staticmethod
    def _delete_rows(conn: sqlite3.Connection, rows: list[tuple[int, str]]) -> None:
        """Delete (id, claim_id) rows from ``pages`` and their claim's FTS shard."""
        by_shard: dict[int, list[tuple[int]]] = {}
        for rowid, claim_id in rows:
            by_shard.setdefault(shard_for(claim_id), []).append((rowid,))
        for shard, ids in by_shard.items():
            conn.executemany(f"DELETE FROM {shard_table(shard)} WHERE rowid = ?", ids)
            conn.executemany("DELETE FROM page_flags WHERE id = ?", ids)
        conn.executemany("DELETE FROM pages WHERE id = ?", [(r[0],) for r in rows])

    def delete_claim(self, claim_id: str) -> None:
        with self._write() as conn:
            rows = conn.execute("SELECT id, claim_id FROM pages WHERE claim_id = ?", (claim_id,)).fetchall()
            self._delete_rows(conn, rows)

    def prune_claim(self, claim_id: str, keep_page_ids: set[str]) -> int:
        with self._write() as conn:
            rows = [
                (r[0], r[2])
                for r in conn.execute("SELECT id, page_id, claim_id FROM pages WHERE claim_id = ?", (claim_id,))
                if r[1] not in keep_page_ids
            ]
            self._delete_rows(conn, rows)
        return len(rows)

    def rebuild(self, batches: Iterable[list[PageDoc]]) -> int:
        """Replace everything in one transaction: WAL readers keep seeing the old index until COMMIT."""
        n = 0
        with self._write() as conn:
            for shard in range(N_SHARDS):
                conn.execute(f"DELETE FROM {shard_table(shard)}")
            conn.execute("DELETE FROM pages")
            conn.execute("DELETE FROM page_flags")
            for batch in batches:
                n += self._upsert_batch(conn, batch)
        return n

    def optimize(self) -> None:
        """Merge FTS5 segments (after a bulk load); optional, searches are correct without it."""
        with self._write() as conn:
            for shard in range(N_SHARDS):
                table = shard_table(shard)
                conn.execute(f"INSERT INTO {table}({table}) VALUES('optimize')")

    # ------------------------------------------------------------------ reads

    def count(self, claim_id: str | None = None) -> int:
        with self._lock:
            conn = self._db()
            if claim_id is None:
                return int(conn.execute("SELECT count(*) FROM pages").fetchone()[0])
            return int(conn.execute("SELECT count(*) FROM pages WHERE claim_id = ?", (claim_id,)).fetchone()[0])

    def parse(self, text: str) -> ParsedQuery:
        return expand_synonyms(parse_query(text), self._synonyms)

    def search(self, query: SearchQuery) -> SearchResult:
        if not query.claim_id:
            raise ValueError("claim_id is required")
        sort = "date" if query.sort == "date" else "relevance"
        size = max(0, min(int(query.size), MAX_PAGE_SIZE))
        after: tuple[Any, ...] | None = None
        if query.cursor:
            payload = decode_cursor(query.cursor)
            if payload.get("b") != "fts5" or payload.get("s") != sort:
                raise ValueError("invalid cursor")
            after = _valid_key(payload.get("k"), sort)

        parsed = self.parse(query.text)
        table = shard_table(shard_for(query.claim_id))
        with self._lock:
            conn = self._db()
            try:
                claim = self._claim_pages(conn, query.claim_id)
                keep = claim.filtered(query)
                match: str | None = None
                if parsed.is_empty:
                    hits = np.flatnonzero(keep)
                    scores = np.zeros(len(hits))
                else:
                    # Without the claim token when the claim's rowid range holds its pages only (the usual
                    # case), so FTS5 need not intersect every match with the claim's whole doclist (~10% of
                    # a search on a 10,000-page claim). Isolation does not depend on it: only rowids of the
                    # claim's own pages (read with claim_id = ?) are kept below.
                    match = to_fts5(parsed, "text") if parsed.must and claim.alone else \
                        to_fts5(parsed, "text", scope=f'claimtok : "{claim_token(query.claim_id)}"')
                    hits, scores = self._matches(conn, table, match, claim, None if keep.all() else keep)
                facets = claim.facets(hits)
                positions = claim.ordered(hits, scores, sort, after, size + 1)
                details = self._pages(conn, [int(claim.ids[hits[i]]) for i in positions])
            except sqlite3.OperationalError as exc:
                if _is_transient(exc):
                    raise SearchIndexUnavailable(f"embedded index: {exc}") from exc
                raise
            rows = [(details[int(claim.ids[hits[i]])], float(scores[i])) for i in positions
                    if int(claim.ids[hits[i]]) in details]
            page = rows[:size]
            marked = self._highlights(conn, table, match, [r[0][0] for r in page]) if match else {}

        result_hits = [
            SearchHit(
                page_id=r[1], file_id=r[2], filename=r[3], page=int(r[4]), document_id=r[5], record_type=r[6],
                date=dt.date.fromisoformat(r[7]) if r[7] else None, score=round(score, 6),
                highlights=fragments(marked.get(r[0], "")),
            )
            for r, score in page
        ]
        next_cursor = None
        if page and len(rows) > size:
            last, score = page[-1]
            key = [int(last[7] is None), last[7] or "", last[2], last[4], last[1]] if sort == "date" else \
                [-score + 0.0, last[2], last[4], last[1]]  # + 0.0: SQL's -0.0 was 0.0 (facet-only searches)
            next_cursor = encode_cursor({"b": "fts5", "s": sort, "k": key})
        return SearchResult(total=len(hits), hits=result_hits,
                            facets={k: _ordered(v) for k, v in facets.items()}, next_cursor=next_cursor)

    def _claim_pages(self, conn: sqlite3.Connection, claim_id: str) -> ClaimPages:
        """The claim's pages (ClaimPages), kept per connection until the index changes: ``PRAGMA
        data_version`` moves when another connection commits, and this connection's own writes clear
        them (_write)."""
        version = int(conn.execute("PRAGMA data_version").fetchone()[0])
        kept: dict[str, tuple[int, ClaimPages]] | None = getattr(self._local, "claims", None)
        if kept is None:
            kept = self._local.claims = {}
        known = kept.get(claim_id)
        if known is not None and known[0] == version:
            return known[1]
        claim = ClaimPages.read(conn, claim_id)
        if len(kept) >= MAX_KEPT_CLAIMS:
            kept.clear()
        kept[claim_id] = (version, claim)
        return claim

    @staticmethod
    def _matches(conn: sqlite3.Connection, table: str, match: str, claim: ClaimPages,
                 keep: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        """The claim's pages matching (those `keep` says, when given), as indices into `claim`, with their
        scores (bm25, higher is better).

        The rowid range (a claim's pages are mostly contiguous) lets FTS5 skip the rest of each doclist.
        bm25, most of a search's cost, is computed only for rows the WHERE keeps: the pages the filters
        passed are handed over as a list (the unary ``+`` keeps the planner from driving the MATCH by it).
        """
        ids = claim.ids if keep is None else claim.ids[keep]
        if not len(ids):
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        sql = f"SELECT rowid, -bm25({table}, 1.0, 0.0) + 0.0 FROM {table} WHERE {table} MATCH ? " \
            "AND rowid BETWEEN ? AND ?"
        params: list[Any] = [match, int(ids[0]), int(ids[-1])]
        if keep is not None:
            sql += " AND +rowid IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(ids.tolist()))
        rows = conn.execute(sql, params).fetchall()
        rowids = np.fromiter((r[0] for r in rows), np.int64, len(rows))
        scores = np.fromiter((r[1] for r in rows), np.float64, len(rows))
        where = np.minimum(np.searchsorted(claim.ids, rowids), len(claim.ids) - 1)
        mine = claim.ids[where] == rowids
        return where[mine], scores[mine]

    @staticmethod
    def _pages(conn: sqlite3.Connection, rowids: list[int]) -> dict[int, tuple[Any, ...]]:
        """What a hit shows of these pages, by rowid."""
        if not rowids:
            return {}
        rows = conn.execute(
            "SELECT id, page_id, file_id, filename, page, document_id, record_type, date FROM pages "
            "WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(rowids),)).fetchall()
        return {r[0]: r for r in rows}

    @staticmethod
    def _highlights(conn: sqlite3.Connection, table: str, match: str, rowids: list[int]) -> dict[int, str]:
        """The whole page text with every match marked (FTS5 highlight(): no length cap).

        One MATCH over the hits' rowid range; the IN test runs before highlight() is computed, so only
        the returned hits are highlighted. The unary ``+`` keeps the planner from using the IN list as
        the FTS5 constraint, which would re-run the MATCH (and re-expand prefixes) once per hit.
        """
        if not rowids:
            return {}
        rows = conn.execute(
            f"SELECT rowid, highlight({table}, 0, ?, ?) FROM {table} WHERE {table} MATCH ? "
            "AND rowid BETWEEN ? AND ? AND +rowid IN (SELECT value FROM json_each(?))",
            (OPEN, CLOSE, match, min(rowids), max(rowids), json.dumps(rowids)),
        ).fetchall()
        return {r[0]: r[1] for r in rows if r[1]}
