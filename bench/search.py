"""Search benchmark: the embedded FTS5 index against a plain SQLite ``LIKE '%…%'`` scan.

Generates a corpus of clinical-looking pages (default 100,000 pages in about 500 claims whose sizes are
skewed like real C-files: most a few hundred pages, a few in the thousands), indexes it into the embedded
backend in pipeline-sized batches, then runs a fixed, seeded query mix (single words, phrases, synonyms,
prefixes, filtered, facet-only browsing, date sort, a second cursor page) against random claims.

Prints indexing pages/s and search latency p50/p95/p99 per backend and per query kind, plus the
LIKE/FTS5 ratio. Targets on a 2-core machine: p95 < 50 ms, indexing >= 2,000 pages/s.

    .venv/bin/python bench/search.py              # full run (100,000 pages)
    .venv/bin/python bench/search.py --pages 5000 # quick run
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indexers.base import PageDoc, SearchQuery
from indexers.embedded_index import EmbeddedSearchIndex, facets_from_rows

# ------------------------------------------------------------------------------------ corpus

RECORD_TYPES = [
    ("service_treatment", 0.22, "CHRONOLOGICAL RECORD OF MEDICAL CARE"),
    ("service_exam", 0.06, "REPORT OF MEDICAL EXAMINATION"),
    ("service_personnel", 0.05, "CERTIFICATE OF RELEASE OR DISCHARGE FROM ACTIVE DUTY"),
    ("va_treatment", 0.25, "LOCAL TITLE: PRIMARY CARE NOTE"),
    ("private_treatment", 0.14, "Chief Complaint:"),
    ("imaging_report", 0.07, "EXAM: MRI LUMBAR SPINE"),
    ("cp_exam", 0.05, "DISABILITY BENEFITS QUESTIONNAIRE"),
    ("rating_decision", 0.04, "RATING DECISION"),
    ("buddy_statement", 0.03, "21-10210 LAY/WITNESS STATEMENT"),
    ("other", 0.09, "MISCELLANEOUS"),
]
FLAG_CATEGORIES = ["back_complaint", "injury", "gait", "aging_attribution", "diagnosis", "imaging_finding",
                   "service_strain", "medical_opinion", "alternative_cause", "continuity", "secondary_link"]

LEVELS = ["L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1", "C5-C6", "C6-C7", "T11-T12"]
SIDES = ["left", "right", "bilateral"]
BODY = ["lumbar spine", "lower back", "right knee", "left knee", "cervical spine", "left hip", "right shoulder",
        "thoracolumbar spine", "sacroiliac joint", "left ankle"]
SYMPTOMS = ["pain", "stiffness", "numbness", "tingling", "weakness", "spasm", "tenderness", "swelling",
            "radiating pain", "burning", "instability", "locking"]
FINDINGS = ["disc desiccation", "mild foraminal narrowing", "broad-based disc bulge", "facet arthropathy",
            "annular fissure", "central canal stenosis", "endplate changes", "osteophyte formation",
            "moderate neural foraminal stenosis", "grade one spondylolisthesis"]
DIAGNOSES = ["lumbar strain", "degenerative disc disease", "lumbar radiculopathy", "DDD", "osteoarthritis",
             "medial meniscus tear", "patellofemoral pain syndrome", "sciatica", "chronic low back pain",
             "mechanical low back pain", "herniated nucleus pulposus", "lumbosacral strain"]
DUTIES = ["12-mile ruck march with 80 lb", "airborne operations with 60 jumps", "daily PT runs in boots",
          "loading artillery rounds", "carrying litters during field exercises", "vehicle maintenance under trucks",
          "hard landing on a parachute jump", "road marches with full combat load", "rucking with heavy loads"]
OPINIONS = ["at least as likely as not incurred in service", "less likely than not incurred in service",
            "consistent with the natural aging process", "cannot be resolved without resort to mere speculation",
            "more likely than not related to the in-service injury"]
ALT = ["works as a roofer since 2012", "BMI 36", "plays weekend football", "worked in construction for ten years",
       "motor vehicle accident in 2014", "lifts heavy boxes at the warehouse"]
MEDS = ["ibuprofen 800 mg", "naproxen 500 mg", "cyclobenzaprine 10 mg", "gabapentin 300 mg", "meloxicam 15 mg",
        "tramadol 50 mg", "lidocaine patch"]

TEMPLATES: list[Callable[[random.Random], str]] = [
    lambda r: f"Patient c/o {r.choice(SYMPTOMS)} in the {r.choice(BODY)} x {r.randint(2, 14)} days.",
    lambda r: f"SM reports {r.choice(SYMPTOMS)} of the {r.choice(BODY)} after {r.choice(DUTIES)}.",
    lambda r: f"Tenderness over {r.choice(LEVELS)} paraspinals, {r.choice(SIDES)} greater than contralateral.",
    lambda r: f"Gait: {r.choice(['antalgic gait', 'normal gait', 'slow guarded gait', 'uses a cane', 'limping'])}"
              f" favoring the {r.choice(SIDES)} side.",
    lambda r: f"MRI shows {r.choice(FINDINGS)} at {r.choice(LEVELS)}.",
    lambda r: f"IMPRESSION: {r.choice(FINDINGS)} at {r.choice(LEVELS)} with {r.choice(FINDINGS)}.",
    lambda r: f"Assessment: {r.choice(DIAGNOSES)}. Plan: {r.choice(MEDS)}, physical therapy, follow up in "
              f"{r.randint(2, 8)} weeks.",
    lambda r: f"Range of motion of the {r.choice(BODY)}: flexion {r.randint(20, 90)} degrees, extension "
              f"{r.randint(5, 30)} degrees, with pain on motion.",
    lambda r: f"Straight leg raise {r.choice(['positive', 'negative'])} on the {r.choice(SIDES)}.",
    lambda r: f"Opinion: the condition is {r.choice(OPINIONS)}.",
    lambda r: f"Social history: {r.choice(ALT)}.",
    lambda r: f"Veteran states symptoms have persisted ever since service in {r.randint(1985, 2012)}.",
    lambda r: f"Profile issued for {r.choice(DIAGNOSES)}, no running or rucking for {r.randint(3, 30)} days.",
    lambda r: f"Duties included {r.choice(DUTIES)}.",
    lambda r: f"Vital signs: BP {r.randint(100, 160)}/{r.randint(60, 100)}, pulse {r.randint(55, 110)}, "
              f"temperature {r.choice(['98.6', '98.4', '99.1'])} F.",
    lambda r: f"Denies {r.choice(SYMPTOMS)} of the {r.choice(BODY)}; no bowel or bladder dysfunction.",
    lambda r: f"Altered gait from the {r.choice(BODY)} has strained the {r.choice(BODY)}.",
    lambda r: f"The examiner reviewed the claims file, service treatment records and {r.choice(['VA', 'private'])} "
              "treatment records.",
    lambda r: "Medications reconciled. Allergies: no known drug allergies. Return to clinic as needed.",
    lambda r: f"X-ray of the {r.choice(BODY)}: {r.choice(FINDINGS)}; no acute fracture.",
]


def sentence_pool(rng: random.Random, n: int = 30_000) -> list[str]:
    return [rng.choice(TEMPLATES)(rng) for _ in range(n)]


def claim_sizes(rng: random.Random, pages: int, claims: int) -> list[int]:
    """Skewed sizes (Pareto), like real C-files, summing exactly to ``pages``."""
    raw = [rng.paretovariate(1.6) for _ in range(claims)]
    scale = pages / sum(raw)
    sizes = [max(1, int(x * scale)) for x in raw]
    i = 0
    while sum(sizes) < pages:
        sizes[i % claims] += 1
        i += 1
    while sum(sizes) > pages:
        j = max(range(claims), key=lambda k: sizes[k])
        sizes[j] -= 1
    return sizes


def generate(pages: int, claims: int, seed: int) -> Iterator[PageDoc]:
    rng = random.Random(seed)
    pool = sentence_pool(rng)
    types = [t for t, _, _ in RECORD_TYPES]
    weights = [w for _, w, _ in RECORD_TYPES]
    headers = {t: h for t, _, h in RECORD_TYPES}
    base = dt.date(1990, 1, 1)
    for c, size in enumerate(claim_sizes(rng, pages, claims)):
        claim_id = f"bench-claim-{c:04d}"
        file_id = f"f_bench_{c:04d}"
        service_end = rng.randint(3000, 9000)
        record_type = "other"
        date: dt.date | None = None
        for n in range(1, size + 1):
            if n == 1 or rng.random() < 0.25:  # a new document starts
                record_type = rng.choices(types, weights)[0]
                date = None if rng.random() < 0.08 else base + dt.timedelta(days=rng.randint(0, 12_000))
            sentences = rng.choices(pool, k=rng.randint(10, 28))
            text = headers[record_type] + "\n" + " ".join(sentences)
            in_service = None if date is None else (date - base).days < service_end
            flags = rng.sample(FLAG_CATEGORIES, k=rng.choice([0, 0, 1, 1, 2, 3]))
            yield PageDoc(page_id=f"{file_id}-{n}", claim_id=claim_id, file_id=file_id, filename=f"cfile-{c}.pdf",
                          page=n, text=text, document_id=f"d_{c}_{n}", record_type=record_type, date=date,
                          in_service=in_service, flag_categories=flags)


# ------------------------------------------------------------------------------------ query mix

QUERY_MIX: list[tuple[str, dict[str, Any]]] = [
    ("word", {"text": "antalgic"}),
    ("word", {"text": "pain"}),
    ("word", {"text": "spondylolisthesis"}),
    ("word", {"text": "ruck"}),
    ("word", {"text": "meniscus"}),
    ("phrase", {"text": '"antalgic gait"'}),
    ("phrase", {"text": '"natural aging process"'}),
    ("phrase", {"text": '"straight leg raise"'}),
    ("multi", {"text": "MRI lumbar"}),
    ("multi", {"text": "low back pain"}),
    ("synonym", {"text": "LBP"}),
    ("synonym", {"text": "DDD"}),
    ("prefix", {"text": "lumb*"}),
    ("prefix", {"text": "radic*"}),
    ("boolean", {"text": "roofer OR football -knee"}),
    ("filtered", {"text": "pain", "record_types": ["service_treatment", "service_exam"]}),
    ("filtered", {"text": "gait", "in_service": True}),
    ("filtered", {"text": "disc", "date_from": dt.date(2005, 1, 1), "date_to": dt.date(2015, 12, 31)}),
    ("filtered", {"text": "back", "flag_categories": ["back_complaint", "injury"]}),
    ("faceted", {"text": ""}),
    ("faceted", {"text": "", "record_types": ["va_treatment"]}),
    ("date_sort", {"text": "back pain", "sort": "date"}),
]


@dataclass
class Timing:
    kind: str
    ms: float
    total: int
    claim_pages: int = 0


SIZE_BUCKETS = [(0, 300, "< 300 pages"), (300, 1000, "300-999 pages"), (1000, 10**9, ">= 1,000 pages")]


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))
    return s[k]


def summarize(label: str, timings: list[Timing]) -> tuple[float, float, float]:
    ms = [t.ms for t in timings]
    p50, p95, p99 = percentile(ms, 50), percentile(ms, 95), percentile(ms, 99)
    print(f"  {label:<22} n={len(ms):>5}  p50 {p50:7.2f} ms  p95 {p95:7.2f} ms  p99 {p99:7.2f} ms  "
          f"mean {statistics.fmean(ms):7.2f} ms")
    return p50, p95, p99


# ------------------------------------------------------------------------------------ LIKE baseline


class LikeBaseline:
    """What search would be without an index: a per-claim ``LIKE '%word%'`` scan per query word.

    Same filters and facet counting as the FTS5 backend, no stemming, synonyms, ranking or highlights.
    """

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS pages (id INTEGER PRIMARY KEY, page_id TEXT UNIQUE, claim_id TEXT, "
            "record_type TEXT, date TEXT, in_service INTEGER, flags TEXT, text TEXT)")
        self.conn.execute("CREATE INDEX IF NOT EXISTS ix_claim ON pages(claim_id)")

    def add(self, docs: list[PageDoc]) -> None:
        self.conn.execute("BEGIN")
        self.conn.executemany(
            "INSERT OR REPLACE INTO pages (page_id, claim_id, record_type, date, in_service, flags, text) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(d.page_id, d.claim_id, d.record_type, d.date.isoformat() if d.date else None,
              None if d.in_service is None else int(d.in_service),
              "|" + "|".join(d.flag_categories) + "|" if d.flag_categories else "", d.text) for d in docs])
        self.conn.execute("COMMIT")

    def search(self, q: SearchQuery) -> int:
        where = ["claim_id = ?"]
        params: list[Any] = [q.claim_id]
        for word in q.text.replace('"', " ").split():
            if word.startswith("-") or word == "OR":
                continue
            where.append("text LIKE ?")
            params.append("%" + word.rstrip("*") + "%")
        if q.record_types:
            where.append(f"record_type IN ({','.join('?' * len(q.record_types))})")
            params += q.record_types
        if q.flag_categories:
            where.append("(" + " OR ".join("instr(flags, ?) > 0" for _ in q.flag_categories) + ")")
            params += [f"|{c}|" for c in q.flag_categories]
        if q.in_service is not None:
            where.append("in_service = ?")
            params.append(int(q.in_service))
        if q.date_from:
            where.append("date >= ?")
            params.append(q.date_from.isoformat())
        if q.date_to:
            where.append("date <= ?")
            params.append(q.date_to.isoformat())
        rows = self.conn.execute(
            f"SELECT page_id, record_type, flags, in_service, date FROM pages WHERE {' AND '.join(where)}",
            params).fetchall()
        facets_from_rows((r[1], r[2], r[3]) for r in rows)
        rows.sort(key=lambda r: (r[4] is None, r[4] or "", r[0]))
        return len(rows)


# ------------------------------------------------------------------------------------ main


def run(pages: int, claims: int, queries: int, seed: int, workdir: Path) -> dict[str, float]:
    t0 = time.perf_counter()
    corpus = list(generate(pages, claims, seed))
    gen_s = time.perf_counter() - t0
    mb = sum(len(d.text) for d in corpus) / 1e6
    per_claim = Counter(d.claim_id for d in corpus)
    claim_ids = sorted(per_claim)
    sizes = sorted(per_claim.values())
    print(f"corpus: {len(corpus):,} pages in {len(claim_ids)} claims (pages per claim: min {sizes[0]}, "
          f"median {sizes[len(sizes) // 2]}, max {sizes[-1]}), {mb:.1f} MB of text, generated in {gen_s:.1f} s")

    index = EmbeddedSearchIndex(workdir / "search.sqlite3")
    index.ensure_ready()
    t0 = time.perf_counter()
    for i in range(0, len(corpus), 500):
        index.upsert_pages(corpus[i : i + 500])
    index_s = time.perf_counter() - t0
    pps = len(corpus) / index_s
    size_mb = (workdir / "search.sqlite3").stat().st_size / 1e6
    print(f"embedded FTS5 indexing: {len(corpus):,} pages in {index_s:.1f} s = {pps:,.0f} pages/s "
          f"(batches of 500; index file {size_mb:.0f} MB)  [target >= 2,000 pages/s: "
          f"{'OK' if pps >= 2000 else 'MISSED'}]")

    like = LikeBaseline(workdir / "like.sqlite3")
    t0 = time.perf_counter()
    for i in range(0, len(corpus), 500):
        like.add(corpus[i : i + 500])
    like_s = time.perf_counter() - t0
    print(f"LIKE baseline table load: {len(corpus) / like_s:,.0f} pages/s (no index on text)")
    del corpus

    rng = random.Random(seed + 1)
    plan: list[tuple[str, SearchQuery]] = []
    for i in range(queries):
        kind, spec = QUERY_MIX[i % len(QUERY_MIX)]
        plan.append((kind, SearchQuery(claim_id=rng.choice(claim_ids), size=20, **spec)))

    for _, q in plan[:50]:  # warm the page cache for both, as a running server would be
        index.search(q)
        like.search(q)

    fts: list[Timing] = []
    base: list[Timing] = []
    cursor_pages: list[Timing] = []
    for kind, q in plan:
        t0 = time.perf_counter()
        result = index.search(q)
        fts.append(Timing(kind, (time.perf_counter() - t0) * 1000, result.total, per_claim[q.claim_id]))
        if result.next_cursor and len(cursor_pages) < queries // 10:
            q2 = SearchQuery(**{**q.__dict__, "cursor": result.next_cursor})
            t0 = time.perf_counter()
            index.search(q2)
            cursor_pages.append(Timing("cursor", (time.perf_counter() - t0) * 1000, 0))
        t0 = time.perf_counter()
        n = like.search(q)
        base.append(Timing(kind, (time.perf_counter() - t0) * 1000, n, per_claim[q.claim_id]))

    print(f"\nsearch latency, {len(plan)} queries over random claims (size 20, with facets and highlights):")
    f50, f95, f99 = summarize("embedded FTS5 (all)", fts)
    l50, l95, l99 = summarize("LIKE scan (all)", base)
    print(f"  ratio LIKE / FTS5: p50 {l50 / f50:.1f}x  p95 {l95 / f95:.1f}x  p99 {l99 / f99:.1f}x   "
          f"[target FTS5 p95 < 50 ms: {'OK' if f95 < 50 else 'MISSED'}]")
    print("\n  by kind (FTS5 | LIKE):")
    for kind in dict.fromkeys(k for k, _ in QUERY_MIX):
        a = [t.ms for t in fts if t.kind == kind]
        b = [t.ms for t in base if t.kind == kind]
        hits = statistics.fmean(t.total for t in fts if t.kind == kind)
        print(f"    {kind:<10} p50 {percentile(a, 50):6.2f} p95 {percentile(a, 95):6.2f} ms | "
              f"p50 {percentile(b, 50):6.2f} p95 {percentile(b, 95):6.2f} ms   (mean hits {hits:,.0f})")
    print("\n  by claim size (FTS5 | LIKE): the LIKE scan grows with the claim, the index much less")
    for lo, hi, label in SIZE_BUCKETS:
        a = [t.ms for t in fts if lo <= t.claim_pages < hi]
        b = [t.ms for t in base if lo <= t.claim_pages < hi]
        if a:
            print(f"    {label:<15} n={len(a):>5}  p50 {percentile(a, 50):6.2f} p95 {percentile(a, 95):6.2f} ms | "
                  f"p50 {percentile(b, 50):6.2f} p95 {percentile(b, 95):6.2f} ms   "
                  f"ratio p95 {percentile(b, 95) / percentile(a, 95):.1f}x")
    biggest = max(per_claim, key=lambda c: per_claim[c])
    big_f: list[Timing] = []
    big_l: list[Timing] = []
    for _ in range(5):
        for kind, spec in QUERY_MIX:
            q = SearchQuery(claim_id=biggest, size=20, **spec)
            t0 = time.perf_counter()
            index.search(q)
            big_f.append(Timing(kind, (time.perf_counter() - t0) * 1000, 0))
            t0 = time.perf_counter()
            like.search(q)
            big_l.append(Timing(kind, (time.perf_counter() - t0) * 1000, 0))
    print(f"\n  largest claim ({per_claim[biggest]:,} pages), whole query mix x5:")
    summarize("embedded FTS5", big_f)
    summarize("LIKE scan", big_l)
    if cursor_pages:
        print()
        summarize("FTS5 second page", cursor_pages)
    return {"pages_per_s": pps, "p50": f50, "p95": f95, "p99": f99, "like_p50": l50, "like_p95": l95,
            "like_p99": l99}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=100_000)
    ap.add_argument("--claims", type=int, default=0, help="default: pages / 200")
    ap.add_argument("--queries", type=int, default=2_200)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--dir", type=Path, default=None, help="work directory (default: a temporary one)")
    args = ap.parse_args(argv)
    claims = args.claims or max(1, args.pages // 200)
    if args.dir:
        args.dir.mkdir(parents=True, exist_ok=True)
        for name in ("search.sqlite3", "like.sqlite3"):
            for suffix in ("", "-wal", "-shm"):
                (args.dir / (name + suffix)).unlink(missing_ok=True)
        run(args.pages, claims, args.queries, args.seed, args.dir)
    else:
        with tempfile.TemporaryDirectory(prefix="claimdex-bench-") as d:
            run(args.pages, claims, args.queries, args.seed, Path(d))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
