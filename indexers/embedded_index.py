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
Matching rows of the claim (after filters) are fetched once; total, facets, sort and the cursor page are
computed from them, then ``highlight()`` runs only for the hits returned.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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
# Claims whose rowid range a connection remembers between searches (_claim_range).
MAX_KEPT_RANGES = 256

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


# Per-connection scratch table: one search's matches, so total, facets and the sorted page are SQL over
# it instead of re-running the MATCH or shipping every match to Python (a 10,000-page claim).
_HITS_TABLE = """
CREATE TEMP TABLE IF NOT EXISTS hits (
    id INTEGER PRIMARY KEY, score REAL, file_id TEXT, page INTEGER, page_id TEXT, date TEXT,
    record_type TEXT, in_service INTEGER
)
"""
_HIT_COLUMNS = "p.id, {score}, p.file_id, p.page, p.page_id, p.date, p.record_type, p.in_service"


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
    readers proceed while a writer commits), and each connection its own ``temp.hits`` scratch table.
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
            # data_version does not move for this connection's own commits: its claim ranges go now.
            self._local.ranges = {}
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

    @staticmethod
    def _filters(query: SearchQuery) -> tuple[list[str], list[Any]]:
        where = ["p.claim_id = ?"]
        params: list[Any] = [query.claim_id]
        if query.record_types:
            where.append(f"p.record_type IN ({','.join('?' * len(query.record_types))})")
            params.extend(query.record_types)
        if query.flag_categories:
            marks = ",".join("?" * len(query.flag_categories))
            where.append(f"EXISTS (SELECT 1 FROM page_flags f WHERE f.id = p.id AND f.category IN ({marks}))")
            params.extend(query.flag_categories)
        if query.in_service is not None:
            where.append("p.in_service = ?")
            params.append(int(bool(query.in_service)))
        if query.date_from is not None:
            where.append("p.date >= ?")
            params.append(query.date_from.isoformat())
        if query.date_to is not None:
            where.append("p.date <= ?")
            params.append(query.date_to.isoformat())
        return where, params

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
        where, params = self._filters(query)
        match: str | None = None
        table = shard_table(shard_for(query.claim_id))
        if parsed.is_empty:
            fill = f"INSERT INTO temp.hits SELECT {_HIT_COLUMNS.format(score='0.0')} FROM pages p " \
                f"WHERE {' AND '.join(where)}"
        else:
            match = to_fts5(parsed, "text", scope=f'claimtok : "{claim_token(query.claim_id)}"')
            # Without the claim token: used when the claim's rowid range holds its pages only (the usual
            # case), so FTS5 need not intersect every match with the claim's whole doclist (~10% of a
            # search on a 10,000-page claim). Isolation does not depend on it: p.claim_id = ? stays.
            unscoped = to_fts5(parsed, "text") if parsed.must else None
            # CROSS JOIN keeps FTS5 as the outer loop: left to itself the planner walks the claim's pages
            # and re-runs the whole MATCH once per page (hundreds of times slower). The rowid range (a
            # claim's pages are mostly contiguous) lets FTS5 skip the rest of each doclist.
            score = f"-bm25({table}, 1.0, 0.0) + 0.0"
            fill = (
                f"INSERT INTO temp.hits SELECT {_HIT_COLUMNS.format(score=score)} FROM {table} "
                f"CROSS JOIN pages p ON p.id = {table}.rowid "
                f"WHERE {table} MATCH ? AND {table}.rowid BETWEEN ? AND ? AND {' AND '.join(where)}"
            )
            params = [match, 0, 0, *params]

        if sort == "date":
            key = "(h.date IS NULL), coalesce(h.date, ''), h.file_id, h.page, h.page_id"
        else:
            key = "-h.score, h.file_id, h.page, h.page_id"
        page_sql = (
            "SELECT p.id, p.page_id, p.file_id, p.filename, p.page, p.document_id, p.record_type, p.date, "
            f"h.score, {key} FROM temp.hits h CROSS JOIN pages p ON p.id = h.id "
            + (f"WHERE ({key}) > ({','.join('?' * len(after))}) " if after else "")
            + f"ORDER BY {key} LIMIT ?"
        )

        with self._lock:
            conn = self._db()
            try:
                if match is not None:
                    lo, hi, alone = self._claim_range(conn, query.claim_id)
                    params[1:3] = [lo, hi]
                    if unscoped and alone:
                        match = params[0] = unscoped
                conn.execute(_HITS_TABLE)
                conn.execute("DELETE FROM temp.hits")
                conn.execute(fill, params)
                # One pass for total, record_type and in_service; flag categories via their own table.
                groups = conn.execute(
                    "SELECT record_type, in_service, count(*) FROM temp.hits GROUP BY record_type, in_service"
                ).fetchall()
                total = sum(n for _, _, n in groups)
                by_type: dict[str, int] = {}
                by_service: dict[str, int] = {}
                for record_type, in_service, n in groups:
                    by_type[record_type] = by_type.get(record_type, 0) + n
                    key = "unknown" if in_service is None else ("true" if in_service else "false")
                    by_service[key] = by_service.get(key, 0) + n
                facets = {
                    "record_type": list(by_type.items()),
                    "flag": conn.execute(
                        # CROSS JOIN: hits outer, page_flags probed by primary key (not scanned whole).
                        "SELECT f.category, count(*) FROM temp.hits h CROSS JOIN page_flags f ON f.id = h.id "
                        "GROUP BY f.category").fetchall(),
                    "in_service": list(by_service.items()),
                }
                rows = conn.execute(page_sql, [*(after or ()), size + 1]).fetchall()
                conn.execute("DELETE FROM temp.hits")
            except sqlite3.OperationalError as exc:
                if _is_transient(exc):
                    raise SearchIndexUnavailable(f"embedded index: {exc}") from exc
                raise
            page = rows[:size]
            marked = self._highlights(conn, table, match, [r[0] for r in page]) if match else {}

        hits = [
            SearchHit(
                page_id=r[1], file_id=r[2], filename=r[3], page=int(r[4]), document_id=r[5], record_type=r[6],
                date=dt.date.fromisoformat(r[7]) if r[7] else None, score=round(float(r[8] or 0.0), 6),
                highlights=fragments(marked.get(r[0], "")),
            )
            for r in page
        ]
        next_cursor = None
        if page and len(rows) > size:
            next_cursor = encode_cursor({"b": "fts5", "s": sort, "k": list(page[-1][9:])})
        return SearchResult(total=total, hits=hits, facets={k: _ordered(v) for k, v in facets.items()},
                            next_cursor=next_cursor)

    def _claim_range(self, conn: sqlite3.Connection, claim_id: str) -> tuple[int, int, bool]:
        """The claim's rowid range, and whether it holds the claim's pages only.

        Two counts over the claim's pages (~10% of a search on a 10,000-page claim), so kept per connection
        until the index changes: ``PRAGMA data_version`` moves when another connection commits, and this
        connection's own writes clear it (_write).
        """
        version = int(conn.execute("PRAGMA data_version").fetchone()[0])
        ranges: dict[str, tuple[int, int, int, bool]] | None = getattr(self._local, "ranges", None)
        if ranges is None:
            ranges = self._local.ranges = {}
        known = ranges.get(claim_id)
        if known is not None and known[0] == version:
            return known[1], known[2], known[3]
        lo, hi, n = conn.execute("SELECT min(id), max(id), count(*) FROM pages WHERE claim_id = ?",
                                 (claim_id,)).fetchone()
        alone = bool(n) and conn.execute("SELECT count(*) FROM pages WHERE id BETWEEN ? AND ?",
                                         (lo, hi)).fetchone()[0] == n
        if len(ranges) >= MAX_KEPT_RANGES:
            ranges.clear()
        ranges[claim_id] = (version, lo or 0, hi or -1, alone)
        return lo or 0, hi or -1, alone

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
