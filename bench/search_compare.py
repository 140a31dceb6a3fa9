"""This checkout's embedded search against another checkout's, on the throughput bench's 10,000-page claim:
the same results (every field of every result, every cursor followed) and the CPU time of each query,
alternating the two in one process, with the LIKE scan beside them for the ratio the bench reports.

    git worktree add --detach /tmp/base main
    python -m bench.search_compare --baseline /tmp/base                  # identity, then CPU p95 and ratios
    python -m bench.search_compare --baseline /tmp/base --per-query --rounds 10

Both read one index file built by this checkout (the index layout must be the same: SCHEMA_VERSION).
CPU time (time.process_time), not wall time: the machine is shared and only the ratios mean much.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from bench.search import QUERY_MIX, LikeBaseline, generate
from bench.throughput import load_search_corpus
from indexers.base import SearchQuery
from indexers.embedded_index import EmbeddedSearchIndex

BIG_CLAIM = "bench-big-claim"
# Beyond the bench's mix: filters of every kind, both sorts, and queries that find nothing.
MORE_QUERIES: list[dict[str, Any]] = [
    {"text": "lumbar strain"}, {"text": "pain", "flag_categories": ["gait"], "in_service": False},
    {"text": "", "date_from": dt.date(2000, 1, 1), "sort": "date"}, {"text": "", "flag_categories": ["none-such"]},
    {"text": "", "record_types": ["none-such"]}, {"text": "zzzunknownword"},
    {"text": "back", "sort": "date", "date_to": dt.date(2001, 5, 5)}, {"text": "", "in_service": True, "sort": "date"},
    {"text": "knee OR hip", "record_types": ["imaging_report", "cp_exam"]},
]


def _baseline_index(checkout: Path, path: Path) -> Any:
    """The other checkout's EmbeddedSearchIndex class (its other modules are this checkout's)."""
    source = checkout / "indexers" / "embedded_index.py"
    spec = importlib.util.spec_from_file_location("baseline_embedded_index", source)
    if spec is None or spec.loader is None:
        raise SystemExit(f"no indexers/embedded_index.py in {checkout}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.EmbeddedSearchIndex(path)


def build(work: Path) -> None:
    index = EmbeddedSearchIndex(work / "search.sqlite3")
    index.ensure_ready()
    like = LikeBaseline(work / "like.sqlite3")
    load_search_corpus(index, like, generate, 10_000, 20_000)
    index.close()


def compare_results(this: EmbeddedSearchIndex, base: Any, claims: list[str]) -> tuple[int, int]:
    """Every query on every claim, sizes 20 and 7, cursors followed: returns (searches, hits) compared."""
    searches = hits = 0
    for claim in claims:
        for spec in [s for _, s in QUERY_MIX] + MORE_QUERIES:
            for size in (20, 7):
                query = SearchQuery(claim_id=claim, size=size, **spec)
                for _ in range(4 if size == 7 else 2):
                    a, b = base.search(query), this.search(query)
                    if asdict(a) != asdict(b):
                        raise SystemExit(f"results differ: claim {claim}, query {spec}, size {size}, "
                                         f"cursor {query.cursor}")
                    searches += 1
                    hits += len(a.hits)
                    if not a.next_cursor:
                        break
                    query = replace(query, cursor=a.next_cursor)
    return searches, hits


def timings(runs: dict[str, Callable[[SearchQuery], Any]], rounds: int) -> dict[str, list[list[float]]]:
    """CPU ms of each query of the mix on the big claim, per method, alternating the order every round."""
    queries = [SearchQuery(claim_id=BIG_CLAIM, size=20, **spec) for _, spec in QUERY_MIX]
    for query in queries:  # warm, as a running server is
        for run in runs.values():
            run(query)
    out: dict[str, list[list[float]]] = {name: [[] for _ in queries] for name in runs}
    names = list(runs)
    for r in range(rounds):
        order = list(range(len(queries)))
        random.Random(r).shuffle(order)
        for i in order:
            for name in (names if r % 2 == 0 else [*reversed(names[:2]), *names[2:]]):
                started = time.process_time()
                runs[name](queries[i])
                out[name][i].append(1000 * (time.process_time() - started))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", type=Path, required=True, help="another checkout (its indexers/embedded_index.py)")
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--claims", type=int, default=25, help="other claims whose results are compared")
    ap.add_argument("--per-query", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-search-compare-") as tmp:
        work = Path(tmp)
        build(work)
        this = EmbeddedSearchIndex(work / "search.sqlite3")
        base = _baseline_index(args.baseline.resolve(), work / "search.sqlite3")
        like = LikeBaseline(work / "like.sqlite3")
        claims = [r[0] for r in like.conn.execute(
            "SELECT claim_id FROM pages GROUP BY claim_id ORDER BY count(*) DESC")]
        n, hits = compare_results(this, base, claims[:1] + random.Random(7).sample(claims[1:], args.claims))
        print(f"identical results: {n} searches, {hits} hits, {args.claims + 1} claims")
        out = timings({"baseline": base.search, "this": this.search, "LIKE": like.search}, args.rounds)
        p95 = {name: statistics.quantiles([x for q in per for x in q], n=20)[-1] for name, per in out.items()}
        print(f"CPU p95 over {len(QUERY_MIX)} queries x {args.rounds}: baseline {p95['baseline']:.1f} ms, "
              f"this {p95['this']:.1f} ms ({p95['baseline'] / p95['this']:.2f}x less), LIKE {p95['LIKE']:.1f} ms; "
              f"LIKE / FTS5 at p95: baseline {p95['LIKE'] / p95['baseline']:.2f}x, "
              f"this {p95['LIKE'] / p95['this']:.2f}x")
        if args.per_query:
            for i, (kind, spec) in enumerate(QUERY_MIX):
                m = {name: statistics.median(per[i]) for name, per in out.items()}
                print(f"  {kind:<9} {spec['text'][:24]!r:<26} baseline {m['baseline']:6.1f}  this {m['this']:6.1f}  "
                      f"LIKE {m['LIKE']:6.1f} ms")


if __name__ == "__main__":
    main()
